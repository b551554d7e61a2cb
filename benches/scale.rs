//! Validation, compiling and scoring are linear in the size of the
//! framework: time at 10 000, 20 000 and 40 000 leaves (each doubling should
//! at most a little more than double the time). Peak memory is measured by
//! `tests/scaling.rs` with a counting allocator.
//!
//! Two references, linear by construction, show what the machine itself
//! does at each size: `walk` reads every criterion's id and title once
//! (no operation can do less), and `clone` copies the framework (as much
//! allocation as the framework has). Where a framework outgrows a CPU
//! cache, they too take more than twice as long at twice the size, and the
//! three operations are best judged against them at the same size.
//!
//! Run with `cargo bench --bench scale -- --quick` for figures.
#![allow(missing_docs)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::hint::black_box;

use assessment_model::Scorer;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

#[path = "support/generated.rs"]
mod generated;

fn scale(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale");
    group.sample_size(10);
    for leaves in [10_000, 20_000, 40_000] {
        let framework = generated::framework(leaves);
        let assessment = generated::assessment(&framework);
        let scorer = Scorer::new(&framework).unwrap_or_else(|e| panic!("{e}"));
        group.bench_with_input(BenchmarkId::new("walk", leaves), &framework, |b, f| {
            b.iter(|| {
                black_box(
                    f.walk()
                        .map(|(_, c)| c.id.as_str().len() + c.title.len())
                        .sum::<usize>(),
                )
            })
        });
        group.bench_with_input(BenchmarkId::new("clone", leaves), &framework, |b, f| {
            b.iter(|| black_box(f.clone()))
        });
        group.bench_with_input(BenchmarkId::new("validate", leaves), &framework, |b, f| {
            b.iter(|| black_box(f.issues()))
        });
        group.bench_with_input(BenchmarkId::new("compile", leaves), &framework, |b, f| {
            b.iter(|| black_box(Scorer::new(f).is_ok()))
        });
        group.bench_with_input(BenchmarkId::new("score", leaves), &assessment, |b, a| {
            b.iter(|| black_box(scorer.score(a).is_ok()))
        });
    }
    group.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
