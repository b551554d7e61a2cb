//! Progress (SPEC.md §8.1, rule 14): every status, a band crossing, every
//! risk change and the changed ratings on a small framework, computed by
//! hand; a report against itself; the PROFINT IO1 → IO2 mapping; the
//! cohort tally.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::analysis::{ProgressStatus, ProgressTally, RatingChange, RiskStatus};
use assessment_model::catalog::profint;
use assessment_model::{
    Assessment, Framework, Id, LevelRef, Progress, RatingValue, Report, Scorer, Subject,
};

use ProgressStatus::{Improved, NewlyScored, NoLongerScored, Regressed, Unchanged, Unscored};
use RatingValue::{Level, Met, NotApplicable, NotMet};

/// g1, g2, g3 critical groups (risk below 0.5), e, k, f leaves; bands low
/// [0, 0.5) and high [0.5, 1]; `version` as given.
fn framework(version: &str) -> Framework {
    serde_json::from_str(&format!(
        r#"{{
        "id": "prog", "version": "{version}", "title": "Progress test",
        "scales": {{
            "tick": {{ "type": "binary" }},
            "grade": {{ "type": "ordinal", "levels": [
                {{ "id": "no", "value": 0, "label": "no" }},
                {{ "id": "partly", "value": 1, "label": "partly" }},
                {{ "id": "yes", "value": 2, "label": "yes" }} ] }}
        }},
        "rules": {{ "risk_below": 0.5, "bands": [
            {{ "id": "low", "label": "low", "from": 0.0 }},
            {{ "id": "high", "label": "high", "from": 0.5 }} ] }},
        "criteria": [
            {{ "id": "g1", "title": "One", "critical": true, "children": [
                {{ "id": "a", "title": "A", "scale": "grade" }},
                {{ "id": "b", "title": "B", "scale": "grade" }} ] }},
            {{ "id": "g2", "title": "Two", "critical": true, "children": [
                {{ "id": "c", "title": "C", "scale": "tick" }},
                {{ "id": "d", "title": "D", "scale": "tick" }} ] }},
            {{ "id": "g3", "title": "Three", "critical": true, "children": [
                {{ "id": "h", "title": "H", "scale": "tick" }} ] }},
            {{ "id": "e", "title": "E", "scale": "tick" }},
            {{ "id": "k", "title": "K", "scale": "tick" }},
            {{ "id": "f", "title": "F", "scale": "tick" }}
        ]
    }}"#
    ))
    .unwrap()
}

fn by_id(s: &str) -> RatingValue {
    Level(LevelRef::Id(Id::new(s).unwrap()))
}

fn by_value(v: i32) -> RatingValue {
    Level(LevelRef::Value(v))
}

fn assess(fw: &Framework, ratings: &[(&str, RatingValue)]) -> Assessment {
    let mut a = Assessment::new(fw.exact_ref(), Subject::new("P"));
    for (leaf, v) in ratings {
        a.rate(*leaf, v.clone()).unwrap();
    }
    a
}

/// Baseline: g1 = (0 + ½)/2 = ¼ (a risk, band low), g2 = 1, g3 = 0 (a
/// risk), e unrated, k met, f unrated. Total (¼ + 1 + 0 + 1)/4 = 0.5625
/// (high), coverage 6/8.
///
/// Current: g1 = (1 + ½)/2 = ¾ (b the same level by value), g2 = 0 (a
/// risk), g3 = 0 (a risk), e met, k not applicable, f unrated. Total
/// (¾ + 0 + 0 + 1)/4 = 0.4375 (low), coverage 6/7.
fn reports() -> (Report, Report) {
    let fw = framework("1.0.0");
    let scorer = Scorer::new(&fw).unwrap();
    let before = assess(
        &fw,
        &[
            ("a", by_id("no")),
            ("b", by_id("partly")),
            ("c", Met),
            ("d", Met),
            ("h", NotMet),
            ("k", Met),
        ],
    );
    let after = assess(
        &fw,
        &[
            ("a", by_value(2)),
            ("b", by_value(1)),
            ("c", NotMet),
            ("d", NotMet),
            ("h", NotMet),
            ("e", Met),
            ("k", NotApplicable),
        ],
    );
    (
        scorer.score(&before).unwrap(),
        scorer.score(&after).unwrap(),
    )
}

#[test]
fn every_node_status_with_scores_and_deltas() {
    type Row<'a> = (
        &'a str,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        ProgressStatus,
    );
    let (before, after) = reports();
    let p = Progress::between(&before, &after).unwrap();
    let rows: Vec<Row<'_>> = p
        .nodes
        .iter()
        .map(|n| {
            (
                n.criterion.as_str(),
                n.baseline,
                n.current,
                n.delta,
                n.status,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("g1", Some(0.25), Some(0.75), Some(0.5), Improved),
            ("a", Some(0.0), Some(1.0), Some(1.0), Improved),
            ("b", Some(0.5), Some(0.5), Some(0.0), Unchanged),
            ("g2", Some(1.0), Some(0.0), Some(-1.0), Regressed),
            ("c", Some(1.0), Some(0.0), Some(-1.0), Regressed),
            ("d", Some(1.0), Some(0.0), Some(-1.0), Regressed),
            ("g3", Some(0.0), Some(0.0), Some(0.0), Unchanged),
            ("h", Some(0.0), Some(0.0), Some(0.0), Unchanged),
            ("e", None, Some(1.0), None, NewlyScored),
            ("k", Some(1.0), None, None, NoLongerScored),
            ("f", None, None, None, Unscored),
        ]
    );
    let depths: Vec<usize> = p.nodes.iter().map(|n| n.depth).collect();
    assert_eq!(depths, [1, 2, 2, 1, 2, 2, 1, 2, 1, 1, 1]);
    assert_eq!(p.total.criterion, "prog");
    assert_eq!(p.total.depth, 0);
    assert_eq!(p.total.baseline, Some(0.5625));
    assert_eq!(p.total.current, Some(0.4375));
    assert_eq!(p.total.delta, Some(-0.125));
    assert_eq!(p.total.status, Regressed);
    assert_eq!(p.baseline_coverage, Some(0.75));
    assert_eq!(p.current_coverage, Some(6.0 / 7.0));
    assert!(p.carried.is_none());
}

#[test]
fn bands_cross_at_the_total_and_at_nodes() {
    let (before, after) = reports();
    let p = Progress::between(&before, &after).unwrap();
    fn band(b: &Option<Id>) -> Option<&str> {
        b.as_ref().map(Id::as_str)
    }
    assert_eq!(band(&p.total.baseline_band), Some("high"));
    assert_eq!(band(&p.total.current_band), Some("low"));
    assert!(p.total.band_changed());
    let g1 = p.node("g1").unwrap();
    assert_eq!(
        (band(&g1.baseline_band), band(&g1.current_band)),
        (Some("low"), Some("high"))
    );
    let g3 = p.node("g3").unwrap();
    assert_eq!(
        (band(&g3.baseline_band), band(&g3.current_band)),
        (Some("low"), Some("low"))
    );
    assert!(!g3.band_changed());
    let e = p.node("e").unwrap();
    assert_eq!(
        (band(&e.baseline_band), band(&e.current_band)),
        (None, Some("high"))
    );
}

#[test]
fn risks_resolved_new_and_persisting() {
    let (before, after) = reports();
    let p = Progress::between(&before, &after).unwrap();
    let risks: Vec<(&str, RiskStatus, Option<f64>, Option<f64>)> = p
        .risks
        .iter()
        .map(|r| (r.criterion.as_str(), r.status, r.baseline, r.current))
        .collect();
    assert_eq!(
        risks,
        [
            ("g1", RiskStatus::Resolved, Some(0.25), Some(0.75)),
            ("g2", RiskStatus::New, Some(1.0), Some(0.0)),
            ("g3", RiskStatus::Persisting, Some(0.0), Some(0.0)),
        ]
    );
    let resolved: Vec<&str> = p
        .risks_with(RiskStatus::Resolved)
        .map(|r| r.criterion.as_str())
        .collect();
    assert_eq!(resolved, ["g1"]);
}

#[test]
fn changed_ratings_are_listed_and_a_level_by_id_or_value_is_one_rating() {
    let (before, after) = reports();
    let p = Progress::between(&before, &after).unwrap();
    let change = |leaf: &str, b: Option<RatingValue>, c: Option<RatingValue>| RatingChange {
        criterion: Id::new(leaf).unwrap(),
        baseline: b,
        current: c,
    };
    // b: "partly" by id, then 1 by value: the same level, not listed.
    assert_eq!(
        p.ratings,
        [
            change("a", Some(by_id("no")), Some(by_value(2))),
            change("c", Some(Met), Some(NotMet)),
            change("d", Some(Met), Some(NotMet)),
            change("e", None, Some(Met)),
            change("k", Some(Met), Some(NotApplicable)),
        ]
    );
}

#[test]
fn a_report_against_itself_is_unchanged_everywhere() {
    let (before, after) = reports();
    for r in [&before, &after] {
        let p = Progress::between(r, r).unwrap();
        assert!(p.ratings.is_empty());
        assert_eq!(p.total.status, Unchanged);
        assert_eq!(p.total.delta, Some(0.0));
        assert!(!p.total.band_changed());
        for n in &p.nodes {
            let expected = if n.baseline.is_some() {
                Unchanged
            } else {
                Unscored
            };
            assert_eq!(n.status, expected, "{}", n.criterion);
            assert_eq!(n.baseline, n.current);
            assert!(!n.band_changed());
        }
        assert!(p.risks.iter().all(|r| r.status == RiskStatus::Persisting));
        assert_eq!(p.risks.len(), r.risks().len());
        assert_eq!(p.baseline_coverage, p.current_coverage);
    }
}

#[test]
fn another_version_is_a_framework_mismatch_at_the_baseline() {
    let (before, _) = reports();
    let two = framework("2.0.0");
    let after = Scorer::new(&two)
        .unwrap()
        .score(&assess(&two, &[("a", by_value(2))]))
        .unwrap();
    let err = Progress::between(&before, &after).unwrap_err();
    assert_eq!(err.issues().len(), 1);
    assert_eq!(err.issues()[0].code(), "framework-mismatch");
    assert_eq!(err.issues()[0].path, "/baseline/framework");
    assert_eq!(
        err.issues()[0].kind.to_string(),
        "requires prog =2.0.0, but the framework is prog 1.0.0"
    );
}

#[test]
fn tiny_differences_are_unchanged_and_the_tolerance_is_strict() {
    assert_eq!(ProgressStatus::of(Some(0.5), Some(0.5 + 1e-13)), Unchanged);
    assert_eq!(ProgressStatus::of(Some(0.5), Some(0.5 - 1e-13)), Unchanged);
    assert_eq!(ProgressStatus::of(Some(0.0), Some(2e-12)), Improved);
    assert_eq!(ProgressStatus::of(Some(2e-12), Some(0.0)), Regressed);
    assert_eq!(ProgressStatus::of(None, Some(0.0)), NewlyScored);
    assert_eq!(ProgressStatus::of(Some(0.0), None), NoLongerScored);
    assert_eq!(ProgressStatus::of(None, None), Unscored);
}

/// IO1: f1, f2, f5, f12 met, f3 not met. Carried to IO2 (binary, equal
/// weights, missing excluded): io2-f1 met (f1 and f2 both met), io2-f2
/// met (f2), io2-f3 not met, io2-f4 met (f5); f12 has no counterpart. So
/// the baseline total is 3/4.
///
/// Current IO2: f1, f3, f4, f6 met, f2 not met: 4/5.
#[test]
fn across_versions_through_the_profint_mapping() {
    let (io1, io2) = (
        profint::success_factors_io1(),
        profint::success_factors_io2(),
    );
    let before = assess(
        &io1,
        &[
            ("io1-f1", Met),
            ("io1-f2", Met),
            ("io1-f3", NotMet),
            ("io1-f5", Met),
            ("io1-f12", Met),
        ],
    );
    let now = assess(
        &io2,
        &[
            ("io2-f1", Met),
            ("io2-f2", NotMet),
            ("io2-f3", Met),
            ("io2-f4", Met),
            ("io2-f6", Met),
        ],
    );
    let scorer = Scorer::new(&io2).unwrap();
    let current = scorer.score(&now).unwrap();
    let p = Progress::across(&before, &profint::io1_to_io2(), &io1, &scorer, &current).unwrap();
    let carried = p.carried.as_ref().unwrap();
    assert_eq!(carried.mapping, "profint-io1-to-io2");
    assert_eq!(carried.from, io1.exact_ref());
    assert_eq!(carried.from.version.to_string(), "=1.0.0");
    assert_eq!(carried.not_carried, [Id::new("io1-f12").unwrap()]);
    assert_eq!(p.framework, io2.exact_ref());
    assert_eq!(p.total.baseline, Some(0.75));
    assert_eq!(p.total.current, Some(0.8));
    assert_eq!(p.total.delta, Some(0.8 - 0.75));
    assert_eq!(p.total.status, Improved);
    let status = |id: &str| p.node(id).unwrap().status;
    assert_eq!(status("io2-f1"), Unchanged);
    assert_eq!(status("io2-f2"), Regressed);
    assert_eq!(status("io2-f3"), Improved);
    assert_eq!(status("io2-f4"), Unchanged);
    assert_eq!(status("io2-f5"), Unscored);
    assert_eq!(status("io2-f6"), NewlyScored);
    let changed: Vec<&str> = p.ratings.iter().map(|r| r.criterion.as_str()).collect();
    assert_eq!(changed, ["io2-f2", "io2-f3", "io2-f6"]);
    assert_eq!(p.baseline_coverage, Some(4.0 / 13.0));
    assert_eq!(p.current_coverage, Some(5.0 / 13.0));
    assert!(
        p.to_string()
            .contains("baseline carried from profint-io1 1.0.0 through profint-io1-to-io2")
    );
}

#[test]
fn across_refuses_a_current_report_of_another_framework() {
    let io1 = profint::success_factors_io1();
    let (before, _) = reports();
    let scorer = Scorer::new(&profint::success_factors_io2()).unwrap();
    let a = Assessment::new(io1.exact_ref(), Subject::new("P"));
    let err = Progress::across(&a, &profint::io1_to_io2(), &io1, &scorer, &before).unwrap_err();
    assert_eq!(err.issues()[0].code(), "framework-mismatch");
    assert_eq!(err.issues()[0].path, "/current/framework");
}

#[test]
fn the_note_lists_the_largest_moves_first_then_risks_and_coverage() {
    let (before, after) = reports();
    let note = Progress::between(&before, &after).unwrap().to_string();
    // |delta| 1 for a, g2, c, d (definition order), then g1's ½.
    let expected = "\
progress — prog 1.0.0
total: 56.2 → 43.8 (-12.5), band high → low
moved most:
  a A: 0.0 → 100.0 (+100.0), band low → high
  g2 Two: 100.0 → 0.0 (-100.0), band high → low
  c C: 100.0 → 0.0 (-100.0), band high → low
  d D: 100.0 → 0.0 (-100.0), band high → low
  g1 One: 25.0 → 75.0 (+50.0), band low → high
newly scored: e
no longer scored: k
risks resolved: g1 (25.0 → 75.0)
new risks: g2 (100.0 → 0.0)
risks persisting: g3 (0.0 → 0.0)
coverage: 75.0% → 85.7%
ratings changed: 5 (a, c, d, e, k)
";
    assert_eq!(note, expected);
}

#[test]
fn serde_round_trip() {
    let (before, after) = reports();
    let p = Progress::between(&before, &after).unwrap();
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["nodes"][8]["status"], "newly_scored");
    assert_eq!(json["risks"][0]["status"], "resolved");
    let back: Progress = serde_json::from_value(json).unwrap();
    assert_eq!(back, p);
}

#[test]
fn the_tally_counts_each_status_per_node() {
    let (before, after) = reports();
    let members = [
        Progress::between(&before, &after).unwrap(),
        Progress::between(&after, &before).unwrap(),
        Progress::between(&after, &after).unwrap(),
    ];
    let t = ProgressTally::of(&members).unwrap();
    assert_eq!(t.members, 3);
    let counts = |id: &str| {
        let c = t.node(id).unwrap();
        (
            c.improved,
            c.regressed,
            c.unchanged,
            c.newly_scored,
            c.no_longer_scored,
            c.unscored,
        )
    };
    assert_eq!(counts("g1"), (1, 1, 1, 0, 0, 0));
    assert_eq!(counts("b"), (0, 0, 3, 0, 0, 0));
    // e: newly scored, no longer scored, unchanged (met both sides).
    assert_eq!(counts("e"), (0, 0, 1, 1, 1, 0));
    // k: no longer scored, newly scored, unscored (n/a both sides).
    assert_eq!(counts("k"), (0, 0, 0, 1, 1, 1));
    assert_eq!(counts("f"), (0, 0, 0, 0, 0, 3));
    let total = &t.total;
    assert_eq!(
        (total.improved, total.regressed, total.unchanged),
        (1, 1, 1)
    );
    let order: Vec<&str> = t.nodes.iter().map(|n| n.criterion.as_str()).collect();
    assert_eq!(
        order,
        ["g1", "a", "b", "g2", "c", "d", "g3", "h", "e", "k", "f"]
    );
    assert_eq!(ProgressTally::of(&[]).unwrap(), ProgressTally::default());
}

#[test]
fn the_tally_refuses_members_of_another_framework() {
    let (before, after) = reports();
    let two = framework("2.0.0");
    let other = Scorer::new(&two)
        .unwrap()
        .score(&assess(&two, &[]))
        .unwrap();
    let members = [
        Progress::between(&before, &after).unwrap(),
        Progress::between(&other, &other).unwrap(),
    ];
    let err = ProgressTally::of(&members).unwrap_err();
    assert_eq!(err.issues().len(), 1);
    assert_eq!(err.issues()[0].code(), "framework-mismatch");
    assert_eq!(err.issues()[0].path, "/1/framework");
}
