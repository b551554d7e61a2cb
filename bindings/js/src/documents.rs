//! `Framework` and `Assessment`: documents read from JSON text or JS
//! objects, written back as plain objects (`toJSON`, so `JSON.stringify`
//! writes their JSON text).

use assessment_model::{Assessment, Framework};
use wasm_bindgen::prelude::*;

use crate::convert::{from_json, from_value, to_value};
use crate::errors::{Class, OrThrow, issues_of};

/// A framework document: a versioned tree of criteria with its scales,
/// facets and scoring rules. Parsing checks the form only; `validate()`
/// the rules.
#[wasm_bindgen(js_name = "Framework")]
#[derive(Clone)]
pub struct JsFramework {
    pub(crate) inner: Framework,
}

#[wasm_bindgen(js_class = "Framework")]
impl JsFramework {
    /// Parses a framework from JSON text; throws `ValidationError` (one
    /// issue, at its path) when the text is not a framework document.
    #[wasm_bindgen(js_name = "fromJSON")]
    pub fn from_json(text: &str) -> Result<JsFramework, JsValue> {
        let inner = from_json(text).or_throw(Class::Validation)?;
        Ok(JsFramework { inner })
    }

    /// Reads a framework from a JS object (as `JSON.parse` gives it), or
    /// JSON text; throws `ValidationError` as `fromJSON` does.
    #[wasm_bindgen(js_name = "fromObject")]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "doc.FrameworkDocument | string")] document: JsValue,
    ) -> Result<JsFramework, JsValue> {
        let inner = from_value(&document).or_throw(Class::Validation)?;
        Ok(JsFramework { inner })
    }

    /// The framework document as a plain object (maps in definition
    /// order); `JSON.stringify(framework)` writes its JSON text.
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "doc.FrameworkDocument")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner)
    }

    /// Throws `ValidationError` with every issue (errors and warnings)
    /// when the framework has an error.
    pub fn validate(&self) -> Result<(), JsValue> {
        self.inner.validate().or_throw(Class::Validation)
    }

    /// Every issue, errors and warnings (`{code, path, severity,
    /// message}`); empty for a clean framework.
    #[wasm_bindgen(unchecked_return_type = "IssueObject[]")]
    pub fn issues(&self) -> Result<JsValue, JsValue> {
        issues_of(self.inner.issues())
    }

    /// The framework's id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.id.to_string()
    }

    /// The framework's version (semver text).
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner.version.to_string()
    }

    /// The framework's title.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.inner.title.clone()
    }

    /// The language of the framework's own texts (a BCP 47 tag).
    #[wasm_bindgen(getter)]
    pub fn language(&self) -> String {
        self.inner.language.as_str().to_owned()
    }

    /// The ids of the leaves (the rated criteria), in definition order.
    #[wasm_bindgen(js_name = "leafIds")]
    pub fn leaf_ids(&self) -> Vec<String> {
        self.inner.leaves().map(|c| c.id.to_string()).collect()
    }

    /// Whether `other` is the same framework document.
    pub fn equals(&self, other: &JsFramework) -> bool {
        self.inner == other.inner
    }
}

/// An assessment document: one subject rated against one framework
/// version, a rating per leaf, with evidence, narratives and findings.
#[wasm_bindgen(js_name = "Assessment")]
#[derive(Clone)]
pub struct JsAssessment {
    pub(crate) inner: Assessment,
}

#[wasm_bindgen(js_class = "Assessment")]
impl JsAssessment {
    /// Parses an assessment from JSON text; throws `ValidationError` (one
    /// issue, at its path) when the text is not an assessment document.
    #[wasm_bindgen(js_name = "fromJSON")]
    pub fn from_json(text: &str) -> Result<JsAssessment, JsValue> {
        let inner = from_json(text).or_throw(Class::Validation)?;
        Ok(JsAssessment { inner })
    }

    /// Reads an assessment from a JS object or JSON text; throws
    /// `ValidationError` as `fromJSON` does.
    #[wasm_bindgen(js_name = "fromObject")]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "doc.AssessmentDocument | string")] document: JsValue,
    ) -> Result<JsAssessment, JsValue> {
        let inner = from_value(&document).or_throw(Class::Validation)?;
        Ok(JsAssessment { inner })
    }

    /// The assessment document as a plain object.
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "doc.AssessmentDocument")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner)
    }

    /// Whether `other` is the same assessment document.
    pub fn equals(&self, other: &JsAssessment) -> bool {
        self.inner == other.inner
    }
}

/// An assessment from an argument: JSON text or a JS value (a document
/// object, or an `Assessment`, written through its `toJSON`). One that
/// does not parse throws `ValidationError`.
pub(crate) fn assessment_of(value: &JsValue) -> Result<Assessment, JsValue> {
    from_value(value).or_throw(Class::Validation)
}
