//! The batch path: a 2-D array of raw ratings (one row per assessment, one
//! column per leaf in definition order) to a 1-D array of totals, without
//! building assessments or reports.
//!
//! Each row is bound into a `RatingsTable` by the crate's
//! `RatingsTable::set_codes`, which reads each value as the rating it
//! stands for on its leaf's scale (`Scale::rating_of_code`: binary 1 met,
//! 0 not met; ordinal a level's value; numeric the number) and normalises
//! it as scoring an assessment does; the totals are then
//! `Scorer::totals`'s, several rows to a pass. So a row's total has the
//! same bits as `scorer.score(assessment).total["score"]` for the
//! assessment with the same ratings.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use assessment_model::model::Stopped;
use assessment_model::{Issue, Scorer};
use numpy::ndarray::{ArrayView2, Axis};
use numpy::{PyArray1, PyReadonlyArray2};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

use crate::errors::{self, Class};
use crate::progress::PyObserver;

/// The default code of a not-applicable rating in the array: minus
/// infinity, which no scale admits (a rating must be finite), so that it
/// cannot be mistaken for a rating. The crate's own dense form uses −1 on
/// normalised values; on raw values −1 can be a rating (a numeric range
/// below 0, a level of value −1).
pub(crate) const NOT_APPLICABLE: f64 = f64::NEG_INFINITY;

/// Whether `obj` is a pandas `DataFrame` (pandas is not imported: when no
/// one has imported it, `obj` cannot be one).
pub(crate) fn is_data_frame(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    let modules = obj.py().import("sys")?.getattr("modules")?;
    let Ok(pandas) = modules.get_item("pandas") else {
        return Ok(false);
    };
    match pandas.getattr("DataFrame") {
        Ok(class) => obj.is_instance(&class),
        Err(_) => Ok(false),
    }
}

/// The totals of every row of `ratings`; see the module docs. The GIL is
/// released while scoring, and the rows are scored in `threads` contiguous
/// chunks on as many threads (`None`: the machine's available
/// parallelism, one thread per 4,096 rows at most); the totals and the
/// issues come out in row order whatever the number of threads.
///
/// The calling thread watches: each thread reports every [`TABLE_ROWS`]
/// rows scored, and the caller's thread then tells `observer` the rows
/// done (at least every [`WATCH_INTERVAL`] when none are reported, so
/// Ctrl-C is seen however slow the rows). When the observer says stop,
/// every thread stops after its current rows and the observer's error is
/// raised.
pub(crate) fn totals<'py>(
    scorer: &Scorer,
    ratings: &Bound<'py, PyAny>,
    not_applicable: f64,
    threads: Option<usize>,
    observer: &mut PyObserver,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let py = ratings.py();
    let array: PyReadonlyArray2<'py, f64> = match ratings.extract() {
        Ok(a) => a,
        // Anything but a float64 array: converted by `tables._real_array`,
        // which refuses what is not real numbers (complex, str, object).
        Err(_) => py
            .import("assessment_model.tables")?
            .call_method1("_real_array", (ratings,))?
            .extract()?,
    };
    let view = array.as_array();
    check_arguments(scorer, view.ncols(), not_applicable)?;
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
        not_applicable,
    };
    let total = view.nrows() as u64;
    if !observer.tell(py, 0, total) {
        return Err(observer.error(py, Stopped { done: 0, total }));
    }
    let stop = AtomicBool::new(false);
    let (parts, done) = py.detach(|| {
        std::thread::scope(|scope| {
            let (sender, scored) = mpsc::channel::<usize>();
            let handles: Vec<_> = view
                .axis_chunks_iter(Axis(0), chunk)
                .enumerate()
                .map(|(k, rows)| {
                    let first = k.saturating_mul(chunk);
                    let sender = sender.clone();
                    let stop = &stop;
                    scope.spawn(move || {
                        batch.score(rows, first, |n| {
                            // The watcher has gone only when it is done.
                            let _ = sender.send(n);
                            !stop.load(Ordering::Relaxed)
                        })
                    })
                })
                .collect();
            drop(sender);
            let done = watch(&scored, total, observer, &stop);
            let parts = handles
                .into_iter()
                .map(|h| h.join().ok())
                .collect::<Option<Vec<_>>>();
            (parts, done)
        })
    });
    if stop.load(Ordering::Relaxed) {
        return Err(observer.error(py, Stopped { done, total }));
    }
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
    observer.tell(py, total, total);
    Ok(PyArray1::from_vec(py, totals))
}

/// The longest the watching thread waits for a report of rows scored
/// before it tells the observer anyway (and so checks for Ctrl-C).
const WATCH_INTERVAL: Duration = Duration::from_millis(50);

/// Counts the rows the threads report on `scored` until every thread has
/// finished, telling `observer` (with the GIL) after each report, or
/// every [`WATCH_INTERVAL`]; sets `stop` when it says stop. The rows done.
fn watch(
    scored: &mpsc::Receiver<usize>,
    total: u64,
    observer: &mut PyObserver,
    stop: &AtomicBool,
) -> u64 {
    let mut done = 0u64;
    loop {
        let more = match scored.recv_timeout(WATCH_INTERVAL) {
            Ok(rows) => {
                done = done.saturating_add(rows as u64).min(total);
                true
            }
            Err(mpsc::RecvTimeoutError::Timeout) => false,
            Err(mpsc::RecvTimeoutError::Disconnected) => return done,
        };
        if stop.load(Ordering::Relaxed) {
            continue;
        }
        // New rows are told (not the last: that comes once the totals
        // are in); a wait without any only checks for Ctrl-C.
        let go_on = Python::attach(|py| match more && done < total {
            true => observer.tell(py, done, total),
            false => observer.signals(py),
        });
        if !go_on {
            stop.store(true, Ordering::Relaxed);
        }
    }
}

/// Below this many rows per thread, another thread costs more than it
/// saves.
const MIN_ROWS_PER_THREAD: usize = 4096;

/// The number of columns and the not-applicable code, checked: `ValueError`
/// for a wrong number of columns, a NaN code or a code that is a rating of
/// some leaf.
fn check_arguments(scorer: &Scorer, columns: usize, not_applicable: f64) -> PyResult<()> {
    if columns != scorer.leaf_count() {
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
    let framework = scorer.framework();
    let admitted = |c: &&assessment_model::Criterion| {
        let scale = c.scale.as_ref().and_then(|s| framework.scales.get(s));
        scale.is_some_and(|s| s.normalise(&s.rating_of_code(not_applicable)).is_some())
    };
    if let Some(c) = framework.leaves().find(admitted) {
        return Err(PyValueError::new_err(format!(
            "not_applicable = {not_applicable} is a rating of leaf {:?}; choose a value no leaf admits",
            c.id.to_string()
        )));
    }
    Ok(())
}

/// What scoring a chunk of rows needs (shared by the threads).
#[derive(Clone, Copy)]
struct Batch<'a> {
    scorer: &'a Scorer,
    not_applicable: f64,
}

impl Batch<'_> {
    /// The totals of `rows` (the first of which is row `first` of the
    /// array) and the issues of those that do not bind, paths `/row/column`.
    /// The rows go through one reused table of [`TABLE_ROWS`] rows; after
    /// each, `scored(rows)` says whether to go on (when not, the totals
    /// are incomplete, and the caller drops them).
    fn score(
        self,
        rows: ArrayView2<'_, f64>,
        first: usize,
        scored: impl Fn(usize) -> bool,
    ) -> (Vec<f64>, Vec<(String, Issue)>) {
        let mut table = self.scorer.table(TABLE_ROWS.min(rows.nrows()));
        let mut out = vec![None; table.rows()];
        let mut row_codes: Vec<f64> = Vec::new();
        let mut totals = Vec::with_capacity(rows.nrows());
        let mut issues: Vec<(String, Issue)> = Vec::new();
        for (k, part) in rows.axis_chunks_iter(Axis(0), TABLE_ROWS).enumerate() {
            if part.nrows() != table.rows() {
                table.resize(part.nrows());
                out.resize(part.nrows(), None);
            }
            for (i, row) in part.rows().into_iter().enumerate() {
                // A C-contiguous row is read in place; any other is copied.
                let codes = match row.as_slice() {
                    Some(codes) => codes,
                    None => {
                        row_codes.clear();
                        row_codes.extend(row.iter());
                        &row_codes
                    }
                };
                // A row that does not bind is left empty: its total is NaN.
                if let Err(e) = table.set_codes(i, codes, self.not_applicable) {
                    let at = first
                        .saturating_add(k.saturating_mul(TABLE_ROWS))
                        .saturating_add(i);
                    issues.extend(
                        e.into_issues()
                            .into_iter()
                            .map(|issue| (format!("/{at}"), issue)),
                    );
                }
            }
            if let Err(e) = self.scorer.totals(&table, &mut out) {
                issues.extend(e.into_issues().into_iter().map(|i| (String::new(), i)));
            }
            totals.extend(out.iter().map(|t| t.unwrap_or(f64::NAN)));
            if !scored(part.nrows()) {
                break;
            }
        }
        (totals, issues)
    }
}

/// Rows bound into one table before it is totalled: enough to fill many
/// passes of the interpreter, few enough to stay in cache.
const TABLE_ROWS: usize = 1024;
