//! The interpreter: [`Program::run`] evaluates the compiled program over a
//! block of up to `L` assessments side by side ("lanes"). Each scoring
//! rule it applies is written once, here: not applicable (rule 2), missing
//! ratings (3), unscored children and nothing to aggregate (4), every
//! aggregation (5), coverage and `min_coverage` (6) ([SPEC](crate::spec)
//! §5). A report, a total, a batch of totals, priorities, bounds,
//! uncertainty samples and the means in scale units all run it.
//!
//! Every lane runs the same sequence of floating-point operations as an
//! assessment evaluated alone: a child that is left out adds `+0.0` to a
//! sum (which changes no sum, since every sum starts at `+0.0` and adds
//! non-negative terms) instead of being skipped, so the loops over lanes
//! have no branches and the compiler vectorises them. One assessment is a
//! block of one lane: the same function.

use serde::{Deserialize, Serialize};

use super::program::{Input, Member, Program, Step};
use crate::model::rules::Aggregation;

/// The lanes of a batch: how many assessments one pass evaluates.
pub(crate) const LANES: usize = 8;

/// A leaf's value once bound (rules 1 to 3): its normalised score, or why
/// it has none. What [`crate::RatingsTable::value`] shows of a bound
/// rating.
///
/// # Examples
///
/// ```
/// use assessment_model::{Framework, LeafValue, RatingValue, RatingsTable, Scorer};
///
/// let framework: Framework = serde_json::from_str(r#"{
///     "id": "tiny", "version": "1.0.0", "title": "Tiny",
///     "scales": { "n": { "type": "numeric", "min": 0, "max": 4 } },
///     "criteria": [
///         { "id": "a", "title": "First", "scale": "n" },
///         { "id": "b", "title": "Second", "scale": "n" }
///     ]
/// }"#)?;
/// let scorer = Scorer::new(&framework)?;
/// let mut table = scorer.table(1);
/// table.set_ratings(0, &[Some(RatingValue::Number(1.0)), None])?;
/// assert_eq!(table.value(0, 0), Some(LeafValue::Rated(0.25)));
/// assert_eq!(table.value(0, 1), Some(LeafValue::Missing));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LeafValue {
    /// Rated applicable: the normalised score in [0, 1].
    Rated(f64),
    /// Applicable and without a rating.
    Missing,
    /// Rated not applicable, or marked so by the framework.
    NotApplicable,
}

/// A leaf's state in one lane of a [`Block`], beside its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// The value is the leaf's score.
    Rated,
    /// No rating; the value is 0.
    Missing,
    /// Left out as if absent; the value is 0.
    NotApplicable,
}

/// Leaf values for `L` lanes: per leaf, a value and a mark per lane.
#[derive(Debug, Clone)]
pub(crate) struct Block<const L: usize> {
    value: Vec<[f64; L]>,
    mark: Vec<[Mark; L]>,
}

impl<const L: usize> Block<L> {
    /// A block of `leaves` leaves, every lane not applicable (an empty
    /// lane evaluates to nothing).
    pub(crate) fn new(leaves: usize) -> Block<L> {
        Block {
            value: vec![[0.0; L]; leaves],
            mark: vec![[Mark::NotApplicable; L]; leaves],
        }
    }

    /// Every lane not applicable again, in place.
    pub(crate) fn clear(&mut self) {
        for marks in &mut self.mark {
            *marks = [Mark::NotApplicable; L];
        }
    }

    /// The number of leaves.
    pub(crate) fn leaves(&self) -> usize {
        self.value.len()
    }

    /// Sets leaf `leaf` of lane `lane`.
    #[inline]
    pub(crate) fn set(&mut self, leaf: usize, lane: usize, v: LeafValue) {
        let (x, m) = match v {
            LeafValue::Rated(x) => (x, Mark::Rated),
            LeafValue::Missing => (0.0, Mark::Missing),
            LeafValue::NotApplicable => (0.0, Mark::NotApplicable),
        };
        if let (Some(value), Some(mark)) = (
            self.value.get_mut(leaf).and_then(|v| v.get_mut(lane)),
            self.mark.get_mut(leaf).and_then(|m| m.get_mut(lane)),
        ) {
            (*value, *mark) = (x, m);
        }
    }

    /// Leaf `leaf` of lane `lane`.
    #[inline]
    pub(crate) fn get(&self, leaf: usize, lane: usize) -> LeafValue {
        let x = self.value.get(leaf).and_then(|v| v.get(lane)).copied();
        match self.mark.get(leaf).and_then(|m| m.get(lane)) {
            Some(Mark::Rated) => LeafValue::Rated(x.unwrap_or(0.0)),
            Some(Mark::Missing) => LeafValue::Missing,
            _ => LeafValue::NotApplicable,
        }
    }
}

impl Block<1> {
    /// One assessment's bound values as a block of one lane.
    pub(crate) fn of(values: &[LeafValue]) -> Block<1> {
        let mut block = Block::new(values.len());
        for (leaf, &v) in values.iter().enumerate() {
            block.set(leaf, 0, v);
        }
        block
    }
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

/// How the interpreter treats what is not rated: a missing leaf counts 0
/// (`MissingPolicy::Zero`) or is left out (rule 3), and the coverage
/// below which a group has no score (rule 6).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Policy {
    /// A missing leaf counts 0.
    pub missing_zero: bool,
    /// `ScoringRules::min_coverage`, where it applies.
    pub min_coverage: Option<f64>,
}

/// A node's result in one lane: its score or why it has none, and the
/// applicable and rated leaves below it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Evaluated {
    /// The score, or why there is none.
    pub score: Result<f64, NoScore>,
    /// Applicable leaves below (a leaf counts itself).
    pub applicable: u32,
    /// Rated applicable leaves below.
    pub rated: u32,
}

/// The running sums of one group's aggregate, per lane (rule 5), over its
/// included members: scored, weight above 0, with a score. `finish` turns
/// them into the score; a what-if updates them for one changed member.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sums<const L: usize> {
    /// Σ wᵢ.
    pub weight: [f64; L],
    /// Σ wᵢsᵢ (mean), Σ wᵢ ln sᵢ over sᵢ > 0 (geometric), Σ wᵢ/sᵢ over
    /// sᵢ > 0 (harmonic), the least sᵢ (minimum).
    pub total: [f64; L],
    /// How many members count: sᵢ = 0 (geometric, harmonic), sᵢ < 1
    /// (all), any (all, minimum).
    pub count: [u32; L],
    /// Members included (all, minimum: whether there is any).
    pub included: [u32; L],
    /// The second least sᵢ (minimum), and the member position of the
    /// least.
    pub second: [f64; L],
    /// See `second`.
    pub least_at: [u32; L],
    /// The flat sums over the included leaves below: Σ wᵢsᵢ, Σ wᵢ, Σ sᵢ
    /// and how many, for the flat methods.
    pub flat: [[f64; L]; 4],
}

impl<const L: usize> Sums<L> {
    const EMPTY: Sums<L> = Sums {
        weight: [0.0; L],
        total: [0.0; L],
        count: [0; L],
        included: [0; L],
        second: [f64::INFINITY; L],
        least_at: [0; L],
        flat: [[0.0; L]; 4],
    };

    fn empty(method: Aggregation) -> Sums<L> {
        let mut sums = Sums::EMPTY;
        if method == Aggregation::Minimum {
            sums.total = [f64::INFINITY; L];
        }
        sums
    }

    /// Adds member `at` of weight `w` with scores `x` where `included`.
    /// One loop over the lanes per method, each without branches but the
    /// minimum's, so that the compiler vectorises them.
    #[inline(always)]
    fn add(&mut self, method: Aggregation, at: u32, w: f64, x: &[f64; L], included: &[bool; L]) {
        let lanes = self.weight.iter_mut().zip(self.included.iter_mut());
        for ((weight, n), &inc) in lanes.zip(included) {
            *weight += if inc { w } else { 0.0 };
            *n = n.saturating_add(u32::from(inc));
        }
        let lanes = self.total.iter_mut().zip(self.count.iter_mut());
        let lanes = lanes.zip(x.iter().zip(included));
        match method {
            Aggregation::WeightedMean => {
                for ((total, _), (&x, &inc)) in lanes {
                    *total += if inc { w * x } else { 0.0 };
                }
            }
            Aggregation::GeometricMean | Aggregation::HarmonicMean => {
                let geometric = method == Aggregation::GeometricMean;
                for ((total, count), (&x, &inc)) in lanes {
                    let positive = x > 0.0;
                    *count = count.saturating_add(u32::from(inc && !positive));
                    let term = if geometric { w * x.ln() } else { w / x };
                    *total += if inc && positive { term } else { 0.0 };
                }
            }
            Aggregation::Minimum => {
                let rest = self.second.iter_mut().zip(self.least_at.iter_mut());
                for (((least, _), (&x, &inc)), (second, least_at)) in lanes.zip(rest) {
                    if inc && x < *least {
                        (*second, *least, *least_at) = (*least, x, at);
                    } else if inc && x < *second {
                        *second = x;
                    }
                }
            }
            Aggregation::All => {
                for ((_, count), (&x, &inc)) in lanes {
                    *count = count.saturating_add(u32::from(inc && x < 1.0));
                }
            }
            Aggregation::Flat | Aggregation::FlatUnweighted => {}
        }
    }

    /// The score in lane `lane` (rule 5), `None` when nothing is included
    /// (rule 4).
    #[inline(always)]
    pub(crate) fn finish(&self, method: Aggregation, lane: usize) -> Option<f64> {
        let get = |a: &[f64; L]| a.get(lane).copied().unwrap_or(0.0);
        let (weight, total) = (get(&self.weight), get(&self.total));
        let count = self.count.get(lane).copied().unwrap_or(0);
        let included = self.included.get(lane).copied().unwrap_or(0) > 0;
        let [flat_ws, flat_w, flat_s, flat_n] = self.flat.each_ref().map(get);
        match method {
            Aggregation::WeightedMean => (weight > 0.0).then(|| total / weight),
            Aggregation::Flat => (flat_w > 0.0).then(|| flat_ws / flat_w),
            Aggregation::FlatUnweighted => (flat_n > 0.0).then(|| flat_s / flat_n),
            Aggregation::GeometricMean => (weight > 0.0).then(|| {
                if count > 0 {
                    0.0
                } else {
                    (total / weight).exp()
                }
            }),
            Aggregation::HarmonicMean => {
                (weight > 0.0).then(|| if count > 0 { 0.0 } else { weight / total })
            }
            Aggregation::Minimum => included.then_some(total),
            Aggregation::All => included.then_some(if count > 0 { 0.0 } else { 1.0 }),
        }
    }
}

impl Sums<1> {
    /// These sums with member `at` (weight `w`, included) changed from
    /// score `old` to `new`, and the flat sums moved by `flat`: what a
    /// what-if needs to finish the group again without its other members
    /// (rule 5's running sums; agrees with a full pass within rounding).
    pub(crate) fn replaced(
        mut self,
        method: Aggregation,
        change: Option<(u32, f64, f64, f64)>,
        flat: [f64; 4],
    ) -> Sums<1> {
        for (sum, d) in self.flat.iter_mut().zip(flat) {
            sum[0] += d;
        }
        let Some((at, w, old, new)) = change else {
            return self;
        };
        let [total] = &mut self.total;
        let [count] = &mut self.count;
        let step = |x: bool| u32::from(x);
        match method {
            Aggregation::WeightedMean => *total = *total - w * old + w * new,
            Aggregation::GeometricMean | Aggregation::HarmonicMean => {
                let term = |x: f64| match method {
                    _ if x <= 0.0 => 0.0,
                    Aggregation::GeometricMean => w * x.ln(),
                    _ => w / x,
                };
                *count = count
                    .saturating_sub(step(old <= 0.0))
                    .saturating_add(step(new <= 0.0));
                *total = *total - term(old) + term(new);
            }
            Aggregation::Minimum => {
                let [second] = self.second;
                *total = if self.least_at == [at] {
                    new.min(second)
                } else {
                    total.min(new)
                };
            }
            Aggregation::All => {
                *count = count
                    .saturating_sub(step(old < 1.0))
                    .saturating_add(step(new < 1.0));
            }
            Aggregation::Flat | Aggregation::FlatUnweighted => {}
        }
        self
    }
}

impl<const L: usize> Sums<L> {
    /// Lane `lane` alone.
    pub(crate) fn lane(&self, lane: usize) -> Sums<1> {
        let f = |a: &[f64; L]| [a.get(lane).copied().unwrap_or(0.0)];
        let n = |a: &[u32; L]| [a.get(lane).copied().unwrap_or(0)];
        Sums {
            weight: f(&self.weight),
            total: f(&self.total),
            count: n(&self.count),
            included: n(&self.included),
            second: f(&self.second),
            least_at: n(&self.least_at),
            flat: self.flat.each_ref().map(f),
        }
    }
}

/// The evaluated program for a block: per step (group), per lane.
#[derive(Debug, Clone)]
pub(crate) struct Results<const L: usize> {
    /// Per step, when some step is flat: the flat sums it passes up.
    pub flat: Vec<[[f64; L]; 4]>,
    /// Per step: its score (0 where it has none).
    pub score: Vec<[f64; L]>,
    /// Per step: why it has no score.
    pub reason: Vec<[Option<NoScore>; L]>,
    /// Per step: applicable leaves below.
    pub applicable: Vec<[u32; L]>,
    /// Per step: rated applicable leaves below.
    pub rated: Vec<[u32; L]>,
}

impl<const L: usize> Default for Results<L> {
    fn default() -> Results<L> {
        Results {
            flat: Vec::new(),
            score: Vec::new(),
            reason: Vec::new(),
            applicable: Vec::new(),
            rated: Vec::new(),
        }
    }
}

impl<const L: usize> Results<L> {
    /// Step `step`'s result in lane `lane`.
    pub(crate) fn group(&self, step: usize, lane: usize) -> Evaluated {
        let lane_of = |a: Option<&[u32; L]>| a.and_then(|a| a.get(lane)).copied().unwrap_or(0);
        let reason = self.reason.get(step).and_then(|r| r.get(lane)).copied();
        let score = self.score.get(step).and_then(|s| s.get(lane)).copied();
        Evaluated {
            score: match (reason, score) {
                (Some(None), Some(x)) => Ok(x),
                (Some(Some(why)), _) => Err(why),
                _ => Err(NoScore::NothingToAggregate),
            },
            applicable: lane_of(self.applicable.get(step)),
            rated: lane_of(self.rated.get(step)),
        }
    }

    /// The total of lane `lane` (rules 4, 6 and 12): the root's score,
    /// `None` when it has none or no applicable leaf is rated.
    pub(crate) fn total(&self, lane: usize) -> Option<f64> {
        let root = self.root(lane);
        root.score.ok().filter(|_| root.rated > 0)
    }

    /// The root's (the total's) result in lane `lane`.
    pub(crate) fn root(&self, lane: usize) -> Evaluated {
        self.group(self.score.len().saturating_sub(1), lane)
    }

    fn fit(&mut self, steps: usize, flat: bool) {
        self.flat
            .resize(if flat { steps } else { 0 }, [[0.0; L]; 4]);
        if self.score.len() != steps {
            self.score.resize(steps, [0.0; L]);
            self.reason.resize(steps, [None; L]);
            self.applicable.resize(steps, [0; L]);
            self.rated.resize(steps, [0; L]);
        }
    }
}

/// A leaf's result from its value and mark under `policy` (rules 2, 3):
/// `(score, has a score, applicable, rated)`.
#[inline(always)]
pub(crate) fn leaf_result(x: f64, mark: Mark, policy: Policy) -> (f64, bool, u32, u32) {
    match mark {
        Mark::Rated => (x, true, 1, 1),
        Mark::Missing => (0.0, policy.missing_zero, 1, 0),
        Mark::NotApplicable => (0.0, false, 0, 0),
    }
}

/// A leaf's [`Evaluated`] under `policy`.
pub(crate) fn leaf_evaluated(v: LeafValue, policy: Policy) -> Evaluated {
    let (score, applicable, rated) = match v {
        LeafValue::Rated(x) => (Ok(x), 1, 1),
        LeafValue::Missing if policy.missing_zero => (Ok(0.0), 1, 0),
        LeafValue::Missing => (Err(NoScore::Missing), 1, 0),
        LeafValue::NotApplicable => (Err(NoScore::NotApplicable), 0, 0),
    };
    Evaluated {
        score,
        applicable,
        rated,
    }
}

impl Program {
    /// Evaluates every step over `block` into `out` (rules 2 to 6).
    pub(crate) fn run<const L: usize>(
        &self,
        block: &Block<L>,
        policy: Policy,
        out: &mut Results<L>,
    ) {
        out.fit(self.steps.len(), self.flat);
        for (i, step) in self.steps.iter().enumerate() {
            let (sums, applicable, rated) = self.gather(step, block, policy, out);
            self.settle(i, step.method, sums, applicable, rated, policy, out);
        }
    }

    /// The sums and counts of `step`'s members, reading its group members'
    /// results from `out` (they come earlier in post-order).
    #[inline(always)]
    pub(crate) fn gather<const L: usize>(
        &self,
        step: &Step,
        block: &Block<L>,
        policy: Policy,
        out: &Results<L>,
    ) -> (Sums<L>, [u32; L], [u32; L]) {
        let mut sums = Sums::<L>::empty(step.method);
        let (mut applicable, mut rated) = ([0u32; L], [0u32; L]);
        for (at, member) in (0u32..).zip(self.members_of(step)) {
            let (x, has, app, rat) = member_lanes(member, block, policy, out);
            let counts = applicable.iter_mut().zip(rated.iter_mut());
            for ((a, b), (c, d)) in counts.zip(app.iter().zip(&rat)) {
                *a = a.saturating_add(*c);
                *b = b.saturating_add(*d);
            }
            let counts = member.counts();
            let included = has.map(|h| h && counts);
            sums.add(step.method, at, member.weight, &x, &included);
            if self.flat && member.scored {
                add_flat(&mut sums.flat, &member_flat(member, &x, &included, out));
            }
        }
        (sums, applicable, rated)
    }

    /// Stores `step`'s result (rules 2, 4 and 6): not applicable when no
    /// applicable leaf is below it, insufficient coverage below
    /// `min_coverage`, else its method's score or nothing to aggregate. A
    /// group without a score of its own still passes its leaves up to a
    /// flat ancestor; one not applicable or cut out by coverage does not.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn settle<const L: usize>(
        &self,
        i: usize,
        method: Aggregation,
        mut sums: Sums<L>,
        applicable: [u32; L],
        rated: [u32; L],
        policy: Policy,
        out: &mut Results<L>,
    ) {
        let mut score = [0.0; L];
        let mut reason = [None; L];
        for lane in 0..L {
            let app = applicable.get(lane).copied().unwrap_or(0);
            let rat = rated.get(lane).copied().unwrap_or(0);
            let result = if app == 0 {
                Err(NoScore::NotApplicable)
            } else if policy
                .min_coverage
                .is_some_and(|min| f64::from(rat) / f64::from(app) < min)
            {
                Err(NoScore::InsufficientCoverage)
            } else {
                sums.finish(method, lane).ok_or(NoScore::NothingToAggregate)
            };
            if let Err(NoScore::NotApplicable | NoScore::InsufficientCoverage) = result {
                for f in &mut sums.flat {
                    if let Some(f) = f.get_mut(lane) {
                        *f = 0.0;
                    }
                }
            }
            if let (Some(s), Some(r)) = (score.get_mut(lane), reason.get_mut(lane)) {
                (*s, *r) = match result {
                    Ok(x) => (x, None),
                    Err(why) => (0.0, Some(why)),
                };
            }
        }
        if let (Some(s), Some(r)) = (out.score.get_mut(i), out.reason.get_mut(i)) {
            (*s, *r) = (score, reason);
        }
        if let Some(f) = out.flat.get_mut(i) {
            *f = sums.flat;
        }
        if let (Some(a), Some(r)) = (out.applicable.get_mut(i), out.rated.get_mut(i)) {
            (*a, *r) = (applicable, rated);
        }
    }
}

/// A member's lanes: score, whether it has one, and the applicable and
/// rated leaves below it.
#[inline(always)]
fn member_lanes<const L: usize>(
    member: &Member,
    block: &Block<L>,
    policy: Policy,
    out: &Results<L>,
) -> ([f64; L], [bool; L], [u32; L], [u32; L]) {
    let (mut x, mut has) = ([0.0; L], [false; L]);
    let (mut app, mut rat) = ([0u32; L], [0u32; L]);
    match member.input {
        Input::Leaf(leaf) => {
            let values = block.value.get(leaf as usize);
            let marks = block.mark.get(leaf as usize);
            if let (Some(values), Some(marks)) = (values, marks) {
                let lanes = x
                    .iter_mut()
                    .zip(has.iter_mut())
                    .zip(app.iter_mut().zip(rat.iter_mut()));
                for (((x, has), (app, rat)), (&v, &m)) in lanes.zip(values.iter().zip(marks)) {
                    (*x, *has, *app, *rat) = leaf_result(v, m, policy);
                }
            }
        }
        Input::Group(step) => {
            let step = step as usize;
            if let (Some(s), Some(r), Some(a), Some(d)) = (
                out.score.get(step),
                out.reason.get(step),
                out.applicable.get(step),
                out.rated.get(step),
            ) {
                x = *s;
                has = r.map(|r| r.is_none());
                (app, rat) = (*a, *d);
            }
        }
    }
    (x, has, app, rat)
}

/// The flat sums a member passes up to its group (rule 5, flat methods):
/// a leaf's own Σwᵢsᵢ, Σwᵢ, Σsᵢ and count where it is included, a
/// group's sums as it settled them.
#[inline(always)]
fn member_flat<const L: usize>(
    member: &Member,
    x: &[f64; L],
    included: &[bool; L],
    out: &Results<L>,
) -> [[f64; L]; 4] {
    let mut flat = [[0.0; L]; 4];
    match member.input {
        Input::Leaf(_) => {
            let w = member.weight;
            let [ws, ww, s, n] = &mut flat;
            let sums = ws
                .iter_mut()
                .zip(ww.iter_mut())
                .zip(s.iter_mut().zip(n.iter_mut()));
            for (((ws, ww), (s, n)), (&x, &inc)) in sums.zip(x.iter().zip(included)) {
                (*ws, *ww) = if inc { (w * x, w) } else { (0.0, 0.0) };
                (*s, *n) = if inc { (x, 1.0) } else { (0.0, 0.0) };
            }
        }
        Input::Group(step) => {
            if let Some(sums) = out.flat.get(step as usize) {
                flat = *sums;
            }
        }
    }
    flat
}

#[inline(always)]
fn add_flat<const L: usize>(into: &mut [[f64; L]; 4], from: &[[f64; L]; 4]) {
    for (a, b) in into.iter_mut().zip(from) {
        for (a, b) in a.iter_mut().zip(b) {
            *a += *b;
        }
    }
}
