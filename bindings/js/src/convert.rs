//! Documents across the boundary. A document argument is JSON text (a
//! string) or a JS value, which `JSON.stringify` writes as text (so a
//! wrapped document such as an `Assessment`, whose `toJSON` gives its
//! document, is taken too); the text is read by the crate's
//! `from_json_str`, which reports every problem of a document that does
//! not parse, each at its JSON Pointer, as Rust and Python do. Results go
//! back as the crate's serialised form through `JSON.parse`, maps in
//! definition order.

use assessment_model::{Issue, IssueKind, ValidationError, from_json_str};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

/// One `invalid-document` issue at the root, saying `message`.
fn invalid(message: String) -> ValidationError {
    ValidationError::new(vec![Issue::new("", IssueKind::InvalidDocument { message })])
}

/// A `T` from JSON text, with every problem it has; trailing characters
/// after the document are `invalid-document` at the root.
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, ValidationError> {
    from_json_str(text)
}

/// The JSON text of a document argument: a string as it is, any other
/// value as `JSON.stringify` writes it. A value it cannot write (a cycle,
/// a `BigInt`) or that has no JSON form (`undefined`, a function) is
/// `invalid-document` at the root.
pub(crate) fn document_text(value: &JsValue) -> Result<String, ValidationError> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    match js_sys::JSON::stringify(value) {
        Ok(text) => text
            .as_string()
            .ok_or_else(|| invalid("a value with no JSON form (undefined or a function)".into())),
        Err(e) => {
            let why = js_sys::Error::from(e).message();
            Err(invalid(format!(
                "not writable as JSON: {}",
                String::from(why)
            )))
        }
    }
}

/// A `T` from a document argument (JSON text or a JS value).
pub(crate) fn from_value<T: DeserializeOwned>(value: &JsValue) -> Result<T, ValidationError> {
    from_json(&document_text(value)?)
}

/// `value`'s serialised form as a plain JS value.
pub(crate) fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| js_sys::Error::new(&e.to_string()))?;
    js_sys::JSON::parse(&text)
}
