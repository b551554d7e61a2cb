//! [`Profile`]: the tailoring of a framework to a context (a region that
//! drops what its law makes moot, a funder that weights some factors more).
//!
//! This module holds the [`Profile`] (also at the crate root), the
//! [`Selection`]s of its include and exclude lists and the [`ProfileError`]
//! of applying it ([SPEC](crate::spec) §3.7, §7.2).

use std::collections::{HashMap, HashSet};
use std::fmt;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::check::validate::invalid_weight;
use crate::model::blank::is_blank;
use crate::model::framework::{Criterion, Derivation, DerivationKind, Framework, FrameworkRef};
use crate::model::id::Id;
use crate::model::issue::{Issue, IssueKind, ValidationError, pointer};
use crate::model::limits::{Limits, MAX_CRITERIA, MAX_DEPTH};

/// The tailoring of one framework: which criteria to keep or drop, weight
/// and `scored` overrides, and criteria that do not apply, each with its
/// reason.
///
/// # What applying a profile does
///
/// Applying works in this order:
///
/// 1. **Framework.** The profile's `framework` reference must match the
///    framework (id, and version satisfying the requirement); otherwise the
///    only issue is `framework-mismatch` at `/framework`.
/// 2. **Include.** With an empty `include` every criterion is kept. Otherwise
///    a criterion is kept when it is included, when it lies in the subtree of
///    a criterion included with `subtree: true` (the default), or when it is
///    an ancestor of a kept criterion (so the tree keeps its shape). A group
///    included with `subtree: false` keeps only the children that are kept
///    for another reason.
/// 3. **Exclude.** A criterion excluded with `subtree: true` (the default) is
///    removed with everything below it. A criterion excluded with
///    `subtree: false` is *dissolved*: it is removed, and its kept children
///    are lifted into its parent (or to the top level) at its place, in
///    their order. A lifted child keeps its own weight, and takes over the
///    dissolved group's facet tags for the facets it does not tag itself
///    (so its facet views do not change: [SPEC](crate::spec) §5.9); the dissolved
///    group's own weight, aggregation and flags are gone with it. Excluding a
///    leaf without its subtree removes it.
/// 4. **Overrides** on the kept criteria: `weights` replace weights,
///    `scored` replaces `scored`, and `not_applicable` sets
///    [`Criterion::not_applicable`](crate::Criterion::not_applicable) to the
///    reason, which scoring treats as a rating of not applicable and reports
///    (on a group: every leaf below it).
/// 5. **Provenance.** A [`DerivationKind::Profile`] step with the profile's
///    id is appended to the framework's `provenance.derived_from`. The id,
///    version and everything else are kept, so assessments made against the
///    framework stay valid against its tailored form.
///
/// Applying an empty profile (nothing included, excluded or overridden)
/// gives the framework back unchanged except for that provenance step.
///
/// # Errors and their paths
///
/// Every problem is reported at once, with a JSON Pointer into the profile
/// document:
///
/// | problem | code | path |
/// |---|---|---|
/// | the profile tailors another framework or version | `framework-mismatch` | `/framework` |
/// | an id the framework does not define | `unknown-criterion` | `/include/3/id`, `/exclude/0/id`, `/weights/<id>`, `/scored/<id>`, `/not_applicable/<id>` |
/// | an override on a criterion the profile removes | `override-on-removed` | `/weights/<id>`, `/scored/<id>`, `/not_applicable/<id>` |
/// | a weight that is negative, NaN or infinite | `invalid-weight` | `/weights/<id>` |
/// | a blank not-applicable reason | `missing-reason` | `/not_applicable/<id>` |
/// | a group (or the whole framework) left without children | `emptied-group` | the `include` or `exclude` entry that removed its first child: `/exclude/2`, or `/include` when the child was simply not included |
///
/// A framework deeper than [`crate::model::MAX_DEPTH`] is refused (`too-deep` at the
/// empty path) before anything else. If the tailored framework fails
/// validation (which happens only when the input framework is itself
/// invalid), the error is [`ProfileError::InvalidResult`] with paths into the
/// tailored framework.
///
/// # Examples
///
/// ```
/// use assessment_model::{Framework, Profile};
///
/// let framework: Framework = assessment_model::from_json_str(r#"{
///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [
///         { "id": "a", "title": "A", "scale": "tick" },
///         { "id": "b", "title": "B", "scale": "tick" },
///         { "id": "c", "title": "C", "scale": "tick" }
///     ]
/// }"#)?;
/// let profile: Profile = assessment_model::from_json_str(r#"{
///     "id": "region-x",
///     "title": "Region X",
///     "framework": { "id": "tiny", "version": "^1" },
///     "exclude": [{ "id": "c" }],
///     "weights": { "a": 2.0 },
///     "not_applicable": { "b": "Regional law makes it moot." }
/// }"#)?;
/// let tailored = profile.apply(&framework)?;
/// assert_eq!(tailored.criteria.len(), 2);
/// assert_eq!(tailored.criteria[0].weight, 2.0);
/// assert_eq!(tailored.criteria[1].not_applicable.as_deref(), Some("Regional law makes it moot."));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Profile {
    /// The JSON Schema the document names (`"$schema"`), for editors.
    /// Any string is accepted: it is kept on a round trip and otherwise
    /// ignored (not checked, not scored). The committed schemas' ids are
    /// `urn:assessment-model:schema:<kind>:1`.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The profile's id.
    pub id: Id,
    /// The profile's title.
    pub title: String,
    /// What the profile is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The framework it tailors (id and version requirement).
    pub framework: FrameworkRef,
    /// Criteria to keep; empty (the default) keeps every criterion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<Selection>,
    /// Criteria to remove (with their subtree) or dissolve (without it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<Selection>,
    /// Weight overrides by criterion id (finite, ≥ 0).
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub weights: IndexMap<Id, f64>,
    /// `scored` overrides by criterion id.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub scored: IndexMap<Id, bool>,
    /// Criteria that do not apply, by id, each with its (non-blank) reason.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub not_applicable: IndexMap<Id, String>,
}

/// One entry of a profile's `include` or `exclude` list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Selection {
    /// The criterion's id.
    pub id: Id,
    /// Whether the entry covers the criterion's whole subtree (true, the
    /// default) or the criterion alone (see [`Profile`]).
    #[serde(
        default = "crate::model::form::defaults::yes",
        skip_serializing_if = "crate::model::form::defaults::is_true"
    )]
    pub subtree: bool,
}

impl Selection {
    /// The criterion `id` with its subtree.
    pub fn subtree(id: Id) -> Selection {
        Selection { id, subtree: true }
    }

    /// The criterion `id` alone.
    pub fn node(id: Id) -> Selection {
        Selection { id, subtree: false }
    }
}

impl Profile {
    /// An empty profile of `framework`: applying it changes nothing but the
    /// provenance.
    pub fn new(id: Id, title: impl Into<String>, framework: FrameworkRef) -> Profile {
        Profile {
            schema: None,
            id,
            title: title.into(),
            description: None,
            framework,
            include: Vec::new(),
            exclude: Vec::new(),
            weights: IndexMap::new(),
            scored: IndexMap::new(),
            not_applicable: IndexMap::new(),
        }
    }

    /// Tailors `framework` (see [`Profile`]).
    ///
    /// # Errors
    ///
    /// [`ProfileError::Invalid`] with every problem of the profile, each at a
    /// path into the profile document (see the table in the
    /// [`Profile`](Profile#errors-and-their-paths)); or
    /// [`ProfileError::InvalidResult`] when the tailored framework does not
    /// validate.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Framework, Id, Profile};
    /// use assessment_model::profile::Selection;
    ///
    /// let framework: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
    /// }"#)?;
    /// let mut profile = Profile::new(Id::new("drop-all")?, "Drop all", framework.compatible_ref());
    /// profile.exclude.push(Selection::subtree(Id::new("a")?));
    /// let err = profile.apply(&framework).unwrap_err();
    /// assert_eq!(err.issues()[0].code(), "emptied-group");
    /// assert_eq!(err.issues()[0].path, "/exclude/0");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&self, framework: &Framework) -> Result<Framework, ProfileError> {
        if let Some(issue) = self.refusal(framework) {
            return Err(ProfileError::Invalid(ValidationError::new(vec![issue])));
        }
        let mut issues = Vec::new();
        self.limit_issues(&mut issues);
        let known: HashSet<&str> = framework.walk().map(|(_, c)| c.id.as_str()).collect();
        self.entry_issues(&known, &mut issues);
        let (criteria, kept) = self.tailor(framework, &known, &mut issues);
        self.overrides_on_removed(&known, &kept, &mut issues);
        if !issues.is_empty() {
            return Err(ProfileError::Invalid(ValidationError::new(issues)));
        }

        let mut tailored = framework.clone();
        tailored.criteria = criteria;
        tailored.provenance.derived_from.push(Derivation {
            kind: DerivationKind::Profile,
            id: self.id.clone(),
            version: None,
        });
        tailored.validate().map_err(ProfileError::InvalidResult)?;
        Ok(tailored)
    }

    /// The one issue that stops a profile before anything else is checked:
    /// it tailors another framework (`framework-mismatch`), or the
    /// framework is deeper than [`MAX_DEPTH`] (`too-deep`), which the
    /// recursive rebuild must not meet.
    fn refusal(&self, framework: &Framework) -> Option<Issue> {
        if let Some(issue) = self.framework.mismatch(framework, "/framework") {
            return Some(issue);
        }
        let depth = framework.walk().map(|(d, _)| d).find(|d| *d > MAX_DEPTH)?;
        Some(Issue::new(
            "",
            IssueKind::TooDeep {
                depth,
                max: MAX_DEPTH,
            },
        ))
    }
    /// The limits of [`crate::limits`]: at most [`MAX_CRITERIA`] entries in
    /// each list and map, every text at most [`crate::model::MAX_TEXT_BYTES`].
    fn limit_issues(&self, issues: &mut Vec<Issue>) {
        let mut limits = Limits::new(issues);
        limits.text("", "title", &self.title);
        limits.opt_text("", "description", self.description.as_ref());
        for (key, count) in [
            ("include", self.include.len()),
            ("exclude", self.exclude.len()),
            ("weights", self.weights.len()),
            ("scored", self.scored.len()),
            ("not_applicable", self.not_applicable.len()),
        ] {
            limits.count(&pointer("", key), key, count, MAX_CRITERIA);
        }
        for (id, reason) in self.not_applicable.iter().take(MAX_CRITERIA) {
            limits.text("/not_applicable", id, reason);
        }
    }

    /// The problems of the profile's entries on their own, in document
    /// order: ids the framework does not define (`known` holds those it
    /// does), invalid weights and blank not-applicable reasons.
    fn entry_issues(&self, known: &HashSet<&str>, issues: &mut Vec<Issue>) {
        let unknown = |path: String, id: &Id| {
            (!known.contains(id.as_str()))
                .then(|| Issue::new(path, IssueKind::UnknownCriterion { id: id.to_string() }))
        };
        for (i, s) in self.include.iter().enumerate() {
            issues.extend(unknown(format!("/include/{i}/id"), &s.id));
        }
        for (i, s) in self.exclude.iter().enumerate() {
            issues.extend(unknown(format!("/exclude/{i}/id"), &s.id));
        }
        for (id, weight) in &self.weights {
            issues.extend(unknown(format!("/weights/{id}"), id));
            issues.extend(invalid_weight(*weight, || format!("/weights/{id}")));
        }
        for id in self.scored.keys() {
            issues.extend(unknown(format!("/scored/{id}"), id));
        }
        for (id, reason) in &self.not_applicable {
            issues.extend(unknown(format!("/not_applicable/{id}"), id));
            if is_blank(reason) {
                issues.push(Issue::new(
                    format!("/not_applicable/{id}"),
                    IssueKind::MissingReason { id: id.to_string() },
                ));
            }
        }
    }

    /// Steps 2 to 4 on `framework`, whose ids are `known`: the tailored
    /// top-level criteria and the ids kept. A group left without children
    /// is an `emptied-group` (the framework itself, under its id, when
    /// nothing is left at all).
    fn tailor<'f>(
        &self,
        framework: &'f Framework,
        known: &HashSet<&'f str>,
        issues: &mut Vec<Issue>,
    ) -> (Vec<Criterion>, HashSet<String>) {
        let plan = Plan::new(self, framework, known);
        let mut tailor = Tailor {
            profile: self,
            plan: &plan,
            issues: Vec::new(),
            kept: HashSet::new(),
        };
        let (criteria, cause) = tailor.list(&framework.criteria, &IndexMap::new());
        if criteria.is_empty() && !framework.criteria.is_empty() {
            tailor.issues.push(Issue::new(
                cause.unwrap_or_default(),
                IssueKind::EmptiedGroup {
                    id: framework.id.to_string(),
                },
            ));
        }
        issues.extend(tailor.issues);
        (criteria, tailor.kept)
    }

    /// `override-on-removed` for every weight, `scored` and not-applicable
    /// override of a criterion the framework defines (`known`) but the
    /// profile removes (not in `kept`), in that order.
    fn overrides_on_removed(
        &self,
        known: &HashSet<&str>,
        kept: &HashSet<String>,
        issues: &mut Vec<Issue>,
    ) {
        let overrides = (self.weights.keys().map(|id| ("weights", id)))
            .chain(self.scored.keys().map(|id| ("scored", id)))
            .chain(self.not_applicable.keys().map(|id| ("not_applicable", id)));
        for (key, id) in overrides {
            if known.contains(id.as_str()) && !kept.contains(id.as_str()) {
                issues.push(Issue::new(
                    format!("/{key}/{id}"),
                    IssueKind::OverrideOnRemoved { id: id.to_string() },
                ));
            }
        }
    }
}

/// What the include and exclude lists say about each criterion id.
struct Plan<'p> {
    /// `None`: no include list, everything is selected.
    selected: Option<HashSet<&'p str>>,
    /// Ids kept as ancestors of selected criteria.
    ancestors: HashSet<&'p str>,
    /// Excluded ids: (subtree?, index of the first exclude entry naming it).
    excluded: IndexMap<&'p str, (bool, usize)>,
}

impl<'p> Plan<'p> {
    /// The plan of `profile` on `framework`, whose ids are `known`.
    fn new(profile: &Profile, framework: &'p Framework, known: &HashSet<&'p str>) -> Plan<'p> {
        let mut excluded = IndexMap::new();
        for (i, s) in profile.exclude.iter().enumerate() {
            if let Some(id) = known.get(s.id.as_str()) {
                excluded.entry(*id).or_insert((s.subtree, i));
            }
        }
        // An id included twice covers its subtree if either entry does.
        let mut include: HashMap<&str, bool> = HashMap::new();
        for s in &profile.include {
            *include.entry(s.id.as_str()).or_insert(false) |= s.subtree;
        }
        if profile.include.is_empty() {
            return Plan {
                selected: None,
                ancestors: HashSet::new(),
                excluded,
            };
        }
        let mut selected = HashSet::new();
        let mut ancestors = HashSet::new();
        // One pass with the chain of ancestors on a stack.
        let mut chain: Vec<&'p str> = Vec::new();
        let mut under: Vec<bool> = Vec::new(); // whether the chain entry is a subtree selection
        for (depth, c) in framework.walk() {
            chain.truncate(depth.saturating_sub(1));
            under.truncate(depth.saturating_sub(1));
            let in_subtree = under.iter().any(|u| *u);
            let entry = include.get(c.id.as_str()).copied();
            if entry.is_some() || in_subtree {
                selected.insert(c.id.as_str());
                ancestors.extend(chain.iter().copied());
            }
            chain.push(c.id.as_str());
            under.push(entry.unwrap_or(false));
        }
        Plan {
            selected: Some(selected),
            ancestors,
            excluded,
        }
    }
}

/// Rebuilds the tree, recording which ids are kept.
struct Tailor<'p> {
    profile: &'p Profile,
    plan: &'p Plan<'p>,
    issues: Vec<Issue>,
    kept: HashSet<String>,
}

impl Tailor<'_> {
    /// Tailors a list of siblings; returns the new list and, when the list
    /// is empty, the path of the profile entry that removed its first item.
    fn list(
        &mut self,
        items: &[Criterion],
        lifted_tags: &IndexMap<Id, Id>,
    ) -> (Vec<Criterion>, Option<String>) {
        let mut out = Vec::new();
        let mut cause = None;
        for c in items {
            let (nodes, why) = self.node(c, lifted_tags);
            if cause.is_none() {
                cause = why;
            }
            out.extend(nodes);
        }
        (out, cause)
    }

    /// Tailors one criterion: none (removed), one (kept) or its lifted
    /// children (dissolved). `lifted_tags` are the tags of dissolved
    /// ancestors, to add where the criterion does not set the facet.
    fn node(
        &mut self,
        c: &Criterion,
        lifted_tags: &IndexMap<Id, Id>,
    ) -> (Vec<Criterion>, Option<String>) {
        let id = c.id.as_str();
        let plan = self.plan;
        let excluded = plan.excluded.get(id).copied();
        if let Some((true, i)) = excluded {
            return (Vec::new(), Some(format!("/exclude/{i}")));
        }
        let selected = plan.selected.as_ref().is_none_or(|s| s.contains(id));
        if !selected && !plan.ancestors.contains(id) {
            return (Vec::new(), Some("/include".into()));
        }
        let mut tags = lifted_tags.clone();
        for (facet, value) in &c.tags {
            tags.insert(facet.clone(), value.clone());
        }
        if let Some((false, i)) = excluded {
            // Dissolved: lift the children with the merged tags.
            let (children, cause) = self.list(&c.children, &tags);
            return (children, cause.or_else(|| Some(format!("/exclude/{i}"))));
        }
        let mut kept = c.clone();
        for (facet, value) in lifted_tags {
            kept.tags
                .entry(facet.clone())
                .or_insert_with(|| value.clone());
        }
        if !c.children.is_empty() {
            let (children, cause) = self.list(&c.children, &IndexMap::new());
            if children.is_empty() {
                self.issues.push(Issue::new(
                    cause.clone().unwrap_or_default(),
                    IssueKind::EmptiedGroup { id: id.to_string() },
                ));
            }
            kept.children = children;
        }
        if let Some(w) = self.profile.weights.get(id) {
            kept.weight = *w;
        }
        if let Some(s) = self.profile.scored.get(id) {
            kept.scored = *s;
        }
        if let Some(reason) = self.profile.not_applicable.get(id) {
            kept.not_applicable = Some(reason.clone());
        }
        self.kept.insert(id.to_string());
        (vec![kept], None)
    }
}

/// Applying a [`Profile`] failed. The two variants are two documents at
/// fault, so their paths point into different documents.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileError {
    /// The profile does not fit the framework: every problem, each with a
    /// JSON Pointer into the profile document.
    #[error("the profile does not apply: {0}")]
    Invalid(ValidationError),
    /// The tailored framework does not validate (paths into the tailored
    /// framework); only an invalid input framework leads here.
    #[error("the tailored framework is not valid: {0}")]
    InvalidResult(ValidationError),
}

impl ProfileError {
    /// The list of issues, whichever document they point into.
    pub fn validation_error(&self) -> &ValidationError {
        match self {
            ProfileError::Invalid(error) | ProfileError::InvalidResult(error) => error,
        }
    }

    /// Every issue: the profile's, or the tailored framework's.
    pub fn issues(&self) -> &[Issue] {
        self.validation_error().issues()
    }
}

impl fmt::Display for Selection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.subtree {
            write!(f, "{} (with its subtree)", self.id)
        } else {
            write!(f, "{} (alone)", self.id)
        }
    }
}
