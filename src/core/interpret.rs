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

/// Leaf values for `L` lanes (at most 8): per leaf, its [`LeafLanes`],
/// and the scores of the leaves that need them as floats. A leaf whose
/// scores are all 0 or 1 (every binary leaf) is three masks, a ninth of
/// what lanes of floats take, so that a table of many rows stays in the
/// cache the interpreter reads it from.
#[derive(Debug, Clone)]
pub(crate) struct Block<const L: usize> {
    leaves: Vec<LeafLanes>,
    /// The lanes of the leaves whose [`LeafLanes::scores`] are floats.
    scores: Vec<[f64; L]>,
}

/// One leaf in up to 8 lanes: lane masks, a bit per lane, of whether it
/// is rated applicable and whether it is applicable (a missing leaf is
/// applicable and not rated; a not-applicable one is neither), and its
/// scores (0 unless rated). The interpreter reads a mask as lanes of 1.0
/// and 0.0 ([`mask_lanes`]), so the states enter its sums by
/// multiplication, which the compiler vectorises.
#[derive(Debug, Clone, Copy)]
struct LeafLanes {
    rated: u8,
    applicable: u8,
    /// The lanes whose score is 1, every other lane's being 0, while
    /// `scores` is `None`.
    ones: u8,
    /// Where some lane's score is neither 0 nor 1 (nor -0): the index in
    /// [`Block::scores`] of every lane's score, as a float.
    scores: Option<u32>,
}

impl LeafLanes {
    const NOT_APPLICABLE: LeafLanes = LeafLanes {
        rated: 0,
        applicable: 0,
        ones: 0,
        scores: None,
    };
}

/// The mask of lane `lane`: its bit set (none past the eighth).
fn lane_bit(lane: usize) -> u8 {
    1u8.checked_shl(u32::try_from(lane).unwrap_or(u32::MAX))
        .unwrap_or(0)
}

impl<const L: usize> Block<L> {
    /// A block of `leaves` leaves, every lane not applicable (an empty
    /// lane evaluates to nothing).
    pub(crate) fn new(leaves: usize) -> Block<L> {
        const { assert!(L >= 1 && L <= 8, "a lane mask is a byte") };
        Block {
            leaves: vec![LeafLanes::NOT_APPLICABLE; leaves],
            scores: Vec::new(),
        }
    }

    /// Every lane not applicable again, in place.
    pub(crate) fn clear(&mut self) {
        self.leaves.fill(LeafLanes::NOT_APPLICABLE);
        self.scores.clear();
    }

    /// The number of leaves.
    pub(crate) fn leaves(&self) -> usize {
        self.leaves.len()
    }

    /// Sets leaf `leaf` of lane `lane`.
    #[inline]
    pub(crate) fn set(&mut self, leaf: usize, lane: usize, v: LeafValue) {
        self.set_bit(leaf, lane, lane_bit(lane), v);
    }

    /// Sets leaf `leaf` of lane `lane`, whose mask is `bit`. The first
    /// score of the leaf that is neither 0 nor 1 gives it its lanes of
    /// floats, filled from its mask; from then on each score is written
    /// there too.
    #[inline]
    fn set_bit(&mut self, leaf: usize, lane: usize, bit: u8, v: LeafValue) {
        let (x, rated, applicable) = v.lanes();
        let Some(cell) = self.leaves.get_mut(leaf) else {
            return;
        };
        let put = |mask: u8, on: bool| if on { mask | bit } else { mask & !bit };
        cell.rated = put(cell.rated, rated);
        cell.applicable = put(cell.applicable, applicable);
        cell.ones = put(cell.ones, x == 1.0);
        let at = match cell.scores {
            Some(at) => at as usize,
            // Still masks: +0 (by its bits, so a -0 is kept as given) and 1
            // are in them already.
            None if x.to_bits() == 0 || x == 1.0 => return,
            None => {
                let at = self.scores.len();
                cell.scores = u32::try_from(at).ok();
                self.scores.push(*mask_lanes::<L>(cell.ones));
                at
            }
        };
        if let Some(score) = self
            .scores
            .get_mut(at)
            .and_then(|lanes| lanes.get_mut(lane))
        {
            *score = x;
        }
    }

    /// Sets every leaf of lane `lane` from `values` (leaf by leaf; a
    /// leaf past the end of `values` not applicable): a row of a table
    /// at once, with the lane's bit worked out once.
    pub(crate) fn set_lane(&mut self, lane: usize, values: &[LeafValue]) {
        let bit = lane_bit(lane);
        let values = values
            .iter()
            .copied()
            .chain(std::iter::repeat(LeafValue::NotApplicable));
        for (leaf, v) in (0..self.leaves.len()).zip(values) {
            self.set_bit(leaf, lane, bit, v);
        }
    }

    /// Leaf `leaf` of lane `lane`.
    #[inline]
    pub(crate) fn get(&self, leaf: usize, lane: usize) -> LeafValue {
        let cell = self.leaves.get(leaf).unwrap_or(&LeafLanes::NOT_APPLICABLE);
        let bit = lane_bit(lane);
        if cell.rated & bit != 0 {
            LeafValue::Rated(self.scores(cell).get(lane).copied().unwrap_or(0.0))
        } else if cell.applicable & bit != 0 {
            LeafValue::Missing
        } else {
            LeafValue::NotApplicable
        }
    }

    /// The scores of `cell` (one of this block's leaves) in every lane.
    #[inline(always)]
    fn scores(&self, cell: &LeafLanes) -> &[f64; L] {
        match cell.scores {
            Some(i) => self.scores.get(i as usize).unwrap_or(&[0.0; L]),
            None => mask_lanes(cell.ones),
        }
    }
}

/// Every lane mask as lanes of 1.0 (bit set) and 0.0: the form in which
/// the interpreter multiplies by it. Evaluated when the crate is built,
/// where an index out of range or an overflow fails the build: every cell
/// is written, so a loop that ran one step too far would fail it.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
static MASK_LANES: [[f64; 8]; 256] = {
    let mut lanes = [[0.0; 8]; 256];
    let mut bits = 0;
    while bits < 256 {
        let mut lane = 0;
        while lane < 8 {
            lanes[bits][lane] = if bits >> lane & 1 == 1 { 1.0 } else { 0.0 };
            lane += 1;
        }
        bits += 1;
    }
    lanes
};

/// Mask `bits` as `L` lanes of 1.0 and 0.0: the first `L` of its row
/// (a mask has every bit of 256 and `L` is at most 8, so the lookup
/// always finds them; the fallback is never taken).
#[inline(always)]
fn mask_lanes<const L: usize>(bits: u8) -> &'static [f64; L] {
    const ZEROS: [f64; 8] = [0.0; 8];
    let row = MASK_LANES.get(usize::from(bits)).unwrap_or(&ZEROS);
    row.first_chunk::<L>().unwrap_or(&[0.0; L])
}

impl Block<1> {
    /// One assessment's bound values as a block of one lane, sized once.
    pub(crate) fn of(values: impl ExactSizeIterator<Item = LeafValue>) -> Block<1> {
        let mut block = Block::new(values.len());
        for (leaf, v) in values.enumerate() {
            block.set_bit(leaf, 0, 1, v);
        }
        block
    }
}

impl LeafValue {
    /// What a block holds of this value in a lane: the score (0 unless
    /// rated), whether it is rated applicable, whether it is applicable.
    #[inline]
    fn lanes(self) -> (f64, bool, bool) {
        match self {
            LeafValue::Rated(x) => (x, true, true),
            LeafValue::Missing => (0.0, false, true),
            LeafValue::NotApplicable => (0.0, false, false),
        }
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
    /// A short human phrase for the reason, as a report's text shows it.
    ///
    /// # Examples
    ///
    /// ```
    /// use assessment_model::NoScore;
    ///
    /// assert_eq!(NoScore::Missing.describe(), "not rated");
    /// assert_eq!(NoScore::InsufficientCoverage.describe(), "insufficient coverage");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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

impl Policy {
    /// Whether a total under this policy reads the applicable and rated
    /// counts: where `min_coverage` can cut a group out (rule 6), and
    /// where a missing leaf counts 0, so that a total can be a score with
    /// nothing rated (rule 12). Otherwise a group that has a score has a
    /// rated leaf below it, so the counts can change no total.
    pub(crate) fn totals_read_counts(self) -> bool {
        self.missing_zero || self.min_coverage.is_some()
    }
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
/// included members: scored, weight above 0, with a score. [`Sums::finish_lanes`]
/// turns them into the score; a what-if updates them for one changed
/// member ([`Sums::replaced`]). Counts are kept as floats (exact far past
/// any framework's size) so that every lane operation is float arithmetic.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sums<const L: usize> {
    /// Σ wᵢ.
    pub weight: [f64; L],
    /// Σ wᵢsᵢ (mean), Σ wᵢ ln sᵢ over sᵢ > 0 (geometric), Σ wᵢ/sᵢ over
    /// sᵢ > 0 (harmonic), the least sᵢ (minimum).
    pub total: [f64; L],
    /// How many included members are at 0 (geometric, harmonic) or below
    /// 1 (all).
    pub count: [f64; L],
    /// The second least sᵢ (minimum).
    pub second: [f64; L],
    /// The member position of the least sᵢ (minimum).
    pub least_at: [u32; L],
    /// The flat sums over the included leaves below: Σ wᵢsᵢ, Σ wᵢ, Σ sᵢ
    /// and how many, for the flat methods.
    pub flat: [[f64; L]; 4],
}

impl<const L: usize> Sums<L> {
    /// Nothing included yet under `method`.
    #[inline(always)]
    fn empty(method: Aggregation) -> Sums<L> {
        let least = if method == Aggregation::Minimum {
            f64::INFINITY
        } else {
            0.0
        };
        Sums {
            weight: [0.0; L],
            total: [least; L],
            count: [0.0; L],
            second: [f64::INFINITY; L],
            least_at: [0; L],
            flat: [[0.0; L]; 4],
        }
    }

    /// Adds member `at` of weight `w`, scores `x`, in the lanes where
    /// `has` is 1 (a member without a score there adds +0.0, which
    /// changes no sum). One branch-free loop over the lanes per method but
    /// the minimum's, so that the compiler vectorises them. Every included
    /// member has a weight above 0, so Σ wᵢ > 0 says whether any is
    /// included.
    #[inline(always)]
    fn add(&mut self, method: Aggregation, at: u32, w: f64, x: &[f64; L], has: &[f64; L]) {
        for (weight, &h) in self.weight.iter_mut().zip(has) {
            *weight += w * h;
        }
        let lanes = self.total.iter_mut().zip(self.count.iter_mut());
        let lanes = lanes.zip(x.iter().zip(has));
        match method {
            Aggregation::WeightedMean => {
                // A lane without a score holds the score 0 (a leaf's value
                // is 0 unless rated, a group's score is 0 where it has
                // none), so w·x is already w·x·has, bit for bit.
                for ((total, _), (&x, _)) in lanes {
                    *total += w * x;
                }
            }
            Aggregation::GeometricMean | Aggregation::HarmonicMean => {
                let geometric = method == Aggregation::GeometricMean;
                // A lane without a score holds 0 (as for the mean), so a
                // positive score is one the member has: only the count of
                // zeros needs `has`.
                for ((total, count), (&x, &h)) in lanes {
                    let positive = x > 0.0;
                    let term = if geometric { w * x.ln() } else { w / x };
                    *total += if positive { term } else { 0.0 };
                    *count += if positive { 0.0 } else { h };
                }
            }
            Aggregation::Minimum => {
                let rest = self.second.iter_mut().zip(self.least_at.iter_mut());
                for (((least, _), (&x, &h)), (second, least_at)) in lanes.zip(rest) {
                    if h > 0.0 && x < *least {
                        (*second, *least, *least_at) = (*least, x, at);
                    } else if h > 0.0 && x < *second {
                        *second = x;
                    }
                }
            }
            Aggregation::All => {
                for ((_, count), (&x, &h)) in lanes {
                    *count += if x < 1.0 { h } else { 0.0 };
                }
            }
            Aggregation::Flat | Aggregation::FlatUnweighted => {}
        }
    }

    /// Every lane's score under `method` (rule 5) and whether it has one
    /// (1 or 0; none when nothing is included, rule 4).
    #[inline(always)]
    fn finish_lanes(&self, method: Aggregation) -> ([f64; L], [f64; L]) {
        let [flat_ws, flat_w, flat_s, flat_n] = &self.flat;
        let (num, den) = match method {
            Aggregation::Flat => (flat_ws, flat_w),
            Aggregation::FlatUnweighted => (flat_s, flat_n),
            _ => (&self.total, &self.weight),
        };
        let (mut score, mut has) = ([0.0; L], [0.0; L]);
        let out = score.iter_mut().zip(has.iter_mut());
        let sums = num.iter().zip(den).zip(self.count.iter().zip(&self.weight));
        let lanes = out.zip(sums);
        let set = |(score, has): (&mut f64, &mut f64), x: f64, any: bool| {
            (*score, *has) = if any { (x, 1.0) } else { (0.0, 0.0) };
        };
        match method {
            Aggregation::WeightedMean | Aggregation::Flat | Aggregation::FlatUnweighted => {
                for (out, ((&num, &den), _)) in lanes {
                    set(out, num / den, den > 0.0);
                }
            }
            Aggregation::GeometricMean => {
                for (out, ((&num, &den), (&zeros, _))) in lanes {
                    let x = if zeros > 0.0 { 0.0 } else { (num / den).exp() };
                    set(out, x, den > 0.0);
                }
            }
            Aggregation::HarmonicMean => {
                for (out, ((&num, &den), (&zeros, _))) in lanes {
                    set(out, if zeros > 0.0 { 0.0 } else { den / num }, den > 0.0);
                }
            }
            Aggregation::Minimum => {
                for (out, ((&least, _), (_, &weight))) in lanes {
                    set(out, least, weight > 0.0);
                }
            }
            Aggregation::All => {
                for (out, ((_, _), (&below, &weight))) in lanes {
                    set(out, if below > 0.0 { 0.0 } else { 1.0 }, weight > 0.0);
                }
            }
        }
        (score, has)
    }

    /// The score in lane `lane` (rule 5) of sums that include a member
    /// there, as a what-if's do: it changes a score, never what a group
    /// includes, so a group that had a score still has one (`None` only
    /// outside the lanes).
    pub(crate) fn score(&self, method: Aggregation, lane: usize) -> Option<f64> {
        let (score, _) = self.finish_lanes(method);
        score.get(lane).copied()
    }

    /// Lane `lane` alone.
    pub(crate) fn lane(&self, lane: usize) -> Sums<1> {
        let f = |a: &[f64; L]| [a.get(lane).copied().unwrap_or(0.0)];
        Sums {
            weight: f(&self.weight),
            total: f(&self.total),
            count: f(&self.count),
            second: f(&self.second),
            least_at: [self.least_at.get(lane).copied().unwrap_or(0)],
            flat: self.flat.each_ref().map(f),
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
        let step = |x: bool| if x { 1.0 } else { 0.0 };
        match method {
            Aggregation::WeightedMean => *total = *total - w * old + w * new,
            Aggregation::GeometricMean | Aggregation::HarmonicMean => {
                let term = |x: f64| match method {
                    _ if x <= 0.0 => 0.0,
                    Aggregation::GeometricMean => w * x.ln(),
                    _ => w / x,
                };
                *count = *count - step(old <= 0.0) + step(new <= 0.0);
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
            Aggregation::All => *count = *count - step(old < 1.0) + step(new < 1.0),
            Aggregation::Flat | Aggregation::FlatUnweighted => {}
        }
        self
    }
}

/// The evaluated program for a block: per step (group), per lane.
#[derive(Debug, Clone)]
pub(crate) struct Results<const L: usize> {
    /// Per step, in the program's order.
    steps: Vec<StepLanes<L>>,
    /// Per step, when some step is flat: the flat sums it passes up.
    flat: Vec<[[f64; L]; 4]>,
    /// The policy they were evaluated under (rules 3 and 6).
    policy: Policy,
    /// Whether only totals are read ([`Results::totals_only`]).
    totals_only: bool,
}

/// One step's result in `L` lanes, kept together so that a parent finds
/// it with one lookup.
#[derive(Debug, Clone, Copy)]
struct StepLanes<const L: usize> {
    /// Its score (0 where it has none).
    score: [f64; L],
    /// Whether it has a score (1 or 0).
    has: [f64; L],
    /// Applicable leaves below.
    applicable: [f64; L],
    /// Rated applicable leaves below.
    rated: [f64; L],
}

impl<const L: usize> StepLanes<L> {
    const EMPTY: StepLanes<L> = StepLanes {
        score: [0.0; L],
        has: [0.0; L],
        applicable: [0.0; L],
        rated: [0.0; L],
    };
}

impl<const L: usize> Default for Results<L> {
    fn default() -> Results<L> {
        Results {
            steps: Vec::new(),
            flat: Vec::new(),
            policy: Policy {
                missing_zero: false,
                min_coverage: None,
            },
            totals_only: false,
        }
    }
}

impl<const L: usize> Results<L> {
    /// Results of which only [`Results::total`] is read (batches of
    /// totals, uncertainty samples): the interpreter leaves the counts out
    /// where the totals do not read them, the rest of its work unchanged.
    pub(crate) fn totals_only() -> Results<L> {
        Results {
            totals_only: true,
            ..Results::default()
        }
    }

    /// Step `step`'s result in lane `lane`: not applicable when no
    /// applicable leaf is below it (rule 2), insufficient coverage when
    /// `min_coverage` cut it out (rule 6), else its score or nothing to
    /// aggregate (rule 4). Not for results made by
    /// [`Results::totals_only`], which may hold no counts.
    pub(crate) fn group(&self, step: usize, lane: usize) -> Evaluated {
        debug_assert!(
            self.counts(),
            "a group's result read from totals-only results"
        );
        let at = self.steps.get(step).unwrap_or(&StepLanes::EMPTY);
        let get = |a: &[f64; L]| a.get(lane).copied().unwrap_or(0.0);
        let (applicable, rated) = (get(&at.applicable), get(&at.rated));
        let score = if applicable <= 0.0 {
            Err(NoScore::NotApplicable)
        } else if cut(applicable, rated, self.policy.min_coverage) {
            Err(NoScore::InsufficientCoverage)
        } else if get(&at.has) > 0.0 {
            Ok(get(&at.score))
        } else {
            Err(NoScore::NothingToAggregate)
        };
        Evaluated {
            score,
            applicable: count(applicable),
            rated: count(rated),
        }
    }

    /// The total of lane `lane` (rules 4, 6 and 12): the root's score,
    /// `None` when it has none or no applicable leaf is rated.
    pub(crate) fn total(&self, lane: usize) -> Option<f64> {
        if !self.counts() {
            // The policy's totals read no counts: a root with a score has
            // a rated leaf below it (`Policy::totals_read_counts`).
            let root = self.steps.last()?;
            let has = root.has.get(lane).is_some_and(|&h| h > 0.0);
            return root.score.get(lane).copied().filter(|_| has);
        }
        let root = self.root(lane);
        root.score.ok().filter(|_| root.rated > 0)
    }

    /// The root's (the total's) result in lane `lane`.
    pub(crate) fn root(&self, lane: usize) -> Evaluated {
        self.group(self.steps.len().saturating_sub(1), lane)
    }

    /// Step `step`'s result in lane `lane` as a leaf's value: its score,
    /// else not applicable or missing. Where totals read neither counts
    /// nor flat sums ([`Policy::totals_read_counts`], a program without a
    /// flat step), a parent adds the same terms for that leaf as for the
    /// step (a group with no score and a missing leaf both enter as 0 with
    /// nothing to weigh), which [`Program::folded`] relies on.
    pub(crate) fn as_leaf(&self, step: usize, lane: usize) -> LeafValue {
        match self.group(step, lane).score {
            Ok(x) => LeafValue::Rated(x),
            Err(NoScore::NotApplicable) => LeafValue::NotApplicable,
            Err(_) => LeafValue::Missing,
        }
    }

    /// Whether the steps hold their applicable and rated counts: always,
    /// but for results that only totals read, under a policy whose totals
    /// do not read them ([`Policy::totals_read_counts`]).
    fn counts(&self) -> bool {
        !self.totals_only || self.policy.totals_read_counts()
    }

    fn fit(&mut self, steps: usize, flat: bool, policy: Policy) {
        self.policy = policy;
        self.flat
            .resize(if flat { steps } else { 0 }, [[0.0; L]; 4]);
        self.steps.resize(steps, StepLanes::EMPTY);
    }
}

/// Whether `min_coverage` cuts out a node with `applicable` applicable
/// leaves below, `rated` of them rated (rule 6: coverage is measured
/// where something is applicable).
#[inline(always)]
fn cut(applicable: f64, rated: f64, min_coverage: Option<f64>) -> bool {
    // With nothing applicable, 0/0 is NaN, which is below nothing: no test
    // of `applicable` is needed (and none is a branch in the lane loops).
    let min = min_coverage.unwrap_or(f64::NEG_INFINITY);
    rated / applicable < min
}

/// Per lane, 1.0 where a group with `applicable` applicable leaves below,
/// `rated` of them rated, keeps its score, else 0.0: something is
/// applicable (rule 2) and `min_coverage` does not cut it out (rule 6).
#[inline(always)]
fn kept<const L: usize>(
    applicable: &[f64; L],
    rated: &[f64; L],
    min_coverage: Option<f64>,
) -> [f64; L] {
    let mut keep = [0.0; L];
    for (keep, (&app, &rat)) in keep.iter_mut().zip(applicable.iter().zip(rated)) {
        *keep = if (app > 0.0) & !cut(app, rat, min_coverage) {
            1.0
        } else {
            0.0
        };
    }
    keep
}

/// A count of leaves kept as a float, as an integer (exact: the sums of
/// 0s and 1s stay far below 2^53 and `u32::MAX`).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn count(x: f64) -> u32 {
    x as u32
}

/// A leaf's [`Evaluated`] under `policy` (rules 2, 3).
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

/// A step's gathered members: its running sums, and its applicable and
/// rated leaves per lane.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Gathered<const L: usize> {
    /// The running sums of its aggregate.
    pub sums: Sums<L>,
    /// Applicable leaves below.
    pub applicable: [f64; L],
    /// Rated applicable leaves below.
    pub rated: [f64; L],
}

impl<const L: usize> Gathered<L> {
    fn empty(method: Aggregation) -> Gathered<L> {
        Gathered {
            sums: Sums::empty(method),
            applicable: [0.0; L],
            rated: [0.0; L],
        }
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
        out.fit(self.steps.len(), self.flat, policy);
        match (out.counts(), self.flat) {
            (true, true) => self.run_steps::<L, true, true>(block, policy, out),
            (true, false) => self.run_steps::<L, true, false>(block, policy, out),
            (false, true) => self.run_steps::<L, false, true>(block, policy, out),
            (false, false) => self.run_steps::<L, false, false>(block, policy, out),
        }
    }

    /// [`Program::run`], keeping each step's applicable and rated counts
    /// where `COUNTS` (when false, the coverage cut is not applied: the
    /// policy has no `min_coverage`), and the flat sums where `FLAT` (the
    /// program has a flat step: [`Program::flat`]).
    fn run_steps<const L: usize, const COUNTS: bool, const FLAT: bool>(
        &self,
        block: &Block<L>,
        policy: Policy,
        out: &mut Results<L>,
    ) {
        use Aggregation as A;
        for (i, step) in self.steps.iter().enumerate() {
            // Each arm is the same code with the method a constant, so that
            // the member loop is compiled with that method's arithmetic
            // alone: the method is matched once per step, not per member.
            match step.method {
                A::WeightedMean => {
                    self.step::<L, COUNTS, FLAT>(i, A::WeightedMean, block, policy, out)
                }
                A::GeometricMean => {
                    self.step::<L, COUNTS, FLAT>(i, A::GeometricMean, block, policy, out)
                }
                A::HarmonicMean => {
                    self.step::<L, COUNTS, FLAT>(i, A::HarmonicMean, block, policy, out)
                }
                A::Minimum => self.step::<L, COUNTS, FLAT>(i, A::Minimum, block, policy, out),
                A::All => self.step::<L, COUNTS, FLAT>(i, A::All, block, policy, out),
                A::Flat => self.step::<L, COUNTS, FLAT>(i, A::Flat, block, policy, out),
                A::FlatUnweighted => {
                    self.step::<L, COUNTS, FLAT>(i, A::FlatUnweighted, block, policy, out)
                }
            }
        }
    }

    /// Evaluates step `i`, whose method is `method`, into `out`.
    #[inline(always)]
    fn step<const L: usize, const COUNTS: bool, const FLAT: bool>(
        &self,
        i: usize,
        method: Aggregation,
        block: &Block<L>,
        policy: Policy,
        out: &mut Results<L>,
    ) {
        let Some(step) = self.steps.get(i) else {
            return;
        };
        let mut gathered = self.gather_members::<L, COUNTS, FLAT>(step, method, block, policy, out);
        self.settle::<L, COUNTS, FLAT>(i, method, &mut gathered, out);
    }

    /// One assessment's bound `values` as a block of one lane, and its
    /// evaluation.
    pub(crate) fn evaluate(&self, values: &[LeafValue], policy: Policy) -> (Block<1>, Results<1>) {
        let block = Block::of(values.iter().copied());
        let mut results = Results::default();
        self.run(&block, policy, &mut results);
        (block, results)
    }

    /// The sums and counts of `step`'s members, reading its group members'
    /// results from `out` (they come earlier in post-order).
    pub(crate) fn gather<const L: usize>(
        &self,
        step: &Step,
        block: &Block<L>,
        policy: Policy,
        out: &Results<L>,
    ) -> Gathered<L> {
        if self.flat {
            self.gather_members::<L, true, true>(step, step.method, block, policy, out)
        } else {
            self.gather_members::<L, true, false>(step, step.method, block, policy, out)
        }
    }

    /// [`Program::gather`], the step's method given as `method` (and
    /// `FLAT` whether the program is [`Program::flat`]). Every
    /// member counts towards coverage (rule 6; where `COUNTS`); one that
    /// is scored with a weight above 0 enters the aggregate where it has a
    /// score (rules 4, 5); a scored member passes its flat sums up (a leaf
    /// only where it counts). The sums are a local value, which the
    /// compiler keeps in registers: no member's lanes can point into them.
    #[inline(always)]
    fn gather_members<const L: usize, const COUNTS: bool, const FLAT: bool>(
        &self,
        step: &Step,
        method: Aggregation,
        block: &Block<L>,
        policy: Policy,
        out: &Results<L>,
    ) -> Gathered<L> {
        let mut gathered = Gathered::empty(method);
        let Gathered {
            sums,
            applicable,
            rated,
        } = &mut gathered;
        for (at, member) in (0u32..).zip(self.members_of(step)) {
            let Some([x, has, app, rat]) = member_lanes(member, block, policy, out) else {
                continue;
            };
            if COUNTS {
                add_lanes(applicable, app);
                add_lanes(rated, rat);
            }
            let counts = member.counts();
            if counts {
                sums.add(method, at, member.weight, x, has);
            }
            if FLAT && member.scored {
                match member.input {
                    Input::Leaf(_) if counts => {
                        add_leaf_flat(&mut sums.flat, member.weight, x, has)
                    }
                    Input::Leaf(_) => {}
                    Input::Group(child) => {
                        if let Some(flat) = out.flat.get(child as usize) {
                            for (sum, add) in sums.flat.iter_mut().zip(flat) {
                                add_lanes(sum, add);
                            }
                        }
                    }
                }
            }
        }
        gathered
    }

    /// Stores `step`'s result (rules 2, 4 and 6): its score where it has
    /// one; coverage below `min_coverage` or nothing applicable leaves it
    /// none. A group without a score of its own still passes its leaves up
    /// to a flat ancestor; one not applicable or cut out by coverage does
    /// not. A score is finite, so multiplying it by 0 or 1 keeps it or
    /// makes it 0. Without `COUNTS` nothing is cut out: there is no
    /// `min_coverage`, and a group with a score has a rated, so an
    /// applicable, leaf below it; nor are the counts stored, as the
    /// results do not hold them ([`Results::counts`]). Without `FLAT` no
    /// flat sums are kept or passed up.
    #[inline(always)]
    fn settle<const L: usize, const COUNTS: bool, const FLAT: bool>(
        &self,
        i: usize,
        method: Aggregation,
        gathered: &mut Gathered<L>,
        out: &mut Results<L>,
    ) {
        let (mut score, mut has) = gathered.sums.finish_lanes(method);
        if COUNTS {
            let keep = kept(
                &gathered.applicable,
                &gathered.rated,
                out.policy.min_coverage,
            );
            for ((score, has), &keep) in score.iter_mut().zip(has.iter_mut()).zip(&keep) {
                *has *= keep;
                *score *= *has;
            }
            if FLAT {
                for sum in &mut gathered.sums.flat {
                    for (s, &keep) in sum.iter_mut().zip(&keep) {
                        *s *= keep;
                    }
                }
            }
        }
        if let Some(flat) = out.flat.get_mut(i).filter(|_| FLAT) {
            *flat = gathered.sums.flat;
        }
        if let Some(at) = out.steps.get_mut(i) {
            (at.score, at.has) = (score, has);
            if COUNTS {
                (at.applicable, at.rated) = (gathered.applicable, gathered.rated);
            }
        }
    }
}

/// A member's lanes: score, whether it has one (1 or 0), and the
/// applicable and rated leaves below it (rules 2 and 3 for a leaf: a
/// missing leaf has the score 0 under `MissingPolicy::Zero`, none
/// otherwise). References, not copies: a leaf's masks are rows of
/// [`MASK_LANES`], a group's lanes its stored result.
#[inline(always)]
fn member_lanes<'a, const L: usize>(
    member: &Member,
    block: &'a Block<L>,
    policy: Policy,
    out: &'a Results<L>,
) -> Option<[&'a [f64; L]; 4]> {
    match member.input {
        Input::Leaf(leaf) => {
            let leaf = block.leaves.get(leaf as usize)?;
            let rated = mask_lanes(leaf.rated);
            let app = mask_lanes(leaf.applicable);
            let has = if policy.missing_zero { app } else { rated };
            Some([block.scores(leaf), has, app, rated])
        }
        Input::Group(step) => {
            let at = out.steps.get(step as usize)?;
            Some([&at.score, &at.has, &at.applicable, &at.rated])
        }
    }
}

/// A leaf's own flat sums, added where it has a score: wᵢsᵢ, wᵢ, sᵢ, 1.
#[inline(always)]
fn add_leaf_flat<const L: usize>(flat: &mut [[f64; L]; 4], w: f64, x: &[f64; L], has: &[f64; L]) {
    let [ws, ww, s, n] = flat;
    let sums = ws
        .iter_mut()
        .zip(ww.iter_mut())
        .zip(s.iter_mut().zip(n.iter_mut()));
    for (((ws, ww), (s, n)), (&x, &h)) in sums.zip(x.iter().zip(has)) {
        *ws += w * x * h;
        *ww += w * h;
        *s += x * h;
        *n += h;
    }
}

/// `into += from`, lane by lane.
#[inline(always)]
fn add_lanes<const L: usize>(into: &mut [f64; L], from: &[f64; L]) {
    for (a, b) in into.iter_mut().zip(from) {
        *a += b;
    }
}
