//! [`Localization`]: a framework's titles, labels and descriptions in
//! another language, delivered as a document of its own and applied as an
//! overlay ([SPEC](crate::spec) §3.12, §6.6, §7.6). Named so because
//! [`Translation`](crate::mapping::Translation) is already the result of
//! [`Mapping::translate`](crate::Mapping::translate).
//!
//! This module holds the [`Localization`] (also at the crate root) and its
//! texts ([`TitledText`], [`ScaleText`], [`LevelText`], [`FacetText`],
//! [`BandText`]), the [`Coverage`] its check reports, the [`TextKey`] of
//! each text, and [`Localized`] with the [`LocalizedText`] and [`Step`] of
//! each lookup.
//!
//! A translator writes a localization without touching the framework;
//! [`Localization::validate_for`] checks it against the framework and says
//! how much it covers, [`Localization::apply`] gives the framework in the
//! localization's language, and [`Localized`] looks texts up in a chosen
//! language with the stated fallback (exact tag, then the primary language
//! subtag, then the framework's own language), for renderers.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::model::framework::{Derivation, DerivationKind, Framework, FrameworkRef};
use crate::model::id::Id;
use crate::model::issue::ValidationError;
use crate::model::language_tag::{LanguageTag, LanguageTagError};

mod check;
pub(crate) mod localized;
mod text;

pub use check::Coverage;
pub use localized::{Localized, LocalizedText, Step};
pub use text::TextKey;

/// A framework's texts in one language: which framework it localizes,
/// its language, and per criterion, scale, level, facet, facet value and
/// band the translated title, label and description ([SPEC](crate::spec)
/// §3.12).
///
/// Every text is optional: a *partial* localization is valid, and what it
/// leaves out stays in the framework's own language (a warning per text
/// says so, and [`Coverage`] counts them). The entries mirror the texts the
/// framework has: a criterion's and a facet value's `title` and
/// `description`, a scale's and a facet's `title` and `description`, a
/// level's `label` and `description`, a band's `label`, and the
/// framework's own `title` and `description` at the top.
///
/// `language` is kept as written and checked by
/// [`validate_for`](Localization::validate_for), so that a malformed tag
/// is reported together with every other problem of the document
/// (`malformed-language-tag` at `/language`); [`Localization::tag`] parses
/// it. Read the document with [`crate::from_json_str`]: like every
/// document, it must be an object (the positional array form is
/// `invalid-document`), unknown fields and a key given twice are errors.
///
/// # Examples
///
/// ```
/// use assessment_model::{Framework, Localization, from_json_str};
///
/// let framework: Framework = assessment_model::from_json_str(r#"{
///     "id": "tiny", "version": "1.0.0", "title": "A tiny checklist",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [
///         { "id": "a", "title": "Beneficiaries are consulted", "scale": "tick" },
///         { "id": "b", "title": "The practice is monitored", "scale": "tick" }
///     ]
/// }"#)?;
/// let text = r#"{
///     "id": "tiny-de",
///     "framework": { "id": "tiny", "version": "^1" },
///     "language": "de",
///     "title": "Eine kleine Checkliste",
///     "criteria": { "a": { "title": "Die Begünstigten werden angehört" } }
/// }"#;
/// let localization: Localization = from_json_str(text)?;
/// let coverage = localization.validate_for(&framework)?;
/// assert_eq!((coverage.translated, coverage.translatable), (2, 3));
///
/// let german = localization.apply(&framework)?;
/// assert_eq!(german.language.as_str(), "de");
/// assert_eq!(german.title, "Eine kleine Checkliste");
/// assert_eq!(german.criteria[0].title, "Die Begünstigten werden angehört");
/// assert_eq!(german.criteria[1].title, "The practice is monitored"); // untranslated
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Localization {
    /// The JSON Schema the document names (`"$schema"`), for editors.
    /// Any string is accepted: it is kept on a round trip and otherwise
    /// ignored (not checked, not scored). The committed schemas' ids are
    /// `urn:assessment-model:schema:<kind>:1`.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The localization's id (recorded in the localized framework's
    /// provenance).
    pub id: Id,
    /// The framework (versions) it localizes.
    pub framework: FrameworkRef,
    /// The language of its texts: a BCP 47 tag ([`LanguageTag`]), checked
    /// by [`validate_for`](Localization::validate_for) rather than while
    /// reading, so that a malformed tag is reported with every other
    /// problem.
    pub language: String,
    /// Who translated, from what, and anything a reader should know.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The framework's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The framework's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The scales' texts, by scale id.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub scales: IndexMap<Id, ScaleText>,
    /// The facets' texts, by facet id.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub facets: IndexMap<Id, FacetText>,
    /// The criteria's texts, by criterion id (at any depth).
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub criteria: IndexMap<Id, TitledText>,
    /// The bands' labels, by band id (`rules.bands` of the framework).
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub bands: IndexMap<Id, BandText>,
}

/// The translated title and description of a criterion or a facet value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TitledText {
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The description (only where the framework has one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl TitledText {
    /// A translated title, without a description.
    pub fn title(title: impl Into<String>) -> TitledText {
        TitledText {
            title: Some(title.into()),
            description: None,
        }
    }
}

/// The translated texts of a scale and of its levels.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ScaleText {
    /// The scale's title (only where the framework gives one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The scale's description (only where the framework gives one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The levels' texts, by level id (ordinal scales).
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub levels: IndexMap<Id, LevelText>,
}

/// The translated label and description of a level of an ordinal scale.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LevelText {
    /// The label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The description (only where the framework has one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl LevelText {
    /// A translated label, without a description.
    pub fn label(label: impl Into<String>) -> LevelText {
        LevelText {
            label: Some(label.into()),
            description: None,
        }
    }
}

/// The translated texts of a facet and of its values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FacetText {
    /// The facet's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The facet's description (only where the framework has one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The values' texts, by value id.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub values: IndexMap<Id, TitledText>,
}

/// The translated label of a band.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BandText {
    /// The label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl BandText {
    /// A translated label.
    pub fn label(label: impl Into<String>) -> BandText {
        BandText {
            label: Some(label.into()),
        }
    }
}

impl Localization {
    /// An empty localization `id` of `framework` into `language`: it
    /// translates nothing yet (fill in its maps).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Localization, catalog::impart};
    /// use assessment_model::localization::TitledText;
    ///
    /// let core = impart::core();
    /// let mut german = Localization::new("core-de".parse()?, core.compatible_ref(), "de".parse()?);
    /// german.criteria.insert("migrant-voice".parse()?, TitledText::title("Stimme der Migrantinnen und Migranten"));
    /// let coverage = german.validate_for(&core)?;
    /// assert_eq!(coverage.translated, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: Id, framework: FrameworkRef, language: LanguageTag) -> Localization {
        Localization {
            schema: None,
            id,
            framework,
            language: language.into(),
            notes: Vec::new(),
            title: None,
            description: None,
            scales: IndexMap::new(),
            facets: IndexMap::new(),
            criteria: IndexMap::new(),
            bands: IndexMap::new(),
        }
    }

    /// The language, parsed.
    ///
    /// # Errors
    ///
    /// [`LanguageTagError`] when `language` is not a well-formed tag.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Localization, catalog::impart};
    ///
    /// let mut german = Localization::new("core-de".parse()?, impart::core().compatible_ref(), "de".parse()?);
    /// german.language = "DE-at".into();
    /// assert_eq!(german.tag()?.as_str(), "de-AT");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tag(&self) -> Result<LanguageTag, LanguageTagError> {
        LanguageTag::new(&self.language)
    }

    /// The framework in this localization's language: every text the
    /// localization gives replaces the framework's, every other text is
    /// kept, `language` is set to the localization's tag, and a
    /// `localization` step with the localization's id is appended to
    /// `provenance.derived_from` ([SPEC](crate::spec) §7.6). Nothing else
    /// changes (ids, tree, scales, weights, rules), so every assessment
    /// scores exactly as against the framework itself. A translation of a
    /// text the framework does not have (`no-source-text`) is not used.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every issue of
    /// [`validate_for`](Localization::validate_for) (paths into the
    /// localization) when one of them is an error.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Localization, catalog::impart};
    /// use assessment_model::localization::TitledText;
    ///
    /// let core = impart::core();
    /// let mut german = Localization::new("core-de".parse()?, core.compatible_ref(), "de".parse()?);
    /// german.criteria.insert("migrant-voice".parse()?, TitledText::title("Stimme der Migrantinnen und Migranten"));
    /// let localized = german.apply(&core)?;
    /// let voice = localized.criterion("migrant-voice").map(|c| c.title.as_str());
    /// assert_eq!(voice, Some("Stimme der Migrantinnen und Migranten"));
    ///
    /// german.criteria.insert("no-such-factor".parse()?, TitledText::title("?"));
    /// let err = german.apply(&core).unwrap_err();
    /// assert_eq!(err.errors().next().map(|i| i.path.as_str()), Some("/criteria/no-such-factor"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&self, framework: &Framework) -> Result<Framework, ValidationError> {
        self.validate_for(framework)?;
        let language = self.tag().map_err(|_| {
            // validate_for reports a malformed tag; this is its issue again.
            ValidationError::new(check::tag_issue(&self.language).into_iter().collect())
        })?;
        let mut out = framework.clone();
        self.overlay(&mut out);
        out.language = language;
        out.provenance.derived_from.push(Derivation::new(
            DerivationKind::Localization,
            self.id.clone(),
            None,
        ));
        Ok(out)
    }

    /// Replaces every text of `framework` that this localization gives
    /// (and the framework has).
    fn overlay(&self, framework: &mut Framework) {
        let put = |target: &mut String, key: TextKey<'_>| {
            if let Some(text) = self.text(key) {
                text.clone_into(target);
            }
        };
        let put_opt = |target: &mut Option<String>, key: TextKey<'_>| {
            if let (Some(target), Some(text)) = (target.as_mut(), self.text(key)) {
                text.clone_into(target);
            }
        };
        put(&mut framework.title, TextKey::Title);
        put_opt(&mut framework.description, TextKey::Description);
        for (id, scale) in &mut framework.scales {
            let s = id.as_str();
            let (title, description, levels) = scale.texts_mut();
            put_opt(title, TextKey::ScaleTitle(s));
            put_opt(description, TextKey::ScaleDescription(s));
            for level in levels {
                put(&mut level.label, TextKey::LevelLabel(s, level.id.as_str()));
                let key = TextKey::LevelDescription(s, level.id.as_str());
                put_opt(&mut level.description, key);
            }
        }
        for (id, facet) in &mut framework.facets {
            let f = id.as_str();
            put(&mut facet.title, TextKey::FacetTitle(f));
            put_opt(&mut facet.description, TextKey::FacetDescription(f));
            for (v, value) in &mut facet.values {
                put(&mut value.title, TextKey::FacetValueTitle(f, v.as_str()));
                let key = TextKey::FacetValueDescription(f, v.as_str());
                put_opt(&mut value.description, key);
            }
        }
        for band in &mut framework.rules.bands {
            put(&mut band.label, TextKey::BandLabel(band.id.as_str()));
        }
        // An explicit stack: no tree shape can overflow the call stack.
        let mut stack = vec![&mut framework.criteria];
        while let Some(list) = stack.pop() {
            for c in list {
                put(&mut c.title, TextKey::CriterionTitle(c.id.as_str()));
                let key = TextKey::CriterionDescription(c.id.as_str());
                put_opt(&mut c.description, key);
                stack.push(&mut c.children);
            }
        }
    }
}
