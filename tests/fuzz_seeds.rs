//! The fuzz targets' seed corpus (`tests/seeds/<target>/`) as regression
//! tests: every seed goes through the same pipeline its fuzz target drives
//! (`tests/fuzzing/mod.rs`), so a crash the fuzzer once found stays fixed
//! in `cargo test` even where cargo-fuzz and nightly are not available.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fuzzing;

mod corpus;

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

#[test]
fn assessment_json_seeds() {
    run("assessment_json", fuzzing::assessment_json);
}

#[test]
fn profile_json_seeds() {
    run("profile_json", fuzzing::profile_json);
}

#[test]
fn mapping_json_seeds() {
    run("mapping_json", fuzzing::mapping_json);
}

#[test]
fn review_json_seeds() {
    run("review_json", fuzzing::review_json);
}
