//! The batch path: a 2-D array of raw ratings (one row per assessment, one
//! column per leaf in definition order) to a 1-D array of totals, without
//! building assessments or reports.
//!
//! Each value is turned into the rating it stands for on its leaf's scale
//! (binary: 1 met, 0 not met; ordinal: a level's value; numeric: the
//! number) and bound by the crate's `Scorer::bind_leaves`, which normalises
//! it with `Scale::normalise` as scoring an assessment does; the totals are
//! then `Scorer::total_dense`'s. So a row's total has the same bits as
//! `scorer.score(assessment).total["score"]` for the assessment with the
//! same ratings.

use assessment_model::{Issue, LevelRef, RatingValue, Scale, Scorer, Scratch};
use numpy::{PyArray1, PyReadonlyArray2};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::errors::{self, Class};

/// The default code of a not-applicable rating in the array: minus
/// infinity, which no scale admits (a rating must be finite), so that it
/// cannot be mistaken for a rating. The crate's own dense form uses −1 on
/// normalised values; on raw values −1 can be a rating (a numeric range
/// below 0, a level of value −1).
pub(crate) const NOT_APPLICABLE: f64 = f64::NEG_INFINITY;

/// How a raw value of one leaf is read.
#[derive(Debug, Clone, Copy)]
enum Codec {
    /// 1 met, 0 not met.
    Binary,
    /// A level's integer value.
    Ordinal,
    /// The number itself (and any scale kind a later crate adds).
    Numeric,
}

impl Codec {
    fn of(scale: &Scale) -> Codec {
        match scale {
            Scale::Binary { .. } => Codec::Binary,
            Scale::Ordinal { .. } => Codec::Ordinal,
            _ => Codec::Numeric,
        }
    }

    /// The rating `x` stands for (`x` neither NaN nor the not-applicable
    /// code): a value off the scale becomes a rating the scale refuses, so
    /// that binding reports it as `rating-off-scale` with the value.
    fn rating(self, x: f64) -> RatingValue {
        match self {
            Codec::Binary if x == 1.0 => RatingValue::Met,
            Codec::Binary if x == 0.0 => RatingValue::NotMet,
            Codec::Ordinal
                if x.fract() == 0.0 && x >= f64::from(i32::MIN) && x <= f64::from(i32::MAX) =>
            {
                #[allow(clippy::cast_possible_truncation)] // integral and in range, checked above
                let value = x as i32;
                RatingValue::Level(LevelRef::Value(value))
            }
            _ => RatingValue::Number(x),
        }
    }
}

/// Each leaf's codec and scale, in definition order.
fn leaf_scales(scorer: &Scorer) -> Vec<(Codec, &Scale)> {
    let framework = scorer.framework();
    framework
        .leaves()
        .filter_map(|c| c.scale.as_ref().and_then(|s| framework.scales.get(s)))
        .map(|s| (Codec::of(s), s))
        .collect()
}

/// The totals of every row of `ratings`; see the module docs. The GIL is
/// released while scoring.
pub(crate) fn totals<'py>(
    scorer: &Scorer,
    ratings: &Bound<'py, PyAny>,
    not_applicable: f64,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let py = ratings.py();
    let array: PyReadonlyArray2<'py, f64> = match ratings.extract() {
        Ok(a) => a,
        Err(_) => py
            .import("numpy")?
            .call_method1("ascontiguousarray", (ratings, "float64"))?
            .extract()?,
    };
    let view = array.as_array();
    let leaves = leaf_scales(scorer);
    if view.ncols() != leaves.len() || leaves.len() != scorer.leaf_count() {
        return Err(PyValueError::new_err(format!(
            "ratings have {} columns, the framework has {} leaves (see Scorer.leaf_ids())",
            view.ncols(),
            scorer.leaf_count()
        )));
    }
    if not_applicable.is_nan() {
        return Err(PyValueError::new_err(
            "not_applicable must not be NaN (NaN means missing)",
        ));
    }
    if let Some(id) = leaves
        .iter()
        .zip(scorer.framework().leaves())
        .find(|((codec, scale), _)| scale.normalise(&codec.rating(not_applicable)).is_some())
        .map(|(_, c)| c.id.to_string())
    {
        return Err(PyValueError::new_err(format!(
            "not_applicable = {not_applicable} is a rating of leaf {id:?}; choose a value no leaf admits"
        )));
    }
    let (totals, issues) = py.detach(|| {
        let mut scratch = Scratch::new();
        let mut row_ratings: Vec<Option<RatingValue>> = Vec::with_capacity(leaves.len());
        let mut totals = Vec::with_capacity(view.nrows());
        let mut issues: Vec<(String, Issue)> = Vec::new();
        for (i, row) in view.rows().into_iter().enumerate() {
            row_ratings.clear();
            row_ratings.extend(row.iter().zip(&leaves).map(|(&x, (codec, _))| {
                if x.is_nan() {
                    None
                } else if x == not_applicable {
                    Some(RatingValue::NotApplicable)
                } else {
                    Some(codec.rating(x))
                }
            }));
            match scorer.bind_leaves(&row_ratings) {
                Ok(dense) => {
                    totals.push(scorer.total_dense(&dense, &mut scratch).unwrap_or(f64::NAN))
                }
                Err(e) => {
                    totals.push(f64::NAN);
                    issues.extend(
                        e.into_issues()
                            .into_iter()
                            .map(|issue| (format!("/{i}"), issue)),
                    );
                }
            }
        }
        (totals, issues)
    });
    if !issues.is_empty() {
        return Err(errors::raise(py, Class::Score, &issues));
    }
    Ok(PyArray1::from_vec(py, totals))
}
