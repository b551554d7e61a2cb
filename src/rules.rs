//! The scoring rules a framework carries in its file: aggregation method,
//! missing-rating policy, coverage threshold, bands and finding thresholds
//! (design, *Scoring rules* 3 to 8).

use serde::{Deserialize, Serialize};

use crate::Id;

/// The default scoring rules of a framework.
///
/// Every field has a default, so `rules` may be left out of a framework
/// document: weighted mean, missing ratings excluded, no coverage threshold,
/// no bands, no risk or strength thresholds, no band cap.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoringRules {
    /// How groups aggregate their children, unless a criterion overrides it.
    #[serde(default, skip_serializing_if = "is_default")]
    pub aggregation: Aggregation,
    /// What a leaf without a rating counts as.
    #[serde(default, skip_serializing_if = "is_default")]
    pub missing: MissingPolicy,
    /// The least coverage (rated applicable leaves / applicable leaves, in
    /// [0, 1]) a node needs to get a score; below it the score is `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_coverage: Option<f64>,
    /// Labels for score ranges, by ascending lower threshold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
    /// A `critical` criterion scoring below this (in [0, 1]) is a risk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_below: Option<f64>,
    /// Any criterion scoring at or above this (in [0, 1]) is a strength.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength_at: Option<f64>,
    /// When set, a critical risk caps the total's band at this band (by id);
    /// the score itself is never altered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub critical_caps_band: Option<Id>,
}

fn is_default<T: Default + PartialEq>(t: &T) -> bool {
    *t == T::default()
}

/// A label for the scores from `from` (inclusive) up to the next band's
/// `from` (exclusive), or up to 1 for the last band.
///
/// Bands are listed by strictly ascending `from`, each in [0, 1]. A score
/// below the first band's `from` has no band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The band's id, unique among the bands.
    pub id: Id,
    /// The label shown to people (e.g. "strong").
    pub label: String,
    /// The lowest score in the band, in [0, 1].
    pub from: f64,
}

/// How a group's score is computed from its included children's scores
/// `sᵢ` with weights `wᵢ ≥ 0` (design, *Scoring rules* 5).
///
/// Children that are not applicable, unscored, without a score, or of
/// weight 0 are not included; when nothing is included the group has no
/// score (`None`), never 0 and never 1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// `Σ wᵢsᵢ / Σ wᵢ`: the XCCDF 1.2 *default* model (the default here).
    #[default]
    WeightedMean,
    /// `Σ wⱼsⱼ / Σ wⱼ` over every included descendant leaf `j`, with leaf
    /// weights only, ignoring the group structure: XCCDF *flat*.
    Flat,
    /// `Σ sⱼ / n` over the `n` included descendant leaves, every weight 1:
    /// XCCDF *flat-unweighted*.
    FlatUnweighted,
    /// `Π sᵢ^(wᵢ/Σw)`: the weighted geometric mean (low compensability; a
    /// zero stays zero).
    GeometricMean,
    /// `Σw / Σ(wᵢ/sᵢ)`, and 0 when any included `sᵢ` is 0: the weighted
    /// harmonic mean.
    HarmonicMean,
    /// The weakest included child.
    Minimum,
    /// 1 when every included child scores 1, else 0: XCCDF *absolute*.
    All,
}

/// What a leaf without a rating counts as (design, *Scoring rules* 3).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MissingPolicy {
    /// Left out of aggregates; it lowers coverage (the default).
    #[default]
    Exclude,
    /// Counts as 0.
    Zero,
    /// Scoring fails and lists every missing leaf.
    Error,
}
