//! The native side of the package's timing (examples/timing.mjs is the
//! Node side): the worked good-practice example scored by the crate
//! itself, the same ways (a JS object aside), best of five rounds.
//!
//! `cargo run --release -p assessment-model-js --example native_timing`

use std::hint::black_box;
use std::time::Instant;

use assessment_model::catalog::good_practice;
use assessment_model::{Assessment, Scorer, from_deserializer};

/// Microseconds per call of `f`, the best of five rounds of `n` calls.
fn per_call(n: u32, mut f: impl FnMut()) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..n {
            f();
        }
        best = best.min(start.elapsed().as_secs_f64() * 1e6 / f64::from(n));
    }
    best
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scorer = Scorer::new(&good_practice::criteria())?;
    let example = good_practice::worked_example();
    let text = serde_json::to_string(&example)?;
    let codes: Vec<f64> = scorer
        .framework()
        .leaves()
        .map(|c| match example.ratings.get(c.id.as_str()) {
            Some(r) if r.value == assessment_model::RatingValue::Met => 1.0,
            _ => 0.0,
        })
        .collect();
    let rows = 1000;
    let mut table = scorer.table(1);
    let mut out = vec![None; 1];
    let mut block = scorer.table(rows);
    let mut block_out = vec![None; rows];
    let parse = |t: &str| -> Option<Assessment> {
        from_deserializer(&mut serde_json::Deserializer::from_str(t)).ok()
    };

    let score_text = per_call(2000, || {
        let report = parse(black_box(&text)).and_then(|a| scorer.score(&a).ok());
        black_box(report.and_then(|r| r.total().score()));
    });
    let total_text = per_call(2000, || {
        let total = parse(black_box(&text)).and_then(|a| scorer.total(&a).ok());
        black_box(total);
    });
    let one_row = per_call(20000, || {
        let _ = table.set_codes(0, black_box(&codes), f64::NEG_INFINITY);
        let _ = scorer.totals(&table, &mut out);
        black_box(&out);
    });
    let per_row = per_call(50, || {
        for row in 0..rows {
            let _ = block.set_codes(row, black_box(&codes), f64::NEG_INFINITY);
        }
        let _ = scorer.totals(&block, &mut block_out);
        black_box(&block_out);
    }) / 1000.0;
    println!("native: worked example, microseconds per call (best of 5)");
    println!("  score from JSON text      {score_text:8.2}");
    println!("  total from JSON text      {total_text:8.2}");
    println!("  totals, one row of codes  {one_row:8.3}");
    println!("  totals, per row of 1,000  {per_row:8.3}");
    Ok(())
}
