//! Long work reports its progress and stops when asked (DESIGN.md,
//! "Validation"; issue 25 item 7): the observed forms of uncertainty,
//! bounds, batch totals and cohorts, and the up-front limit on an
//! uncertainty run's work (`MAX_EVALUATIONS`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

mod common;

use assessment_model::catalog::good_practice;
use assessment_model::limits::MAX_EVALUATIONS;
use assessment_model::model::{RunError, Stopped};
use assessment_model::{
    Assessment, Cohort, Criterion, Framework, Rating, RatingValue, Scorer, Subject, Uncertainty,
    UncertaintySpec,
};
use common::*;

/// Every call an observer got, and whether it said go on.
fn recorder(calls: &mut Vec<(u64, u64)>, stop_at: u64) -> impl FnMut(u64, u64) -> bool + '_ {
    move |done, total| {
        calls.push((done, total));
        done < stop_at
    }
}

/// The calls start at `(0, total)`, never go back, never pass `total`
/// and all name the same total.
fn assert_well_formed(calls: &[(u64, u64)], total: u64) {
    assert_eq!(calls.first(), Some(&(0, total)), "{calls:?}");
    for pair in calls.windows(2) {
        assert!(pair[0].0 <= pair[1].0, "{calls:?}");
    }
    assert!(calls.iter().all(|&(d, t)| t == total && d <= total));
}

/// Ten projects against the good-practice criteria.
fn projects(fw: &Framework, n: usize) -> Vec<Assessment> {
    (0..n)
        .map(|k| {
            let mut a = Assessment::new(fw.exact_ref(), Subject::new(format!("Project {k}")));
            for (i, leaf) in fw.leaves().enumerate() {
                let met = (i * 7 + k * 3) % 10 < 3 + k % 5;
                a.rate(&leaf.id, if met { Met } else { NotMet }).unwrap();
            }
            a
        })
        .collect()
}

#[test]
fn uncertainty_tells_every_scoring_and_gives_the_same_report() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let members = projects(&fw, 20);
    let spec = UncertaintySpec::new().level(1, 0.25).level(2, 0.25);
    let analysis = Uncertainty::new(&scorer, spec).seed(3).samples(300);
    let plain = analysis.clone().run(&members).unwrap();
    let mut calls = Vec::new();
    let observed = analysis
        .run_observed(&members, &mut recorder(&mut calls, u64::MAX))
        .unwrap();
    assert_eq!(observed, plain);
    // N·(d + 2) scorings of each of the 20 members.
    let d = plain.inputs.len() as u64;
    let total = 300 * (d + 2) * 20;
    assert_well_formed(&calls, total);
    assert_eq!(calls.last(), Some(&(total, total)));
    // Told often: at least every 2^18 / 53 ≈ 4,946 scorings.
    assert!(calls.len() as u64 >= total / 4946, "{} calls", calls.len());
}

#[test]
fn uncertainty_stops_when_told_and_is_not_asked_again() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let members = projects(&fw, 20);
    let spec = UncertaintySpec::new().level(1, 0.25);
    let mut calls = Vec::new();
    let err = Uncertainty::new(&scorer, spec)
        .samples(1000)
        .run_observed(&members, &mut recorder(&mut calls, 10_000))
        .unwrap_err();
    // Five areas weighted: d = 5.
    let total = 1000 * (5 + 2) * 20;
    let RunError::Stopped(Stopped { done, total: t }) = err else {
        panic!("{err}")
    };
    assert_eq!(t, total);
    assert!((10_000..total).contains(&done), "{done}");
    // The call that said stop was the last.
    assert_eq!(calls.last(), Some(&(done, total)));
    assert_eq!(calls.iter().filter(|c| c.0 >= 10_000).count(), 1);
}

#[test]
fn uncertainty_stopped_before_it_starts() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let err = Uncertainty::new(&scorer, UncertaintySpec::new())
        .samples(10)
        .run_observed(&projects(&fw, 2), &mut |_, _| false)
        .unwrap_err();
    assert_eq!(
        err,
        RunError::Stopped(Stopped {
            done: 0,
            total: 10 * 2 * 2
        })
    );
}

#[test]
fn uncertainty_issues_come_before_the_observer() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let mut calls = Vec::new();
    let err = Uncertainty::new(&scorer, UncertaintySpec::new().level(1, 2.0))
        .run_observed(&projects(&fw, 2), &mut recorder(&mut calls, u64::MAX))
        .unwrap_err();
    let issues = err.validation_error().unwrap().issues();
    assert_eq!(issues[0].code(), "threshold-out-of-range");
    assert_eq!(issues[0].path, "/levels/1");
    assert!(calls.is_empty());
}

#[test]
fn too_many_samples_is_an_error_up_front() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let members = projects(&fw, 200);
    // 10^9 samples × (5 + 2) × 200 members: 1.4·10^12 scorings.
    let spec = UncertaintySpec::new().level(1, 0.25);
    let err = Uncertainty::new(&scorer, spec.clone())
        .samples(1_000_000_000)
        .run(&members)
        .unwrap_err();
    let issue = &err.issues()[0];
    assert_eq!(err.issues().len(), 1);
    assert_eq!(issue.code(), "too-many-items");
    assert_eq!(issue.path, "/samples");
    assert_eq!(
        issue.kind.to_string(),
        "1400000000000 evaluations (samples × (inputs + 2) × members), more than the limit of 10000000000"
    );
    // A count that overflows is refused the same way, saturated.
    let err = Uncertainty::new(&scorer, spec)
        .samples(usize::MAX)
        .run(&members)
        .unwrap_err();
    assert_eq!(err.issues()[0].code(), "too-many-items");
    assert!(
        err.issues()[0]
            .kind
            .to_string()
            .contains(&usize::MAX.to_string())
    );
}

#[test]
fn the_limit_admits_exactly_max_evaluations() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    // No inputs (d = 0) and one member: 2·N scorings. The member does not
    // bind, which is checked after the limit: at the limit the error is
    // the member's, one past it the limit's.
    let mut bad = Assessment::new(fw.exact_ref(), Subject::new("Bad"));
    bad.ratings
        .insert(id("no-such-leaf"), Rating::new(RatingValue::Met));
    let members = [bad];
    let at = usize::try_from(MAX_EVALUATIONS / 2).unwrap();
    let run = |n: usize| {
        Uncertainty::new(&scorer, UncertaintySpec::new())
            .samples(n)
            .run(&members)
            .unwrap_err()
    };
    assert_eq!(run(at).issues()[0].code(), "unknown-criterion");
    assert_eq!(run(at + 1).issues()[0].code(), "too-many-items");
}

/// A framework of `n` binary leaves in groups of 100.
fn wide(n: usize) -> Framework {
    let groups = (0..n / 100)
        .map(|g| {
            let leaves = (0..100).map(|i| tick(&format!("l{g}-{i}"), 1.0)).collect();
            group(&format!("g{g}"), 1.0, None, leaves)
        })
        .collect::<Vec<Criterion>>();
    framework(rules(assessment_model::Aggregation::WeightedMean), groups)
}

#[test]
fn bounds_tell_each_missing_leaf_and_stop() {
    // 10,000 leaves, the first rated, 9,999 missing: told about every
    // 4,096 missing leaves.
    let fw = wide(10_000);
    let scorer = Scorer::new(&fw).unwrap();
    let a = assess(&fw, &[("l0-0", Met)]);
    let mut calls = Vec::new();
    let bounds = scorer
        .bounds_observed(&a, &mut recorder(&mut calls, u64::MAX))
        .unwrap();
    assert_eq!(bounds, scorer.bounds(&a).unwrap());
    assert_eq!(calls, [(0, 9999), (4096, 9999), (8192, 9999), (9999, 9999)]);

    let err = scorer
        .bounds_observed(&a, &mut |done, _| done < 4096)
        .unwrap_err();
    assert_eq!(
        err,
        RunError::Stopped(Stopped {
            done: 4096,
            total: 9999
        })
    );
}

#[test]
fn bounds_issues_are_the_unobserved_ones() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let mut a = good_practice::worked_example();
    a.ratings
        .insert(id("nowhere"), Rating::new(RatingValue::Met));
    let err = scorer.bounds_observed(&a, &mut |_, _| true).unwrap_err();
    assert_eq!(
        err,
        RunError::Invalid(scorer.bounds(&a).unwrap_err()),
        "the issues of bounds"
    );
}

#[test]
fn batch_totals_tell_each_chunk_and_stop() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let batch = projects(&fw, 2500);
    let mut calls = Vec::new();
    let totals = scorer
        .totals_observed(&batch, &mut recorder(&mut calls, u64::MAX))
        .unwrap();
    let each: Vec<Option<f64>> = batch.iter().map(|a| scorer.total(a).unwrap()).collect();
    assert_eq!(totals, each);
    assert_eq!(calls, [(0, 2500), (1024, 2500), (2048, 2500), (2500, 2500)]);
    let err = scorer
        .totals_observed(&batch, &mut |done, _| done < 2048)
        .unwrap_err();
    assert_eq!(
        err,
        RunError::Stopped(Stopped {
            done: 2048,
            total: 2500
        })
    );
    // An empty batch: nothing to do, told so.
    let mut calls = Vec::new();
    let none = scorer
        .totals_observed(&[], &mut recorder(&mut calls, u64::MAX))
        .unwrap();
    assert!(none.is_empty());
    assert_eq!(calls, [(0, 0), (0, 0)]);
}

#[test]
fn batch_totals_report_every_bad_assessment_by_index() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let mut batch = projects(&fw, 1500);
    batch[3]
        .ratings
        .insert(id("nowhere"), Rating::new(RatingValue::Met));
    batch[1400]
        .ratings
        .insert(id("elsewhere"), Rating::new(RatingValue::Met));
    let err = scorer
        .totals_observed(&batch, &mut |_, _| true)
        .unwrap_err();
    let issues = err.validation_error().unwrap().issues();
    let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["/3/ratings/nowhere", "/1400/ratings/elsewhere"]);
    assert!(issues.iter().all(|i| i.code() == "unknown-criterion"));
}

#[test]
fn a_cohort_extended_is_the_cohort_pushed_and_unchanged_when_stopped() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let batch = projects(&fw, 500);
    let mut pushed = Cohort::new(&scorer).with_grouping("country");
    for a in &batch {
        pushed.push_assessment(a).unwrap();
    }
    let mut extended = Cohort::new(&scorer).with_grouping("country");
    let mut calls = Vec::new();
    extended
        .extend_observed(&batch, &mut recorder(&mut calls, u64::MAX))
        .unwrap();
    assert_eq!(extended.stats(), pushed.stats());
    // 2^18 / (53 · 32) = 154 assessments a call.
    assert_eq!(
        calls,
        [(0, 500), (154, 500), (308, 500), (462, 500), (500, 500)]
    );

    let before = serde_json::to_string(&extended.state()).unwrap();
    let err = extended
        .extend_observed(&batch, &mut |done, _| done < 300)
        .unwrap_err();
    assert_eq!(
        err,
        RunError::Stopped(Stopped {
            done: 308,
            total: 500
        })
    );
    assert_eq!(serde_json::to_string(&extended.state()).unwrap(), before);

    let mut bad = batch.clone();
    bad[7]
        .ratings
        .insert(id("nowhere"), Rating::new(RatingValue::Met));
    let err = extended
        .extend_observed(&bad, &mut |_, _| true)
        .unwrap_err();
    let issues = err.validation_error().unwrap().issues();
    assert_eq!(issues[0].path, "/7/ratings/nowhere");
    assert_eq!(serde_json::to_string(&extended.state()).unwrap(), before);
    assert_eq!(extended.members(), 500);
}
