//! The everyday calls of issue 24 over a portfolio: 20,000 distinct
//! assessments of the catalogue's good-practice criteria (36 binary items
//! in 11 questions in 5 areas), random ratings (85% met, 10% not met, 4%
//! missing, 1% not applicable; `support/portfolio.rs`), every iteration
//! over all 20,000 (never one input timed over and over, which would time
//! the branch predictor).
//!
//! Six benches in the group `portfolio_20000`: the baseline
//! `byte_loop` (`support/byte_loop.rs`, the shape fixed at compile time,
//! over the rows as bytes); `read_ratings`, the floor under any call that
//! takes an `Assessment`: a pass that only reads each rating's id (its
//! length and first byte, as matching it to a leaf must) and value, and
//! scores nothing; `Scorer::totals` over a `RatingsTable` of all
//! rows (filled once, outside the timing), `Scorer::score` to a `Report`,
//! `Scorer::total` of an `Assessment`, and `Report::priorities` of reports
//! made beforehand. Before timing, every batch total, every `total` and
//! the byte loop's total are checked to have the bits of the report's
//! total.
//!
//! At the end the ratios to the byte loop are printed twice, each against
//! issue 24's target: from criterion's medians of this run, and from the
//! medians of rounds that alternate the six passes (one pass over the
//! 20,000 each), which a busy machine disturbs less.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::hint::black_box;
use std::time::{Duration, Instant, SystemTime};

use assessment_model::catalog::good_practice;
use assessment_model::{Assessment, RatingValue, RatingsTable, Report, Scorer};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/byte_loop.rs"]
mod byte_loop;
#[path = "support/estimates.rs"]
mod estimates;
#[path = "support/mode.rs"]
mod mode;
#[path = "support/portfolio.rs"]
mod portfolio;

use byte_loop::{as_bytes, byte_loop};

/// How many distinct assessments.
const ROWS: usize = 20_000;
const GROUP: &str = "portfolio_20000";

/// The calls, their issue-24 targets (× the byte loop), in print order.
const TARGETS: [(&str, Option<f64>); 6] = [
    ("byte_loop", None),
    ("read_ratings", None),
    ("batch_totals", Some(1.5)),
    ("score_report", Some(60.0)),
    ("total_assessment", Some(25.0)),
    ("report_priorities", Some(60.0)),
];

/// Everything the benches read, made once.
struct Portfolio {
    scorer: Scorer,
    rows: Vec<[u8; 36]>,
    assessments: Vec<Assessment>,
    table: RatingsTable,
    reports: Vec<Report>,
}

impl Portfolio {
    fn new() -> Portfolio {
        let framework = good_practice::criteria();
        let scorer = Scorer::new(&framework).unwrap();
        assert_eq!(scorer.leaf_count(), 36);
        let shape: Vec<Vec<usize>> = framework
            .criteria
            .iter()
            .map(|area| area.children.iter().map(|q| q.children.len()).collect())
            .collect();
        assert_eq!(shape, byte_loop::GOOD_PRACTICE.map(<[usize]>::to_vec));
        let rows = portfolio::rows(ROWS, 24);
        let assessments: Vec<Assessment> = rows
            .iter()
            .enumerate()
            .map(|(k, row)| portfolio::assessment(&framework, row, format!("P{k}")))
            .collect();
        let mut table = scorer.table(ROWS);
        for (k, a) in assessments.iter().enumerate() {
            table.set_assessment(k, a).unwrap();
        }
        let reports = assessments
            .iter()
            .map(|a| scorer.score(a).unwrap())
            .collect();
        let p = Portfolio {
            scorer,
            rows,
            assessments,
            table,
            reports,
        };
        p.check();
        p
    }

    /// Bit-identity before any timing: the table holds the rows, and the
    /// batch, `total` and the byte loop give each report's total.
    fn check(&self) {
        let mut batch = vec![None; ROWS];
        self.scorer.totals(&self.table, &mut batch).unwrap();
        let bits = |t: Option<f64>| t.map(f64::to_bits);
        let mut scored = 0;
        for (k, (&batch, row)) in batch.iter().zip(&self.rows).enumerate() {
            let values = (0..36).map(|leaf| self.table.value(k, leaf).unwrap());
            assert_eq!(as_bytes(values), *row, "row {k} as bound");
            let report = self.reports[k].total().score();
            assert_eq!(bits(batch), bits(report), "row {k}: batch");
            assert_eq!(bits(byte_loop(row)), bits(report), "row {k}: byte loop");
            let total = self.scorer.total(&self.assessments[k]).unwrap();
            assert_eq!(bits(total), bits(report), "row {k}: total");
            scored += usize::from(report.is_some());
        }
        let distinct: std::collections::HashSet<u64> =
            batch.iter().flatten().map(|t| t.to_bits()).collect();
        eprintln!(
            "{ROWS} distinct rows, {scored} with a total ({} distinct totals): batch, total, \
             byte loop and report agree bit for bit",
            distinct.len()
        );
    }

    /// One pass of call `what` over every row.
    fn pass(&self, what: &str, out: &mut [Option<f64>]) {
        match what {
            "byte_loop" => {
                for (o, row) in out.iter_mut().zip(&self.rows) {
                    *o = byte_loop(black_box(row));
                }
            }
            "read_ratings" => {
                for (o, a) in out.iter_mut().zip(&self.assessments) {
                    *o = Some(read_ratings(black_box(a)));
                }
            }
            "batch_totals" => self.scorer.totals(black_box(&self.table), out).unwrap(),
            "score_report" => {
                for a in &self.assessments {
                    black_box(self.scorer.score(black_box(a)).unwrap());
                }
            }
            "total_assessment" => {
                for (o, a) in out.iter_mut().zip(&self.assessments) {
                    *o = self.scorer.total(black_box(a)).unwrap();
                }
            }
            "report_priorities" => {
                for r in &self.reports {
                    black_box(black_box(r).priorities());
                }
            }
            _ => unreachable!("{what}"),
        }
        black_box(out);
    }
}

/// A number that depends on every rating of `a`: its id's length and
/// first byte, and which value it is. What a call that binds `a` cannot
/// do without, as data read from memory.
fn read_ratings(a: &Assessment) -> f64 {
    let mut sum = 0usize;
    for (id, rating) in &a.ratings {
        let id = id.as_str();
        let value = match rating.value {
            RatingValue::Met => 1,
            RatingValue::NotMet => 2,
            _ => 3,
        };
        sum += id.len() + usize::from(id.as_bytes()[0]) + value;
    }
    sum as f64
}

/// `{what}: {per assessment} = {ratio}× the byte loop (target ≤ …: holds)`.
fn print_ratios(source: &str, per_row_ns: &[(&str, Option<f64>)]) {
    let base = per_row_ns
        .iter()
        .find(|(w, _)| *w == "byte_loop")
        .and_then(|p| p.1);
    eprintln!("ratios to the byte loop ({source}):");
    for ((what, ns), (_, target)) in per_row_ns.iter().zip(TARGETS) {
        let Some(ns) = ns else {
            eprintln!("  {what:<18} not measured in this run");
            continue;
        };
        let Some(base) = base else {
            eprintln!("  {what:<18} {ns:>9.1} ns per assessment (no byte loop in this run)");
            continue;
        };
        let ratio = ns / base;
        let verdict = match target {
            Some(t) if ratio <= t => format!("target ≤ {t}×: holds"),
            Some(t) => format!("target ≤ {t}×: MISSED by {:.2}×", ratio / t),
            None if *what == "byte_loop" => "baseline".to_string(),
            None => "the data's floor, no target".to_string(),
        };
        eprintln!("  {what:<18} {ns:>9.1} ns per assessment = {ratio:>7.2}× ({verdict})");
    }
}

fn benches(c: &mut Criterion) {
    let started = SystemTime::now();
    let p = Portfolio::new();
    let mut out = vec![None; ROWS];

    let mut group = c.benchmark_group(GROUP);
    group
        .throughput(Throughput::Elements(ROWS as u64))
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for (what, _) in TARGETS {
        group.bench_function(what, |b| b.iter(|| p.pass(what, &mut out)));
    }
    group.finish();
    if !mode::benchmarking() {
        return;
    }

    let per_row = |ns: Option<f64>| ns.map(|ns| ns / ROWS as f64);
    let criterion: Vec<(&str, Option<f64>)> = TARGETS
        .iter()
        .map(|&(what, _)| {
            let id = format!("{GROUP}/{what}");
            (what, per_row(estimates::median_ns(&id, started)))
        })
        .collect();
    print_ratios("criterion's medians, this run", &criterion);

    // Rounds: the six passes one after the other, 15 times; the median
    // of each.
    const ROUNDS: usize = 15;
    let mut times = vec![Vec::with_capacity(ROUNDS); TARGETS.len()];
    for _ in 0..ROUNDS {
        for (t, (what, _)) in times.iter_mut().zip(TARGETS) {
            let start = Instant::now();
            p.pass(what, &mut out);
            t.push(start.elapsed().as_secs_f64() * 1e9 / ROWS as f64);
        }
    }
    let rounds: Vec<(&str, Option<f64>)> = TARGETS
        .iter()
        .zip(&mut times)
        .map(|(&(what, _), t)| {
            t.sort_by(f64::total_cmp);
            (what, Some(t[ROUNDS / 2]))
        })
        .collect();
    print_ratios(
        &format!("medians of {ROUNDS} alternating rounds of one pass each"),
        &rounds,
    );
}

criterion_group!(scoring, benches);
criterion_main!(scoring);
