//! The fuzz targets' seed corpus (`fuzz/seeds/<target>/`) as regression
//! tests: every seed goes through the same pipeline its fuzz target drives
//! (`tests/fuzzing/mod.rs`), so a crash the fuzzer once found stays fixed
//! in `cargo test` even where cargo-fuzz and nightly are not available.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fuzzing;

include!(concat!(env!("OUT_DIR"), "/fuzz_seeds.rs"));

fn run(target: &str, seeds: &[(&str, &[u8])], pipeline: fn(&[u8])) {
    assert!(!seeds.is_empty(), "no seeds for {target}");
    for (name, data) in seeds {
        let outcome = std::panic::catch_unwind(|| pipeline(data));
        assert!(outcome.is_ok(), "seed {target}/{name} failed");
    }
}

#[test]
fn framework_json_seeds() {
    run("framework_json", FRAMEWORK_JSON, fuzzing::framework_json);
}

#[test]
fn framework_toml_seeds() {
    run("framework_toml", FRAMEWORK_TOML, fuzzing::framework_toml);
}

#[test]
fn assessment_json_seeds() {
    run("assessment_json", ASSESSMENT_JSON, fuzzing::assessment_json);
}

#[test]
fn profile_json_seeds() {
    run("profile_json", PROFILE_JSON, fuzzing::profile_json);
}

#[test]
fn mapping_json_seeds() {
    run("mapping_json", MAPPING_JSON, fuzzing::mapping_json);
}

#[test]
fn review_json_seeds() {
    run("review_json", REVIEW_JSON, fuzzing::review_json);
}
