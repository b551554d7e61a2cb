//! The README's first command, `cargo run --example quickstart`, builds the
//! crate and what the examples use, not the dev-dependencies of the tests
//! and benches (issue 25, item 13): the examples are the workspace member
//! `examples/`, a default member, whose dependencies are the crate and
//! `serde_json` (and `semver`, which the crate depends on). Every file in
//! `examples/` is one of its examples; the crate's own manifest discovers
//! none, and publishes only what `include` lists.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use toml::Table;

fn manifest(dir: &str) -> Table {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(dir)
        .join("Cargo.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    text.parse().unwrap()
}

fn strings(value: &toml::Value) -> Vec<&str> {
    let list = value.as_array().unwrap();
    list.iter().map(|v| v.as_str().unwrap()).collect()
}

#[test]
fn the_examples_are_a_default_member_without_the_dev_dependencies() {
    let root = manifest(".");
    let workspace = root["workspace"].as_table().unwrap();
    assert_eq!(
        strings(&workspace["members"]),
        [".", "examples", "bindings/python", "bindings/js"]
    );
    assert_eq!(strings(&workspace["default-members"]), [".", "examples"]);
    assert_eq!(root["package"]["autoexamples"].as_bool(), Some(false));

    let examples = manifest("examples");
    let dependencies: Vec<&str> = examples["dependencies"]
        .as_table()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(dependencies, ["assessment-model", "serde_json", "semver"]);
    assert!(!examples.contains_key("dev-dependencies"));
    assert_eq!(examples["package"]["publish"].as_bool(), Some(false));
    assert_eq!(
        examples["dependencies"]["assessment-model"]["path"].as_str(),
        Some("..")
    );
}

#[test]
fn every_file_in_examples_is_listed_once() {
    let examples = manifest("examples");
    let listed: Vec<(String, String)> = examples["example"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let name = e["name"].as_str().unwrap().to_owned();
            let path = e["path"].as_str().unwrap().to_owned();
            (name, path)
        })
        .collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter_map(|file| {
            let name = file.strip_suffix(".rs")?.to_owned();
            Some((name, file))
        })
        .collect();
    files.sort();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(sorted, files);
}

#[test]
fn the_package_includes_the_source_and_its_documents_only() {
    let root = manifest(".");
    assert_eq!(
        strings(&root["package"]["include"]),
        [
            "/src/**/*.rs",
            "/README.md",
            "/SPEC.md",
            "/CHANGELOG.md",
            "/LICENSE-MIT",
            "/LICENSE-APACHE",
        ]
    );
}
