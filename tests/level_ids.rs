#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A rating names a level of an ordinal scale by id (`{"level": "partly"}`)
//! or by value (`{"level": 1}`), and both mean the same level everywhere:
//! scoring, checking, priorities, peer review, cohorts (design,
//! *Serialised form*). A rating keeps the form it was given.
//!
//! The fixture's scale `grid` has levels no = 0, partly = 1, fully = 4, so
//! a level normalises to v / 4 (rule 1): partly 0.25, fully 1. Values that
//! are not 0, 1, 2 make a value mistaken for a position visible.
// Test code on fixed data: an index out of range or an overflow is a
// failure of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::model::Person;
use assessment_model::review::Consolidation;
use assessment_model::{
    Assessment, Cohort, Framework, Id, LevelRef, PeerReview, RatingValue, Report, Scorer, Subject,
};
use serde_json::json;

fn framework() -> Framework {
    serde_json::from_value(json!({
        "id": "grid-fw", "version": "1.0.0", "title": "Grid",
        "scales": { "grid": { "type": "ordinal", "levels": [
            { "id": "no", "value": 0, "label": "no" },
            { "id": "partly", "value": 1, "label": "partly" },
            { "id": "fully", "value": 4, "label": "fully" }
        ] } },
        "criteria": [
            { "id": "a", "title": "A", "scale": "grid" },
            { "id": "b", "title": "B", "scale": "grid" },
            { "id": "c", "title": "C", "scale": "grid", "weight": 2.0 }
        ]
    }))
    .unwrap()
}

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

fn by_id(level: &str) -> RatingValue {
    RatingValue::Level(LevelRef::Id(id(level)))
}

fn by_value(level: i32) -> RatingValue {
    RatingValue::Level(LevelRef::Value(level))
}

/// An assessment of the fixture from its JSON ratings.
fn assessment_json(ratings: serde_json::Value) -> Assessment {
    serde_json::from_value(json!({
        "framework": { "id": "grid-fw", "version": "^1" },
        "subject": { "name": "Project" },
        "ratings": ratings
    }))
    .unwrap()
}

fn scores(report: &Report) -> Vec<(String, Option<f64>)> {
    report
        .nodes()
        .map(|n| (n.id().to_string(), n.score()))
        .collect()
}

#[test]
fn by_id_and_by_value_score_the_same_through_json() {
    let scorer = Scorer::new(&framework()).unwrap();
    let ids = assessment_json(json!({
        "a": { "value": { "level": "partly" } },
        "b": { "value": { "level": "partly" } },
        "c": { "value": { "level": "fully" } }
    }));
    let values = assessment_json(json!({
        "a": { "value": { "level": 1 } },
        "b": { "value": { "level": 1 } },
        "c": { "value": { "level": 4 } }
    }));
    let (ids, values) = (scorer.score(&ids).unwrap(), scorer.score(&values).unwrap());
    // (0.25 + 0.25 + 2 · 1) / 4.
    assert_eq!(ids.total().score(), Some(0.625));
    assert_eq!(ids.total(), values.total());
    let expected = [
        ("a".to_string(), Some(0.25)),
        ("b".to_string(), Some(0.25)),
        ("c".to_string(), Some(1.0)),
    ];
    assert_eq!(scores(&ids), expected);
    assert_eq!(scores(&values), expected);
}

#[test]
fn by_id_and_by_value_score_the_same_through_code() {
    let fw = framework();
    let scale = &fw.scales["grid"];
    assert_eq!(scale.normalise(&by_id("partly")), Some(0.25));
    assert_eq!(scale.normalise(&by_value(1)), Some(0.25));
    assert_eq!(scale.normalise(&by_id("fully")), Some(1.0));
    assert_eq!(scale.normalise(&by_id("no")), Some(0.0));
    let partly = scale.level(&LevelRef::Id(id("partly"))).unwrap();
    assert_eq!((partly.id.as_str(), partly.value), ("partly", 1));
    assert_eq!(scale.level(&LevelRef::Value(1)), Some(partly));
    // The same level, but not the same form.
    assert!(scale.same_rating(&by_id("partly"), &by_value(1)));
    assert!(!scale.same_rating(&by_id("partly"), &by_value(4)));
    assert_ne!(by_id("partly"), by_value(1));

    let scorer = Scorer::new(&fw).unwrap();
    let rate = |a: RatingValue, c: RatingValue| {
        let mut assessment = Assessment::new(fw.exact_ref(), Subject::new("Project"));
        assessment
            .rate(id("a"), a)
            .unwrap()
            .rate(id("c"), c)
            .unwrap();
        scorer.score(&assessment).unwrap()
    };
    let ids = rate(by_id("partly"), by_id("no"));
    let values = rate(by_value(1), by_value(0));
    // b is missing and left out (the default policy): (0.25 + 2 · 0) / 3.
    assert_eq!(ids.total().score(), Some(0.25 / 3.0));
    assert_eq!(scores(&ids), scores(&values));
}

#[test]
fn by_id_and_by_value_score_the_same_through_toml() {
    let scorer = Scorer::new(&framework()).unwrap();
    let toml = |a: &str| -> Assessment {
        toml::from_str(&format!(
            "[framework]\nid = \"grid-fw\"\nversion = \"^1\"\n\
             [subject]\nname = \"Project\"\n\
             [ratings.a]\nvalue = {{ level = {a} }}\n"
        ))
        .unwrap()
    };
    let ids = toml("\"partly\"");
    let values = toml("1");
    assert_eq!(ids.ratings["a"].value, by_id("partly"));
    assert_eq!(values.ratings["a"].value, by_value(1));
    let ids = scorer.score(&ids).unwrap();
    assert_eq!(ids.total().score(), Some(0.25));
    assert_eq!(ids.total(), scorer.score(&values).unwrap().total());
}

#[test]
fn an_unknown_level_id_is_off_the_scale_and_names_the_scales_ids() {
    let fw = framework();
    let scorer = Scorer::new(&fw).unwrap();
    let assessment = assessment_json(json!({
        "a": { "value": { "level": "mostly" } },
        "b": { "value": { "level": 2 } },
        "c": { "value": { "level": "fully" } }
    }));
    let issues = scorer.validate(&assessment).unwrap_err().into_issues();
    let got: Vec<(&str, &str, String)> = issues
        .iter()
        .map(|i| (i.code(), i.path.as_str(), i.kind.to_string()))
        .collect();
    let admits = "an ordinal scale admits the levels no = 0, partly = 1, fully = 4, \
                  by id or by value, or not_applicable";
    assert_eq!(
        got,
        [
            (
                "rating-off-scale",
                "/ratings/a/value",
                format!("rating level mostly of `a` is not on scale `grid` ({admits})")
            ),
            (
                "rating-off-scale",
                "/ratings/b/value",
                format!("rating level 2 of `b` is not on scale `grid` ({admits})")
            ),
        ]
    );
    assert_eq!(scorer.score(&assessment).unwrap_err().issues(), issues);
}

#[test]
fn a_rating_keeps_the_form_it_was_given() {
    let text = json!({
        "framework": { "id": "grid-fw", "version": "^1" },
        "subject": { "name": "Project" },
        "ratings": {
            "a": { "value": { "level": "partly" } },
            "b": { "value": { "level": 1 } },
            "c": { "value": "not_applicable" }
        }
    });
    let assessment: Assessment = serde_json::from_value(text.clone()).unwrap();
    assert_eq!(assessment.ratings["a"].value, by_id("partly"));
    assert_eq!(assessment.ratings["b"].value, by_value(1));
    assert_eq!(serde_json::to_value(&assessment).unwrap(), text);
    let toml_text = toml::to_string(&assessment).unwrap();
    assert!(toml_text.contains("level = \"partly\""), "{toml_text}");
    assert!(toml_text.contains("level = 1"), "{toml_text}");
    assert_eq!(
        toml::from_str::<Assessment>(&toml_text).unwrap(),
        assessment
    );

    // The report echoes each rating as given.
    let scorer = Scorer::new(&framework()).unwrap();
    let report = scorer.score(&assessment).unwrap();
    assert_eq!(report.node("a").unwrap().rating(), Some(&by_id("partly")));
    assert_eq!(report.node("b").unwrap().rating(), Some(&by_value(1)));
    let serialised = serde_json::to_value(&report).unwrap();
    assert_eq!(
        serialised["nodes"][0]["rating"],
        json!({ "level": "partly" })
    );
    assert_eq!(serialised["nodes"][1]["rating"], json!({ "level": 1 }));
    assert_eq!(
        scorer
            .read_report(serde_json::from_value(serialised).unwrap())
            .unwrap(),
        report
    );
}

#[test]
fn display_shows_the_form_given() {
    assert_eq!(by_id("partly").to_string(), "level partly");
    assert_eq!(by_value(-3).to_string(), "level -3");
}

#[test]
fn priorities_name_the_best_level_by_value() {
    let fw = framework();
    let scorer = Scorer::new(&fw).unwrap();
    let mut assessment = Assessment::new(fw.exact_ref(), Subject::new("Project"));
    assessment.rate(id("a"), by_id("partly")).unwrap();
    let priorities = scorer.priorities(&assessment).unwrap();
    assert_eq!(priorities.len(), 1);
    assert_eq!(priorities[0].criterion, "a");
    assert_eq!(priorities[0].current, 0.25);
    assert_eq!(priorities[0].best, by_value(4));
    // Only a is rated: the total is its score, 0.25 now and 1 at the top.
    assert_eq!(priorities[0].gain, 0.75);
}

/// A review of the fixture by peers `p1`.. rating leaf `a` as given.
fn review(ratings: &[RatingValue]) -> PeerReview {
    let fw = framework();
    let mut review = PeerReview::new(fw.compatible_ref(), Subject::new("Project"));
    for (p, value) in ratings.iter().enumerate() {
        let key = id(&format!("p{}", p + 1));
        review.peers.insert(key.clone(), Person::default());
        let mut a = Assessment::new(fw.exact_ref(), Subject::new("Project"));
        a.rate(id("a"), value.clone()).unwrap();
        review.assessments.insert(key, a);
    }
    review
}

#[test]
fn peers_agree_whether_they_name_a_level_by_id_or_by_value() {
    let fw = framework();
    let mixed = review(&[by_id("partly"), by_value(1), by_id("partly")]);
    let consensus = mixed.consolidate(&fw, Consolidation::Consensus).unwrap();
    assert_eq!(consensus.disagreements, []);
    // The first peer's form is kept.
    assert_eq!(consensus.assessment.ratings["a"].value, by_id("partly"));
    let leaf = &consensus.agreement.leaves["a"];
    assert!(leaf.all_agree);
    assert_eq!(leaf.spread, Some(0.0));
    assert_eq!(consensus.agreement.full_agreement, Some(1.0));

    // Alpha codes a level by its value, whichever form names it: a review
    // that mixes forms measures what the same review by values does.
    let mixed = review(&[by_id("no"), by_value(1), by_id("fully"), by_value(4)]);
    let values = review(&[by_value(0), by_value(1), by_value(4), by_value(4)]);
    let (mixed, values) = (
        mixed.consolidate(&fw, Consolidation::Median).unwrap(),
        values.consolidate(&fw, Consolidation::Median).unwrap(),
    );
    assert_eq!(mixed.agreement, values.agreement);
    // The lower median of 0, 1, 4, 4 by score is the second: p2's value 1.
    assert_eq!(mixed.assessment.ratings["a"].value, by_value(1));
    let dispute = review(&[by_id("partly"), by_value(4)])
        .consolidate(&fw, Consolidation::Consensus)
        .unwrap();
    assert_eq!(dispute.disagreements.len(), 1);
    assert!(!dispute.agreement.leaves["a"].all_agree);
}

#[test]
fn a_cohort_counts_a_level_once_whichever_form_names_it() {
    let fw = framework();
    let scorer = Scorer::new(&fw).unwrap();
    let mut cohort = Cohort::new(&scorer);
    for value in [by_id("partly"), by_value(1), by_id("fully"), by_value(0)] {
        let mut a = Assessment::new(fw.exact_ref(), Subject::new("Project"));
        a.rate(id("a"), value).unwrap();
        cohort.push_assessment(&a).unwrap();
    }
    let stats = cohort.stats();
    let counts: Vec<(RatingValue, u64)> = stats.nodes["a"]
        .distribution
        .iter()
        .map(|l| (l.value.clone(), l.count))
        .collect();
    assert_eq!(
        counts,
        [(by_value(0), 1), (by_value(1), 2), (by_value(4), 1)]
    );
}
