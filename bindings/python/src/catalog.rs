//! The built-in catalogues, as functions of the extension module that
//! `assessment_model.catalog` arranges by source.

use assessment_model::catalog;
use pyo3::prelude::*;

use crate::convert::to_object;
use crate::documents::{PyAssessment, PyFramework};

fn framework(inner: assessment_model::Framework) -> PyFramework {
    PyFramework { inner }
}

/// The good-practice criteria (5 areas, 11 questions, 36 checklist items).
#[pyfunction]
fn good_practice_criteria() -> PyFramework {
    framework(catalog::good_practice::criteria())
}

/// The source's worked good-practice assessment (31 of 36 items met).
#[pyfunction]
fn good_practice_worked_example() -> PyAssessment {
    PyAssessment {
        inner: catalog::good_practice::worked_example(),
    }
}

/// IMPART's core framework (8 critical factors, 30 indicators).
#[pyfunction]
fn impart_core() -> PyFramework {
    framework(catalog::impart::core())
}

/// IMPART's in-place scale, as a scale document (dict).
#[pyfunction]
fn impart_in_place_scale(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_object(py, &catalog::impart::in_place_scale())
}

/// PROFINT IO1's 13 success factors.
#[pyfunction]
fn profint_success_factors_io1() -> PyFramework {
    framework(catalog::profint::success_factors_io1())
}

/// PROFINT IO2's 13 success factors.
#[pyfunction]
fn profint_success_factors_io2() -> PyFramework {
    framework(catalog::profint::success_factors_io2())
}

/// PROFINT's learning grid (22 proposals in 5 domains).
#[pyfunction]
fn profint_learning_grid() -> PyFramework {
    framework(catalog::profint::learning_grid())
}

/// The mapping from PROFINT IO1 to IO2, as a mapping document (dict).
#[pyfunction]
fn profint_io1_to_io2(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_object(py, &catalog::profint::io1_to_io2())
}

/// The crosswalk from the IMPART core to the good-practice checklist, as a
/// mapping document (dict).
#[pyfunction]
fn crosswalk_impart_core_to_good_practice(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_object(py, &catalog::crosswalk::impart_core_to_good_practice())
}

/// Every built-in framework, in the crate's fixed order.
#[pyfunction]
fn frameworks() -> Vec<PyFramework> {
    catalog::frameworks().into_iter().map(framework).collect()
}

/// Adds the catalogue functions to the extension module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(good_practice_criteria, m)?)?;
    m.add_function(wrap_pyfunction!(good_practice_worked_example, m)?)?;
    m.add_function(wrap_pyfunction!(impart_core, m)?)?;
    m.add_function(wrap_pyfunction!(impart_in_place_scale, m)?)?;
    m.add_function(wrap_pyfunction!(profint_success_factors_io1, m)?)?;
    m.add_function(wrap_pyfunction!(profint_success_factors_io2, m)?)?;
    m.add_function(wrap_pyfunction!(profint_learning_grid, m)?)?;
    m.add_function(wrap_pyfunction!(profint_io1_to_io2, m)?)?;
    m.add_function(wrap_pyfunction!(crosswalk_impart_core_to_good_practice, m)?)?;
    m.add_function(wrap_pyfunction!(frameworks, m)?)?;
    Ok(())
}
