//! The Python package `assessment_model`: a thin binding of the Rust crate
//! `assessment-model`. Rust types are wrapped, documents cross the boundary
//! through serde (`pythonize` for dicts, `serde_json` for text) and every
//! problem the crate reports reaches Python as an exception carrying the
//! crate's issues (code, JSON Pointer, severity, message). No scoring rule
//! is re-implemented here.
//!
//! Every wrapped object owns its Rust value (the compiled scorer is shared
//! behind the crate's `Arc`), so no Python object borrows Rust data; the
//! immutable classes are `frozen` (safe to share between threads), the
//! cohort is mutable and PyO3 checks its borrows at run time.

use pyo3::prelude::*;

mod analysis;
mod batch;
mod catalog;
mod chart;
mod cohort;
mod convert;
mod documents;
mod errors;
mod explanation;
mod fast;
mod localization;
mod plan;
mod progress;
mod report;
mod scorer;
mod tailoring;

/// The extension module `assessment_model._assessment_model`; the package's
/// `__init__.py` re-exports what is public.
#[pymodule]
fn _assessment_model(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<documents::PyFramework>()?;
    m.add_class::<documents::PyAssessment>()?;
    m.add_class::<scorer::PyScorer>()?;
    m.add_class::<report::PyReport>()?;
    m.add_class::<explanation::PyExplanation>()?;
    m.add_class::<cohort::PyCohort>()?;
    m.add_class::<analysis::PyProgress>()?;
    m.add_class::<analysis::PyBounds>()?;
    m.add_class::<analysis::PyUncertainty>()?;
    m.add_class::<analysis::PyUncertaintyReport>()?;
    m.add_class::<localization::PyLocalization>()?;
    m.add_class::<localization::PyLocalized>()?;
    m.add_class::<plan::PyActionPlan>()?;
    m.add("ISSUE_CODES", assessment_model::IssueKind::CODES.to_vec())?;
    m.add("NOT_APPLICABLE", batch::NOT_APPLICABLE)?;
    m.add("MAX_EVALUATIONS", assessment_model::limits::MAX_EVALUATIONS)?;
    m.add_function(wrap_pyfunction!(documents::_assessment_by_serde, m)?)?;
    catalog::register(m)?;
    tailoring::register(m)?;
    Ok(())
}
