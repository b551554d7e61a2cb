#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The built-in catalogues and the worked example survive JSON and TOML.

use assessment_model::catalog::{self, good_practice, impart};
use assessment_model::{Assessment, Framework};

#[test]
fn catalogues_round_trip_through_json() {
    for framework in catalog::frameworks() {
        let json = serde_json::to_string_pretty(&framework).unwrap();
        let back: Framework = serde_json::from_str(&json).unwrap();
        assert_eq!(back, framework, "{}", framework.id);
    }
}

#[test]
fn catalogues_round_trip_through_toml() {
    for framework in catalog::frameworks() {
        let text = toml::to_string(&framework).unwrap();
        let back: Framework = toml::from_str(&text).unwrap();
        assert_eq!(back, framework, "{}", framework.id);
    }
}

#[test]
fn worked_example_round_trips_through_json_and_toml() {
    let example = good_practice::worked_example();
    let json = serde_json::to_string(&example).unwrap();
    assert_eq!(serde_json::from_str::<Assessment>(&json).unwrap(), example);
    let text = toml::to_string(&example).unwrap();
    assert_eq!(toml::from_str::<Assessment>(&text).unwrap(), example);
}

#[test]
fn a_module_round_trips_through_json_and_toml() {
    let module = impart::module(
        impart::Theme::IntegratedTerritorial,
        "territorial-module".parse().unwrap(),
        semver::Version::new(1, 0, 0),
        "Territorial module",
        Vec::new(),
    );
    let json = serde_json::to_string(&module).unwrap();
    assert_eq!(serde_json::from_str::<Framework>(&json).unwrap(), module);
    let text = toml::to_string(&module).unwrap();
    assert_eq!(toml::from_str::<Framework>(&text).unwrap(), module);
}
