//! The Rust dense path the Python batch path is measured against
//! (`bench_totals.py` runs it): the totals of N generated good-practice
//! assessments, each bound by position (`Scorer::bind_leaves`, as
//! `Scorer.totals` binds a row) and scored by `Scorer::total_dense`, and
//! `total_dense` alone on rows bound beforehand. Prints one JSON line.
//!
//! `cargo run --release -p assessment-model-python --example dense_rust -- N`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::hint::black_box;
use std::time::Instant;

use assessment_model::{RatingValue, Scorer, Scratch, catalog};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map_or(100_000, |a| a.parse().unwrap());
    let scorer = Scorer::new(&catalog::good_practice::criteria()).unwrap();
    let leaves = scorer.leaf_count();
    // A fixed linear congruential generator: 60 % met, 30 % not met, 10 %
    // unrated, as bench_totals.py draws them.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) as f64 / (1u64 << 31) as f64
    };
    let rows: Vec<Vec<Option<RatingValue>>> = (0..n)
        .map(|_| {
            (0..leaves)
                .map(|_| match next() {
                    x if x < 0.6 => Some(RatingValue::Met),
                    x if x < 0.9 => Some(RatingValue::NotMet),
                    _ => None,
                })
                .collect()
        })
        .collect();
    let mut scratch = Scratch::new();
    let start = Instant::now();
    let mut sum = 0.0;
    for row in &rows {
        let dense = scorer.bind_leaves(row).unwrap();
        sum += scorer.total_dense(&dense, &mut scratch).unwrap_or(0.0);
    }
    let bind_and_total = start.elapsed().as_secs_f64();
    let bound: Vec<_> = rows
        .iter()
        .map(|r| scorer.bind_leaves(r).unwrap())
        .collect();
    let start = Instant::now();
    for dense in &bound {
        sum += black_box(scorer.total_dense(dense, &mut scratch)).unwrap_or(0.0);
    }
    let total_only = start.elapsed().as_secs_f64();
    let worked = catalog::good_practice::worked_example();
    let text = serde_json::to_string(&worked).unwrap();
    let reps = 20_000;
    let start = Instant::now();
    for _ in 0..reps {
        let a: assessment_model::Assessment = assessment_model::from_deserializer(
            &mut serde_json::Deserializer::from_str(black_box(&text)),
        )
        .unwrap();
        black_box(a);
    }
    let parse = start.elapsed().as_secs_f64() / reps as f64;
    let start = Instant::now();
    for _ in 0..reps {
        black_box(scorer.score(black_box(&worked)).unwrap());
    }
    let score = start.elapsed().as_secs_f64() / reps as f64;
    println!(
        "{{\"n\": {n}, \"bind_and_total_us\": {:.4}, \"total_dense_us\": {:.4}, \"parse_worked_us\": {:.3}, \"score_worked_us\": {:.3}, \"checksum\": {sum}}}",
        bind_and_total / n as f64 * 1e6,
        total_only / n as f64 * 1e6,
        parse * 1e6,
        score * 1e6,
    );
}
