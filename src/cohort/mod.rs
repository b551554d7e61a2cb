//! [`Cohort`]: statistics over many reports of one framework, optionally
//! grouped by a subject attribute (IMPART: common findings across ten
//! projects in seven states; PROFINT: average importance per learning
//! domain and beneficiary group, its Figures 2 and 3).
//!
//! This module holds the [`Cohort`] (also at the crate root), its
//! statistics ([`CohortStats`], [`NodeStats`], [`LevelCount`]), the
//! synthesis of what members share ([`Synthesis`], [`CommonRisk`],
//! [`Weakness`]) and the [`CohortState`] that carries a cohort across a
//! process boundary ([SPEC](crate::spec) §7.5).

mod accumulator;
mod state;
mod synthesis;
mod tally;

use std::sync::Arc;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::model::assessment::Assessment;
use crate::model::framework::{Framework, framework_mismatch};
use crate::model::id::Id;
use crate::model::issue::{Issue, IssueKind, ValidationError, pointer};
use crate::model::scale::{LevelRef, RatingValue, Scale};
use crate::model::work::{Meter, Observer, RunError, Watched};
use crate::report::Report;
use crate::scorer::Scorer;
use tally::{Entry, Tally};

pub use state::CohortState;
pub use synthesis::{CommonRisk, Synthesis};
pub use tally::{CohortStats, LevelCount, NodeStats};

/// Statistics over many reports of one framework.
///
/// Built for one framework (a [`Scorer`]); fed reports ([`Cohort::push`])
/// or assessments it scores itself ([`Cohort::push_assessment`]); read with
/// [`Cohort::stats`], [`Cohort::stats_by`], [`Cohort::weakest`] and
/// [`Cohort::common_risks`]. Two cohorts of the same framework, built on
/// different threads or partitions, combine with [`Cohort::merge`]; across
/// machines, ship [`Cohort::state`] and rebuild with [`Cohort::from_state`].
///
/// # Memory
///
/// A cohort keeps per-node accumulators, not the reports. For every node
/// (and the total) it keeps the moments of the means in scale units
/// (count, mean, sum of squared deviations, minimum, maximum), the risk and
/// not-applicable counts, and one counter per level of a binary or ordinal
/// leaf: a fixed size whatever the number of members. For the **exact
/// median**, and the moments of the scores, it keeps the scores as a
/// multiset: each distinct score once with its count (16 bytes), so a
/// node whose scores repeat costs the same however many members the
/// cohort has. Binary and ordinal leaves take a few scores, and the groups
/// above them few more: a cohort of 1,000,000 good-practice reports holds
/// about 42 KB (170 KB grouped by an attribute with four values), where
/// keeping every score took 445 MB (889 MB). Where most scores differ (a
/// numeric leaf, or a node over many numeric leaves: more than 64
/// distinct scores and fewer than two members per score), the node lists
/// them instead, one `f64` (8 bytes) per member with a score, plus the
/// spare capacity of a growing vector, and counts them again once they
/// repeat (four members per score). So the size per member is at most
/// about `8 × (nodes + 1)` bytes, times `1 + g` when the cohort is grouped
/// by `g` attributes (each member also sits in one group per attribute),
/// and far less where scores repeat. Statistics take time linear in the
/// number of members (the moments of the scores are replayed in ascending
/// order, see below).
///
/// # Order independence
///
/// Counts, minimum, maximum, median, mean and standard deviation of the
/// scores, risks, distributions and group membership do not depend on the
/// order reports are pushed or cohorts merged, bit for bit: mean and
/// deviation are Welford's update over the scores in ascending order, the
/// same however the scores are held. The mean in scale units is a running
/// mean (Welford's update, Chan's merge), so it may differ in the last
/// bits: for values in [0, 1] the tests hold it to 1e-12 of an exact
/// two-pass computation, whatever the order and partition.
///
/// # Examples
///
/// ```
/// use assessment_model::{Assessment, Cohort, Framework, RatingValue, Scorer, Subject};
///
/// let framework: Framework = assessment_model::from_json_str(r#"{
///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
/// }"#)?;
/// let scorer = Scorer::new(&framework)?;
/// let mut cohort = Cohort::new(&scorer).with_grouping("country");
/// for (country, value) in [("FR", RatingValue::Met), ("FR", RatingValue::NotMet), ("DE", RatingValue::Met)] {
///     let mut subject = Subject::new("P");
///     subject.attributes.insert("country".into(), country.into());
///     let mut a = Assessment::new(framework.exact_ref(), subject);
///     a.rate("a", value)?;
///     cohort.push_assessment(&a)?;
/// }
/// let stats = cohort.stats();
/// assert_eq!(stats.members, 3);
/// assert_eq!(stats.nodes["a"].median, Some(1.0));
/// let by_country = cohort.stats_by("country").ok_or("not grouped")?;
/// assert_eq!(by_country["FR"].nodes["a"].mean, Some(0.5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Cohort {
    scorer: Scorer,
    /// Per node: the levels of a binary or ordinal leaf, in scale order.
    levels: Vec<Vec<RatingValue>>,
    all: Tally,
    /// Per declared attribute, per value (or [`Cohort::UNSPECIFIED`]).
    groups: IndexMap<String, IndexMap<String, Tally>>,
    /// The entries of the report being pushed, kept to reuse the buffer.
    entries: Vec<Entry>,
}

/// What scoring an assessment into a report and adding it costs, in
/// evaluations of one node: binding, the pass, findings and views, about
/// 32 times the nodes (27 µs for the good-practice criteria's 53 nodes).
/// 2^18 leaf values per call is then about every 2^13 nodes scored.
const REPORT_COST: u64 = 32;

/// A criterion among the weakest of a cohort ([`Cohort::weakest`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Weakness {
    /// The criterion's id.
    pub criterion: Id,
    /// Its mean score over the members that have one.
    pub mean: f64,
    /// How many members have it as a risk.
    pub risks: u64,
}

impl Cohort {
    /// The group of members whose subject lacks the grouping attribute.
    pub const UNSPECIFIED: &'static str = "unspecified";

    /// An empty cohort for `scorer`'s framework. It takes the compiled
    /// framework, the proof of validity ([SPEC](crate::spec) §6.1), so
    /// pushing assessments can score them.
    pub fn new(scorer: &Scorer) -> Cohort {
        let framework = scorer.framework();
        let levels: Vec<Vec<RatingValue>> = framework
            .walk()
            .map(|(_, c)| {
                let scale = c.scale.as_ref().and_then(|s| framework.scales.get(s));
                match (c.is_leaf(), scale) {
                    (true, Some(Scale::Binary { .. })) => {
                        vec![RatingValue::NotMet, RatingValue::Met]
                    }
                    (true, Some(Scale::Ordinal { levels, .. })) => levels
                        .iter()
                        .map(|l| RatingValue::Level(LevelRef::Value(l.value)))
                        .collect(),
                    _ => Vec::new(),
                }
            })
            .collect();
        Cohort {
            scorer: scorer.clone(),
            all: Tally::new(&levels),
            entries: Vec::with_capacity(levels.len()),
            levels,
            groups: IndexMap::new(),
        }
    }

    /// Also keeps statistics per value of the subject attribute `attribute`
    /// (e.g. `country`, `theme`, `respondent_type`, `beneficiary_group`);
    /// members without it go into the group [`Cohort::UNSPECIFIED`], never
    /// dropped (a subject whose attribute is literally `"unspecified"` joins
    /// the same group). Declare groupings before pushing: a cohort keeps no
    /// reports, so it cannot regroup members already added (members added
    /// earlier are not in any group of a later declaration).
    #[must_use]
    pub fn with_grouping(mut self, attribute: impl Into<String>) -> Cohort {
        self.groups.entry(attribute.into()).or_default();
        self
    }

    /// How many members have been added.
    pub fn members(&self) -> u64 {
        self.all.members()
    }

    /// Scores `assessment` with the cohort's scorer and adds the report.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] when the assessment cannot be scored (that of
    /// [`Scorer::score`], paths into the assessment); the cohort is then
    /// unchanged.
    pub fn push_assessment(&mut self, assessment: &Assessment) -> Result<(), ValidationError> {
        let report = self.scorer.score(assessment)?;
        self.push(&report)
    }

    /// Scores each of `assessments` and adds its report, telling
    /// `observer` how far it has got and stopping when it says so
    /// ([`Observer`]): all or nothing. The units are assessments; the
    /// observer is told about every 2^13 nodes scored (every 154
    /// assessments of the good-practice criteria's 53 nodes).
    ///
    /// The members are added to a copy of the cohort, which takes this
    /// one's place once every assessment is in; the statistics are those
    /// of [`Cohort::push_assessment`] called on each in order, bit for bit.
    /// The copy costs the cohort's memory once more while it runs.
    ///
    /// # Errors
    ///
    /// [`RunError::Invalid`] with every problem of every assessment that
    /// cannot be scored (that of [`Scorer::score`]), each path prefixed
    /// with `/<index of the assessment>`; [`RunError::Stopped`] when the
    /// observer returns `false`. Either way the cohort is unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::catalog::good_practice;
    /// use assessment_model::model::RunError;
    /// use assessment_model::{Cohort, Scorer};
    ///
    /// let scorer = Scorer::new(&good_practice::criteria())?;
    /// let batch = vec![good_practice::worked_example(); 1000];
    /// let mut cohort = Cohort::new(&scorer);
    /// cohort.extend_observed(&batch, &mut |_, _| true)?;
    /// assert_eq!(cohort.members(), 1000);
    ///
    /// // Stopped half way: the cohort is as it was.
    /// let err = cohort.extend_observed(&batch, &mut |done: u64, total: u64| 2 * done < total);
    /// assert!(matches!(err, Err(RunError::Stopped(_))));
    /// assert_eq!(cohort.members(), 1000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extend_observed(
        &mut self,
        assessments: &[Assessment],
        observer: &mut dyn Observer,
    ) -> Result<(), RunError> {
        let nodes = u64::try_from(self.levels.len()).unwrap_or(u64::MAX);
        let per_report = nodes.saturating_add(1).saturating_mul(REPORT_COST);
        let total = assessments.len() as u64;
        let mut meter = Meter::start(Watched(observer), total, per_report)?;
        let mut grown = self.clone();
        let mut issues = Vec::new();
        for (i, assessment) in assessments.iter().enumerate() {
            match self.scorer.score(assessment) {
                Ok(report) if issues.is_empty() => grown.push(&report)?,
                Ok(_) => {}
                Err(e) => issues.extend(e.under(&pointer("", i)).into_issues()),
            }
            meter.add(1)?;
        }
        if !issues.is_empty() {
            return Err(ValidationError::new(issues).into());
        }
        *self = grown;
        meter.finish();
        Ok(())
    }

    /// Adds one report.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with one issue: `framework-mismatch` at
    /// `/framework` when the report is of another framework or version;
    /// `invalid-report` at `/nodes` when it is of a framework with the same
    /// id and version but other content. The cohort is then unchanged. A
    /// report is checked when it is made ([`Scorer::score`]) or read back
    /// ([`Scorer::read_report`]), so pushing checks nothing else.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Cohort, Framework, RatingValue, Scorer, Subject};
    ///
    /// let tiny = r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [{ "id": "a", "title": "A", "scale": "tick" }]
    /// }"#;
    /// let v1: Framework = assessment_model::from_json_str(tiny)?;
    /// let v2: Framework = assessment_model::from_json_str(&tiny.replace("1.0.0", "2.0.0"))?;
    /// let mut a = Assessment::new(v2.exact_ref(), Subject::new("P"));
    /// a.rate("a", RatingValue::Met)?;
    /// let report = Scorer::new(&v2)?.score(&a)?;
    /// let err = Cohort::new(&Scorer::new(&v1)?).push(&report).unwrap_err();
    /// assert_eq!(err.issues()[0].code(), "framework-mismatch");
    /// assert_eq!(err.issues()[0].path, "/framework");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn push(&mut self, report: &Report) -> Result<(), ValidationError> {
        self.same_framework(report)
            .map_err(|issue| ValidationError::new(vec![issue]))?;
        let total = self.fill_entries(report);
        let entries = &self.entries;
        self.all.add(&total, entries);
        for (attribute, groups) in &mut self.groups {
            let value = report
                .subject()
                .attributes
                .get(attribute)
                .map_or(Cohort::UNSPECIFIED, String::as_str);
            match groups.get_mut(value) {
                Some(tally) => tally.add(&total, entries),
                None => {
                    let mut tally = Tally::new(&self.levels);
                    tally.add(&total, entries);
                    groups.insert(value.to_string(), tally);
                }
            }
        }
        Ok(())
    }

    /// Whether `report` is of this cohort's framework: the same compiled
    /// framework, or an equal one.
    fn same_framework(&self, report: &Report) -> Result<(), Issue> {
        let (ours, theirs) = (self.scorer.shared(), &report.compiled);
        if Arc::ptr_eq(ours, theirs) || ours.framework == theirs.framework {
            return Ok(());
        }
        Err(report
            .framework()
            .mismatch(&ours.framework, "/framework")
            .unwrap_or_else(|| {
                Issue::new(
                    "/nodes",
                    IssueKind::InvalidReport {
                        reason: "a report of another framework with the same id and version".into(),
                    },
                )
            }))
    }

    /// Turns `report` into one entry per node, in `self.entries`, and the
    /// total's entry: the numbers scoring measured, read as they are (the
    /// report was checked when it was made), and each binary or ordinal
    /// rating's position on its scale.
    fn fill_entries(&mut self, report: &Report) -> Entry {
        let c = self.scorer.compiled();
        self.entries.clear();
        for (i, node) in c.nodes.iter().enumerate().skip(1) {
            let outcome = report.outcome_at(i);
            let leaf = node.leaf.map(|l| l as usize);
            let rating = leaf.and_then(|l| report.ratings.get(l)?.as_ref());
            // `levels` lists each scale's ratings in scale order, so a
            // rating's position on its scale is its level (by id or by
            // value alike).
            let level = rating.and_then(|v| {
                let (_, scale) = c.scale_of_leaf(leaf?)?;
                scale.rating_position(v)
            });
            self.entries.push(Entry {
                score: outcome.score(),
                units: outcome.scale_mean().map(|m| m.value),
                risk: false,
                not_applicable: matches!(rating, Some(RatingValue::NotApplicable)),
                level,
            });
        }
        for &i in &report.risks {
            if let Some(entry) = (i as usize)
                .checked_sub(1)
                .and_then(|k| self.entries.get_mut(k))
            {
                entry.risk = true;
            }
        }
        let total = report.total();
        Entry {
            score: total.score(),
            units: total.scale_mean().map(|m| m.value),
            risk: !report.risks.is_empty(),
            not_applicable: false,
            level: None,
        }
    }

    /// Adds every member of `other`, as if its reports had been pushed into
    /// this cohort. Merging is associative and, up to the floating-point
    /// tolerance stated on [`Cohort`], commutative.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with one issue, its path into `other`'s
    /// [`CohortState`]: `framework-mismatch` at `/framework` when `other` is
    /// of another framework or version; `invalid-state` at `/all` when it is
    /// of the same id and version but other nodes; `grouping-mismatch` at
    /// `/groups` when the two do not group by the same attributes. This
    /// cohort is then unchanged.
    pub fn merge(&mut self, other: &Cohort) -> Result<(), ValidationError> {
        let (a, b) = (self.scorer.framework(), other.scorer.framework());
        let one = |issue: Issue| ValidationError::new(vec![issue]);
        if a.id != b.id || a.version != b.version {
            return Err(one(state_mismatch(&b.id, &b.version, a)));
        }
        if a != b {
            return Err(one(Issue::new("/all", IssueKind::InvalidState)));
        }
        let mine: Vec<&String> = self.groups.keys().collect();
        let theirs: Vec<&String> = other.groups.keys().collect();
        if mine != theirs {
            return Err(one(Issue::new(
                "/groups",
                IssueKind::GroupingMismatch {
                    expected: mine.into_iter().cloned().collect(),
                    found: theirs.into_iter().cloned().collect(),
                },
            )));
        }
        self.all.merge(&other.all);
        for (attribute, groups) in &other.groups {
            let Some(target) = self.groups.get_mut(attribute) else {
                continue;
            };
            for (value, tally) in groups {
                target
                    .entry(value.clone())
                    .or_insert_with(|| Tally::new(&self.levels))
                    .merge(tally);
            }
        }
        Ok(())
    }

    /// The statistics over every member.
    pub fn stats(&self) -> CohortStats {
        self.all.stats(&self.scorer.compiled().ids, &self.levels)
    }

    /// The statistics per value of `attribute`, by value in ascending order
    /// with [`Cohort::UNSPECIFIED`] last; `None` when the cohort was not
    /// declared [`with_grouping`](Cohort::with_grouping) by that attribute.
    pub fn stats_by(&self, attribute: &str) -> Option<IndexMap<String, CohortStats>> {
        let groups = self.groups.get(attribute)?;
        let mut keys: Vec<&String> = groups.keys().collect();
        keys.sort_by_key(|k| (k.as_str() == Cohort::UNSPECIFIED, k.as_str()));
        Some(
            keys.into_iter()
                .filter_map(|k| {
                    let tally = groups.get(k)?;
                    Some((
                        k.clone(),
                        tally.stats(&self.scorer.compiled().ids, &self.levels),
                    ))
                })
                .collect(),
        )
    }

    /// The `k` criteria (groups and leaves) with the lowest mean score
    /// across the cohort, lowest first (ties in definition order), each
    /// with how many members have it as a risk: IMPART's common findings.
    /// Criteria that no member has a score for are left out.
    pub fn weakest(&self, k: usize) -> Vec<Weakness> {
        let stats = self.stats();
        let mut all: Vec<Weakness> = stats
            .nodes
            .into_iter()
            .filter_map(|(criterion, s)| {
                Some(Weakness {
                    criterion,
                    mean: s.mean?,
                    risks: s.risks,
                })
            })
            .collect();
        // Stable: ties keep definition order.
        all.sort_by(|a, b| a.mean.total_cmp(&b.mean));
        all.truncate(k);
        all
    }

    /// The criteria that are a risk for at least `min_share` of the members
    /// (and for at least one), in definition order.
    ///
    /// # Errors
    ///
    /// [`ValidationError`] with `threshold-out-of-range` at `/min_share`
    /// (the argument's name) when `min_share` is not in [0, 1].
    pub fn common_risks(&self, min_share: f64) -> Result<Vec<CommonRisk>, ValidationError> {
        share_in_range(min_share)?;
        Ok(self
            .stats()
            .nodes
            .into_iter()
            .filter_map(|(criterion, s)| {
                let share = s.risk_share?;
                (s.risks > 0 && share >= min_share).then_some(CommonRisk {
                    criterion,
                    members: s.risks,
                    share,
                })
            })
            .collect())
    }

    /// The scorer the cohort was built for.
    pub fn scorer(&self) -> &Scorer {
        &self.scorer
    }
}

/// The `framework-mismatch` issue at `/framework` of a report or a cohort
/// state of framework `id` at exactly `version`, for the cohort of
/// `framework`.
fn state_mismatch(id: &Id, version: &semver::Version, framework: &Framework) -> Issue {
    framework_mismatch("/framework", format!("{id} ={version}"), framework)
}

/// `threshold-out-of-range` at `/min_share` unless `min_share` is in
/// [0, 1].
fn share_in_range(min_share: f64) -> Result<(), ValidationError> {
    if (0.0..=1.0).contains(&min_share) {
        Ok(())
    } else {
        Err(ValidationError::new(vec![Issue::new(
            "/min_share",
            IssueKind::ThresholdOutOfRange {
                value: min_share.to_string(),
            },
        )]))
    }
}
