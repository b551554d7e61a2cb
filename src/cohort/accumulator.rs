//! [`Accumulator`]: the running statistics of one node over a cohort's
//! members, mergeable in any order.

use serde::{Deserialize, Serialize};

/// Running moments of a stream of values: count, mean and sum of squared
/// deviations by Welford's update, merged by Chan, Golub and LeVeque's
/// pairwise formula, minimum and maximum. 40 bytes, whatever the count.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Moments {
    count: u64,
    mean: f64,
    /// Σ (x − mean)², Welford's M2.
    m2: f64,
    min: f64,
    max: f64,
}

/// Every value pushed, as a multiset, for the exact median and the moments
/// of the sorted values.
///
/// Values that repeat are kept once with their count: distinct values in
/// ascending order (`f64::total_cmp`), 16 bytes each, whatever the number
/// of members. A binary leaf's scores take two values and a group's few, so
/// a node costs a few hundred bytes however large the cohort. Where values
/// mostly differ (more than [`LISTED_FROM`] distinct values, and fewer
/// than two members per value), the accumulator lists them instead, one
/// `f64` (8 bytes) per value pushed, as it always did.
///
/// Serialised as its distinct values in ascending order, each a number
/// when pushed once and a `[value, count]` pair otherwise; a list of bare
/// numbers (the form of earlier versions, one per value pushed, in push
/// order) reads as well. Deserialising checks each value is a score in
/// [0, 1] and each count at least 1.
#[derive(Debug, Clone, Default)]
pub(crate) struct Accumulator {
    /// How many values were pushed.
    count: u64,
    /// Counted form: distinct values with their counts, ascending. Empty in
    /// the listed form.
    counted: Vec<(f64, u64)>,
    /// Counted form: values not in `counted` yet, folded in by
    /// [`Accumulator::compact`]. Listed form: every value, unsorted.
    pending: Vec<f64>,
    /// Whether the accumulator lists every value.
    listed: bool,
}

/// The number of distinct values an accumulator counts before it may list
/// its values instead (at 16 bytes each, 1 KiB).
const LISTED_FROM: usize = 64;

/// How many new distinct values wait in `pending` at least before they are
/// folded into `counted`.
const PENDING_AT_LEAST: usize = 32;

/// One item of an [`Accumulator`]'s serialised form.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(untagged)]
pub(crate) enum Item {
    /// A value pushed once.
    Once(f64),
    /// A value and how many times it was pushed.
    Counted(f64, u64),
}

#[allow(clippy::cast_precision_loss)]
fn float(n: u64) -> f64 {
    // Exact for any count below 2^53.
    n as f64
}

/// What makes a serialised [`Accumulator`] unreadable.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub(crate) enum BadScores {
    /// A value that is not a score in [0, 1].
    #[error("{0} is not a score in [0, 1]")]
    NotAScore(f64),
    /// A value given with a count of 0.
    #[error("the score {0} has a count of 0")]
    ZeroCount(f64),
    /// Counts whose sum does not fit 64 bits.
    #[error("the scores' counts add up to more than 2^64 - 1")]
    TooMany,
}

impl TryFrom<Vec<Item>> for Accumulator {
    type Error = BadScores;

    fn try_from(items: Vec<Item>) -> Result<Accumulator, BadScores> {
        let mut runs = Vec::with_capacity(items.len());
        let mut count: u64 = 0;
        for item in items {
            let (x, n) = match item {
                Item::Once(x) => (x, 1),
                Item::Counted(x, n) => (x, n),
            };
            if !(0.0..=1.0).contains(&x) {
                return Err(BadScores::NotAScore(x));
            }
            if n == 0 {
                return Err(BadScores::ZeroCount(x));
            }
            count = count.checked_add(n).ok_or(BadScores::TooMany)?;
            runs.push((x, n));
        }
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut acc = Accumulator {
            count,
            counted: merge_runs(&[], &runs),
            pending: Vec::new(),
            listed: false,
        };
        acc.list_if_mostly_distinct();
        Ok(acc)
    }
}

impl From<Accumulator> for Vec<Item> {
    fn from(acc: Accumulator) -> Vec<Item> {
        let mut items = Vec::new();
        acc.for_each_run(|x, n| {
            items.push(if n == 1 {
                Item::Once(x)
            } else {
                Item::Counted(x, n)
            });
        });
        items
    }
}

impl Serialize for Accumulator {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Vec::<Item>::from(self.clone()).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Accumulator {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let items = Vec::<Item>::deserialize(deserializer)?;
        Accumulator::try_from(items).map_err(serde::de::Error::custom)
    }
}

impl PartialEq for Accumulator {
    /// Accumulators are equal when they hold the same values as often,
    /// whatever their form and the order values were pushed in.
    fn eq(&self, other: &Accumulator) -> bool {
        self.count == other.count && Vec::<Item>::from(self.clone()) == Vec::from(other.clone())
    }
}

impl PartialEq for Item {
    /// Items are equal when their values have the same bits.
    fn eq(&self, other: &Item) -> bool {
        let parts = |i: &Item| match *i {
            Item::Once(x) => (x.to_bits(), 1),
            Item::Counted(x, n) => (x.to_bits(), n),
        };
        parts(self) == parts(other)
    }
}

/// Calls `f` with every run of `a` and `b` merged: both give (value,
/// count) runs in ascending order (`f64::total_cmp`), and `f` sees each
/// value once, with its counts added up, in ascending order.
fn merge_each(
    a: impl Iterator<Item = (f64, u64)>,
    b: impl Iterator<Item = (f64, u64)>,
    mut f: impl FnMut(f64, u64),
) {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    let mut held: Option<(f64, u64)> = None;
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.0.total_cmp(&y.0).is_le() => a.next(),
            (_, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => None,
        };
        let Some((x, n)) = next else { break };
        if let Some(h) = held.as_mut().filter(|h| h.0.total_cmp(&x).is_eq()) {
            h.1 = h.1.saturating_add(n);
        } else if let Some((x, n)) = held.replace((x, n)) {
            f(x, n);
        }
    }
    if let Some((x, n)) = held {
        f(x, n);
    }
}

/// Two lists of (value, count) runs, each ascending, as one ascending list
/// with each value once.
fn merge_runs(a: &[(f64, u64)], b: &[(f64, u64)]) -> Vec<(f64, u64)> {
    let mut out = Vec::with_capacity(a.len().saturating_add(b.len()));
    merge_each(a.iter().copied(), b.iter().copied(), |x, n| {
        out.push((x, n))
    });
    out
}

/// The runs of equal values (by bits) of `sorted`, an ascending slice.
fn runs_in(sorted: &[f64]) -> impl Iterator<Item = (f64, u64)> + '_ {
    sorted
        .chunk_by(|a, b| a.total_cmp(b).is_eq())
        .filter_map(|run| Some((*run.first()?, run.len() as u64)))
}

/// `values` sorted by `f64::total_cmp`, as (value, count) runs.
fn runs_of(values: &[f64]) -> Vec<(f64, u64)> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    runs_in(&sorted).collect()
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Accumulator {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Scores".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The scores pushed, each in [0, 1]: a score pushed once as a number, a score pushed more often as a [score, count] pair. The crate writes each score once, in ascending order; it reads them in any order, a score given more than once counted each time.",
            "type": "array",
            "items": {
                "anyOf": [
                    { "type": "number", "minimum": 0, "maximum": 1 },
                    {
                        "type": "array",
                        "prefixItems": [
                            { "type": "number", "minimum": 0, "maximum": 1 },
                            { "type": "integer", "minimum": 1 }
                        ],
                        "minItems": 2,
                        "maxItems": 2
                    }
                ]
            }
        })
    }
}

impl Moments {
    /// Whether the moments could come from `count` finite values: all
    /// finite, `m2 ≥ 0`, `min ≤ mean ≤ max` (up to rounding), all zero when
    /// empty.
    pub(crate) fn is_consistent(&self) -> bool {
        let finite = [self.mean, self.m2, self.min, self.max]
            .iter()
            .all(|x| x.is_finite());
        if self.count == 0 {
            return [self.mean, self.m2, self.min, self.max]
                .iter()
                .all(|x| *x == 0.0);
        }
        let slack = 1e-9 * (self.max - self.min).abs().max(1.0);
        finite
            && self.m2 >= 0.0
            && self.min <= self.max
            && self.mean >= self.min - slack
            && self.mean <= self.max + slack
    }

    /// How many values.
    pub(crate) fn count(&self) -> u64 {
        self.count
    }

    /// Adds one finite value.
    pub(crate) fn push(&mut self, x: f64) {
        if self.count == 0 {
            self.min = x;
            self.max = x;
        } else {
            self.min = self.min.min(x);
            self.max = self.max.max(x);
        }
        self.count = self.count.saturating_add(1);
        let delta = x - self.mean;
        self.mean += delta / float(self.count);
        self.m2 += delta * (x - self.mean);
    }

    /// Adds `x` `n` times, as `n` calls of [`Moments::push`] would, bit for
    /// bit. Once a push changes neither the mean nor M2, every further push
    /// of the same value leaves them as they are (the step `delta / count`
    /// only shrinks), so the rest are counted without being computed.
    pub(crate) fn push_run(&mut self, x: f64, n: u64) {
        let mut left = n;
        while left > 0 {
            let (mean, m2) = (self.mean.to_bits(), self.m2.to_bits());
            let first = self.count == 0;
            self.push(x);
            left = left.saturating_sub(1);
            if !first && mean == self.mean.to_bits() && m2 == self.m2.to_bits() {
                self.count = self.count.saturating_add(left);
                return;
            }
        }
    }

    /// Adds everything `other` holds (Chan, Golub and LeVeque's pairwise
    /// update for mean and M2).
    pub(crate) fn merge(&mut self, other: &Moments) {
        if other.count == 0 {
            return;
        }
        if self.count == 0 {
            *self = other.clone();
            return;
        }
        let (na, nb) = (float(self.count), float(other.count));
        let n = na + nb;
        let delta = other.mean - self.mean;
        self.mean += delta * (nb / n);
        self.m2 += other.m2 + delta * delta * (na * nb / n);
        self.min = self.min.min(other.min);
        self.max = self.max.max(other.max);
        self.count = self.count.saturating_add(other.count);
    }

    /// The mean, `None` when empty.
    pub(crate) fn mean(&self) -> Option<f64> {
        (self.count > 0).then_some(self.mean)
    }
}

impl Accumulator {
    /// How many values.
    pub(crate) fn count(&self) -> u64 {
        self.count
    }

    /// Adds one finite value: counted when it is already held, else kept
    /// aside until enough new values are waiting.
    pub(crate) fn push(&mut self, x: f64) {
        self.count = self.count.saturating_add(1);
        if !self.listed {
            let found = self.counted.binary_search_by(|(v, _)| v.total_cmp(&x));
            if let Some((_, n)) = found.ok().and_then(|i| self.counted.get_mut(i)) {
                *n = n.saturating_add(1);
                return;
            }
        }
        if self.listed {
            if self.pending.len() == self.pending.capacity() {
                self.count_if_mostly_repeated();
            }
        } else if self.pending.len() >= PENDING_AT_LEAST.max(self.counted.len() / 4) {
            self.compact();
        }
        self.pending.push(x);
    }

    /// Turns the listed form back into the counted one when counting
    /// costs at most half as much: at least four values per distinct one
    /// (early members may all differ, later ones repeat them). Called when
    /// the list is full, before it doubles, so the sorting it costs is
    /// spread over the values pushed since.
    fn count_if_mostly_repeated(&mut self) {
        if !self.listed || self.pending.len() < LISTED_FROM.saturating_mul(2) {
            return;
        }
        // The order of a list does not matter: sorting it in place needs
        // no second copy.
        self.pending.sort_by(f64::total_cmp);
        let distinct = runs_in(&self.pending).count() as u64;
        if distinct.saturating_mul(4) <= self.count {
            self.counted = runs_in(&self.pending).collect();
            self.pending = Vec::new();
            self.listed = false;
        }
    }

    /// Folds the waiting values into the counted ones; lists every value
    /// instead when most are distinct.
    fn compact(&mut self) {
        if self.listed || self.pending.is_empty() {
            return;
        }
        self.counted = merge_runs(&self.counted, &runs_of(&self.pending));
        self.pending = Vec::new();
        self.list_if_mostly_distinct();
    }

    /// Turns the counted form into the listed one when listing costs less:
    /// more than [`LISTED_FROM`] distinct values, each pushed less than
    /// twice on average (16 bytes per distinct value against 8 per value).
    fn list_if_mostly_distinct(&mut self) {
        let distinct = self.counted.len() as u64;
        if self.listed
            || self.counted.len() <= LISTED_FROM
            || distinct.saturating_mul(2) <= self.count
        {
            return;
        }
        // Fewer than two values per distinct one: the listed form holds
        // fewer than 2 × `counted.len()` values, so this is bounded by
        // what was counted.
        let mut values = Vec::with_capacity(usize::try_from(self.count).unwrap_or(usize::MAX));
        for &(x, n) in &self.counted {
            let n = usize::try_from(n).unwrap_or(usize::MAX);
            values.extend(std::iter::repeat_n(x, n));
        }
        values.append(&mut self.pending);
        self.pending = values;
        self.counted = Vec::new();
        self.listed = true;
    }

    /// Adds everything `other` holds: both as (value, count) runs, so a
    /// count however large is added, never spelt out value by value; then
    /// listed if most values differ.
    pub(crate) fn merge(&mut self, other: &Accumulator) {
        let mut theirs = Vec::new();
        other.for_each_run(|x, n| theirs.push((x, n)));
        if self.listed {
            // The order of a list does not matter: sorting it in place
            // needs no second copy.
            self.pending.sort_by(f64::total_cmp);
            self.counted = runs_in(&self.pending).collect();
            self.listed = false;
        } else {
            self.counted = merge_runs(&self.counted, &runs_of(&self.pending));
        }
        self.pending = Vec::new();
        self.counted = merge_runs(&self.counted, &theirs);
        self.count = self.count.saturating_add(other.count);
        self.list_if_mostly_distinct();
    }

    /// Calls `f` with every distinct value held and how often it was
    /// pushed, in ascending order (`f64::total_cmp`).
    fn for_each_run(&self, f: impl FnMut(f64, u64)) {
        let mut waiting = self.pending.clone();
        waiting.sort_by(f64::total_cmp);
        merge_each(self.counted.iter().copied(), runs_in(&waiting), f);
    }

    /// The statistics so far, from the values in ascending order: the
    /// median, and the mean and deviation by Welford's update over the
    /// sorted values. The same values give the same statistics whatever
    /// order they were pushed or merged in, and whatever form the
    /// accumulator holds them in.
    pub(crate) fn summary(&self) -> Summary {
        let mut m = Moments::default();
        // The value at position `k` (from 0) of the sorted values, and the
        // one before it.
        let k = self.count / 2;
        let (mut before_k, mut at_k) = (None, None);
        let mut seen: u64 = 0;
        self.for_each_run(|x, n| {
            let next = seen.saturating_add(n);
            if seen < k && k <= next {
                before_k = Some(x);
            }
            if seen <= k && k < next {
                at_k = Some(x);
            }
            seen = next;
            m.push_run(x, n);
        });
        if m.count == 0 {
            return Summary::default();
        }
        let median = if self.count % 2 == 1 {
            at_k
        } else {
            match (before_k, at_k) {
                (Some(a), Some(b)) => Some(a / 2.0 + b / 2.0),
                _ => None,
            }
        };
        let std_dev = (m.count >= 2).then(|| (m.m2.max(0.0) / (float(m.count) - 1.0)).sqrt());
        Summary {
            count: m.count,
            mean: Some(m.mean),
            median,
            min: Some(m.min),
            max: Some(m.max),
            std_dev,
        }
    }
}

/// The statistics of a stream of values.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Summary {
    /// How many values.
    pub(crate) count: u64,
    /// Their mean; `None` when there are none.
    pub(crate) mean: Option<f64>,
    /// Their median (the mean of the two middle values when the count is
    /// even); `None` when there are none.
    pub(crate) median: Option<f64>,
    /// The smallest; `None` when there are none.
    pub(crate) min: Option<f64>,
    /// The largest; `None` when there are none.
    pub(crate) max: Option<f64>,
    /// The sample standard deviation (divisor `count − 1`); `None` below two
    /// values.
    pub(crate) std_dev: Option<f64>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::arithmetic_side_effects)]

    use super::{Accumulator, Moments};

    /// `push_run` gives, bit for bit, what pushing one value at a time
    /// gives, where a run stops changing the moments early (a value one
    /// ulp above the mean) and where it never does (0 after 1).
    #[test]
    fn a_run_is_pushed_as_its_values_one_by_one() {
        let next_up = |x: f64| f64::from_bits(x.to_bits() + 1);
        let cases: [&[(f64, u64)]; 4] = [
            &[(0.5, 1), (next_up(0.5), 5_000)],
            &[
                (0.1, 3),
                (next_up(0.1), 7),
                (0.3, 2_000),
                (next_up(0.3), 9_000),
            ],
            &[(0.0, 1_000), (1.0, 1_000)],
            &[(1.0, 1), (0.0, 10_000), (0.2, 1), (0.2, 0)],
        ];
        for runs in cases {
            let (mut fast, mut slow) = (Moments::default(), Moments::default());
            for &(x, n) in runs {
                fast.push_run(x, n);
                for _ in 0..n {
                    slow.push(x);
                }
            }
            assert_eq!(fast.count, slow.count);
            for (a, b) in [
                (fast.mean, slow.mean),
                (fast.m2, slow.m2),
                (fast.min, slow.min),
                (fast.max, slow.max),
            ] {
                assert_eq!(a.to_bits(), b.to_bits(), "{runs:?}");
            }
        }
    }

    /// Counted, listed, and turned from one form to the other and back:
    /// the same values give the same summary and the same serialised form.
    #[test]
    fn both_forms_hold_the_same_values() {
        let mut state: u64 = 3;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % n
        };
        // First every value distinct (listed), then few values (counted
        // again), then a merge of the two forms.
        let mut values: Vec<f64> = (0..300).map(|i| f64::from(i) / 300.0).collect();
        values.extend((0..5_000).map(|_| next(7) as f64 / 7.0));
        let mut one = Accumulator::default();
        for &x in &values {
            one.push(x);
        }
        assert!(!one.listed, "mostly repeated values are counted");
        let mut listed = Accumulator::default();
        for &x in values.iter().take(300) {
            listed.push(x);
        }
        assert!(listed.listed, "distinct values are listed");
        let mut counted = Accumulator::default();
        for &x in values.iter().skip(300) {
            counted.push(x);
        }
        let mut merged = listed.clone();
        merged.merge(&counted);
        let mut other_way = counted.clone();
        other_way.merge(&listed);
        assert_eq!(one.summary(), merged.summary());
        assert_eq!(one.summary(), other_way.summary());
        assert_eq!(one, merged);
        assert_eq!(one, other_way);
        assert_eq!(one.count(), 5_300);
    }
}
