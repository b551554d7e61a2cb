//! `ActionPlan`: what a subject will do about a report's risks and
//! priorities (SPEC §3.13), checked against the report (§6.7), drafted
//! from it and reviewed against a later `Progress`.

use assessment_model::ActionPlan;
use assessment_model::model::IsoDate;
use assessment_model::plan::{Draft, Owner};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyList, PyTuple};

use crate::analysis::PyProgress;
use crate::convert::{from_json, from_object, reduce_json, to_json, to_object};
use crate::errors::{self, Class, OrRaise};
use crate::report::PyReport;

/// An action plan document: actions, each addressing criteria, perhaps
/// answering a risk or a declared finding, with an owner, a due date and
/// a status.
#[pyclass(name = "ActionPlan", module = "assessment_model", frozen)]
pub(crate) struct PyActionPlan {
    inner: ActionPlan,
}

#[pymethods]
impl PyActionPlan {
    /// Parses an action plan from JSON text; raises `ValidationError` (one
    /// issue, with its path) when the text is not one.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: PyBackedStr) -> PyResult<PyActionPlan> {
        let inner = from_json(&text).or_raise(py, Class::Validation)?;
        Ok(PyActionPlan { inner })
    }

    /// Reads an action plan from a dict; raises `ValidationError`.
    #[staticmethod]
    fn from_dict(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<PyActionPlan> {
        let inner = from_object(document).or_raise(py, Class::Validation)?;
        Ok(PyActionPlan { inner })
    }

    /// A plan proposed from `report`, for a person to edit: an action per
    /// risk, then one per priority among the top `top`, each owned by
    /// `owner` (an organisation's name, or an owner dict such as
    /// `{"person": {"name": ...}}`) and due on `due` (`YYYY-MM-DD`).
    /// Raises `ValidationError` when the owner or the date does not parse.
    #[staticmethod]
    #[pyo3(signature = (report, owner, due, top = 3))]
    fn draft(
        report: &PyReport,
        owner: &Bound<'_, PyAny>,
        due: &Bound<'_, PyAny>,
        top: usize,
    ) -> PyResult<PyActionPlan> {
        let py = owner.py();
        let owner: Owner = match owner.extract::<String>() {
            Ok(name) => Owner::Organisation(name),
            Err(_) => from_object(owner).or_raise(py, Class::Validation)?,
        };
        let due: IsoDate = from_object(due).or_raise(py, Class::Validation)?;
        let inner = ActionPlan::draft(&report.inner, &Draft::new(owner, due).top(top));
        Ok(PyActionPlan { inner })
    }

    /// The subject, as a dict.
    #[getter]
    fn subject<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.subject)
    }

    /// The framework reference, as a dict (`id`, `version`).
    #[getter]
    fn framework<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.framework)
    }

    /// The actions, as dicts, in the plan's order.
    #[getter]
    fn actions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.actions)
    }

    /// Every problem of this plan as a plan for `report`, as issue dicts
    /// with paths into the plan (`unknown-criterion`, `unknown-risk`,
    /// `unknown-finding`, `missing-done-date`, `duplicate-id`,
    /// `framework-mismatch`, limits); empty when it fits.
    fn issues_against<'py>(
        &self,
        py: Python<'py>,
        report: &PyReport,
    ) -> PyResult<Bound<'py, PyList>> {
        errors::issue_dicts(py, self.inner.issues_against(&report.inner))
    }

    /// Raises `ValidationError` with every issue of `issues_against` when
    /// there is one; returns `None` otherwise.
    fn validate_against(&self, py: Python<'_>, report: &PyReport) -> PyResult<()> {
        self.inner
            .validate_against(&report.inner)
            .or_raise(py, Class::Validation)
    }

    /// Per action, whether the criteria it addresses improved, stayed or
    /// regressed in `progress` (a `Progress`), and what became of the risk
    /// it answers, as a dict (`actions`: `action`, `status`, `verdict`,
    /// `risk`, `criteria`). Raises `ValidationError` (`framework-mismatch`
    /// at `/framework`) when the progress is not of the plan's framework.
    fn review<'py>(&self, py: Python<'py>, progress: &PyProgress) -> PyResult<Bound<'py, PyAny>> {
        let review = self
            .inner
            .review(&progress.inner)
            .or_raise(py, Class::Validation)?;
        to_object(py, &review)
    }

    /// The plan document as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner)
    }

    /// The plan document as JSON text.
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.inner)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyActionPlan>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "ActionPlan(subject={:?}, actions={})",
            self.inner.subject.name,
            self.inner.actions.len()
        )
    }

    /// Pickles as its JSON text.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_json(slf, &slf.get().inner)
    }
}
