//! Scoring hot paths: full `score`, `total`, dense `total_dense`, beside a
//! hand-written loop that computes the same total from the same dense data.
//!
//! Two frameworks, built synthetically here: one shaped like the
//! good-practice criteria (36 binary leaves in 11 questions in 5 areas,
//! every weight 1 as in the catalogue) and a generated one of 10,000
//! leaves (10 areas × 10 groups × 100 leaves, with varied weights). Both
//! use the default rules (weighted mean, missing ratings excluded). Each
//! runs on two data variants: every leaf rated, and with missing and
//! not-applicable leaves. Before timing, the bench asserts that the hand
//! loop, `total_dense` and `score` give the same bits.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::hint::black_box;

use assessment_model::{
    Assessment, Criterion, Framework, Id, RatingValue, Scale, Scorer, Scratch, Subject,
};
use criterion::{Criterion as Bench, criterion_group, criterion_main};
use indexmap::IndexMap;

#[path = "support/byte_loop.rs"]
mod byte_loop;
#[path = "support/rounds.rs"]
mod rounds;

use byte_loop::{GOOD_PRACTICE, as_bytes, byte_loop};

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
    scales.insert(id("tick"), Scale::binary());
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
    {
        let mut built = Framework::new(id("bench"), semver::Version::new(1, 0, 0), "Bench");
        built.scales = scales;
        built.criteria = criteria;
        built
    }
}

/// The two data variants: every leaf rated (a third of them not met), or
/// with gaps as real assessments have them: every seventh leaf missing,
/// every eleventh not applicable, and one whole group not applicable (so
/// the group drops out of its area).
#[derive(Clone, Copy, PartialEq)]
enum Data {
    AllRated,
    Gaps,
}

fn assessment(fw: &Framework, data: Data) -> Assessment {
    let mut a = Assessment::new(fw.exact_ref(), Subject::new("bench"));
    for (i, leaf) in fw.leaves().enumerate() {
        let v = if data == Data::Gaps && leaf.id.as_str().starts_with("a1-g1-") {
            RatingValue::NotApplicable
        } else if data == Data::Gaps && i % 7 == 3 {
            continue;
        } else if data == Data::Gaps && i % 11 == 5 {
            RatingValue::NotApplicable
        } else if i % 3 == 0 {
            RatingValue::NotMet
        } else {
            RatingValue::Met
        };
        a.rate(&leaf.id, v).unwrap();
    }
    a
}

/// The framework as a hand-written loop for its shape holds it: per area
/// (number of groups, weight), per group (number of leaves, weight), and
/// the leaf weights, all in definition order.
struct Hand {
    areas: Vec<(usize, f64)>,
    groups: Vec<(usize, f64)>,
    leaf_w: Vec<f64>,
}

impl Hand {
    fn new(shape: &Shape, weighted: bool) -> Hand {
        let groups: Vec<usize> = shape.areas.iter().flatten().copied().collect();
        let leaves: usize = groups.iter().sum();
        let w = |weighted, x| if weighted { x } else { 1.0 };
        Hand {
            areas: shape.areas.iter().map(|g| (g.len(), 1.0)).collect(),
            groups: groups
                .iter()
                .enumerate()
                .map(|(k, &n)| (n, w(weighted, group_w(k))))
                .collect(),
            leaf_w: (0..leaves).map(|k| w(weighted, leaf_w(k))).collect(),
        }
    }
}

/// The hand-written loop: the total of the framework's default rules from
/// the same dense values `Scorer::bind` gives (a score ≥ 0, NaN missing,
/// negative not applicable): a weighted mean at each level over the
/// children that have a score, missing and not-applicable leaves left
/// out, a group with nothing rated left out of its area, an area of the
/// total.
fn hand_total(values: &[f64], h: &Hand) -> Option<f64> {
    let (mut leaf, mut group) = (0, 0);
    let (mut total, mut total_w) = (0.0, 0.0);
    for &(n_groups, aw) in &h.areas {
        let (mut area, mut area_w) = (0.0, 0.0);
        for &(n, gw) in &h.groups[group..group + n_groups] {
            let (mut sum, mut sum_w) = (0.0, 0.0);
            for (&v, &w) in values[leaf..leaf + n].iter().zip(&h.leaf_w[leaf..leaf + n]) {
                if v >= 0.0 {
                    sum += w * v;
                    sum_w += w;
                }
            }
            if sum_w > 0.0 {
                area += gw * (sum / sum_w);
                area_w += gw;
            }
            leaf += n;
        }
        if area_w > 0.0 {
            total += aw * (area / area_w);
            total_w += aw;
        }
        group += n_groups;
    }
    (total_w > 0.0).then(|| total / total_w)
}

/// The hand loop specialised to a framework whose weights are all 1 (as
/// the good-practice criteria's are): the strictest baseline for that
/// shape. The same sums in the same order, so the same bits.
fn hand_total_unit_weights(values: &[f64], h: &Hand) -> Option<f64> {
    let (mut leaf, mut group) = (0, 0);
    let (mut total, mut total_w) = (0.0, 0.0);
    for &(n_groups, _) in &h.areas {
        let (mut area, mut area_w) = (0.0, 0.0);
        for &(n, _) in &h.groups[group..group + n_groups] {
            let (mut sum, mut sum_w) = (0.0, 0.0);
            for &v in &values[leaf..leaf + n] {
                if v >= 0.0 {
                    sum += v;
                    sum_w += 1.0;
                }
            }
            if sum_w > 0.0 {
                area += sum / sum_w;
                area_w += 1.0;
            }
            leaf += n;
        }
        if area_w > 0.0 {
            total += area / area_w;
            total_w += 1.0;
        }
        group += n_groups;
    }
    (total_w > 0.0).then(|| total / total_w)
}

fn bench_one(c: &mut Bench, name: &str, shape: Shape, weighted: bool) {
    let fw = build(&shape, weighted);
    let scorer = Scorer::new(&fw).unwrap();
    let hand = Hand::new(&shape, weighted);
    let mut scratch = Scratch::new();
    for (data, label) in [(Data::AllRated, "all_rated"), (Data::Gaps, "gaps")] {
        let a = assessment(&fw, data);
        let dense = scorer.bind(&a).unwrap();
        let ours = scorer.total_dense(&dense, &mut scratch);
        let by_hand = hand_total(dense.values(), &hand);
        let full = scorer.score(&a).unwrap().total().score();
        assert!(ours.is_some());
        assert_eq!(ours.map(f64::to_bits), by_hand.map(f64::to_bits));
        assert_eq!(ours.map(f64::to_bits), full.map(f64::to_bits));

        let name = format!("{name}/{label}");
        min_ratio(
            &name,
            || scorer.total_dense(black_box(&dense), &mut scratch),
            || hand_total(black_box(dense.values()), &hand),
        );
        if !weighted {
            let unit = hand_total_unit_weights(dense.values(), &hand);
            assert_eq!(unit.map(f64::to_bits), by_hand.map(f64::to_bits));
            min_ratio(
                &format!("{name} (hand loop with weights fixed at 1)"),
                || scorer.total_dense(black_box(&dense), &mut scratch),
                || hand_total_unit_weights(black_box(dense.values()), &hand),
            );
        }
        if data == Data::Gaps {
            let report = scorer.score(&a).unwrap();
            assert_eq!(report.priorities(), scorer.priorities(&a).unwrap());
            let values = dense.values();
            let calls: [(&str, &dyn Fn()); 5] = [
                ("score", &|| drop(black_box(scorer.score(black_box(&a))))),
                ("total", &|| drop(black_box(scorer.total(black_box(&a))))),
                ("bind", &|| drop(black_box(scorer.bind(black_box(&a))))),
                ("check + priorities", &|| {
                    drop(black_box(scorer.priorities(black_box(&a))))
                }),
                ("report.priorities", &|| {
                    drop(black_box(black_box(&report).priorities()))
                }),
            ];
            // A fastest round of 1,000 calls: on the small framework only.
            for (what, call) in calls.into_iter().filter(|_| values.len() < 1000) {
                min_ratio_of(&name, what, call, || hand_total(black_box(values), &hand));
            }
            c.bench_function(&format!("{name}/bind"), |b| {
                b.iter(|| scorer.bind(black_box(&a)).unwrap())
            });
            c.bench_function(&format!("{name}/report_priorities"), |b| {
                b.iter(|| black_box(&report).priorities())
            });
            c.bench_function(&format!("{name}/score"), |b| {
                b.iter(|| scorer.score(black_box(&a)).unwrap())
            });
            c.bench_function(&format!("{name}/total"), |b| {
                b.iter(|| scorer.total(black_box(&a)).unwrap())
            });
        }
        c.bench_function(&format!("{name}/total_dense"), |b| {
            b.iter(|| scorer.total_dense(black_box(&dense), &mut scratch))
        });
        c.bench_function(&format!("{name}/hand_loop"), |b| {
            b.iter(|| hand_total(black_box(dense.values()), &hand))
        });
    }
}

/// `total_dense` against the run-time-shape hand loop.
fn min_ratio<A, B>(name: &str, dense: impl FnMut() -> A, hand: impl FnMut() -> B) {
    min_ratio_of(name, "total_dense", dense, hand);
}

/// Any call `what` against the run-time-shape hand loop.
fn min_ratio_of<A, B>(name: &str, what: &str, call: impl FnMut() -> A, hand: impl FnMut() -> B) {
    rounds::fastest_ratio(name, (what, call), ("hand loop", hand));
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

/// Every everyday call against [`byte_loop`], after checking it gives the
/// same bits as `score` on both data variants.
fn good_practice_against_bytes(_: &mut Bench) {
    let fw = build(
        &Shape {
            areas: GOOD_PRACTICE.iter().map(|q| q.to_vec()).collect(),
        },
        false,
    );
    let scorer = Scorer::new(&fw).unwrap();
    let mut scratch = Scratch::new();
    for (data, label) in [(Data::AllRated, "all_rated"), (Data::Gaps, "gaps")] {
        let a = assessment(&fw, data);
        let dense = scorer.bind(&a).unwrap();
        let bytes = as_bytes(dense.values());
        let full = scorer.score(&a).unwrap().total().score();
        assert_eq!(byte_loop(&bytes).map(f64::to_bits), full.map(f64::to_bits));
        let report = scorer.score(&a).unwrap();
        let name = format!("good_practice_36/{label} (against the byte loop)");
        let calls: [(&str, &mut dyn FnMut()); 6] = [
            ("total_dense", &mut || {
                black_box(scorer.total_dense(black_box(&dense), &mut scratch));
            }),
            ("score", &mut || {
                drop(black_box(scorer.score(black_box(&a))))
            }),
            ("total", &mut || {
                drop(black_box(scorer.total(black_box(&a))))
            }),
            ("bind", &mut || drop(black_box(scorer.bind(black_box(&a))))),
            ("check + priorities", &mut || {
                drop(black_box(scorer.priorities(black_box(&a))))
            }),
            ("report.priorities", &mut || {
                drop(black_box(black_box(&report).priorities()))
            }),
        ];
        for (what, call) in calls {
            rounds::fastest_ratio(
                &name,
                (what, call),
                ("byte loop", || byte_loop(black_box(&bytes))),
            );
        }
    }
}

fn generated_10k(c: &mut Bench) {
    let shape = Shape {
        areas: vec![vec![100; 10]; 10],
    };
    bench_one(c, "generated_10000", shape, true);
}

criterion_group!(
    benches,
    good_practice_against_bytes,
    good_practice_shaped,
    generated_10k
);
criterion_main!(benches);
