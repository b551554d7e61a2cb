//! The fuzz targets' seed corpus (`tests/seeds/<target>/`) as regression
//! tests: every seed goes through the same pipeline its fuzz target drives
//! (`tests/fuzzing/mod.rs`), so a crash the fuzzer once found stays fixed
//! in `cargo test` even where cargo-fuzz and nightly are not available.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fuzzing;

mod corpus;

use assessment_model::review::Consolidation;
use assessment_model::{
    Assessment, Framework, Mapping, PeerReview, Profile, RatingValue, Subject, from_deserializer,
};

fn run(target: &str, pipeline: fn(&[u8])) {
    let seeds = corpus::files(&format!("tests/seeds/{target}"), "");
    assert!(!seeds.is_empty(), "no seeds for {target}");
    for (name, data) in seeds {
        let outcome = std::panic::catch_unwind(|| pipeline(&data));
        assert!(outcome.is_ok(), "seed {target}/{name} failed");
    }
}

#[test]
fn framework_json_seeds() {
    run("framework_json", fuzzing::framework_json);
}

#[test]
fn framework_toml_seeds() {
    run("framework_toml", fuzzing::framework_toml);
}

/// A TOML seed that toml rejected as a syntax error would reach nothing
/// (`fuzzing::parse_toml` gives up on it), so every one must be TOML and a
/// framework; where the seed has a JSON twin, the TOML must give the same
/// framework, with the same issues at the same paths in the same order
/// (toml keeps the document's key order: its `preserve_order` feature).
#[test]
fn framework_toml_seeds_are_their_json_twins() {
    let twins = corpus::texts("tests/seeds/framework_json", ".json");
    let mut compared = 0;
    let seeds = corpus::texts("tests/seeds/framework_toml", ".toml");
    let total = seeds.len();
    for (name, text) in seeds {
        let de = toml::Deserializer::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let framework: Framework = from_deserializer(de).unwrap_or_else(|e| panic!("{name}: {e}"));
        let stem = name.trim_end_matches(".toml");
        let Some((_, json)) = twins
            .iter()
            .find(|(n, _)| n.trim_end_matches(".json") == stem)
        else {
            continue;
        };
        let twin: Framework = serde_json::from_str(json).unwrap();
        assert_eq!(framework, twin, "{name}");
        let paths = |f: &Framework| -> Vec<(String, &'static str)> {
            f.issues()
                .iter()
                .map(|i| (i.path.clone(), i.code()))
                .collect()
        };
        assert_eq!(paths(&framework), paths(&twin), "{name}");
        let keys =
            |f: &Framework| -> Vec<String> { f.scales.keys().map(ToString::to_string).collect() };
        assert_eq!(keys(&framework), keys(&twin), "{name}: scale order");
        compared += 1;
    }
    // Every TOML seed but `nonfinite-bounds.toml` (NaN, which JSON cannot write).
    assert_eq!(compared, total - 1);
    assert!(compared >= 57, "{compared}");
}

#[test]
fn assessment_json_seeds() {
    run("assessment_json", fuzzing::assessment_json);
}

#[test]
fn profile_json_seeds() {
    run("profile_json", fuzzing::profile_json);
}

#[test]
fn localization_json_seeds() {
    run("localization_json", fuzzing::localization_json);
}

#[test]
fn mapping_json_seeds() {
    run("mapping_json", fuzzing::mapping_json);
}

#[test]
fn review_json_seeds() {
    run("review_json", fuzzing::review_json);
}

// The seeds on `fuzzing::mixed_scales` exist to reach what no catalogue
// has: the consolidation and rescaling of numbers, and the lifting of a
// dissolved group's tags; these tests hold them to that, with the values
// worked by hand.

fn value(assessment: &Assessment, id: &str) -> Option<RatingValue> {
    assessment.ratings.get(id).map(|r| r.value.clone())
}

fn number(assessment: &Assessment, id: &str) -> f64 {
    match value(assessment, id) {
        Some(RatingValue::Number(x)) => x,
        other => panic!("{id} is rated {other:?}, not a number"),
    }
}

fn seed<T: serde::de::DeserializeOwned>(target: &str, name: &str) -> T {
    let path = format!("{}/tests/seeds/{target}/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn consolidated(review: &PeerReview, framework: &Framework, method: Consolidation) -> Assessment {
    review.consolidate(framework, method).unwrap().assessment
}

#[test]
fn numeric_review_seeds_consolidate_numbers() {
    let framework = fuzzing::mixed_scales();
    let review: PeerReview = seed("review_json", "mixed-numbers-three-peers.json");
    // placed 40, 60, 90; wait (lower is better) 10, 20, 5; reach 50, n/a.
    let mean = consolidated(&review, &framework, Consolidation::Mean);
    assert!((number(&mean, "placed") - 190.0 / 3.0).abs() < 1e-12);
    assert!((number(&mean, "wait") - 35.0 / 3.0).abs() < 1e-12);
    assert_eq!(number(&mean, "reach"), 50.0);
    let median = consolidated(&review, &framework, Consolidation::Median);
    assert_eq!(number(&median, "placed"), 60.0);
    assert_eq!(number(&median, "wait"), 10.0);
    let minimum = consolidated(&review, &framework, Consolidation::Minimum);
    assert_eq!(number(&minimum, "placed"), 40.0);
    // The worst wait is the longest.
    assert_eq!(number(&minimum, "wait"), 20.0);

    // Two peers: the median of numbers is the midpoint; of levels, the
    // lower of the two middle ones; a mean of levels is refused.
    let review: PeerReview = seed("review_json", "mixed-scales-two-peers.json");
    let median = consolidated(&review, &framework, Consolidation::Median);
    assert_eq!(number(&median, "placed"), 50.0);
    assert_eq!(number(&median, "wait"), 15.0);
    assert_eq!(
        value(&median, "quality"),
        Some(RatingValue::Level(2.into()))
    );
    assert_eq!(value(&median, "plan"), Some(RatingValue::NotMet));
    assert!(review.consolidate(&framework, Consolidation::Mean).is_err());

    // Context documents and every other kind of evidence, in a valid
    // review, so that their checks and their carrying over are fuzzed.
    let review: PeerReview = seed("review_json", "mixed-context-and-evidence.json");
    assert_eq!(review.issues_against(&framework), []);
    let median = consolidated(&review, &framework, Consolidation::Median);
    assert_eq!(number(&median, "placed"), 50.0);
}

#[test]
fn numeric_mapping_seed_rescales_numbers() {
    let framework = fuzzing::mixed_scales();
    let mapping: Mapping = seed("mapping_json", "mixed-to-mixed-seed.json");
    let mut assessment = Assessment::new(framework.exact_ref(), Subject::new("Mentoring"));
    for (id, rating) in [
        ("placed", RatingValue::Number(25.0)),
        ("quality", RatingValue::Level(3.into())),
        ("plan", RatingValue::NotMet),
        ("wait", RatingValue::Number(6.0)),
        ("reach", RatingValue::Number(100.0)),
    ] {
        assessment.rate(id, rating).unwrap();
    }
    let out = mapping
        .translate(&assessment, &framework, &framework)
        .unwrap()
        .assessment;
    // placed 25 % → s = 0.25 → wait (0-30 days, lower better) = 30 - 7.5.
    assert_eq!(number(&out, "wait"), 22.5);
    // quality 3 of 1-3 → 1, plan not met → 0; mean 0.5 → placed 50 %.
    assert_eq!(number(&out, "placed"), 50.0);
    // wait 6 days → s = 24/30 = 0.8 → the level at or below 0.8 is two (0.5).
    assert_eq!(value(&out, "quality"), Some(RatingValue::Level(2.into())));
    // reach 100 % → s = 1 → met.
    assert_eq!(value(&out, "plan"), Some(RatingValue::Met));

    // The seeds between IMPART core and the mixed scales are valid, so
    // that mutating them reaches translation rather than only its checks.
    let core = assessment_model::catalog::impart::core();
    for (name, from, to) in [
        ("impart-core-to-mixed-seed.json", &core, &framework),
        ("mixed-to-impart-core-seed.json", &framework, &core),
    ] {
        let mapping: Mapping = seed("mapping_json", name);
        assert_eq!(mapping.check(from, to), Ok(()), "{name}");
    }
}

#[test]
fn profile_seed_lifts_a_dissolved_groups_tags() {
    let framework = fuzzing::mixed_scales();
    let profile: Profile = seed("profile_json", "mixed-scales-dissolve-tagged.json");
    let tailored = profile.apply(&framework).unwrap();
    // `outcomes` (field: employment) is dissolved: its leaves move up and
    // take its tag unless they have their own (`placed` is society).
    let ids: Vec<&str> = tailored.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["placed", "wait", "practice"]);
    let field = |i: usize| tailored.criteria[i].tags.get("field").map(|v| v.as_str());
    assert_eq!(field(0), Some("society"));
    assert_eq!(field(1), Some("employment"));
}
