//! What [`Mapping::translate`](crate::Mapping::translate) gives: the
//! [`Translation`] with its records of what was and was not carried, and
//! how the texts of several sources are joined. Below both `translation`
//! and `narratives`, which fill it in.

use std::fmt;

use serde::Serialize;

use super::Relation;
use crate::model::assessment::Assessment;
use crate::model::id::Id;
use crate::model::scale::RatingValue;

/// The result of [`Mapping::translate`](crate::Mapping::translate): the new assessment and an account
/// of everything that was or was not carried.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
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
    /// Source narratives (of leaves or groups) that could not be placed on
    /// a target, in the assessment's order, with why.
    pub narratives_not_carried: Vec<NotCarried>,
    /// Declared findings about a criterion (a leaf or a group) that could
    /// not be placed on a target, in the assessment's order, with why.
    pub findings_not_carried: Vec<FindingNotCarried>,
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
#[non_exhaustive]
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

/// A source rating or narrative that was not carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NotCarried {
    /// The source criterion: the leaf rated, or the leaf or group the
    /// narrative is about.
    pub from: Id,
    /// Why it was not carried.
    pub reason: NotCarriedReason,
}

/// A declared finding about a criterion that was not carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingNotCarried {
    /// Its index in the source assessment's `findings`.
    pub index: usize,
    /// The source criterion (a leaf or a group) it is about.
    pub about: Id,
    /// Why it was not carried.
    pub reason: NotCarriedReason,
}

/// Why a source rating, narrative or declared finding was not carried.
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
    /// A group's narrative or finding: no entry uses any leaf of the group.
    NoLeafMapped,
    /// A group's narrative or finding: its leaves are mapped to target
    /// leaves under more than one top-level criterion, so no target
    /// criterion contains them all.
    NoCommonCriterion {
        /// The target leaves its leaves are mapped to, in the target's
        /// definition order.
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
            NotCarriedReason::NoLeafMapped => f.write_str("no entry maps a leaf of the group"),
            NotCarriedReason::NoCommonCriterion { to } => {
                let to: Vec<&str> = to.iter().map(Id::as_str).collect();
                write!(
                    f,
                    "the group's leaves are mapped to {}, which no one target criterion contains",
                    to.join(", ")
                )
            }
        }
    }
}

/// A target leaf left without a rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Unrated {
    /// The target leaf.
    pub id: Id,
    /// Why: no entry (with the mapping's rationale when it gives one), or
    /// no source of its entry is rated.
    pub reason: String,
}

/// Joins texts from sources: a single text verbatim when `verbatim`,
/// otherwise each as `id: text`, one per line; `None` when there are none.
pub(super) fn join(texts: &[(&Id, &str)], verbatim: bool) -> Option<String> {
    match texts {
        [] => None,
        [(_, t)] if verbatim => Some((*t).to_string()),
        many => Some(
            many.iter()
                .map(|(id, t)| format!("{id}: {t}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    }
}
