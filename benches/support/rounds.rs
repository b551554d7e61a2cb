//! A ratio of two calls that holds on a busy machine: both run in
//! alternation, in rounds of up to 1,000 calls (about a millisecond's
//! worth), up to 100 rounds (about two seconds' worth), and the fastest
//! round of each is compared. Printed beside criterion's figures, not one of
//! them: a fastest round is what the code costs when nothing else runs.
#![allow(dead_code)]

use std::hint::black_box;
use std::time::Instant;

/// Prints `{name}: fastest round: {what} …, {baseline_name} …, ratio …`
/// and returns the ratio of `call` to `baseline`; times nothing, prints
/// nothing and returns NaN when the benches run as tests (`mode.rs`, which
/// a bench that includes this file includes too).
pub fn fastest_ratio<A, B>(
    name: &str,
    (what, mut call): (&str, impl FnMut() -> A),
    (baseline_name, mut baseline): (&str, impl FnMut() -> B),
) -> f64 {
    if !crate::mode::benchmarking() {
        return f64::NAN;
    }
    let once = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        f();
        start.elapsed().as_secs_f64()
    };
    let slowest = once(&mut || {
        black_box(call());
    })
    .max(once(&mut || {
        black_box(baseline());
    }));
    // Whole numbers from 1 to 1,000 and from 5 to 100.
    let calls = (1e-3 / slowest).clamp(1.0, 1000.0) as u32;
    let rounds = (1.0 / (slowest * f64::from(calls))).clamp(5.0, 100.0) as u32;
    let round = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        for _ in 0..calls {
            f();
        }
        start.elapsed().as_secs_f64() / f64::from(calls)
    };
    let (mut best_call, mut best_baseline) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..rounds {
        best_call = best_call.min(round(&mut || {
            black_box(call());
        }));
        best_baseline = best_baseline.min(round(&mut || {
            black_box(baseline());
        }));
    }
    let ratio = best_call / best_baseline;
    eprintln!(
        "{name}: fastest round: {what} {}, {baseline_name} {}, ratio {ratio:.2}",
        duration(best_call),
        duration(best_baseline),
    );
    ratio
}

/// Seconds as ns, µs or ms, whichever reads best.
fn duration(seconds: f64) -> String {
    if seconds < 1e-6 {
        format!("{:.1} ns", seconds * 1e9)
    } else if seconds < 1e-3 {
        format!("{:.2} µs", seconds * 1e6)
    } else {
        format!("{:.2} ms", seconds * 1e3)
    }
}
