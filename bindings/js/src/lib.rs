//! The JavaScript package `assessment-model`: a thin wasm-bindgen binding
//! of the Rust crate `assessment-model`, the same API the Python package
//! (`bindings/python`) has. Rust values are wrapped in classes; documents
//! cross the boundary as JSON (a JS object through `JSON.stringify`, text
//! as it is) and are read by the crate's `from_json_str`, so a
//! document that does not parse gives the crate's issues, every one at
//! its JSON Pointer; results come back as plain JS objects (`JSON.parse` of the
//! crate's serialised form). Every problem the crate reports is thrown as
//! the package's `ValidationError` (or `ScoreError`) carrying the crate's
//! issues: code, path, severity, message. No scoring rule is
//! re-implemented here.
//!
//! `index.js` (browsers, bundlers) and `node.js` (Node) load the module
//! and register the error classes of `errors.js` with [`register_errors`].

use wasm_bindgen::prelude::*;

mod analysis;
mod catalog;
mod chart;
mod convert;
mod documents;
mod errors;
mod explain;
mod localization;
mod plan;
mod report;
mod scorer;
mod tailoring;

pub use errors::register_errors;

/// Every issue code the crate can report (`IssueKind::CODES`).
#[wasm_bindgen(js_name = "issueCodes", unchecked_return_type = "string[]")]
pub fn issue_codes() -> Vec<String> {
    assessment_model::IssueKind::CODES
        .iter()
        .map(|c| (*c).to_owned())
        .collect()
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
import type * as doc from "../types/documents.js";
import type { AssessmentLike, IssueObject } from "../types/results.js";
import type * as res from "../types/results.js";
"#;
