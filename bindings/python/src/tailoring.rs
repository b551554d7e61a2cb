//! Tailoring, crosswalks and peer review as functions over documents:
//! profiles, compositions, mappings and peer reviews, each read from a
//! dict or JSON text, every problem raised as `ValidationError`.

use assessment_model::review::Consolidation;
use assessment_model::{Framework, Localization, Mapping, PeerReview, Profile, ValidationError};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::convert::{from_object, parsed, to_object};
use crate::documents::{PyFramework, with_assessment};
use crate::errors::{self, Class, OrRaise};

fn raise_issues(py: Python<'_>, issues: &[assessment_model::Issue]) -> PyErr {
    errors::to_py(py, Class::Validation, ValidationError::new(issues.to_vec()))
}

/// The framework tailored by a profile (a dict or JSON text); raises
/// `ValidationError` with every problem (paths into the profile).
#[pyfunction]
fn apply_profile(framework: &PyFramework, profile: &Bound<'_, PyAny>) -> PyResult<PyFramework> {
    let py = profile.py();
    let profile: Profile = parsed(profile)?;
    let inner = profile
        .apply(&framework.inner)
        .map_err(|e| raise_issues(py, e.issues()))?;
    Ok(PyFramework { inner })
}

/// The base framework with its modules joined in order; raises
/// `ValidationError` with every conflict.
#[pyfunction]
fn compose(
    py: Python<'_>,
    base: &PyFramework,
    modules: Vec<Bound<'_, PyFramework>>,
) -> PyResult<PyFramework> {
    let refs: Vec<&Framework> = modules.iter().map(|m| &m.get().inner).collect();
    let inner = assessment_model::compose(&base.inner, &refs).or_raise(py, Class::Validation)?;
    Ok(PyFramework { inner })
}

/// Checks a mapping (a dict or JSON text) from `source` to `target`;
/// raises `ValidationError` with every problem (paths into the mapping,
/// under `/mapping`).
#[pyfunction]
fn check_mapping(
    mapping: &Bound<'_, PyAny>,
    source: &PyFramework,
    target: &PyFramework,
) -> PyResult<()> {
    let py = mapping.py();
    let mapping: Mapping = parsed(mapping)?;
    mapping
        .check(&source.inner, &target.inner)
        .map_err(|e| raise_issues(py, e.issues()))
}

/// Carries an assessment of `source` to `target` through a mapping; the
/// translation (the new assessment and what was or was not carried) as a
/// dict. Raises `ValidationError` with every problem.
#[pyfunction]
fn translate<'py>(
    mapping: &Bound<'py, PyAny>,
    assessment: &Bound<'py, PyAny>,
    source: &PyFramework,
    target: &PyFramework,
) -> PyResult<Bound<'py, PyAny>> {
    let py = mapping.py();
    let mapping: Mapping = parsed(mapping)?;
    with_assessment(assessment, None, |a| {
        let translation = mapping
            .translate(a, &source.inner, &target.inner)
            .map_err(|e| raise_issues(py, e.issues()))?;
        to_object(py, &translation)
    })
}

/// Every problem of a peer review (a dict or JSON text) against
/// `framework`, as issue dicts; empty when it fits.
#[pyfunction]
fn review_issues<'py>(
    review: &Bound<'py, PyAny>,
    framework: &PyFramework,
) -> PyResult<Bound<'py, PyList>> {
    let py = review.py();
    let review: PeerReview = parsed(review)?;
    errors::issue_dicts(py, review.issues_against(&framework.inner))
}

/// Every problem of a localization (a dict or JSON text) against
/// `framework`, as issue dicts (untranslated texts are warnings); empty
/// when it is complete and fits.
#[pyfunction]
fn localization_issues<'py>(
    localization: &Bound<'py, PyAny>,
    framework: &PyFramework,
) -> PyResult<Bound<'py, PyList>> {
    let py = localization.py();
    let localization: Localization = parsed(localization)?;
    errors::issue_dicts(py, localization.issues_against(&framework.inner))
}

/// Consolidates a peer review into one assessment by `method`
/// (`"median"`, `"mean"`, `"minimum"` or `"consensus"`); the result
/// (assessment and agreement) as a dict. Raises `ValidationError` with
/// every problem.
#[pyfunction]
fn consolidate<'py>(
    review: &Bound<'py, PyAny>,
    framework: &PyFramework,
    method: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = review.py();
    let review: PeerReview = parsed(review)?;
    let method: Consolidation = from_object(method).or_raise(py, Class::Validation)?;
    let result = review
        .consolidate(&framework.inner, method)
        .map_err(|e| raise_issues(py, e.issues()))?;
    to_object(py, &result)
}

/// Adds the functions to the extension module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(apply_profile, m)?)?;
    m.add_function(wrap_pyfunction!(compose, m)?)?;
    m.add_function(wrap_pyfunction!(check_mapping, m)?)?;
    m.add_function(wrap_pyfunction!(translate, m)?)?;
    m.add_function(wrap_pyfunction!(review_issues, m)?)?;
    m.add_function(wrap_pyfunction!(localization_issues, m)?)?;
    m.add_function(wrap_pyfunction!(consolidate, m)?)?;
    Ok(())
}
