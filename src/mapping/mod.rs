//! [`Mapping`]: a crosswalk from one framework (version) to another, and
//! [`Mapping::translate`], which carries an assessment across it.
//!
//! This module holds the [`Mapping`] (also at the crate root) and its
//! [`MappingEntry`]s with their [`Relation`], what a translation gives
//! ([`Translation`], [`Carried`], [`NotCarried`], [`NotCarriedReason`],
//! [`FindingNotCarried`], [`Unrated`]) and [`rescale`](fn@rescale), which carries one
//! rating from one scale to another ([SPEC](crate::spec) §3.8, §7.3).
//!
//! The entries relate leaves; ratings travel along them (the rules are on
//! [`Mapping`]). Narratives and declared findings travel too, on groups as
//! on leaves: a group's go to the lowest target criterion that contains
//! every target of the group's leaves, or to the one of those with the
//! group's own id, so the [identity](Mapping::identity) gives every
//! assessment back (the rule is in [`Mapping::translate`], under
//! *Narratives and findings*).
//! Whatever cannot be carried is listed in the [`Translation`] with why.

use std::collections::HashMap;
use std::fmt;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::compose::paths;
use crate::model::framework::{Criterion, Framework, FrameworkRef};
use crate::model::id::Id;
use crate::model::issue::{Issue, IssueKind, ValidationError, pointer};
use crate::model::limits::{Limits, MAX_CRITERIA};
use crate::model::scale::Scale;

pub(crate) mod carried;
mod narratives;
mod rescale;
mod translation;

pub use carried::{Carried, FindingNotCarried, NotCarried, NotCarriedReason, Translation, Unrated};
pub use rescale::rescale;

/// A crosswalk from one framework to another, used to carry assessments
/// across.
///
/// # Relations
///
/// Each entry relates one or more source leaves (together) to one target
/// leaf. The relation says how what the sources ask compares with what the
/// target asks:
///
/// * `equivalent`: the same thing, perhaps in other words;
/// * `subset`: the sources ask for part of what the target asks (the target
///   is broader);
/// * `superset`: the sources ask for more than the target (the target is
///   narrower);
/// * `intersects`: they overlap, and neither contains the other.
///
/// Every relation carries the rating; those weaker than `equivalent` are
/// listed ([`Translation::weaker_than_equivalent`]) so that a reviewer can
/// check them.
///
/// # Rescaling (the rule)
///
/// For each entry, the sources' ratings become one rating of the target:
///
/// 1. A single source on a scale identical to the target's: the value is
///    carried as it is.
/// 2. Otherwise each rated source is normalised on its own scale
///    ([SPEC](crate::spec) §5.1) and the normalised scores are averaged (plain mean), giving
///    `s` in [0, 1]. `s` is then put on the target's scale ([`rescale`](fn@rescale)):
///    * binary: met when `s` = 1, not met otherwise;
///    * ordinal: the level whose normalised value is the largest not above
///      `s` (rounded down to the nearest level);
///    * numeric: `min + s·(max − min)`, or `max − s·(max − min)` when lower
///      is better (exact, no rounding).
///
///    Comparisons allow for floating-point error of 1e-9, so a mean that
///    should be exactly a level's value is not rounded down past it.
/// 3. **Not applicable.** When every source of an entry is rated not
///    applicable, the target is rated not applicable. Otherwise a not
///    applicable source is left out of the mean (as [SPEC](crate::spec) §5.2
///    leaves it out of aggregates) and listed as not carried, unless another entry
///    carries it.
/// 4. **Missing.** Sources without a rating are left out of the mean and
///    listed in [`Carried::missing`]; an entry none of whose sources is rated
///    leaves its target unrated.
///
/// Evidence travels with the rating (the sources' evidence in entry order);
/// notes too (verbatim from a single source, otherwise each prefixed with
/// its source id, one per line). Narratives and declared findings, on
/// leaves and groups, go where the rule of
/// [`Mapping::translate`] (*Narratives and findings*) says.
///
/// Nothing is dropped silently: every source rating is either in a
/// [`Carried`] record or in [`Translation::not_carried`]; every target leaf
/// without a rating is in [`Translation::unrated`]; narratives and findings
/// that could not be placed are listed too, with why.
///
/// # Paths
///
/// A [`ValidationError`]'s paths (from [`Mapping::check`] and
/// [`Mapping::translate`]) are JSON Pointers into the document
/// `{"mapping": …, "assessment": …, "source": <from framework>,
/// "target": <to framework>}`: e.g. `/mapping/entries/3/from/0`,
/// `/assessment/ratings/io1-f4`, `/target/criteria/0/children/2/scale`.
///
/// # Examples
///
/// ```
/// use assessment_model::{Assessment, Framework, Mapping, RatingValue, Subject};
///
/// let old: Framework = assessment_model::from_json_str(r#"{
///     "id": "old", "version": "1.0.0", "title": "Old",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
/// }"#)?;
/// let new: Framework = assessment_model::from_json_str(r#"{
///     "id": "new", "version": "1.0.0", "title": "New",
///     "scales": { "three": { "type": "ordinal", "levels": [
///         { "id": "low", "value": 1, "label": "low" },
///         { "id": "mid", "value": 2, "label": "mid" },
///         { "id": "high", "value": 3, "label": "high" } ] } },
///     "criteria": [{ "id": "x", "title": "X", "scale": "three" }]
/// }"#)?;
/// let mapping: Mapping = assessment_model::from_json_str(r#"{
///     "id": "old-to-new", "title": "Old to new",
///     "from": { "id": "old", "version": "^1" },
///     "to": { "id": "new", "version": "^1" },
///     "entries": [{ "from": ["a"], "to": "x", "relation": "equivalent",
///                   "rationale": "Same question." }]
/// }"#)?;
/// let mut assessment = Assessment::new(old.exact_ref(), Subject::new("P"));
/// assessment.rate("a", RatingValue::Met)?;
/// let moved = mapping.translate(&assessment, &old, &new)?;
/// assert_eq!(moved.assessment.ratings["x"].value, RatingValue::Level(3.into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Mapping {
    /// The JSON Schema the document names (`"$schema"`), for editors.
    /// Any string is accepted: it is kept on a round trip and otherwise
    /// ignored (not checked, not scored). The committed schemas' ids are
    /// `urn:assessment-model:schema:<kind>:1`.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The mapping's id.
    pub id: Id,
    /// The mapping's title.
    pub title: String,
    /// What the mapping is for and how complete it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The framework (id and versions) mapped from.
    pub from: FrameworkRef,
    /// The framework (id and versions) mapped to.
    pub to: FrameworkRef,
    /// The entries; each target leaf appears in at most one.
    pub entries: Vec<MappingEntry>,
    /// Source leaves deliberately not mapped, each with why; their ratings
    /// are listed as not carried with this rationale.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub unmapped_from: IndexMap<Id, String>,
    /// Target leaves deliberately without a source (new criteria), each with
    /// why; they are listed as unrated with this rationale.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::model::form::unique_keys::unique_keys"
    )]
    pub unmapped_to: IndexMap<Id, String>,
}

/// One entry of a [`Mapping`]: one or more source leaves to one target leaf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MappingEntry {
    /// The source leaves (at least one), taken together.
    pub from: Vec<Id>,
    /// The target leaf.
    pub to: Id,
    /// How the sources compare with the target.
    pub relation: Relation,
    /// Why: the source's words or a paraphrase, with its section.
    pub rationale: String,
}

/// How what an entry's sources ask compares with what its target asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Relation {
    /// The same thing.
    Equivalent,
    /// The sources ask for part of what the target asks.
    Subset,
    /// The sources ask for more than the target.
    Superset,
    /// They overlap; neither contains the other.
    Intersects,
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Relation::Equivalent => "equivalent",
            Relation::Subset => "subset",
            Relation::Superset => "superset",
            Relation::Intersects => "intersects",
        })
    }
}

impl MappingEntry {
    /// An entry carrying the ratings of `from` to `to`, related by
    /// `relation`, for the reason `rationale`.
    pub fn new(
        from: Vec<Id>,
        to: Id,
        relation: Relation,
        rationale: impl Into<String>,
    ) -> MappingEntry {
        MappingEntry {
            from,
            to,
            relation,
            rationale: rationale.into(),
        }
    }
}

/// Every criterion of a framework, looked up once: by id, with its path
/// and its place in the tree; a leaf's scale.
struct Criteria<'f> {
    framework: &'f Framework,
    /// The criteria in definition (pre-)order.
    nodes: Vec<Node<'f>>,
    /// id → position in `nodes` (the first criterion of an id given twice).
    by_id: HashMap<&'f str, usize>,
}

/// One criterion of [`Criteria`].
struct Node<'f> {
    /// Its JSON Pointer in the framework, `/criteria/i/children/j/…`.
    path: String,
    criterion: &'f Criterion,
    /// The parent's position in [`Criteria::nodes`]; `None` at the top level.
    parent: Option<usize>,
    /// 1 at the top level, 2 for the children of a top-level group, …
    depth: usize,
}

impl<'f> Criteria<'f> {
    fn new(framework: &'f Framework) -> Criteria<'f> {
        let mut nodes: Vec<Node<'f>> = Vec::new();
        let mut by_id = HashMap::new();
        // The positions of the current criterion's ancestors: in pre-order,
        // a criterion at depth d follows its d − 1 ancestors.
        let mut chain: Vec<usize> = Vec::new();
        for (at, (path, criterion)) in paths(framework).into_iter().enumerate() {
            // One `/children/` per level below the top.
            let depth = path.matches("/children/").count().saturating_add(1);
            chain.truncate(depth.saturating_sub(1));
            let parent = chain.last().copied();
            chain.push(at);
            by_id.entry(criterion.id.as_str()).or_insert(at);
            nodes.push(Node {
                path,
                criterion,
                parent,
                depth,
            });
        }
        Criteria {
            framework,
            nodes,
            by_id,
        }
    }

    /// The position of the criterion with id `id`.
    fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The criterion with id `id`.
    fn get(&self, id: &str) -> Option<&Node<'f>> {
        self.position(id).and_then(|at| self.nodes.get(at))
    }

    fn scale(&self, c: &Criterion) -> Option<&'f Scale> {
        c.scale.as_ref().and_then(|s| self.framework.scales.get(s))
    }

    /// Why `id`, named at `path` on `side` of a mapping, cannot be mapped:
    /// no such criterion, a group, or a leaf on an undefined scale (the
    /// issue at the leaf's `scale`, in the `side` framework).
    fn leaf_issue(&self, side: Side, path: String, id: &Id) -> Option<Issue> {
        let node = self.get(id.as_str());
        match node.map(|n| (n.path.as_str(), n.criterion)) {
            None => Some(Issue::new(
                path,
                IssueKind::UnknownCriterion { id: id.to_string() },
            )),
            Some((_, c)) if !c.is_leaf() => {
                Some(Issue::new(path, IssueKind::NotALeaf { id: id.to_string() }))
            }
            Some((p, c)) if self.scale(c).is_none() => Some(Issue::new(
                format!("/{}{p}/scale", side.doc()),
                IssueKind::UnknownScale {
                    scale: c.scale.as_ref().map(Id::to_string).unwrap_or_default(),
                },
            )),
            Some(_) => None,
        }
    }
}

impl Mapping {
    /// Source leaf id → the entries that use it, each once, in entry order:
    /// built once per translation, so that looking up a leaf's entries
    /// does not scan every entry.
    pub(crate) fn entries_by_source(&self) -> HashMap<&str, Vec<usize>> {
        let mut entries_of: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            for id in &e.from {
                let entries = entries_of.entry(id.as_str()).or_default();
                if entries.last() != Some(&i) {
                    entries.push(i);
                }
            }
        }
        entries_of
    }

    /// A mapping `id` titled `title` from the framework(s) `from` to `to`,
    /// with no entries yet.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::Mapping;
    /// use assessment_model::mapping::{MappingEntry, Relation};
    /// use assessment_model::catalog::{good_practice, impart};
    ///
    /// let (core, gp) = (impart::core(), good_practice::criteria());
    /// let mut mapping = Mapping::new("core-to-gp".parse()?, "Core to GP", core.compatible_ref(), gp.exact_ref());
    /// mapping.entries.push(MappingEntry::new(
    ///     vec!["migrant-voice".parse()?],
    ///     "q1-1".parse()?,
    ///     Relation::Intersects,
    ///     "Both ask whether migrants are heard.",
    /// ));
    /// assert_eq!(mapping.entries.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: Id, title: impl Into<String>, from: FrameworkRef, to: FrameworkRef) -> Mapping {
        Mapping {
            schema: None,
            id,
            title: title.into(),
            description: None,
            from,
            to,
            entries: Vec::new(),
            unmapped_from: IndexMap::new(),
            unmapped_to: IndexMap::new(),
        }
    }

    /// The mapping of `framework` to itself: every leaf equivalent to
    /// itself. Translating through it gives the assessment back: an
    /// assessment equal to the one given (its ratings with their evidence
    /// and notes, its narratives and declared findings on leaves and
    /// groups, its subject and assessors), with nothing listed as not
    /// carried. The ratings and narratives come back in the framework's
    /// definition order (`==` on their maps ignores order); the findings
    /// keep theirs.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Framework, Mapping};
    ///
    /// let f: Framework = assessment_model::from_json_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
    /// }"#)?;
    /// assert_eq!(Mapping::identity(&f).entries.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn identity(framework: &Framework) -> Mapping {
        Mapping {
            schema: None,
            id: Id::new("identity").unwrap_or_else(|_| framework.id.clone()),
            title: format!("Identity of {} {}", framework.id, framework.version),
            description: None,
            from: framework.exact_ref(),
            to: framework.exact_ref(),
            entries: framework
                .leaves()
                .map(|c| MappingEntry {
                    from: vec![c.id.clone()],
                    to: c.id.clone(),
                    relation: Relation::Equivalent,
                    rationale: "The same criterion.".into(),
                })
                .collect(),
            unmapped_from: IndexMap::new(),
            unmapped_to: IndexMap::new(),
        }
    }

    /// Checks the mapping against the frameworks it maps between: every
    /// problem, with paths into `{"mapping": …, "source": …, "target": …}`.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] listing every problem: frameworks that do not match
    /// `from` / `to`; unknown ids; groups where leaves are needed; entries
    /// without sources; a target in two entries; leaves on undefined scales.
    pub fn check(&self, from: &Framework, to: &Framework) -> Result<(), ValidationError> {
        let issues = self.issues(from, to);
        if issues.is_empty() {
            Ok(())
        } else {
            Err(ValidationError::new(issues))
        }
    }

    /// The limits of [`crate::limits`] on the mapping's lists and texts,
    /// with paths under `/mapping`.
    fn limit_issues(&self, issues: &mut Vec<Issue>) {
        let mut limits = Limits::new(issues);
        limits.text("/mapping", "title", &self.title);
        limits.opt_text("/mapping", "description", self.description.as_ref());
        let entries = "/mapping/entries";
        limits.count(entries, "entries", self.entries.len(), MAX_CRITERIA);
        for (i, e) in self.entries.iter().enumerate().take(MAX_CRITERIA) {
            let at = pointer(entries, i);
            limits.count(&pointer(&at, "from"), "from", e.from.len(), MAX_CRITERIA);
            limits.text(&at, "rationale", &e.rationale);
        }
        for (key, map) in [
            ("unmapped_from", &self.unmapped_from),
            ("unmapped_to", &self.unmapped_to),
        ] {
            let at = pointer("/mapping", key);
            limits.count(&at, key, map.len(), MAX_CRITERIA);
            for (id, reason) in map.iter().take(MAX_CRITERIA) {
                limits.text(&at, id, reason);
            }
        }
    }

    /// Every problem of the mapping against `from` and `to`: limits,
    /// framework mismatches, the entries, then the unmapped lists.
    fn issues(&self, from: &Framework, to: &Framework) -> Vec<Issue> {
        let mut issues = Vec::new();
        self.limit_issues(&mut issues);
        issues.extend(self.from.mismatch(from, "/mapping/from"));
        issues.extend(self.to.mismatch(to, "/mapping/to"));
        let (source, target) = (Criteria::new(from), Criteria::new(to));
        let used = self.entry_issues(&source, &target, &mut issues);
        for (key, unmapped, criteria, side) in [
            ("unmapped_from", &self.unmapped_from, &source, Side::Source),
            ("unmapped_to", &self.unmapped_to, &target, Side::Target),
        ] {
            for id in unmapped.keys() {
                let path = format!("/mapping/{key}/{id}");
                issues.extend(criteria.leaf_issue(side, path.clone(), id));
                if let Some(i) = used.entry_of(side, id) {
                    issues.push(Issue::new(
                        path,
                        IssueKind::DuplicateId {
                            id: id.to_string(),
                            first: format!("/mapping/entries/{i}/{}", side.key()),
                        },
                    ));
                }
            }
        }
        issues
    }

    /// The entries' problems, entry by entry: no source, each source and
    /// the target not a leaf on a defined scale, a target already in an
    /// earlier entry. Returns the first entry of each source and target id.
    fn entry_issues<'m>(
        &'m self,
        source: &Criteria<'_>,
        target: &Criteria<'_>,
        issues: &mut Vec<Issue>,
    ) -> Used<'m> {
        let mut used = Used::default();
        for (i, e) in self.entries.iter().enumerate() {
            if e.from.is_empty() {
                issues.push(Issue::new(
                    format!("/mapping/entries/{i}/from"),
                    IssueKind::InvalidDocument {
                        message: "a mapping entry needs at least one source criterion".into(),
                    },
                ));
            }
            for (j, id) in e.from.iter().enumerate() {
                let path = format!("/mapping/entries/{i}/from/{j}");
                issues.extend(source.leaf_issue(Side::Source, path, id));
                used.sources.entry(id.as_str()).or_insert(i);
            }
            let path = format!("/mapping/entries/{i}/to");
            issues.extend(target.leaf_issue(Side::Target, path.clone(), &e.to));
            if let Some(first) = used.targets.get(e.to.as_str()) {
                issues.push(Issue::new(
                    path,
                    IssueKind::DuplicateId {
                        id: e.to.to_string(),
                        first: format!("/mapping/entries/{first}/to"),
                    },
                ));
            } else {
                used.targets.insert(e.to.as_str(), i);
            }
        }
        used
    }
}

/// The side of a mapping an id belongs to.
#[derive(Clone, Copy)]
enum Side {
    /// The framework mapped from (`/source` in paths, an entry's `from`).
    Source,
    /// The framework mapped to (`/target` in paths, an entry's `to`).
    Target,
}

impl Side {
    /// The side's framework in the document of [`Mapping`]'s paths.
    fn doc(self) -> &'static str {
        match self {
            Side::Source => "source",
            Side::Target => "target",
        }
    }

    /// The field of an entry that names this side's ids.
    fn key(self) -> &'static str {
        match self {
            Side::Source => "from",
            Side::Target => "to",
        }
    }
}

/// The first entry that uses each source and each target id.
#[derive(Default)]
struct Used<'m> {
    sources: HashMap<&'m str, usize>,
    targets: HashMap<&'m str, usize>,
}

impl Used<'_> {
    /// The first entry using `id` on `side`.
    fn entry_of(&self, side: Side, id: &Id) -> Option<usize> {
        let map = match side {
            Side::Source => &self.sources,
            Side::Target => &self.targets,
        };
        map.get(id.as_str()).copied()
    }
}
