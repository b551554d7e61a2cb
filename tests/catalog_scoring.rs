#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The built-in catalogues under their default rules, by hand-checkable
//! arithmetic: the worked example's question, area and total scores; the
//! IMPART risk threshold; the learning grid's means in 1-3 units.

use assessment_model::catalog::{good_practice, impart, profint};
use assessment_model::{Assessment, RatingValue, Report, Scorer, Subject};

const EPS: f64 = 1e-12;

fn close(report: &Report, id: &str, expected: f64) {
    let score = report
        .node(id)
        .and_then(|n| n.score())
        .unwrap_or_else(|| panic!("{id} has no score"));
    assert!(
        (score - expected).abs() < EPS,
        "{id}: {score} != {expected}"
    );
}

fn worked_report() -> Report {
    let scorer = Scorer::new(&good_practice::criteria()).unwrap();
    scorer.score(&good_practice::worked_example()).unwrap()
}

#[test]
fn worked_example_checks_cleanly_against_the_criteria() {
    let gp = good_practice::criteria();
    let example = good_practice::worked_example();
    Scorer::new(&gp).unwrap().validate(&example).unwrap();
}

#[test]
fn worked_example_question_scores_are_the_share_of_items_met() {
    let report = worked_report();
    // Items met / items per question, counted from the source's ✓ and –.
    let expected = [
        ("q1", 4.0 / 4.0),
        ("q2", 2.0 / 2.0),
        ("q3", 2.0 / 3.0),
        ("q4", 3.0 / 3.0),
        ("q5", 5.0 / 5.0),
        ("q6", 3.0 / 3.0),
        ("q7", 4.0 / 4.0),
        ("q8", 5.0 / 5.0),
        ("q9", 2.0 / 3.0),
        ("q10", 1.0 / 2.0),
        ("q11", 2.0 / 2.0),
    ];
    for (id, score) in expected {
        close(&report, id, score);
    }
}

#[test]
fn worked_example_area_scores_are_the_mean_of_their_questions() {
    let report = worked_report();
    close(
        &report,
        "inclusivity-participation",
        (1.0 + 1.0 + 2.0 / 3.0) / 3.0,
    ); // 8/9
    close(&report, "relevance-complementarity", 1.0);
    close(&report, "effectiveness", 1.0);
    close(&report, "sustainability", 2.0 / 3.0);
    close(&report, "partnership-collaboration", (0.5 + 1.0) / 2.0); // 3/4
}

#[test]
fn worked_example_total_is_the_mean_of_the_five_areas() {
    let report = worked_report();
    // (8/9 + 1 + 1 + 2/3 + 3/4) / 5 = (32 + 36 + 36 + 24 + 27) / 36 / 5 = 31/36.
    let total = report.total().score().unwrap();
    assert!((total - 31.0 / 36.0).abs() < EPS, "{total}");
    assert_eq!(report.total().coverage(), Some(1.0));
    let counts = report.total().counts();
    assert_eq!(
        (
            counts.leaves,
            counts.rated,
            counts.missing,
            counts.not_applicable
        ),
        (36, 36, 0, 0)
    );
    assert!(report.risks().is_empty());
    assert!(report.strengths().is_empty());
}

#[test]
fn worked_example_priorities_are_the_three_unmet_items() {
    let scorer = Scorer::new(&good_practice::criteria()).unwrap();
    let gains = scorer.priorities(&good_practice::worked_example()).unwrap();
    let got: Vec<(&str, f64)> = gains
        .iter()
        .map(|p| (p.criterion.as_str(), p.gain))
        .collect();
    // Raising one item to met lifts its question to 1; the area rises by
    // (1 - question) / questions in the area; the total by that / 5.
    let expected = [
        ("q9-3", (1.0 - 2.0 / 3.0) / 1.0 / 5.0), // 1/15
        ("q10-2", (1.0 - 0.5) / 2.0 / 5.0),      // 1/20
        ("q3-3", (1.0 - 2.0 / 3.0) / 3.0 / 5.0), // 1/45
    ];
    assert_eq!(got.len(), 3, "{got:?}");
    for ((id, gain), (want_id, want_gain)) in got.iter().zip(expected) {
        assert_eq!(*id, want_id);
        assert!(
            (gain - want_gain).abs() < EPS,
            "{id}: {gain} != {want_gain}"
        );
    }
}

fn impart_assessment(level: impl Fn(&str) -> i32) -> Assessment {
    let core = impart::core();
    let mut assessment = Assessment::new(core.exact_ref(), Subject::new("A project"));
    for leaf in core.leaves() {
        assessment
            .rate(&leaf.id, RatingValue::Level(level(leaf.id.as_str()).into()))
            .unwrap();
    }
    assessment
}

#[test]
fn impart_factor_below_half_is_a_risk_and_at_half_is_not() {
    let scorer = Scorer::new(&impart::core()).unwrap();
    // migrant-voice: 0, 0, 1, 0 -> (0 + 0 + .5 + 0) / 4 = 1/8 < 1/2: a risk.
    // equalities: all partly in place -> exactly 1/2: not a risk.
    // Everything else in place -> 1.
    let assessment = impart_assessment(|id| match id {
        "migrant-voice-3" => 1,
        _ if id.starts_with("migrant-voice-") => 0,
        _ if id.starts_with("equalities-") => 1,
        _ => 2,
    });
    let report = scorer.score(&assessment).unwrap();
    close(&report, "migrant-voice", 0.125);
    close(&report, "equalities", 0.5);
    close(&report, "needs-assessment", 1.0);
    let risks: Vec<(&str, f64)> = report
        .risks()
        .iter()
        .map(|r| (r.criterion.as_str(), r.score))
        .collect();
    assert_eq!(risks, [("migrant-voice", 0.125)]);
    // Total: (6 * 1 + 1/8 + 1/2) / 8 = 53/64.
    assert!((report.total().score().unwrap() - 53.0 / 64.0).abs() < EPS);
}

#[test]
fn learning_grid_domains_report_mean_importance_in_1_to_3_units() {
    let grid = profint::learning_grid();
    let scorer = Scorer::new(&grid).unwrap();
    let mut answers = Assessment::new(grid.exact_ref(), Subject::new("Respondent 1"));
    // linguistic 3, 3, 2, 1; every other proposal 2.
    for n in 1..=22u8 {
        let level = match n {
            1 | 2 => 3,
            4 => 1,
            _ => 2,
        };
        answers
            .rate(format!("p{n}"), RatingValue::Level(level.into()))
            .unwrap();
    }
    let report = scorer.score(&answers).unwrap();
    let linguistic = report.node("linguistic").unwrap();
    // (3 + 3 + 2 + 1) / 4 = 2.25 on 1-3, i.e. (2.25 - 1) / 2 = 0.625.
    assert!((linguistic.score().unwrap() - 0.625).abs() < EPS);
    let mean = linguistic.outcome().scale_mean().unwrap();
    assert_eq!(mean.scale, "importance");
    assert!((mean.value - 2.25).abs() < EPS);
    let civic = report
        .node("civic-everyday-life")
        .unwrap()
        .outcome()
        .scale_mean()
        .unwrap()
        .value;
    assert!((civic - 2.0).abs() < EPS);
}

#[test]
fn profint_io1_facet_views_are_the_share_of_tagged_factors_met() {
    let io1 = profint::success_factors_io1();
    let scorer = Scorer::new(&io1).unwrap();
    let mut assessment = Assessment::new(io1.exact_ref(), Subject::new("A device"));
    for n in 1..=13 {
        // Factors 4, 6 and 10 do not hold.
        let value = if [4, 6, 10].contains(&n) {
            RatingValue::NotMet
        } else {
            RatingValue::Met
        };
        assessment.rate(format!("io1-f{n}"), value).unwrap();
    }
    let report = scorer.score(&assessment).unwrap();
    // Every factor has the same effective weight (1/13), so a facet value
    // scores the share of its factors met.
    let facet = |f: &str, v: &str| report.facet(f, v).and_then(|s| s.score).unwrap();
    let expected = [
        ("stakeholder", "beneficiaries", 4.0 / 6.0), // 4, 7, 8, 9, 10, 11: 4 and 10 not met
        ("stakeholder", "partners", 1.0 / 2.0),      // 5, 6: 6 not met
        ("stakeholder", "organisation", 1.0),        // 1, 2, 3, 12, 13
        ("field", "accompaniment-strategy", 1.0),    // 1, 2, 3
        ("field", "partnership-management", 0.5),    // 5, 6
        ("field", "accompanying-methodology", 4.0 / 5.0), // 7-11: 10 not met
        ("field", "accompanying-skills", 1.0),       // 12, 13
    ];
    for (f, v, score) in expected {
        assert!(
            (facet(f, v) - score).abs() < EPS,
            "{f}={v}: {} != {score}",
            facet(f, v)
        );
    }
    assert!((report.total().score().unwrap() - 10.0 / 13.0).abs() < EPS);
}

#[test]
fn profint_io2_part_views_are_the_former_part_scores_and_the_total_the_share_met() {
    let io2 = profint::success_factors_io2();
    let scorer = Scorer::new(&io2).unwrap();
    let mut assessment = Assessment::new(io2.exact_ref(), Subject::new("A device"));
    // Factors 3, 5, 6, 10, 12 and 13 do not hold; 7 of 13 are met.
    for n in 1..=13 {
        let value = if [3, 5, 6, 10, 12, 13].contains(&n) {
            RatingValue::NotMet
        } else {
            RatingValue::Met
        };
        assessment.rate(format!("io2-f{n}"), value).unwrap();
    }
    let report = scorer.score(&assessment).unwrap();
    // Each part's view is the share of its factors met: what the part's
    // group scored when the parts were groups.
    let facet = |v: &str| report.facet("part", v).and_then(|s| s.score).unwrap();
    let expected = [
        ("comprehensive-accompaniment", 2.0 / 3.0), // 1, 2, 3: 3 not met
        ("qualified-partnerships", 1.0 / 3.0),      // 4, 5, 6: 5 and 6 not met
        ("adapted-methodology", 3.0 / 5.0),         // 7, 8, 9, 10, 12: 10 and 12 not met
        ("responsive-teams", 1.0 / 2.0),            // 11, 13: 13 not met
    ];
    for (v, score) in expected {
        assert!(
            (facet(v) - score).abs() < EPS,
            "part={v}: {} != {score}",
            facet(v)
        );
    }
    // The total is the share of the 13 factors met, 7/13; with the parts as
    // groups it was the mean of the four parts, (2/3 + 1/3 + 3/5 + 1/2) / 4
    // = 0.525.
    assert!((report.total().score().unwrap() - 7.0 / 13.0).abs() < EPS);
    // A part whose factors are all unrated has no view; the others keep
    // theirs.
    let mut partial = Assessment::new(io2.exact_ref(), Subject::new("A device"));
    partial.rate("io2-f1", RatingValue::Met).unwrap();
    partial.rate("io2-f4", RatingValue::NotMet).unwrap();
    let report = scorer.score(&partial).unwrap();
    assert_eq!(
        report
            .facet("part", "comprehensive-accompaniment")
            .and_then(|s| s.score),
        Some(1.0)
    );
    assert_eq!(
        report
            .facet("part", "qualified-partnerships")
            .and_then(|s| s.score),
        Some(0.0)
    );
    assert_eq!(
        report
            .facet("part", "responsive-teams")
            .and_then(|s| s.score),
        None
    );
}
