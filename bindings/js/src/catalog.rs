//! The built-in catalogues, as functions.

use assessment_model::catalog;
use wasm_bindgen::prelude::*;

use crate::convert::to_value;
use crate::documents::{JsAssessment, JsFramework};

/// The good-practice criteria (5 areas, 11 questions, 36 checklist items).
#[wasm_bindgen(js_name = "goodPracticeCriteria")]
pub fn good_practice_criteria() -> JsFramework {
    JsFramework {
        inner: catalog::good_practice::criteria(),
    }
}

/// The source's worked good-practice assessment (33 of 36 items met).
#[wasm_bindgen(js_name = "goodPracticeWorkedExample")]
pub fn good_practice_worked_example() -> JsAssessment {
    JsAssessment {
        inner: catalog::good_practice::worked_example(),
    }
}

/// IMPART's core framework (8 critical factors, 30 indicators).
#[wasm_bindgen(js_name = "impartCore")]
pub fn impart_core() -> JsFramework {
    JsFramework {
        inner: catalog::impart::core(),
    }
}

/// IMPART's in-place scale, as a scale object.
#[wasm_bindgen(js_name = "impartInPlaceScale")]
pub fn impart_in_place_scale() -> Result<JsValue, JsValue> {
    to_value(&catalog::impart::in_place_scale())
}

/// PROFINT IO1's 13 success factors.
#[wasm_bindgen(js_name = "profintSuccessFactorsIo1")]
pub fn profint_success_factors_io1() -> JsFramework {
    JsFramework {
        inner: catalog::profint::success_factors_io1(),
    }
}

/// PROFINT IO2's 13 success factors.
#[wasm_bindgen(js_name = "profintSuccessFactorsIo2")]
pub fn profint_success_factors_io2() -> JsFramework {
    JsFramework {
        inner: catalog::profint::success_factors_io2(),
    }
}

/// PROFINT's learning grid (22 proposals in 5 domains).
#[wasm_bindgen(js_name = "profintLearningGrid")]
pub fn profint_learning_grid() -> JsFramework {
    JsFramework {
        inner: catalog::profint::learning_grid(),
    }
}

/// The mapping from PROFINT IO1 to IO2, as a mapping document.
#[wasm_bindgen(
    js_name = "profintIo1ToIo2",
    unchecked_return_type = "doc.MappingDocument"
)]
pub fn profint_io1_to_io2() -> Result<JsValue, JsValue> {
    to_value(&catalog::profint::io1_to_io2())
}

/// The crosswalk from the IMPART core to the good-practice checklist, as
/// a mapping document.
#[wasm_bindgen(
    js_name = "crosswalkImpartCoreToGoodPractice",
    unchecked_return_type = "doc.MappingDocument"
)]
pub fn crosswalk_impart_core_to_good_practice() -> Result<JsValue, JsValue> {
    to_value(&catalog::crosswalk::impart_core_to_good_practice())
}

/// Every built-in framework, in the crate's fixed order.
#[wasm_bindgen]
pub fn frameworks() -> Vec<JsFramework> {
    catalog::frameworks()
        .into_iter()
        .map(|inner| JsFramework { inner })
        .collect()
}
