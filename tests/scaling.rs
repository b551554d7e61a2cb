//! Validation, compiling and scoring are linear in the size of the
//! framework (SPEC.md §6.1: never more than linear time): doubling
//! a generated framework from 10 000 to 20 000 to 40 000 leaves at most a
//! little more than doubles the peak memory and the number of allocations
//! (counted by a global allocator, so the test is deterministic). Times are
//! printed (`--nocapture`, the best of three runs) but not asserted, since
//! a shared machine is noisy; `benches/scale.rs` measures them.
//!
//! One test only: the allocator counts every thread of the binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::sync::atomic::Ordering::Relaxed;
use std::time::{Duration, Instant};

use assessment_model::Scorer;

#[path = "../benches/support/generated.rs"]
mod generated;

#[path = "../benches/support/counting.rs"]
mod counting;
use counting::{ALLOCATIONS, LIVE, PEAK};

/// What one stage cost: peak bytes above what was live before, number of
/// allocations, time.
#[derive(Debug, Clone, Copy)]
struct Cost {
    peak: usize,
    allocations: usize,
    time: Duration,
}

/// Runs `f` three times: the memory of the first run, the best time.
fn measure<T>(mut f: impl FnMut() -> T) -> (T, Cost) {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let count = ALLOCATIONS.load(Relaxed);
    let start = Instant::now();
    let out = f();
    let mut time = start.elapsed();
    let cost_of_first = (PEAK.load(Relaxed) - base, ALLOCATIONS.load(Relaxed) - count);
    for _ in 0..2 {
        let start = Instant::now();
        drop(f());
        time = time.min(start.elapsed());
    }
    let cost = Cost {
        peak: cost_of_first.0,
        allocations: cost_of_first.1,
        time,
    };
    (out, cost)
}

#[test]
fn doubling_the_framework_at_most_a_little_more_than_doubles_the_cost() {
    let sizes = [10_000, 20_000, 40_000];
    let mut costs = Vec::new();
    for leaves in sizes {
        let framework = generated::framework(leaves);
        let assessment = generated::assessment(&framework);
        assert_eq!(framework.leaves().count(), leaves);
        let (issues, validate) = measure(|| framework.issues());
        assert_eq!(issues, []);
        let (scorer, compile) = measure(|| Scorer::new(&framework).unwrap());
        let (report, score) = measure(|| scorer.score(&assessment).unwrap());
        assert!(report.total().score().is_some());
        drop(report);
        let (_, check) = measure(|| scorer.validate(&assessment));
        costs.push([validate, compile, score, check]);
    }
    let stages = ["validate", "compile", "score", "check"];
    for (i, pair) in costs.windows(2).enumerate() {
        for (s, stage) in stages.iter().enumerate() {
            let (small, large) = (pair[0][s], pair[1][s]);
            let memory = large.peak as f64 / small.peak as f64;
            let allocations = large.allocations as f64 / small.allocations as f64;
            let time = large.time.as_secs_f64() / small.time.as_secs_f64();
            println!(
                "{stage:>8} {:>6} → {:>6} leaves: peak {:>10} → {:>10} B (×{memory:.2}), \
                 allocations {:>7} → {:>7} (×{allocations:.2}), time {:>9.2?} → {:>9.2?} (×{time:.2})",
                sizes[i],
                sizes[i + 1],
                small.peak,
                large.peak,
                small.allocations,
                large.allocations,
                small.time,
                large.time,
            );
            assert!(memory <= 2.3, "{stage}: peak memory ×{memory:.2}");
            assert!(allocations <= 2.3, "{stage}: allocations ×{allocations:.2}");
        }
    }
}
