//! [`from_deserializer`]: deserialise any document with the failure reported
//! as an [`Issue`] that says what and where ([SPEC](crate::spec) §4).
//!
//! Serde stops at the first error and its message says neither where in the
//! document tree the error is (serde_json gives a line and column, other
//! formats less) nor what kind of problem it is. This entry point tracks the
//! path while deserialising (the `keyed` wrapper records it) and classifies the
//! failure into one of five stable codes:
//!
//! | code | when |
//! |---|---|
//! | `unknown-field` | a key the format does not define (definitions deny unknown fields) |
//! | `malformed-id` | a string where an [`Id`] is expected is not a valid id |
//! | `malformed-language-tag` | a framework's `language` is not a well-formed BCP 47 tag ([`LanguageTag`](crate::model::LanguageTag)) |
//! | `duplicate-id` | a key given twice in one map (JSON allows it; the model's maps reject it rather than keep only the last value) |
//! | `invalid-document` | anything else: bad syntax, a wrong type, a struct written as an array (the positional form, see below), a missing field, an unknown enum value, nesting beyond the parser's limit |
//!
//! A struct is always an object (design, *Serialised form*): the array of
//! its fields' values, which serde's derive would take by position, is
//! `invalid-document` (`invalid type: sequence, expected struct
//! Criterion`) at the array's path, at any depth and in any format. The
//! `keyed` module does this for every type at once, by wrapping the
//! deserializer.
//!
//! Serde's first error is not the document's only problem: `every`
//! ([`parse_every_problem`]) reads the input again as a generic `tree` and
//! finds the others, with the same codes and paths; `text` reads JSON and
//! TOML text in one call ([`from_json_str`], [`from_toml_str`]).

use serde::de::{Deserialize, Deserializer};

mod every;
#[cfg(any(feature = "json", feature = "toml"))]
mod text;
mod tree;

pub use every::{Parsed, parse_every_problem};
#[cfg(feature = "json")]
pub use text::from_json_str;
#[cfg(feature = "toml")]
pub use text::from_toml_str;

use crate::model::id::{Id, MALFORMED_ID};
use crate::model::issue::{Issue, IssueKind, ValidationError, pointer};
use crate::model::language_tag::MALFORMED_TAG;

use crate::model::form::keyed::Keyed;
use crate::model::form::track::{Segment, Track};
use crate::model::form::unique_keys::DUPLICATE_KEY;

/// Deserialises a `T` from `deserializer`; on failure, one [`Issue`] with a
/// JSON Pointer to the offending value and the kind of problem.
///
/// This only checks the form of the document; call
/// [`Framework::validate`](crate::Framework::validate) on the result for the
/// rules that span fields. The crate does no I/O, so the caller makes the
/// deserializer (`&mut serde_json::Deserializer::from_str(text)`,
/// `toml::Deserializer::parse(text)?`, …). With serde_json, call its
/// `end()` afterwards to reject trailing characters. toml (1.x) checks the
/// whole text's syntax in `parse`, before this function sees any of it, so
/// a TOML syntax error is toml's own error (with a line and column, and no
/// path into the document tree); every later problem (a wrong type, an
/// unknown field, a bad id) comes back from here as one issue with its path.
///
/// Maps (scales, facets, facet values, ratings) keep the order in which
/// the deserializer hands their entries over, and that is the definition
/// order reports follow ([SPEC](crate::spec) §5.13). serde_json gives the
/// document's order; toml 1.x (as 0.9 before it) sorts a table's keys
/// unless its `preserve_order` feature is enabled, so add it with
/// `cargo add toml --features preserve_order`.
///
/// A struct must be an object: written as an array of its fields' values
/// (`"criteria": [["a", "First"]]`), it is `invalid-document` at the
/// array (`/criteria/0`).
///
/// The path points to where the problem is in the document as written: for
/// an unknown field, to the field itself (`/criteria/0/titel`, and inside a
/// scale's level `/scales/quality/levels/1/valu`); for a missing field, to
/// the object that lacks it.
///
/// This reads the input once and reports its first problem. To read text,
/// [`from_json_str`] and
/// [`from_toml_str`] report every problem, and
/// [`parse_every_problem`] does so for any
/// format whose input can be read twice.
///
/// # Errors
///
/// [`ValidationError`] holding exactly one issue, of code `unknown-field`,
/// `malformed-id`, `malformed-language-tag`, `duplicate-id` or
/// `invalid-document`.
///
/// # Examples
///
/// ```
/// use assessment_model::{Framework, from_deserializer};
///
/// let text = r#"{
///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
///     "criteria": [{ "id": "a", "titel": "First item" }]
/// }"#;
/// let err = from_deserializer::<Framework, _>(&mut serde_json::Deserializer::from_str(text))
///     .unwrap_err();
/// let issue = &err.issues()[0];
/// assert_eq!(issue.code(), "unknown-field");
/// assert_eq!(issue.path, "/criteria/0/titel");
///
/// let text = r#"{ "id": "Tiny", "version": "1.0.0", "title": "Tiny", "criteria": [] }"#;
/// let err = from_deserializer::<Framework, _>(&mut serde_json::Deserializer::from_str(text))
///     .unwrap_err();
/// assert_eq!(err.issues()[0].code(), "malformed-id");
/// assert_eq!(err.issues()[0].path, "/id");
///
/// // TOML: a weight that is not a number, at its path.
/// let text = r#"
/// id = "tiny"
/// version = "1.0.0"
/// title = "Tiny"
/// scales.met = { type = "binary" }
/// criteria = [{ id = "a", title = "First item", scale = "met", weight = "heavy" }]
/// "#;
/// let err = from_deserializer::<Framework, _>(toml::Deserializer::parse(text)?).unwrap_err();
/// assert_eq!(err.issues()[0].code(), "invalid-document");
/// assert_eq!(err.issues()[0].path, "/criteria/0/weight");
///
/// // A struct written as the array of its fields' values.
/// let text = r#"{
///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
///     "criteria": [["a", "First item"]]
/// }"#;
/// let err = from_deserializer::<Framework, _>(&mut serde_json::Deserializer::from_str(text))
///     .unwrap_err();
/// assert_eq!(err.issues()[0].code(), "invalid-document");
/// assert_eq!(err.issues()[0].path, "/criteria/0");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_deserializer<'de, T, D>(deserializer: D) -> Result<T, ValidationError>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    let track = Track::default();
    T::deserialize(Keyed::new(deserializer, &track))
        .map_err(|err| ValidationError::new(vec![issue_of(track, &err.to_string())]))
}

/// The issue a deserialisation error makes: its kind from the `message`,
/// its path from what `track` recorded.
pub(crate) fn issue_of(track: Track, message: &str) -> Issue {
    let mut path = String::new();
    let mut last_key: Option<String> = None;
    for segment in track.path() {
        match segment {
            Segment::Index(index) => {
                path = pointer(&path, index);
                last_key = None;
            }
            Segment::Key(key) => {
                path = pointer(&path, &key);
                last_key = Some(key);
            }
            // A key that is not a string: the path can go no deeper.
            Segment::Opaque => break,
        }
    }
    let mut kind = classify(message);
    match &mut kind {
        IssueKind::UnknownField { field, .. } if last_key.as_deref() != Some(field.as_str()) => {
            path = pointer(&path, field);
        }
        IssueKind::DuplicateId { id, first } => {
            // JSON Pointer cannot tell two uses of one key apart: both
            // paths are the key's.
            path = pointer(&path, id);
            first.clone_from(&path);
        }
        _ => {}
    }
    Issue::new(path, kind)
}

/// The kind of problem a deserialisation error message describes.
fn classify(message: &str) -> IssueKind {
    if let Some(kind) = malformed_id(message) {
        return kind;
    }
    if let Some(kind) = malformed_language_tag(message) {
        return kind;
    }
    if let Some(field) = unknown_field(message) {
        return IssueKind::UnknownField {
            field,
            message: message.trim().to_owned(),
        };
    }
    if let Some(key) = message
        .find(DUPLICATE_KEY)
        .and_then(|at| message.get(at.saturating_add(DUPLICATE_KEY.len())..))
        .and_then(unquote)
    {
        return IssueKind::DuplicateId {
            id: key,
            first: String::new(),
        };
    }
    IssueKind::InvalidDocument {
        message: message.trim().to_owned(),
    }
}

/// Recognises the message of [`Id`]'s `Deserialize`:
/// `malformed id "<value>": <reason>`. The reason is recomputed from the
/// value, so whatever a format appends to the message does not leak into it.
/// The first occurrence of the marker that is followed by a complete string
/// literal of a non-id counts (a format may quote the offending source line
/// before the message, and the value itself may contain the marker, but
/// always escaped). Only the first few occurrences are tried, so that a
/// message quoting a line full of markers still takes linear time.
fn malformed_id(message: &str) -> Option<IssueKind> {
    message
        .match_indices(MALFORMED_ID)
        .take(16)
        .find_map(|(at, _)| {
            let literal = message.get(at.saturating_add(MALFORMED_ID.len())..)?;
            let value = unquote(literal)?;
            let reason = Id::new(value.as_str()).err()?.to_string();
            Some(IssueKind::MalformedId { value, reason })
        })
}

/// Recognises the message of [`LanguageTag`](crate::model::LanguageTag)'s
/// `Deserialize`, `malformed language tag "<value>": <reason>`, as
/// [`malformed_id`] does an id's.
fn malformed_language_tag(message: &str) -> Option<IssueKind> {
    message
        .match_indices(MALFORMED_TAG)
        .take(16)
        .find_map(|(at, _)| {
            let literal = message.get(at.saturating_add(MALFORMED_TAG.len())..)?;
            let value = unquote(literal)?;
            let reason = crate::model::language_tag::LanguageTag::new(&value)
                .err()?
                .to_string();
            Some(IssueKind::MalformedLanguageTag { value, reason })
        })
}

/// Recognises serde's ``unknown field `<name>`, expected …`` (or
/// `…, there are no fields`).
fn unknown_field(message: &str) -> Option<String> {
    const START: &str = "unknown field `";
    let at = message.find(START)?;
    let rest = message.get(at.saturating_add(START.len())..)?;
    let end = ["`, expected", "`, there are no fields"]
        .iter()
        .filter_map(|end| rest.find(end))
        .min()?;
    rest.get(..end).map(str::to_owned)
}

/// Decodes the Rust string literal (as `{:?}` writes it) at the start of
/// `s`; `None` when `s` does not start with a complete literal.
fn unquote(s: &str) -> Option<String> {
    let mut chars = s.strip_prefix('"')?.chars();
    let mut out = String::new();
    loop {
        match chars.next()? {
            '"' => return Some(out),
            '\\' => out.push(match chars.next()? {
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                '0' => '\0',
                '\\' => '\\',
                // `str`'s Debug never escapes `'` (only `char`'s does).
                '"' => '"',
                'u' => {
                    if chars.next()? != '{' {
                        return None;
                    }
                    let mut code = 0u32;
                    loop {
                        match chars.next()? {
                            '}' => break,
                            c => {
                                code = code.checked_mul(16)?.checked_add(c.to_digit(16)?)?;
                            }
                        }
                    }
                    char::from_u32(code)?
                }
                _ => return None,
            }),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unquote_inverts_debug() {
        for s in [
            "",
            "A",
            "a b",
            "é",
            "\"q\"",
            "back\\slash",
            "tab\tnl\n",
            "\u{7f}\u{200b}",
            "\0",
            "it's",
        ] {
            assert_eq!(unquote(&format!("{s:?}: rest")).as_deref(), Some(s));
        }
        assert_eq!(unquote("no quote"), None);
        assert_eq!(unquote("\"unterminated"), None);
        assert_eq!(unquote("\"\\q\""), None);
        assert_eq!(unquote("\"\\u{110000}\""), None);
    }

    #[test]
    fn unknown_field_name() {
        assert_eq!(
            unknown_field("unknown field `titel`, expected one of `id`, `title` at line 1")
                .as_deref(),
            Some("titel")
        );
        assert_eq!(
            unknown_field("unknown field `x`, there are no fields").as_deref(),
            Some("x")
        );
        assert_eq!(unknown_field("missing field `id`"), None);
    }

    #[test]
    fn a_value_that_contains_the_marker() {
        let value = "x malformed id \"B\"";
        let message = format!("source line: malformed id ?? then malformed id {value:?}: reason");
        assert_eq!(
            malformed_id(&message),
            Some(IssueKind::MalformedId {
                value: value.into(),
                reason: "character ' ' at byte 1 is not allowed in an id (use a-z, 0-9 and single hyphens)"
                    .into()
            })
        );
    }

    #[test]
    fn malformed_id_reason_is_recomputed() {
        let kind = classify("malformed id \"a--b\": hyphen at byte 2 … at line 1 column 9");
        assert_eq!(
            kind,
            IssueKind::MalformedId {
                value: "a--b".into(),
                reason: "hyphen at byte 2: an id may not start or end with a hyphen or have two in a row"
                    .into()
            }
        );
    }
}
