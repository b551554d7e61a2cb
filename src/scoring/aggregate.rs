//! The aggregation engine: one bottom-up pass over the compiled groups that
//! applies rules 1 to 6 to index-addressed leaf values. The full report,
//! the dense fast path and the priorities all run it.
//!
//! Leaves are not evaluated on their own: a group reads its leaf
//! children's values straight from the dense values, so the pass touches
//! each leaf once and stores results for groups only.

use super::compile::{Compiled, NONE, Node, Slot};
use crate::model::rules::Aggregation;

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
    /// Per node (meaningful for groups): the group's result.
    pub(crate) state: Vec<State>,
    /// Per node (groups, when some group aggregates flat): the flat sums
    /// over the included leaves below: Σ w·s, Σ w, Σ s, count.
    pub(crate) flat: Vec<[f64; 4]>,
    /// The mean plan's slots (`plan.rs`).
    pub(crate) slots: Vec<f64>,
}

/// One group's result.
#[derive(Debug, Clone, Copy)]
pub(crate) struct State {
    /// The score; NaN when it has none.
    pub score: f64,
    /// Applicable leaves below.
    pub applicable: u32,
    /// Rated applicable leaves below.
    pub rated: u32,
    /// Why there is no score ([`why`]).
    pub why: u8,
}

impl State {
    const EMPTY: State = State {
        score: f64::NAN,
        applicable: 0,
        rated: 0,
        why: why::SCORED,
    };
}

impl Scratch {
    /// Empty working memory; it grows to the framework's size on first use.
    pub fn new() -> Scratch {
        Scratch::default()
    }

    fn fit(&mut self, n: usize) {
        if self.state.len() != n {
            self.state.resize(n, State::EMPTY);
            self.flat.resize(n, [0.0; 4]);
        }
    }

    /// The score of group `i`, if it has one.
    pub(crate) fn group_score(&self, i: usize) -> Option<f64> {
        self.state.get(i).map(|s| s.score).filter(|s| !s.is_nan())
    }

    /// The result of group `i`.
    pub(crate) fn group(&self, i: usize) -> State {
        self.state.get(i).copied().unwrap_or(State::EMPTY)
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

/// A leaf's outcome from its dense value: `(score or NaN, why, applicable,
/// rated)`.
#[inline(always)]
pub(crate) fn leaf_outcome(v: f64, mode: Mode) -> (f64, u8, u32, u32) {
    if v >= 0.0 {
        (v, why::SCORED, 1, 1)
    } else if v.is_nan() {
        if mode.missing_zero {
            (0.0, why::SCORED, 1, 0)
        } else {
            (f64::NAN, why::MISSING, 1, 0)
        }
    } else {
        (f64::NAN, why::NOT_APPLICABLE, 0, 0)
    }
}

/// Where the pass reads each child's weight and each group's aggregation:
/// the compiled framework's own ([`Own`]) or ones passed in
/// ([`Weights`], the hook of the uncertainty analysis). Monomorphised, so
/// the framework's own pass reads its arrays as before.
pub(crate) trait Params {
    /// The weight of the child in `slot`, at position `pos` of `children`.
    fn weight(&self, pos: usize, slot: &Slot) -> f64;
    /// Per leaf `[w_mean, w_flat, n_flat]`, as `Compiled::leaf_weights`.
    fn leaf_weights<'a>(&'a self, own: &'a [[f64; 3]]) -> &'a [[f64; 3]];
    /// The aggregation of group `node` (at index `i`).
    fn aggregation(&self, i: usize, node: &Node) -> Aggregation;
    /// Whether flat sums are needed (`own`: the framework's answer).
    fn needs_flat(&self, own: bool) -> bool;
}

/// The compiled framework's own weights and aggregations.
pub(crate) struct Own;

impl Params for Own {
    #[inline(always)]
    fn weight(&self, _: usize, slot: &Slot) -> f64 {
        slot.weight
    }
    #[inline(always)]
    fn leaf_weights<'a>(&'a self, own: &'a [[f64; 3]]) -> &'a [[f64; 3]] {
        own
    }
    #[inline(always)]
    fn aggregation(&self, _: usize, node: &Node) -> Aggregation {
        node.aggregation
    }
    #[inline(always)]
    fn needs_flat(&self, own: bool) -> bool {
        own
    }
}

/// Weights (and optionally one aggregation for every group) passed in
/// instead of read from the compiled framework.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Weights<'a> {
    /// Aligned with `Compiled::slots` (and `children`): each child's weight.
    pub slot: &'a [f64],
    /// Per leaf `[w_mean, w_flat, n_flat]`, as `Compiled::leaf_weights`
    /// (0 where the leaf is unscored or weighs 0).
    pub leaf: &'a [[f64; 3]],
    /// When set, the groups `at` names aggregate so (per-criterion
    /// overrides too).
    pub aggregation: Option<Aggregation>,
    /// Per node index: whether `aggregation` applies to it; empty: to
    /// every group.
    pub at: &'a [bool],
}

impl Params for Weights<'_> {
    #[inline(always)]
    fn weight(&self, pos: usize, _: &Slot) -> f64 {
        self.slot.get(pos).copied().unwrap_or(0.0)
    }
    #[inline(always)]
    fn leaf_weights<'a>(&'a self, _: &'a [[f64; 3]]) -> &'a [[f64; 3]] {
        self.leaf
    }
    #[inline(always)]
    fn aggregation(&self, i: usize, node: &Node) -> Aggregation {
        match self.aggregation {
            Some(a) if self.at.is_empty() || self.at.get(i).copied().unwrap_or(false) => a,
            _ => node.aggregation,
        }
    }
    #[inline(always)]
    fn needs_flat(&self, own: bool) -> bool {
        own || matches!(
            self.aggregation,
            Some(Aggregation::Flat | Aggregation::FlatUnweighted)
        )
    }
}

impl Compiled {
    /// Runs the whole bottom-up pass: after it, `scratch` holds every
    /// group's result. `values` are the dense leaf values (a normalised
    /// score in [0, 1], NaN for missing, [`NOT_APPLICABLE`]).
    pub(crate) fn evaluate(&self, values: &[f64], mode: Mode, scratch: &mut Scratch) {
        self.evaluate_with(values, mode, scratch, &Own);
    }

    /// [`Compiled::evaluate`] with the weights and aggregations of `p`.
    pub(crate) fn evaluate_with<P: Params>(
        &self,
        values: &[f64],
        mode: Mode,
        scratch: &mut Scratch,
        p: &P,
    ) {
        self.evaluate_groups_with(&self.groups_rev, values, mode, scratch, p);
    }

    /// Re-evaluates only `groups` (children before parents), reading every
    /// other group's result from `scratch` as an earlier pass left it: the
    /// groups whose inputs `p` changes, and their ancestors.
    pub(crate) fn evaluate_groups_with<P: Params>(
        &self,
        groups: &[u32],
        values: &[f64],
        mode: Mode,
        scratch: &mut Scratch,
        p: &P,
    ) {
        scratch.fit(self.nodes.len());
        for &g in groups {
            self.eval_group_with(g as usize, values, mode, scratch, p);
        }
    }

    /// The score of node `i` (a leaf or a group) after [`Compiled::evaluate`].
    pub(crate) fn score_of(
        &self,
        i: usize,
        values: &[f64],
        mode: Mode,
        s: &Scratch,
    ) -> Option<f64> {
        let node = self.nodes.get(i)?;
        let x = if node.leaf == NONE {
            s.state.get(i)?.score
        } else {
            leaf_outcome(values.get(node.leaf as usize).copied()?, mode).0
        };
        (!x.is_nan()).then_some(x)
    }

    /// Re-evaluates group `i` from its children.
    #[inline(always)]
    pub(crate) fn eval_group(&self, i: usize, values: &[f64], mode: Mode, s: &mut Scratch) {
        self.eval_group_with(i, values, mode, s, &Own);
    }

    /// Re-evaluates each ancestor of node `node`, bottom-up: the only
    /// nodes whose result depends on that node's value.
    pub(crate) fn reevaluate_path(&self, node: usize, values: &[f64], mode: Mode, s: &mut Scratch) {
        let mut at = node;
        while let Some(n) = self.nodes.get(at).filter(|n| n.parent != NONE) {
            at = n.parent as usize;
            self.eval_group(at, values, mode, s);
        }
    }

    #[inline(always)]
    fn eval_group_with<P: Params>(
        &self,
        i: usize,
        values: &[f64],
        mode: Mode,
        s: &mut Scratch,
        p: &P,
    ) {
        let Some(node) = self.nodes.get(i) else {
            return;
        };
        let (state, flat) = self.group_outcome(i, node, values, mode, s, p);
        if let Some(slot) = s.state.get_mut(i) {
            *slot = state;
        }
        if p.needs_flat(self.needs_flat) {
            if let Some(slot) = s.flat.get_mut(i) {
                *slot = flat;
            }
        }
    }

    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn group_outcome<P: Params>(
        &self,
        i: usize,
        node: &Node,
        values: &[f64],
        mode: Mode,
        s: &Scratch,
        p: &P,
    ) -> (State, [f64; 4]) {
        // One monomorphised loop per aggregation (and per need of flat
        // sums), so the per-child work has no dispatch.
        let a = p.aggregation(i, node);
        match (a, p.needs_flat(self.needs_flat)) {
            (Aggregation::WeightedMean, false) => {
                self.gather::<Mean, false, P>(node, a, values, mode, s, p)
            }
            (Aggregation::WeightedMean, true) => {
                self.gather::<Mean, true, P>(node, a, values, mode, s, p)
            }
            (Aggregation::Flat | Aggregation::FlatUnweighted, _) => {
                self.gather::<Mean, true, P>(node, a, values, mode, s, p)
            }
            (Aggregation::GeometricMean, false) => {
                self.gather::<Geometric, false, P>(node, a, values, mode, s, p)
            }
            (Aggregation::GeometricMean, true) => {
                self.gather::<Geometric, true, P>(node, a, values, mode, s, p)
            }
            (Aggregation::HarmonicMean, false) => {
                self.gather::<Harmonic, false, P>(node, a, values, mode, s, p)
            }
            (Aggregation::HarmonicMean, true) => {
                self.gather::<Harmonic, true, P>(node, a, values, mode, s, p)
            }
            (Aggregation::Minimum, false) => {
                self.gather::<Minimum, false, P>(node, a, values, mode, s, p)
            }
            (Aggregation::Minimum, true) => {
                self.gather::<Minimum, true, P>(node, a, values, mode, s, p)
            }
            (Aggregation::All, false) => self.gather::<All, false, P>(node, a, values, mode, s, p),
            (Aggregation::All, true) => self.gather::<All, true, P>(node, a, values, mode, s, p),
        }
    }

    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn gather<F: Fold, const FLAT: bool, P: Params>(
        &self,
        node: &Node,
        aggregation: Aggregation,
        values: &[f64],
        mode: Mode,
        s: &Scratch,
        p: &P,
    ) -> (State, [f64; 4]) {
        let mut applicable = 0u32;
        let mut rated = 0u32;
        let mut flat = [0.0f64; 4];
        let mut fold = F::default();
        if F::MEAN && node.leaf_run {
            let run = node.run_start as usize..node.run_end as usize;
            let leaf_weights = p.leaf_weights(&self.leaf_weights);
            if let (Some(vs), Some(ws)) = (values.get(run.clone()), leaf_weights.get(run)) {
                // A group of leaves under a mean: branch-free sums over
                // the contiguous leaf run. Excluded leaves add +0.0, which
                // leaves every sum bit for bit as the general loop does.
                let zero = mode.missing_zero;
                let (mut acc, mut sum_w) = (0.0f64, 0.0f64);
                for (&v, &[w, fw, fc]) in vs.iter().zip(ws) {
                    let is_rated = v >= 0.0;
                    let has_score = is_rated | (zero & v.is_nan());
                    applicable = applicable.saturating_add(u32::from(is_rated || v.is_nan()));
                    rated = rated.saturating_add(u32::from(is_rated));
                    let x = if is_rated { v } else { 0.0 };
                    let w = if has_score { w } else { 0.0 };
                    acc += w * x;
                    sum_w += w;
                    if FLAT {
                        let fw = if has_score { fw } else { 0.0 };
                        let fc = if has_score { fc } else { 0.0 };
                        flat[0] += fw * x;
                        flat[1] += fw;
                        flat[2] += fc * x;
                        flat[3] += fc;
                    }
                }
                fold.set_mean(acc, sum_w);
                return self.finish(aggregation, mode, applicable, rated, flat, &fold);
            }
        }
        for (pos, slot) in (node.first_child as usize..).zip(self.slots_of(node)) {
            let weight = p.weight(pos, slot);
            let (score, app, rat) = if slot.leaf != NONE {
                let v = values.get(slot.leaf as usize).copied().unwrap_or(f64::NAN);
                let (score, _, app, rat) = leaf_outcome(v, mode);
                if FLAT && slot.scored && weight > 0.0 && !score.is_nan() {
                    flat[0] += weight * score;
                    flat[1] += weight;
                    flat[2] += score;
                    flat[3] += 1.0;
                }
                (score, app, rat)
            } else {
                let child = s.group(slot.node as usize);
                if FLAT && slot.scored {
                    let f = s.flat.get(slot.node as usize).copied().unwrap_or([0.0; 4]);
                    flat[0] += f[0];
                    flat[1] += f[1];
                    flat[2] += f[2];
                    flat[3] += f[3];
                }
                (child.score, child.applicable, child.rated)
            };
            applicable = applicable.saturating_add(app);
            rated = rated.saturating_add(rat);
            if slot.scored && weight > 0.0 && !score.is_nan() {
                fold.add(weight, score);
            }
        }
        self.finish(aggregation, mode, applicable, rated, flat, &fold)
    }

    /// A group's result from its gathered counts, flat sums and fold.
    #[inline(always)]
    fn finish<F: Fold>(
        &self,
        aggregation: Aggregation,
        mode: Mode,
        applicable: u32,
        rated: u32,
        flat: [f64; 4],
        fold: &F,
    ) -> (State, [f64; 4]) {
        let none = |why| {
            let state = State {
                score: f64::NAN,
                why,
                applicable,
                rated,
            };
            (state, [0.0; 4])
        };
        if applicable == 0 {
            return none(why::NOT_APPLICABLE);
        }
        if let Some(min) = mode.min_coverage {
            if f64::from(rated) / f64::from(applicable) < min {
                return none(why::INSUFFICIENT_COVERAGE);
            }
        }
        let score = match aggregation {
            Aggregation::Flat => (flat[1] > 0.0).then(|| flat[0] / flat[1]),
            Aggregation::FlatUnweighted => (flat[3] > 0.0).then(|| flat[2] / flat[3]),
            _ => fold.finish(),
        };
        let state = State {
            score: score.unwrap_or(f64::NAN),
            why: if score.is_some() {
                why::SCORED
            } else {
                why::NOTHING_TO_AGGREGATE
            },
            applicable,
            rated,
        };
        // A group without a score of its own still passes its leaves up
        // to a flat ancestor (rule 5): only an unscored group or one cut
        // out by coverage withholds them.
        (state, flat)
    }
}

/// The running state of one group's aggregate over its included children
/// (scored, weight > 0, with a score), rule 5; `finish` is `None` when
/// nothing was included (rule 4).
trait Fold: Default {
    /// Whether this is the weighted mean (with a branch-free leaf path).
    const MEAN: bool = false;
    fn add(&mut self, w: f64, score: f64);
    fn finish(&self) -> Option<f64>;
    /// Sets the mean's sums directly (only called when `MEAN`).
    fn set_mean(&mut self, _acc: f64, _sum_w: f64) {}
}

/// `WeightedMean`: Σ wᵢsᵢ / Σ wᵢ.
#[derive(Default)]
struct Mean {
    sum_w: f64,
    acc: f64,
}

impl Fold for Mean {
    const MEAN: bool = true;
    #[inline(always)]
    fn set_mean(&mut self, acc: f64, sum_w: f64) {
        self.acc = acc;
        self.sum_w = sum_w;
    }
    #[inline(always)]
    fn add(&mut self, w: f64, score: f64) {
        self.sum_w += w;
        self.acc += w * score;
    }
    #[inline(always)]
    fn finish(&self) -> Option<f64> {
        (self.sum_w > 0.0).then(|| self.acc / self.sum_w)
    }
}

/// The weighted means that a zero child makes zero (low compensability):
/// `Σ term(wᵢ, sᵢ)` is folded over the included children and `mean` turns
/// the sum into the score, or the score is 0 when any included sᵢ is 0.
trait ZeroAbsorbing {
    fn term(w: f64, score: f64) -> f64;
    fn mean(acc: f64, sum_w: f64) -> f64;
}

/// `GeometricMean`: Π sᵢ^(wᵢ/Σw) = exp(Σ wᵢ ln sᵢ / Σw).
struct GeometricTerms;

impl ZeroAbsorbing for GeometricTerms {
    #[inline(always)]
    fn term(w: f64, score: f64) -> f64 {
        w * score.ln()
    }
    #[inline(always)]
    fn mean(acc: f64, sum_w: f64) -> f64 {
        (acc / sum_w).exp()
    }
}

/// `HarmonicMean`: Σw / Σ(wᵢ/sᵢ).
struct HarmonicTerms;

impl ZeroAbsorbing for HarmonicTerms {
    #[inline(always)]
    fn term(w: f64, score: f64) -> f64 {
        w / score
    }
    #[inline(always)]
    fn mean(acc: f64, sum_w: f64) -> f64 {
        sum_w / acc
    }
}

/// The fold of a [`ZeroAbsorbing`] mean.
struct Absorbing<M> {
    sum_w: f64,
    acc: f64,
    zero: bool,
    means: std::marker::PhantomData<M>,
}

impl<M> Default for Absorbing<M> {
    fn default() -> Absorbing<M> {
        Absorbing {
            sum_w: 0.0,
            acc: 0.0,
            zero: false,
            means: std::marker::PhantomData,
        }
    }
}

impl<M: ZeroAbsorbing> Fold for Absorbing<M> {
    #[inline(always)]
    fn add(&mut self, w: f64, score: f64) {
        self.sum_w += w;
        if score > 0.0 {
            self.acc += M::term(w, score);
        } else {
            self.zero = true;
        }
    }
    #[inline(always)]
    fn finish(&self) -> Option<f64> {
        (self.sum_w > 0.0).then(|| {
            if self.zero {
                0.0
            } else {
                M::mean(self.acc, self.sum_w)
            }
        })
    }
}

type Geometric = Absorbing<GeometricTerms>;
type Harmonic = Absorbing<HarmonicTerms>;

/// `Minimum`: the weakest included child.
struct Minimum {
    min: f64,
}

impl Default for Minimum {
    fn default() -> Minimum {
        Minimum { min: f64::INFINITY }
    }
}

impl Fold for Minimum {
    #[inline(always)]
    fn add(&mut self, _: f64, score: f64) {
        self.min = self.min.min(score);
    }
    #[inline(always)]
    fn finish(&self) -> Option<f64> {
        (self.min <= 1.0).then_some(self.min)
    }
}

/// `All`: 1 when every included child is 1, else 0 (XCCDF absolute).
#[derive(Default)]
struct All {
    n: u32,
    below: bool,
}

impl Fold for All {
    #[inline(always)]
    fn add(&mut self, _: f64, score: f64) {
        self.n = self.n.saturating_add(1);
        self.below |= score < 1.0;
    }
    #[inline(always)]
    fn finish(&self) -> Option<f64> {
        (self.n > 0).then_some(if self.below { 0.0 } else { 1.0 })
    }
}
