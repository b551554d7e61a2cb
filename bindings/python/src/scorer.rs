//! `Scorer`: a framework validated and compiled once, scoring assessments
//! into reports, totals and priorities.

use std::sync::Arc;

use assessment_model::Scorer;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::analysis::PyBounds;
use crate::convert::to_object;
use crate::documents::{PyFramework, with_scored_assessment};
use crate::errors::{Class, OrRaise};
use crate::fast::Ids;
use crate::progress::PyObserver;
use crate::report::PyReport;

/// A framework validated and compiled for scoring. Immutable and safe to
/// share between threads; cheap to copy (the compiled form is shared).
///
/// `Scorer(framework)` raises `ValidationError` when the framework has an
/// error. Every method taking an assessment takes an `Assessment`, a dict
/// or JSON text; one that does not parse raises `ValidationError`, one that
/// does not fit the framework `ScoreError`.
#[pyclass(name = "Scorer", module = "assessment_model", frozen)]
#[derive(Clone)]
pub(crate) struct PyScorer {
    pub(crate) inner: Scorer,
    /// The framework's criterion ids, for reading assessment dicts.
    pub(crate) ids: Arc<Ids>,
}

#[pymethods]
impl PyScorer {
    #[new]
    fn new(py: Python<'_>, framework: &PyFramework) -> PyResult<PyScorer> {
        let inner = Scorer::new(&framework.inner).or_raise(py, Class::Validation)?;
        let ids = Arc::new(Ids::new(py, &framework.inner)?);
        Ok(PyScorer { inner, ids })
    }

    /// The framework this scorer was compiled from.
    #[getter]
    fn framework(&self) -> PyFramework {
        PyFramework {
            inner: self.inner.framework().clone(),
        }
    }

    /// Scores an assessment into a `Report`.
    fn score(&self, assessment: &Bound<'_, PyAny>) -> PyResult<PyReport> {
        let py = assessment.py();
        with_scored_assessment(assessment, &self.ids, &self.inner, |a| {
            let inner = self.inner.score(a).or_raise(py, Class::Score)?;
            Ok(PyReport {
                inner,
                scorer: self.clone(),
            })
        })
    }

    /// The total score alone (`None` when the total has no score), without
    /// building a report: the same number as `score(a).total["score"]`.
    fn total(&self, assessment: &Bound<'_, PyAny>) -> PyResult<Option<f64>> {
        let py = assessment.py();
        with_scored_assessment(assessment, &self.ids, &self.inner, |a| {
            self.inner.total(a).or_raise(py, Class::Score)
        })
    }

    /// Raises `ScoreError` with every problem of the assessment against
    /// this framework; returns `None` when it can be scored.
    fn validate(&self, assessment: &Bound<'_, PyAny>) -> PyResult<()> {
        let py = assessment.py();
        with_scored_assessment(assessment, &self.ids, &self.inner, |a| {
            self.inner.validate(a).or_raise(py, Class::Score)
        })
    }

    /// Improvement priorities: for each rated leaf below its best rating,
    /// the exact gain in the total from raising it to the best, best
    /// first, as dicts.
    fn priorities<'py>(&self, assessment: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = assessment.py();
        with_scored_assessment(assessment, &self.ids, &self.inner, |a| {
            let priorities = self.inner.priorities(a).or_raise(py, Class::Score)?;
            to_object(py, &priorities)
        })
    }

    /// The lowest and highest score of every node over every way of
    /// rating the missing leaves, with the current score, and the leverage
    /// of each missing leaf on the total (SPEC §8.2). Raises
    /// `ValidationError` (does not parse) or `ScoreError` (every problem
    /// `validate` finds other than `missing-rating`). `progress(done,
    /// total)`, when given, is told the missing leaves whose leverage is
    /// done; it stops the call (`Stopped`) by returning `False`, as Ctrl-C
    /// does (`KeyboardInterrupt`).
    #[pyo3(signature = (assessment, *, progress = None))]
    fn bounds(
        &self,
        assessment: &Bound<'_, PyAny>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyBounds> {
        let py = assessment.py();
        let mut observer = PyObserver::new(progress)?;
        with_scored_assessment(assessment, &self.ids, &self.inner, |a| {
            let inner = self
                .inner
                .bounds_observed(a, &mut observer)
                .map_err(|e| observer.raise(py, Class::Score, e))?;
            Ok(PyBounds { inner })
        })
    }

    /// The total of each row of a 2-D array of raw ratings, one row per
    /// assessment and one column per leaf: binary 1.0 met / 0.0 not met,
    /// ordinal a level's value, numeric the number; NaN for no rating;
    /// `not_applicable` (default `NOT_APPLICABLE`, minus infinity) for not
    /// applicable. Returns a 1-D float64 array, NaN where a total has no
    /// score. Bit for bit the totals of `score()`; the GIL is released
    /// while scoring, and the rows are split among `threads` threads
    /// (default: the machine's cores, at least 4,096 rows each; pass 1
    /// where processes already share the cores, as on Dask workers). The
    /// result does not depend on `threads`.
    ///
    /// A numpy array (or a list of rows) is read by position: its columns
    /// are the leaves in the order of `leaf_ids()`. A pandas `DataFrame`
    /// is read by its column labels, which must be the leaf ids, each
    /// once, in any order (`tables.wide_ratings_array`); an off-scale
    /// value's path then names the column (`/row/leaf-id`). Only real
    /// numbers are ratings: a float, int or bool dtype; any other (complex,
    /// str, object, datetime) raises `ValidationError` (`invalid-document`),
    /// as a document of the wrong type does.
    ///
    /// Raises `ValueError` for a wrong number of columns or a
    /// `not_applicable` code that is a rating of some leaf,
    /// `ValidationError` for a dtype that is not real numbers or for a
    /// `DataFrame`'s unknown, repeated or missing column, and `ScoreError`
    /// with every off-scale value (path `/row/column`).
    ///
    /// `progress(done, total)`, when given, is told the rows scored every
    /// 1,024 rows of each thread; returning `False` stops the call
    /// (`Stopped`), as Ctrl-C does (`KeyboardInterrupt`).
    #[pyo3(signature = (ratings, not_applicable = crate::batch::NOT_APPLICABLE, *, threads = None, progress = None))]
    fn totals<'py>(
        slf: &Bound<'py, Self>,
        ratings: &Bound<'py, PyAny>,
        not_applicable: f64,
        threads: Option<usize>,
        progress: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let mut observer = PyObserver::new(progress)?;
        if crate::batch::is_data_frame(ratings)? {
            let tables = py.import("assessment_model.tables")?;
            let args = (slf, ratings, not_applicable, threads, progress);
            return tables.call_method1("_frame_totals", args);
        }
        let inner = &slf.get().inner;
        let totals = crate::batch::totals(inner, ratings, not_applicable, threads, &mut observer)?;
        Ok(totals.into_any())
    }

    /// The ids of the leaves in definition order: the columns of the
    /// array `totals` takes.
    fn leaf_ids(&self) -> Vec<String> {
        self.inner
            .framework()
            .leaves()
            .map(|c| c.id.to_string())
            .collect()
    }

    /// The number of leaves (the number of columns `totals` takes).
    #[getter]
    fn leaf_count(&self) -> usize {
        self.inner.leaf_count()
    }

    fn __repr__(&self) -> String {
        let f = self.inner.framework();
        format!(
            "Scorer(framework={:?}, version={:?})",
            f.id.as_str(),
            f.version.to_string()
        )
    }

    /// Pickles as its framework (compiled again on unpickling).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let framework = Bound::new(py, slf.get().framework())?;
        let args = PyTuple::new(py, [framework])?;
        PyTuple::new(py, [py.get_type::<PyScorer>().into_any(), args.into_any()])
    }
}
