//! Krippendorff's alpha: the agreement among coders (here: peers) who each
//! give at most one value to each of a set of units (here: leaves), with
//! missing values allowed.
//!
//! The definition (Krippendorff, *Computing Krippendorff's
//! Alpha-Reliability*, 2011): of the values in units with at least two
//! values (the *pairable* values, `n` of them), build the coincidence matrix
//! `o_ck = Σ_u (number of ordered pairs (c, k) of values from different
//! coders in unit u) / (m_u − 1)`, its marginals `n_c = Σ_k o_ck`, and
//!
//! ```text
//! α = 1 − D_o / D_e = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck
//! ```
//!
//! with the difference function `δ²` of the level of measurement:
//! nominal `δ²_ck = [c ≠ k]`; ordinal `δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²`;
//! interval `δ²_ck = (c − k)²`.
//!
//! This module evaluates the same sums without materialising the matrix,
//! so the time is `O(N log N)` in the number of values whatever the number
//! of distinct values:
//!
//! - nominal: `Σ o_ck δ²_ck = Σ_u (m_u² − Σ_c m_uc²) / (m_u − 1)` and
//!   `Σ n_c n_k δ²_ck = n² − Σ_c n_c²`, where `m_uc` counts value `c` in
//!   unit `u`;
//! - interval: `Σ o_ck δ²_ck = Σ_u 2 m_u SS_u / (m_u − 1)` and
//!   `Σ n_c n_k δ²_ck = 2 n SS`, where `SS_u` and `SS` are the sums of
//!   squared deviations from the mean within unit `u` and over all pairable
//!   values;
//! - ordinal: `Σ_{g=c..k} n_g − (n_c + n_k)/2 = r_k − r_c` with the mid-rank
//!   `r_c = Σ_{g<c} n_g + n_c/2`, so ordinal alpha is interval alpha on the
//!   values replaced by their mid-ranks among the pairable values.
//!
//! The tests check these against a direct coincidence-matrix computation
//! and against Krippendorff's published worked examples.

use serde::{Deserialize, Serialize};

/// The level of measurement of the values, which chooses the difference
/// function of Krippendorff's alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MeasurementLevel {
    /// Values are categories: any two different values differ equally
    /// (binary scales).
    Nominal,
    /// Values are ordered; differences count the values observed between
    /// them (ordinal scales).
    Ordinal,
    /// Differences are squared numeric differences (numeric scales).
    Interval,
}

/// Krippendorff's alpha of reliability data given unit by unit: each unit
/// is the list of values its coders gave, `None` where a coder gave none
/// (missing). The order of coders within a unit does not matter.
///
/// Returns `None` where alpha is undefined:
/// - no unit has two or more values (nothing is pairable);
/// - the expected disagreement is 0: every pairable value is the same, so
///   there is no variation to agree about;
/// - a value is not finite (NaN or infinite).
///
/// The result is exact up to floating-point rounding of the sums above (the
/// tests hold it to 1e-9 of a direct coincidence-matrix computation).
///
/// # Examples
///
/// Krippendorff's (2011) example C, four observers and twelve units with
/// missing values:
///
/// ```
/// use assessment_model::review::{MeasurementLevel, krippendorff_alpha};
///
/// let units: Vec<Vec<Option<f64>>> = [
///     [Some(1.), Some(1.), None, Some(1.)],
///     [Some(2.), Some(2.), Some(3.), Some(2.)],
///     [Some(3.), Some(3.), Some(3.), Some(3.)],
///     [Some(3.), Some(3.), Some(3.), Some(3.)],
///     [Some(2.), Some(2.), Some(2.), Some(2.)],
///     [Some(1.), Some(2.), Some(3.), Some(4.)],
///     [Some(4.), Some(4.), Some(4.), Some(4.)],
///     [Some(1.), Some(1.), Some(2.), Some(1.)],
///     [Some(2.), Some(2.), Some(2.), Some(2.)],
///     [None, Some(5.), Some(5.), Some(5.)],
///     [None, None, Some(1.), Some(1.)],
///     [None, Some(3.), None, None],
/// ]
/// .iter()
/// .map(|u| u.to_vec())
/// .collect();
/// let alpha = krippendorff_alpha(&units, MeasurementLevel::Nominal).unwrap_or(f64::NAN);
/// assert!((alpha - 0.743).abs() < 1e-3);
/// ```
pub fn krippendorff_alpha<U: AsRef<[Option<f64>]>>(
    units: &[U],
    level: MeasurementLevel,
) -> Option<f64> {
    // Pairable units only, values canonicalised (-0.0 becomes 0.0) and
    // sorted within each unit.
    let mut pairable: Vec<Vec<f64>> = Vec::new();
    for unit in units {
        let mut values = Vec::new();
        for value in unit.as_ref().iter().flatten() {
            if !value.is_finite() {
                return None;
            }
            values.push(value + 0.0);
        }
        if values.len() >= 2 {
            values.sort_by(f64::total_cmp);
            pairable.push(values);
        }
    }
    let mut all: Vec<f64> = pairable.iter().flatten().copied().collect();
    all.sort_by(f64::total_cmp);
    let n = all.len();
    if n < 2 {
        return None;
    }
    let (observed, expected) = match level {
        MeasurementLevel::Nominal => nominal(&pairable, &all),
        MeasurementLevel::Interval => interval(&pairable, &all),
        MeasurementLevel::Ordinal => {
            let ranks = MidRanks::new(&all);
            let ranked: Vec<Vec<f64>> = pairable
                .iter()
                .map(|u| u.iter().map(|v| ranks.of(*v)).collect())
                .collect();
            let all_ranked: Vec<f64> = all.iter().map(|v| ranks.of(*v)).collect();
            interval(&ranked, &all_ranked)
        }
    };
    if expected <= 0.0 || !expected.is_finite() {
        return None;
    }
    let n_minus_1 = count(n) - 1.0;
    Some(1.0 - n_minus_1 * observed / expected)
}

#[allow(clippy::cast_precision_loss)]
fn count(n: usize) -> f64 {
    // Exact for any count below 2^53.
    n as f64
}

/// Lengths of runs of equal values in a sorted slice.
fn runs(sorted: &[f64]) -> impl Iterator<Item = (f64, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let first = *sorted.get(i)?;
        let len = sorted
            .get(i..)
            .map_or(0, |rest| rest.iter().take_while(|v| **v == first).count());
        i = i.saturating_add(len.max(1));
        Some((first, len.max(1)))
    })
}

fn sum_of_squared_counts(sorted: &[f64]) -> f64 {
    runs(sorted).map(|(_, c)| count(c) * count(c)).sum()
}

/// `(Σ o_ck δ²_ck, Σ n_c n_k δ²_ck)` for the nominal metric.
fn nominal(units: &[Vec<f64>], all: &[f64]) -> (f64, f64) {
    let observed = units
        .iter()
        .map(|u| {
            let m = count(u.len());
            (m * m - sum_of_squared_counts(u)) / (m - 1.0)
        })
        .sum();
    let n = count(all.len());
    (observed, n * n - sum_of_squared_counts(all))
}

/// Sum of squared deviations from the mean (two passes).
fn squared_deviations(values: &[f64]) -> f64 {
    let mean = values.iter().sum::<f64>() / count(values.len());
    values.iter().map(|v| (v - mean) * (v - mean)).sum()
}

/// `(Σ o_ck δ²_ck, Σ n_c n_k δ²_ck)` for the interval metric.
fn interval(units: &[Vec<f64>], all: &[f64]) -> (f64, f64) {
    let observed = units
        .iter()
        .map(|u| {
            let m = count(u.len());
            2.0 * m * squared_deviations(u) / (m - 1.0)
        })
        .sum();
    (observed, 2.0 * count(all.len()) * squared_deviations(all))
}

/// Mid-ranks `r_c = Σ_{g<c} n_g + n_c / 2` of the distinct pairable values.
struct MidRanks {
    values: Vec<f64>,
    ranks: Vec<f64>,
}

impl MidRanks {
    fn new(sorted: &[f64]) -> MidRanks {
        let mut values = Vec::new();
        let mut ranks = Vec::new();
        let mut below = 0.0;
        for (value, n) in runs(sorted) {
            values.push(value);
            ranks.push(below + count(n) / 2.0);
            below += count(n);
        }
        MidRanks { values, ranks }
    }

    fn of(&self, value: f64) -> f64 {
        // Every value looked up is one of the pairable values.
        self.values
            .binary_search_by(|v| v.total_cmp(&value))
            .ok()
            .and_then(|i| self.ranks.get(i).copied())
            .unwrap_or(f64::NAN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reliability data of Krippendorff (2011), example C: observers A
    /// to D (columns) and units 1 to 12 (rows), `None` for missing.
    fn example_c() -> Vec<Vec<Option<f64>>> {
        let a = [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0];
        let b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3];
        let c = [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0];
        let d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0];
        let v = |x: i32| (x != 0).then_some(f64::from(x));
        (0..12)
            .map(|u| {
                [a[u], b[u], c[u], d[u]]
                    .into_iter()
                    .map(v)
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// Alpha from the coincidence matrix as the definition states it: an
    /// independent check of the closed forms.
    fn by_matrix(units: &[Vec<Option<f64>>], level: MeasurementLevel) -> Option<f64> {
        let mut distinct: Vec<f64> = units.iter().flatten().flatten().copied().collect();
        distinct.sort_by(f64::total_cmp);
        distinct.dedup();
        let v = distinct.len();
        let idx = |x: f64| distinct.iter().position(|d| *d == x).unwrap_or(0);
        let mut o = vec![vec![0.0; v]; v];
        for unit in units {
            let vals: Vec<f64> = unit.iter().flatten().copied().collect();
            let m = vals.len();
            if m < 2 {
                continue;
            }
            for (i, a) in vals.iter().enumerate() {
                for (j, b) in vals.iter().enumerate() {
                    if i != j {
                        o[idx(*a)][idx(*b)] += 1.0 / (m as f64 - 1.0);
                    }
                }
            }
        }
        let nc: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
        let n: f64 = nc.iter().sum();
        let delta = |c: usize, k: usize| -> f64 {
            match level {
                MeasurementLevel::Nominal => f64::from(u8::from(c != k)),
                MeasurementLevel::Interval => (distinct[c] - distinct[k]).powi(2),
                MeasurementLevel::Ordinal => {
                    let (lo, hi) = (c.min(k), c.max(k));
                    let s: f64 = nc[lo..=hi].iter().sum();
                    (s - (nc[c] + nc[k]) / 2.0).powi(2)
                }
            }
        };
        let (mut num, mut den) = (0.0, 0.0);
        for c in 0..v {
            for k in 0..v {
                num += o[c][k] * delta(c, k);
                den += nc[c] * nc[k] * delta(c, k);
            }
        }
        (den > 0.0).then(|| 1.0 - (n - 1.0) * num / den)
    }

    fn close(got: Option<f64>, want: f64, tol: f64) -> bool {
        got.is_some_and(|g| (g - want).abs() < tol)
    }

    // Published values, Krippendorff (2011), "Computing Krippendorff's
    // Alpha-Reliability", example C: nominal .743, ordinal .815, interval
    // .849. Tolerance 1e-3 (the paper gives three decimals).
    #[test]
    fn published_example_c() {
        let data = example_c();
        assert!(close(
            krippendorff_alpha(&data, MeasurementLevel::Nominal),
            0.743,
            1e-3
        ));
        assert!(close(
            krippendorff_alpha(&data, MeasurementLevel::Ordinal),
            0.815,
            1e-3
        ));
        assert!(close(
            krippendorff_alpha(&data, MeasurementLevel::Interval),
            0.849,
            1e-3
        ));
    }

    /// Units rated by two observers, `a[i]` and `b[i]` for unit `i`.
    fn two_observers(a: &[f64], b: &[f64]) -> Vec<Vec<Option<f64>>> {
        a.iter()
            .zip(b)
            .map(|(x, y)| vec![Some(*x), Some(*y)])
            .collect()
    }

    // Example A (binary, two observers, ten units): α = .095.
    #[test]
    fn published_example_a_binary() {
        let a = [0., 1., 0., 0., 0., 0., 0., 0., 1., 0.];
        let b = [1., 1., 1., 0., 0., 1., 0., 0., 0., 0.];
        let units = two_observers(&a, &b);
        assert!(close(
            krippendorff_alpha(&units, MeasurementLevel::Nominal),
            0.095,
            1e-3
        ));
    }

    // Example B (nominal, two observers, twelve units, values a..e coded
    // 1..5): α = .692.
    #[test]
    fn published_example_b_nominal() {
        let a = [1., 1., 2., 2., 4., 3., 3., 3., 5., 4., 4., 1.];
        let b = [2., 1., 2., 2., 2., 3., 3., 3., 5., 4., 4., 4.];
        let units = two_observers(&a, &b);
        assert!(close(
            krippendorff_alpha(&units, MeasurementLevel::Nominal),
            0.692,
            1e-3
        ));
    }

    #[test]
    fn closed_forms_equal_the_coincidence_matrix() {
        // A small LCG: deterministic data with missing values and ties.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as u32
        };
        for _ in 0..200 {
            let units_n = 1 + (next() % 15) as usize;
            let coders = 2 + (next() % 4) as usize;
            let levels = 2 + next() % 5;
            let data: Vec<Vec<Option<f64>>> = (0..units_n)
                .map(|_| {
                    (0..coders)
                        .map(|_| (next() % 4 != 0).then(|| f64::from(next() % levels) * 0.5))
                        .collect()
                })
                .collect();
            for level in [
                MeasurementLevel::Nominal,
                MeasurementLevel::Ordinal,
                MeasurementLevel::Interval,
            ] {
                let fast = krippendorff_alpha(&data, level);
                let slow = by_matrix(&data, level);
                match (fast, slow) {
                    (Some(f), Some(s)) => {
                        assert!((f - s).abs() < 1e-9, "{level:?} {f} {s} {data:?}")
                    }
                    (None, None) => {}
                    other => panic!("{level:?}: {other:?} on {data:?}"),
                }
            }
        }
    }

    #[test]
    fn undefined_cases() {
        let none: Vec<Vec<Option<f64>>> = vec![vec![Some(1.0), None], vec![None, Some(2.0)]];
        assert_eq!(krippendorff_alpha(&none, MeasurementLevel::Nominal), None);
        let same = vec![
            vec![Some(2.0), Some(2.0)],
            vec![Some(2.0), Some(2.0), Some(2.0)],
        ];
        assert_eq!(krippendorff_alpha(&same, MeasurementLevel::Interval), None);
        let nan = vec![vec![Some(1.0), Some(f64::NAN)], vec![Some(1.0), Some(2.0)]];
        assert_eq!(krippendorff_alpha(&nan, MeasurementLevel::Interval), None);
        let empty: Vec<Vec<Option<f64>>> = Vec::new();
        assert_eq!(krippendorff_alpha(&empty, MeasurementLevel::Ordinal), None);
    }

    #[test]
    fn perfect_agreement_is_one() {
        let data = vec![vec![Some(1.0), Some(1.0)], vec![Some(3.0), Some(3.0), None]];
        for level in [
            MeasurementLevel::Nominal,
            MeasurementLevel::Ordinal,
            MeasurementLevel::Interval,
        ] {
            assert_eq!(krippendorff_alpha(&data, level), Some(1.0));
        }
    }
}
