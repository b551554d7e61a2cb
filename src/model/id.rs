//! [`Id`]: the checked identifier used for frameworks, criteria, scales,
//! facets, levels and bands.

use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A checked kebab-case identifier: `[a-z0-9]+(-[a-z0-9]+)*`, 1 to
/// [`Id::MAX_LEN`] bytes.
///
/// Every id in a document is an `Id`, and deserialising one goes through
/// the same check as [`Id::new`], so a malformed id in a file is an error at
/// parse time, never a value that later code has to second-guess.
///
/// `Id` borrows as `str`, so maps keyed by `Id` can be queried with `&str`.
///
/// # Examples
///
/// ```
/// use assessment_model::Id;
///
/// let id: Id = "migrant-voice".parse()?;
/// assert_eq!(id.as_str(), "migrant-voice");
/// assert_eq!(id.to_string(), "migrant-voice");
/// assert!(Id::new("Migrant Voice").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct Id(String);

impl Id {
    /// The longest id, in bytes.
    pub const MAX_LEN: usize = 64;

    /// Checks `s` and makes an id of it.
    ///
    /// # Errors
    ///
    /// [`IdError`] when `s` is empty, longer than [`Id::MAX_LEN`] bytes, or
    /// not lowercase ASCII letters and digits in runs joined by single
    /// hyphens.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::Id;
    /// use assessment_model::model::IdError;
    ///
    /// assert!(Id::new("needs-assessment").is_ok());
    /// assert_eq!(Id::new("a--b"), Err(IdError::Hyphen { index: 2 }));
    /// ```
    pub fn new(s: impl Into<String>) -> Result<Id, IdError> {
        let s = s.into();
        check(&s)?;
        Ok(Id(s))
    }

    /// An id the crate itself spells (the built-in catalogues' ids), made
    /// without a fallible constructor. The check still runs in debug builds,
    /// and the catalogue tests build every such id, so a malformed literal
    /// fails the tests rather than reaching a user.
    pub(crate) fn trusted(s: impl Into<String>) -> Id {
        let s = s.into();
        debug_assert!(check(&s).is_ok(), "malformed built-in id {s:?}");
        Id(s)
    }

    /// `s` as an id when it is one; otherwise pushes the `malformed-id`
    /// issue at `path` and returns `s` unchecked as a stand-in, so that
    /// the document being built keeps its shape and later checks still
    /// run. Only for a document that is then rejected because of that
    /// issue ([`crate::FrameworkBuilder::build`]): the stand-in never
    /// reaches a user.
    pub(crate) fn or_issue(
        s: &str,
        path: String,
        issues: &mut Vec<crate::model::issue::Issue>,
    ) -> Id {
        if let Err(err) = check(s) {
            let kind = crate::model::issue::IssueKind::MalformedId {
                value: s.to_owned(),
                reason: err.to_string(),
            };
            issues.push(crate::model::issue::Issue::new(path, kind));
        }
        Id(s.to_owned())
    }

    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id as an owned `String`.
    pub fn into_string(self) -> String {
        self.0
    }
}

fn check(s: &str) -> Result<(), IdError> {
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    if s.len() > Id::MAX_LEN {
        return Err(IdError::TooLong { len: s.len() });
    }
    let bytes = s.as_bytes();
    for (index, ch) in s.char_indices() {
        match ch {
            'a'..='z' | '0'..='9' => {}
            '-' => {
                let last = bytes.len().saturating_sub(1);
                let doubled = index > 0 && bytes.get(index.saturating_sub(1)) == Some(&b'-');
                if index == 0 || index == last || doubled {
                    return Err(IdError::Hyphen { index });
                }
            }
            other => return Err(IdError::Character { index, ch: other }),
        }
    }
    Ok(())
}

/// Why a string is not an [`Id`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdError {
    /// The string is empty.
    #[error("an id must not be empty")]
    Empty,
    /// The string is longer than [`Id::MAX_LEN`] bytes.
    #[error("an id is at most 64 bytes, this one is {len}")]
    TooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// A character other than `a-z`, `0-9` and `-`.
    #[error(
        "character {ch:?} at byte {index} is not allowed in an id (use a-z, 0-9 and single hyphens)"
    )]
    Character {
        /// Byte offset of the character.
        index: usize,
        /// The character.
        ch: char,
    },
    /// A hyphen at the start or end, or two in a row.
    #[error(
        "hyphen at byte {index}: an id may not start or end with a hyphen or have two in a row"
    )]
    Hyphen {
        /// Byte offset of the hyphen.
        index: usize,
    },
}

/// The start of the message of every deserialisation error that a bad id
/// causes: `malformed id "<value as a Rust string literal>": <reason>`.
///
/// [`crate::from_deserializer`] recognises it and reports the problem as
/// [`crate::IssueKind::MalformedId`]; any other serde consumer sees a readable
/// message.
pub(crate) const MALFORMED_ID: &str = "malformed id ";

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        deserializer.deserialize_str(IdVisitor)
    }
}

pub(crate) struct IdVisitor;

impl IdVisitor {
    fn fail<E: serde::de::Error>(value: &str, err: &IdError) -> E {
        E::custom(format_args!("{MALFORMED_ID}{value:?}: {err}"))
    }
}

impl serde::de::Visitor<'_> for IdVisitor {
    type Value = Id;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a kebab-case id")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Id, E> {
        check(v).map_err(|e| IdVisitor::fail(v, &e))?;
        Ok(Id(v.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Id, E> {
        match check(&v) {
            Ok(()) => Ok(Id(v)),
            Err(e) => Err(IdVisitor::fail(&v, &e)),
        }
    }
}

impl FromStr for Id {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Id, IdError> {
        Id::new(s)
    }
}

impl TryFrom<String> for Id {
    type Error = IdError;

    fn try_from(s: String) -> Result<Id, IdError> {
        Id::new(s)
    }
}

impl TryFrom<&str> for Id {
    type Error = IdError;

    fn try_from(s: &str) -> Result<Id, IdError> {
        Id::new(s)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// The form of an id as a regular expression (its length is bounded apart,
/// by `maxLength`).
#[cfg(feature = "schema")]
pub(crate) const PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A kebab-case identifier: lowercase ASCII letters and digits in runs joined by single hyphens, 1 to 64 bytes.",
            "type": "string",
            "pattern": PATTERN,
            "minLength": 1,
            "maxLength": Id::MAX_LEN
        })
    }
}

/// The position of `key` among the keys of `map`. A map of at most eight
/// entries (a framework's scales and facets, typically) is scanned, which
/// costs less than hashing the key; a larger one is looked up by hash.
pub(crate) fn position<V>(map: &indexmap::IndexMap<Id, V>, key: &str) -> Option<usize> {
    if map.len() <= 8 {
        map.keys().position(|k| k.as_str() == key)
    } else {
        map.get_index_of(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_kebab_case() {
        for s in [
            "a",
            "0",
            "a-b",
            "needs-assessment",
            "io2-factor-13",
            "x".repeat(64).as_str(),
        ] {
            assert_eq!(Id::new(s).map(|i| i.to_string()), Ok(s.to_string()));
        }
    }

    #[test]
    fn rejects_with_reason() {
        assert_eq!(Id::new(""), Err(IdError::Empty));
        assert_eq!(Id::new("x".repeat(65)), Err(IdError::TooLong { len: 65 }));
        assert_eq!(Id::new("-a"), Err(IdError::Hyphen { index: 0 }));
        assert_eq!(Id::new("a-"), Err(IdError::Hyphen { index: 1 }));
        assert_eq!(Id::new("a--b"), Err(IdError::Hyphen { index: 2 }));
        assert_eq!(Id::new("aB"), Err(IdError::Character { index: 1, ch: 'B' }));
        assert_eq!(
            Id::new("a_b"),
            Err(IdError::Character { index: 1, ch: '_' })
        );
        assert_eq!(Id::new("é"), Err(IdError::Character { index: 0, ch: 'é' }));
        assert_eq!(
            Id::new("a b"),
            Err(IdError::Character { index: 1, ch: ' ' })
        );
    }

    #[test]
    fn serde_goes_through_the_check() {
        let ok: Result<Id, _> = serde_json::from_str("\"a-b\"");
        assert_eq!(ok.map(|i| i.into_string()).ok(), Some("a-b".to_string()));
        let bad: Result<Id, _> = serde_json::from_str("\"A\"");
        let message = bad.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.starts_with("malformed id \"A\": character 'A' at byte 0"),
            "{message}"
        );
        let id = Id::new("a-b").unwrap_or_else(|_| unreachable!());
        assert_eq!(serde_json::to_string(&id).ok().as_deref(), Some("\"a-b\""));
    }
}
