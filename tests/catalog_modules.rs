#![allow(clippy::unwrap_used, clippy::expect_used)]
//! An IMPART thematic module declared with `impart::module` composes with
//! the core benchmark into the benchmark for its thematic area.

use assessment_model::catalog::impart::{self, Theme};
use assessment_model::{Criterion, Framework, Id, RatingValue, Scale, Scorer, Subject, compose};

/// A module with one critical factor of two indicators (test data, not
/// IMPART's: the sources give no module indicators).
fn module(theme: Theme) -> Framework {
    let in_place = Id::new("in-place").unwrap();
    let mut factor = Criterion::group(
        Id::new("theme-factor").unwrap(),
        "A thematic factor",
        vec![
            Criterion::leaf(
                Id::new("theme-factor-1").unwrap(),
                "first",
                in_place.clone(),
            ),
            Criterion::leaf(Id::new("theme-factor-2").unwrap(), "second", in_place),
        ],
    );
    factor.critical = true;
    impart::module(
        theme,
        Id::new("impart-theme-module").unwrap(),
        semver::Version::new(1, 0, 0),
        "Thematic benchmark",
        vec![factor],
    )
}

#[test]
fn core_plus_module_is_the_thematic_benchmark() {
    let core = impart::core();
    let module = module(Theme::IntegratedTerritorial);
    let benchmark = compose(&core, &[&module]).unwrap();
    assert_eq!(benchmark.id, "impart-theme-module");
    assert_eq!(benchmark.criteria.len(), 9);
    assert_eq!(benchmark.leaves().count(), 32);
    assert_eq!(benchmark.scales.len(), 1);
    assert_eq!(benchmark.rules, core.rules);
    assert!(benchmark.criteria.iter().all(|c| c.critical));
    assert!(benchmark.issues().is_empty(), "{:?}", benchmark.issues());

    // The module's factor is a risk like any core factor: in place for the
    // core, not in place for the module's two indicators.
    let scorer = Scorer::new(&benchmark).unwrap();
    let mut a = assessment_model::Assessment::new(benchmark.exact_ref(), Subject::new("P"));
    for leaf in benchmark.leaves() {
        let level = if leaf.id.as_str().starts_with("theme-factor") {
            0
        } else {
            2
        };
        a.rate(&leaf.id, RatingValue::Level(level.into())).unwrap();
    }
    let report = scorer.score(&a).unwrap();
    let risks: Vec<&str> = report
        .risks()
        .iter()
        .map(|r| r.criterion.as_str())
        .collect();
    assert_eq!(risks, ["theme-factor"]);
    // Total: (8 factors at 1 + 1 at 0) / 9.
    assert!((report.total().score().unwrap() - 8.0 / 9.0).abs() < 1e-12);
}

#[test]
fn a_module_does_not_compose_with_a_core_of_another_major_version() {
    let mut core = impart::core();
    core.version = semver::Version::new(2, 0, 0);
    let err = compose(&core, &[&module(Theme::AntiDiscrimination)]).unwrap_err();
    let codes: Vec<&str> = err.issues().iter().map(|i| i.code()).collect();
    assert_eq!(codes, ["unsatisfied-requirement"]);
}

#[test]
fn a_module_for_a_replaced_scale_needs_the_same_scale() {
    let binary = Scale::binary();
    let core = impart::core_with_scale(binary.clone());
    let mut module = module(Theme::AssessmentValidation);
    let err = compose(&core, &[&module]).unwrap_err();
    assert!(
        err.issues()
            .iter()
            .any(|i| i.code() == "conflicting-definition")
    );
    module.scales.insert(Id::new("in-place").unwrap(), binary);
    let benchmark = compose(&core, &[&module]).unwrap();
    assert!(matches!(benchmark.scales["in-place"], Scale::Binary { .. }));
}
