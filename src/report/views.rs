//! Views into a [`Report`]: a node ([`NodeScore`]), an outcome
//! ([`Outcome`]), a mean in scale units ([`ScaleMean`]), a computed
//! finding ([`Finding`]) and a facet value's score ([`FacetScore`]). Each
//! is a few words, made on request, borrowing the report and its framework.

use std::fmt;

use super::{Counts, Report};
use crate::core::compile::Compiled;
use crate::core::interpret::{Evaluated, NoScore};
use crate::model::id::Id;
use crate::model::rules::Band;
use crate::model::scale::{Direction, RatingValue, Scale};

impl Report {
    /// The outcome of node `i` (0 is the total), read from the
    /// evaluation.
    pub(crate) fn outcome_at(&self, i: usize) -> Outcome<'_> {
        Outcome::of(self, i)
    }

    /// The outcome for the whole framework: the aggregate of the top-level
    /// criteria with the framework's default aggregation.
    pub fn total(&self) -> Outcome<'_> {
        Outcome::of(self, 0)
    }

    /// The node of criterion `id` (a `&str` or an `&Id`), if the framework
    /// has it: one lookup in the framework's index.
    pub fn node(&self, id: impl AsRef<str>) -> Option<NodeScore<'_>> {
        let i = self.compiled.node_of(id.as_ref())?;
        NodeScore::of(self, i as usize)
    }

    /// Every criterion's node, in definition (pre-)order.
    pub fn nodes(&self) -> impl ExactSizeIterator<Item = NodeScore<'_>> + Clone + '_ {
        (1..self.compiled.nodes.len()).map(|i| NodeScore {
            report: self,
            node: i,
        })
    }

    /// The computed risks: critical criteria scoring below `risk_below`,
    /// in definition order (rule 8).
    pub fn risks(&self) -> Vec<Finding<'_>> {
        let threshold = self.compiled.framework.rules.risk_below;
        self.findings_at(&self.risks, threshold)
    }

    /// The computed strengths: criteria scoring at or above `strength_at`,
    /// in definition order (rule 8).
    pub fn strengths(&self) -> Vec<Finding<'_>> {
        let threshold = self.compiled.framework.rules.strength_at;
        self.findings_at(&self.strengths, threshold)
    }

    fn findings_at(&self, nodes: &[u32], threshold: Option<f64>) -> Vec<Finding<'_>> {
        nodes
            .iter()
            .filter_map(|&i| {
                let node = NodeScore::of(self, i as usize)?;
                Some(Finding {
                    criterion: node.id(),
                    score: node.score()?,
                    threshold: threshold?,
                })
            })
            .collect()
    }

    /// The score of facet value `value` of facet `facet` (rule 9).
    pub fn facet(&self, facet: impl AsRef<str>, value: impl AsRef<str>) -> Option<FacetScore<'_>> {
        let (facet, value) = (facet.as_ref(), value.as_ref());
        self.facets()
            .into_iter()
            .find(|f| f.facet == facet && f.value == value)
    }

    /// Every facet value's score: facets in definition order, then values
    /// in definition order (rule 9).
    pub fn facets(&self) -> Vec<FacetScore<'_>> {
        let facets = &self.compiled.framework.facets;
        let values = facets
            .iter()
            .flat_map(|(facet, f)| f.values.keys().map(move |value| (facet, value)));
        values
            .zip(&self.facets)
            .map(|((facet, value), &(score, counts))| FacetScore {
                facet,
                value,
                score,
                counts,
            })
            .collect()
    }
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report")
            .field("framework", self.framework())
            .field("subject", &self.subject)
            .field("total", &self.total())
            .field("band", &self.band())
            .field("nodes", &self.nodes().collect::<Vec<_>>())
            .field("risks", &self.risks())
            .finish_non_exhaustive()
    }
}

/// One criterion's place in a [`Report`]: what the framework says of it
/// (id, parent, title, depth, weight) and what scoring measured.
#[derive(Clone, Copy)]
pub struct NodeScore<'r> {
    report: &'r Report,
    node: usize,
}

impl<'r> NodeScore<'r> {
    /// Node `i` of `report` (`None` for the root and past the end).
    pub(crate) fn of(report: &'r Report, i: usize) -> Option<NodeScore<'r>> {
        let node = Some(i).filter(|&i| i > 0 && i < report.compiled.nodes.len())?;
        Some(NodeScore { report, node })
    }

    fn compiled(&self) -> &'r Compiled {
        &self.report.compiled
    }

    /// The node's index in the compiled framework (1 for the first criterion).
    pub(crate) fn index(&self) -> usize {
        self.node
    }

    /// The criterion's id.
    pub fn id(&self) -> &'r Id {
        let c = self.compiled();
        c.id(self.node).unwrap_or(&c.framework.id)
    }

    /// The id of the criterion's parent; `None` for a top-level criterion.
    pub fn parent(&self) -> Option<&'r Id> {
        let c = self.compiled();
        c.id(c.nodes.get(self.node)?.parent? as usize)
    }

    /// The criterion's title.
    pub fn title(&self) -> &'r str {
        self.compiled().title(self.node)
    }

    /// Its depth: top-level criteria have depth 1.
    pub fn depth(&self) -> usize {
        self.compiled()
            .depth
            .get(self.node)
            .map_or(0, |&d| d as usize)
    }

    /// Whether it is a leaf.
    pub fn is_leaf(&self) -> bool {
        self.compiled()
            .nodes
            .get(self.node)
            .is_some_and(|n| n.leaf.is_some())
    }

    /// Its weight in its parent's aggregate.
    pub fn weight(&self) -> f64 {
        self.compiled()
            .nodes
            .get(self.node)
            .map_or(0.0, |n| n.weight)
    }

    /// Whether it counts in its parent's aggregate (rule 4).
    pub fn is_scored(&self) -> bool {
        self.compiled()
            .nodes
            .get(self.node)
            .is_some_and(|n| n.scored)
    }

    /// Whether a low score is a risk (rule 8).
    pub fn is_critical(&self) -> bool {
        self.compiled()
            .nodes
            .get(self.node)
            .is_some_and(|n| n.critical)
    }

    /// At a leaf: the rating given, if any.
    pub fn rating(&self) -> Option<&'r RatingValue> {
        self.report.rating_at(self.node)
    }

    /// Why the criterion is not applicable, when the framework (a profile)
    /// marks it or an ancestor so: the profile's reason. A leaf the
    /// assessor rated not applicable gives the rating's note, or "rated
    /// not applicable".
    pub fn not_applicable(&self) -> Option<&'r str> {
        self.compiled()
            .reason(self.node)
            .or_else(|| match self.rating() {
                Some(RatingValue::NotApplicable) => Some(
                    self.report
                        .note_at(self.node)
                        .unwrap_or("rated not applicable"),
                ),
                _ => None,
            })
    }

    /// The node's outcome: score, coverage, counts, band.
    pub fn outcome(&self) -> Outcome<'r> {
        Outcome::of(self.report, self.node)
    }

    /// The normalised score (shorthand for `outcome().score()`).
    pub fn score(&self) -> Option<f64> {
        self.outcome().score()
    }

    /// The coverage (shorthand for `outcome().coverage()`).
    pub fn coverage(&self) -> Option<f64> {
        self.outcome().coverage()
    }

    /// The leaf counts (shorthand for `outcome().counts()`).
    pub fn counts(&self) -> Counts {
        self.outcome().counts()
    }

    /// The band (shorthand for `outcome().band()`).
    pub fn band(&self) -> Option<&'r Id> {
        self.outcome().band()
    }
}

impl PartialEq for NodeScore<'_> {
    /// Nodes are equal when everything their accessors return is.
    fn eq(&self, other: &Self) -> bool {
        self.id() == other.id()
            && self.parent() == other.parent()
            && self.title() == other.title()
            && self.depth() == other.depth()
            && self.weight() == other.weight()
            && self.is_leaf() == other.is_leaf()
            && self.is_scored() == other.is_scored()
            && self.is_critical() == other.is_critical()
            && self.rating() == other.rating()
            && self.not_applicable() == other.not_applicable()
            && self.outcome() == other.outcome()
    }
}

impl fmt::Debug for NodeScore<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NodeScore")
            .field("id", self.id())
            .field("title", &self.title())
            .field("depth", &self.depth())
            .field("rating", &self.rating())
            .field("not_applicable", &self.not_applicable())
            .field("outcome", &self.outcome())
            .finish_non_exhaustive()
    }
}

/// The outcome of scoring one node (a criterion, or the whole framework):
/// its score or why it has none, coverage, counts, band and the mean in
/// scale units. A view of what the interpreter evaluated at the node,
/// read through the framework when asked.
#[derive(Clone, Copy)]
pub struct Outcome<'r> {
    report: &'r Report,
    node: usize,
    /// What the interpreter evaluated at the node.
    evaluated: Evaluated,
}

impl<'r> Outcome<'r> {
    /// The outcome of node `i` of `report` (0 is the total; past the last
    /// node, nothing applies).
    pub(crate) fn of(report: &'r Report, i: usize) -> Outcome<'r> {
        let (c, e) = (&*report.compiled, &report.evaluation);
        Outcome {
            report,
            node: i,
            evaluated: c.evaluated(i, &e.block, 0, c.policy(), &e.results),
        }
    }

    fn compiled(&self) -> &'r Compiled {
        &self.report.compiled
    }

    /// The score, or why there is none (rules 2 to 6; rule 12: a
    /// qualitative assessment scores nothing that applies).
    fn result(&self) -> Result<f64, NoScore> {
        match self.evaluated.score {
            Err(NoScore::NotApplicable) => Err(NoScore::NotApplicable),
            _ if self.report.qualitative => Err(NoScore::Qualitative),
            other => other,
        }
    }

    /// The normalised score in [0, 1], or `None` (see [`Outcome::no_score`]
    /// for why).
    pub fn score(&self) -> Option<f64> {
        self.result().ok()
    }

    /// Why there is no score, when there is none.
    pub fn no_score(&self) -> Option<NoScore> {
        self.result().err()
    }

    /// Rated applicable leaves / applicable leaves below the node (rule 6);
    /// `None` when no leaf below it is applicable. Missing ratings lower
    /// coverage under every [`crate::MissingPolicy`].
    pub fn coverage(&self) -> Option<f64> {
        let Evaluated {
            applicable, rated, ..
        } = self.evaluated;
        (applicable > 0).then(|| f64::from(rated) / f64::from(applicable))
    }

    /// How many leaves below the node are rated, not applicable, missing.
    pub fn counts(&self) -> Counts {
        let leaves = self
            .compiled()
            .leaf_count
            .get(self.node)
            .copied()
            .unwrap_or(0) as usize;
        let (applicable, rated) = (
            self.evaluated.applicable as usize,
            self.evaluated.rated as usize,
        );
        Counts {
            leaves,
            rated,
            not_applicable: leaves.saturating_sub(applicable),
            missing: applicable.saturating_sub(rated),
        }
    }

    /// The band the score falls in (rule 7), by id.
    pub fn band(&self) -> Option<&'r Id> {
        self.compiled().band_id(self.band_index())
    }

    /// The band the score falls in, as an index into the framework's
    /// bands.
    pub(crate) fn band_index(&self) -> Option<u32> {
        band_of(&self.compiled().framework.rules.bands, self.score()?)
    }

    /// The mean in the units of the one ordinal or numeric scale that every
    /// leaf below the node is rated on (rule 11).
    pub fn scale_mean(&self) -> Option<ScaleMean<'r>> {
        self.score()?;
        let (c, e) = (self.compiled(), &self.report.evaluation);
        let unit = c.unit_scale.get(self.node).copied()??;
        let (scale, s) = c.framework.scales.get_index(unit as usize)?;
        // The arithmetic mean behind it, evaluated when asked.
        let mean = c.evaluated(self.node, &e.block, 0, c.policy(), e.means.as_ref()?);
        let value = in_units(s, mean.score.ok()?)?;
        Some(ScaleMean { scale, value })
    }
}

impl PartialEq for Outcome<'_> {
    /// Outcomes are equal when everything their accessors return is.
    fn eq(&self, other: &Self) -> bool {
        self.score() == other.score()
            && self.no_score() == other.no_score()
            && self.coverage() == other.coverage()
            && self.counts() == other.counts()
            && self.band() == other.band()
            && self.scale_mean() == other.scale_mean()
    }
}

impl fmt::Debug for Outcome<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outcome")
            .field("score", &self.score())
            .field("no_score", &self.no_score())
            .field("coverage", &self.coverage())
            .field("counts", &self.counts())
            .field("band", &self.band())
            .field("scale_mean", &self.scale_mean())
            .finish()
    }
}

/// The mean of a node's ratings in its scale's own units (rule 11), e.g.
/// "average importance 2.4 on 1-3".
///
/// Under `WeightedMean`, `Flat` and `FlatUnweighted` it is the node's score
/// mapped back onto the scale; under the other aggregations it is the
/// weighted arithmetic mean of the same children with the same weights.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct ScaleMean<'r> {
    /// The scale's id.
    pub scale: &'r Id,
    /// The mean, in the scale's units.
    pub value: f64,
}

/// A computed finding (rule 8): a risk or a strength, with the score and
/// the threshold that made it one.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Finding<'r> {
    /// The criterion.
    pub criterion: &'r Id,
    /// Its score.
    pub score: f64,
    /// The threshold: `risk_below` for a risk, `strength_at` for a strength.
    pub threshold: f64,
}

/// The score of one facet value (rule 9): the weighted mean of the scores
/// of the applicable rated leaves that carry it, each weighted by its
/// effective weight.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct FacetScore<'r> {
    /// The facet's id.
    pub facet: &'r Id,
    /// The value's id.
    pub value: &'r Id,
    /// The score; `None` when no applicable rated leaf of positive
    /// effective weight carries the value.
    pub score: Option<f64>,
    /// Leaf counts over the leaves that carry the value.
    pub counts: Counts,
}

/// The band `score` falls in: the band with the highest `from` at or below
/// it (rule 7).
fn band_of(bands: &[Band], score: f64) -> Option<u32> {
    let mut best: Option<(u32, f64)> = None;
    for (i, b) in (0u32..).zip(bands) {
        if b.from <= score && best.is_none_or(|(_, from)| b.from > from) {
            best = Some((i, b.from));
        }
    }
    best.map(|(i, _)| i)
}

/// A normalised value in the units of `scale` (rule 11).
fn in_units(scale: &Scale, x: f64) -> Option<f64> {
    match scale {
        Scale::Ordinal { .. } => {
            let (lo, hi) = scale.level_bounds()?;
            Some(f64::from(lo) + x * (f64::from(hi) - f64::from(lo)))
        }
        Scale::Numeric {
            min,
            max,
            direction,
            ..
        } => Some(match direction {
            Direction::HigherIsBetter => min + x * (max - min),
            Direction::LowerIsBetter => max - x * (max - min),
        }),
        Scale::Binary { .. } => None,
    }
}
