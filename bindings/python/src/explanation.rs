//! `Explanation`: why a node of a report has its score (the crate's
//! `Report::explain`, SPEC §3.14), a frozen class holding the crate's
//! value, read through getters that return plain Python values,
//! `to_dict()` and `str()` (the crate's one line of text).

use assessment_model::report::Explanation;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyTuple;

use crate::convert::{from_json, from_object, reduce_json, to_json, to_object};
use crate::errors::{Class, OrRaise};
use crate::localization::PyLocalized;

/// Why one node of a report (a criterion, or the total) has its score:
/// the rule (`method`, or a leaf's `rating`), the children the aggregate
/// included with weight, score and contribution, those left out and why,
/// and the result (`score`, the report's own). Made by
/// `Report.explain(id)` and `Report.explain_total()`; `str()` is one
/// line, e.g. `Sustainability 0.667 = weighted mean of q9 1.000 (w 1)
/// and q10 0.333 (w 1)`; `to_dict()` the data (SPEC §3.14).
#[pyclass(name = "Explanation", module = "assessment_model", frozen)]
pub(crate) struct PyExplanation {
    pub(crate) inner: Explanation,
}

#[pymethods]
impl PyExplanation {
    /// Reads an explanation back from JSON text (as `to_json` writes it);
    /// raises `ValidationError`.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: PyBackedStr) -> PyResult<PyExplanation> {
        let inner = from_json(&text).or_raise(py, Class::Validation)?;
        Ok(PyExplanation { inner })
    }

    /// Reads an explanation back from a dict (as `to_dict` gives it);
    /// raises `ValidationError`.
    #[staticmethod]
    fn from_dict(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<PyExplanation> {
        let inner = from_object(document).or_raise(py, Class::Validation)?;
        Ok(PyExplanation { inner })
    }

    /// The criterion explained, or `None` for the total.
    #[getter]
    fn criterion(&self) -> Option<String> {
        self.inner.criterion.as_ref().map(ToString::to_string)
    }

    /// The node's title (the framework's, for the total).
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// The aggregation (`"weighted_mean"`…) of a group or the total;
    /// `None` for a leaf.
    #[getter]
    fn method<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.method)
    }

    /// The result: the node's score as the report gives it, or `None`.
    #[getter]
    fn score(&self) -> Option<f64> {
        self.inner.score
    }

    /// The children included, as dicts (`criterion`, `weight`, `score`,
    /// `contribution`…).
    #[getter]
    fn included<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.included)
    }

    /// The children left out, as dicts (`criterion`, `reason`, `score`).
    #[getter]
    fn left_out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner.left_out)
    }

    /// The line (`str()`) with the title in the language of `texts` (a
    /// `Localized`), a title that fell back marked with its language.
    fn display_in(&self, py: Python<'_>, texts: &PyLocalized) -> PyResult<String> {
        texts.with(py, |l| self.inner.display_in(l).to_string())
    }

    /// The explanation as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner)
    }

    /// The explanation as JSON text.
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.inner)
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        let criterion = self.inner.criterion.as_ref().map_or("None", |c| c.as_str());
        let score = self
            .inner
            .score
            .map_or_else(|| "None".to_owned(), |x| format!("{x:?}"));
        format!("Explanation(criterion={criterion}, score={score})")
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyExplanation>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    /// Pickles as its JSON text.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_json(slf, &slf.get().inner)
    }
}
