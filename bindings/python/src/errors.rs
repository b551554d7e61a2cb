//! The crate's issues as Python exceptions: `ValidationError` (a document
//! or framework that is not valid) and `ScoreError` (an assessment,
//! a report or ratings that do not fit the scorer's framework), both
//! defined in `assessment_model/_errors.py` and carrying every issue as a
//! dict with `code`, `path`, `severity` and `message`.

use assessment_model::{Issue, ValidationError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};

/// Which exception class an error becomes.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Class {
    /// A document (framework, assessment, state) that does not parse or is
    /// not valid: `assessment_model.ValidationError`.
    Validation,
    /// An assessment, report or ratings that cannot be scored against the
    /// scorer's framework: `assessment_model.ScoreError`.
    Score,
}

static VALIDATION: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SCORE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// One issue as the dict Python sees: the code, the path (prefixed by
/// `prefix`, a JSON Pointer), the severity and the message.
pub(crate) fn issue_dict<'py>(
    py: Python<'py>,
    issue: &Issue,
    prefix: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("code", issue.code())?;
    dict.set_item("path", format!("{prefix}{}", issue.path))?;
    dict.set_item("severity", issue.severity().to_string())?;
    dict.set_item("message", issue.kind.to_string())?;
    Ok(dict)
}

/// The issues as a list of dicts (see [`issue_dict`]).
pub(crate) fn issue_list<'py>(
    py: Python<'py>,
    issues: &[(String, Issue)],
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for (prefix, issue) in issues {
        list.append(issue_dict(py, issue, prefix)?)?;
    }
    Ok(list)
}

/// The exception of `class` carrying `issues` (each with a path prefix),
/// made by the class's `_of`, which writes its text from the issue dicts
/// (the same constructor the package's Python code raises its issues
/// with, so both read alike).
pub(crate) fn raise(py: Python<'_>, class: Class, issues: &[(String, Issue)]) -> PyErr {
    let made = || -> PyResult<PyErr> {
        let cell = match class {
            Class::Validation => (&VALIDATION, "ValidationError"),
            Class::Score => (&SCORE, "ScoreError"),
        };
        let ty = cell.0.import(py, "assessment_model._errors", cell.1)?;
        let value = ty.call_method1("_of", (issue_list(py, issues)?,))?;
        Ok(PyErr::from_value(value))
    };
    made().unwrap_or_else(|e| e)
}

/// A crate error as the exception of `class`, paths as the crate gives them.
pub(crate) fn to_py(py: Python<'_>, class: Class, err: ValidationError) -> PyErr {
    let issues: Vec<(String, Issue)> = err
        .into_issues()
        .into_iter()
        .map(|i| (String::new(), i))
        .collect();
    raise(py, class, &issues)
}

/// The crate's issues (paths as the crate gives them) as the list of
/// issue dicts the `issues…` methods return.
pub(crate) fn issue_dicts(py: Python<'_>, issues: Vec<Issue>) -> PyResult<Bound<'_, PyList>> {
    let issues: Vec<(String, Issue)> = issues.into_iter().map(|i| (String::new(), i)).collect();
    issue_list(py, &issues)
}

/// Maps a crate result to a Python one, the error as the exception of
/// `class`.
pub(crate) trait OrRaise<T> {
    /// The value, or the crate's issues as the exception of `class`.
    fn or_raise(self, py: Python<'_>, class: Class) -> PyResult<T>;
}

impl<T> OrRaise<T> for Result<T, ValidationError> {
    fn or_raise(self, py: Python<'_>, class: Class) -> PyResult<T> {
        self.map_err(|e| to_py(py, class, e))
    }
}
