//! Builds a small framework and an assessment, validates them, and prints
//! them; then shows what validation says about a framework with mistakes.
//!
//! Run with `cargo run --example build_framework`.

use assessment_model::model::EvidenceKind;
use assessment_model::{
    Assessment, Criterion, Evidence, Framework, Level, Rating, RatingValue, Scale, Subject,
    from_json_str,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A framework in code: a critical factor with one indicator rated on a
    // three-level scale, and a yes/no check. `build` validates: a framework
    // that is not valid is an error listing every problem, with its path.
    let in_place = Scale::ordinal([
        Level::new("absent".parse()?, 0, "not in place"),
        Level::new("partly".parse()?, 1, "partly in place"),
        Level::new("in-place".parse()?, 2, "in place"),
    ]);
    let planning = Criterion::leaf("voice-1".parse()?, "Migrants plan", "in-place".parse()?);
    let mut voice = Criterion::group("voice".parse()?, "Migrant voice", vec![planning]);
    voice.critical = true;
    let framework = Framework::builder("sustainability", "1.0.0", "Is it sustainable?")
        .scale("in-place", in_place.with_title("In place"))
        .scale("yes-no", Scale::binary())
        .criterion(voice)
        .leaf("funding", "Funding is secured beyond the project", "yes-no")
        .build()?;
    println!("{} {} is valid:", framework.id, framework.version);
    for (depth, criterion) in framework.walk() {
        let indent = "  ".repeat(depth);
        println!("{indent}{} {}", criterion.id, criterion.title);
    }

    // An assessment of one project against that exact version.
    let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("A local project"));
    assessment.rate("funding", RatingValue::NotMet)?;
    let mut rating = Rating::new(RatingValue::Level(1.into()));
    rating.evidence.push(Evidence::new(
        EvidenceKind::Interview,
        "Interview with two participants",
    ));
    rating.note = Some("Feedback is collected but not yet acted on.".into());
    assessment.ratings.insert("voice-1".parse()?, rating);
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
    let draft: Framework = from_json_str(text)?;
    if let Err(err) = draft.validate() {
        println!("the draft is not valid: {err}");
    }

    // Mistakes made in code are reported the same way, when `build` is
    // called: a malformed id, a scale given twice, a leaf on no scale.
    let built = Framework::builder("draft", "0.1.0", "A draft")
        .scale("tick", Scale::binary())
        .scale("tick", Scale::binary())
        .leaf("First", "First", "tick")
        .leaf("b", "Second", "tock")
        .build();
    if let Err(err) = built {
        println!("the framework built in code is not valid: {err}");
    }
    Ok(())
}
