//! `Framework` and `Assessment`: documents read from dicts or JSON text,
//! written back the same way.

use assessment_model::{Assessment, Framework, Issue, Scorer, ValidationError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyList, PyTuple};

use crate::convert::{from_json, from_object, reduce_json, to_json, to_object};
use crate::errors::{self, Class, OrRaise};
use crate::fast::Ids;

/// A framework document: a versioned tree of criteria with its scales,
/// facets and scoring rules.
///
/// Made from a dict (`Framework.from_dict`), JSON text
/// (`Framework.from_json`) or a catalogue (`catalog.good_practice.criteria()`);
/// parsing checks the form only, `validate()` the rules.
#[pyclass(name = "Framework", module = "assessment_model", frozen)]
#[derive(Clone)]
pub(crate) struct PyFramework {
    pub(crate) inner: Framework,
}

#[pymethods]
impl PyFramework {
    /// Parses a framework from JSON text; raises `ValidationError` (one
    /// issue, with its path) when the text is not a framework document.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: PyBackedStr) -> PyResult<PyFramework> {
        let inner = from_json(&text).or_raise(py, Class::Validation)?;
        Ok(PyFramework { inner })
    }

    /// Reads a framework from a dict (as `json.load` gives it); raises
    /// `ValidationError` as `from_json` does.
    #[staticmethod]
    fn from_dict(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<PyFramework> {
        let inner = from_object(document).or_raise(py, Class::Validation)?;
        Ok(PyFramework { inner })
    }

    /// The framework document as a dict (maps in definition order).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner)
    }

    /// The framework document as JSON text.
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.inner)
    }

    /// Raises `ValidationError` with every issue (errors and warnings) when
    /// the framework has an error; returns `None` otherwise.
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        self.inner.validate().or_raise(py, Class::Validation)
    }

    /// Every issue, errors and warnings, as dicts (`code`, `path`,
    /// `severity`, `message`); empty for a clean framework.
    fn issues<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let issues: Vec<(String, Issue)> = self
            .inner
            .issues()
            .into_iter()
            .map(|i| (String::new(), i))
            .collect();
        errors::issue_list(py, &issues)
    }

    /// The framework's id.
    #[getter]
    fn id(&self) -> String {
        self.inner.id.to_string()
    }

    /// The framework's version (semver text).
    #[getter]
    fn version(&self) -> String {
        self.inner.version.to_string()
    }

    /// The framework's title.
    #[getter]
    fn title(&self) -> String {
        self.inner.title.clone()
    }

    /// The ids of the leaves (the rated criteria), in definition order.
    fn leaf_ids(&self) -> Vec<String> {
        self.inner.leaves().map(|c| c.id.to_string()).collect()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyFramework>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "Framework(id={:?}, version={:?})",
            self.inner.id.as_str(),
            self.inner.version.to_string()
        )
    }

    /// Pickles as its JSON text (for multiprocessing, Dask, Spark, Ray).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_json(slf, &slf.get().inner)
    }
}

/// An assessment document: one subject rated against one framework
/// version, a rating per leaf, with evidence, narratives and findings.
#[pyclass(name = "Assessment", module = "assessment_model", frozen)]
#[derive(Clone)]
pub(crate) struct PyAssessment {
    pub(crate) inner: Assessment,
}

#[pymethods]
impl PyAssessment {
    /// Parses an assessment from JSON text; raises `ValidationError` (one
    /// issue, with its path) when the text is not an assessment document.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: PyBackedStr) -> PyResult<PyAssessment> {
        let inner = from_json(&text).or_raise(py, Class::Validation)?;
        Ok(PyAssessment { inner })
    }

    /// Reads an assessment from a dict; raises `ValidationError` as
    /// `from_json` does.
    #[staticmethod]
    fn from_dict(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<PyAssessment> {
        let inner = assessment_from(document, None).or_raise(py, Class::Validation)?;
        Ok(PyAssessment { inner })
    }

    /// The assessment document as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner)
    }

    /// The assessment document as JSON text.
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.inner)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyAssessment>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "Assessment(subject={:?}, framework={:?}, ratings={})",
            self.inner.subject.name,
            self.inner.framework.id.as_str(),
            self.inner.ratings.len()
        )
    }

    /// Pickles as its JSON text.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_json(slf, &slf.get().inner)
    }
}

/// Calls `f` with an assessment argument: an `Assessment` (borrowed, not
/// copied), a dict or JSON text. A document that does not parse raises
/// `ValidationError`.
pub(crate) fn with_assessment<R>(
    obj: &Bound<'_, PyAny>,
    ids: Option<&Ids>,
    f: impl FnOnce(&Assessment) -> PyResult<R>,
) -> PyResult<R> {
    if let Ok(a) = obj.cast::<PyAssessment>() {
        return f(&a.get().inner);
    }
    let assessment = assessment_from(obj, ids).or_raise(obj.py(), Class::Validation)?;
    f(&assessment)
}

/// [`with_assessment`] for an assessment to be scored by `scorer`: one
/// that does not parse raises `ValidationError` with its problems of form
/// and, after them, what `scorer.validate` finds in the rest of it (an
/// unknown criterion, a rating off the scale), so that a typo does not
/// hide them.
pub(crate) fn with_scored_assessment<R>(
    obj: &Bound<'_, PyAny>,
    ids: &Ids,
    scorer: &Scorer,
    f: impl FnOnce(&Assessment) -> PyResult<R>,
) -> PyResult<R> {
    if let Ok(a) = obj.cast::<PyAssessment>() {
        return f(&a.get().inner);
    }
    match assessment_from(obj, Some(ids)) {
        Ok(assessment) => f(&assessment),
        Err(first) => {
            let checks = |a: &Assessment| {
                scorer
                    .validate(a)
                    .err()
                    .map(ValidationError::into_issues)
                    .unwrap_or_default()
            };
            Err(crate::convert::every_problem(obj, first, checks))
                .or_raise(obj.py(), Class::Validation)
        }
    }
}

/// An assessment from a dict or JSON text: a dict of the common shape
/// through the direct walk of `fast` (its rating keys looked up in `ids`,
/// the scoring framework's, when given), anything else (and every
/// document that does not parse) through the crate's `from_deserializer`.
pub(crate) fn assessment_from(
    obj: &Bound<'_, PyAny>,
    ids: Option<&Ids>,
) -> Result<Assessment, ValidationError> {
    match crate::fast::assessment(obj, ids) {
        Some(assessment) => Ok(assessment),
        None => crate::convert::from_any(obj),
    }
}

/// `_assessment_by_serde(document)`: an assessment read by the general
/// path alone (never the direct walk), for the tests that compare the two.
#[pyfunction]
pub(crate) fn _assessment_by_serde(
    py: Python<'_>,
    document: &Bound<'_, PyAny>,
) -> PyResult<PyAssessment> {
    let inner = crate::convert::from_any(document).or_raise(py, Class::Validation)?;
    Ok(PyAssessment { inner })
}

/// How many assessments [`owned_assessments`] reads between two runs of
/// Python's signal handlers: a dict takes about 0.4 ms to read, so 256 are
/// about 0.1 s.
const SIGNALS_EVERY: usize = 256;

/// The assessments of an iterable (each an `Assessment`, a dict or JSON
/// text) as owned values; one that does not parse raises `ValidationError`
/// with its issue under `/<index>`. Python's signal handlers run every
/// [`SIGNALS_EVERY`] items, so Ctrl-C stops reading a long list
/// (`KeyboardInterrupt`).
pub(crate) fn owned_assessments(items: &Bound<'_, PyAny>) -> PyResult<Vec<Assessment>> {
    let py = items.py();
    let mut out = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        if i % SIGNALS_EVERY == SIGNALS_EVERY - 1 {
            py.check_signals()?;
        }
        let item = item?;
        if let Ok(a) = item.cast::<PyAssessment>() {
            out.push(a.get().inner.clone());
            continue;
        }
        match assessment_from(&item, None) {
            Ok(a) => out.push(a),
            Err(e) => {
                let issues: Vec<(String, Issue)> = e
                    .into_issues()
                    .into_iter()
                    .map(|x| (format!("/{i}"), x))
                    .collect();
                return Err(errors::raise(py, Class::Validation, &issues));
            }
        }
    }
    Ok(out)
}
