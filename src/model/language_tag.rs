//! [`LanguageTag`]: a checked BCP 47 language tag ([SPEC](crate::spec)
//! §2.6), the language a framework or a localization is written in.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A well-formed BCP 47 language tag (RFC 5646 §2.1), such as `en`, `de`,
/// `de-AT`, `sr-Latn-RS`, `es-419` or `sl-rozaj-biske`, kept in the case
/// RFC 5646 §2.1.1 recommends: the language and extended language subtags
/// lowercase, the script titlecase (`Latn`), the region uppercase (`AT`),
/// everything else lowercase. Tags are compared in that form, so `DE-at`
/// and `de-AT` are one tag.
///
/// Accepted, in this order (RFC 5646 §2.1, the `langtag` production):
///
/// - the primary language: 2 or 3 letters, optionally followed by up to
///   three extended language subtags of 3 letters (`zh-yue`), or 5 to 8
///   letters;
/// - a script: 4 letters (`Latn`);
/// - a region: 2 letters or 3 digits (`AT`, `419`);
/// - variants: 5 to 8 letters or digits, or a digit and 3 letters or
///   digits (`1996`), none given twice;
/// - extensions: a singleton (a letter or digit other than `x`) followed by
///   subtags of 2 to 8 letters or digits (`de-u-co-phonebk`), no singleton
///   given twice;
/// - private use, last: `x` followed by subtags of 1 to 8 letters or digits
///   (`de-x-impart`).
///
/// Also accepted, as whole tags (the other two forms of RFC 5646 §2.1's
/// `Language-Tag`): a tag of private use alone (`x-private`, §2.2.7), kept
/// lowercase; and the 17 irregular grandfathered tags (§2.2.8: `en-GB-oed`,
/// `i-ami`, `i-bnn`, `i-default`, `i-enochian`, `i-hak`, `i-klingon`,
/// `i-lux`, `i-mingo`, `i-navajo`, `i-pwn`, `i-tao`, `i-tay`, `i-tsu`,
/// `sgn-BE-FR`, `sgn-BE-NL`, `sgn-CH-DE`), kept in the case RFC 5646
/// writes them. The 9 regular grandfathered tags (`art-lojban`, `zh-min-nan`,
/// …) have the form above. Refused: a 4-letter primary language (reserved
/// by RFC 5646), any other tag starting with a singleton (`i-foo`,
/// `a-bc`), and a tag over [`LanguageTag::MAX_LEN`] bytes. The check is of
/// form, not of the IANA registry: `qq` is well-formed whether or not it is
/// registered.
///
/// # Examples
///
/// ```
/// use assessment_model::model::LanguageTag;
///
/// let tag: LanguageTag = "DE-at".parse()?;
/// assert_eq!(tag.as_str(), "de-AT");
/// assert_eq!(tag.primary_language(), "de");
/// assert!(LanguageTag::new("de_AT").is_err());
/// assert_eq!(LanguageTag::new("X-Private")?.as_str(), "x-private");
/// assert_eq!(LanguageTag::new("I-KLINGON")?.as_str(), "i-klingon");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct LanguageTag(String);

impl LanguageTag {
    /// The longest tag accepted, in bytes (RFC 5646 §4.4.1 asks for at
    /// least 35; 64 is the length of an [`Id`](crate::Id)).
    pub const MAX_LEN: usize = 64;

    /// Checks `s` and makes a tag of it, in the recommended case.
    ///
    /// # Errors
    ///
    /// [`LanguageTagError`] when `s` is not a well-formed tag of the forms
    /// above.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::model::{LanguageTag, LanguageTagError};
    ///
    /// assert_eq!(LanguageTag::new("sr-latn-rs")?.as_str(), "sr-Latn-RS");
    /// assert_eq!(
    ///     LanguageTag::new("de-1996-1996"),
    ///     Err(LanguageTagError::Repeated { subtag: "1996".into() })
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(s: &str) -> Result<LanguageTag, LanguageTagError> {
        canonical(s).map(LanguageTag)
    }

    /// English (`en`), the language a framework is in unless it says
    /// otherwise.
    pub fn en() -> LanguageTag {
        LanguageTag("en".to_owned())
    }

    /// The tag as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag (`de` of `de-AT`, `sgn` of
    /// `sgn-BE-FR`): the text before the first hyphen. A tag that has none,
    /// one of private use alone (`x-private`) or a grandfathered `i-` tag
    /// (`i-klingon`), is its own primary language: the whole tag.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::model::LanguageTag;
    ///
    /// assert_eq!(LanguageTag::new("de-AT")?.primary_language(), "de");
    /// assert_eq!(LanguageTag::new("en-GB-oed")?.primary_language(), "en");
    /// assert_eq!(LanguageTag::new("x-private")?.primary_language(), "x-private");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn primary_language(&self) -> &str {
        match self.0.split_once('-') {
            Some((first, _)) if first.len() > 1 => first,
            Some(_) | None => &self.0,
        }
    }

    /// The tag of the primary language alone (`de` of `de-AT`; `de` of
    /// `de`; `x-private` of `x-private`, see
    /// [`primary_language`](LanguageTag::primary_language)): the second step
    /// of the fallback order ([`Localized`](crate::localization::Localized)).
    pub fn primary(&self) -> LanguageTag {
        LanguageTag(self.primary_language().to_owned())
    }

    /// Whether this is `en`, the default (left out when a framework is
    /// written).
    pub(crate) fn is_en(&self) -> bool {
        self.0 == "en"
    }
}

impl Default for LanguageTag {
    /// `en`.
    fn default() -> LanguageTag {
        LanguageTag::en()
    }
}

/// Why a string is not a [`LanguageTag`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LanguageTagError {
    /// The string is empty.
    #[error("a language tag must not be empty")]
    Empty,
    /// The string is longer than [`LanguageTag::MAX_LEN`] bytes.
    #[error("a language tag is at most 64 bytes, this one is {len}")]
    TooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// A character other than an ASCII letter, digit or hyphen, or a
    /// hyphen at the start or end or next to another.
    #[error(
        "character {ch:?} at byte {index} is not allowed here (subtags of ASCII letters and digits joined by single hyphens)"
    )]
    Character {
        /// Byte offset of the character.
        index: usize,
        /// The character.
        ch: char,
    },
    /// The first subtag is not a primary language subtag.
    #[error(
        "`{subtag}` is not a primary language subtag (2, 3 or 5 to 8 letters; a tag may also be `x-` and private-use subtags, or a grandfathered tag of RFC 5646 §2.2.8)"
    )]
    Language {
        /// The first subtag.
        subtag: String,
    },
    /// A subtag that fits no part of a tag where it stands.
    #[error(
        "`{subtag}` is not an extended language, script, region, variant, extension or private-use subtag where it stands"
    )]
    Misplaced {
        /// The subtag.
        subtag: String,
    },
    /// A singleton (an extension's or `x`) with nothing after it.
    #[error("singleton `{singleton}` must be followed by at least one subtag")]
    EmptyExtension {
        /// The singleton.
        singleton: String,
    },
    /// A variant or an extension singleton given twice.
    #[error("variant or singleton `{subtag}` is given twice")]
    Repeated {
        /// The subtag, lowercase.
        subtag: String,
    },
}

/// The parts of a tag in their order, as a parser state.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Language,
    Extlang,
    Script,
    Region,
    Variant,
}

fn alpha(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

fn is_variant(s: &str) -> bool {
    let starts_with_digit = s.bytes().next().is_some_and(|b| b.is_ascii_digit());
    (5..=8).contains(&s.len()) || (s.len() == 4 && starts_with_digit)
}

/// The irregular grandfathered tags of RFC 5646 (§2.1, the `irregular`
/// production; §2.2.8), in the case it writes them. They do not have the
/// form of the other tags, so they are accepted whole.
pub(crate) const IRREGULAR: [&str; 17] = [
    "en-GB-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-BE-FR",
    "sgn-BE-NL",
    "sgn-CH-DE",
];

/// `s` in the recommended case, when it is a well-formed tag.
fn canonical(s: &str) -> Result<String, LanguageTagError> {
    if s.is_empty() {
        return Err(LanguageTagError::Empty);
    }
    if s.len() > LanguageTag::MAX_LEN {
        return Err(LanguageTagError::TooLong { len: s.len() });
    }
    check_characters(s)?;
    if let Some(tag) = IRREGULAR.iter().find(|tag| tag.eq_ignore_ascii_case(s)) {
        return Ok((*tag).to_owned());
    }
    let lower = s.to_ascii_lowercase();
    let mut subtags = lower.split('-');
    let first = subtags.next().unwrap_or_default();
    if first == "x" {
        // Private use alone (RFC 5646 §2.2.7): all of it lowercase.
        return singletons(first, subtags, String::new());
    }
    let language_ok = alpha(first) && matches!(first.len(), 2 | 3 | 5..=8);
    if !language_ok {
        return Err(LanguageTagError::Language {
            subtag: first.to_owned(),
        });
    }
    let mut out = first.to_owned();
    let mut part = Part::Language;
    let mut extlangs = 0usize;
    let mut variants: Vec<&str> = Vec::new();
    while let Some(subtag) = subtags.next() {
        out.push('-');
        if subtag.len() == 1 {
            // Extensions and private use run to the end of the tag.
            return singletons(subtag, subtags, out);
        }
        let extlang_ok = first.len() <= 3 && part <= Part::Extlang && extlangs < 3;
        if subtag.len() == 3 && alpha(subtag) && extlang_ok {
            extlangs = extlangs.saturating_add(1);
            part = Part::Extlang;
            out.push_str(subtag);
        } else if subtag.len() == 4 && alpha(subtag) && part < Part::Script {
            part = Part::Script;
            let (head, tail) = subtag.split_at(1);
            out.push_str(&head.to_ascii_uppercase());
            out.push_str(tail);
        } else if ((subtag.len() == 2 && alpha(subtag)) || (subtag.len() == 3 && digits(subtag)))
            && part < Part::Region
        {
            part = Part::Region;
            out.push_str(&subtag.to_ascii_uppercase());
        } else if is_variant(subtag) {
            if variants.contains(&subtag) {
                return Err(LanguageTagError::Repeated {
                    subtag: subtag.to_owned(),
                });
            }
            variants.push(subtag);
            part = Part::Variant;
            out.push_str(subtag);
        } else {
            return Err(LanguageTagError::Misplaced {
                subtag: subtag.to_owned(),
            });
        }
    }
    Ok(out)
}

/// Only ASCII letters, digits and single inner hyphens; no subtag over 8.
fn check_characters(s: &str) -> Result<(), LanguageTagError> {
    let bytes = s.as_bytes();
    let mut run = 0usize;
    for (index, ch) in s.char_indices() {
        let bad = match ch {
            'a'..='z' | 'A'..='Z' | '0'..='9' => {
                run = run.saturating_add(1);
                run > 8
            }
            '-' => {
                run = 0;
                let last = bytes.len().saturating_sub(1);
                index == 0 || index == last || bytes.get(index.saturating_sub(1)) == Some(&b'-')
            }
            _ => true,
        };
        if bad {
            return Err(LanguageTagError::Character { index, ch });
        }
    }
    Ok(())
}

/// The extensions and private use that start at the singleton `first`,
/// appended to `out` (already lowercase).
fn singletons<'s>(
    first: &'s str,
    rest: impl Iterator<Item = &'s str>,
    mut out: String,
) -> Result<String, LanguageTagError> {
    let mut seen: Vec<&str> = Vec::new();
    let mut singleton = first;
    let mut after = 0usize;
    out.push_str(first);
    for subtag in rest {
        out.push('-');
        out.push_str(subtag);
        let private = singleton == "x";
        if subtag.len() == 1 && !private {
            if after == 0 {
                return Err(LanguageTagError::EmptyExtension {
                    singleton: singleton.to_owned(),
                });
            }
            if seen.contains(&subtag) || subtag == singleton {
                return Err(LanguageTagError::Repeated {
                    subtag: subtag.to_owned(),
                });
            }
            seen.push(singleton);
            singleton = subtag;
            after = 0;
            continue;
        }
        after = after.saturating_add(1);
    }
    if after == 0 {
        return Err(LanguageTagError::EmptyExtension {
            singleton: singleton.to_owned(),
        });
    }
    Ok(out)
}

/// The start of the message of every deserialisation error that a bad tag
/// causes: `malformed language tag "<value as a Rust string literal>":
/// <reason>`, which [`crate::from_deserializer`] reports as
/// [`crate::IssueKind::MalformedLanguageTag`].
pub(crate) const MALFORMED_TAG: &str = "malformed language tag ";

impl<'de> Deserialize<'de> for LanguageTag {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<LanguageTag, D::Error> {
        deserializer.deserialize_str(TagVisitor)
    }
}

struct TagVisitor;

impl serde::de::Visitor<'_> for TagVisitor {
    type Value = LanguageTag;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a BCP 47 language tag")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<LanguageTag, E> {
        LanguageTag::new(v).map_err(|e| E::custom(format_args!("{MALFORMED_TAG}{v:?}: {e}")))
    }
}

impl FromStr for LanguageTag {
    type Err = LanguageTagError;

    fn from_str(s: &str) -> Result<LanguageTag, LanguageTagError> {
        LanguageTag::new(s)
    }
}

impl From<LanguageTag> for String {
    fn from(tag: LanguageTag) -> String {
        tag.0
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl AsRef<str> for LanguageTag {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The form of a tag of a primary language as a regular expression,
/// either case (repeated variants and singletons, which the pattern cannot
/// exclude, are listed in `schemas/README.md`).
#[cfg(feature = "schema")]
const LANGTAG_PATTERN: &str = concat!(
    "(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{5,8})",
    "(?:-[A-Za-z]{4})?",
    "(?:-(?:[A-Za-z]{2}|[0-9]{3}))?",
    "(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*",
    "(?:-[A-WY-Za-wy-z0-9](?:-[A-Za-z0-9]{2,8})+)*",
    "(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"
);

/// Every accepted form as one regular expression, either case: a tag of a
/// primary language, private use alone, or an irregular grandfathered tag
/// (each letter of [`IRREGULAR`] as a class of both cases, as JSON Schema's
/// patterns have no flag for case).
#[cfg(feature = "schema")]
fn pattern() -> String {
    let mut out = format!("^(?:{LANGTAG_PATTERN}|[Xx](?:-[A-Za-z0-9]{{1,8}})+");
    for tag in IRREGULAR {
        out.push('|');
        for c in tag.chars() {
            if c.is_ascii_alphabetic() {
                out.extend(['[', c.to_ascii_uppercase(), c.to_ascii_lowercase(), ']']);
            } else {
                out.push(c);
            }
        }
    }
    out.push_str(")$");
    out
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for LanguageTag {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LanguageTag".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A well-formed BCP 47 language tag (RFC 5646), such as `en`, `de-AT` or `sr-Latn-RS`, private use alone (`x-private`) or a grandfathered tag (`i-klingon`); at most 64 bytes.",
            "type": "string",
            "pattern": pattern(),
            "maxLength": LanguageTag::MAX_LEN
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> Result<String, LanguageTagError> {
        LanguageTag::new(s).map(String::from)
    }

    #[test]
    fn accepts_the_forms_of_rfc_5646_in_the_recommended_case() {
        for (given, canonical) in [
            ("en", "en"),
            ("DE", "de"),
            ("de-at", "de-AT"),
            ("ast", "ast"),
            ("zh-yue-HK", "zh-yue-HK"),
            ("zh-min-nan", "zh-min-nan"),
            ("sr-latn-rs", "sr-Latn-RS"),
            ("zh-HANT", "zh-Hant"),
            ("es-419", "es-419"),
            ("sl-rozaj-biske", "sl-rozaj-biske"),
            ("de-CH-1901", "de-CH-1901"),
            ("de-DE-u-co-phonebk", "de-DE-u-co-phonebk"),
            ("en-a-bbb-b-ccc-x-a-ccc", "en-a-bbb-b-ccc-x-a-ccc"),
            ("de-x-impart", "de-x-impart"),
            ("de-X-A-B", "de-x-a-b"),
            ("en-US-x-twain", "en-US-x-twain"),
            ("abcdefgh", "abcdefgh"),
        ] {
            assert_eq!(tag(given).as_deref(), Ok(canonical), "{given}");
        }
    }

    #[test]
    fn accepts_private_use_and_grandfathered_tags_whole() {
        for (given, canonical) in [
            ("x-private", "x-private"),
            ("X-Private-A", "x-private-a"),
            ("x-a-b-12345678", "x-a-b-12345678"),
            ("en-x-foo", "en-x-foo"),
            ("EN-X-FOO", "en-x-foo"),
            // RFC 5646 §2.1, `irregular`.
            ("en-gb-oed", "en-GB-oed"),
            ("i-ami", "i-ami"),
            ("i-bnn", "i-bnn"),
            ("i-default", "i-default"),
            ("i-enochian", "i-enochian"),
            ("i-hak", "i-hak"),
            ("I-Klingon", "i-klingon"),
            ("i-lux", "i-lux"),
            ("i-mingo", "i-mingo"),
            ("i-navajo", "i-navajo"),
            ("i-pwn", "i-pwn"),
            ("i-tao", "i-tao"),
            ("i-tay", "i-tay"),
            ("i-tsu", "i-tsu"),
            ("SGN-be-fr", "sgn-BE-FR"),
            ("sgn-be-nl", "sgn-BE-NL"),
            ("sgn-ch-de", "sgn-CH-DE"),
            // RFC 5646 §2.1, `regular`: of the form of a `langtag`.
            ("art-lojban", "art-lojban"),
            ("cel-gaulish", "cel-gaulish"),
            ("no-bok", "no-bok"),
            ("no-nyn", "no-nyn"),
            ("zh-guoyu", "zh-guoyu"),
            ("zh-hakka", "zh-hakka"),
            ("zh-min", "zh-min"),
            ("ZH-MIN-NAN", "zh-min-nan"),
            ("zh-xiang", "zh-xiang"),
        ] {
            assert_eq!(tag(given).as_deref(), Ok(canonical), "{given}");
        }
        // A tag without a primary language subtag is its own.
        for (given, primary) in [
            ("x-private", "x-private"),
            ("i-klingon", "i-klingon"),
            ("en-GB-oed", "en"),
            ("sgn-BE-FR", "sgn"),
            ("en-x-foo", "en"),
        ] {
            let tag = LanguageTag::new(given).unwrap_or_default();
            assert_eq!(tag.primary_language(), primary, "{given}");
            assert_eq!(tag.primary().as_str(), primary, "{given}");
        }
    }

    #[test]
    fn refuses_with_reason() {
        let language = |s: &str| LanguageTagError::Language { subtag: s.into() };
        let misplaced = |s: &str| LanguageTagError::Misplaced { subtag: s.into() };
        for (given, error) in [
            ("", LanguageTagError::Empty),
            ("e", language("e")),
            ("engl", language("engl")),
            ("i-foo", language("i")),
            ("i-klingon-x-a", language("i")),
            ("a-bc", language("a")),
            (
                "x",
                LanguageTagError::EmptyExtension {
                    singleton: "x".into(),
                },
            ),
            (
                "x-abcdefghi",
                LanguageTagError::Character { index: 10, ch: 'i' },
            ),
            ("123", language("123")),
            ("de_AT", LanguageTagError::Character { index: 2, ch: '_' }),
            ("de-", LanguageTagError::Character { index: 2, ch: '-' }),
            ("-de", LanguageTagError::Character { index: 0, ch: '-' }),
            ("de--AT", LanguageTagError::Character { index: 3, ch: '-' }),
            ("de-ÄT", LanguageTagError::Character { index: 3, ch: 'Ä' }),
            (
                "de-abcdefghi",
                LanguageTagError::Character { index: 11, ch: 'i' },
            ),
            ("en-GB-oed-x-a", misplaced("oed")),
            ("sgn-BE-DE", misplaced("de")),
            ("de-AT-DE", misplaced("de")),
            ("de-Latn-Latn", misplaced("latn")),
            ("abcde-abc", misplaced("abc")),
            ("zh-aaa-bbb-ccc-ddd", misplaced("ddd")),
            (
                "de-u",
                LanguageTagError::EmptyExtension {
                    singleton: "u".into(),
                },
            ),
            (
                "de-x",
                LanguageTagError::EmptyExtension {
                    singleton: "x".into(),
                },
            ),
            (
                "de-u-x-a",
                LanguageTagError::EmptyExtension {
                    singleton: "u".into(),
                },
            ),
            (
                "de-u-a",
                LanguageTagError::EmptyExtension {
                    singleton: "u".into(),
                },
            ),
            (
                "de-u-co-u-nu",
                LanguageTagError::Repeated { subtag: "u".into() },
            ),
            (
                "de-u-co-t-a0-u-nu",
                LanguageTagError::Repeated { subtag: "u".into() },
            ),
            (
                "de-1996-1996",
                LanguageTagError::Repeated {
                    subtag: "1996".into(),
                },
            ),
        ] {
            assert_eq!(tag(given), Err(error), "{given}");
        }
    }

    #[test]
    fn refuses_a_tag_over_64_bytes() {
        let long = format!("de{}", "-abcdefgh".repeat(7));
        assert_eq!(long.len(), 65);
        assert_eq!(tag(&long), Err(LanguageTagError::TooLong { len: 65 }));
        // 64 bytes: accepted (the variants are distinct).
        let at_limit = "de-abcdefgh-bcdefgha-cdefghab-defghabc-efghabcd-fghabcde-ghabcde";
        assert_eq!(at_limit.len(), 64);
        assert_eq!(tag(at_limit).as_deref(), Ok(at_limit));
    }

    #[test]
    fn primary_language_and_serde() {
        let at = LanguageTag::new("de-AT").unwrap_or_default();
        assert_eq!(at.primary_language(), "de");
        assert_eq!(at.primary().as_str(), "de");
        assert_eq!(LanguageTag::default().as_str(), "en");
        let read: Result<LanguageTag, _> = serde_json::from_str("\"sr-latn\"");
        assert_eq!(read.ok().map(String::from).as_deref(), Some("sr-Latn"));
        let bad: Result<LanguageTag, _> = serde_json::from_str("\"de_AT\"");
        let message = bad.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.starts_with("malformed language tag \"de_AT\": character '_' at byte 2"),
            "{message}"
        );
    }
}
