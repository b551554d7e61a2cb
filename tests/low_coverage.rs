//! A total that rests on little evidence says so: `Report::low_coverage`,
//! the serialised `low_coverage` field and a line in `Display`, while every
//! score stays as the rules give it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]
// Test code on fixed data: an index out of range or an overflow is a
// failure of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

mod common;

use assessment_model::catalog::good_practice;
use assessment_model::report::ReportDocument;
use assessment_model::{
    Aggregation, Assessment, MissingPolicy, NoScore, Report, Scorer, ScoringRules, Subject,
};
use common::*;

/// The last two lines of `report`'s `Display`.
fn tail(report: &Report) -> Vec<String> {
    let text = report.to_string();
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[lines.len() - 2..].to_vec()
}

/// `n` binary leaves `l1`..`ln` of weight 1 under `rules`.
fn ticks(n: usize, rules: ScoringRules) -> assessment_model::Framework {
    framework(
        rules,
        (1..=n).map(|i| tick(&format!("l{i}"), 1.0)).collect(),
    )
}

/// Leaves `l1`..`lk` met, the rest unrated.
fn first_met(fw: &assessment_model::Framework, k: usize) -> Assessment {
    let mut a = Assessment::new(fw.exact_ref(), Subject::new("Subject"));
    for i in 1..=k {
        a.rate(id(&format!("l{i}")), Met).unwrap();
    }
    a
}

#[test]
fn four_of_the_36_good_practice_items_give_a_flagged_total_of_37_5() {
    let fw = good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let a = assess(
        &fw,
        &[
            ("q1-1", Met),
            ("q1-2", NotMet),
            ("q2-1", Met),
            ("q4-1", NotMet),
        ],
    );
    let report = scorer.score(&a).unwrap();
    // q1 = 1/2, q2 = 1, so inclusivity-participation = 3/4; q4 = 0, so
    // relevance-complementarity = 0; nothing else is rated (missing
    // ratings are left out): total = (3/4 + 0) / 2 = 0.375.
    assert_eq!(report.total().score(), Some(0.375));
    assert_eq!(report.total().coverage(), Some(4.0 / 36.0));
    assert!(report.low_coverage());
    let tail = tail(&report);
    assert!(tail[0].starts_with("TOTAL "), "{tail:?}");
    assert!(tail[0].ends_with(" 37.5       11%"), "{tail:?}");
    assert_eq!(
        tail[1],
        "low coverage: 4 of 36 applicable leaves rated (11%, below 50%): \
         the total rests on little evidence"
    );
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["low_coverage"], serde_json::json!(true));
    assert_eq!(
        scorer
            .read_report(serde_json::from_value(json).unwrap())
            .unwrap(),
        report
    );

    // The worked example rates all 36: no flag, no field, no line.
    let full = scorer.score(&good_practice::worked_example()).unwrap();
    assert!(!full.low_coverage());
    assert!(!full.to_string().contains("low coverage"));
    let json = serde_json::to_value(&full).unwrap();
    assert!(json.get("low_coverage").is_none(), "{json}");
}

#[test]
fn half_the_applicable_leaves_is_enough() {
    let fw = ticks(4, ScoringRules::default());
    let scorer = Scorer::new(&fw).unwrap();
    let one = scorer.score(&first_met(&fw, 1)).unwrap();
    assert!(one.low_coverage());
    assert_eq!(
        tail(&one)[1],
        "low coverage: 1 of 4 applicable leaves rated (25%, below 50%): \
         the total rests on little evidence"
    );
    // 2 of 4 is 0.5, not below it.
    assert!(!scorer.score(&first_met(&fw, 2)).unwrap().low_coverage());
    // Not applicable leaves are not evidence, nor missing: 1 rated of the
    // 2 applicable is half.
    let mut a = first_met(&fw, 1);
    a.rate(id("l3"), NA).unwrap().rate(id("l4"), NA).unwrap();
    let report = scorer.score(&a).unwrap();
    assert_eq!(report.total().coverage(), Some(0.5));
    assert!(!report.low_coverage());
    assert_eq!(Report::LOW_COVERAGE, 0.5);
}

#[test]
fn the_share_is_rounded_down_so_it_never_reads_as_the_threshold() {
    // 99 of 200 is 49.5%, which the coverage column rounds to 50%.
    let fw = ticks(200, ScoringRules::default());
    let report = Scorer::new(&fw)
        .unwrap()
        .score(&first_met(&fw, 99))
        .unwrap();
    assert!(report.low_coverage());
    assert!(
        tail(&report)[0].ends_with("      50%"),
        "{:?}",
        tail(&report)
    );
    assert_eq!(
        tail(&report)[1],
        "low coverage: 99 of 200 applicable leaves rated (49%, below 50%): \
         the total rests on little evidence"
    );
}

#[test]
fn the_score_is_not_changed_whatever_the_missing_policy() {
    for (missing, total) in [(MissingPolicy::Exclude, 1.0), (MissingPolicy::Zero, 0.25)] {
        let mut rules = rules(Aggregation::WeightedMean);
        rules.missing = missing;
        let fw = ticks(4, rules);
        let report = Scorer::new(&fw).unwrap().score(&first_met(&fw, 1)).unwrap();
        // Exclude: the one met leaf; Zero: 1 met among 4, the rest 0.
        assert_eq!(report.total().score(), Some(total), "{missing:?}");
        assert!(report.low_coverage(), "{missing:?}");
    }
}

#[test]
fn min_coverage_is_the_threshold_where_the_framework_sets_one() {
    let mut rules = ScoringRules::default();
    rules.min_coverage = Some(0.3);
    let fw = ticks(10, rules);
    let scorer = Scorer::new(&fw).unwrap();
    // 2 of 10 is below 0.3: no total (rule 6), so nothing to flag.
    let below = scorer.score(&first_met(&fw, 2)).unwrap();
    assert_eq!(below.total().score(), None);
    assert_eq!(
        below.total().no_score(),
        Some(NoScore::InsufficientCoverage)
    );
    assert!(!below.low_coverage());
    // 4 of 10 meets the framework's 0.3, though it is below the default
    // 0.5: the framework's authors have said it is enough.
    let above = scorer.score(&first_met(&fw, 4)).unwrap();
    assert_eq!(above.total().score(), Some(1.0));
    assert!(!above.low_coverage());
    assert!(!above.to_string().contains("low coverage"));
}

#[test]
fn a_total_without_a_score_is_not_flagged() {
    let fw = ticks(4, ScoringRules::default());
    let scorer = Scorer::new(&fw).unwrap();
    // Qualitative: nothing rated (rule 12).
    let mut a = first_met(&fw, 0);
    a.narratives.insert(id("l1"), "Seen on the visit.".into());
    let report = scorer.score(&a).unwrap();
    assert!(report.is_qualitative());
    assert_eq!(report.total().coverage(), Some(0.0));
    assert!(!report.low_coverage());
    // A document without the field reads as not flagged; 1 of 4 rated is
    // flagged by scoring, so reading such a document back refuses it.
    let mut json = serde_json::to_value(scorer.score(&first_met(&fw, 1)).unwrap()).unwrap();
    json.as_object_mut().unwrap().remove("low_coverage");
    let document: ReportDocument = serde_json::from_value(json).unwrap();
    assert!(!document.low_coverage);
    let err = scorer.read_report(document).unwrap_err();
    assert_eq!(err.issues()[0].code(), "invalid-report");
    // The field is not in the document: the path is the object that lacks
    // it, so that it resolves (issue 25, item 5); the message names it.
    assert_eq!(err.issues()[0].path, "");
    assert!(
        err.issues()[0].kind.to_string().contains("`low_coverage`"),
        "{}",
        err.issues()[0]
    );
}
