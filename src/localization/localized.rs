//! [`Localized`]: a framework's texts in a requested language, each with
//! the fallback that found it ([SPEC](crate::spec) §7.6).

use crate::localization::Localization;
use crate::model::framework::Framework;
use crate::model::issue::{ValidationError, pointer};

use super::text::{Source, TextKey};
use crate::model::language_tag::LanguageTag;

/// Where a [`LocalizedText`] was found, in the fallback order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Step {
    /// A localization whose tag is the requested tag.
    Exact,
    /// A localization whose tag is the requested tag's primary language
    /// subtag alone (`de` for `de-AT`).
    PrimaryLanguage,
    /// The framework's own text, in its own language.
    Framework,
}

/// One text found by [`Localized::get`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct LocalizedText<'s> {
    /// The text.
    pub text: &'s str,
    /// The language it is in.
    pub language: &'s LanguageTag,
    /// Which step of the fallback order found it.
    pub step: Step,
    /// Whether `language` is not the requested tag: the text fell back (to
    /// the primary language, or to the framework's own language).
    pub fallback: bool,
}

/// A framework's texts in a requested language, for a renderer: each text
/// is looked up in this order ([SPEC](crate::spec) §7.6), text by text, so
/// that a partial localization falls back per field:
///
/// 1. **exact tag**: the localizations whose tag is the requested one
///    (compared in the recommended case, so `de-at` is `de-AT`);
/// 2. **primary language subtag**: those whose tag is the requested tag's
///    primary language alone (`de` for `de-AT`; skipped when the request
///    is a primary language alone);
/// 3. **the framework's own** text, in its own language.
///
/// Within a step, localizations are consulted in the order given. A
/// localization of a more specific tag (`de-CH` for a request of `de`, or
/// of `de-AT`) is not used: the order never widens a request (as the
/// *lookup* of RFC 4647 §3.4). The renderer of a report or of progress
/// notes calls [`criterion_title`](Localized::criterion_title) (and
/// [`get`](Localized::get) for descriptions, level and band labels) where it
/// would print the framework's text.
///
/// # Examples
///
/// ```
/// use assessment_model::{Localization, catalog::impart};
/// use assessment_model::localization::{Localized, Step, TitledText};
/// use assessment_model::model::LanguageTag;
///
/// let core = impart::core();
/// let mut de = Localization::new("core-de".parse()?, core.compatible_ref(), "de".parse()?);
/// de.criteria.insert("migrant-voice".parse()?, TitledText::title("Stimme der Migranten"));
/// let mut at = Localization::new("core-de-at".parse()?, core.compatible_ref(), "de-AT".parse()?);
/// at.title = Some("IMPART-Kernbenchmark (Österreich)".into());
///
/// let requested: LanguageTag = "de-AT".parse()?;
/// let texts = Localized::new(&core, &[&de, &at], &requested)?;
/// let title = texts.get(assessment_model::localization::TextKey::Title).ok_or("no title")?;
/// assert_eq!((title.text, title.step), ("IMPART-Kernbenchmark (Österreich)", Step::Exact));
/// let voice = texts.criterion_title("migrant-voice").ok_or("no criterion")?;
/// assert_eq!((voice.text, voice.step, voice.fallback), ("Stimme der Migranten", Step::PrimaryLanguage, true));
/// let other = texts.criterion_title("employer-engagement").ok_or("no criterion")?;
/// assert_eq!((other.step, other.language.as_str()), (Step::Framework, "en"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Localized<'a> {
    source: Source<'a>,
    framework_language: &'a LanguageTag,
    requested: LanguageTag,
    /// The localizations of each step, with their tags.
    exact: Vec<&'a Localization>,
    primary: Vec<&'a Localization>,
    primary_tag: LanguageTag,
}

impl<'a> Localized<'a> {
    /// The texts of `framework` in the `requested` language, drawing on
    /// `localizations` (of any languages: those of neither step are not
    /// used, but are checked all the same).
    ///
    /// # Errors
    ///
    /// [`ValidationError`] when a localization does not validate for the
    /// framework ([`Localization::validate_for`]): its issues, with paths
    /// under `/<i>`, its index in `localizations` (as if the list were a
    /// JSON array of the documents).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Localization, catalog::{good_practice, impart}};
    /// use assessment_model::localization::Localized;
    /// use assessment_model::model::LanguageTag;
    ///
    /// let core = impart::core();
    /// let other = Localization::new("gp-de".parse()?, good_practice::criteria().compatible_ref(), "de".parse()?);
    /// let err = Localized::new(&core, &[&other], &LanguageTag::new("de")?).unwrap_err();
    /// assert_eq!(err.issues()[0].code(), "framework-mismatch");
    /// assert_eq!(err.issues()[0].path, "/0/framework");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        framework: &'a Framework,
        localizations: &[&'a Localization],
        requested: &LanguageTag,
    ) -> Result<Localized<'a>, ValidationError> {
        let mut issues = Vec::new();
        let primary_tag = requested.primary();
        let (mut exact, mut primary) = (Vec::new(), Vec::new());
        for (i, localization) in localizations.iter().copied().enumerate() {
            if let Err(err) = localization.validate_for(framework) {
                issues.extend(err.under(&pointer("", i)).into_issues());
                continue;
            }
            match localization.tag() {
                Ok(tag) if tag == *requested => exact.push(localization),
                Ok(tag) if tag == primary_tag => primary.push(localization),
                _ => {}
            }
        }
        if !issues.is_empty() {
            return Err(ValidationError::new(issues));
        }
        Ok(Localized {
            source: Source::new(framework),
            framework_language: &framework.language,
            requested: requested.clone(),
            exact,
            primary,
            primary_tag,
        })
    }

    /// The requested language.
    pub fn language(&self) -> &LanguageTag {
        &self.requested
    }

    /// The text for `key` by the fallback order; `None` when the framework
    /// has no text there (an unknown id, or an optional text it leaves out:
    /// a localization never adds a text the framework lacks).
    pub fn get(&self, key: TextKey<'_>) -> Option<LocalizedText<'_>> {
        let own = self.source.text(key)?;
        let found = |list: &[&'a Localization]| list.iter().find_map(|l| l.text(key));
        let (text, language, step) = if let Some(text) = found(&self.exact) {
            (text, &self.requested, Step::Exact)
        } else if let Some(text) = found(&self.primary) {
            (text, &self.primary_tag, Step::PrimaryLanguage)
        } else {
            (own, self.framework_language, Step::Framework)
        };
        Some(LocalizedText {
            text,
            language,
            step,
            fallback: *language != self.requested,
        })
    }

    /// The title of the criterion `id` (at any depth) by the fallback
    /// order; `None` when the framework has no such criterion.
    pub fn criterion_title(&self, id: &str) -> Option<LocalizedText<'_>> {
        self.get(TextKey::CriterionTitle(id))
    }

    /// Criterion `id`'s title as a rendered table or note shows it: by the
    /// fallback order, followed by its language in brackets when it fell
    /// back (`A [en]`); `own` when the framework has no such criterion.
    pub(crate) fn marked_title(&self, id: &str, own: &str) -> String {
        let (title, marker) = self.title_and_marker(id, own);
        title + &marker
    }

    /// [`Localized::marked_title`] in its two parts: the title, and the
    /// marker that follows it (` [en]`, or nothing), so that a table can
    /// shorten the one and keep the other.
    pub(crate) fn title_and_marker(&self, id: &str, own: &str) -> (String, String) {
        self.text_and_marker(TextKey::CriterionTitle(id), own)
    }

    /// The text for `key` and its marker, as [`Localized::title_and_marker`]
    /// gives them for a criterion's title (the framework's title, for one).
    pub(crate) fn text_and_marker(&self, key: TextKey<'_>, own: &str) -> (String, String) {
        match self.get(key) {
            Some(t) if t.fallback => (t.text.to_string(), format!(" [{}]", t.language)),
            Some(t) => (t.text.to_string(), String::new()),
            None => (own.to_string(), String::new()),
        }
    }

    /// The line a rendered table or note carries under its heading.
    pub(crate) fn language_line(&self) -> String {
        let requested = &self.requested;
        format!("language: {requested}; a title not in {requested} is marked with its language")
    }
}
