//! Analysis hot paths (SPEC.md §8): the progress between two good-practice
//! reports, the bounds of a good-practice assessment with two thirds of its
//! items missing, and an uncertainty run of 10,000 samples × 100 members
//! against the good-practice criteria.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::hint::black_box;
use std::time::Duration;

use assessment_model::catalog::good_practice;
use assessment_model::{
    Aggregation, Assessment, Framework, Progress, RatingValue, Scorer, Subject, Uncertainty,
    UncertaintySpec,
};
use criterion::{Criterion, criterion_group, criterion_main};

/// Member `k`: each leaf met or not by a fixed pattern; `every` > 1 leaves
/// all but every `every`-th leaf missing.
fn member(fw: &Framework, k: usize, every: usize) -> Assessment {
    let mut a = Assessment::new(fw.exact_ref(), Subject::new(format!("P{k}")));
    for (i, leaf) in fw.leaves().enumerate() {
        if i % every != 0 {
            continue;
        }
        let met = (i * 7 + k * 13) % 10 < 3 + k % 5;
        let v = if met {
            RatingValue::Met
        } else {
            RatingValue::NotMet
        };
        a.rate(&leaf.id, v).unwrap();
    }
    a
}

/// The progress between two fully rated good-practice reports of
/// different patterns (members 1 and 2): every node compared, the risks
/// and the changed ratings listed.
fn progress(c: &mut Criterion) {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let baseline = scorer.score(&member(&fw, 1, 1)).unwrap();
    let current = scorer.score(&member(&fw, 2, 1)).unwrap();
    c.bench_function("progress/good_practice_between", |b| {
        b.iter(|| Progress::between(black_box(&baseline), black_box(&current)).unwrap())
    });
}

fn benches(c: &mut Criterion) {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();

    let third = member(&fw, 1, 3);
    c.bench_function("bounds/good_practice_third_rated", |b| {
        b.iter(|| scorer.bounds(black_box(&third)).unwrap())
    });

    // ±25% on the weights of the areas and questions (16 inputs) and the
    // choice of weighted, geometric or harmonic mean for the areas and the
    // total (1 input): 10,000 × (17 + 2) = 190,000 scorings per member.
    let members: Vec<Assessment> = (0..100).map(|k| member(&fw, k, 1)).collect();
    let spec = UncertaintySpec::new()
        .level(1, 0.25)
        .level(2, 0.25)
        .methods([
            Aggregation::WeightedMean,
            Aggregation::GeometricMean,
            Aggregation::HarmonicMean,
        ])
        .method_levels([0, 1]);
    let mut group = c.benchmark_group("uncertainty");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(1));
    group.bench_function("good_practice_10000_samples_x_100_members", |b| {
        b.iter(|| {
            Uncertainty::new(&scorer, spec.clone())
                .seed(7)
                .samples(10_000)
                .run(black_box(&members))
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(analysis, progress, benches);
criterion_main!(analysis);
