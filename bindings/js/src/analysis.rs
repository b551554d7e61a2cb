//! The analyses of SPEC §8 bound here: `Progress` (§8.1) and `Bounds`
//! (§8.2), each a class holding the crate's value, read through getters
//! that return plain objects, `toJSON()` and `toString()`.

use assessment_model::{Bounds, Progress};
use wasm_bindgen::prelude::*;

use crate::convert::{from_json, to_value};
use crate::errors::{Class, OrThrow};
use crate::localization::JsLocalized;
use crate::report::JsReport;

/// What changed from a baseline report to a current one (SPEC §8.1): per
/// node the two scores, their difference and a status, the risks
/// resolved, new and persisting, coverage and the ratings that changed.
/// `toString()` is the crate's progress note.
#[wasm_bindgen(js_name = "Progress")]
pub struct JsProgress {
    pub(crate) inner: Progress,
}

#[wasm_bindgen(js_class = "Progress")]
impl JsProgress {
    /// The progress from `baseline` to `current`; throws `ScoreError`
    /// (`framework-mismatch` at `/baseline/framework`) when the two are
    /// not reports of the same framework id and exact version.
    pub fn between(baseline: &JsReport, current: &JsReport) -> Result<JsProgress, JsValue> {
        let inner = Progress::between(&baseline.inner, &current.inner).or_throw(Class::Score)?;
        Ok(JsProgress { inner })
    }

    /// Reads a progress document back from JSON text (as
    /// `JSON.stringify(progress)` writes it); throws `ValidationError`.
    #[wasm_bindgen(js_name = "fromJSON")]
    pub fn from_json(text: &str) -> Result<JsProgress, JsValue> {
        let inner = from_json(text).or_throw(Class::Validation)?;
        Ok(JsProgress { inner })
    }

    /// The total's progress: `criterion`, `title`, `depth`, `baseline`,
    /// `current`, `delta` (`current − baseline`), `status` and the bands,
    /// each absent when it has no value.
    #[wasm_bindgen(getter, unchecked_return_type = "doc.NodeProgress")]
    pub fn total(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.total)
    }

    /// Every criterion's progress (as `total`), in definition order.
    #[wasm_bindgen(getter, unchecked_return_type = "doc.NodeProgress[]")]
    pub fn nodes(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.nodes)
    }

    /// The progress of criterion `id`, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "doc.NodeProgress | undefined")]
    pub fn node(&self, id: &str) -> Result<JsValue, JsValue> {
        match self.inner.node(id) {
            Some(n) => to_value(n),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The progress document as a plain object.
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "doc.ProgressDocument")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner)
    }

    /// The crate's progress note.
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_text(&self) -> String {
        self.inner.to_string()
    }

    /// The progress note with criterion titles in the language of `texts`.
    #[wasm_bindgen(js_name = "displayIn")]
    pub fn display_in(&self, texts: &JsLocalized) -> Result<String, JsValue> {
        texts.with(|l| self.inner.display_in(l).to_string())
    }
}

/// `Scorer.bounds`: per node `lower`, `upper` and `current`, and the
/// leverage of each missing leaf on the total (SPEC §8.2).
#[wasm_bindgen(js_name = "Bounds")]
pub struct JsBounds {
    pub(crate) inner: Bounds,
}

#[wasm_bindgen(js_class = "Bounds")]
impl JsBounds {
    /// Reads a bounds document back from JSON text; throws
    /// `ValidationError`.
    #[wasm_bindgen(js_name = "fromJSON")]
    pub fn from_json(text: &str) -> Result<JsBounds, JsValue> {
        let inner = from_json(text).or_throw(Class::Validation)?;
        Ok(JsBounds { inner })
    }

    /// The total's bounds: `criterion`, `depth`, `lower`, `upper`,
    /// `current` (each score absent when there is none).
    #[wasm_bindgen(getter, unchecked_return_type = "doc.NodeBounds")]
    pub fn total(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.total)
    }

    /// Every node's bounds, in definition order.
    #[wasm_bindgen(getter, unchecked_return_type = "doc.NodeBounds[]")]
    pub fn nodes(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.nodes)
    }

    /// The bounds of criterion `id`, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "doc.NodeBounds | undefined")]
    pub fn node(&self, id: &str) -> Result<JsValue, JsValue> {
        match self.inner.node(id) {
            Some(n) => to_value(n),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The missing leaves with how much rating each would narrow the
    /// total's interval (`{criterion, leverage}`), largest first: which
    /// item to rate first.
    #[wasm_bindgen(getter, unchecked_return_type = "doc.Leverage[]")]
    pub fn leverage(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.leverage)
    }

    /// The bounds document as a plain object.
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "doc.BoundsDocument")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner)
    }
}
