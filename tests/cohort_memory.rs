//! What a cohort holds per member: the bytes live after pushing N
//! good-practice reports (36 binary leaves in 11 questions in 5 areas),
//! with random ratings as a portfolio's are (85% met, 10% not met, 4%
//! missing, 1% not applicable), counted by a global allocator (bytes
//! allocated minus bytes freed, so the figure is deterministic).
//!
//! One test only: the allocator counts every thread of the binary. Run with
//! `--nocapture` to see the figures.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::sync::atomic::Ordering::Relaxed;

use assessment_model::catalog::good_practice;
use assessment_model::{Assessment, Cohort, Framework, RatingValue, Scorer, Subject};

#[path = "../benches/support/counting.rs"]
mod counting;
use counting::LIVE;

/// A tiny LCG (Knuth's MMIX constants): deterministic data, no rand crate.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u32) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as u32) % n
    }
}

/// One good-practice assessment with random ratings, its subject in one of
/// four regions.
fn assessment(framework: &Framework, leaves: &[String], rng: &mut Lcg) -> Assessment {
    let mut subject = Subject::new("P");
    let region = ["north", "south", "east", "west"][rng.below(4) as usize];
    subject.attributes.insert("region".into(), region.into());
    let mut a = Assessment::new(framework.exact_ref(), subject);
    for leaf in leaves {
        let value = match rng.below(100) {
            0..85 => RatingValue::Met,
            85..95 => RatingValue::NotMet,
            95..99 => continue,
            _ => RatingValue::NotApplicable,
        };
        a.rate(leaf, value).unwrap();
    }
    a
}

/// The bytes a cohort (grouped by region or not) holds after each of
/// `sizes` members (ascending), the cohort's own fixed part included.
fn held_after(scorer: &Scorer, grouped: bool, sizes: &[usize], seed: u64) -> Vec<usize> {
    let framework = scorer.framework().clone();
    let leaves: Vec<String> = framework.leaves().map(|c| c.id.to_string()).collect();
    let mut rng = Lcg(seed);
    let before = LIVE.load(Relaxed);
    let mut cohort = Cohort::new(scorer);
    if grouped {
        cohort = cohort.with_grouping("region");
    }
    let mut held = Vec::new();
    for &n in sizes {
        while cohort.members() < n as u64 {
            let report = scorer
                .score(&assessment(&framework, &leaves, &mut rng))
                .unwrap();
            cohort.push(&report).unwrap();
        }
        held.push(LIVE.load(Relaxed) - before);
    }
    drop(cohort);
    held
}

/// Before this test, a cohort kept every score of every node (8 bytes
/// each, in vectors that grow by doubling): 556 bytes per member at
/// 100,000 members, 1,112 grouped by region. It now keeps each node's
/// distinct scores with their counts, so its size barely grows with the
/// members: the bounds below leave a wide margin over what it holds
/// (about 1 byte per member at 40,000 members, 3 grouped; 0.1 bytes per
/// member added from 20,000 to 40,000, 0.4 grouped) and far below what it
/// held before. `COHORT_MEMBERS=1000000` prints the figures at that size as
/// well (run in release: `--release -- --nocapture`).
#[test]
fn a_cohort_holds_little_per_member() {
    let framework = good_practice::criteria();
    let scorer = Scorer::new(&framework).unwrap();
    assert_eq!(framework.leaves().count(), 36);
    let mut sizes = vec![20_000, 40_000];
    if let Some(n) = std::env::var("COHORT_MEMBERS")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        sizes.push(n);
    }
    for (grouped, per_member, per_added) in [(false, 8.0, 2.0), (true, 16.0, 4.0)] {
        let held = held_after(&scorer, grouped, &sizes, 1);
        let grouping = if grouped {
            "grouped by region"
        } else {
            "ungrouped"
        };
        for (n, bytes) in sizes.iter().zip(&held) {
            println!(
                "{grouping}, {n} members: {bytes} bytes, {:.2} bytes per member",
                *bytes as f64 / *n as f64
            );
        }
        let at_40k = held[1] as f64 / 40_000.0;
        let added = (held[1] as f64 - held[0] as f64) / 20_000.0;
        assert!(
            at_40k <= per_member,
            "{grouping}: {at_40k:.2} bytes per member at 40,000 members"
        );
        assert!(
            added <= per_added,
            "{grouping}: {added:.2} bytes per member added from 20,000 to 40,000"
        );
    }
}
