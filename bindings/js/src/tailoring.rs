//! Tailoring, crosswalks and peer review as functions over documents:
//! profiles, compositions, mappings and peer reviews, each read from a JS
//! object or JSON text, every problem thrown as `ValidationError`.

use assessment_model::review::Consolidation;
use assessment_model::{
    Framework, Issue, Localization, Mapping, PeerReview, Profile, ValidationError,
};
use wasm_bindgen::prelude::*;

use crate::convert::{from_value, to_value};
use crate::documents::{JsFramework, assessment_of};
use crate::errors::{self, Class, OrThrow, issues_of};

fn thrown(issues: &[Issue]) -> JsValue {
    errors::to_js(Class::Validation, ValidationError::new(issues.to_vec()))
}

/// A document argument read as a `T`, throwing `ValidationError`.
fn parsed<T: serde::de::DeserializeOwned>(value: &JsValue) -> Result<T, JsValue> {
    from_value(value).or_throw(Class::Validation)
}

/// The framework tailored by a profile; throws `ValidationError` with
/// every problem (paths into the profile).
#[wasm_bindgen(js_name = "applyProfile")]
pub fn apply_profile(
    framework: &JsFramework,
    #[wasm_bindgen(unchecked_param_type = "doc.ProfileDocument | string")] profile: JsValue,
) -> Result<JsFramework, JsValue> {
    let profile: Profile = parsed(&profile)?;
    let inner = profile
        .apply(&framework.inner)
        .map_err(|e| thrown(e.issues()))?;
    Ok(JsFramework { inner })
}

/// The base framework with its modules (`Framework`s, document objects or
/// JSON text) joined in order; throws `ValidationError` with every
/// conflict (a module that does not parse: its issue under
/// `/modules/<index>`).
#[wasm_bindgen]
pub fn compose(
    base: &JsFramework,
    #[wasm_bindgen(unchecked_param_type = "Array<Framework | doc.FrameworkDocument | string>")]
    modules: js_sys::Array,
) -> Result<JsFramework, JsValue> {
    let mut owned: Vec<Framework> = Vec::new();
    for (i, m) in modules.iter().enumerate() {
        let module = from_value(&m).map_err(|e| {
            let issues: Vec<(String, Issue)> = e
                .into_issues()
                .into_iter()
                .map(|x| (format!("/modules/{i}"), x))
                .collect();
            errors::error(Class::Validation, &issues)
        })?;
        owned.push(module);
    }
    let refs: Vec<&Framework> = owned.iter().collect();
    let inner = assessment_model::compose(&base.inner, &refs).or_throw(Class::Validation)?;
    Ok(JsFramework { inner })
}

/// Checks a mapping from `source` to `target`; throws `ValidationError`
/// with every problem (paths under `/mapping`).
#[wasm_bindgen(js_name = "checkMapping")]
pub fn check_mapping(
    #[wasm_bindgen(unchecked_param_type = "doc.MappingDocument | string")] mapping: JsValue,
    source: &JsFramework,
    target: &JsFramework,
) -> Result<(), JsValue> {
    let mapping: Mapping = parsed(&mapping)?;
    mapping
        .check(&source.inner, &target.inner)
        .map_err(|e| thrown(e.issues()))
}

/// Carries an assessment of `source` to `target` through a mapping: the
/// new assessment and what was or was not carried. Throws
/// `ValidationError` with every problem.
#[wasm_bindgen(unchecked_return_type = "res.Translation")]
pub fn translate(
    #[wasm_bindgen(unchecked_param_type = "doc.MappingDocument | string")] mapping: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AssessmentLike")] assessment: JsValue,
    source: &JsFramework,
    target: &JsFramework,
) -> Result<JsValue, JsValue> {
    let mapping: Mapping = parsed(&mapping)?;
    let assessment = assessment_of(&assessment)?;
    let translation = mapping
        .translate(&assessment, &source.inner, &target.inner)
        .map_err(|e| thrown(e.issues()))?;
    to_value(&translation)
}

/// Every problem of a peer review against `framework`; empty when it fits.
#[wasm_bindgen(js_name = "reviewIssues", unchecked_return_type = "IssueObject[]")]
pub fn review_issues(
    #[wasm_bindgen(unchecked_param_type = "doc.PeerReviewDocument | string")] review: JsValue,
    framework: &JsFramework,
) -> Result<JsValue, JsValue> {
    let review: PeerReview = parsed(&review)?;
    issues_of(review.issues_against(&framework.inner))
}

/// Every problem of a localization against `framework` (untranslated
/// texts are warnings); empty when it is complete and fits.
#[wasm_bindgen(
    js_name = "localizationIssues",
    unchecked_return_type = "IssueObject[]"
)]
pub fn localization_issues(
    #[wasm_bindgen(unchecked_param_type = "doc.LocalizationDocument | string")]
    localization: JsValue,
    framework: &JsFramework,
) -> Result<JsValue, JsValue> {
    let localization: Localization = parsed(&localization)?;
    issues_of(localization.issues_against(&framework.inner))
}

/// Consolidates a peer review into one assessment by `method`
/// (`"median"`, `"mean"`, `"minimum"` or `"consensus"`): the assessment
/// and the peers' agreement. Throws `ValidationError` with every problem.
#[wasm_bindgen(unchecked_return_type = "doc.Consolidated")]
pub fn consolidate(
    #[wasm_bindgen(unchecked_param_type = "doc.PeerReviewDocument | string")] review: JsValue,
    framework: &JsFramework,
    #[wasm_bindgen(unchecked_param_type = "\"median\" | \"mean\" | \"minimum\" | \"consensus\"")]
    method: JsValue,
) -> Result<JsValue, JsValue> {
    let review: PeerReview = parsed(&review)?;
    let method: Consolidation = parsed(&js_sys::JSON::stringify(&method)?.into())?;
    let result = review
        .consolidate(&framework.inner, method)
        .map_err(|e| thrown(e.issues()))?;
    to_value(&result)
}
