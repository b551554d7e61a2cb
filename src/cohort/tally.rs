//! [`Tally`]: the accumulators of one set of members (the whole cohort or
//! one group), and the statistics it gives ([`CohortStats`], [`NodeStats`]).

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::accumulator::{Accumulator, Moments};
use crate::model::id::Id;
use crate::model::scale::RatingValue;

/// What one member contributes to one node, checked before anything is
/// added (so a bad report changes nothing).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Entry {
    pub(crate) score: Option<f64>,
    pub(crate) units: Option<f64>,
    pub(crate) risk: bool,
    pub(crate) not_applicable: bool,
    /// Index into the leaf's levels, for binary and ordinal leaves.
    pub(crate) level: Option<usize>,
}

/// The accumulators of one node.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct NodeTally {
    scores: Accumulator,
    units: Moments,
    risks: u64,
    not_applicable: u64,
    /// Count per level of the leaf's scale (empty for groups and numeric
    /// leaves).
    levels: Vec<u64>,
}

impl NodeTally {
    /// Whether the counts fit `members` members and `levels` levels.
    fn is_consistent(&self, members: u64, levels: usize) -> bool {
        let level_sum = self.levels.iter().try_fold(0u64, |a, b| a.checked_add(*b));
        self.levels.len() == levels
            && level_sum.is_some_and(|n| n <= members)
            && self.scores.count() <= members
            && self.units.count() <= members
            && self.units.is_consistent()
            && self.risks <= members
            && self.not_applicable <= members
    }

    fn with_levels(levels: usize) -> NodeTally {
        NodeTally {
            levels: vec![0; levels],
            ..NodeTally::default()
        }
    }

    fn add(&mut self, e: &Entry) {
        if let Some(s) = e.score {
            self.scores.push(s);
        }
        if let Some(u) = e.units {
            self.units.push(u);
        }
        self.risks = self.risks.saturating_add(u64::from(e.risk));
        self.not_applicable = self
            .not_applicable
            .saturating_add(u64::from(e.not_applicable));
        if let Some(slot) = e.level.and_then(|i| self.levels.get_mut(i)) {
            *slot = slot.saturating_add(1);
        }
    }

    fn merge(&mut self, other: &NodeTally) {
        self.scores.merge(&other.scores);
        self.units.merge(&other.units);
        self.risks = self.risks.saturating_add(other.risks);
        self.not_applicable = self.not_applicable.saturating_add(other.not_applicable);
        for (a, b) in self.levels.iter_mut().zip(&other.levels) {
            *a = a.saturating_add(*b);
        }
    }

    fn stats(&self, members: u64, levels: &[RatingValue]) -> NodeStats {
        let s = self.scores.summary();
        #[allow(clippy::cast_precision_loss)]
        let risk_share = (members > 0).then(|| self.risks as f64 / members as f64);
        NodeStats {
            scored: s.count,
            mean: s.mean,
            median: s.median,
            min: s.min,
            max: s.max,
            std_dev: s.std_dev,
            mean_in_units: self.units.mean(),
            risks: self.risks,
            risk_share,
            not_applicable: self.not_applicable,
            distribution: levels
                .iter()
                .zip(&self.levels)
                .map(|(value, count)| LevelCount {
                    value: value.clone(),
                    count: *count,
                })
                .collect(),
        }
    }
}

/// The accumulators of one set of members: the total and every node.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Tally {
    members: u64,
    total: NodeTally,
    nodes: Vec<NodeTally>,
}

impl Tally {
    /// An empty tally for nodes whose leaves have `levels` levels each.
    pub(crate) fn new(levels: &[Vec<RatingValue>]) -> Tally {
        Tally {
            members: 0,
            total: NodeTally::default(),
            nodes: levels
                .iter()
                .map(|l| NodeTally::with_levels(l.len()))
                .collect(),
        }
    }

    /// Whether the tally fits a framework whose nodes have `levels` levels
    /// each: one node tally per node, every count at most `members`.
    pub(crate) fn is_consistent(&self, levels: &[Vec<RatingValue>]) -> bool {
        self.nodes.len() == levels.len()
            && self.total.is_consistent(self.members, 0)
            && self
                .nodes
                .iter()
                .zip(levels)
                .all(|(n, l)| n.is_consistent(self.members, l.len()))
    }

    pub(crate) fn members(&self) -> u64 {
        self.members
    }

    pub(crate) fn add(&mut self, total: &Entry, nodes: &[Entry]) {
        self.members = self.members.saturating_add(1);
        self.total.add(total);
        for (tally, entry) in self.nodes.iter_mut().zip(nodes) {
            tally.add(entry);
        }
    }

    pub(crate) fn merge(&mut self, other: &Tally) {
        self.members = self.members.saturating_add(other.members);
        self.total.merge(&other.total);
        for (a, b) in self.nodes.iter_mut().zip(&other.nodes) {
            a.merge(b);
        }
    }

    pub(crate) fn stats(&self, ids: &[Id], levels: &[Vec<RatingValue>]) -> CohortStats {
        CohortStats {
            members: self.members,
            total: self.total.stats(self.members, &[]),
            nodes: ids
                .iter()
                .zip(&self.nodes)
                .zip(levels)
                .map(|((id, tally), levels)| (id.clone(), tally.stats(self.members, levels)))
                .collect(),
        }
    }
}

/// Statistics over a cohort's members (or one group of them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CohortStats {
    /// How many members (reports) were added.
    pub members: u64,
    /// The framework's total. Its `risks` counts the members with at least
    /// one risk.
    pub total: NodeStats,
    /// Every criterion, in definition (pre-)order.
    #[serde(deserialize_with = "crate::model::form::unique_keys::unique_keys")]
    pub nodes: IndexMap<Id, NodeStats>,
}

/// Statistics of one node over a cohort's members. Scores are normalised,
/// in [0, 1].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct NodeStats {
    /// How many members have a score for the node.
    pub scored: u64,
    /// The mean score; `None` when no member has one.
    pub mean: Option<f64>,
    /// The median score (the mean of the two middle scores when `scored` is
    /// even); `None` when no member has one.
    pub median: Option<f64>,
    /// The lowest score.
    pub min: Option<f64>,
    /// The highest score.
    pub max: Option<f64>,
    /// The sample standard deviation of the scores (divisor `scored − 1`);
    /// `None` below two scores.
    pub std_dev: Option<f64>,
    /// The mean, over the members whose report gives one, of the node's
    /// mean in scale units ([SPEC](crate::spec) §5.11: e.g. average importance on
    /// 1-3); `None` where the node has no single ordinal or numeric scale.
    pub mean_in_units: Option<f64>,
    /// How many members have the node as a risk.
    pub risks: u64,
    /// `risks / members`; `None` for an empty cohort.
    pub risk_share: Option<f64>,
    /// How many members rated the leaf not applicable (0 for groups).
    pub not_applicable: u64,
    /// For a leaf on a binary or ordinal scale: how many members gave each
    /// level, in the scale's order (binary: not met, then met); empty
    /// otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distribution: Vec<LevelCount>,
}

/// How many members rated a leaf at one level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LevelCount {
    /// The level.
    pub value: RatingValue,
    /// How many members gave it.
    pub count: u64,
}
