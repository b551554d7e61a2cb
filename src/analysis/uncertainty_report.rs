//! The result of [`super::Uncertainty::run`] ([SPEC](crate::spec)
//! §8.3): per member the nominal score and rank and their spreads, per
//! uncertain input the sensitivity indices, and the `Display` that reads
//! them as a table.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::framework::FrameworkRef;
use crate::model::id::Id;
use crate::model::rules::Aggregation;

/// One uncertain input, in the order the indices are reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "input", rename_all = "snake_case", deny_unknown_fields)]
pub enum UncertainInput {
    /// A criterion's weight, with its noise fraction.
    Weight {
        /// The criterion.
        criterion: Id,
        /// `f`: the weight varies by a factor in (1 − f, 1 + f).
        fraction: f64,
    },
    /// The choice of aggregation method.
    Method {
        /// The methods chosen among.
        methods: Vec<Aggregation>,
        /// The levels whose groups take it; empty: every group.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        levels: Vec<usize>,
    },
}

/// The median and the 5th and 95th percentiles of a quantity over the
/// samples (nearest rank: the `p`-th percentile of `n` sorted values is
/// the `⌈p·n/100⌉`-th).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Spread<T> {
    /// The 5th percentile.
    pub p05: T,
    /// The median (50th percentile).
    pub median: T,
    /// The 95th percentile.
    pub p95: T,
}

/// The first-order and total-effect Sobol' index of one input; `None` when
/// the output does not vary at all.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sensitivity {
    /// `S_i`: the share of the variance due to this input alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_order: Option<f64>,
    /// `S_Ti`: the share due to this input, interactions included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_effect: Option<f64>,
}

/// One member's scores and ranks under the uncertainty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MemberUncertainty {
    /// The subject's name.
    pub subject: String,
    /// The total with the framework's own weights and methods (as
    /// [`Scorer::score`](crate::Scorer::score) gives it); `None` when it
    /// has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nominal_score: Option<f64>,
    /// The rank of the nominal score among the members with one (1 = the
    /// highest; ties share the smallest rank: 1, 2, 2, 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nominal_rank: Option<usize>,
    /// The total over the samples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<Spread<f64>>,
    /// The rank over the samples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<Spread<usize>>,
    /// Per input (in the order of [`UncertaintyReport::inputs`]): its
    /// indices on this member's total.
    pub sensitivity: Vec<Sensitivity>,
}

/// The result of [`Uncertainty::run`](super::Uncertainty::run)
/// ([SPEC](crate::spec) §8.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UncertaintyReport {
    /// The framework (exact version).
    pub framework: FrameworkRef,
    /// The seed of the generator.
    pub seed: u64,
    /// `N`: the rows of each Saltelli matrix; the spreads are over the `N`
    /// rows of the first.
    pub samples: usize,
    /// The scorings per member: `N·(d + 2)` for `d` inputs.
    pub evaluations: usize,
    /// The uncertain inputs, `d` of them.
    pub inputs: Vec<UncertainInput>,
    /// The members, in the order given.
    pub members: Vec<MemberUncertainty>,
    /// Per input: its indices on the ranks' mean shift, the mean over the
    /// ranked members of `|rank − nominal rank|`.
    pub rank_shift: Vec<Sensitivity>,
}

/// The name of a method as its serialised form gives it.
fn method_name(a: Aggregation) -> &'static str {
    match a {
        Aggregation::WeightedMean => "weighted_mean",
        Aggregation::Flat => "flat",
        Aggregation::FlatUnweighted => "flat_unweighted",
        Aggregation::GeometricMean => "geometric_mean",
        Aggregation::HarmonicMean => "harmonic_mean",
        Aggregation::Minimum => "minimum",
        Aggregation::All => "all",
    }
}

impl fmt::Display for UncertainInput {
    /// `weight of <id> ±25%`, or `method: weighted_mean | geometric_mean`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UncertainInput::Weight {
                criterion,
                fraction,
            } => write!(f, "weight of {criterion} ±{}%", fraction * 100.0),
            UncertainInput::Method { methods, levels } => {
                let names: Vec<&str> = methods.iter().map(|&a| method_name(a)).collect();
                write!(f, "method: {}", names.join(" | "))?;
                if !levels.is_empty() {
                    let levels: Vec<String> = levels.iter().map(usize::to_string).collect();
                    write!(f, " (levels {})", levels.join(", "))?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Display for UncertaintyReport {
    /// A table of the members (nominal score and rank, then the median and
    /// 5th-95th percentile of each, scores ×100), then the inputs by their
    /// total effect on the ranks' mean shift, largest first (at most ten):
    ///
    /// ```text
    /// uncertainty — tiny 1.0.0: 3 members, 2 inputs, 1000 samples (4000 scorings each), seed 7
    /// member                      score   median  5%-95%          rank  median  5%-95%
    /// P                            52.0     52.1  [46.3, 57.5]       1       1  [1, 2]
    /// Q                            48.0     47.9  [42.5, 53.7]       2       2  [1, 2]
    /// R                               —        —                     —       —
    /// what moves the ranks (indices of the mean rank shift):
    ///     S_i   S_Ti  input
    ///    0.50   0.50  weight of a ±25%
    ///    0.50   0.50  weight of b ±25%
    /// ```
    ///
    /// The inputs section is left out when the ranks' mean shift never
    /// varies (no indices).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let version = self.framework.version.to_string();
        writeln!(
            f,
            "uncertainty — {} {}: {} members, {} inputs, {} samples ({} scorings each), seed {}",
            self.framework.id,
            version.trim_start_matches('='),
            self.members.len(),
            self.inputs.len(),
            self.samples,
            self.evaluations,
            self.seed
        )?;
        writeln!(
            f,
            "{:<24} {:>8} {:>8}  {:<14} {:>5} {:>7}  5%-95%",
            "member", "score", "median", "5%-95%", "rank", "median"
        )?;
        let pct = |x: Option<f64>| x.map_or_else(|| "—".into(), |x| format!("{:.1}", x * 100.0));
        for m in &self.members {
            let score_range = m.score.map_or_else(String::new, |s| {
                format!("[{:.1}, {:.1}]", s.p05 * 100.0, s.p95 * 100.0)
            });
            let rank = m.nominal_rank.map_or_else(|| "—".into(), |r| r.to_string());
            let (rank_median, rank_range) = m.rank.map_or_else(
                || ("—".into(), String::new()),
                |r| (r.median.to_string(), format!("[{}, {}]", r.p05, r.p95)),
            );
            writeln!(
                f,
                "{:<24} {:>8} {:>8}  {:<14} {:>5} {:>7}  {}",
                m.subject,
                pct(m.nominal_score),
                pct(m.score.map(|s| s.median)),
                score_range,
                rank,
                rank_median,
                rank_range
            )?;
        }
        let mut order: Vec<(&UncertainInput, &Sensitivity)> =
            self.inputs.iter().zip(&self.rank_shift).collect();
        order.sort_by(|a, b| {
            let key = |s: &Sensitivity| s.total_effect.unwrap_or(f64::NEG_INFINITY);
            key(b.1).total_cmp(&key(a.1))
        });
        if order.iter().any(|(_, s)| s.total_effect.is_some()) {
            writeln!(f, "what moves the ranks (indices of the mean rank shift):")?;
            writeln!(f, "{:>7} {:>6}  input", "S_i", "S_Ti")?;
            let ix = |x: Option<f64>| x.map_or_else(|| "—".into(), |x| format!("{x:.2}"));
            for (input, s) in order.into_iter().take(10) {
                let (s1, st) = (ix(s.first_order), ix(s.total_effect));
                writeln!(f, "{s1:>7} {st:>6}  {input}")?;
            }
        }
        Ok(())
    }
}
