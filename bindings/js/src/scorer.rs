//! `Scorer`: a framework validated and compiled once, scoring assessments
//! into reports, totals, priorities and bounds.

use assessment_model::{Issue, Scorer};
use wasm_bindgen::prelude::*;

use crate::analysis::JsBounds;
use crate::convert::to_value;
use crate::documents::{JsFramework, assessment_of};
use crate::errors::{self, Class, OrThrow};
use crate::report::JsReport;

/// A framework validated and compiled for scoring.
///
/// `new Scorer(framework)` throws `ValidationError` when the framework has
/// an error. Every method taking an assessment takes an `Assessment`, a
/// document object or JSON text; one that does not parse throws
/// `ValidationError`, one that does not fit the framework `ScoreError`.
#[wasm_bindgen(js_name = "Scorer")]
#[derive(Clone)]
pub struct JsScorer {
    pub(crate) inner: Scorer,
}

/// Rows bound into one table before it is totalled (as the Python
/// binding's batch path does).
const TABLE_ROWS: usize = 1024;

#[wasm_bindgen(js_class = "Scorer")]
impl JsScorer {
    /// Validates and compiles `framework`; throws `ValidationError` with
    /// every issue when it has an error.
    #[wasm_bindgen(constructor)]
    pub fn new(framework: &JsFramework) -> Result<JsScorer, JsValue> {
        let inner = Scorer::new(&framework.inner).or_throw(Class::Validation)?;
        Ok(JsScorer { inner })
    }

    /// The framework this scorer was compiled from.
    #[wasm_bindgen(getter)]
    pub fn framework(&self) -> JsFramework {
        JsFramework {
            inner: self.inner.framework().clone(),
        }
    }

    /// Scores an assessment into a `Report`.
    pub fn score(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AssessmentLike")] assessment: JsValue,
    ) -> Result<JsReport, JsValue> {
        let a = assessment_of(&assessment)?;
        let inner = self.inner.score(&a).or_throw(Class::Score)?;
        Ok(JsReport { inner })
    }

    /// The total score alone (`null` when the total has no score), without
    /// building a report: the same number as `score(a).total.score`.
    pub fn total(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AssessmentLike")] assessment: JsValue,
    ) -> Result<Option<f64>, JsValue> {
        let a = assessment_of(&assessment)?;
        self.inner.total(&a).or_throw(Class::Score)
    }

    /// Throws `ScoreError` with every problem of the assessment against
    /// this framework; returns nothing when it can be scored.
    pub fn validate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AssessmentLike")] assessment: JsValue,
    ) -> Result<(), JsValue> {
        let a = assessment_of(&assessment)?;
        self.inner.validate(&a).or_throw(Class::Score)
    }

    /// Improvement priorities: for each rated leaf below its best rating,
    /// the exact gain in the total from raising it to the best, best
    /// first (`{criterion, gain}`).
    #[wasm_bindgen(unchecked_return_type = "doc.Priority[]")]
    pub fn priorities(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AssessmentLike")] assessment: JsValue,
    ) -> Result<JsValue, JsValue> {
        let a = assessment_of(&assessment)?;
        let priorities = self.inner.priorities(&a).or_throw(Class::Score)?;
        to_value(&priorities)
    }

    /// The lowest and highest score of every node over every way of
    /// rating the missing leaves, with the current score, and the leverage
    /// of each missing leaf on the total (SPEC §8.2). Throws `ScoreError`
    /// with every problem `validate` finds other than `missing-rating`.
    pub fn bounds(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AssessmentLike")] assessment: JsValue,
    ) -> Result<JsBounds, JsValue> {
        let a = assessment_of(&assessment)?;
        let inner = self.inner.bounds(&a).or_throw(Class::Score)?;
        Ok(JsBounds { inner })
    }

    /// The ids of the leaves in definition order: the columns of the
    /// ratings `totals` takes.
    #[wasm_bindgen(js_name = "leafIds")]
    pub fn leaf_ids(&self) -> Vec<String> {
        self.inner
            .framework()
            .leaves()
            .map(|c| c.id.to_string())
            .collect()
    }

    /// The number of leaves (the columns of the ratings `totals` takes).
    #[wasm_bindgen(getter, js_name = "leafCount")]
    pub fn leaf_count(&self) -> usize {
        self.inner.leaf_count()
    }

    /// The total of each row of `ratings`, a row-major matrix of raw
    /// ratings with one row per assessment and one column per leaf (in
    /// the order of `leafIds()`): binary 1 met / 0 not met, ordinal a
    /// level's value, numeric the number; `NaN` for no rating; `-Infinity`
    /// (`NOT_APPLICABLE`, which no scale admits) for not applicable.
    /// Returns one total per row, `NaN` where a total has no score; each
    /// is bit for bit the total `score()` gives the assessment with the
    /// same ratings.
    ///
    /// Throws `RangeError` when the length is not a whole number of rows,
    /// and `ScoreError` with every off-scale value (path `/row/column`).
    pub fn totals(&self, ratings: &[f64]) -> Result<Vec<f64>, JsValue> {
        let leaves = self.inner.leaf_count();
        let rows = match ratings.len().checked_rem(leaves) {
            Some(0) => ratings.len().checked_div(leaves).unwrap_or(0),
            _ => {
                let message = format!(
                    "{} ratings are not a whole number of rows of {leaves} leaves (see Scorer.leafIds())",
                    ratings.len()
                );
                return Err(js_sys::RangeError::new(&message).into());
            }
        };
        let mut table = self.inner.table(TABLE_ROWS.min(rows));
        let mut out = vec![None; table.rows()];
        let mut totals = Vec::with_capacity(rows);
        let mut issues: Vec<(String, Issue)> = Vec::new();
        let block = leaves.saturating_mul(TABLE_ROWS);
        for (k, part) in ratings.chunks(block).enumerate() {
            let part_rows = part.len().checked_div(leaves).unwrap_or(0);
            if part_rows != table.rows() {
                table.resize(part_rows);
                out.resize(part_rows, None);
            }
            for (i, codes) in part.chunks(leaves).enumerate() {
                // A row that does not bind is left empty: its total is NaN.
                if let Err(e) = table.set_codes(i, codes, f64::NEG_INFINITY) {
                    let at = k.saturating_mul(TABLE_ROWS).saturating_add(i);
                    let prefixed = e.into_issues().into_iter().map(|x| (format!("/{at}"), x));
                    issues.extend(prefixed);
                }
            }
            if let Err(e) = self.inner.totals(&table, &mut out) {
                issues.extend(e.into_issues().into_iter().map(|i| (String::new(), i)));
            }
            totals.extend(out.iter().map(|t| t.unwrap_or(f64::NAN)));
        }
        if !issues.is_empty() {
            return Err(errors::error(Class::Score, &issues));
        }
        Ok(totals)
    }
}
