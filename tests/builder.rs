#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `Framework::builder`: what it builds is what the same framework read
//! from JSON is, and every problem it is given is reported with its path.

use assessment_model::{
    Assessment, Criterion, Facet, FacetValue, Framework, Level, RatingValue, Scale, Scorer,
    Subject, ValidationError, from_deserializer,
};

fn from_json(text: &str) -> Framework {
    from_deserializer(&mut serde_json::Deserializer::from_str(text)).unwrap()
}

fn found(err: &ValidationError) -> Vec<(&str, &str)> {
    err.issues()
        .iter()
        .map(|i| (i.path.as_str(), i.code()))
        .collect()
}

#[test]
fn builds_what_the_document_says() {
    let mut voice = Criterion::group(
        "voice".parse().unwrap(),
        "Migrant voice",
        vec![Criterion::leaf(
            "voice-1".parse().unwrap(),
            "Migrants plan",
            "grade".parse().unwrap(),
        )],
    );
    voice.critical = true;
    let mut control = Facet::new("Control");
    control
        .values
        .insert("inside".parse().unwrap(), FacetValue::new("Inside"));
    voice
        .tags
        .insert("control".parse().unwrap(), "inside".parse().unwrap());
    let built = Framework::builder("tiny", "1.2.3", "Tiny")
        .description("A test")
        .scale("done", Scale::binary())
        .scale(
            "grade",
            Scale::ordinal([
                Level::new("low".parse().unwrap(), 1, "low"),
                Level::new("high".parse().unwrap(), 3, "high"),
            ])
            .with_title("Grade"),
        )
        .scale("share", Scale::numeric(0.0, 100.0).with_unit("%"))
        .facet("control", control)
        .criterion(voice)
        .leaf("a", "Is it done?", "done")
        .leaf("b", "How much?", "share")
        .build()
        .unwrap();
    let expected = from_json(
        r#"{
        "id": "tiny", "version": "1.2.3", "title": "Tiny", "description": "A test",
        "scales": {
            "done": { "type": "binary" },
            "grade": { "type": "ordinal", "title": "Grade", "levels": [
                { "id": "low", "value": 1, "label": "low" },
                { "id": "high", "value": 3, "label": "high" }
            ]},
            "share": { "type": "numeric", "min": 0, "max": 100, "unit": "%" }
        },
        "facets": { "control": { "title": "Control", "values": { "inside": { "title": "Inside" } } } },
        "criteria": [
            { "id": "voice", "title": "Migrant voice", "critical": true,
              "tags": { "control": "inside" },
              "children": [{ "id": "voice-1", "title": "Migrants plan", "scale": "grade" }] },
            { "id": "a", "title": "Is it done?", "scale": "done" },
            { "id": "b", "title": "How much?", "scale": "share" }
        ]
    }"#,
    );
    assert_eq!(built, expected);

    // It scores like any framework: voice-1 at 3 of 1..3 is 1, a not met
    // is 0, b at 25 of 0..100 is 0.25; the total is their mean.
    let scorer = Scorer::new(&built).unwrap();
    let mut assessment = Assessment::new(built.exact_ref(), Subject::new("P"));
    assessment
        .rate("voice-1", RatingValue::Level(3.into()))
        .unwrap()
        .rate("a", RatingValue::NotMet)
        .unwrap()
        .rate("b", RatingValue::Number(25.0))
        .unwrap();
    let report = scorer.score(&assessment).unwrap();
    assert_eq!(report.total().score(), Some(1.25 / 3.0));
}

#[test]
fn every_problem_given_is_reported_with_its_path() {
    let err = Framework::builder("Tiny", "v1", "Tiny")
        .scale("done", Scale::binary())
        .scale("done", Scale::numeric(0.0, 1.0))
        .facet("a b", Facet::new("Spaced"))
        .leaf("ok", "Fine", "done")
        .leaf("not ok", "Spaced", "done")
        .leaf("c", "Unknown scale", "Done")
        .build()
        .unwrap_err();
    assert_eq!(
        found(&err),
        [
            ("/id", "malformed-id"),
            ("/version", "invalid-document"),
            ("/scales/done", "duplicate-id"),
            ("/facets/a b", "malformed-id"),
            ("/criteria/1/id", "malformed-id"),
            ("/criteria/2/scale", "malformed-id"),
            // Then what validation finds in the framework as given.
            // the leaf on the malformed scale id names no scale.
            ("/criteria/2/scale", "unknown-scale"),
        ]
    );
}

#[test]
fn the_first_scale_of_a_duplicated_id_is_kept() {
    let err = Framework::builder("tiny", "1.0.0", "Tiny")
        .scale("done", Scale::binary())
        .scale("done", Scale::numeric(0.0, 1.0))
        .leaf("a", "First", "done")
        .build()
        .unwrap_err();
    assert_eq!(found(&err), [("/scales/done", "duplicate-id")]);
}

#[test]
fn warnings_alone_do_not_fail() {
    // An unused scale is a warning: the framework is built.
    let built = Framework::builder("tiny", "1.0.0", "Tiny")
        .scale("done", Scale::binary())
        .scale("spare", Scale::binary())
        .leaf("a", "First", "done")
        .build()
        .unwrap();
    assert_eq!(built.scales.len(), 2);
    let codes: Vec<&str> = built.issues().iter().map(|i| i.code()).collect();
    assert_eq!(codes, ["unused-scale"]);
}

#[test]
fn validation_errors_fail_the_build() {
    let err = Framework::builder("tiny", "1.0.0", "Tiny")
        .scale("done", Scale::binary())
        .build()
        .unwrap_err();
    assert_eq!(
        found(&err),
        [
            ("/scales/done", "unused-scale"),
            ("/criteria", "empty-group")
        ]
    );
}

#[test]
fn rate_checks_the_id_and_rates_nothing_when_it_is_malformed() {
    let f = Framework::builder("tiny", "1.0.0", "Tiny")
        .scale("done", Scale::binary())
        .leaf("a", "First", "done")
        .build()
        .unwrap();
    let mut assessment = Assessment::new(f.exact_ref(), Subject::new("P"));
    assert_eq!(
        assessment
            .rate("A", RatingValue::Met)
            .unwrap_err()
            .to_string(),
        "character 'A' at byte 0 is not allowed in an id (use a-z, 0-9 and single hyphens)"
    );
    assert!(assessment.ratings.is_empty());
    let id = f.criteria[0].id.clone();
    assessment.rate(&id, RatingValue::Met).unwrap();
    assessment
        .rate(String::from("a"), RatingValue::NotMet)
        .unwrap();
    assert_eq!(assessment.ratings.len(), 1);
    assert_eq!(assessment.ratings["a"].value, RatingValue::NotMet);
}
