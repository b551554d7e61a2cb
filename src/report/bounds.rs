//! [`Scorer::bounds`](crate::Scorer::bounds): the lowest and highest score each node can reach
//! over the ways of rating the missing leaves, and each missing leaf's
//! leverage on the total ([SPEC](crate::spec) §8.2, rule 15).
//!
//! The argument that two passes are exact is on [`Bounds`].

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::core::compile::Compiled;
use crate::core::interpret::{Block, LeafValue, Policy, Results};
use crate::core::priorities::sort_by_gain;
use crate::core::whatif::WhatIf;
use crate::model::assessment::Assessment;
use crate::model::framework::FrameworkRef;
use crate::model::id::Id;
use crate::model::issue::{IssueKind, ValidationError};
use crate::model::rules::MissingPolicy;
use crate::model::scale::{LevelRef, RatingValue, Scale};
use crate::model::work::{Gate, Meter};

/// The bounds of one node (or of the total): its lowest and highest score
/// over every completion of the missing ratings, and its score as the
/// assessment stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NodeBounds {
    /// The criterion's id (for the total: the framework's id).
    pub criterion: Id,
    /// The depth in the tree: 0 for the total, 1 for top-level criteria.
    pub depth: usize,
    /// The score with every missing applicable leaf at its scale's minimum;
    /// `None` when no completion gives the node a score (it is not
    /// applicable, or has nothing to aggregate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower: Option<f64>,
    /// The score with every missing applicable leaf at its scale's maximum;
    /// `None` exactly when `lower` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// The score [`Scorer::score`](crate::Scorer::score) gives now (missing policy and
    /// `min_coverage` applied); `None` where the report has none, and
    /// everywhere under [`MissingPolicy::Error`] while a rating is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<f64>,
}

impl NodeBounds {
    /// `upper − lower`: how much the missing ratings leave open (0 when
    /// the node is fully rated), `None` without bounds.
    pub fn width(&self) -> Option<f64> {
        Some(self.upper? - self.lower?)
    }
}

/// How much rating one missing leaf would narrow the total's interval, at
/// least, whatever rating it gets (rule 15).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Leverage {
    /// The missing leaf's id.
    pub criterion: Id,
    /// The total's `upper − lower`, minus the largest such width left when
    /// this leaf alone is rated, over its ratings: every level of an
    /// ordinal scale, met and not met, 17 evenly spaced points of a
    /// numeric range from its minimum to its maximum.
    pub leverage: f64,
}

/// The result of [`Scorer::bounds`](crate::Scorer::bounds) ([SPEC](crate::spec) §8.2).
///
/// # Why two passes are exact
///
/// Fix every rating that is given. Every aggregation of [SPEC](crate::spec)
/// §5.5 is
/// non-decreasing in each included child's score: a weighted or flat mean
/// has non-negative coefficients; `Π sᵢ^(wᵢ/Σw)` and `Σw / Σ(wᵢ/sᵢ)` grow
/// with each `sᵢ` (and are 0 while any included `sᵢ` is 0, their least
/// value); the minimum and `All` are monotone by definition. Which
/// children are included does not depend on the values once every
/// applicable leaf is rated and `min_coverage` is not applied (it depends
/// on weights, `scored` flags and applicability only). A composition of
/// non-decreasing functions is non-decreasing, so at every node the score
/// of any completion lies between the score with every missing leaf at
/// normalised 0 and the score with every missing leaf at normalised 1; and
/// both of those are completions (every scale has a rating at 0 and at 1),
/// so the bounds are attained. Both bounds are one run of the core's
/// interpreter over a block of two lanes: the filled-in values at 0 and
/// at 1.
///
/// The current score, under `Exclude`, leaves a missing child out of its
/// parent; leaving a child out gives a value between the parent's score
/// with that child at 0 and at 1 (for each aggregation above), so the
/// current score lies inside the bounds too, wherever `min_coverage` does
/// not cut a node out. Under `Zero` the current score is the lower bound.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    /// The framework (exact version) the assessment was bounded against.
    pub framework: FrameworkRef,
    /// The total's bounds.
    pub total: NodeBounds,
    /// Every criterion's bounds, in definition (pre-)order.
    pub nodes: Vec<NodeBounds>,
    /// Every missing applicable leaf with its leverage, largest first
    /// (leverages within 1e-12 of each other in definition order, as
    /// priorities are); empty when the total has no bounds.
    pub leverage: Vec<Leverage>,
}

impl Bounds {
    /// The bounds of criterion `id`.
    pub fn node(&self, id: impl AsRef<str>) -> Option<&NodeBounds> {
        let id = id.as_ref();
        self.nodes.iter().find(|n| n.criterion == *id)
    }
}

/// How both bounds are evaluated: every applicable leaf has a value, and
/// `min_coverage` is not applied.
const FILLED: Policy = Policy {
    missing_zero: false,
    min_coverage: None,
};

/// The normalised values of every rating of `scale` that leverage tries
/// (rule 15): not met and met, every level, 17 evenly spaced points of a
/// numeric range (its ends included).
fn rating_points(scale: &Scale) -> Vec<f64> {
    match scale {
        Scale::Ordinal { levels, .. } => levels
            .iter()
            .filter_map(|l| scale.normalise(&RatingValue::Level(LevelRef::Value(l.value))))
            .collect(),
        Scale::Numeric { .. } => (0..=16u8).map(|k| f64::from(k) / 16.0).collect(),
        Scale::Binary { .. } => vec![0.0, 1.0],
    }
}

/// The two completions of `values` as the lanes of one block: lane 0 with
/// every missing leaf at 0, lane 1 at 1.
fn ends(values: &[LeafValue]) -> Block<2> {
    let mut block = Block::new(values.len());
    for (leaf, &v) in values.iter().enumerate() {
        for (lane, fill) in [(0, 0.0), (1, 1.0)] {
            let v = if v == LeafValue::Missing {
                LeafValue::Rated(fill)
            } else {
                v
            };
            block.set(leaf, lane, v);
        }
    }
    block
}

/// A leverage trial's cost in leaf values, about: up to 17 ratings tried,
/// each re-scoring the leaf's few ancestors. The observer of
/// [`crate::Scorer::bounds_observed`] is told about every 4,096 missing
/// leaves.
const LEAF_VALUES_PER_LEVERAGE: u64 = 64;

/// The bounds of `assessment` ([`crate::Scorer::bounds`]), telling `gate`
/// how many of its missing leaves have had their leverage computed: the
/// issues, or the bounds unless the gate stopped the work.
pub(crate) fn bounds<G: Gate>(
    c: &Compiled,
    assessment: &Assessment,
    gate: G,
) -> Result<Result<Bounds, G::Stop>, ValidationError> {
    let checked = c.bind(assessment);
    let before = checked.issues.len();
    let issues: Vec<_> = checked
        .issues
        .into_iter()
        .filter(|i| !matches!(i.kind, IssueKind::MissingRating { .. }))
        .collect();
    if !issues.is_empty() {
        return Err(ValidationError::new(issues));
    }
    let failed = before > 0 && c.framework.rules.missing == MissingPolicy::Error;
    let values = checked.values;
    let missing = values.iter().filter(|v| **v == LeafValue::Missing).count();
    let meter = Meter::start(gate, missing as u64, LEAF_VALUES_PER_LEVERAGE);
    let mut meter = match meter {
        Ok(meter) => meter,
        Err(stop) => return Ok(Err(stop)),
    };
    let (now_block, ends_block) = (Block::of(values.iter().copied()), ends(&values));
    let (mut now, mut filled) = (Results::default(), Results::default());
    c.program.run(&now_block, c.policy(), &mut now);
    c.program.run(&ends_block, FILLED, &mut filled);
    let bounds_of = |i: usize| NodeBounds {
        criterion: c.id(i).unwrap_or(&c.framework.id).clone(),
        depth: c.depth.get(i).copied().unwrap_or(0) as usize,
        lower: c.evaluated(i, &ends_block, 0, FILLED, &filled).score.ok(),
        upper: c.evaluated(i, &ends_block, 1, FILLED, &filled).score.ok(),
        current: c
            .evaluated(i, &now_block, 0, c.policy(), &now)
            .score
            .ok()
            .filter(|_| !(failed || checked.qualitative)),
    };
    let total = bounds_of(0);
    let nodes = (1..c.nodes.len()).map(bounds_of).collect();
    let leverage = match total.width() {
        Some(width) => {
            let what_if = WhatIf::new(&c.program, &ends_block, FILLED, &filled);
            match leverages(c, &values, what_if, width, &mut meter) {
                Ok(leverage) => leverage,
                Err(stop) => return Ok(Err(stop)),
            }
        }
        None => Vec::new(),
    };
    meter.finish();
    Ok(Ok(Bounds {
        framework: c.framework.exact_ref(),
        total,
        nodes,
        leverage,
    }))
}

/// Every missing applicable leaf's leverage, sorted; `filled` holds the
/// what-ifs of the two completions ([`ends`]), `width` is the total's;
/// each missing leaf done is counted on `meter`.
fn leverages<G: Gate>(
    c: &Compiled,
    values: &[LeafValue],
    mut filled: WhatIf<'_, 2>,
    width: f64,
    meter: &mut Meter<G>,
) -> Result<Vec<Leverage>, G::Stop> {
    let mut out = Vec::new();
    for (leaf, _) in (0u32..)
        .zip(values)
        .filter(|(_, v)| **v == LeafValue::Missing)
    {
        meter.add(1)?;
        let Some((_, scale)) = c.scale_of_leaf(leaf as usize) else {
            continue;
        };
        let mut widest = f64::NEG_INFINITY;
        for x in rating_points(scale) {
            let lower = filled.total(0, leaf, 0.0, x);
            let upper = filled.total(1, leaf, 1.0, x);
            if let (Some(lower), Some(upper)) = (lower, upper) {
                // Not `f64::max`, which would pass over a NaN: a what-if's
                // total is finite, and one that is not must not be hidden
                // behind the other ratings' widths (the leaf then gets no
                // leverage, which the tests see).
                let spread = upper - lower;
                widest = if spread.is_nan() || spread > widest {
                    spread
                } else {
                    widest
                };
            }
        }
        if widest.is_finite() {
            let node = c.leaf_node.get(leaf as usize).copied().unwrap_or(0) as usize;
            let criterion = c.id(node).unwrap_or(&c.framework.id).clone();
            let leverage = width - widest;
            out.push((
                leaf as usize,
                Leverage {
                    criterion,
                    leverage,
                },
            ));
        }
    }
    sort_by_gain(&mut out, |l| l.leverage);
    Ok(out.into_iter().map(|(_, l)| l).collect())
}

impl fmt::Display for Bounds {
    /// One line per criterion (indented two spaces per level) with its
    /// lower and upper bound and current score ×100, the total, then the
    /// leaves to rate first:
    ///
    /// ```text
    /// bounds — tiny 1.0.0
    /// criterion                                        lower    upper  current
    /// a                                                100.0    100.0    100.0
    /// b                                                  0.0    100.0        —
    /// TOTAL                                             50.0    100.0    100.0
    /// rate first: b (narrows the total by 50.0)
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let version = self.framework.version.to_string();
        let version = version.trim_start_matches('=');
        writeln!(f, "bounds — {} {version}", self.framework.id)?;
        writeln!(
            f,
            "{:<46} {:>8} {:>8} {:>8}",
            "criterion", "lower", "upper", "current"
        )?;
        for node in &self.nodes {
            let indent = "  ".repeat(node.depth.saturating_sub(1));
            write_row(f, &format!("{indent}{}", node.criterion), node)?;
        }
        write_row(f, "TOTAL", &self.total)?;
        let first: Vec<String> = self
            .leverage
            .iter()
            .take(3)
            .map(|l| {
                format!(
                    "{} (narrows the total by {:.1})",
                    l.criterion,
                    l.leverage * 100.0
                )
            })
            .collect();
        if !first.is_empty() {
            writeln!(f, "rate first: {}", first.join(", "))?;
        }
        Ok(())
    }
}

fn write_row(f: &mut fmt::Formatter<'_>, name: &str, b: &NodeBounds) -> fmt::Result {
    let cell = |x: Option<f64>| x.map_or_else(|| "—".to_string(), |x| format!("{:.1}", x * 100.0));
    writeln!(
        f,
        "{name:<46} {:>8} {:>8} {:>8}",
        cell(b.lower),
        cell(b.upper),
        cell(b.current)
    )
}
