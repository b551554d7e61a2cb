//! `Report`: what scoring an assessment gives, read through the crate's
//! accessors and its serialised form.

use assessment_model::Report;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::to_value;
use crate::localization::JsLocalized;

/// A scored assessment: the total, a score, coverage and band per node,
/// risks, strengths, findings and facet views. `toJSON()` is the report
/// document; `toString()` the crate's text rendering.
#[wasm_bindgen(js_name = "Report")]
pub struct JsReport {
    pub(crate) inner: Report,
}

/// The total as JS sees it.
#[derive(Serialize)]
struct Total {
    score: Option<f64>,
    coverage: Option<f64>,
    band: Option<String>,
}

#[wasm_bindgen(js_class = "Report")]
impl JsReport {
    /// The total: `score` and `coverage` (numbers in [0, 1] or `null`) and
    /// `band` (the id of the band the score falls in, before
    /// `critical_caps_band`; `Report.band` is after it), or `null`.
    #[wasm_bindgen(getter, unchecked_return_type = "res.Total")]
    pub fn total(&self) -> Result<JsValue, JsValue> {
        let total = self.inner.total();
        to_value(&Total {
            score: total.score(),
            coverage: total.coverage(),
            band: total.band().map(ToString::to_string),
        })
    }

    /// The total's band after a critical risk has capped it, or `null`:
    /// the report document's `band`.
    #[wasm_bindgen(getter)]
    pub fn band(&self) -> Option<String> {
        self.inner.band().map(ToString::to_string)
    }

    /// The node of criterion `id` as in `toJSON().nodes`, or `undefined`
    /// when the framework has no such criterion.
    #[wasm_bindgen(unchecked_return_type = "doc.NodeDocument | undefined")]
    pub fn node(&self, id: &str) -> Result<JsValue, JsValue> {
        let Some(position) = self.inner.nodes().position(|n| n.id() == id) else {
            return Ok(JsValue::UNDEFINED);
        };
        let document = self.inner.to_document();
        match document.nodes.get(position) {
            Some(n) => to_value(n),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The risks (critical criteria, and those below `risk_below`), in
    /// definition order.
    #[wasm_bindgen(getter, unchecked_return_type = "doc.ReportDocument[\"risks\"]")]
    pub fn risks(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.to_document().risks)
    }

    /// The report document as a plain object; `JSON.stringify(report)`
    /// writes its JSON text.
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "doc.ReportDocument")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner)
    }

    /// The crate's text rendering of the report (a table of the nodes).
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_text(&self) -> String {
        self.inner.to_string()
    }

    /// The report's table with the criterion titles in the language of
    /// `texts`, a title that fell back marked with its language.
    #[wasm_bindgen(js_name = "displayIn")]
    pub fn display_in(&self, texts: &JsLocalized) -> Result<String, JsValue> {
        texts.with(|l| self.inner.display_in(l).to_string())
    }
}
