//! `Cohort`: statistics over many reports, mergeable across partitions.

use std::sync::Arc;

use assessment_model::Cohort;
use assessment_model::cohort::CohortState;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::convert::{from_any, to_json, to_object};
use crate::documents::{owned_assessments, with_assessment};
use crate::errors::{Class, OrRaise};
use crate::fast::Ids;
use crate::progress::PyObserver;
use crate::report::PyReport;
use crate::scorer::PyScorer;

/// Statistics over the reports of one framework: per node the mean,
/// standard deviation, median, range, risk and not-applicable counts and
/// level distributions; optionally grouped by a subject attribute.
///
/// Cohorts built on partitions merge into the cohort of the whole
/// (`merge`), and `state()` / `Cohort.from_state()` carry one between
/// processes as a plain dict. A cohort is mutable: share it between
/// threads only behind a lock (PyO3 raises `RuntimeError` on a concurrent
/// borrow rather than corrupting it).
#[pyclass(name = "Cohort", module = "assessment_model")]
pub(crate) struct PyCohort {
    inner: Cohort,
    /// The scorer's criterion ids, for reading assessment dicts.
    ids: Arc<Ids>,
}

#[pymethods]
impl PyCohort {
    /// An empty cohort of `scorer`'s framework, grouped by the subject
    /// attribute `grouping` when given.
    #[new]
    #[pyo3(signature = (scorer, grouping=None))]
    fn new(scorer: &PyScorer, grouping: Option<String>) -> PyCohort {
        let cohort = Cohort::new(&scorer.inner);
        let inner = match grouping {
            Some(attribute) => cohort.with_grouping(attribute),
            None => cohort,
        };
        PyCohort {
            inner,
            ids: Arc::clone(&scorer.ids),
        }
    }

    /// Adds a report; raises `ScoreError` when it is not a report of this
    /// cohort's framework (the cohort is then unchanged).
    fn push(&mut self, py: Python<'_>, report: &PyReport) -> PyResult<()> {
        self.inner.push(&report.inner).or_raise(py, Class::Score)
    }

    /// Scores an assessment and adds its report.
    fn push_assessment(&mut self, assessment: &Bound<'_, PyAny>) -> PyResult<()> {
        let py = assessment.py();
        with_assessment(assessment, Some(&self.ids), |a| {
            self.inner.push_assessment(a).or_raise(py, Class::Score)
        })
    }

    /// Scores each of `assessments` (an iterable of `Assessment`s, dicts
    /// or JSON texts) and adds its report, all or nothing, without the
    /// GIL. `progress(done, total)`, when given, is told the assessments
    /// scored every few milliseconds. Raises `ValidationError` when an
    /// assessment does not parse, `ScoreError` with every problem of every
    /// assessment that cannot be scored (paths under `/<index>`),
    /// `Stopped` when `progress` returns `False` and `KeyboardInterrupt`
    /// on Ctrl-C; the cohort is then unchanged.
    #[pyo3(signature = (assessments, *, progress = None))]
    fn extend(
        &mut self,
        assessments: &Bound<'_, PyAny>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let py = assessments.py();
        let mut observer = PyObserver::new(progress)?;
        let members = owned_assessments(assessments)?;
        let cohort = &mut self.inner;
        py.detach(|| cohort.extend_observed(&members, &mut observer))
            .map_err(|e| observer.raise(py, Class::Score, e))
    }

    /// Adds every member of `other` (a cohort of the same framework and
    /// grouping); raises `ScoreError` otherwise.
    fn merge(&mut self, py: Python<'_>, other: &Bound<'_, PyCohort>) -> PyResult<()> {
        let other = other.try_borrow()?;
        self.inner.merge(&other.inner).or_raise(py, Class::Score)
    }

    /// The number of members.
    #[getter]
    fn members(&self) -> u64 {
        self.inner.members()
    }

    /// The statistics as a plain dict (`members`, `total`, `nodes`).
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.stats())
    }

    /// The statistics of each group, by the grouping attribute's value;
    /// `None` when the cohort is not grouped by `attribute`.
    fn stats_by<'py>(&self, py: Python<'py>, attribute: &str) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.stats_by(attribute))
    }

    /// The `k` leaves with the lowest mean score, as dicts.
    fn weakest<'py>(&self, py: Python<'py>, k: usize) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.weakest(k))
    }

    /// The risks shared by at least `min_share` of the members, as dicts;
    /// raises `ValidationError` when `min_share` is not in [0, 1].
    fn common_risks<'py>(&self, py: Python<'py>, min_share: f64) -> PyResult<Bound<'py, PyAny>> {
        let risks = self
            .inner
            .common_risks(min_share)
            .or_raise(py, Class::Validation)?;
        to_object(py, &risks)
    }

    /// The cohort's state as a plain dict (picklable, JSON-serialisable):
    /// `Cohort.from_state(scorer, state)` gives the cohort back.
    fn state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.state())
    }

    /// The cohort a `state()` dict (or its JSON text) describes, of
    /// `scorer`'s framework; raises `ValidationError` when the state does
    /// not parse or does not fit the framework.
    #[staticmethod]
    fn from_state(
        py: Python<'_>,
        scorer: &PyScorer,
        state: &Bound<'_, PyAny>,
    ) -> PyResult<PyCohort> {
        let state: CohortState = from_any(state).or_raise(py, Class::Validation)?;
        let inner = Cohort::from_state(&scorer.inner, state).or_raise(py, Class::Validation)?;
        Ok(PyCohort {
            inner,
            ids: Arc::clone(&scorer.ids),
        })
    }

    fn __repr__(&self) -> String {
        format!("Cohort(members={})", self.inner.members())
    }

    /// Pickles as its scorer (itself pickled as its framework) and the
    /// JSON text of its `state()`, read back by `Cohort.from_state`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let cohort = slf.try_borrow()?;
        let scorer = PyScorer {
            inner: cohort.inner.scorer().clone(),
            ids: Arc::clone(&cohort.ids),
        };
        let ctor = slf.as_any().get_type().getattr("from_state")?;
        let scorer = Bound::new(py, scorer)?.into_any();
        let state = to_json(&cohort.inner.state())?
            .into_pyobject(py)?
            .into_any();
        let args = PyTuple::new(py, [scorer, state])?;
        PyTuple::new(py, [ctor, args.into_any()])
    }
}
