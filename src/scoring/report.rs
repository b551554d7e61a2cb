//! [`Report`]: the result of scoring one assessment — a score per node,
//! coverage, counts, bands, findings and facet views ([SPEC](crate::spec)
//! §3.10; rules §5.1 to §5.13).

use serde::{Deserialize, Serialize};

use crate::{DeclaredFinding, FrameworkRef, Id, RatingValue, Subject};

/// The result of scoring one assessment against one framework.
///
/// Made by [`crate::Scorer::score`]. Nodes are listed in definition
/// (pre-)order, so the same inputs give the same report, bit for bit
/// (rule 13). Scores are in [0, 1]; [`Report`]'s `Display` shows them ×100.
///
/// # Examples
///
/// ```
/// use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject};
///
/// let framework: Framework = serde_json::from_str(r#"{
///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
///     "scales": { "tick": { "type": "binary" } },
///     "criteria": [
///         { "id": "a", "title": "First", "scale": "tick" },
///         { "id": "b", "title": "Second", "scale": "tick", "weight": 3.0 }
///     ]
/// }"#)?;
/// let scorer = Scorer::new(&framework)?;
/// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
/// assessment.rate("a", RatingValue::NotMet)?;
/// assessment.rate("b", RatingValue::Met)?;
/// let report = scorer.score(&assessment)?;
/// assert_eq!(report.total().score(), Some(0.75));
/// assert_eq!(report.node("b").and_then(|n| n.score()), Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// The JSON Schema the document names (`"$schema"`), for editors.
    /// Any string is accepted: it is kept on a round trip and otherwise
    /// ignored (not checked, not scored). The committed schemas' ids are
    /// `urn:assessment-model:schema:<kind>:1`.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub(crate) schema: Option<String>,
    pub(crate) framework: FrameworkRef,
    pub(crate) subject: Subject,
    /// True when the assessment rates no applicable leaf (rule 12).
    #[serde(default, skip_serializing_if = "is_false")]
    pub(crate) qualitative: bool,
    pub(crate) total: Outcome,
    /// The total's band after `critical_caps_band` (rule 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) band: Option<Id>,
    /// Whether a critical risk lowered the total's band.
    #[serde(default, skip_serializing_if = "is_false")]
    pub(crate) band_capped: bool,
    /// True when the total has a score but its coverage is below the
    /// framework's `min_coverage`, or 0.5 where it sets none: the total
    /// rests on little evidence ([`Report::low_coverage`]).
    #[serde(default, skip_serializing_if = "is_false")]
    pub(crate) low_coverage: bool,
    pub(crate) nodes: Vec<NodeScore>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) risks: Vec<Finding>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) strengths: Vec<Finding>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) findings: Vec<DeclaredFinding>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) facets: Vec<FacetScore>,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

impl Report {
    /// The `"$schema"` the report document names, when it was read from one
    /// that names it; a report made by [`crate::Scorer::score`] names none.
    pub fn schema(&self) -> Option<&str> {
        self.schema.as_deref()
    }

    /// The coverage below which a total that has a score is flagged as
    /// resting on little evidence ([`Report::low_coverage`]), when the
    /// framework sets no `min_coverage`: 0.5, half the applicable leaves.
    ///
    /// Why a half: below it, the unrated leaves outnumber the rated ones.
    /// Under a weighted mean of equally weighted leaves at coverage `c`,
    /// rating the missing leaves could put the completed total anywhere in
    /// an interval of width `1 − c` (rule 15's bounds), so below a half
    /// what is not known weighs more than what is.
    pub const LOW_COVERAGE: f64 = 0.5;

    /// Whether the total has a score but its coverage is below the
    /// threshold: the framework's `min_coverage` where it sets one,
    /// otherwise [`Report::LOW_COVERAGE`]. The score is as the rules give
    /// it (nothing is changed); the flag says that it rests on little
    /// evidence, and [`Report`]'s `Display` says so in words. Serialised as
    /// `"low_coverage": true`, omitted when false.
    ///
    /// A framework with `min_coverage` already withholds a total below it
    /// (rule 6: no score, [`NoScore::InsufficientCoverage`]), so its
    /// reports are never flagged: its authors have said how much evidence
    /// is enough. A total without a score (qualitative, insufficient
    /// coverage, nothing applicable) is not flagged either.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::{Assessment, Framework, RatingValue, Scorer, Subject};
    ///
    /// let framework: Framework = serde_json::from_str(r#"{
    ///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
    ///     "scales": { "tick": { "type": "binary" } },
    ///     "criteria": [
    ///         { "id": "a", "title": "A", "scale": "tick" },
    ///         { "id": "b", "title": "B", "scale": "tick" },
    ///         { "id": "c", "title": "C", "scale": "tick" }
    ///     ]
    /// }"#)?;
    /// let scorer = Scorer::new(&framework)?;
    /// let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("P"));
    /// assessment.rate("a", RatingValue::Met)?;
    /// // One of three leaves rated: a total of 1, on a third of the evidence.
    /// let report = scorer.score(&assessment)?;
    /// assert_eq!(report.total().score(), Some(1.0));
    /// assert!(report.low_coverage());
    /// assessment.rate("b", RatingValue::NotMet)?;
    /// assert!(!scorer.score(&assessment)?.low_coverage());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn low_coverage(&self) -> bool {
        self.low_coverage
    }

    /// The framework scored against: its id and exact version.
    pub fn framework(&self) -> &FrameworkRef {
        &self.framework
    }

    /// What was assessed.
    pub fn subject(&self) -> &Subject {
        &self.subject
    }

    /// Whether the assessment was qualitative: it rates no applicable leaf
    /// (it carries narratives, findings, perhaps "not applicable" marks).
    /// Then no node has a score, whatever the missing policy, and the report
    /// lists findings and coverage (rule 12).
    pub fn is_qualitative(&self) -> bool {
        self.qualitative
    }

    /// The outcome for the whole framework: the aggregate of the top-level
    /// criteria with the framework's default aggregation.
    pub fn total(&self) -> &Outcome {
        &self.total
    }

    /// The total's band, after a critical risk has capped it when the
    /// framework sets `critical_caps_band` (rule 8). The uncapped band is
    /// `total().band()`.
    pub fn band(&self) -> Option<&Id> {
        self.band.as_ref()
    }

    /// Whether a critical risk lowered the total's band (rule 8).
    pub fn band_capped(&self) -> bool {
        self.band_capped
    }

    /// The node of criterion `id` (a `&str` or an `&Id`), if the framework
    /// has it. A linear search; to visit every node, iterate
    /// [`Report::nodes`].
    pub fn node(&self, id: impl AsRef<str>) -> Option<&NodeScore> {
        let id = id.as_ref();
        self.nodes.iter().find(|n| n.id == id)
    }

    /// Every criterion's node, in definition (pre-)order.
    pub fn nodes(&self) -> &[NodeScore] {
        &self.nodes
    }

    /// The computed risks: critical criteria scoring below `risk_below`,
    /// in definition order (rule 8).
    pub fn risks(&self) -> &[Finding] {
        &self.risks
    }

    /// The computed strengths: criteria scoring at or above `strength_at`,
    /// in definition order (rule 8).
    pub fn strengths(&self) -> &[Finding] {
        &self.strengths
    }

    /// The findings the assessor declared, carried through as given.
    pub fn findings(&self) -> &[DeclaredFinding] {
        &self.findings
    }

    /// The score of facet value `value` of facet `facet` (rule 9).
    pub fn facet(&self, facet: impl AsRef<str>, value: impl AsRef<str>) -> Option<&FacetScore> {
        let (facet, value) = (facet.as_ref(), value.as_ref());
        self.facets
            .iter()
            .find(|f| f.facet == facet && f.value == value)
    }

    /// Every facet value's score: facets in definition order, then values
    /// in definition order (rule 9).
    pub fn facets(&self) -> &[FacetScore] {
        &self.facets
    }
}

/// The outcome of scoring one node (a criterion, or the whole framework):
/// its score or why it has none, coverage, counts, band and the mean in
/// scale units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Outcome {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) score: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) no_score: Option<NoScore>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) coverage: Option<f64>,
    pub(crate) counts: Counts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) band: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) scale_mean: Option<ScaleMean>,
}

impl Outcome {
    /// The normalised score in [0, 1], or `None` (see [`Outcome::no_score`]
    /// for why).
    pub fn score(&self) -> Option<f64> {
        self.score
    }

    /// Why there is no score, when there is none.
    pub fn no_score(&self) -> Option<NoScore> {
        self.no_score
    }

    /// Rated applicable leaves / applicable leaves below the node (rule 6);
    /// `None` when no leaf below it is applicable. Missing ratings lower
    /// coverage under every [`crate::MissingPolicy`].
    pub fn coverage(&self) -> Option<f64> {
        self.coverage
    }

    /// How many leaves below the node are rated, not applicable, missing.
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// The band the score falls in (rule 7), by id.
    pub fn band(&self) -> Option<&Id> {
        self.band.as_ref()
    }

    /// The mean in the units of the one ordinal or numeric scale that every
    /// leaf below the node is rated on (rule 11).
    pub fn scale_mean(&self) -> Option<&ScaleMean> {
        self.scale_mean.as_ref()
    }
}

/// Leaf counts below a node (a leaf counts itself).
///
/// `leaves = rated + missing + not_applicable`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Counts {
    /// Every leaf.
    pub leaves: usize,
    /// Applicable leaves with a rating.
    pub rated: usize,
    /// Leaves that are not applicable (rated so, or marked so by the
    /// framework).
    pub not_applicable: usize,
    /// Applicable leaves without a rating.
    pub missing: usize,
}

/// Whether `total` has a score below the coverage threshold: `min_coverage`
/// where the framework sets one, else [`Report::LOW_COVERAGE`].
pub(crate) fn is_low_coverage(total: &Outcome, min_coverage: Option<f64>) -> bool {
    let threshold = min_coverage.unwrap_or(Report::LOW_COVERAGE);
    total.score.is_some() && total.coverage.is_some_and(|c| c < threshold)
}

/// Why a node has no score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoScore {
    /// The node is not applicable: rated so, marked so by the framework
    /// (a profile), or every leaf below it is (rule 2).
    NotApplicable,
    /// A leaf without a rating under [`crate::MissingPolicy::Exclude`]
    /// (rule 3).
    Missing,
    /// The node's coverage is below `min_coverage` (rule 6): insufficient
    /// evidence. Its parent goes on without it.
    InsufficientCoverage,
    /// Every child is excluded (unscored, weight 0, not applicable, without
    /// a score), so there is nothing to aggregate (rule 4): never 0, never 1.
    NothingToAggregate,
    /// The assessment rates no applicable leaf at all (rule 12).
    Qualitative,
}

impl NoScore {
    /// A short human phrase for the reason.
    pub fn describe(self) -> &'static str {
        match self {
            NoScore::NotApplicable => "not applicable",
            NoScore::Missing => "not rated",
            NoScore::InsufficientCoverage => "insufficient coverage",
            NoScore::NothingToAggregate => "nothing to aggregate",
            NoScore::Qualitative => "qualitative assessment",
        }
    }
}

/// The mean of a node's ratings in its scale's own units (rule 11), e.g.
/// "average importance 2.4 on 1-3".
///
/// Under `WeightedMean`, `Flat` and `FlatUnweighted` it is the node's score
/// mapped back onto the scale; under the other aggregations it is the
/// weighted arithmetic mean of the same children with the same weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ScaleMean {
    /// The scale's id.
    pub scale: Id,
    /// The mean, in the scale's units.
    pub value: f64,
}

/// One criterion's place in a [`Report`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NodeScore {
    pub(crate) id: Id,
    pub(crate) title: String,
    pub(crate) depth: usize,
    #[serde(default, skip_serializing_if = "is_false")]
    pub(crate) leaf: bool,
    pub(crate) weight: f64,
    pub(crate) scored: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub(crate) critical: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) rating: Option<RatingValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) not_applicable: Option<String>,
    // serde buffers a flattened field's content: `keyed` keeps the structs
    // in it objects there too (see `crate::parse::keyed`).
    #[serde(flatten, deserialize_with = "crate::parse::keyed")]
    pub(crate) outcome: Outcome,
}

impl NodeScore {
    /// The criterion's id.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// The criterion's title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Its depth: top-level criteria have depth 1.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Whether it is a leaf.
    pub fn is_leaf(&self) -> bool {
        self.leaf
    }

    /// Its weight in its parent's aggregate.
    pub fn weight(&self) -> f64 {
        self.weight
    }

    /// Whether it counts in its parent's aggregate (rule 4).
    pub fn is_scored(&self) -> bool {
        self.scored
    }

    /// Whether a low score is a risk (rule 8).
    pub fn is_critical(&self) -> bool {
        self.critical
    }

    /// At a leaf: the rating given, if any.
    pub fn rating(&self) -> Option<&RatingValue> {
        self.rating.as_ref()
    }

    /// Why the criterion is not applicable, when the framework (a profile)
    /// marks it or an ancestor so: the profile's reason. A leaf the
    /// assessor rated not applicable gives the rating's note, or "rated
    /// not applicable".
    pub fn not_applicable(&self) -> Option<&str> {
        self.not_applicable.as_deref()
    }

    /// The node's outcome: score, coverage, counts, band.
    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// The normalised score (shorthand for `outcome().score()`).
    pub fn score(&self) -> Option<f64> {
        self.outcome.score
    }

    /// The coverage (shorthand for `outcome().coverage()`).
    pub fn coverage(&self) -> Option<f64> {
        self.outcome.coverage
    }

    /// The leaf counts (shorthand for `outcome().counts()`).
    pub fn counts(&self) -> Counts {
        self.outcome.counts
    }

    /// The band (shorthand for `outcome().band()`).
    pub fn band(&self) -> Option<&Id> {
        self.outcome.band.as_ref()
    }
}

/// A computed finding (rule 8): a risk or a strength, with the score and
/// the threshold that made it one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Finding {
    /// The criterion.
    pub criterion: Id,
    /// Its score.
    pub score: f64,
    /// The threshold: `risk_below` for a risk, `strength_at` for a strength.
    pub threshold: f64,
}

/// The score of one facet value (rule 9): the weighted mean of the scores
/// of the applicable rated leaves that carry it, each weighted by its
/// effective weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FacetScore {
    /// The facet's id.
    pub facet: Id,
    /// The value's id.
    pub value: Id,
    /// The score; `None` when no applicable rated leaf of positive
    /// effective weight carries the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Leaf counts over the leaves that carry the value.
    pub counts: Counts,
}

/// One improvement priority (rule 10): the exact gain in the total if this
/// leaf alone were raised to the top of its scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Priority {
    /// The leaf.
    pub criterion: Id,
    /// Its normalised score now.
    pub current: f64,
    /// The rating that would give it its maximum.
    pub best: RatingValue,
    /// The total after raising it, minus the total now.
    pub gain: f64,
}
