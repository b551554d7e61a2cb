#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Peer-review consolidation, checked by hand.
//!
//! The fixture: four peers rate a framework with binary leaves `b1`, `b2`,
//! ordinal leaves `o1`..`o4` (levels 1 to 4), a numeric leaf `x` on [0, 10]
//! (higher is better) and a numeric leaf `y` on [0, 100] (lower is
//! better). `-` is a leaf the peer left unrated.
//!
//! | leaf | p1 | p2 | p3 | p4 |
//! |------|----|----|----|----|
//! | b1   | met | met | not met | met |
//! | b2   | met | not met | met | not met |
//! | o1   | 4 | 1 | 3 | 2 |
//! | o2   | 3 | - | 3 | 3 |
//! | o3   | n/a | n/a | n/a | n/a |
//! | o4   | 2 | n/a | 3 | - |
//! | x    | 2 | 8 | 4 | 6 |
//! | y    | 10 | 40 | 20 | - |
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::model::{EvidenceKind, IsoDate, Person};
use assessment_model::review::{Consolidation, MeasurementLevel, ReviewError};
use assessment_model::{
    Evidence, Framework, Id, IssueKind, PeerReview, Rating, RatingValue, Subject,
};

use RatingValue::{Level, Met, NotApplicable as Na, NotMet, Number};

fn framework() -> Framework {
    serde_json::from_str(
        r#"{
        "id": "fixture", "version": "1.2.0", "title": "Fixture",
        "scales": {
            "tick": { "type": "binary" },
            "level": { "type": "ordinal", "levels": [
                { "id": "l1", "value": 1, "label": "one" },
                { "id": "l2", "value": 2, "label": "two" },
                { "id": "l3", "value": 3, "label": "three" },
                { "id": "l4", "value": 4, "label": "four" } ] },
            "pct": { "type": "numeric", "min": 0, "max": 10 },
            "delay": { "type": "numeric", "min": 0, "max": 100, "direction": "lower_is_better" }
        },
        "criteria": [{ "id": "g", "title": "Group", "children": [
            { "id": "b1", "title": "B1", "scale": "tick" },
            { "id": "b2", "title": "B2", "scale": "tick" },
            { "id": "o1", "title": "O1", "scale": "level" },
            { "id": "o2", "title": "O2", "scale": "level" },
            { "id": "o3", "title": "O3", "scale": "level" },
            { "id": "o4", "title": "O4", "scale": "level" },
            { "id": "x", "title": "X", "scale": "pct" },
            { "id": "y", "title": "Y", "scale": "delay" }
        ] }]
    }"#,
    )
    .unwrap()
}

fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

/// A review whose peers `p1`.. rate the leaves as given (`None`: unrated).
fn review(rows: &[(&str, [Option<RatingValue>; 4])]) -> PeerReview {
    let fw = framework();
    let mut review = PeerReview::new(fw.compatible_ref(), Subject::new("Project"));
    for p in 0..4 {
        let key = id(&format!("p{}", p + 1));
        review
            .peers
            .insert(key.clone(), Person::new(format!("Peer {}", p + 1)));
        let mut a = assessment_model::Assessment::new(fw.exact_ref(), Subject::new("Project"));
        for (leaf, values) in rows {
            if let Some(v) = values[p].clone() {
                a.rate(id(leaf), v).unwrap();
            }
        }
        review.assessments.insert(key, a);
    }
    review
}

fn fixture() -> PeerReview {
    review(&[
        ("b1", [Some(Met), Some(Met), Some(NotMet), Some(Met)]),
        ("b2", [Some(Met), Some(NotMet), Some(Met), Some(NotMet)]),
        (
            "o1",
            [
                Some(Level(4.into())),
                Some(Level(1.into())),
                Some(Level(3.into())),
                Some(Level(2.into())),
            ],
        ),
        (
            "o2",
            [
                Some(Level(3.into())),
                None,
                Some(Level(3.into())),
                Some(Level(3.into())),
            ],
        ),
        ("o3", [Some(Na), Some(Na), Some(Na), Some(Na)]),
        (
            "o4",
            [Some(Level(2.into())), Some(Na), Some(Level(3.into())), None],
        ),
        (
            "x",
            [
                Some(Number(2.0)),
                Some(Number(8.0)),
                Some(Number(4.0)),
                Some(Number(6.0)),
            ],
        ),
        (
            "y",
            [
                Some(Number(10.0)),
                Some(Number(40.0)),
                Some(Number(20.0)),
                None,
            ],
        ),
    ])
}

fn value(c: &assessment_model::review::Consolidated, leaf: &str) -> Option<RatingValue> {
    c.assessment.ratings.get(leaf).map(|r| r.value.clone())
}

#[test]
fn median() {
    let c = fixture()
        .consolidate(&framework(), Consolidation::Median)
        .unwrap();
    // 3 met, 1 not met: sorted [not, met, met, met], lower median index 1.
    assert_eq!(value(&c, "b1"), Some(Met));
    // 2 and 2 (even): sorted [not, not, met, met], index 1: not met.
    assert_eq!(value(&c, "b2"), Some(NotMet));
    // [1, 2, 3, 4]: lower median 2 (not 2.5, which is no level).
    assert_eq!(value(&c, "o1"), Some(Level(2.into())));
    // p2 unrated: [3, 3, 3].
    assert_eq!(value(&c, "o2"), Some(Level(3.into())));
    // Every rating peer said n/a.
    assert_eq!(value(&c, "o3"), Some(Na));
    // n/a set aside when others scored: [2, 3], lower median 2.
    assert_eq!(value(&c, "o4"), Some(Level(2.into())));
    // Numeric, even: [2, 4, 6, 8] -> (4 + 6) / 2.
    assert_eq!(value(&c, "x"), Some(Number(5.0)));
    // Numeric, odd: [10, 20, 40] -> 20.
    assert_eq!(value(&c, "y"), Some(Number(20.0)));
    assert!(c.disagreements.is_empty());
}

#[test]
fn median_of_three_ordinal_is_the_middle() {
    let r = review(&[(
        "o1",
        [
            Some(Level(3.into())),
            Some(Level(1.into())),
            Some(Level(4.into())),
            None,
        ],
    )]);
    let c = r.consolidate(&framework(), Consolidation::Median).unwrap();
    assert_eq!(value(&c, "o1"), Some(Level(3.into())));
}

#[test]
fn minimum() {
    let c = fixture()
        .consolidate(&framework(), Consolidation::Minimum)
        .unwrap();
    assert_eq!(value(&c, "b1"), Some(NotMet));
    assert_eq!(value(&c, "b2"), Some(NotMet));
    assert_eq!(value(&c, "o1"), Some(Level(1.into())));
    assert_eq!(value(&c, "o2"), Some(Level(3.into())));
    assert_eq!(value(&c, "o3"), Some(Na));
    assert_eq!(value(&c, "o4"), Some(Level(2.into())));
    assert_eq!(value(&c, "x"), Some(Number(2.0)));
    // Lower is better: the most cautious is the highest delay.
    assert_eq!(value(&c, "y"), Some(Number(40.0)));
}

#[test]
fn consensus() {
    let c = fixture()
        .consolidate(&framework(), Consolidation::Consensus)
        .unwrap();
    // Agreed (p2 left o2 unrated, so the other three decide).
    assert_eq!(value(&c, "o2"), Some(Level(3.into())));
    assert_eq!(value(&c, "o3"), Some(Na));
    for leaf in ["b1", "b2", "o1", "o4", "x", "y"] {
        assert_eq!(value(&c, leaf), None, "{leaf} is disputed, so unrated");
    }
    let disputed: Vec<&str> = c.disagreements.iter().map(|d| d.leaf.as_str()).collect();
    assert_eq!(disputed, ["b1", "b2", "o1", "o4", "x", "y"]);
    // Only the peers who rated appear, with what they said.
    let o4 = &c.disagreements[3];
    let listed: Vec<(&str, RatingValue)> = o4
        .ratings
        .iter()
        .map(|(p, v)| (p.as_str(), v.clone()))
        .collect();
    assert_eq!(
        listed,
        [("p1", Level(2.into())), ("p2", Na), ("p3", Level(3.into()))]
    );
    let y = &c.disagreements[5];
    assert_eq!(y.ratings.len(), 3);
    assert!(!y.ratings.contains_key("p4"));
}

#[test]
fn mean_on_numeric_leaves() {
    let r = review(&[
        ("o3", [Some(Na), None, Some(Na), None]),
        (
            "x",
            [
                Some(Number(2.0)),
                Some(Number(8.0)),
                Some(Number(4.0)),
                Some(Number(6.0)),
            ],
        ),
        (
            "y",
            [
                Some(Number(10.0)),
                Some(Number(40.0)),
                Some(Number(20.0)),
                None,
            ],
        ),
    ]);
    let c = r.consolidate(&framework(), Consolidation::Mean).unwrap();
    assert_eq!(value(&c, "x"), Some(Number(5.0)));
    match value(&c, "y") {
        Some(Number(y)) => assert!((y - 70.0 / 3.0).abs() < 1e-12),
        other => panic!("{other:?}"),
    }
    // An ordinal leaf that only has n/a ratings needs no mean.
    assert_eq!(value(&c, "o3"), Some(Na));
    assert_eq!(value(&c, "b1"), None);
}

#[test]
fn mean_on_non_numeric_leaves_names_each_at_its_first_score() {
    let err = fixture()
        .consolidate(&framework(), Consolidation::Mean)
        .unwrap_err();
    let ReviewError::Invalid(v) = &err else {
        panic!("{err:?}")
    };
    // Every binary or ordinal leaf with a score, in definition order; o3
    // (n/a only) needs no mean. Each at the first rating peer's rating.
    let got: Vec<(&str, &str)> = v
        .issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("not-numeric", "/assessments/p1/ratings/b1"),
            ("not-numeric", "/assessments/p1/ratings/b2"),
            ("not-numeric", "/assessments/p1/ratings/o1"),
            ("not-numeric", "/assessments/p1/ratings/o2"),
            ("not-numeric", "/assessments/p1/ratings/o4"),
        ]
    );
    assert_eq!(
        v.issues()[0].kind,
        IssueKind::NotNumeric {
            id: "b1".into(),
            scale: "tick".into(),
            scale_type: "binary".into(),
        }
    );
    let r = review(&[("o2", [None, Some(Level(2.into())), None, None])]);
    let err = r
        .consolidate(&framework(), Consolidation::Mean)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the review cannot be consolidated: 1 error(s)\n  error [not-numeric] at \
         /assessments/p2/ratings/o2: a mean needs a numeric scale, but leaf `o2` is rated \
         on ordinal scale `level`"
    );
}

#[test]
fn unrated_everywhere_stays_unrated() {
    let r = review(&[("x", [Some(Number(1.0)), None, None, None])]);
    for method in [
        Consolidation::Median,
        Consolidation::Minimum,
        Consolidation::Consensus,
        Consolidation::Mean,
    ] {
        let c = r.consolidate(&framework(), method).unwrap();
        assert_eq!(value(&c, "x"), Some(Number(1.0)));
        assert_eq!(c.assessment.ratings.len(), 1, "{method:?}");
        assert_eq!(c.agreement.leaves["b1"].rated_by, 0);
        assert_eq!(c.agreement.leaves["b1"].spread, None);
    }
}

#[test]
fn agreement_per_leaf_and_overall() {
    let c = fixture()
        .consolidate(&framework(), Consolidation::Median)
        .unwrap();
    let a = &c.agreement;
    let b1 = &a.leaves["b1"];
    assert_eq!(
        (b1.rated_by, b1.not_applicable, b1.spread, b1.all_agree),
        (4, 0, Some(1.0), false)
    );
    let o1 = &a.leaves["o1"];
    assert_eq!(o1.spread, Some(1.0));
    let o2 = &a.leaves["o2"];
    assert_eq!((o2.rated_by, o2.spread, o2.all_agree), (3, Some(0.0), true));
    let o3 = &a.leaves["o3"];
    assert_eq!(
        (o3.rated_by, o3.not_applicable, o3.spread, o3.all_agree),
        (4, 4, None, true)
    );
    let o4 = &a.leaves["o4"];
    assert_eq!(
        (o4.rated_by, o4.not_applicable, o4.all_agree),
        (3, 1, false)
    );
    assert!((o4.spread.unwrap() - 1.0 / 3.0).abs() < 1e-12);
    // x: scores 0.2, 0.8, 0.4, 0.6; y (inverted): 0.9, 0.6, 0.8.
    assert!((a.leaves["x"].spread.unwrap() - 0.6).abs() < 1e-12);
    assert!((a.leaves["y"].spread.unwrap() - 0.3).abs() < 1e-12);
    // Eight leaves rated by two or more peers; o2 and o3 agree.
    assert_eq!(a.full_agreement, Some(0.25));
}

#[test]
fn alpha_per_scale() {
    let c = fixture()
        .consolidate(&framework(), Consolidation::Median)
        .unwrap();
    let scales: Vec<(&str, MeasurementLevel, usize, usize)> = c
        .agreement
        .scales
        .iter()
        .map(|s| (s.scale.as_str(), s.level, s.leaves, s.pairable_values))
        .collect();
    assert_eq!(
        scales,
        [
            ("tick", MeasurementLevel::Nominal, 2, 8),
            ("level", MeasurementLevel::Ordinal, 4, 9),
            ("pct", MeasurementLevel::Interval, 1, 4),
            ("delay", MeasurementLevel::Interval, 1, 3),
        ]
    );
    // Nominal by hand: b1 gives (16 - 9 - 1) / 3 = 2, b2 (16 - 4 - 4) / 3
    // = 8/3; marginals 5 ones and 3 zeros, n = 8, expected 64 - 25 - 9 =
    // 30; alpha = 1 - 7 * (14/3) / 30 = -4/45.
    let tick = c.agreement.scales[0].alpha.unwrap();
    assert!((tick - (-4.0 / 45.0)).abs() < 1e-12, "{tick}");
    // Ordinal: the Python package `krippendorff` 0.9.0 (an independent
    // implementation) gives -0.1462775907220355 for these data.
    let level = c.agreement.scales[1].alpha.unwrap();
    assert!((level - (-0.146_277_590_722_035_5)).abs() < 1e-9, "{level}");
    // One unit only: observed and expected disagreement coincide, alpha 0.
    assert!(c.agreement.scales[2].alpha.unwrap().abs() < 1e-12);
    assert!(c.agreement.scales[3].alpha.unwrap().abs() < 1e-12);
    // Several scales, so no single alpha.
    assert_eq!(c.agreement.alpha(), None);
}

#[test]
fn alpha_undefined_without_variation_or_pairs() {
    let same = review(&[
        (
            "o1",
            [Some(Level(2.into())), Some(Level(2.into())), None, None],
        ),
        (
            "o2",
            [Some(Level(2.into())), None, Some(Level(2.into())), None],
        ),
    ]);
    let c = same
        .consolidate(&framework(), Consolidation::Median)
        .unwrap();
    assert_eq!(c.agreement.alpha(), None);
    assert_eq!(c.agreement.scales[0].pairable_values, 4);
    assert_eq!(c.agreement.full_agreement, Some(1.0));
    let lonely = review(&[
        ("o1", [Some(Level(2.into())), None, None, None]),
        ("o2", [None, Some(Level(4.into())), None, None]),
    ]);
    let c = lonely
        .consolidate(&framework(), Consolidation::Median)
        .unwrap();
    assert_eq!(c.agreement.scales[0].pairable_values, 0);
    assert_eq!(c.agreement.alpha(), None);
    assert_eq!(c.agreement.full_agreement, None);
}

#[test]
fn perfect_agreement_gives_alpha_one() {
    let r = review(&[
        (
            "o1",
            [
                Some(Level(2.into())),
                Some(Level(2.into())),
                Some(Level(2.into())),
                None,
            ],
        ),
        (
            "o2",
            [
                Some(Level(4.into())),
                Some(Level(4.into())),
                None,
                Some(Level(4.into())),
            ],
        ),
    ]);
    let c = r
        .consolidate(&framework(), Consolidation::Consensus)
        .unwrap();
    assert_eq!(c.agreement.alpha(), Some(1.0));
}

#[test]
fn evidence_notes_narratives_and_findings_are_attributed() {
    let mut r = review(&[(
        "o1",
        [Some(Level(4.into())), Some(Level(1.into())), None, None],
    )]);
    let p1 = r.assessments.get_mut("p1").unwrap();
    p1.ratings.insert(id("o1"), {
        let mut built = Rating::new(Level(4.into()));
        built.evidence = vec![{
            let mut built = Evidence::new(EvidenceKind::Interview, "Employers say so");
            built.reference = Some("interview 3".into());
            built
        }];
        built.note = Some("Strong".into());
        built
    });
    p1.narratives.insert(id("g"), "Well run.".into());
    let mut finding = assessment_model::model::DeclaredFinding::new(
        assessment_model::model::FindingKind::Strength,
        "Employer network",
    );
    finding.criterion = Some(id("o1"));
    p1.findings.push(finding);
    let p2 = r.assessments.get_mut("p2").unwrap();
    p2.ratings.get_mut("o1").unwrap().note = Some("Weak".into());
    p2.ratings
        .get_mut("o1")
        .unwrap()
        .evidence
        .push(Evidence::new(EvidenceKind::Document, "Plan"));
    p2.narratives.insert(id("g"), "Needs work.".into());

    let c = r.consolidate(&framework(), Consolidation::Median).unwrap();
    let o1 = &c.assessment.ratings["o1"];
    assert_eq!(o1.value, Level(1.into()));
    assert_eq!(o1.note.as_deref(), Some("[p1] Strong\n[p2] Weak"));
    let refs: Vec<Option<&str>> = o1.evidence.iter().map(|e| e.reference.as_deref()).collect();
    assert_eq!(refs, [Some("[p1] interview 3"), Some("[p2]")]);
    assert_eq!(
        c.assessment.narratives["g"],
        "[p1] Well run.\n\n[p2] Needs work."
    );
    assert_eq!(c.assessment.findings[0].text, "[p1] Employer network");
    assert_eq!(c.assessment.assessors.len(), 4);
    assert_eq!(c.assessment.subject.name, "Project");

    // Under consensus the leaf is disputed: notes and evidence move to its
    // narrative, nothing is lost.
    let c = r
        .consolidate(&framework(), Consolidation::Consensus)
        .unwrap();
    assert_eq!(value(&c, "o1"), None);
    assert_eq!(
        c.assessment.narratives["o1"],
        "[p1] Strong\n[p1] evidence (interview): Employers say so (interview 3)\n[p2] Weak\n[p2] evidence (document): Plan"
    );
}

#[test]
fn review_checks_against_the_framework_with_paths() {
    let mut r = review(&[(
        "o1",
        [Some(Level(7.into())), Some(Level(1.into())), None, None],
    )]);
    r.assessments
        .get_mut("p2")
        .unwrap()
        .rate(id("g"), Met)
        .unwrap()
        .rate(id("nope"), Met)
        .unwrap()
        .rate(id("b1"), Level(1.into()))
        .unwrap();
    let extra = r.assessments["p1"].clone();
    r.assessments.insert(id("stranger"), extra);
    let err = r
        .consolidate(&framework(), Consolidation::Median)
        .unwrap_err();
    let ReviewError::Invalid(v) = err else {
        panic!("{err:?}")
    };
    let got: Vec<(&str, &str)> = v
        .issues()
        .iter()
        .map(|i| (i.path.as_str(), i.code()))
        .collect();
    assert_eq!(
        got,
        [
            ("/assessments/stranger", "unknown-peer"),
            ("/assessments/p1/ratings/o1/value", "rating-off-scale"),
            ("/assessments/p2/ratings/g", "rating-on-group"),
            ("/assessments/p2/ratings/nope", "unknown-criterion"),
            ("/assessments/p2/ratings/b1/value", "rating-off-scale"),
            ("/assessments/stranger/ratings/o1/value", "rating-off-scale"),
        ]
    );
}

#[test]
fn framework_mismatch_is_reported() {
    let mut r = review(&[]);
    r.framework = serde_json::from_str(r#"{"id": "fixture", "version": "^2"}"#).unwrap();
    let issues = r.issues_against(&framework());
    assert_eq!(issues.len(), 1);
    assert_eq!(
        (issues[0].path.as_str(), issues[0].code()),
        ("/framework", "framework-mismatch")
    );
}

#[test]
fn visit_dates_are_checked() {
    let json = r#"{
        "framework": { "id": "fixture", "version": "^1" },
        "subject": { "name": "P" },
        "visit": { "place": "Lyon", "start": "2011-10-14", "end": "2011-10-12" }
    }"#;
    let r: PeerReview = serde_json::from_str(json).unwrap();
    let issues = r.issues();
    assert_eq!(issues.len(), 1);
    assert_eq!(
        (issues[0].path.as_str(), issues[0].code()),
        ("/visit/end", "dates-out-of-order")
    );
    let visit = r.visit.as_ref().unwrap();
    assert_eq!(visit.start, "2011-10-14".parse::<IsoDate>().unwrap());

    let bad = json.replace("2011-10-12", "2011-02-29");
    let err = serde_json::from_str::<PeerReview>(&bad).unwrap_err();
    assert!(err.to_string().contains("has no day 29"), "{err}");
    let typo = json.replace("\"place\"", "\"plaec\"");
    assert!(serde_json::from_str::<PeerReview>(&typo).is_err());
}

#[test]
fn serde_round_trip() {
    let c = fixture()
        .consolidate(&framework(), Consolidation::Consensus)
        .unwrap();
    let json = serde_json::to_string(&c).unwrap();
    let back: assessment_model::review::Consolidated = serde_json::from_str(&json).unwrap();
    assert_eq!(back, c);
    let r = fixture();
    let back: PeerReview = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(back, r);
}

#[test]
fn an_invalid_framework_is_refused() {
    let mut fw = framework();
    fw.criteria[0].children[0].scale = Some(id("nowhere"));
    let err = fixture()
        .consolidate(&fw, Consolidation::Median)
        .unwrap_err();
    let ReviewError::InvalidFramework(v) = err else {
        panic!("{err:?}")
    };
    assert!(v.issues().iter().any(|i| i.code() == "unknown-scale"));
}

#[test]
fn mean_of_numbers_stays_in_range_despite_rounding() {
    // Three times 0.1 sums to 0.30000000000000004; the mean must still be
    // on the scale [0, 10] and equal to 0.1.
    let r = review(&[(
        "x",
        [
            Some(Number(0.1)),
            Some(Number(0.1)),
            Some(Number(0.1)),
            None,
        ],
    )]);
    let c = r.consolidate(&framework(), Consolidation::Mean).unwrap();
    assert_eq!(value(&c, "x"), Some(Number(0.1)));
    let r = review(&[(
        "x",
        [
            Some(Number(10.0)),
            Some(Number(10.0)),
            Some(Number(10.0)),
            Some(Number(10.0)),
        ],
    )]);
    let c = r.consolidate(&framework(), Consolidation::Mean).unwrap();
    assert_eq!(value(&c, "x"), Some(Number(10.0)));
}
