#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The built-in mappings: PROFINT IO1 → IO2 and the IMPART core →
//! good-practice crosswalk.

use std::collections::BTreeSet;

use assessment_model::catalog::{crosswalk, good_practice, impart, profint};
use assessment_model::mapping::{NotCarriedReason, Relation};
use assessment_model::{Assessment, RatingValue, Subject};

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn io1_to_io2_follows_section_4_1() {
    let m = profint::io1_to_io2();
    m.check(
        &profint::success_factors_io1(),
        &profint::success_factors_io2(),
    )
    .unwrap();
    let got: Vec<(Vec<&str>, &str, Relation)> = m
        .entries
        .iter()
        .map(|e| {
            (
                e.from.iter().map(|i| i.as_str()).collect(),
                e.to.as_str(),
                e.relation,
            )
        })
        .collect();
    use Relation::*;
    let want: Vec<(Vec<&str>, &str, Relation)> = vec![
        (vec!["io1-f1", "io1-f2"], "io2-f1", Subset),
        (vec!["io1-f2"], "io2-f2", Superset),
        (vec!["io1-f3"], "io2-f3", Equivalent),
        (vec!["io1-f4"], "io2-f9", Subset),
        (vec!["io1-f5"], "io2-f4", Equivalent),
        (vec!["io1-f6"], "io2-f5", Subset),
        (vec!["io1-f7"], "io2-f7", Equivalent),
        (vec!["io1-f8"], "io2-f8", Equivalent),
        (vec!["io1-f9"], "io2-f10", Superset),
        (vec!["io1-f10"], "io2-f11", Subset),
        (vec!["io1-f11"], "io2-f12", Equivalent),
        (vec!["io1-f13"], "io2-f13", Subset),
    ];
    assert_eq!(got, want);
    assert!(m.entries.iter().all(|e| e.rationale.len() > 40));
    // IO2 factor 6 is new; IO1 factor 12 has no counterpart.
    assert_eq!(
        m.unmapped_to.keys().map(|k| k.as_str()).collect::<Vec<_>>(),
        ["io2-f6"]
    );
    assert_eq!(
        m.unmapped_from
            .keys()
            .map(|k| k.as_str())
            .collect::<Vec<_>>(),
        ["io1-f12"]
    );
    assert!(m.unmapped_to["io2-f6"].contains("4.1.3"));
}

#[test]
fn migrating_a_full_io1_assessment() {
    let io1 = profint::success_factors_io1();
    let mut a = Assessment::new(io1.exact_ref(), Subject::new("Device"));
    // Factors 1 to 13: every one met except factor 2 and factor 9.
    for n in 1..=13 {
        let v = if n == 2 || n == 9 {
            RatingValue::NotMet
        } else {
            RatingValue::Met
        };
        a.rate(format!("io1-f{n}"), v).unwrap();
    }
    let t = profint::migrate_io1(&a).unwrap();
    let r = |id: &str| t.assessment.ratings.get(id).map(|r| r.value.clone());
    // io2-f1 from f1 (met) and f2 (not met): mean 0.5, not met.
    assert_eq!(r("io2-f1"), Some(RatingValue::NotMet));
    assert_eq!(r("io2-f2"), Some(RatingValue::NotMet));
    assert_eq!(r("io2-f4"), Some(RatingValue::Met));
    assert_eq!(r("io2-f9"), Some(RatingValue::Met));
    assert_eq!(r("io2-f10"), Some(RatingValue::NotMet));
    assert_eq!(r("io2-f6"), None);
    assert_eq!(t.assessment.ratings.len(), 12);
    assert_eq!(t.unrated.len(), 1);
    assert_eq!(t.unrated[0].id, "io2-f6");
    assert_eq!(t.not_carried.len(), 1);
    assert_eq!(t.not_carried[0].from, "io1-f12");
    assert!(matches!(
        &t.not_carried[0].reason,
        NotCarriedReason::NoEntry { rationale: Some(_) }
    ));
    // 7 of the 12 carried ratings came through a weaker relation.
    assert_eq!(t.weaker_than_equivalent().count(), 7);
    assert_eq!(
        t.assessment.framework,
        profint::success_factors_io2().exact_ref()
    );
}

#[test]
fn crosswalk_coverage_is_as_documented() {
    let core = impart::core();
    let gp = good_practice::criteria();
    let m = crosswalk::impart_core_to_good_practice();
    m.check(&core, &gp).unwrap();
    let sources: BTreeSet<String> = m
        .entries
        .iter()
        .flat_map(|e| e.from.iter().map(|i| i.to_string()))
        .collect();
    let targets: BTreeSet<String> = m.entries.iter().map(|e| e.to.to_string()).collect();
    assert_eq!(core.leaves().count(), 30);
    assert_eq!(gp.leaves().count(), 36);
    assert_eq!(
        sources,
        set(&[
            "needs-assessment-1",
            "needs-assessment-4",
            "migrant-voice-1",
            "migrant-voice-2",
            "migrant-voice-4",
            "employer-engagement-1",
            "other-social-partners-1",
            "other-social-partners-2",
            "policy-frameworks-1",
            "policy-frameworks-2",
            "policy-frameworks-4",
            "commitment-to-mainstream-1",
            "commitment-to-mainstream-4",
            "monitoring-evaluation-1",
            "monitoring-evaluation-2",
            "monitoring-evaluation-4",
            "equalities-1",
            "equalities-3",
        ])
    );
    assert_eq!(
        targets,
        set(&[
            "q1-3", "q2-1", "q2-2", "q3-1", "q3-2", "q4-1", "q5-5", "q6-2", "q6-3", "q8-1", "q8-4",
            "q8-5", "q9-2", "q10-1", "q10-2", "q11-1",
        ])
    );
    // Every IMPART factor has a mapped indicator; every GP question but q7
    // receives one.
    for factor in &core.criteria {
        assert!(
            factor
                .children
                .iter()
                .any(|c| sources.contains(c.id.as_str())),
            "{} has no mapped indicator",
            factor.id
        );
    }
    let questions: BTreeSet<String> = gp
        .walk()
        .filter(|(_, c)| c.children.iter().any(|i| targets.contains(i.id.as_str())))
        .map(|(_, c)| c.id.to_string())
        .collect();
    assert_eq!(
        questions,
        set(&["q1", "q2", "q3", "q4", "q5", "q6", "q8", "q9", "q10", "q11"])
    );
    let equivalent: Vec<&str> = m
        .entries
        .iter()
        .filter(|e| e.relation == Relation::Equivalent)
        .map(|e| e.to.as_str())
        .collect();
    assert_eq!(equivalent, ["q3-1", "q8-5"]);
}

#[test]
fn crosswalk_says_it_is_the_crates_reading_of_two_sources_without_one() {
    let m = crosswalk::impart_core_to_good_practice();
    assert_eq!(
        m.description.as_deref(),
        Some(
            "The crate's own reading of two sources that give no crosswalk: neither the \
             IMPART seminar slides nor the good-practice criteria relate their items to the \
             other's. Entries pair the IMPART core benchmark's indicators with the \
             good-practice checklist items where the two speak of the same thing; 18 of 30 \
             indicators, 16 of 36 items."
        )
    );
}

#[test]
fn crosswalk_rescales_in_place_to_met() {
    let core = impart::core();
    let gp = good_practice::criteria();
    let mut a = Assessment::new(core.exact_ref(), Subject::new("Project"));
    // in-place scale: 0 not in place, 1 partly, 2 in place.
    a.rate("migrant-voice-1", RatingValue::Level(2.into()))
        .unwrap()
        .rate("migrant-voice-2", RatingValue::Level(1.into()))
        .unwrap()
        .rate("needs-assessment-1", RatingValue::Level(2.into()))
        .unwrap()
        .rate("needs-assessment-4", RatingValue::Level(1.into()))
        .unwrap()
        .rate("employer-engagement-3", RatingValue::Level(2.into()))
        .unwrap();
    let t = crosswalk::impart_core_to_good_practice()
        .translate(&a, &core, &gp)
        .unwrap();
    let r = |id: &str| t.assessment.ratings.get(id).map(|r| r.value.clone());
    assert_eq!(r("q3-1"), Some(RatingValue::Met));
    assert_eq!(r("q3-2"), Some(RatingValue::NotMet));
    // (1 + 0.5) / 2 = 0.75: not met.
    assert_eq!(r("q4-1"), Some(RatingValue::NotMet));
    assert_eq!(t.not_carried.len(), 1);
    assert_eq!(t.not_carried[0].from, "employer-engagement-3");
    assert_eq!(t.unrated.len(), 36 - 3);
}

#[test]
fn a_thematic_module_requiring_core_2_fails_against_the_core_naming_both() {
    use assessment_model::{Criterion, Id, IssueKind, compose};
    let leaf = Criterion::leaf(
        Id::new("illustrative-1").unwrap(),
        "an illustrative indicator",
        Id::new(impart::SCALE).unwrap(),
    );
    let mut module = impart::module(
        impart::Theme::IntegratedTerritorial,
        Id::new("illustrative-module").unwrap(),
        semver::Version::new(1, 0, 0),
        "Illustrative module",
        vec![leaf],
    );
    let core = impart::core();
    assert!(compose(&core, &[&module]).is_ok());
    module.requires[0].version = "^2".parse().unwrap();
    let err = compose(&core, &[&module]).unwrap_err();
    assert_eq!(err.issues().len(), 1);
    assert_eq!(err.issues()[0].path, "/modules/0/requires/0");
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::UnsatisfiedRequirement {
            required: "impart-core ^2".into(),
            found: "impart-core 1.0.0".into()
        }
    );
}

#[test]
fn built_in_catalogues_and_mappings_follow_the_version_rules() {
    // Every catalogue is at 1.0.0 as published from its source, and the
    // built-in mappings accept any compatible (1.x) version of both sides.
    for f in assessment_model::catalog::frameworks() {
        assert_eq!(f.version, semver::Version::new(1, 0, 0), "{}", f.id);
    }
    for m in [
        profint::io1_to_io2(),
        crosswalk::impart_core_to_good_practice(),
    ] {
        assert_eq!(m.from.version.to_string(), "^1.0.0");
        assert_eq!(m.to.version.to_string(), "^1.0.0");
    }
}
