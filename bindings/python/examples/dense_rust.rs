//! The Rust dense path the Python batch path is measured against
//! (`bench_totals.py` runs it): the totals of N generated good-practice
//! assessments held as one array of codes, the rows bound into one reused
//! `RatingsTable` (`RatingsTable::set_codes`, as `Scorer.totals` binds a
//! row) and totalled by `Scorer::totals`, and `Scorer::totals` alone on
//! rows bound beforehand; parsing and scoring the
//! worked example; parsing the worked example's ratings alone (the shape
//! `bench_totals.py` scores from a dict) through the crate and through
//! plain serde_json, and building that assessment in code. Prints one
//! JSON line.
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

use assessment_model::{Assessment, Id, Rating, Scorer, Subject, catalog};

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
    // One row of codes per assessment, in one flat array, as the numpy
    // array `Scorer.totals` reads: 1 met, 0 not met, NaN unrated.
    let codes: Vec<f64> = (0..n * leaves)
        .map(|_| match next() {
            x if x < 0.6 => 1.0,
            x if x < 0.9 => 0.0,
            _ => f64::NAN,
        })
        .collect();
    // As `Scorer.totals` does: rows bound into one reused table of 1,024
    // rows, then totalled.
    let rows = 1024.min(n);
    let mut table = scorer.table(rows);
    let mut out = vec![None; rows];
    let start = Instant::now();
    let mut sum = 0.0;
    for part in codes.chunks(rows * leaves) {
        let part_rows = part.len() / leaves;
        if part_rows != table.rows() {
            table.resize(part_rows);
            out.resize(part_rows, None);
        }
        for (i, row) in part.chunks_exact(leaves).enumerate() {
            table
                .set_codes(i, black_box(row), f64::NEG_INFINITY)
                .unwrap();
        }
        scorer.totals(&table, &mut out).unwrap();
        sum += out.iter().map(|t| t.unwrap_or(0.0)).sum::<f64>();
    }
    let bind_and_total = start.elapsed().as_secs_f64();
    // Totals alone, of every row bound beforehand into one table.
    let mut all = scorer.table(n);
    for (i, row) in codes.chunks_exact(leaves).enumerate() {
        all.set_codes(i, row, f64::NEG_INFINITY).unwrap();
    }
    let mut out = vec![None; n];
    let start = Instant::now();
    scorer.totals(black_box(&all), &mut out).unwrap();
    sum += out.iter().map(|t| t.unwrap_or(0.0)).sum::<f64>();
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
    let minimal = Minimal::measure(&worked, reps);
    println!(
        "{{\"n\": {n}, \"bind_and_total_us\": {:.4}, \"totals_us\": {:.4}, \"parse_worked_us\": {:.3}, \"score_worked_us\": {:.3}, \"parse_minimal_us\": {:.3}, \"parse_minimal_plain_us\": {:.3}, \"build_minimal_us\": {:.3}, \"checksum\": {sum}}}",
        bind_and_total / n as f64 * 1e6,
        total_only / n as f64 * 1e6,
        parse * 1e6,
        score * 1e6,
        minimal.parse * 1e6,
        minimal.parse_plain * 1e6,
        minimal.build * 1e6,
    );
}

/// The worked example's ratings alone (no evidence, notes or narratives),
/// the shape `bench_totals.py` scores from a dict: seconds per document to
/// parse its JSON text with the crate's `from_deserializer`, with plain
/// `serde_json::from_str` (no path tracking, no `Keyed` wrapper), and to
/// build the same `Assessment` in code (ids checked, ratings inserted:
/// what any reader must at least do).
struct Minimal {
    parse: f64,
    parse_plain: f64,
    build: f64,
}

impl Minimal {
    fn measure(worked: &Assessment, reps: usize) -> Minimal {
        let mut minimal = Assessment::new(worked.framework.clone(), Subject::new("s0"));
        for (id, rating) in &worked.ratings {
            minimal
                .ratings
                .insert(id.clone(), Rating::new(rating.value.clone()));
        }
        let text = serde_json::to_string(&minimal).unwrap();
        let ids: Vec<String> = minimal.ratings.keys().map(ToString::to_string).collect();
        let per = |f: &mut dyn FnMut()| {
            let start = Instant::now();
            for _ in 0..reps {
                f();
            }
            start.elapsed().as_secs_f64() / reps as f64
        };
        let parse = per(&mut || {
            let mut de = serde_json::Deserializer::from_str(black_box(&text));
            let a: Assessment = assessment_model::from_deserializer(&mut de).unwrap();
            black_box(a);
        });
        let parse_plain = per(&mut || {
            black_box(serde_json::from_str::<Assessment>(black_box(&text)).unwrap());
        });
        let build = per(&mut || {
            let mut a = Assessment::new(minimal.framework.clone(), Subject::new("s0"));
            a.ratings.reserve(ids.len());
            for (id, rating) in black_box(&ids).iter().zip(minimal.ratings.values()) {
                let value = rating.value.clone();
                a.ratings
                    .insert(Id::new(id.as_str()).unwrap(), Rating::new(value));
            }
            black_box(a);
        });
        Minimal {
            parse,
            parse_plain,
            build,
        }
    }
}
