#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The report's JSON form (what a dashboard reads) and reading it back
//! with `Scorer::read_report`, which accepts a document only when it is
//! what scoring its ratings gives.
#![allow(clippy::indexing_slicing)]

use assessment_model::catalog::good_practice;
use assessment_model::report::ReportDocument;
use assessment_model::{
    Assessment, Framework, Rating, RatingValue, Scorer, Subject, ValidationError,
};
use serde_json::{Value, json};

fn framework() -> Framework {
    serde_json::from_str(
        r#"{
        "id": "dash", "version": "1.2.0", "title": "Dashboard fixture",
        "scales": { "tick": { "type": "binary" } },
        "rules": { "risk_below": 0.5, "strength_at": 1.0,
                   "bands": [ { "id": "low", "from": 0.0, "label": "Low" },
                              { "id": "high", "from": 0.5, "label": "High" } ] },
        "criteria": [
            { "id": "g", "title": "Group", "critical": true, "children": [
                { "id": "a", "title": "A", "scale": "tick", "weight": 3.0 },
                { "id": "b", "title": "B", "scale": "tick" } ] },
            { "id": "c", "title": "C", "scale": "tick", "scored": false }
        ]
    }"#,
    )
    .unwrap()
}

fn assessment(fw: &Framework) -> Assessment {
    let mut a = Assessment::new(fw.exact_ref(), Subject::new("P"));
    a.rate("a", RatingValue::NotMet).unwrap();
    let mut na = Rating::new(RatingValue::NotApplicable);
    na.note = Some("No such service here".into());
    a.ratings.insert("b".parse().unwrap(), na);
    a.rate("c", RatingValue::Met).unwrap();
    a
}

fn codes_paths(err: &ValidationError) -> Vec<(&'static str, String)> {
    err.issues()
        .iter()
        .map(|i| (i.code(), i.path.clone()))
        .collect()
}

#[test]
fn the_json_form_names_parents_the_framework_title_and_a_plain_version() {
    let fw = framework();
    let report = Scorer::new(&fw).unwrap().score(&assessment(&fw)).unwrap();
    let value = serde_json::to_value(&report).unwrap();
    assert_eq!(
        value["framework"],
        json!({ "id": "dash", "version": "1.2.0", "title": "Dashboard fixture" })
    );
    // g: a is not met, b not applicable, so g = 0 (a alone), a critical
    // risk; c is unscored and met: a strength, and the total is g's 0.
    assert_eq!(
        value["nodes"][0],
        json!({ "id": "g", "title": "Group", "depth": 1, "critical": true,
                "score": 0.0, "coverage": 1.0, "band": "low",
                "counts": { "leaves": 2, "rated": 1, "not_applicable": 1, "missing": 0 } })
    );
    assert_eq!(
        value["nodes"][1],
        json!({ "id": "a", "parent": "g", "title": "A", "depth": 2, "leaf": true,
                "weight": 3.0, "rating": "not_met", "score": 0.0, "coverage": 1.0,
                "band": "low",
                "counts": { "leaves": 1, "rated": 1, "not_applicable": 0, "missing": 0 } })
    );
    assert_eq!(
        value["nodes"][2]["not_applicable"],
        json!("No such service here")
    );
    assert_eq!(value["nodes"][2]["no_score"], json!("not_applicable"));
    assert_eq!(value["nodes"][3]["scored"], json!(false));
    assert_eq!(value["nodes"][3].get("parent"), None);
    assert_eq!(
        value["risks"],
        json!([{ "criterion": "g", "score": 0.0, "threshold": 0.5 }])
    );
    assert_eq!(
        value["strengths"],
        json!([{ "criterion": "c", "score": 1.0, "threshold": 1.0 }])
    );
    assert_eq!(value["total"]["score"], json!(0.0));
}

#[test]
fn reports_read_back_equal_the_scored_ones() {
    let fw = framework();
    let scorer = Scorer::new(&fw).unwrap();
    let gp = good_practice::criteria();
    let gp_scorer = Scorer::new(&gp).unwrap();
    for (scorer, a) in [
        (&scorer, assessment(&fw)),
        (&gp_scorer, good_practice::worked_example()),
    ] {
        let report = scorer.score(&a).unwrap();
        let text = serde_json::to_string(&report).unwrap();
        let document: ReportDocument = serde_json::from_str(&text).unwrap();
        let back = scorer.read_report(document).unwrap();
        assert_eq!(back, report);
        assert_eq!(serde_json::to_string(&back).unwrap(), text);
        assert_eq!(back.priorities(), scorer.priorities(&a).unwrap());
    }
}

/// Reads `value` back after `edit`, expecting one issue.
fn refused(edit: impl FnOnce(&mut Value)) -> Vec<(&'static str, String)> {
    let fw = framework();
    let scorer = Scorer::new(&fw).unwrap();
    let mut value = serde_json::to_value(scorer.score(&assessment(&fw)).unwrap()).unwrap();
    edit(&mut value);
    let document: ReportDocument = serde_json::from_value(value).unwrap();
    codes_paths(&scorer.read_report(document).unwrap_err())
}

#[test]
fn a_document_that_scoring_does_not_give_is_refused_where_it_differs() {
    let invalid = |path: &str| vec![("invalid-report", path.to_string())];
    assert_eq!(
        refused(|v| v["framework"]["version"] = json!("1.3.0")),
        vec![("framework-mismatch", "/framework".to_string())]
    );
    assert_eq!(
        refused(|v| v["framework"]["title"] = json!("Other")),
        invalid("/framework")
    );
    assert_eq!(
        refused(|v| v["nodes"][1]["coverage"] = json!(0.5)),
        invalid("/nodes/1/coverage")
    );
    assert_eq!(
        refused(|v| v["nodes"][1]["weight"] = json!(1.0)),
        invalid("/nodes/1/weight")
    );
    assert_eq!(
        refused(|v| v["nodes"][1]["parent"] = json!("c")),
        invalid("/nodes/1/parent")
    );
    // A note on a leaf rated not applicable is the rating's own (carried
    // like the subject); on a rated leaf it is not what scoring gives.
    assert_eq!(
        refused(|v| v["nodes"][1]["not_applicable"] = json!("Other")),
        invalid("/nodes/1/not_applicable")
    );
    assert_eq!(
        refused(|v| v["nodes"][3]["id"] = json!("x")),
        invalid("/nodes/3/id")
    );
    assert_eq!(
        refused(|v| v["nodes"].as_array_mut().unwrap().pop().map(drop).unwrap()),
        invalid("/nodes")
    );
    assert_eq!(
        refused(|v| v["risks"][0]["criterion"] = json!("a")),
        invalid("/risks/0/criterion")
    );
    assert_eq!(refused(|v| v["risks"] = json!([])), invalid("/risks"));
    assert_eq!(refused(|v| v["band"] = json!("high")), invalid("/band"));
    assert_eq!(
        refused(|v| v["total"]["score"] = json!(0.25)),
        invalid("/total/score")
    );
    // A changed rating changes what scoring gives: the first field that
    // then differs is the total's score (a met gives g = 3/3).
    assert_eq!(
        refused(|v| v["nodes"][1]["rating"] = json!("met")),
        invalid("/total/score")
    );
}

#[test]
fn a_rating_off_scale_in_a_document_gives_the_assessment_checks_reason() {
    let fw = framework();
    let scorer = Scorer::new(&fw).unwrap();
    let mut value = serde_json::to_value(scorer.score(&assessment(&fw)).unwrap()).unwrap();
    value["nodes"][1]["rating"] = json!({ "level": 2 });
    let document: ReportDocument = serde_json::from_value(value).unwrap();
    let err = scorer.read_report(document).unwrap_err();
    assert_eq!(
        codes_paths(&err),
        vec![("invalid-report", "/nodes/1/rating".to_string())]
    );

    let mut a = assessment(&fw);
    a.rate("a", RatingValue::Level(2.into())).unwrap();
    let checked = scorer.validate(&a).unwrap_err();
    assert!(
        err.issues()[0]
            .to_string()
            .contains(&checked.issues()[0].kind.to_string())
    );
}

#[test]
fn a_report_renders_in_a_language_with_its_fallbacks_marked() {
    use assessment_model::Localization;
    use assessment_model::localization::{Localized, TitledText};
    use assessment_model::model::LanguageTag;
    let fw = framework();
    let report = Scorer::new(&fw).unwrap().score(&assessment(&fw)).unwrap();
    // A localization written for this test: one title in German.
    let mut de = Localization::new(
        "dash-de".parse().unwrap(),
        fw.compatible_ref(),
        "de".parse().unwrap(),
    );
    de.criteria
        .insert("g".parse().unwrap(), TitledText::title("Gruppe"));
    // Requested de-AT: no de-AT localization, so `de` serves (step 2), and
    // what it lacks is the framework's English (step 3).
    let texts = Localized::new(&fw, &[&de], &LanguageTag::new("de-AT").unwrap()).unwrap();
    let table = report.display_in(&texts).to_string();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[1],
        "language: de-AT; a title not in de-AT is marked with its language"
    );
    assert!(lines[3].starts_with("Gruppe [de] "), "{table}");
    assert!(lines[4].starts_with("  A [en] "), "{table}");
    // Everything but the titles and the language line is the report's table.
    let plain = report.to_string();
    let plain: Vec<&str> = plain.lines().collect();
    assert_eq!(lines.len(), plain.len() + 1);
    assert_eq!(lines[7..], plain[6..]);

    // A title too long for the column is shortened before its marker, so
    // the marker stays: 48 characters, the last five " [de]".
    let long = "Eine sehr lange Überschrift, die nicht in die Spalte passt";
    de.criteria
        .insert("g".parse().unwrap(), TitledText::title(long));
    let texts = Localized::new(&fw, &[&de], &LanguageTag::new("de-AT").unwrap()).unwrap();
    let table = report.display_in(&texts).to_string();
    let row = table.lines().nth(3).unwrap();
    let label: String = row.chars().take(48).collect();
    let kept: String = long.chars().take(42).collect();
    assert_eq!(label, format!("{kept}… [de]"), "{table}");
}

#[test]
fn a_bad_rating_is_placed_at_its_own_node_not_at_a_shorter_id() {
    let fw: Framework = serde_json::from_str(
        r#"{ "id": "ids", "version": "1.0.0", "title": "Ids",
             "scales": { "tick": { "type": "binary" } },
             "criteria": [ { "id": "a", "title": "A", "scale": "tick" },
                           { "id": "ab", "title": "AB", "scale": "tick" } ] }"#,
    )
    .unwrap();
    let scorer = Scorer::new(&fw).unwrap();
    let mut a = Assessment::new(fw.exact_ref(), Subject::new("P"));
    a.rate("a", RatingValue::Met).unwrap();
    a.rate("ab", RatingValue::Met).unwrap();
    let mut value = serde_json::to_value(scorer.score(&a).unwrap()).unwrap();
    value["nodes"][1]["rating"] = json!({ "level": 2 });
    let document: ReportDocument = serde_json::from_value(value).unwrap();
    let err = scorer.read_report(document).unwrap_err();
    assert_eq!(
        codes_paths(&err),
        vec![("invalid-report", "/nodes/1/rating".to_string())]
    );
}
