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

/// [`Moments`] plus every value, for the exact median: 40 bytes plus one
/// `f64` (8 bytes) per value pushed.
///
/// Serialised as its values only, in push order: deserialising checks each
/// is a score in [0, 1] and recomputes the moments from them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<f64>", into = "Vec<f64>")]
pub(crate) struct Accumulator {
    /// Every value, in push order; sorted only when a median is asked for.
    values: Vec<f64>,
}

#[allow(clippy::cast_precision_loss)]
fn float(n: u64) -> f64 {
    // Exact for any count below 2^53.
    n as f64
}

/// A value that is not a score in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[error("{0} is not a score in [0, 1]")]
pub(crate) struct NotAScore(f64);

impl TryFrom<Vec<f64>> for Accumulator {
    type Error = NotAScore;

    fn try_from(values: Vec<f64>) -> Result<Accumulator, NotAScore> {
        let mut acc = Accumulator::default();
        for x in values {
            if !(0.0..=1.0).contains(&x) {
                return Err(NotAScore(x));
            }
            acc.push(x);
        }
        Ok(acc)
    }
}

impl From<Accumulator> for Vec<f64> {
    fn from(acc: Accumulator) -> Vec<f64> {
        acc.values
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Accumulator {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Scores".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Every score pushed, in push order, each in [0, 1].",
            "type": "array",
            "items": { "type": "number", "minimum": 0, "maximum": 1 }
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
        self.values.len() as u64
    }

    /// Adds one finite value: kept, and nothing else computed until the
    /// statistics are asked for.
    pub(crate) fn push(&mut self, x: f64) {
        self.values.push(x);
    }

    /// Adds everything `other` holds.
    pub(crate) fn merge(&mut self, other: &Accumulator) {
        self.values.extend_from_slice(&other.values);
    }

    /// The statistics so far, from the values in ascending order: the
    /// median, and the mean and deviation by two passes (Welford's
    /// moments over the sorted values). The same values give the same
    /// statistics whatever order they were pushed or merged in.
    pub(crate) fn summary(&self) -> Summary {
        let mut sorted = self.values.clone();
        sorted.sort_by(f64::total_cmp);
        let mut m = Moments::default();
        for &x in &sorted {
            m.push(x);
        }
        if m.count == 0 {
            return Summary::default();
        }
        let k = sorted.len() / 2;
        let median = if sorted.len() % 2 == 1 {
            sorted.get(k).copied()
        } else {
            match (sorted.get(k.wrapping_sub(1)), sorted.get(k)) {
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
