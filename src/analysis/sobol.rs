//! Saltelli sampling with Jansen's estimators of the first-order and
//! total-effect Sobol' indices ([SPEC](crate::spec) §8.3), for any model
//! `f: (0, 1)^d → ℝ^k` evaluated `N·(d + 2)` times.
//!
//! Per row `j` of two independent sample matrices `A` and `B` (each `N × d`,
//! uniform on (0, 1), drawn row by row, `A`'s row then `B`'s, from
//! [`Rng`]), the model is evaluated at `A_j`, `B_j` and at each `AB^i_j`
//! (`A_j` with coordinate `i` taken from `B_j`). For each output, with
//! sums over the rows:
//!
//! - `V = Σ (f(A) − f(B))² / 2N`, an unbiased estimate of the variance
//!   (A and B are independent);
//! - `S_i = 1 − Σ (f(B) − f(AB^i))² / (2N·V)` (Jansen's first-order
//!   estimator);
//! - `S_Ti = Σ (f(A) − f(AB^i))² / (2N·V)` (Jansen's total effect; both
//!   as Saltelli et al. 2010, Table 2, list them).
//!
//! Estimating `V` from the same pairs means that an input the model
//! ignores gets `S_i = S_Ti = 0` exactly (then `f(AB^i) = f(A)`), and an
//! input that alone drives it gets 1 exactly (then `f(AB^i) = f(B)`). A
//! term whose outputs are not all finite (a member without a score) is
//! left out; with no variance the indices are `None`.

use super::rng::Rng;

/// Where the model is being evaluated, for callers that also keep the
/// outputs (the uncertainty analysis takes its spreads from the rows of
/// `A`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    /// Row `j` of `A`.
    A(usize),
    /// Row `j` of `B`.
    B,
    /// Row `j` of `A` with input `i` from `B`.
    AB(usize),
}

/// The sums of one run, per output and input.
#[derive(Debug, Clone)]
pub(crate) struct Jansen {
    d: usize,
    /// Per output: Σ (f(A) − f(B))².
    ab: Vec<f64>,
    /// Per output × input: Σ (f(A) − f(AB^i))².
    a: Vec<f64>,
    /// Per output × input: Σ (f(B) − f(AB^i))².
    b: Vec<f64>,
}

/// First-order and total-effect index of one input on one output.
pub(crate) type Pair = (Option<f64>, Option<f64>);

impl Jansen {
    /// The indices `(S_i, S_Ti)` of every input on output `o`.
    pub(crate) fn indices(&self, o: usize) -> Vec<Pair> {
        let v = self.ab.get(o).copied().unwrap_or(0.0);
        let at = o.saturating_mul(self.d);
        (at..at.saturating_add(self.d))
            .map(|k| {
                if v > 0.0 {
                    let b = self.b.get(k).copied().unwrap_or(f64::NAN);
                    let a = self.a.get(k).copied().unwrap_or(f64::NAN);
                    (Some(1.0 - b / v), Some(a / v))
                } else {
                    (None, None)
                }
            })
            .collect()
    }
}

/// Adds `(x − y)²` to `sum` when both are finite.
fn add_sq(sum: Option<&mut f64>, x: f64, y: f64) {
    if let Some(s) = sum {
        if x.is_finite() && y.is_finite() {
            *s += (x - y) * (x - y);
        }
    }
}

/// Runs the design: `n` rows, `d` inputs, `k` outputs; `eval(point, x,
/// out)` writes the model's `k` outputs at `x` into `out`, or stops the
/// run with its error (the sums so far are then dropped).
pub(crate) fn saltelli<E>(
    d: usize,
    k: usize,
    n: usize,
    rng: &mut Rng,
    mut eval: impl FnMut(Point, &[f64], &mut [f64]) -> Result<(), E>,
) -> Result<Jansen, E> {
    let kd = k.saturating_mul(d);
    let mut sums = Jansen {
        d,
        ab: vec![0.0; k],
        a: vec![0.0; kd],
        b: vec![0.0; kd],
    };
    let (mut xa, mut xb, mut xab) = (vec![0.0; d], vec![0.0; d], vec![0.0; d]);
    let (mut ya, mut yb, mut yab) = (vec![0.0; k], vec![0.0; k], vec![0.0; k]);
    for j in 0..n {
        xa.iter_mut().for_each(|x| *x = rng.next_open01());
        xb.iter_mut().for_each(|x| *x = rng.next_open01());
        eval(Point::A(j), &xa, &mut ya)?;
        eval(Point::B, &xb, &mut yb)?;
        for (o, (&fa, &fb)) in ya.iter().zip(&yb).enumerate() {
            add_sq(sums.ab.get_mut(o), fa, fb);
        }
        for i in 0..d {
            xab.copy_from_slice(&xa);
            if let (Some(x), Some(&from_b)) = (xab.get_mut(i), xb.get(i)) {
                *x = from_b;
            }
            eval(Point::AB(i), &xab, &mut yab)?;
            for (o, ((&fa, &fb), &fab)) in ya.iter().zip(&yb).zip(&yab).enumerate() {
                let at = o.saturating_mul(d).saturating_add(i);
                add_sq(sums.a.get_mut(at), fa, fab);
                add_sq(sums.b.get_mut(at), fb, fab);
            }
        }
    }
    Ok(sums)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing, clippy::unwrap_used)]

    use super::*;
    use std::f64::consts::PI;

    fn indices(d: usize, n: usize, seed: u64, f: impl Fn(&[f64]) -> f64) -> Vec<Pair> {
        let mut rng = Rng::new(seed);
        let run = saltelli(d, 1, n, &mut rng, |_, x, out| {
            out[0] = f(x);
            Ok::<(), ()>(())
        });
        run.unwrap().indices(0)
    }

    #[test]
    fn linear_model_gives_squared_coefficient_shares() {
        // Y = Σ aᵢ Xᵢ with Xᵢ independent uniform: Var = Σ aᵢ²/12, and
        // S_i = S_Ti = aᵢ² / Σ aⱼ² (additive, no interactions):
        // a = (1, 2, 3) gives 1/14, 4/14, 9/14.
        let a = [1.0, 2.0, 3.0];
        let got = indices(3, 20_000, 1, |x| a.iter().zip(x).map(|(a, x)| a * x).sum());
        let sum: f64 = a.iter().map(|a| a * a).sum();
        for (i, (s, st)) in got.iter().enumerate() {
            let want = a[i] * a[i] / sum;
            // Tolerance 0.02 at N = 20,000 (80,000 evaluations); the
            // estimates with seed 1 are within 0.009.
            assert!(
                (s.unwrap() - want).abs() < 0.02,
                "S_{i} = {s:?}, want {want}"
            );
            assert!(
                (st.unwrap() - want).abs() < 0.02,
                "ST_{i} = {st:?}, want {want}"
            );
        }
    }

    #[test]
    fn ishigami_matches_the_published_indices() {
        // Ishigami and Homma (1990), a = 7, b = 0.1, Xᵢ uniform on [−π, π];
        // published values (Sobol' and Levitan 1999; Saltelli et al.,
        // Global Sensitivity Analysis: The Primer, 2008):
        // S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
        let f = |x: &[f64]| {
            let [x1, x2, x3] = [0, 1, 2].map(|i| PI * (2.0 * x[i] - 1.0));
            x1.sin() + 7.0 * x2.sin().powi(2) + 0.1 * x3.powi(4) * x1.sin()
        };
        let got = indices(3, 50_000, 7, f);
        let s = [0.3139, 0.4424, 0.0];
        let st = [0.5576, 0.4424, 0.2437];
        for i in 0..3 {
            // Tolerance 0.02 at N = 50,000 (250,000 evaluations); the
            // estimates with seed 7 are within 0.007.
            assert!(
                (got[i].0.unwrap() - s[i]).abs() < 0.02,
                "S_{i} = {:?}",
                got[i].0
            );
            assert!(
                (got[i].1.unwrap() - st[i]).abs() < 0.02,
                "ST_{i} = {:?}",
                got[i].1
            );
        }
    }

    #[test]
    fn an_ignored_input_is_exactly_zero_and_a_sole_one_exactly_one() {
        let got = indices(2, 100, 3, |x| x[0] * x[0]);
        assert_eq!(got[0], (Some(1.0), Some(1.0)));
        assert_eq!(got[1], (Some(0.0), Some(0.0)));
    }

    #[test]
    fn no_variance_gives_no_indices() {
        assert_eq!(indices(2, 50, 3, |_| 0.5), vec![(None, None), (None, None)]);
    }

    #[test]
    fn evaluations_are_n_times_d_plus_two() {
        let mut calls = 0usize;
        let mut rng = Rng::new(0);
        let run = saltelli(4, 1, 25, &mut rng, |_, _, _| {
            calls += 1;
            Ok::<(), ()>(())
        });
        assert!(run.is_ok());
        assert_eq!(calls, 25 * (4 + 2));
    }

    #[test]
    fn an_error_stops_the_run_at_once() {
        let mut calls = 0usize;
        let mut rng = Rng::new(0);
        let run = saltelli(4, 1, 25, &mut rng, |_, _, _| {
            calls += 1;
            if calls == 7 { Err("stop") } else { Ok(()) }
        });
        assert_eq!(run.err(), Some("stop"));
        assert_eq!(calls, 7);
    }
}
