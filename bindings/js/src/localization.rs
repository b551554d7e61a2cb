//! `Localization` (a framework's texts in another language, a document of
//! its own) and `Localized` (a framework's texts in a requested language,
//! by the fallback order of SPEC §7.6), which `Report.displayIn` and
//! `Progress.displayIn` render with.

use assessment_model::localization::{Coverage, Localized};
use assessment_model::model::LanguageTag;
use assessment_model::{Framework, Issue, IssueKind, Localization, ValidationError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{from_json, from_value, to_value};
use crate::documents::JsFramework;
use crate::errors::{self, Class, OrThrow, issues_of};

/// A localization document: the texts of one framework (by a compatible
/// reference) in one language.
#[wasm_bindgen(js_name = "Localization")]
pub struct JsLocalization {
    inner: Localization,
}

/// A coverage as JS sees it.
#[derive(Serialize)]
struct CoverageObject {
    translated: usize,
    translatable: usize,
    share: f64,
    complete: bool,
}

fn coverage_value(coverage: Coverage) -> Result<JsValue, JsValue> {
    to_value(&CoverageObject {
        translated: coverage.translated,
        translatable: coverage.translatable,
        share: coverage.share(),
        complete: coverage.is_complete(),
    })
}

#[wasm_bindgen(js_class = "Localization")]
impl JsLocalization {
    /// Parses a localization from JSON text; throws `ValidationError`.
    #[wasm_bindgen(js_name = "fromJSON")]
    pub fn from_json(text: &str) -> Result<JsLocalization, JsValue> {
        let inner = from_json(text).or_throw(Class::Validation)?;
        Ok(JsLocalization { inner })
    }

    /// Reads a localization from a JS object or JSON text; throws
    /// `ValidationError`.
    #[wasm_bindgen(js_name = "fromObject")]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "doc.LocalizationDocument | string")]
        document: JsValue,
    ) -> Result<JsLocalization, JsValue> {
        let inner = from_value(&document).or_throw(Class::Validation)?;
        Ok(JsLocalization { inner })
    }

    /// The localization's id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.id.to_string()
    }

    /// The language, as written in the document.
    #[wasm_bindgen(getter)]
    pub fn language(&self) -> String {
        self.inner.language.clone()
    }

    /// Every problem of this localization against `framework`
    /// (untranslated texts are warnings); empty when it is complete and
    /// fits.
    #[wasm_bindgen(js_name = "issuesAgainst", unchecked_return_type = "IssueObject[]")]
    pub fn issues_against(&self, framework: &JsFramework) -> Result<JsValue, JsValue> {
        issues_of(self.inner.issues_against(&framework.inner))
    }

    /// Throws `ValidationError` with every issue when the localization
    /// has an error against `framework`; otherwise returns its coverage.
    #[wasm_bindgen(js_name = "validateFor", unchecked_return_type = "res.Coverage")]
    pub fn validate_for(&self, framework: &JsFramework) -> Result<JsValue, JsValue> {
        let coverage = self
            .inner
            .validate_for(&framework.inner)
            .or_throw(Class::Validation)?;
        coverage_value(coverage)
    }

    /// How much of `framework` this localization translates, valid or not.
    #[wasm_bindgen(unchecked_return_type = "res.Coverage")]
    pub fn coverage(&self, framework: &JsFramework) -> Result<JsValue, JsValue> {
        coverage_value(self.inner.coverage(&framework.inner))
    }

    /// `framework` with its texts in this localization's language; throws
    /// `ValidationError` when the localization does not validate for it.
    pub fn apply(&self, framework: &JsFramework) -> Result<JsFramework, JsValue> {
        let inner = self
            .inner
            .apply(&framework.inner)
            .or_throw(Class::Validation)?;
        Ok(JsFramework { inner })
    }

    /// The localization document as a plain object.
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "doc.LocalizationDocument")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner)
    }
}

/// The texts of a framework in a requested language, drawing on
/// localizations by the fallback order exact tag, primary language, the
/// framework's own (SPEC §7.6).
///
/// `new Localized(framework, localizations, language)` takes the
/// localizations as `Localization`s, document objects or JSON text, and
/// throws `ValidationError` when `language` is not a well-formed tag
/// (`malformed-language-tag`), or a localization does not parse or does
/// not validate for the framework (its issues under `/<index>`).
#[wasm_bindgen(js_name = "Localized")]
pub struct JsLocalized {
    framework: Framework,
    localizations: Vec<Localization>,
    language: LanguageTag,
}

impl JsLocalized {
    /// Calls `f` with the crate's `Localized` over the owned documents
    /// (checked when this object was made).
    pub(crate) fn with<R>(&self, f: impl FnOnce(&Localized<'_>) -> R) -> Result<R, JsValue> {
        self.localized().map(|l| f(&l)).or_throw(Class::Validation)
    }

    fn localized(&self) -> Result<Localized<'_>, ValidationError> {
        let refs: Vec<&Localization> = self.localizations.iter().collect();
        Localized::new(&self.framework, &refs, &self.language)
    }
}

/// The localizations of an array, each read as a document; one that does
/// not parse throws `ValidationError` with its issue under `/<index>`.
fn localizations_of(items: &js_sys::Array) -> Result<Vec<Localization>, JsValue> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match from_value::<Localization>(&item) {
            Ok(l) => out.push(l),
            Err(e) => {
                let issues: Vec<(String, Issue)> = e
                    .into_issues()
                    .into_iter()
                    .map(|x| (format!("/{i}"), x))
                    .collect();
                return Err(errors::error(Class::Validation, &issues));
            }
        }
    }
    Ok(out)
}

#[wasm_bindgen(js_class = "Localized")]
impl JsLocalized {
    /// The texts of `framework` in `language`; see the class.
    #[wasm_bindgen(constructor)]
    pub fn new(
        framework: &JsFramework,
        #[wasm_bindgen(
            unchecked_param_type = "Array<Localization | doc.LocalizationDocument | string>"
        )]
        localizations: js_sys::Array,
        language: &str,
    ) -> Result<JsLocalized, JsValue> {
        let tag = LanguageTag::new(language).map_err(|e| {
            let kind = IssueKind::MalformedLanguageTag {
                value: language.to_owned(),
                reason: e.to_string(),
            };
            errors::to_js(
                Class::Validation,
                ValidationError::new(vec![Issue::new("", kind)]),
            )
        })?;
        let made = JsLocalized {
            framework: framework.inner.clone(),
            localizations: localizations_of(&localizations)?,
            language: tag,
        };
        made.localized().map(drop).or_throw(Class::Validation)?;
        Ok(made)
    }

    /// The requested language (canonical form).
    #[wasm_bindgen(getter)]
    pub fn language(&self) -> String {
        self.language.as_str().to_owned()
    }

    /// The title of criterion `id` in the requested language (`text`,
    /// `language`: the language it was found in, `fallback`: whether that
    /// is not the requested one), or `undefined` for no such criterion.
    #[wasm_bindgen(
        js_name = "criterionTitle",
        unchecked_return_type = "res.LocalizedText | undefined"
    )]
    pub fn criterion_title(&self, id: &str) -> Result<JsValue, JsValue> {
        let localized = self.localized().or_throw(Class::Validation)?;
        match localized.criterion_title(id) {
            Some(t) => to_value(&LocalizedTextObject {
                text: t.text,
                language: t.language.as_str(),
                fallback: t.fallback,
            }),
            None => Ok(JsValue::UNDEFINED),
        }
    }
}

/// A looked-up text as JS sees it.
#[derive(Serialize)]
struct LocalizedTextObject<'a> {
    text: &'a str,
    language: &'a str,
    fallback: bool,
}
