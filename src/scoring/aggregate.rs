//! The aggregation engine: one bottom-up pass over the compiled tree that
//! applies rules 1 to 6 to index-addressed leaf values. Both the full
//! report and the dense fast path run it.

use super::compile::{Compiled, NONE, Node};
use crate::Aggregation;

/// Why a node has no score, as stored in the scratch arrays.
pub(crate) mod why {
    /// The node has a score.
    pub const SCORED: u8 = 0;
    /// Rule 2.
    pub const NOT_APPLICABLE: u8 = 1;
    /// Rule 3, `Exclude`.
    pub const MISSING: u8 = 2;
    /// Rule 6.
    pub const INSUFFICIENT_COVERAGE: u8 = 3;
    /// Rule 4.
    pub const NOTHING_TO_AGGREGATE: u8 = 4;
}

/// The encoding of a not-applicable leaf in dense values.
pub(crate) const NOT_APPLICABLE: f64 = -1.0;

/// Reusable working memory for scoring: one slot per node. Reusing one
/// `Scratch` across many assessments of the same framework avoids every
/// allocation on the dense path ([`crate::Scorer::total_dense`]).
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    /// Score per node; NaN when it has none.
    pub(crate) score: Vec<f64>,
    /// Why there is no score ([`why`]).
    pub(crate) why: Vec<u8>,
    /// Applicable leaves below.
    pub(crate) applicable: Vec<u32>,
    /// Rated applicable leaves below.
    pub(crate) rated: Vec<u32>,
    /// Flat sums over included leaves below: Σ w·s, Σ w, Σ s, count.
    pub(crate) flat: Vec<[f64; 4]>,
}

impl Scratch {
    /// Empty working memory; it grows to the framework's size on first use.
    pub fn new() -> Scratch {
        Scratch::default()
    }

    fn fit(&mut self, n: usize) {
        if self.score.len() != n {
            self.score.resize(n, f64::NAN);
            self.why.resize(n, why::SCORED);
            self.applicable.resize(n, 0);
            self.rated.resize(n, 0);
            self.flat.resize(n, [0.0; 4]);
        }
    }

    /// The score of node `i`, if it has one.
    pub(crate) fn score_of(&self, i: usize) -> Option<f64> {
        self.score.get(i).copied().filter(|s| !s.is_nan())
    }
}

/// How the pass treats leaves without a rating.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mode {
    /// `MissingPolicy::Zero` (and the assessment is not qualitative).
    pub missing_zero: bool,
    /// `ScoringRules::min_coverage`.
    pub min_coverage: Option<f64>,
}

impl Compiled {
    /// Runs the whole bottom-up pass: after it, `scratch` holds every
    /// node's score. `values` are the dense leaf values (a normalised score
    /// in [0, 1], NaN for missing, [`NOT_APPLICABLE`]).
    pub(crate) fn evaluate(&self, values: &[f64], mode: Mode, scratch: &mut Scratch) {
        scratch.fit(self.nodes.len());
        for i in (0..self.nodes.len()).rev() {
            self.eval_node(i, values, mode, scratch);
        }
    }

    /// Re-evaluates node `i` from its children (or its leaf value).
    #[inline]
    pub(crate) fn eval_node(&self, i: usize, values: &[f64], mode: Mode, s: &mut Scratch) {
        let Some(node) = self.nodes.get(i) else {
            return;
        };
        let out = if node.leaf != NONE {
            self.eval_leaf(node, values, mode)
        } else {
            self.eval_group(node, mode, s)
        };
        if let (Some(sc), Some(w), Some(a), Some(r), Some(f)) = (
            s.score.get_mut(i),
            s.why.get_mut(i),
            s.applicable.get_mut(i),
            s.rated.get_mut(i),
            s.flat.get_mut(i),
        ) {
            *sc = out.score;
            *w = out.why;
            *a = out.applicable;
            *r = out.rated;
            *f = out.flat;
        }
    }

    #[inline]
    fn eval_leaf(&self, node: &Node, values: &[f64], mode: Mode) -> Out {
        let v = values.get(node.leaf as usize).copied().unwrap_or(f64::NAN);
        let (score, why, applicable, rated) = if v >= 0.0 {
            (v, why::SCORED, 1, 1)
        } else if v.is_nan() {
            if mode.missing_zero {
                (0.0, why::SCORED, 1, 0)
            } else {
                (f64::NAN, why::MISSING, 1, 0)
            }
        } else {
            (f64::NAN, why::NOT_APPLICABLE, 0, 0)
        };
        let flat = if score.is_nan() {
            [0.0; 4]
        } else {
            [node.weight * score, node.weight, score, 1.0]
        };
        Out {
            score,
            why,
            applicable,
            rated,
            flat,
        }
    }

    #[inline]
    fn eval_group(&self, node: &Node, mode: Mode, s: &Scratch) -> Out {
        let kids = self.children_of(node);
        let mut applicable = 0u32;
        let mut rated = 0u32;
        for &c in kids {
            applicable =
                applicable.saturating_add(s.applicable.get(c as usize).copied().unwrap_or(0));
            rated = rated.saturating_add(s.rated.get(c as usize).copied().unwrap_or(0));
        }
        let none = |why| Out {
            score: f64::NAN,
            why,
            applicable,
            rated,
            flat: [0.0; 4],
        };
        if applicable == 0 {
            return none(why::NOT_APPLICABLE);
        }
        if let Some(min) = mode.min_coverage {
            if f64::from(rated) / f64::from(applicable) < min {
                return none(why::INSUFFICIENT_COVERAGE);
            }
        }
        let mut flat = [0.0f64; 4];
        if self.needs_flat {
            for &c in kids {
                let scored = self.nodes.get(c as usize).is_some_and(|n| n.scored);
                if let (true, Some(f)) = (scored, s.flat.get(c as usize)) {
                    flat[0] += f[0];
                    flat[1] += f[1];
                    flat[2] += f[2];
                    flat[3] += f[3];
                }
            }
        }
        let score = match node.aggregation {
            Aggregation::Flat => (flat[1] > 0.0).then(|| flat[0] / flat[1]),
            Aggregation::FlatUnweighted => (flat[3] > 0.0).then(|| flat[2] / flat[3]),
            other => self.fold(other, kids, s),
        };
        match score {
            Some(score) => Out {
                score,
                why: why::SCORED,
                applicable,
                rated,
                flat,
            },
            None => none(why::NOTHING_TO_AGGREGATE),
        }
    }

    /// Aggregates the included children (scored, weight > 0, with a score)
    /// by `aggregation` (rule 5); `None` when none is included.
    #[inline]
    fn fold(&self, aggregation: Aggregation, kids: &[u32], s: &Scratch) -> Option<f64> {
        let mut n = 0u32;
        let mut sum_w = 0.0f64;
        let mut acc = 0.0f64;
        let mut zero = false;
        let mut min = f64::INFINITY;
        let mut all = true;
        for &c in kids {
            let Some(child) = self.nodes.get(c as usize) else {
                continue;
            };
            let score = s.score.get(c as usize).copied().unwrap_or(f64::NAN);
            let w = child.weight;
            if !child.scored || w <= 0.0 || score.is_nan() {
                continue;
            }
            n += 1;
            sum_w += w;
            match aggregation {
                Aggregation::WeightedMean | Aggregation::Flat | Aggregation::FlatUnweighted => {
                    acc += w * score;
                }
                Aggregation::GeometricMean => {
                    if score > 0.0 {
                        acc += w * score.ln();
                    } else {
                        zero = true;
                    }
                }
                Aggregation::HarmonicMean => {
                    if score > 0.0 {
                        acc += w / score;
                    } else {
                        zero = true;
                    }
                }
                Aggregation::Minimum => min = min.min(score),
                #[allow(clippy::float_cmp)]
                Aggregation::All => all &= score == 1.0,
            }
        }
        if n == 0 {
            return None;
        }
        Some(match aggregation {
            Aggregation::WeightedMean | Aggregation::Flat | Aggregation::FlatUnweighted => {
                acc / sum_w
            }
            Aggregation::GeometricMean if zero => 0.0,
            Aggregation::GeometricMean => (acc / sum_w).exp(),
            Aggregation::HarmonicMean if zero => 0.0,
            Aggregation::HarmonicMean => sum_w / acc,
            Aggregation::Minimum => min,
            Aggregation::All => {
                if all {
                    1.0
                } else {
                    0.0
                }
            }
        })
    }
}

/// One node's result.
struct Out {
    score: f64,
    why: u8,
    applicable: u32,
    rated: u32,
    flat: [f64; 4],
}
