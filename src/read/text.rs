//! [`from_json_str`] and [`from_toml_str`]: a document from its text in
//! one call, with every problem it has (features `json` and `toml`).
//!
//! Parsing a `&str` is not I/O: the caller reads the file; the crate only
//! turns its text into a document, as `serde_json::from_str` does.

use super::every::parse_every_problem;
use crate::model::issue::ValidationError;

use serde::de::DeserializeOwned;

/// A document from JSON text: the whole text (characters after the
/// document are `invalid-document` at the root), with every problem it has
/// in one error ([`parse_every_problem`]).
///
/// # Errors
///
/// [`ValidationError`] with every parse issue, each with its code and its
/// JSON Pointer; the first has serde_json's message with its line and
/// column.
///
/// # Examples
///
/// ```
/// use assessment_model::{Framework, from_json_str};
///
/// let framework: Framework = from_json_str(r#"{
///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
///     "scales": { "met": { "type": "binary" } },
///     "criteria": [{ "id": "a", "title": "First item", "scale": "met" }]
/// }"#)?;
/// assert_eq!(framework.criteria.len(), 1);
///
/// // A typo and a malformed id, both reported.
/// let err = from_json_str::<Framework>(r#"{
///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
///     "criteria": [{ "id": "a", "titel": "First item" }, { "id": "B", "title": "Second" }]
/// }"#)
/// .unwrap_err();
/// let found: Vec<(&str, &str)> =
///     err.issues().iter().map(|i| (i.code(), i.path.as_str())).collect();
/// assert_eq!(found, [("unknown-field", "/criteria/0/titel"), ("malformed-id", "/criteria/1/id")]);
///
/// let err = from_json_str::<Framework>(r#"{"id": "t", "version": "1.0.0", "title": "T", "criteria": []} x"#)
///     .unwrap_err();
/// assert_eq!((err.issues()[0].code(), err.issues()[0].path.as_str()), ("invalid-document", ""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "json")]
pub fn from_json_str<T: DeserializeOwned>(text: &str) -> Result<T, ValidationError> {
    parse_every_problem(|| Ok::<_, std::convert::Infallible>(json::Whole::new(text))).into_result()
}

/// A document from TOML text, with every problem it has in one error
/// ([`parse_every_problem`]). A TOML
/// syntax error is toml's own (line, column and the line quoted), at the
/// root; the problems of a document that is TOML each have their path,
/// the first with toml's message (line, column, and for an unknown field
/// the fields expected).
///
/// Maps keep the order of the text only with toml's `preserve_order`
/// feature (see [`from_deserializer`](crate::from_deserializer)).
///
/// # Errors
///
/// [`ValidationError`] with every parse issue.
///
/// # Examples
///
/// ```
/// use assessment_model::{Framework, from_toml_str};
///
/// let text = r#"
/// id = "tiny"
/// version = "1.0.0"
/// title = "Tiny"
/// scales.met = { type = "binary" }
/// criteria = [{ id = "a", titel = "First item", scale = "met", weight = "heavy" }]
/// "#;
/// let err = from_toml_str::<Framework>(text).unwrap_err();
/// let found: Vec<(&str, &str)> =
///     err.issues().iter().map(|i| (i.code(), i.path.as_str())).collect();
/// assert_eq!(found, [("unknown-field", "/criteria/0/titel"), ("invalid-document", "/criteria/0/weight")]);
/// assert!(err.issues()[0].kind.to_string().contains("line 6"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "toml")]
pub fn from_toml_str<T: DeserializeOwned>(text: &str) -> Result<T, ValidationError> {
    parse_every_problem(|| toml::Deserializer::parse(text)).into_result()
}

/// serde_json's deserializer of a whole text, owned, so that it can be
/// handed over by value.
#[cfg(feature = "json")]
mod json {
    use serde::de::{Deserializer, Visitor};
    use serde_json::de::StrRead;

    use crate::model::form::with_deserialize_methods;

    /// Reads one document from the text, then checks that only white space
    /// follows it.
    pub(super) struct Whole<'a>(serde_json::Deserializer<StrRead<'a>>);

    impl<'a> Whole<'a> {
        pub(super) fn new(text: &'a str) -> Whole<'a> {
            Whole(serde_json::Deserializer::from_str(text))
        }
    }

    /// Passes each request on to the deserializer, then checks the end.
    macro_rules! whole {
        ($($method:ident($($arg:ident: $ty:ty),*))*) => {$(
            fn $method<V: Visitor<'a>>(mut self, $($arg: $ty,)* visitor: V) -> Result<V::Value, serde_json::Error> {
                let value = (&mut self.0).$method($($arg,)* visitor)?;
                self.0.end()?;
                Ok(value)
            }
        )*};
    }

    impl<'a> Deserializer<'a> for Whole<'a> {
        type Error = serde_json::Error;

        with_deserialize_methods!(whole);
    }
}
