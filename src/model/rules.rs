//! The scoring rules a framework carries in its file: aggregation method,
//! missing-rating policy, coverage threshold, bands and finding thresholds
//! ([SPEC](crate::spec) §3.5; rules §5.3 to §5.8).

use serde::{Deserialize, Serialize};

use crate::model::id::Id;

/// The default scoring rules of a framework.
///
/// Every field has a default, so `rules` may be left out of a framework
/// document: weighted mean, missing ratings excluded, no coverage threshold,
/// no bands, no risk or strength thresholds, no band cap.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
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
#[non_exhaustive]
pub struct Band {
    /// The band's id, unique among the bands.
    pub id: Id,
    /// The label shown to people (e.g. "strong").
    pub label: String,
    /// The lowest score in the band, in [0, 1].
    pub from: f64,
}

impl Band {
    /// The band `id` labelled `label`, from the score `from` up.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Band, ScoringRules};
    ///
    /// let mut rules = ScoringRules::default();
    /// rules.bands = vec![
    ///     Band::new("weak".parse()?, "weak", 0.0),
    ///     Band::new("strong".parse()?, "strong", 0.75),
    /// ];
    /// assert_eq!(rules.bands[1].from, 0.75);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: Id, label: impl Into<String>, from: f64) -> Band {
        Band {
            id,
            label: label.into(),
            from,
        }
    }
}

/// How a group's score is computed from its included children's scores
/// `sᵢ` with weights `wᵢ ≥ 0` (SPEC.md §5.5); set per
/// framework (`rules.aggregation`) and overridden per criterion.
///
/// A child is included when it is applicable (rule 2), scored (rule 4),
/// has a score (rules 3 and 6) and has a weight above 0; a child of weight
/// 0 is reported but does not count. When nothing is included the group
/// has no score (`None`), never 0 and never 1 (rule 4).
///
/// The XCCDF 1.2 scoring models (NISTIR 7275r4; OpenSCAP follows its
/// tables 40 and 41) are computed as OpenSCAP computes them, on [0, 1]
/// instead of [0, 100], except where nothing counts (see
/// [`Scorer`](crate::Scorer), *Where this differs from OpenSCAP*).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Aggregation {
    /// `Σ wᵢsᵢ / Σ wᵢ` over the included children, group by group: the
    /// XCCDF 1.2 *default* model, the weighted arithmetic mean of the
    /// composite-indicator literature (full compensability). The default.
    #[default]
    WeightedMean,
    /// `Σ wⱼsⱼ / Σ wⱼ` over the descendant leaves `j` with a score, leaf
    /// weights only: the weights and aggregations of the groups between
    /// are ignored (XCCDF *flat*: score / maximum). A leaf counts unless it,
    /// or a group between, is unscored or cut out by `min_coverage`.
    Flat,
    /// `Σ sⱼ / n` over the `n` descendant leaves with a score and a weight
    /// that is not 0, each taken as weight 1 (XCCDF *flat-unweighted*); a
    /// leaf of weight 0 does not count, as NISTIR 7275r4 §7.3.2.4 says
    /// ("items with weights of 0 remain 0"; OpenSCAP's code counts it as
    /// 1); leaves are left out as for `Flat`.
    FlatUnweighted,
    /// `Π sᵢ^(wᵢ/Σw)`, computed as `exp(Σ wᵢ ln sᵢ / Σw)`, and 0 when any
    /// included `sᵢ` is 0: the weighted geometric mean of the
    /// composite-indicator literature (OECD/JRC *Handbook on Constructing
    /// Composite Indicators*, 2008: low compensability; a zero stays zero).
    GeometricMean,
    /// `Σw / Σ(wᵢ/sᵢ)`, and 0 when any included `sᵢ` is 0: the weighted
    /// harmonic mean (lower still than the geometric mean for unequal
    /// scores).
    HarmonicMean,
    /// `min sᵢ` over the included children: the weakest link (a weight-0
    /// child is ignored like any excluded child; other weights do not
    /// matter).
    Minimum,
    /// 1 when every included child scores 1, else 0 (XCCDF *absolute*:
    /// full marks or none).
    All,
}

impl Aggregation {
    /// Every aggregation method, in declaration order (e.g. to offer them in
    /// a form, or to test a property under each).
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::Aggregation;
    ///
    /// assert_eq!(Aggregation::ALL.len(), 7);
    /// assert_eq!(Aggregation::ALL[0], Aggregation::default());
    /// ```
    pub const ALL: [Aggregation; 7] = [
        Aggregation::WeightedMean,
        Aggregation::Flat,
        Aggregation::FlatUnweighted,
        Aggregation::GeometricMean,
        Aggregation::HarmonicMean,
        Aggregation::Minimum,
        Aggregation::All,
    ];

    /// Whether this is a flat aggregation (rule 5): over the leaves below
    /// rather than the children's scores.
    pub(crate) fn is_flat(self) -> bool {
        matches!(self, Aggregation::Flat | Aggregation::FlatUnweighted)
    }
}

/// What a leaf without a rating counts as (SPEC.md §5.3).
///
/// Under every policy a missing rating lowers coverage (rule 6), and an
/// assessment that rates no applicable leaf is qualitative (rule 12): it is
/// reported without scores, whatever the policy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MissingPolicy {
    /// Left out of aggregates; it lowers coverage (the default).
    #[default]
    Exclude,
    /// Counts as 0 (and still lowers coverage).
    Zero,
    /// Scoring fails and lists every missing leaf (`missing-rating`).
    Error,
}

#[cfg(test)]
mod tests {
    use super::Aggregation;

    /// A new variant fails to compile here until it is added to `ALL`.
    #[test]
    fn all_lists_every_aggregation_once() {
        let position = |a: Aggregation| match a {
            Aggregation::WeightedMean => 0,
            Aggregation::Flat => 1,
            Aggregation::FlatUnweighted => 2,
            Aggregation::GeometricMean => 3,
            Aggregation::HarmonicMean => 4,
            Aggregation::Minimum => 5,
            Aggregation::All => 6,
        };
        for (i, a) in Aggregation::ALL.iter().enumerate() {
            assert_eq!(position(*a), i);
        }
    }
}
