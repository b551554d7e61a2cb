#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Narratives and declared findings on groups, carried across a mapping:
//! to the target criterion with the group's id when it contains every
//! target of the group's mapped leaves, else to the lowest target criterion
//! that contains them all; listed with the reason when there is none.
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::catalog::{crosswalk, good_practice, impart};
use assessment_model::mapping::{NotCarried, NotCarriedReason};
use assessment_model::model::{DeclaredFinding, EvidenceKind, FindingKind};
use assessment_model::{Assessment, Evidence, Framework, Mapping, Rating, RatingValue, Subject};
use serde_json::json;

fn finding(kind: FindingKind, about: Option<&str>, text: &str) -> DeclaredFinding {
    let mut f = DeclaredFinding::new(kind, text);
    f.criterion = about.map(|id| id.parse().unwrap());
    f
}

/// What was not carried, as (source id, reason) pairs.
fn not_carried(list: &[NotCarried]) -> Vec<(&str, &NotCarriedReason)> {
    list.iter().map(|n| (n.from.as_str(), &n.reason)).collect()
}

fn ids(list: &[&str]) -> Vec<assessment_model::Id> {
    list.iter().map(|id| id.parse().unwrap()).collect()
}

/// The example of issue 13: the identity of the good-practice criteria,
/// with a narrative on the question `q1` (a group of checklist items),
/// gives the assessment back, and nothing is listed as not carried.
#[test]
fn identity_of_the_good_practice_criteria_keeps_a_narrative_on_q1() {
    let gp = good_practice::criteria();
    let mut a = Assessment::new(gp.exact_ref(), Subject::new("A practice"));
    a.narratives.insert(
        "q1".parse().unwrap(),
        "The practice consults its users.".into(),
    );
    let t = Mapping::identity(&gp).translate(&a, &gp, &gp).unwrap();
    assert_eq!(t.assessment, a);
    assert_eq!(
        t.assessment.narratives["q1"],
        "The practice consults its users."
    );
    assert!(t.not_carried.is_empty());
    assert!(t.narratives_not_carried.is_empty());
    assert!(t.findings_not_carried.is_empty());
}

/// The same with everything an assessment carries: ratings with evidence
/// and notes, narratives and declared findings on leaves, questions and
/// areas, including `sustainability`, an area whose only child is `q9`
/// (both have the same leaves; each keeps its own narrative).
#[test]
fn identity_of_the_good_practice_criteria_keeps_everything() {
    let gp = good_practice::criteria();
    let mut a = Assessment::new(gp.compatible_ref(), Subject::new("A practice"));
    a.subject.kind = Some("practice".into());
    a.ratings.insert("q1-2".parse().unwrap(), {
        let mut r = Rating::new(RatingValue::Met);
        let mut e = Evidence::new(EvidenceKind::Interview, "Users on the steering board");
        e.reference = Some("minutes, p. 2".into());
        r.evidence = vec![e];
        r.note = Some("Since 2024.".into());
        r
    });
    a.rate("q9-1", RatingValue::NotMet)
        .unwrap()
        .rate("q9-3", RatingValue::NotApplicable)
        .unwrap();
    for (id, text) in [
        ("q1", "On q1."),
        ("q1-2", "On the item q1-2."),
        ("inclusivity-participation", "On the area."),
        ("sustainability", "On the sustainability area."),
        ("q9", "On q9."),
    ] {
        a.narratives.insert(id.parse().unwrap(), text.into());
    }
    a.findings = vec![
        finding(FindingKind::Risk, Some("q9"), "Funding ends in a year."),
        finding(
            FindingKind::Strength,
            Some("sustainability"),
            "A plan exists.",
        ),
        finding(FindingKind::Strength, Some("q1-2"), "Users steer."),
        finding(FindingKind::Strength, None, "Overall sound."),
        finding(FindingKind::Risk, Some("q1"), "Few women consulted."),
    ];
    let t = Mapping::identity(&gp).translate(&a, &gp, &gp).unwrap();
    assert_eq!(t.assessment, a);
    // `==` on the maps ignores their order; the findings keep theirs.
    assert_eq!(t.assessment.findings, a.findings);
    assert_eq!(
        t.assessment.narratives["sustainability"],
        "On the sustainability area."
    );
    assert_eq!(t.assessment.narratives["q9"], "On q9.");
    assert!(t.not_carried.is_empty());
    assert!(t.narratives_not_carried.is_empty());
    assert!(t.findings_not_carried.is_empty());
    assert_eq!(t.unrated.len(), 36 - 3);
}

/// The published worked example (eleven narratives, one per question).
#[test]
fn identity_gives_the_worked_example_back() {
    let gp = good_practice::criteria();
    let a = good_practice::worked_example();
    assert_eq!(a.narratives.len(), 11);
    let t = Mapping::identity(&gp).translate(&a, &gp, &gp).unwrap();
    assert_eq!(t.assessment, a);
    assert!(t.narratives_not_carried.is_empty());
}

/// The built-in crosswalk from the IMPART core benchmark (eight factors,
/// each a group of indicators) to the good-practice criteria. Where each
/// factor's narrative goes, from the crosswalk's entries:
///
/// * `monitoring-evaluation`: its indicators 1, 2 and 4 map to `q8-1`,
///   `q8-4` and `q8-5`; the lowest criterion containing the three is the
///   question `q8` (its area `effectiveness` also holds `q7`);
/// * `needs-assessment`: indicators 1 and 4 together map to `q4-1`, a leaf,
///   which also receives indicator 1's own narrative;
/// * `employer-engagement`: only indicator 1 is mapped, to `q2-2`;
/// * `migrant-voice`: indicators 1, 2 and 4 map to `q3-1`, `q3-2` (area
///   `inclusivity-participation`) and `q10-2` (area
///   `partnership-collaboration`): no criterion contains all three;
/// * `equalities`: indicator 1 maps to `q1-3` and `q5-5`, indicator 3 to
///   `q2-1`: areas `inclusivity-participation` and
///   `relevance-complementarity`.
#[test]
fn crosswalk_puts_each_factor_on_the_lowest_criterion_holding_its_indicators() {
    let (core, gp) = (impart::core(), good_practice::criteria());
    let mut a = Assessment::new(core.exact_ref(), Subject::new("A project"));
    for (id, text) in [
        ("needs-assessment-1", "Needs surveyed in 2025."),
        ("monitoring-evaluation", "M&E is thorough."),
        ("needs-assessment", "Needs drive the design."),
        ("migrant-voice", "Migrants are heard."),
    ] {
        a.narratives.insert(id.parse().unwrap(), text.into());
    }
    a.findings = vec![
        finding(
            FindingKind::Strength,
            Some("monitoring-evaluation"),
            "Evaluated yearly.",
        ),
        finding(FindingKind::Risk, Some("equalities"), "No equality plan."),
        finding(
            FindingKind::Risk,
            Some("employer-engagement"),
            "Few employers.",
        ),
    ];
    let t = crosswalk::impart_core_to_good_practice()
        .translate(&a, &core, &gp)
        .unwrap();
    let n = &t.assessment.narratives;
    assert_eq!(n["q8"], "M&E is thorough.");
    // Two texts on q4-1: each prefixed with its source, the group's first.
    assert_eq!(
        n["q4-1"],
        "needs-assessment: Needs drive the design.\n\
         needs-assessment-1: Needs surveyed in 2025."
    );
    assert_eq!(n.len(), 2);
    assert_eq!(
        not_carried(&t.narratives_not_carried),
        [(
            "migrant-voice",
            &NotCarriedReason::NoCommonCriterion {
                to: ids(&["q3-1", "q3-2", "q10-2"]),
            },
        )]
    );
    let about: Vec<&str> = t
        .assessment
        .findings
        .iter()
        .map(|f| f.criterion.as_ref().unwrap().as_str())
        .collect();
    assert_eq!(about, ["q8", "q2-2"]);
    assert_eq!(t.assessment.findings[1].text, "Few employers.");
    assert_eq!(
        t.findings_not_carried
            .iter()
            .map(|f| (f.index, f.about.as_str(), &f.reason))
            .collect::<Vec<_>>(),
        [(
            1,
            "equalities",
            &NotCarriedReason::NoCommonCriterion {
                to: ids(&["q1-3", "q2-1", "q5-5"]),
            },
        )]
    );
    assert_eq!(
        t.findings_not_carried[0].reason.to_string(),
        "the group's leaves are mapped to q1-3, q2-1, q5-5, which no one target criterion contains"
    );
}

fn framework(id: &str, version: &str, criteria: serde_json::Value) -> Framework {
    serde_json::from_value(json!({
        "id": id, "version": version, "title": "F",
        "scales": { "tick": { "type": "binary" } },
        "criteria": criteria
    }))
    .unwrap()
}

fn group(id: &str, children: serde_json::Value) -> serde_json::Value {
    json!({ "id": id, "title": id, "children": children })
}

fn leaf(id: &str) -> serde_json::Value {
    json!({ "id": id, "title": id, "scale": "tick" })
}

/// Version 1 and 2 of a framework: in version 2, group `q` gained a
/// sub-group `part` holding the targets of `q`'s leaves; `p` became `y`.
fn versions() -> (Framework, Framework, Mapping) {
    let v1 = framework(
        "f",
        "1.0.0",
        json!([
            group("q", json!([leaf("s1"), leaf("s2")])),
            group("p", json!([leaf("s3"), leaf("s4")])),
            group("u", json!([leaf("s5")])),
            group("w", json!([leaf("s6"), leaf("s7")])),
        ]),
    );
    let v2 = framework(
        "f",
        "2.0.0",
        json!([
            group(
                "q",
                json!([group("part", json!([leaf("x1"), leaf("x2")])), leaf("x3")])
            ),
            group("y", json!([leaf("y1"), leaf("y2")])),
            leaf("z1"),
        ]),
    );
    let entry = |from: &str, to: &str| json!({ "from": [from], "to": to, "relation": "equivalent", "rationale": "moved" });
    let m: Mapping = serde_json::from_value(json!({
        "id": "v1-to-v2", "title": "v1 to v2",
        "from": { "id": "f", "version": "^1" }, "to": { "id": "f", "version": "^2" },
        "entries": [
            entry("s1", "x1"), entry("s2", "x2"), entry("s3", "y1"), entry("s4", "y2"),
            entry("s6", "x3"), entry("s7", "z1")
        ],
        "unmapped_from": { "s5": "Dropped in version 2." }
    }))
    .unwrap();
    m.check(&v1, &v2).unwrap();
    (v1, v2, m)
}

/// Where each group of version 1 lands in version 2:
///
/// * `q` (s1, s2 → x1, x2): the lowest criterion containing x1 and x2 is
///   `part`, but `q` of version 2 contains it too and has the group's id:
///   `q`;
/// * `p` (s3, s4 → y1, y2): no `p` in version 2; the lowest criterion is
///   the group `y`;
/// * `u` (only s5, unmapped): no leaf mapped, not carried;
/// * `w` (s6, s7 → x3, z1): x3 is under `q`, z1 is a top-level leaf: not
///   carried, with both targets named.
#[test]
fn groups_of_a_new_version_land_by_id_or_on_the_lowest_common_criterion() {
    let (v1, v2, m) = versions();
    let mut a = Assessment::new(v1.exact_ref(), Subject::new("S"));
    for (id, text) in [
        ("w", "On w."),
        ("q", "On q."),
        ("p", "On p."),
        ("u", "On u."),
        ("s5", "On s5."),
    ] {
        a.narratives.insert(id.parse().unwrap(), text.into());
    }
    a.findings = vec![
        finding(FindingKind::Risk, Some("u"), "u at risk."),
        finding(FindingKind::Strength, Some("p"), "p strong."),
        finding(FindingKind::Risk, Some("w"), "w at risk."),
    ];
    let t = m.translate(&a, &v1, &v2).unwrap();
    let n = &t.assessment.narratives;
    assert_eq!(n["q"], "On q.");
    assert_eq!(n["y"], "On p.");
    assert_eq!(n.len(), 2);
    // In the assessment's order: w, u, then the leaf s5.
    assert_eq!(
        not_carried(&t.narratives_not_carried),
        [
            (
                "w",
                &NotCarriedReason::NoCommonCriterion {
                    to: ids(&["x3", "z1"])
                },
            ),
            ("u", &NotCarriedReason::NoLeafMapped),
            (
                "s5",
                &NotCarriedReason::NoEntry {
                    rationale: Some("Dropped in version 2.".into())
                },
            ),
        ]
    );
    assert_eq!(
        t.narratives_not_carried[1].reason.to_string(),
        "no entry maps a leaf of the group"
    );
    assert_eq!(t.assessment.findings.len(), 1);
    assert_eq!(t.assessment.findings[0].criterion.as_ref().unwrap(), "y");
    assert_eq!(t.assessment.findings[0].text, "p strong.");
    let listed: Vec<(usize, &str, &NotCarriedReason)> = t
        .findings_not_carried
        .iter()
        .map(|f| (f.index, f.about.as_str(), &f.reason))
        .collect();
    assert_eq!(
        listed,
        [
            (0, "u", &NotCarriedReason::NoLeafMapped),
            (
                2,
                "w",
                &NotCarriedReason::NoCommonCriterion {
                    to: ids(&["x3", "z1"])
                }
            ),
        ]
    );
}

/// Without the shared id (the same version 2 with `q` renamed `r`), `q`'s
/// narrative goes to the lowest criterion containing x1 and x2: `part`.
#[test]
fn without_the_id_a_group_lands_on_the_lowest_common_criterion() {
    let (v1, v2, m) = versions();
    let mut v2: serde_json::Value = serde_json::to_value(&v2).unwrap();
    v2["criteria"][0]["id"] = json!("r");
    let v2: Framework = serde_json::from_value(v2).unwrap();
    let mut a = Assessment::new(v1.exact_ref(), Subject::new("S"));
    a.narratives.insert("q".parse().unwrap(), "On q.".into());
    a.narratives.insert("s1".parse().unwrap(), "On s1.".into());
    let t = m.translate(&a, &v1, &v2).unwrap();
    assert_eq!(t.assessment.narratives["part"], "On q.");
    assert_eq!(t.assessment.narratives["x1"], "On s1.");
    assert_eq!(t.assessment.narratives.len(), 2);
    assert!(t.narratives_not_carried.is_empty());
}

/// A source area whose only child is a question (as good practice's
/// `sustainability` and `q9`): both groups have the same leaves, so in a
/// target without their ids both land on the lowest criterion containing
/// the targets, and both texts are kept, each prefixed with its source, in
/// definition order.
#[test]
fn two_groups_with_the_same_leaves_share_their_target() {
    let from = framework(
        "a",
        "1.0.0",
        json!([group(
            "area",
            json!([group("question", json!([leaf("i1"), leaf("i2")]))])
        )]),
    );
    let to = framework(
        "b",
        "1.0.0",
        json!([group("theme", json!([leaf("j1"), leaf("j2")])), leaf("j3")]),
    );
    let m: Mapping = serde_json::from_value(json!({
        "id": "a-to-b", "title": "a to b",
        "from": { "id": "a", "version": "^1" }, "to": { "id": "b", "version": "^1" },
        "entries": [
            { "from": ["i1"], "to": "j1", "relation": "equivalent", "rationale": "same" },
            { "from": ["i2"], "to": "j2", "relation": "subset", "rationale": "part" }
        ]
    }))
    .unwrap();
    let mut a = Assessment::new(from.exact_ref(), Subject::new("S"));
    a.narratives
        .insert("question".parse().unwrap(), "On the question.".into());
    a.narratives
        .insert("area".parse().unwrap(), "On the area.".into());
    let t = m.translate(&a, &from, &to).unwrap();
    assert_eq!(
        t.assessment.narratives["theme"],
        "area: On the area.\nquestion: On the question."
    );
    assert_eq!(t.assessment.narratives.len(), 1);
    assert!(t.narratives_not_carried.is_empty());
}
