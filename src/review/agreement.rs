//! How far a review's peers agree: per leaf, and per scale as
//! Krippendorff's alpha.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::model::id::Id;
use crate::model::scale::{RatingValue, Scale};
use crate::review::krippendorff::{MeasurementLevel, krippendorff_alpha};

/// How far the peers of a review agree (part of [`crate::review::Consolidated`]).
///
/// Conventions: a peer who left a leaf unrated takes no part in that leaf;
/// not applicable is a rating like any other for [`LeafAgreement::all_agree`]
/// but has no score, so it is left out of the spread and of alpha (where it
/// counts as a missing value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Agreement {
    /// Per leaf of the framework, in definition order.
    #[serde(deserialize_with = "crate::model::form::unique_keys::unique_keys")]
    pub leaves: IndexMap<Id, LeafAgreement>,
    /// The share, in [0, 1], of the leaves rated by at least two peers on
    /// which every rating peer gave the same rating; `None` when no leaf was
    /// rated by two peers.
    pub full_agreement: Option<f64>,
    /// Krippendorff's alpha per scale in use (some peer gave a value other
    /// than not applicable on one of its leaves), in the framework's scale
    /// order: units are the leaves on the scale, coders the peers.
    pub scales: Vec<ScaleAgreement>,
}

impl Agreement {
    /// The alpha of the one scale in use; `None` when several scales are
    /// in use (see [`Agreement::scales`]), none is, or alpha is undefined.
    pub fn alpha(&self) -> Option<f64> {
        match self.scales.as_slice() {
            [only] => only.alpha,
            _ => None,
        }
    }
}

/// How far the peers agree on one leaf.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LeafAgreement {
    /// How many peers rated the leaf (not applicable included).
    pub rated_by: usize,
    /// How many of them rated it not applicable.
    pub not_applicable: usize,
    /// The largest normalised score given minus the smallest, in [0, 1];
    /// `None` when no peer gave a score (0 when one peer did).
    pub spread: Option<f64>,
    /// Whether every peer who rated the leaf gave the same rating (true
    /// when fewer than two did).
    pub all_agree: bool,
}

/// Krippendorff's alpha over the leaves rated on one scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ScaleAgreement {
    /// The scale's id.
    pub scale: Id,
    /// The level of measurement: nominal for binary scales, ordinal for
    /// ordinal scales, interval for numeric scales.
    pub level: MeasurementLevel,
    /// How many leaves use the scale.
    pub leaves: usize,
    /// How many scores sit in leaves scored by at least two peers (the
    /// pairable values alpha is computed from).
    pub pairable_values: usize,
    /// Alpha; `None` when undefined: no leaf scored by two peers, or every
    /// pairable score the same (no variation).
    pub alpha: Option<f64>,
}

/// The level of measurement of a scale (SPEC §7.4: nominal for binary,
/// ordinal for ordinal, interval for numeric).
pub(crate) fn level_of(scale: &Scale) -> MeasurementLevel {
    match scale {
        Scale::Binary { .. } => MeasurementLevel::Nominal,
        Scale::Ordinal { .. } => MeasurementLevel::Ordinal,
        Scale::Numeric { .. } => MeasurementLevel::Interval,
    }
}

/// The value alpha codes a rating on `scale` as: met 1 and not met 0, the
/// level's value (whether the rating names it by value or by id), the
/// number; `None` for not applicable or a level the scale lacks.
pub(crate) fn coded(scale: &Scale, value: &RatingValue) -> Option<f64> {
    match value {
        RatingValue::Met => Some(1.0),
        RatingValue::NotMet => Some(0.0),
        RatingValue::Level(r) => scale.level(r).map(|l| f64::from(l.value)),
        RatingValue::Number(x) => Some(*x),
        RatingValue::NotApplicable => None,
    }
}

/// The agreement on one leaf on `scale` from the ratings its peers gave
/// (unrated peers are not in `ratings`), with each rating's normalised
/// score. A level given by id and the same level given by value agree.
pub(crate) fn leaf_agreement(
    scale: &Scale,
    ratings: &[(&RatingValue, Option<f64>)],
) -> LeafAgreement {
    let not_applicable = ratings
        .iter()
        .filter(|(v, _)| matches!(v, RatingValue::NotApplicable))
        .count();
    let scores = ratings.iter().filter_map(|(_, s)| *s);
    let spread = scores
        .clone()
        .fold(None, |acc: Option<(f64, f64)>, s| match acc {
            None => Some((s, s)),
            Some((lo, hi)) => Some((lo.min(s), hi.max(s))),
        })
        .map(|(lo, hi)| hi - lo);
    let all_agree = ratings
        .split_first()
        .is_none_or(|(first, rest)| rest.iter().all(|(v, _)| scale.same_rating(v, first.0)));
    LeafAgreement {
        rated_by: ratings.len(),
        not_applicable,
        spread,
        all_agree,
    }
}

/// The share of leaves rated by two or more peers in full agreement.
pub(crate) fn full_agreement<'a>(leaves: impl Iterator<Item = &'a LeafAgreement>) -> Option<f64> {
    let (pairable, agreeing) =
        leaves
            .filter(|l| l.rated_by >= 2)
            .fold((0u32, 0u32), |(p, a), l| {
                (
                    p.saturating_add(1),
                    a.saturating_add(u32::from(l.all_agree)),
                )
            });
    (pairable > 0).then(|| f64::from(agreeing) / f64::from(pairable))
}

/// Alpha over `units` (each the coded values of the peers, `None` where a
/// peer gave none or said not applicable).
pub(crate) fn scale_agreement(
    scale_id: &Id,
    scale: &Scale,
    units: &[Vec<Option<f64>>],
) -> ScaleAgreement {
    let level = level_of(scale);
    let pairable_values = units
        .iter()
        .map(|u| u.iter().flatten().count())
        .filter(|m| *m >= 2)
        .sum();
    ScaleAgreement {
        scale: scale_id.clone(),
        level,
        leaves: units.len(),
        pairable_values,
        alpha: krippendorff_alpha(units, level),
    }
}
