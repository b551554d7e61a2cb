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
use numpy::ndarray::{ArrayView2, Axis};
use numpy::{PyArray1, PyReadonlyArray2};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
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
/// released while scoring, and the rows are scored in `threads` contiguous
/// chunks on as many threads (`None`: the machine's available
/// parallelism, one thread per 4,096 rows at most); the totals and the
/// issues come out in row order whatever the number of threads.
pub(crate) fn totals<'py>(
    scorer: &Scorer,
    ratings: &Bound<'py, PyAny>,
    not_applicable: f64,
    threads: Option<usize>,
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
    check_arguments(scorer, &leaves, view.ncols(), not_applicable)?;
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    let threads = threads.unwrap_or_else(|| {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        cores.min(view.nrows() / MIN_ROWS_PER_THREAD).max(1)
    });
    let chunk = view.nrows().div_ceil(threads).max(1);
    let batch = Batch {
        scorer,
        leaves: &leaves,
        not_applicable,
    };
    let parts = py.detach(|| {
        std::thread::scope(|scope| {
            let handles: Vec<_> = view
                .axis_chunks_iter(Axis(0), chunk)
                .enumerate()
                .map(|(k, rows)| {
                    let first = k.saturating_mul(chunk);
                    scope.spawn(move || batch.score(rows, first))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().ok())
                .collect::<Option<Vec<_>>>()
        })
    });
    let parts = parts.ok_or_else(|| PyRuntimeError::new_err("a scoring thread failed"))?;
    let mut totals = Vec::with_capacity(view.nrows());
    let mut issues: Vec<(String, Issue)> = Vec::new();
    for (t, i) in parts {
        totals.extend(t);
        issues.extend(i);
    }
    if !issues.is_empty() {
        return Err(errors::raise(py, Class::Score, &issues));
    }
    Ok(PyArray1::from_vec(py, totals))
}

/// Below this many rows per thread, another thread costs more than it
/// saves.
const MIN_ROWS_PER_THREAD: usize = 4096;

/// The number of columns and the not-applicable code, checked: `ValueError`
/// for a wrong number of columns, a NaN code or a code that is a rating of
/// some leaf.
fn check_arguments(
    scorer: &Scorer,
    leaves: &[(Codec, &Scale)],
    columns: usize,
    not_applicable: f64,
) -> PyResult<()> {
    if columns != leaves.len() || leaves.len() != scorer.leaf_count() {
        return Err(PyValueError::new_err(format!(
            "ratings have {columns} columns, the framework has {} leaves (see Scorer.leaf_ids())",
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
    Ok(())
}

/// What scoring a chunk of rows needs (shared by the threads).
#[derive(Clone, Copy)]
struct Batch<'a> {
    scorer: &'a Scorer,
    leaves: &'a [(Codec, &'a Scale)],
    not_applicable: f64,
}

impl Batch<'_> {
    /// The totals of `rows` (the first of which is row `first` of the
    /// array) and the issues of those that do not bind, paths `/row/column`.
    fn score(self, rows: ArrayView2<'_, f64>, first: usize) -> (Vec<f64>, Vec<(String, Issue)>) {
        let mut scratch = Scratch::new();
        let mut row_ratings: Vec<Option<RatingValue>> = Vec::with_capacity(self.leaves.len());
        let mut totals = Vec::with_capacity(rows.nrows());
        let mut issues: Vec<(String, Issue)> = Vec::new();
        for (i, row) in rows.rows().into_iter().enumerate() {
            row_ratings.clear();
            row_ratings.extend(row.iter().zip(self.leaves).map(|(&x, (codec, _))| {
                if x.is_nan() {
                    None
                } else if x == self.not_applicable {
                    Some(RatingValue::NotApplicable)
                } else {
                    Some(codec.rating(x))
                }
            }));
            match self.scorer.bind_leaves(&row_ratings) {
                Ok(dense) => totals.push(
                    self.scorer
                        .total_dense(&dense, &mut scratch)
                        .unwrap_or(f64::NAN),
                ),
                Err(e) => {
                    totals.push(f64::NAN);
                    let row = first.saturating_add(i);
                    issues.extend(
                        e.into_issues()
                            .into_iter()
                            .map(|issue| (format!("/{row}"), issue)),
                    );
                }
            }
        }
        (totals, issues)
    }
}
