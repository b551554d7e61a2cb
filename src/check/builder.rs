//! [`FrameworkBuilder`]: a framework written in code, in a few lines, and
//! validated when it is built.

use semver::Version;

use crate::model::framework::{Criterion, Facet, Framework, FrameworkRef, Provenance};
use crate::model::id::Id;
use crate::model::issue::{Issue, IssueKind, ValidationError, pointer};
use crate::model::rules::ScoringRules;
use crate::model::scale::Scale;

/// A by-value builder of a [`Framework`], made by [`Framework::builder`].
///
/// Ids and the version are given as text and checked as they are given;
/// every problem is kept, not the first, and [`build`](Self::build)
/// reports them together with what [`Framework::validate`] finds, each
/// with the JSON Pointer it would have in the serialised framework. So a
/// framework in code gets the same checks as one read from a file, and no
/// method of the builder fails or panics on its own.
///
/// # Examples
///
/// A framework with one binary and one ordinal leaf:
///
/// ```
/// use assessment_model::{Framework, Level, RatingValue, Scale};
///
/// let framework = Framework::builder("tiny", "1.0.0", "A tiny framework")
///     .scale("done", Scale::binary())
///     .scale("grade", Scale::ordinal([
///         Level::new("low".parse()?, 1, "low"),
///         Level::new("high".parse()?, 3, "high"),
///     ]))
///     .leaf("a", "Is it done?", "done")
///     .leaf("b", "How well is it done?", "grade")
///     .build()?;
/// assert_eq!(framework.leaves().count(), 2);
/// assert_eq!(framework.scales["grade"].normalise(&RatingValue::Level(3.into())), Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Every problem is reported, with its path:
///
/// ```
/// use assessment_model::{Framework, Scale};
///
/// let err = Framework::builder("tiny", "1.0", "A tiny framework")
///     .scale("Done", Scale::binary())
///     .leaf("a", "Is it done?", "tick")
///     .build()
///     .unwrap_err();
/// let found: Vec<(&str, &str)> = err.issues().iter().map(|i| (i.path.as_str(), i.code())).collect();
/// assert_eq!(found, [
///     ("/version", "invalid-document"),
///     ("/scales/Done", "malformed-id"),
///     ("/scales/Done", "unused-scale"),
///     ("/criteria/0/scale", "unknown-scale"),
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct FrameworkBuilder {
    /// The framework so far; it may hold stand-ins for malformed ids,
    /// each with its issue in `issues`, and is then never returned.
    framework: Framework,
    /// The problems found while building.
    issues: Vec<Issue>,
}

impl Framework {
    /// A builder of a framework with id `id`, version `version` (a
    /// semantic version such as `"1.0.0"`) and title `title`. Malformed
    /// ids and versions are reported by [`FrameworkBuilder::build`].
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Framework, Scale};
    ///
    /// let framework = Framework::builder("tiny", "1.0.0", "A tiny framework")
    ///     .scale("done", Scale::binary())
    ///     .leaf("a", "Is it done?", "done")
    ///     .build()?;
    /// assert_eq!(framework.version.to_string(), "1.0.0");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder(
        id: impl AsRef<str>,
        version: impl AsRef<str>,
        title: impl Into<String>,
    ) -> FrameworkBuilder {
        let mut issues = Vec::new();
        let id = Id::or_issue(id.as_ref(), "/id".into(), &mut issues);
        let version = Version::parse(version.as_ref()).unwrap_or_else(|err| {
            let message = format!("invalid version {:?}: {err}", version.as_ref());
            issues.push(Issue::new(
                "/version",
                IssueKind::InvalidDocument { message },
            ));
            Version::new(0, 0, 0)
        });
        FrameworkBuilder {
            framework: Framework::new(id, version, title),
            issues,
        }
    }
}

impl FrameworkBuilder {
    /// Sets the framework's description.
    pub fn description(mut self, description: impl Into<String>) -> FrameworkBuilder {
        self.framework.description = Some(description.into());
        self
    }

    /// Sets where the framework comes from.
    pub fn provenance(mut self, provenance: Provenance) -> FrameworkBuilder {
        self.framework.provenance = provenance;
        self
    }

    /// Adds the scale `scale` under id `id`. An id given twice is a
    /// `duplicate-id` issue (the first scale is kept), never a silent
    /// replacement.
    pub fn scale(mut self, id: impl AsRef<str>, scale: Scale) -> FrameworkBuilder {
        let map = &mut self.framework.scales;
        insert_once(map, "/scales", id.as_ref(), scale, &mut self.issues);
        self
    }

    /// Adds the facet `facet` under id `id`; an id given twice is a
    /// `duplicate-id` issue, as for [`scale`](Self::scale).
    pub fn facet(mut self, id: impl AsRef<str>, facet: Facet) -> FrameworkBuilder {
        let map = &mut self.framework.facets;
        insert_once(map, "/facets", id.as_ref(), facet, &mut self.issues);
        self
    }

    /// Sets the default scoring rules.
    pub fn rules(mut self, rules: ScoringRules) -> FrameworkBuilder {
        self.framework.rules = rules;
        self
    }

    /// Adds a requirement: the framework is a module of `base`.
    pub fn requires(mut self, base: FrameworkRef) -> FrameworkBuilder {
        self.framework.requires.push(base);
        self
    }

    /// Adds a top-level criterion (a group or a leaf, built with
    /// [`Criterion::group`] and [`Criterion::leaf`]).
    pub fn criterion(mut self, criterion: Criterion) -> FrameworkBuilder {
        self.framework.criteria.push(criterion);
        self
    }

    /// Adds a top-level leaf `id` titled `title`, rated on the scale with
    /// id `scale` (weight 1, scored, not critical: see [`Criterion::leaf`]).
    pub fn leaf(
        mut self,
        id: impl AsRef<str>,
        title: impl Into<String>,
        scale: impl AsRef<str>,
    ) -> FrameworkBuilder {
        let at = pointer("/criteria", self.framework.criteria.len());
        let id = Id::or_issue(id.as_ref(), pointer(&at, "id"), &mut self.issues);
        let scale = Id::or_issue(scale.as_ref(), pointer(&at, "scale"), &mut self.issues);
        self.framework
            .criteria
            .push(Criterion::leaf(id, title, scale));
        self
    }

    /// The framework, validated.
    ///
    /// # Errors
    ///
    /// A [`ValidationError`] with every issue when anything is wrong: the
    /// builder's own (`malformed-id`, an `invalid-document` version,
    /// `duplicate-id` of a scale or facet), then every issue of
    /// [`Framework::issues`], warnings included. Without the builder's own
    /// issues, this is [`Framework::validate`]: warnings alone do not fail.
    pub fn build(self) -> Result<Framework, ValidationError> {
        let FrameworkBuilder {
            framework,
            mut issues,
        } = self;
        if issues.is_empty() {
            framework.validate()?;
            return Ok(framework);
        }
        issues.extend(framework.issues());
        Err(ValidationError::new(issues))
    }
}

/// Inserts `value` under `key` into `map` (at `base`) unless the key is
/// there already, which is a `duplicate-id` issue.
fn insert_once<T>(
    map: &mut indexmap::IndexMap<Id, T>,
    base: &str,
    key: &str,
    value: T,
    issues: &mut Vec<Issue>,
) {
    let at = pointer(base, key);
    let id = Id::or_issue(key, at.clone(), issues);
    if map.contains_key(&id) {
        let kind = IssueKind::DuplicateId {
            id: key.to_owned(),
            first: at.clone(),
        };
        issues.push(Issue::new(at, kind));
    } else {
        map.insert(id, value);
    }
}
