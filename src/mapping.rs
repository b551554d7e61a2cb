//! [`Mapping`]: a crosswalk from one framework (version) to another, and
//! [`Mapping::translate`], which carries an assessment across it.

use std::collections::{HashMap, HashSet};
use std::fmt;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::compose::paths;
use crate::{
    Assessment, Criterion, Evidence, Framework, FrameworkRef, Id, Issue, IssueKind, Rating,
    RatingValue, Scale,
};

/// The tolerance of the rescaling comparisons (see [`Mapping`]).
const EPS: f64 = 1e-9;

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
/// 2. Otherwise each rated source is normalised on its own scale (design
///    rule 1) and the normalised scores are averaged (plain mean), giving
///    `s` in [0, 1]. `s` is then put on the target's scale ([`rescale`]):
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
///    applicable source is left out of the mean (as design rule 2 leaves it
///    out of aggregates) and listed as not carried, unless another entry
///    carries it.
/// 4. **Missing.** Sources without a rating are left out of the mean and
///    listed in [`Carried::missing`]; an entry none of whose sources is rated
///    leaves its target unrated.
///
/// Evidence travels with the rating (the sources' evidence in entry order);
/// notes and narratives too (verbatim from a single source, otherwise each
/// prefixed with its source id, one per line). A declared finding about a
/// source leaf moves to the first target that leaf is mapped to; a finding
/// about no criterion is carried as it is.
///
/// Nothing is dropped silently: every source rating is either in a
/// [`Carried`] record or in [`Translation::not_carried`]; every target leaf
/// without a rating is in [`Translation::unrated`]; narratives and findings
/// that could not be placed are listed too.
///
/// # Paths
///
/// A [`MappingError`]'s paths are JSON Pointers into the document
/// `{"mapping": …, "assessment": …, "source": <from framework>,
/// "target": <to framework>}`: e.g. `/mapping/entries/3/from/0`,
/// `/assessment/ratings/io1-f4`, `/target/criteria/0/children/2/scale`.
///
/// # Examples
///
/// ```
/// use assessment_model::{Assessment, Framework, Mapping, RatingValue, Subject};
///
/// let old: Framework = serde_json::from_str(r#"{
///     "id": "old", "version": "1.0.0", "title": "Old",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
/// }"#)?;
/// let new: Framework = serde_json::from_str(r#"{
///     "id": "new", "version": "1.0.0", "title": "New",
///     "scales": { "three": { "type": "ordinal", "levels": [
///         { "id": "low", "value": 1, "label": "low" },
///         { "id": "mid", "value": 2, "label": "mid" },
///         { "id": "high", "value": 3, "label": "high" } ] } },
///     "criteria": [{ "id": "x", "title": "X", "scale": "three" }]
/// }"#)?;
/// let mapping: Mapping = serde_json::from_str(r#"{
///     "id": "old-to-new", "title": "Old to new",
///     "from": { "id": "old", "version": "^1" },
///     "to": { "id": "new", "version": "^1" },
///     "entries": [{ "from": ["a"], "to": "x", "relation": "equivalent",
///                   "rationale": "Same question." }]
/// }"#)?;
/// let mut assessment = Assessment::new(old.exact_ref(), Subject::new("P"));
/// assessment.rate("a".parse()?, RatingValue::Met);
/// let moved = mapping.translate(&assessment, &old, &new)?;
/// assert_eq!(moved.assessment.ratings["x"].value, RatingValue::Level(3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Mapping {
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
        deserialize_with = "crate::parse::unique_keys"
    )]
    pub unmapped_from: IndexMap<Id, String>,
    /// Target leaves deliberately without a source (new criteria), each with
    /// why; they are listed as unrated with this rationale.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "crate::parse::unique_keys"
    )]
    pub unmapped_to: IndexMap<Id, String>,
}

/// One entry of a [`Mapping`]: one or more source leaves to one target leaf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
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

/// The result of [`Mapping::translate`]: the new assessment and an account
/// of everything that was or was not carried.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Translation {
    /// The assessment against the target framework.
    pub assessment: Assessment,
    /// One record per target leaf that received a rating, in entry order.
    pub carried: Vec<Carried>,
    /// Source ratings that no carried record uses, in the assessment's
    /// order, with why.
    pub not_carried: Vec<NotCarried>,
    /// Target leaves left without a rating, in definition order, with why.
    pub unrated: Vec<Unrated>,
    /// Ids of source narratives that could not be placed on a target.
    pub narratives_not_carried: Vec<Id>,
    /// Indexes (into the source assessment's `findings`) of declared
    /// findings that could not be placed on a target.
    pub findings_not_carried: Vec<usize>,
}

impl Translation {
    /// The ratings that came through a relation weaker than `equivalent`.
    pub fn weaker_than_equivalent(&self) -> impl Iterator<Item = &Carried> {
        self.carried
            .iter()
            .filter(|c| c.relation != Relation::Equivalent)
    }
}

/// A target rating made from source ratings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Carried {
    /// The index of the mapping entry.
    pub entry: usize,
    /// The target leaf.
    pub to: Id,
    /// The sources whose ratings made it, in entry order.
    pub from: Vec<Id>,
    /// Sources of the entry that had no rating.
    pub missing: Vec<Id>,
    /// The entry's relation.
    pub relation: Relation,
    /// The mean normalised score of the sources; `None` when the target is
    /// rated not applicable.
    pub score: Option<f64>,
    /// The target's rating value.
    pub value: RatingValue,
}

/// A source rating that was not carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotCarried {
    /// The source leaf.
    pub from: Id,
    /// Why it was not carried.
    pub reason: NotCarriedReason,
}

/// Why a source rating was not carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum NotCarriedReason {
    /// No entry uses the leaf; the mapping's rationale when it gives one.
    NoEntry {
        /// Why the mapping leaves it out (`unmapped_from`).
        rationale: Option<String>,
    },
    /// Rated not applicable while the other sources of its entries are
    /// rated or unrated: left out of the mean.
    NotApplicableBesideOthers {
        /// The targets of the entries that use it.
        to: Vec<Id>,
    },
}

impl fmt::Display for NotCarriedReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotCarriedReason::NoEntry { rationale: Some(r) } => write!(f, "no entry: {r}"),
            NotCarriedReason::NoEntry { rationale: None } => f.write_str("no entry maps it"),
            NotCarriedReason::NotApplicableBesideOthers { to } => {
                let to: Vec<&str> = to.iter().map(Id::as_str).collect();
                write!(
                    f,
                    "not applicable beside other sources of {}; left out of the mean",
                    to.join(", ")
                )
            }
        }
    }
}

/// A target leaf left without a rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unrated {
    /// The target leaf.
    pub id: Id,
    /// Why: no entry (with the mapping's rationale when it gives one), or
    /// no source of its entry is rated.
    pub reason: String,
}

/// Puts the normalised score `score` on `scale` (see the rule in the
/// [`Mapping`](Mapping#rescaling-the-rule)); `None` when `score` is not in
/// [0, 1] or the scale is invalid.
///
/// # Examples
///
/// ```
/// use assessment_model::{rescale, RatingValue, Scale};
///
/// let tick = Scale::Binary { title: None, description: None };
/// assert_eq!(rescale(&tick, 1.0), Some(RatingValue::Met));
/// assert_eq!(rescale(&tick, 0.99), Some(RatingValue::NotMet));
/// ```
pub fn rescale(scale: &Scale, score: f64) -> Option<RatingValue> {
    if !score.is_finite() || !(-EPS..=1.0 + EPS).contains(&score) {
        return None;
    }
    match scale {
        Scale::Binary { .. } => Some(if score >= 1.0 - EPS {
            RatingValue::Met
        } else {
            RatingValue::NotMet
        }),
        Scale::Ordinal { levels, .. } => {
            let (lo, hi) = scale.level_bounds()?;
            let span = f64::from(hi) - f64::from(lo);
            levels
                .iter()
                .filter(|l| (f64::from(l.value) - f64::from(lo)) / span <= score + EPS)
                .map(|l| l.value)
                .max()
                .map(RatingValue::Level)
        }
        Scale::Numeric {
            min,
            max,
            direction,
            ..
        } => {
            if !(min.is_finite() && max.is_finite() && min < max) {
                return None;
            }
            let s = score.clamp(0.0, 1.0);
            let x = match direction {
                crate::Direction::HigherIsBetter if s >= 1.0 => *max,
                crate::Direction::HigherIsBetter => (min + s * (max - min)).min(*max),
                crate::Direction::LowerIsBetter if s >= 1.0 => *min,
                crate::Direction::LowerIsBetter => (max - s * (max - min)).max(*min),
            };
            Some(RatingValue::Number(x))
        }
    }
}

/// A leaf's scale, looked up once.
struct Leaves<'f> {
    framework: &'f Framework,
    /// id → (path, criterion)
    by_id: HashMap<&'f str, (String, &'f Criterion)>,
}

impl<'f> Leaves<'f> {
    fn new(framework: &'f Framework) -> Leaves<'f> {
        let mut by_id = HashMap::new();
        for (path, c) in paths(framework) {
            by_id.entry(c.id.as_str()).or_insert((path, c));
        }
        Leaves { framework, by_id }
    }

    fn scale(&self, c: &Criterion) -> Option<&'f Scale> {
        c.scale.as_ref().and_then(|s| self.framework.scales.get(s))
    }
}

impl Mapping {
    /// The mapping of `framework` to itself: every leaf equivalent to
    /// itself. Translating through it gives the assessment back.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Framework, Mapping};
    ///
    /// let f: Framework = serde_json::from_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
    /// }"#)?;
    /// assert_eq!(Mapping::identity(&f).entries.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn identity(framework: &Framework) -> Mapping {
        Mapping {
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
    /// [`MappingError`] listing every problem: frameworks that do not match
    /// `from` / `to`; unknown ids; groups where leaves are needed; entries
    /// without sources; a target in two entries; leaves on undefined scales.
    pub fn check(&self, from: &Framework, to: &Framework) -> Result<(), MappingError> {
        let issues = self.issues(from, to);
        if issues.is_empty() {
            Ok(())
        } else {
            Err(MappingError { issues })
        }
    }

    fn issues(&self, from: &Framework, to: &Framework) -> Vec<Issue> {
        let mut issues = Vec::new();
        let mismatch = |path: &str, r: &FrameworkRef, f: &Framework| {
            (!r.matches(f)).then(|| {
                Issue::new(
                    path,
                    IssueKind::FrameworkMismatch {
                        required: format!("{} {}", r.id, r.version),
                        found: format!("{} {}", f.id, f.version),
                    },
                )
            })
        };
        issues.extend(mismatch("/mapping/from", &self.from, from));
        issues.extend(mismatch("/mapping/to", &self.to, to));
        let (source, target) = (Leaves::new(from), Leaves::new(to));
        let leaf = |leaves: &Leaves<'_>, doc: &str, path: String, id: &Id| -> Option<Issue> {
            match leaves.by_id.get(id.as_str()) {
                None => Some(Issue::new(
                    path,
                    IssueKind::UnknownCriterion { id: id.to_string() },
                )),
                Some((_, c)) if !c.is_leaf() => {
                    Some(Issue::new(path, IssueKind::NotALeaf { id: id.to_string() }))
                }
                Some((p, c)) if leaves.scale(c).is_none() => Some(Issue::new(
                    format!("/{doc}{p}/scale"),
                    IssueKind::UnknownScale {
                        scale: c.scale.as_ref().map(Id::to_string).unwrap_or_default(),
                    },
                )),
                Some(_) => None,
            }
        };
        let mut targets: HashMap<&str, usize> = HashMap::new();
        let mut sources: HashMap<&str, usize> = HashMap::new();
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
                issues.extend(leaf(
                    &source,
                    "source",
                    format!("/mapping/entries/{i}/from/{j}"),
                    id,
                ));
                sources.entry(id.as_str()).or_insert(i);
            }
            let path = format!("/mapping/entries/{i}/to");
            issues.extend(leaf(&target, "target", path.clone(), &e.to));
            if let Some(first) = targets.get(e.to.as_str()) {
                issues.push(Issue::new(
                    path,
                    IssueKind::DuplicateId {
                        id: e.to.to_string(),
                        first: format!("/mapping/entries/{first}/to"),
                    },
                ));
            } else {
                targets.insert(e.to.as_str(), i);
            }
        }
        for id in self.unmapped_from.keys() {
            let path = format!("/mapping/unmapped_from/{id}");
            issues.extend(leaf(&source, "source", path.clone(), id));
            if let Some(i) = sources.get(id.as_str()) {
                issues.push(Issue::new(
                    path,
                    IssueKind::DuplicateId {
                        id: id.to_string(),
                        first: format!("/mapping/entries/{i}/from"),
                    },
                ));
            }
        }
        for id in self.unmapped_to.keys() {
            let path = format!("/mapping/unmapped_to/{id}");
            issues.extend(leaf(&target, "target", path.clone(), id));
            if let Some(i) = targets.get(id.as_str()) {
                issues.push(Issue::new(
                    path,
                    IssueKind::DuplicateId {
                        id: id.to_string(),
                        first: format!("/mapping/entries/{i}/to"),
                    },
                ));
            }
        }
        issues
    }

    /// Carries `assessment`, made against `from`, across to `to` (see
    /// [`Mapping`] for the rules).
    ///
    /// The frameworks are arguments because rescaling needs their scales;
    /// they must match the mapping's `from` and `to` references.
    ///
    /// # Errors
    ///
    /// [`MappingError`] listing every problem, with paths into
    /// `{"mapping": …, "assessment": …, "source": …, "target": …}`: those of
    /// [`Mapping::check`], plus an assessment made against another framework
    /// (`framework-mismatch` at `/assessment/framework`), ratings or
    /// narratives of unknown criteria, ratings on groups and ratings off
    /// their scale.
    pub fn translate(
        &self,
        assessment: &Assessment,
        from: &Framework,
        to: &Framework,
    ) -> Result<Translation, MappingError> {
        let mut issues = self.issues(from, to);
        if !assessment.framework.matches(from) {
            issues.push(Issue::new(
                "/assessment/framework",
                IssueKind::FrameworkMismatch {
                    required: format!(
                        "{} {}",
                        assessment.framework.id, assessment.framework.version
                    ),
                    found: format!("{} {}", from.id, from.version),
                },
            ));
        }
        let source = Leaves::new(from);
        let target = Leaves::new(to);
        let mut scores: HashMap<&str, Option<f64>> = HashMap::new(); // None = not applicable
        for (id, rating) in &assessment.ratings {
            let path = format!("/assessment/ratings/{id}");
            let Some((_, c)) = source.by_id.get(id.as_str()) else {
                issues.push(Issue::new(
                    path,
                    IssueKind::UnknownCriterion { id: id.to_string() },
                ));
                continue;
            };
            if !c.is_leaf() {
                issues.push(Issue::new(
                    path,
                    IssueKind::RatingOnGroup { id: id.to_string() },
                ));
                continue;
            }
            let Some(scale) = source.scale(c) else {
                continue; // reported by `issues` when mapped; unscorable otherwise
            };
            if rating.value == RatingValue::NotApplicable {
                scores.insert(id.as_str(), None);
            } else if let Some(s) = scale.normalise(&rating.value) {
                scores.insert(id.as_str(), Some(s));
            } else {
                issues.push(Issue::new(
                    format!("{path}/value"),
                    IssueKind::RatingOffScale {
                        id: id.to_string(),
                        value: rating.value.to_string(),
                        scale: c.scale.as_ref().map(Id::to_string).unwrap_or_default(),
                        expected: expected(scale),
                    },
                ));
            }
        }
        for id in assessment.narratives.keys() {
            if !source.by_id.contains_key(id.as_str()) {
                issues.push(Issue::new(
                    format!("/assessment/narratives/{id}"),
                    IssueKind::UnknownCriterion { id: id.to_string() },
                ));
            }
        }
        if !issues.is_empty() {
            return Err(MappingError { issues });
        }
        Ok(self.carry(assessment, &scores, &source, &target, to))
    }

    fn carry(
        &self,
        assessment: &Assessment,
        scores: &HashMap<&str, Option<f64>>,
        source: &Leaves<'_>,
        target: &Leaves<'_>,
        to: &Framework,
    ) -> Translation {
        let mut ratings: HashMap<&str, Rating> = HashMap::new();
        let mut narratives: HashMap<&str, String> = HashMap::new();
        let mut carried = Vec::new();
        let mut unrated_entry: HashMap<&str, usize> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some(n) = joined(&e.from, |id| assessment.narratives.get(id).cloned()) {
                narratives.insert(e.to.as_str(), n);
            }
            let rated: Vec<&Id> = e
                .from
                .iter()
                .filter(|id| matches!(scores.get(id.as_str()), Some(Some(_))))
                .collect();
            let na: Vec<&Id> = e
                .from
                .iter()
                .filter(|id| matches!(scores.get(id.as_str()), Some(None)))
                .collect();
            let missing: Vec<Id> = e
                .from
                .iter()
                .filter(|id| !scores.contains_key(id.as_str()))
                .cloned()
                .collect();
            let Some((_, tc)) = target.by_id.get(e.to.as_str()) else {
                continue;
            };
            let Some(tscale) = target.scale(tc) else {
                continue;
            };
            let (used, score, value) = if !rated.is_empty() {
                let sum: f64 = rated
                    .iter()
                    .filter_map(|id| scores.get(id.as_str()).copied().flatten())
                    .sum();
                #[allow(clippy::cast_precision_loss)]
                let mean = sum / rated.len() as f64;
                let same_scale = e.from.len() == 1
                    && rated
                        .first()
                        .and_then(|id| source.by_id.get(id.as_str()))
                        .and_then(|(_, c)| source.scale(c))
                        == Some(tscale);
                let value = if same_scale {
                    rated
                        .first()
                        .and_then(|id| assessment.ratings.get(*id))
                        .map(|r| r.value)
                } else {
                    rescale(tscale, mean)
                };
                let Some(value) = value else { continue };
                (rated, Some(mean), value)
            } else if !na.is_empty() && missing.is_empty() {
                (na, None, RatingValue::NotApplicable)
            } else {
                unrated_entry.insert(e.to.as_str(), i);
                continue;
            };
            let mut evidence: Vec<Evidence> = Vec::new();
            for id in &used {
                if let Some(r) = assessment.ratings.get(*id) {
                    evidence.extend(r.evidence.iter().cloned());
                }
            }
            let used: Vec<Id> = used.into_iter().cloned().collect();
            let note = joined(&used, |id| {
                assessment.ratings.get(id).and_then(|r| r.note.clone())
            });
            ratings.insert(
                e.to.as_str(),
                Rating {
                    value,
                    evidence,
                    note,
                },
            );
            carried.push(Carried {
                entry: i,
                to: e.to.clone(),
                from: used,
                missing,
                relation: e.relation,
                score,
                value,
            });
        }

        // The new assessment, in the target's definition order.
        let mut moved = Assessment::new(
            if assessment.framework.matches(to) {
                assessment.framework.clone()
            } else {
                to.exact_ref()
            },
            assessment.subject.clone(),
        );
        moved.assessors = assessment.assessors.clone();
        let mut unrated = Vec::new();
        for leaf in to.leaves() {
            if let Some(r) = ratings.remove(leaf.id.as_str()) {
                moved.ratings.insert(leaf.id.clone(), r);
            } else {
                let reason = match (
                    unrated_entry.get(leaf.id.as_str()),
                    self.unmapped_to.get(&leaf.id),
                ) {
                    (Some(i), _) => format!("no source of entry {i} is rated"),
                    (None, Some(r)) => format!("no entry: {r}"),
                    (None, None) => "no entry maps to it".to_string(),
                };
                unrated.push(Unrated {
                    id: leaf.id.clone(),
                    reason,
                });
            }
        }
        for (_, c) in paths(to) {
            if let Some(n) = narratives.remove(c.id.as_str()) {
                moved.narratives.insert(c.id.clone(), n);
            }
        }

        // Source ratings no record carries.
        let used: HashSet<&str> = carried
            .iter()
            .flat_map(|c| c.from.iter().map(Id::as_str))
            .collect();
        let mut not_carried = Vec::new();
        for (id, _) in &assessment.ratings {
            if used.contains(id.as_str()) {
                continue;
            }
            let targets: Vec<Id> = self
                .entries
                .iter()
                .filter(|e| e.from.contains(id))
                .map(|e| e.to.clone())
                .collect();
            let reason = if targets.is_empty() {
                NotCarriedReason::NoEntry {
                    rationale: self.unmapped_from.get(id).cloned(),
                }
            } else {
                NotCarriedReason::NotApplicableBesideOthers { to: targets }
            };
            not_carried.push(NotCarried {
                from: id.clone(),
                reason,
            });
        }

        // Narratives and findings.
        let mapped: HashSet<&str> = self
            .entries
            .iter()
            .flat_map(|e| e.from.iter().map(Id::as_str))
            .collect();
        let narratives_not_carried = assessment
            .narratives
            .keys()
            .filter(|id| !mapped.contains(id.as_str()))
            .cloned()
            .collect();
        let mut findings_not_carried = Vec::new();
        for (i, finding) in assessment.findings.iter().enumerate() {
            let Some(about) = &finding.criterion else {
                moved.findings.push(finding.clone());
                continue;
            };
            match self.entries.iter().find(|e| e.from.contains(about)) {
                Some(e) => {
                    let mut f = finding.clone();
                    f.criterion = Some(e.to.clone());
                    moved.findings.push(f);
                }
                None => findings_not_carried.push(i),
            }
        }
        Translation {
            assessment: moved,
            carried,
            not_carried,
            unrated,
            narratives_not_carried,
            findings_not_carried,
        }
    }
}

/// Joins the texts of `ids`: verbatim from one, else `id: text` per line.
fn joined(ids: &[Id], text: impl Fn(&Id) -> Option<String>) -> Option<String> {
    let texts: Vec<(&Id, String)> = ids
        .iter()
        .filter_map(|id| text(id).map(|t| (id, t)))
        .collect();
    match texts.as_slice() {
        [] => None,
        [(_, t)] if ids.len() == 1 => Some(t.clone()),
        many => Some(
            many.iter()
                .map(|(id, t)| format!("{id}: {t}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    }
}

fn expected(scale: &Scale) -> String {
    match scale {
        Scale::Binary { .. } => "met or not_met".into(),
        Scale::Ordinal { levels, .. } => {
            let values: Vec<String> = levels.iter().map(|l| l.value.to_string()).collect();
            format!("a level of {}", values.join(", "))
        }
        Scale::Numeric { min, max, .. } => format!("a number in [{min}, {max}]"),
    }
}

/// Translating failed: every problem, each with a JSON Pointer into
/// `{"mapping": …, "assessment": …, "source": …, "target": …}` (see the
/// [`Mapping`](Mapping#paths)).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct MappingError {
    issues: Vec<Issue>,
}

impl MappingError {
    /// Every problem, in the order found.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }
}

impl fmt::Display for MappingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the mapping cannot be applied: {} problem(s)",
            self.issues.len()
        )?;
        for issue in &self.issues {
            write!(f, "\n  {issue}")?;
        }
        Ok(())
    }
}
