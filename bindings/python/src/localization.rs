//! `Localization` (a framework's texts in another language, a document of
//! its own) and `Localized` (the texts of a framework in a requested
//! language, by the fallback order of SPEC §7.6), which `Report.display_in`
//! and `Progress.display_in` render with.

use assessment_model::localization::{Coverage, Localized};
use assessment_model::model::LanguageTag;
use assessment_model::{Framework, Issue, IssueKind, Localization, ValidationError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::convert::{from_json, from_object, reduce_json, to_json, to_object};
use crate::documents::PyFramework;
use crate::errors::{self, Class, OrRaise};

/// A localization document: the texts of one framework (by a compatible
/// reference) in one language. Checked against a framework with
/// `issues_against` / `validate_for`, applied with `apply`.
#[pyclass(name = "Localization", module = "assessment_model", frozen)]
pub(crate) struct PyLocalization {
    inner: Localization,
}

/// A coverage as a dict: `translated`, `translatable`, `share` and
/// `complete`.
fn coverage_dict(py: Python<'_>, coverage: Coverage) -> PyResult<Bound<'_, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("translated", coverage.translated)?;
    dict.set_item("translatable", coverage.translatable)?;
    dict.set_item("share", coverage.share())?;
    dict.set_item("complete", coverage.is_complete())?;
    Ok(dict)
}

#[pymethods]
impl PyLocalization {
    /// Parses a localization from JSON text; raises `ValidationError`
    /// (every problem, each with its path) when the text is not one.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: PyBackedStr) -> PyResult<PyLocalization> {
        let inner = from_json(&text).or_raise(py, Class::Validation)?;
        Ok(PyLocalization { inner })
    }

    /// Reads a localization from a dict; raises `ValidationError`.
    #[staticmethod]
    fn from_dict(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<PyLocalization> {
        let inner = from_object(document).or_raise(py, Class::Validation)?;
        Ok(PyLocalization { inner })
    }

    /// The localization's id.
    #[getter]
    fn id(&self) -> String {
        self.inner.id.to_string()
    }

    /// The language, as written in the document.
    #[getter]
    fn language(&self) -> String {
        self.inner.language.clone()
    }

    /// Every problem of this localization against `framework`, as issue
    /// dicts (untranslated texts are warnings); empty when it is complete
    /// and fits.
    fn issues_against<'py>(
        &self,
        py: Python<'py>,
        framework: &PyFramework,
    ) -> PyResult<Bound<'py, PyList>> {
        errors::issue_dicts(py, self.inner.issues_against(&framework.inner))
    }

    /// Raises `ValidationError` with every issue when the localization has
    /// an error against `framework`; otherwise returns its coverage as a
    /// dict (`translated`, `translatable`, `share`, `complete`).
    fn validate_for<'py>(
        &self,
        py: Python<'py>,
        framework: &PyFramework,
    ) -> PyResult<Bound<'py, PyDict>> {
        let coverage = self
            .inner
            .validate_for(&framework.inner)
            .or_raise(py, Class::Validation)?;
        coverage_dict(py, coverage)
    }

    /// How much of `framework` this localization translates, valid or
    /// not, as `validate_for` gives it.
    fn coverage<'py>(
        &self,
        py: Python<'py>,
        framework: &PyFramework,
    ) -> PyResult<Bound<'py, PyDict>> {
        coverage_dict(py, self.inner.coverage(&framework.inner))
    }

    /// `framework` with its texts in this localization's language (what
    /// the localization does not translate is left as it is); raises
    /// `ValidationError` when the localization does not validate for it.
    fn apply(&self, py: Python<'_>, framework: &PyFramework) -> PyResult<PyFramework> {
        let inner = self
            .inner
            .apply(&framework.inner)
            .or_raise(py, Class::Validation)?;
        Ok(PyFramework { inner })
    }

    /// The localization document as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_object(py, &self.inner)
    }

    /// The localization document as JSON text.
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.inner)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyLocalization>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "Localization(id={:?}, language={:?})",
            self.inner.id.as_str(),
            self.inner.language
        )
    }

    /// Pickles as its JSON text.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_json(slf, &slf.get().inner)
    }
}

/// The texts of a framework in a requested language, drawing on
/// localizations by the fallback order exact tag, primary language, the
/// framework's own (SPEC §7.6): what `Report.display_in` and
/// `Progress.display_in` take.
///
/// `Localized(framework, localizations, language)` raises
/// `ValidationError` when `language` is not a well-formed tag
/// (`malformed-language-tag`) or a localization does not validate for the
/// framework (its issues under `/<index in localizations>`).
#[pyclass(name = "Localized", module = "assessment_model", frozen)]
pub(crate) struct PyLocalized {
    framework: Framework,
    localizations: Vec<Localization>,
    language: LanguageTag,
}

impl PyLocalized {
    /// Calls `f` with the crate's `Localized` over the owned documents
    /// (checked when this object was made, so the check cannot fail here;
    /// if it did, its issues are raised).
    pub(crate) fn with<R>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&Localized<'_>) -> R,
    ) -> PyResult<R> {
        self.localized()
            .map(|l| f(&l))
            .or_raise(py, Class::Validation)
    }

    fn localized(&self) -> Result<Localized<'_>, ValidationError> {
        let refs: Vec<&Localization> = self.localizations.iter().collect();
        Localized::new(&self.framework, &refs, &self.language)
    }
}

#[pymethods]
impl PyLocalized {
    #[new]
    fn new(
        py: Python<'_>,
        framework: &PyFramework,
        localizations: Vec<Bound<'_, PyLocalization>>,
        language: &str,
    ) -> PyResult<PyLocalized> {
        let language = LanguageTag::new(language).map_err(|e| {
            let kind = IssueKind::MalformedLanguageTag {
                value: language.to_owned(),
                reason: e.to_string(),
            };
            errors::to_py(
                py,
                Class::Validation,
                ValidationError::new(vec![Issue::new("", kind)]),
            )
        })?;
        let made = PyLocalized {
            framework: framework.inner.clone(),
            localizations: localizations
                .iter()
                .map(|l| l.get().inner.clone())
                .collect(),
            language,
        };
        made.localized().map(drop).or_raise(py, Class::Validation)?;
        Ok(made)
    }

    /// The requested language (canonical form).
    #[getter]
    fn language(&self) -> String {
        self.language.as_str().to_owned()
    }

    /// The title of criterion `id` in the requested language as a dict
    /// (`text`, `language`: the language it was found in, `fallback`:
    /// whether that is not the requested one), or `None` for no such
    /// criterion.
    fn criterion_title<'py>(
        &self,
        py: Python<'py>,
        id: &str,
    ) -> PyResult<Option<Bound<'py, PyDict>>> {
        let localized = self.localized().or_raise(py, Class::Validation)?;
        let Some(text) = localized.criterion_title(id) else {
            return Ok(None);
        };
        let dict = PyDict::new(py);
        dict.set_item("text", text.text)?;
        dict.set_item("language", text.language.as_str())?;
        dict.set_item("fallback", text.fallback)?;
        Ok(Some(dict))
    }

    fn __repr__(&self) -> String {
        format!(
            "Localized(framework={:?}, language={:?}, localizations={})",
            self.framework.id.as_str(),
            self.language.as_str(),
            self.localizations.len()
        )
    }
}
