//! [`TextKey`]: names one translatable text of a framework, the one
//! mechanism by which validation, coverage, applying and lookup find a text
//! in a framework and in a localization.

use std::collections::HashMap;

use crate::localization::Localization;
use crate::model::framework::{Criterion, Framework};
use crate::model::issue::pointer;

/// One translatable text of a framework, by the ids that lead to it
/// ([SPEC](crate::spec) §3.12): the framework's own title or description,
/// or a scale's, a level's, a facet's, a facet value's, a criterion's or a
/// band's title, label or description.
///
/// # Examples
///
/// ```
/// use assessment_model::localization::TextKey;
///
/// let key = TextKey::LevelLabel("importance", "very-important");
/// assert_eq!(key.pointer(), "/scales/importance/levels/very-important/label");
/// assert_eq!(TextKey::CriterionTitle("migrant-voice").pointer(), "/criteria/migrant-voice/title");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextKey<'a> {
    /// The framework's title.
    Title,
    /// The framework's description.
    Description,
    /// A scale's title (by scale id).
    ScaleTitle(&'a str),
    /// A scale's description (by scale id).
    ScaleDescription(&'a str),
    /// A level's label (by scale id and level id).
    LevelLabel(&'a str, &'a str),
    /// A level's description (by scale id and level id).
    LevelDescription(&'a str, &'a str),
    /// A facet's title (by facet id).
    FacetTitle(&'a str),
    /// A facet's description (by facet id).
    FacetDescription(&'a str),
    /// A facet value's title (by facet id and value id).
    FacetValueTitle(&'a str, &'a str),
    /// A facet value's description (by facet id and value id).
    FacetValueDescription(&'a str, &'a str),
    /// A criterion's title (by criterion id).
    CriterionTitle(&'a str),
    /// A criterion's description (by criterion id).
    CriterionDescription(&'a str),
    /// A band's label (by band id).
    BandLabel(&'a str),
}

impl TextKey<'_> {
    /// The JSON Pointer at which a [`Localization`] document gives this
    /// text (`/criteria/<id>/title`, `/scales/<id>/levels/<id>/label`…).
    pub fn pointer(&self) -> String {
        match *self {
            TextKey::Title => "/title".to_owned(),
            TextKey::Description => "/description".to_owned(),
            TextKey::ScaleTitle(s) => pointer(&pointer("/scales", s), "title"),
            TextKey::ScaleDescription(s) => pointer(&pointer("/scales", s), "description"),
            TextKey::LevelLabel(s, l) => pointer(&level(s, l), "label"),
            TextKey::LevelDescription(s, l) => pointer(&level(s, l), "description"),
            TextKey::FacetTitle(f) => pointer(&pointer("/facets", f), "title"),
            TextKey::FacetDescription(f) => pointer(&pointer("/facets", f), "description"),
            TextKey::FacetValueTitle(f, v) => pointer(&value(f, v), "title"),
            TextKey::FacetValueDescription(f, v) => pointer(&value(f, v), "description"),
            TextKey::CriterionTitle(c) => pointer(&pointer("/criteria", c), "title"),
            TextKey::CriterionDescription(c) => pointer(&pointer("/criteria", c), "description"),
            TextKey::BandLabel(b) => pointer(&pointer("/bands", b), "label"),
        }
    }
}

/// The pointer of a level's entry in a localization.
pub(super) fn level(scale: &str, level: &str) -> String {
    pointer(&pointer(&pointer("/scales", scale), "levels"), level)
}

/// The pointer of a facet value's entry in a localization.
pub(super) fn value(facet: &str, value: &str) -> String {
    pointer(&pointer(&pointer("/facets", facet), "values"), value)
}

impl Localization {
    /// The text this localization gives for `key`, if it gives one (blank
    /// or not: validation reports a blank text). Texts of ids the framework
    /// does not have are returned all the same; use
    /// [`Localized`](crate::localization::Localized) to look texts up with the fallback.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Localization, catalog::impart};
    /// use assessment_model::localization::{TextKey, TitledText};
    ///
    /// let mut german = Localization::new("core-de".parse()?, impart::core().compatible_ref(), "de".parse()?);
    /// german.criteria.insert("migrant-voice".parse()?, TitledText::title("Stimme der Migranten"));
    /// assert_eq!(german.text(TextKey::CriterionTitle("migrant-voice")), Some("Stimme der Migranten"));
    /// assert_eq!(german.text(TextKey::CriterionDescription("migrant-voice")), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(&self, key: TextKey<'_>) -> Option<&str> {
        let text = match key {
            TextKey::Title => self.title.as_ref(),
            TextKey::Description => self.description.as_ref(),
            TextKey::ScaleTitle(s) => self.scales.get(s).and_then(|t| t.title.as_ref()),
            TextKey::ScaleDescription(s) => self.scales.get(s).and_then(|t| t.description.as_ref()),
            TextKey::LevelLabel(s, l) => self.level(s, l).and_then(|t| t.label.as_ref()),
            TextKey::LevelDescription(s, l) => {
                self.level(s, l).and_then(|t| t.description.as_ref())
            }
            TextKey::FacetTitle(f) => self.facets.get(f).and_then(|t| t.title.as_ref()),
            TextKey::FacetDescription(f) => self.facets.get(f).and_then(|t| t.description.as_ref()),
            TextKey::FacetValueTitle(f, v) => self.value(f, v).and_then(|t| t.title.as_ref()),
            TextKey::FacetValueDescription(f, v) => {
                self.value(f, v).and_then(|t| t.description.as_ref())
            }
            TextKey::CriterionTitle(c) => self.criteria.get(c).and_then(|t| t.title.as_ref()),
            TextKey::CriterionDescription(c) => {
                self.criteria.get(c).and_then(|t| t.description.as_ref())
            }
            TextKey::BandLabel(b) => self.bands.get(b).and_then(|t| t.label.as_ref()),
        };
        text.map(String::as_str)
    }

    fn level(&self, scale: &str, level: &str) -> Option<&super::LevelText> {
        self.scales.get(scale).and_then(|s| s.levels.get(level))
    }

    fn value(&self, facet: &str, value: &str) -> Option<&super::TitledText> {
        self.facets.get(facet).and_then(|f| f.values.get(value))
    }

    /// Every text this localization gives, with its key, in document
    /// order (the maps' order).
    pub(crate) fn texts<'a>(&'a self) -> Vec<(TextKey<'a>, &'a str)> {
        let mut out = Vec::new();
        let mut push = |key: TextKey<'a>| {
            if let Some(text) = self.text(key) {
                out.push((key, text));
            }
        };
        push(TextKey::Title);
        push(TextKey::Description);
        for (s, scale) in &self.scales {
            push(TextKey::ScaleTitle(s.as_str()));
            push(TextKey::ScaleDescription(s.as_str()));
            for l in scale.levels.keys() {
                push(TextKey::LevelLabel(s.as_str(), l.as_str()));
                push(TextKey::LevelDescription(s.as_str(), l.as_str()));
            }
        }
        for (f, facet) in &self.facets {
            push(TextKey::FacetTitle(f.as_str()));
            push(TextKey::FacetDescription(f.as_str()));
            for v in facet.values.keys() {
                push(TextKey::FacetValueTitle(f.as_str(), v.as_str()));
                push(TextKey::FacetValueDescription(f.as_str(), v.as_str()));
            }
        }
        for c in self.criteria.keys() {
            push(TextKey::CriterionTitle(c.as_str()));
            push(TextKey::CriterionDescription(c.as_str()));
        }
        for b in self.bands.keys() {
            push(TextKey::BandLabel(b.as_str()));
        }
        out
    }
}

/// A framework's texts, reachable by key: the criteria indexed by id once,
/// so that each lookup costs a hash, not a walk of the tree.
#[derive(Debug)]
pub(crate) struct Source<'f> {
    framework: &'f Framework,
    criteria: HashMap<&'f str, &'f Criterion>,
}

impl<'f> Source<'f> {
    pub(crate) fn new(framework: &'f Framework) -> Source<'f> {
        let criteria = framework.walk().map(|(_, c)| (c.id.as_str(), c)).collect();
        Source {
            framework,
            criteria,
        }
    }

    pub(crate) fn criterion(&self, id: &str) -> Option<&'f Criterion> {
        self.criteria.get(id).copied()
    }

    /// The framework's own text for `key`; `None` when it has none there
    /// (an unknown id, or an optional text it leaves out).
    pub(crate) fn text(&self, key: TextKey<'_>) -> Option<&'f str> {
        let f = self.framework;
        let scale = |s: &str| f.scales.get(s).map(crate::model::scale::Scale::texts);
        let level = |s: &str, l: &str| {
            scale(s).and_then(|(_, _, levels)| levels.iter().find(|level| level.id == l))
        };
        let value = |facet: &str, v: &str| f.facets.get(facet).and_then(|x| x.values.get(v));
        match key {
            TextKey::Title => Some(f.title.as_str()),
            TextKey::Description => f.description.as_deref(),
            TextKey::ScaleTitle(s) => scale(s).and_then(|(title, _, _)| title),
            TextKey::ScaleDescription(s) => scale(s).and_then(|(_, description, _)| description),
            TextKey::LevelLabel(s, l) => level(s, l).map(|level| level.label.as_str()),
            TextKey::LevelDescription(s, l) => level(s, l).and_then(|l| l.description.as_deref()),
            TextKey::FacetTitle(x) => f.facets.get(x).map(|x| x.title.as_str()),
            TextKey::FacetDescription(x) => f.facets.get(x).and_then(|x| x.description.as_deref()),
            TextKey::FacetValueTitle(x, v) => value(x, v).map(|v| v.title.as_str()),
            TextKey::FacetValueDescription(x, v) => {
                value(x, v).and_then(|v| v.description.as_deref())
            }
            TextKey::CriterionTitle(c) => self.criterion(c).map(|c| c.title.as_str()),
            TextKey::CriterionDescription(c) => {
                self.criterion(c).and_then(|c| c.description.as_deref())
            }
            TextKey::BandLabel(b) => f
                .rules
                .bands
                .iter()
                .find(|band| band.id == b)
                .map(|band| band.label.as_str()),
        }
    }

    /// Every text of the framework, with its key, in definition order:
    /// the framework's title and description, the scales (with their
    /// levels), the facets (with their values), the criteria (pre-order)
    /// and the bands.
    pub(crate) fn texts(&self) -> Vec<(TextKey<'f>, &'f str)> {
        let f = self.framework;
        let mut out = Vec::new();
        let mut push = |key: TextKey<'f>, text: Option<&'f str>| {
            if let Some(text) = text {
                out.push((key, text));
            }
        };
        push(TextKey::Title, Some(&f.title));
        push(TextKey::Description, f.description.as_deref());
        for (s, scale) in &f.scales {
            let (title, description, levels) = scale.texts();
            push(TextKey::ScaleTitle(s.as_str()), title);
            push(TextKey::ScaleDescription(s.as_str()), description);
            for l in levels {
                let (s, id) = (s.as_str(), l.id.as_str());
                push(TextKey::LevelLabel(s, id), Some(&l.label));
                push(TextKey::LevelDescription(s, id), l.description.as_deref());
            }
        }
        for (x, facet) in &f.facets {
            push(TextKey::FacetTitle(x.as_str()), Some(&facet.title));
            let description = facet.description.as_deref();
            push(TextKey::FacetDescription(x.as_str()), description);
            for (v, value) in &facet.values {
                let (x, v) = (x.as_str(), v.as_str());
                push(TextKey::FacetValueTitle(x, v), Some(&value.title));
                let description = value.description.as_deref();
                push(TextKey::FacetValueDescription(x, v), description);
            }
        }
        for (_, c) in f.walk() {
            push(TextKey::CriterionTitle(c.id.as_str()), Some(&c.title));
            let description = c.description.as_deref();
            push(TextKey::CriterionDescription(c.id.as_str()), description);
        }
        for band in &f.rules.bands {
            push(TextKey::BandLabel(band.id.as_str()), Some(&band.label));
        }
        out
    }
}
