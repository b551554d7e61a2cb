//! Scoring hot paths: full `score`, `total`, dense `total_dense`, beside a
//! hand-written loop that computes the same total from the same dense data.
//!
//! Two frameworks, built synthetically here: one shaped like the
//! good-practice criteria (36 binary leaves in 11 questions in 5 areas) and
//! a generated one of 10,000 leaves (10 areas × 10 groups × 100 leaves,
//! with varied weights). Both use the default weighted mean.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;

use assessment_model::{
    Assessment, Criterion, Framework, Id, RatingValue, Scale, Scorer, Scratch, Subject,
};
use criterion::{Criterion as Bench, criterion_group, criterion_main};
use indexmap::IndexMap;

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

/// `shape[a][g]` = the number of leaves in group g of area a, with leaf
/// weights `leaf_w(k)` and group weights `group_w(k)` by running index.
struct Shape {
    areas: Vec<Vec<usize>>,
}

fn leaf_w(k: usize) -> f64 {
    [1.0, 2.0, 1.0, 3.0][k % 4]
}
fn group_w(k: usize) -> f64 {
    [1.0, 1.0, 2.0][k % 3]
}

fn build(shape: &Shape, weighted: bool) -> Framework {
    let mut scales = IndexMap::new();
    scales.insert(
        id("tick"),
        Scale::Binary {
            title: None,
            description: None,
        },
    );
    let (mut leaf_k, mut group_k) = (0, 0);
    let criteria = shape
        .areas
        .iter()
        .enumerate()
        .map(|(a, groups)| {
            let children = groups
                .iter()
                .enumerate()
                .map(|(g, &n)| {
                    let leaves = (0..n)
                        .map(|l| {
                            let mut c =
                                Criterion::leaf(id(&format!("a{a}-g{g}-l{l}")), "item", id("tick"));
                            if weighted {
                                c.weight = leaf_w(leaf_k);
                            }
                            leaf_k += 1;
                            c
                        })
                        .collect();
                    let mut c = Criterion::group(id(&format!("a{a}-g{g}")), "question", leaves);
                    if weighted {
                        c.weight = group_w(group_k);
                    }
                    group_k += 1;
                    c
                })
                .collect();
            Criterion::group(id(&format!("a{a}")), "area", children)
        })
        .collect();
    Framework {
        id: id("bench"),
        version: semver::Version::new(1, 0, 0),
        title: "Bench".into(),
        description: None,
        provenance: Default::default(),
        scales,
        facets: IndexMap::new(),
        rules: Default::default(),
        requires: Vec::new(),
        criteria,
    }
}

fn assessment(fw: &Framework) -> Assessment {
    let mut a = Assessment::new(fw.exact_ref(), Subject::new("bench"));
    for (i, leaf) in fw.leaves().enumerate() {
        let v = if i % 3 == 0 {
            RatingValue::NotMet
        } else {
            RatingValue::Met
        };
        a.rate(leaf.id.clone(), v);
    }
    a
}

/// The hand-written loop: nested weighted means straight from the dense
/// values (every leaf rated, nothing excluded).
fn hand_total(values: &[f64], shape: &Shape, weighted: bool) -> f64 {
    let (mut leaf_k, mut group_k) = (0usize, 0usize);
    let (mut total, mut total_w) = (0.0, 0.0);
    for groups in &shape.areas {
        let (mut area, mut area_w) = (0.0, 0.0);
        for &n in groups {
            let (mut sum, mut sum_w) = (0.0, 0.0);
            for v in &values[leaf_k..leaf_k + n] {
                let w = if weighted { leaf_w(leaf_k) } else { 1.0 };
                sum += w * v;
                sum_w += w;
                leaf_k += 1;
            }
            let gw = if weighted { group_w(group_k) } else { 1.0 };
            group_k += 1;
            area += gw * (sum / sum_w);
            area_w += gw;
        }
        total += area / area_w;
        total_w += 1.0;
    }
    total / total_w
}

fn bench_one(c: &mut Bench, name: &str, shape: Shape, weighted: bool) {
    let fw = build(&shape, weighted);
    let scorer = Scorer::new(&fw).unwrap();
    let a = assessment(&fw);
    let dense = scorer.bind(&a).unwrap();
    let mut scratch = Scratch::new();
    let ours = scorer.total_dense(&dense, &mut scratch).unwrap();
    let hand = hand_total(dense.values(), &shape, weighted);
    assert!((ours - hand).abs() < 1e-12, "{ours} vs {hand}");

    min_ratio(
        name,
        || scorer.total_dense(black_box(&dense), &mut scratch),
        || hand_total(black_box(dense.values()), &shape, weighted),
    );

    c.bench_function(&format!("{name}/score"), |b| {
        b.iter(|| scorer.score(black_box(&a)).unwrap())
    });
    c.bench_function(&format!("{name}/total"), |b| {
        b.iter(|| scorer.total(black_box(&a)).unwrap())
    });
    c.bench_function(&format!("{name}/total_dense"), |b| {
        b.iter(|| scorer.total_dense(black_box(&dense), &mut scratch))
    });
    c.bench_function(&format!("{name}/hand_loop"), |b| {
        b.iter(|| hand_total(black_box(dense.values()), &shape, weighted))
    });
}

/// The ratio of the dense path to the hand loop, robust to a busy
/// machine: both run in alternation, 1,000 iterations per round, and the
/// fastest round of each is compared (printed, not a criterion figure).
fn min_ratio<A, B>(name: &str, mut dense: impl FnMut() -> A, mut hand: impl FnMut() -> B) {
    let round = |f: &mut dyn FnMut()| {
        let start = std::time::Instant::now();
        for _ in 0..1000 {
            f();
        }
        start.elapsed().as_secs_f64() / 1000.0
    };
    let (mut best_dense, mut best_hand) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..100 {
        best_dense = best_dense.min(round(&mut || {
            black_box(dense());
        }));
        best_hand = best_hand.min(round(&mut || {
            black_box(hand());
        }));
    }
    eprintln!(
        "{name}: fastest round: total_dense {:.1} ns, hand loop {:.1} ns, ratio {:.2}",
        best_dense * 1e9,
        best_hand * 1e9,
        best_dense / best_hand
    );
}

fn good_practice_shaped(c: &mut Bench) {
    // 11 questions in 5 areas, 36 checklist items.
    let shape = Shape {
        areas: vec![
            vec![4, 3, 3],
            vec![3, 4],
            vec![3, 3],
            vec![3, 4],
            vec![3, 3],
        ],
    };
    assert_eq!(shape.areas.iter().map(Vec::len).sum::<usize>(), 11);
    assert_eq!(shape.areas.iter().flatten().sum::<usize>(), 36);
    bench_one(c, "good_practice_36", shape, false);
}

fn generated_10k(c: &mut Bench) {
    let shape = Shape {
        areas: vec![vec![100; 10]; 10],
    };
    bench_one(c, "generated_10000", shape, true);
}

criterion_group!(benches, good_practice_shaped, generated_10k);
criterion_main!(benches);
