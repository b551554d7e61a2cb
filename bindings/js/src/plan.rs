//! `ActionPlan`: what a subject will do about a report's risks and
//! priorities (SPEC §3.13), checked against the report (§6.7), drafted
//! from it and reviewed against a later `Progress`.

use assessment_model::ActionPlan;
use assessment_model::model::IsoDate;
use assessment_model::plan::{Draft, Owner};
use wasm_bindgen::prelude::*;

use crate::analysis::JsProgress;
use crate::convert::{from_json, from_value, to_value};
use crate::errors::{Class, OrThrow, issues_of};
use crate::report::JsReport;

/// An action plan document: actions, each addressing criteria, perhaps
/// answering a risk or a declared finding, with an owner, a due date and
/// a status.
#[wasm_bindgen(js_name = "ActionPlan")]
pub struct JsActionPlan {
    inner: ActionPlan,
}

#[wasm_bindgen(js_class = "ActionPlan")]
impl JsActionPlan {
    /// Parses an action plan from JSON text; throws `ValidationError`.
    #[wasm_bindgen(js_name = "fromJSON")]
    pub fn from_json(text: &str) -> Result<JsActionPlan, JsValue> {
        let inner = from_json(text).or_throw(Class::Validation)?;
        Ok(JsActionPlan { inner })
    }

    /// Reads an action plan from a JS object or JSON text; throws
    /// `ValidationError`.
    #[wasm_bindgen(js_name = "fromObject")]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "doc.ActionPlanDocument | string")] document: JsValue,
    ) -> Result<JsActionPlan, JsValue> {
        let inner = from_value(&document).or_throw(Class::Validation)?;
        Ok(JsActionPlan { inner })
    }

    /// A plan proposed from `report`, for a person to edit: an action per
    /// risk, then one per priority among the top `top` (default 3), each
    /// owned by `owner` (an organisation's name, or an owner object such
    /// as `{person: {name}}`) and due on `due` (`YYYY-MM-DD`). Throws
    /// `ValidationError` when the owner or the date does not parse.
    pub fn draft(
        report: &JsReport,
        #[wasm_bindgen(unchecked_param_type = "string | doc.Owner")] owner: JsValue,
        due: String,
        top: Option<usize>,
    ) -> Result<JsActionPlan, JsValue> {
        let owner: Owner = match owner.as_string() {
            Some(name) => Owner::Organisation(name),
            None => from_value(&owner).or_throw(Class::Validation)?,
        };
        // The date is read as the JSON string it would be in a document.
        let due_text =
            serde_json::to_string(&due).map_err(|e| js_sys::Error::new(&e.to_string()))?;
        let due: IsoDate = from_json(&due_text).or_throw(Class::Validation)?;
        let inner = ActionPlan::draft(&report.inner, &Draft::new(owner, due).top(top.unwrap_or(3)));
        Ok(JsActionPlan { inner })
    }

    /// The actions, in the plan's order.
    #[wasm_bindgen(getter, unchecked_return_type = "doc.Action[]")]
    pub fn actions(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.actions)
    }

    /// Every problem of this plan as a plan for `report`, with paths into
    /// the plan; empty when it fits.
    #[wasm_bindgen(js_name = "issuesAgainst", unchecked_return_type = "IssueObject[]")]
    pub fn issues_against(&self, report: &JsReport) -> Result<JsValue, JsValue> {
        issues_of(self.inner.issues_against(&report.inner))
    }

    /// Throws `ValidationError` with every issue of `issuesAgainst` when
    /// there is one.
    #[wasm_bindgen(js_name = "validateAgainst")]
    pub fn validate_against(&self, report: &JsReport) -> Result<(), JsValue> {
        self.inner
            .validate_against(&report.inner)
            .or_throw(Class::Validation)
    }

    /// Per action, whether the criteria it addresses improved, stayed or
    /// regressed in `progress`, and what became of the risk it answers.
    /// Throws `ValidationError` (`framework-mismatch` at `/framework`)
    /// when the progress is not of the plan's framework.
    #[wasm_bindgen(unchecked_return_type = "doc.PlanReview")]
    pub fn review(&self, progress: &JsProgress) -> Result<JsValue, JsValue> {
        let review = self
            .inner
            .review(&progress.inner)
            .or_throw(Class::Validation)?;
        to_value(&review)
    }

    /// The plan document as a plain object.
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "doc.ActionPlanDocument")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner)
    }
}
