#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The committed JSON exports under `catalogs/` match the catalogues.
//! When this fails, run `cargo run --example export_catalogs` and commit.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assessment_model::catalog::{self, good_practice};
use assessment_model::{Assessment, Framework};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogs")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| {
        panic!("catalogs/{name}: {e}; run `cargo run --example export_catalogs`")
    })
}

const FILES: [&str; 6] = [
    "good-practice-criteria.json",
    "good-practice-worked-example.json",
    "impart-core.json",
    "profint-io1.json",
    "profint-io2.json",
    "profint-learning-grid.json",
];

#[test]
fn catalogs_holds_exactly_the_exports() {
    let present: BTreeSet<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    let expected: BTreeSet<String> = FILES.iter().map(|s| s.to_string()).collect();
    assert_eq!(present, expected);
}

#[test]
fn framework_exports_match_the_catalogues() {
    let frameworks = catalog::frameworks();
    assert_eq!(frameworks.len(), 5);
    for framework in frameworks {
        let name = format!("{}.json", framework.id);
        let text = read(&name);
        let committed: Framework = serde_json::from_str(&text).unwrap();
        assert_eq!(committed, framework, "catalogs/{name} has drifted");
        let fresh = format!("{}\n", serde_json::to_string_pretty(&framework).unwrap());
        assert_eq!(text, fresh, "catalogs/{name} is not in the exporter's form");
    }
}

#[test]
fn worked_example_export_matches() {
    let text = read("good-practice-worked-example.json");
    let example = good_practice::worked_example();
    assert_eq!(serde_json::from_str::<Assessment>(&text).unwrap(), example);
    let fresh = format!("{}\n", serde_json::to_string_pretty(&example).unwrap());
    assert_eq!(text, fresh);
}
