//! `Explanation`: why a node of a report has its score (the rule, each
//! child's weight, score and contribution, the children left out and why),
//! as data (`toJSON`) and as one line of text (`toString`, `displayIn`).

use assessment_model::report::Explanation;
use wasm_bindgen::prelude::*;

use crate::convert::{from_json, to_value};
use crate::errors::{Class, OrThrow};
use crate::localization::JsLocalized;
use crate::report::JsReport;

/// Why a criterion (or the total) of a report has its score.
#[wasm_bindgen(js_name = "Explanation")]
pub struct JsExplanation {
    inner: Explanation,
}

#[wasm_bindgen(js_class = "Explanation")]
impl JsExplanation {
    /// Reads an explanation back from JSON text (as
    /// `JSON.stringify(explanation)` writes it); throws `ValidationError`.
    #[wasm_bindgen(js_name = "fromJSON")]
    pub fn from_json(text: &str) -> Result<JsExplanation, JsValue> {
        let inner = from_json(text).or_throw(Class::Validation)?;
        Ok(JsExplanation { inner })
    }

    /// The explanation document as a plain object.
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "doc.ExplanationDocument")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner)
    }

    /// The explanation as one line ("Sustainability 0.667 = weighted mean
    /// of …").
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_text(&self) -> String {
        self.inner.to_string()
    }

    /// The line with the criterion titles in the language of `texts`.
    #[wasm_bindgen(js_name = "displayIn")]
    pub fn display_in(&self, texts: &JsLocalized) -> Result<String, JsValue> {
        texts.with(|l| self.inner.display_in(l).to_string())
    }
}

#[wasm_bindgen(js_class = "Report")]
impl JsReport {
    /// Why criterion `id` has its score, or `undefined` when the framework
    /// has no such criterion.
    pub fn explain(&self, id: &str) -> Option<JsExplanation> {
        self.inner.explain(id).map(|inner| JsExplanation { inner })
    }

    /// Why the total has its score.
    #[wasm_bindgen(js_name = "explainTotal")]
    pub fn explain_total(&self) -> JsExplanation {
        JsExplanation {
            inner: self.inner.explain_total(),
        }
    }
}
