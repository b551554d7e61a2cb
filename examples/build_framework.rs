//! Builds a small framework and an assessment, validates them, and prints
//! them; then shows what validation says about a framework with mistakes.
//!
//! Run with `cargo run --example build_framework`.

use assessment_model::{
    Assessment, Criterion, Evidence, EvidenceKind, Framework, Id, Level, Provenance, Rating,
    RatingValue, Scale, ScoringRules, Subject, from_deserializer,
};
use indexmap::IndexMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A framework in code: two factors, each with indicators rated on a
    // three-level scale.
    let scale = Id::new("in-place")?;
    let levels = vec![
        Level::new(Id::new("absent")?, 0, "not in place"),
        Level::new(Id::new("partly")?, 1, "partly in place"),
        Level::new(Id::new("in-place")?, 2, "in place"),
    ];
    let leaf = |id: &str, title: &str| -> Result<Criterion, assessment_model::IdError> {
        Ok(Criterion::leaf(Id::new(id)?, title, scale.clone()))
    };
    let mut voice = Criterion::group(
        Id::new("migrant-voice")?,
        "Migrant voice",
        vec![
            leaf("migrant-voice-1", "Migrants take part in planning")?,
            leaf("migrant-voice-2", "Feedback from participants is used")?,
        ],
    );
    voice.critical = true;
    let monitoring = Criterion::group(
        Id::new("monitoring-evaluation")?,
        "Monitoring and evaluation",
        vec![leaf("monitoring-evaluation-1", "Outcomes are followed up")?],
    );
    let framework = Framework {
        id: Id::new("sustainability-check")?,
        version: semver::Version::new(1, 0, 0),
        title: "Is the action sustainable?".into(),
        description: None,
        provenance: Provenance::default(),
        scales: IndexMap::from([(
            scale.clone(),
            Scale::Ordinal {
                title: Some("In place".into()),
                description: None,
                levels,
            },
        )]),
        facets: IndexMap::new(),
        rules: ScoringRules::default(),
        requires: Vec::new(),
        criteria: vec![voice, monitoring],
    };
    framework.validate()?;
    println!("{} {} is valid:", framework.id, framework.version);
    for (depth, criterion) in framework.walk() {
        let indent = "  ".repeat(depth);
        println!("{indent}{} {}", criterion.id, criterion.title);
    }

    // An assessment of one project against that exact version.
    let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("A local project"));
    assessment.rate(Id::new("migrant-voice-1")?, RatingValue::Level(2.into()));
    assessment.ratings.insert(
        Id::new("migrant-voice-2")?,
        Rating {
            value: RatingValue::Level(1.into()),
            evidence: vec![Evidence {
                kind: EvidenceKind::Interview,
                description: "Interview with two participants".into(),
                reference: None,
            }],
            note: Some("Feedback is collected but not yet acted on.".into()),
        },
    );
    for (id, rating) in &assessment.ratings {
        let leaf = framework.criterion(id.as_str()).filter(|c| c.is_leaf());
        let on_scale = leaf
            .and_then(|c| c.scale.as_ref())
            .and_then(|s| framework.scales.get(s))
            .and_then(|s| s.normalise(&rating.value));
        println!("rating of {id}: {} (normalised {on_scale:?})", rating.value);
    }
    println!("{}", serde_json::to_string_pretty(&assessment)?);

    // A hand-written framework with three mistakes: every one is reported,
    // with a JSON Pointer to where it is.
    let text = r#"{
        "id": "draft", "version": "0.1.0", "title": "A draft",
        "scales": { "tick": { "type": "binary" } },
        "criteria": [
            { "id": "a", "title": "First", "scale": "tick", "weight": -1 },
            { "id": "a", "title": "Second", "scale": "tock" }
        ]
    }"#;
    let draft: Framework = from_deserializer(&mut serde_json::Deserializer::from_str(text))?;
    if let Err(err) = draft.validate() {
        println!("the draft is not valid: {err}");
    }
    Ok(())
}
