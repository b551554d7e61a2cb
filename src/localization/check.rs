//! The checks of a [`Localization`] against its framework, and its
//! [`Coverage`] ([SPEC](crate::spec) §6.6).

use std::collections::HashSet;

use crate::localization::Localization;
use crate::model::blank::is_blank;
use crate::model::framework::Framework;
use crate::model::issue::{Issue, IssueKind, Severity, ValidationError, pointer};
use crate::model::limits::{Limits, MAX_CRITERIA, MAX_ITEMS, MAX_LEVELS};

use super::text::{self, Source, TextKey};
use crate::model::language_tag::LanguageTag;

/// How much of a framework a localization translates: of the
/// `translatable` texts the framework has (its title, every description it
/// gives, every title and label of its scales, levels, facets, values,
/// criteria and bands), how many the localization gives. Exact counts; the
/// share is [`Coverage::share`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Coverage {
    /// The texts the localization translates.
    pub translated: usize,
    /// The texts the framework has.
    pub translatable: usize,
}

impl Coverage {
    /// `translated / translatable`, in [0, 1] (a framework always has at
    /// least its title, so `translatable` is never 0).
    pub fn share(&self) -> f64 {
        // Counts of texts are far below 2^53: exact as f64.
        #[allow(clippy::cast_precision_loss)]
        let (t, n) = (self.translated as f64, self.translatable.max(1) as f64);
        t / n
    }

    /// Whether every text is translated.
    pub fn is_complete(&self) -> bool {
        self.translated == self.translatable
    }
}

/// The `malformed-language-tag` issue at `/language` when `language` is
/// not a well-formed tag.
pub(crate) fn tag_issue(language: &str) -> Option<Issue> {
    LanguageTag::new(language).err().map(|err| {
        let kind = IssueKind::MalformedLanguageTag {
            value: language.to_owned(),
            reason: err.to_string(),
        };
        Issue::new("/language", kind)
    })
}

impl Localization {
    /// Every problem of this localization as a localization of `framework`,
    /// errors and warnings, with paths into the localization
    /// ([SPEC](crate::spec) §6.6):
    ///
    /// | code | severity | path | when |
    /// |---|---|---|---|
    /// | `malformed-language-tag` | error | `/language` | not a well-formed BCP 47 tag ([`LanguageTag`]) |
    /// | `text-too-long`, `too-many-items` | error | the text, the map or list | over a limit ([`crate::limits`]) |
    /// | `framework-mismatch` | error | `/framework` | the framework's id or version does not satisfy the reference; the ids are then not checked |
    /// | `unknown-scale`, `unknown-level`, `unknown-facet`, `unknown-facet-value`, `unknown-criterion`, `unknown-band` | error | the entry: `/scales/<id>`, `/scales/<id>/levels/<id>`, `/facets/<id>`, `/facets/<id>/values/<id>`, `/criteria/<id>`, `/bands/<id>` | the framework has no such scale, level (a binary or numeric scale has none), facet, value, criterion (at any depth) or band |
    /// | `blank-translation` | error | the text | empty, or only white space, control and format characters (such as U+200B, U+202E) |
    /// | `no-source-text` | warning | the text | the framework has no text there (a description it does not give, a scale without a title); applying leaves it out |
    /// | `untranslated-text` | warning | the entry that would hold it, or the nearest object above that the document has | one per text of the framework the localization leaves out; `text` is where it would go |
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Framework, Localization};
    ///
    /// let framework: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
    /// }"#)?;
    /// let localization: Localization = assessment_model::from_json_str(r#"{
    ///     "id": "tiny-de", "framework": { "id": "tiny", "version": "^1" },
    ///     "language": "de_DE",
    ///     "criteria": { "a": { "title": "A" }, "b": { "title": "B" } }
    /// }"#)?;
    /// let issues = localization.issues_against(&framework);
    /// let codes: Vec<&str> = issues.iter().map(|i| i.code()).collect();
    /// assert_eq!(codes, ["malformed-language-tag", "unknown-criterion", "untranslated-text"]);
    /// assert_eq!(issues[1].path, "/criteria/b");
    /// assert_eq!(issues[2].path, ""); // the framework's title: no `title` in the document
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issues_against(&self, framework: &Framework) -> Vec<Issue> {
        let mut issues: Vec<Issue> = tag_issue(&self.language).into_iter().collect();
        self.limit_issues(&mut issues);
        if let Some(issue) = self.framework.mismatch(framework, "/framework") {
            issues.push(issue);
            return issues;
        }
        let source = Source::new(framework);
        self.unknown_ids(framework, &source, &mut issues);
        let known = |key: TextKey<'_>| match key {
            TextKey::LevelLabel(s, l) | TextKey::LevelDescription(s, l) => {
                source.text(TextKey::LevelLabel(s, l)).is_some()
            }
            TextKey::FacetValueTitle(f, v) | TextKey::FacetValueDescription(f, v) => {
                source.text(TextKey::FacetValueTitle(f, v)).is_some()
            }
            TextKey::ScaleTitle(s) | TextKey::ScaleDescription(s) => {
                framework.scales.contains_key(s)
            }
            TextKey::FacetTitle(f) | TextKey::FacetDescription(f) => {
                framework.facets.contains_key(f)
            }
            TextKey::CriterionTitle(c) | TextKey::CriterionDescription(c) => {
                source.criterion(c).is_some()
            }
            TextKey::BandLabel(b) => source.text(TextKey::BandLabel(b)).is_some(),
            TextKey::Title | TextKey::Description => true,
        };
        for (key, text) in self.texts() {
            if is_blank(text) {
                issues.push(Issue::new(key.pointer(), IssueKind::BlankTranslation));
            } else if known(key) && source.text(key).is_none() {
                issues.push(Issue::new(key.pointer(), IssueKind::NoSourceText));
            }
        }
        for (key, _) in source.texts() {
            if self.text(key).is_none() {
                let kind = IssueKind::UntranslatedText {
                    text: key.pointer(),
                };
                issues.push(Issue::new(self.nearest(key), kind));
            }
        }
        issues
    }

    /// Checks this localization against `framework` (see
    /// [`issues_against`](Localization::issues_against)) and says how much
    /// of it it translates.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with every issue, warnings included, when one of
    /// them is an error.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Localization, catalog::impart};
    /// use assessment_model::localization::TitledText;
    ///
    /// let core = impart::core();
    /// let mut german = Localization::new("core-de".parse()?, core.compatible_ref(), "de".parse()?);
    /// german.title = Some("IMPART-Kernbenchmark".into());
    /// let coverage = german.validate_for(&core)?;
    /// assert_eq!(coverage.translated, 1);
    /// assert!(!coverage.is_complete());
    ///
    /// german.language = "deutsch!".into();
    /// let err = german.validate_for(&core).unwrap_err();
    /// assert_eq!(err.errors().map(|i| i.code()).collect::<Vec<_>>(), ["malformed-language-tag"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate_for(&self, framework: &Framework) -> Result<Coverage, ValidationError> {
        let issues = self.issues_against(framework);
        if issues.iter().any(|i| i.severity() == Severity::Error) {
            return Err(ValidationError::new(issues));
        }
        Ok(self.coverage(framework))
    }

    /// How much of `framework` this localization translates (whether or
    /// not it is valid for it: a text counts when the framework has it and
    /// the localization gives it).
    pub fn coverage(&self, framework: &Framework) -> Coverage {
        let texts = Source::new(framework).texts();
        let translated = texts
            .iter()
            .filter(|(key, _)| self.text(*key).is_some())
            .count();
        Coverage {
            translated,
            translatable: texts.len(),
        }
    }

    /// The limits of [`crate::limits`]: maps of criteria up to
    /// [`MAX_CRITERIA`] entries, of levels up to [`MAX_LEVELS`], the other
    /// maps and the notes up to [`MAX_ITEMS`]; every text up to
    /// [`crate::model::MAX_TEXT_BYTES`].
    fn limit_issues(&self, issues: &mut Vec<Issue>) {
        let mut limits = Limits::new(issues);
        limits.count("/notes", "notes", self.notes.len(), MAX_ITEMS);
        for (i, note) in self.notes.iter().enumerate().take(MAX_ITEMS) {
            limits.text("/notes", i, note);
        }
        for (key, count, max) in [
            ("scales", self.scales.len(), MAX_ITEMS),
            ("facets", self.facets.len(), MAX_ITEMS),
            ("criteria", self.criteria.len(), MAX_CRITERIA),
            ("bands", self.bands.len(), MAX_ITEMS),
        ] {
            limits.count(&pointer("", key), key, count, max);
        }
        for (id, scale) in &self.scales {
            let at = pointer(&pointer("/scales", id), "levels");
            limits.count(&at, "levels", scale.levels.len(), MAX_LEVELS);
        }
        for (id, facet) in &self.facets {
            let at = pointer(&pointer("/facets", id), "values");
            limits.count(&at, "values", facet.values.len(), MAX_ITEMS);
        }
        for (key, text) in self.texts() {
            if text.len() > crate::model::limits::MAX_TEXT_BYTES {
                limits.too_long(key.pointer(), text);
            }
        }
    }

    /// `unknown-*` for every entry whose id the framework does not define.
    fn unknown_ids(&self, framework: &Framework, source: &Source<'_>, issues: &mut Vec<Issue>) {
        for (s, scale) in &self.scales {
            let at = pointer("/scales", s);
            let Some(defined) = framework.scales.get(s) else {
                let kind = IssueKind::UnknownScale {
                    scale: s.to_string(),
                };
                issues.push(Issue::new(at, kind));
                continue;
            };
            let (_, _, levels) = defined.texts();
            let ids: HashSet<&str> = levels.iter().map(|l| l.id.as_str()).collect();
            for l in scale.levels.keys().filter(|l| !ids.contains(l.as_str())) {
                let kind = IssueKind::UnknownLevel {
                    scale: s.to_string(),
                    level: l.to_string(),
                };
                issues.push(Issue::new(pointer(&pointer(&at, "levels"), l), kind));
            }
        }
        for (f, facet) in &self.facets {
            let at = pointer("/facets", f);
            let Some(defined) = framework.facets.get(f) else {
                let kind = IssueKind::UnknownFacet {
                    facet: f.to_string(),
                };
                issues.push(Issue::new(at, kind));
                continue;
            };
            for v in facet.values.keys() {
                if !defined.values.contains_key(v) {
                    let kind = IssueKind::UnknownFacetValue {
                        facet: f.to_string(),
                        value: v.to_string(),
                    };
                    issues.push(Issue::new(pointer(&pointer(&at, "values"), v), kind));
                }
            }
        }
        for c in self.criteria.keys() {
            if source.criterion(c.as_str()).is_none() {
                let kind = IssueKind::UnknownCriterion { id: c.to_string() };
                issues.push(Issue::new(pointer("/criteria", c), kind));
            }
        }
        let bands: HashSet<&str> = framework
            .rules
            .bands
            .iter()
            .map(|b| b.id.as_str())
            .collect();
        for b in self.bands.keys().filter(|b| !bands.contains(b.as_str())) {
            let kind = IssueKind::UnknownBand {
                band: b.to_string(),
            };
            issues.push(Issue::new(pointer("/bands", b), kind));
        }
    }

    /// The deepest object on the way to where `key`'s text would go that
    /// this document has (serialised, so an empty map is not there): the
    /// path of an `untranslated-text` warning, which must resolve.
    fn nearest(&self, key: TextKey<'_>) -> String {
        let entry = |map: &str, present: bool, id: &str, non_empty: bool| {
            if present {
                pointer(&pointer("", map), id)
            } else if non_empty {
                pointer("", map)
            } else {
                String::new()
            }
        };
        match key {
            TextKey::Title | TextKey::Description => String::new(),
            TextKey::ScaleTitle(s) | TextKey::ScaleDescription(s) => entry(
                "scales",
                self.scales.contains_key(s),
                s,
                !self.scales.is_empty(),
            ),
            TextKey::LevelLabel(s, l) | TextKey::LevelDescription(s, l) => {
                match self.scales.get(s) {
                    Some(scale) if scale.levels.contains_key(l) => text::level(s, l),
                    Some(scale) if !scale.levels.is_empty() => {
                        pointer(&pointer("/scales", s), "levels")
                    }
                    _ => entry(
                        "scales",
                        self.scales.contains_key(s),
                        s,
                        !self.scales.is_empty(),
                    ),
                }
            }
            TextKey::FacetTitle(f) | TextKey::FacetDescription(f) => entry(
                "facets",
                self.facets.contains_key(f),
                f,
                !self.facets.is_empty(),
            ),
            TextKey::FacetValueTitle(f, v) | TextKey::FacetValueDescription(f, v) => {
                match self.facets.get(f) {
                    Some(facet) if facet.values.contains_key(v) => text::value(f, v),
                    Some(facet) if !facet.values.is_empty() => {
                        pointer(&pointer("/facets", f), "values")
                    }
                    _ => entry(
                        "facets",
                        self.facets.contains_key(f),
                        f,
                        !self.facets.is_empty(),
                    ),
                }
            }
            TextKey::CriterionTitle(c) | TextKey::CriterionDescription(c) => entry(
                "criteria",
                self.criteria.contains_key(c),
                c,
                !self.criteria.is_empty(),
            ),
            TextKey::BandLabel(b) => entry(
                "bands",
                self.bands.contains_key(b),
                b,
                !self.bands.is_empty(),
            ),
        }
    }
}
