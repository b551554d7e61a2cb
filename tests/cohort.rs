#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Cohort statistics: a hand-checked cohort, 10,000 generated reports
//! against an independent computation, order independence, and merging
//! random partitions in random order (proptest).
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::cohort::{CohortState, CohortStats};
use assessment_model::{
    Assessment, Cohort, Framework, IssueKind, RatingValue, Report, Scorer, Subject, ValidationError,
};
use proptest::prelude::*;
use serde_json::json;

use RatingValue::{Level, Met, NotApplicable as Na, NotMet, Number};

fn framework() -> Framework {
    serde_json::from_str(
        r#"{
        "id": "cohort-fixture", "version": "1.0.0", "title": "Cohort fixture",
        "scales": {
            "imp": { "type": "ordinal", "levels": [
                { "id": "one", "value": 1, "label": "not important" },
                { "id": "two", "value": 2, "label": "important" },
                { "id": "three", "value": 3, "label": "very important" } ] },
            "tick": { "type": "binary" },
            "pct": { "type": "numeric", "min": 0, "max": 100 }
        },
        "rules": { "risk_below": 0.5 },
        "criteria": [
            { "id": "g1", "title": "G1", "critical": true, "children": [
                { "id": "a1", "title": "A1", "scale": "imp" },
                { "id": "a2", "title": "A2", "scale": "imp" },
                { "id": "a3", "title": "A3", "scale": "imp" } ] },
            { "id": "g2", "title": "G2", "critical": true, "children": [
                { "id": "b1", "title": "B1", "scale": "tick" },
                { "id": "b2", "title": "B2", "scale": "tick" } ] },
            { "id": "g3", "title": "G3", "children": [
                { "id": "c1", "title": "C1", "scale": "pct" } ] }
        ]
    }"#,
    )
    .unwrap()
}

/// The code and path of each issue, in order.
fn codes_paths(err: &ValidationError) -> Vec<(&'static str, &str)> {
    err.issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str()))
        .collect()
}

fn assessment(
    fw: &Framework,
    country: Option<&str>,
    ratings: &[(&str, RatingValue)],
) -> Assessment {
    let mut subject = Subject::new("P");
    if let Some(c) = country {
        subject.attributes.insert("country".into(), c.into());
    }
    let mut a = Assessment::new(fw.exact_ref(), subject);
    for (leaf, v) in ratings {
        a.rate(*leaf, v.clone()).unwrap();
    }
    a
}

fn close(got: Option<f64>, want: f64) -> bool {
    got.is_some_and(|g| (g - want).abs() < 1e-12)
}

/// Three members, computed by hand in the comments.
///
/// | member | a1 | a2 | a3 | b1 | b2 | c1 | country |
/// |--------|----|----|----|----|----|----|---------|
/// | m1 | 3 | 3 | 1 | met | met | 50 | FR |
/// | m2 | 1 | 1 | 1 | not | met | n/a | FR |
/// | m3 | 2 | - | n/a | not | not | 100 | - |
///
/// Scores: m1 g1 = 2/3, g2 = 1, g3 = .5, total 13/18; m2 g1 = 0, g2 = .5,
/// g3 n/a, total .25; m3 g1 = .5, g2 = 0, g3 = 1, total .5. Risks (critical
/// and below .5): m2 g1, m3 g2.
fn hand_cohort() -> Cohort {
    let fw = framework();
    let scorer = Scorer::new(&fw).unwrap();
    let mut cohort = Cohort::new(&scorer).with_grouping("country");
    let members = [
        assessment(
            &fw,
            Some("FR"),
            &[
                ("a1", Level(3.into())),
                ("a2", Level(3.into())),
                ("a3", Level(1.into())),
                ("b1", Met),
                ("b2", Met),
                ("c1", Number(50.0)),
            ],
        ),
        assessment(
            &fw,
            Some("FR"),
            &[
                ("a1", Level(1.into())),
                ("a2", Level(1.into())),
                ("a3", Level(1.into())),
                ("b1", NotMet),
                ("b2", Met),
                ("c1", Na),
            ],
        ),
        assessment(
            &fw,
            None,
            &[
                ("a1", Level(2.into())),
                ("a3", Na),
                ("b1", NotMet),
                ("b2", NotMet),
                ("c1", Number(100.0)),
            ],
        ),
    ];
    for m in &members {
        cohort.push_assessment(m).unwrap();
    }
    cohort
}

#[test]
fn hand_checked_statistics() {
    let cohort = hand_cohort();
    let s = cohort.stats();
    assert_eq!(s.members, 3);

    let g1 = &s.nodes["g1"];
    assert_eq!(g1.scored, 3);
    assert!(close(g1.mean, 7.0 / 18.0));
    assert_eq!(g1.median, Some(0.5));
    assert_eq!(g1.min, Some(0.0));
    assert!(close(g1.max, 2.0 / 3.0));
    // Deviations 5/18, -7/18, 2/18: variance 78/324/2, sd sqrt(39)/18.
    assert!(close(g1.std_dev, 39f64.sqrt() / 18.0));
    // Units (1-3): 7/3, 1, 2.
    assert!(close(g1.mean_in_units, 16.0 / 9.0));
    assert_eq!(g1.risks, 1);
    assert!(close(g1.risk_share, 1.0 / 3.0));

    let g3 = &s.nodes["g3"];
    assert_eq!(g3.scored, 2);
    assert!(close(g3.mean, 0.75));
    assert!(close(g3.median, 0.75));
    assert!(close(g3.std_dev, 0.125f64.sqrt()));
    assert!(close(g3.mean_in_units, 75.0));

    let counts = |id: &str| -> Vec<(RatingValue, u64)> {
        s.nodes[id]
            .distribution
            .iter()
            .map(|l| (l.value.clone(), l.count))
            .collect()
    };
    assert_eq!(
        counts("a1"),
        [
            (Level(1.into()), 1),
            (Level(2.into()), 1),
            (Level(3.into()), 1)
        ]
    );
    assert_eq!(
        counts("a2"),
        [
            (Level(1.into()), 1),
            (Level(2.into()), 0),
            (Level(3.into()), 1)
        ]
    );
    assert_eq!(
        counts("a3"),
        [
            (Level(1.into()), 2),
            (Level(2.into()), 0),
            (Level(3.into()), 0)
        ]
    );
    assert_eq!(s.nodes["a3"].not_applicable, 1);
    assert_eq!(s.nodes["a2"].scored, 2);
    assert_eq!(counts("b1"), [(NotMet, 2), (Met, 1)]);
    assert!(counts("c1").is_empty());
    assert_eq!(s.nodes["c1"].not_applicable, 1);
    assert!(counts("g1").is_empty());

    // Total: 13/18, 1/4, 1/2; two members have some risk.
    assert!(close(s.total.mean, (13.0 / 18.0 + 0.25 + 0.5) / 3.0));
    assert_eq!(s.total.median, Some(0.5));
    assert_eq!(s.total.risks, 2);
    // A single value has no sample standard deviation.
    let groups = cohort.stats_by("country").unwrap();
    let keys: Vec<&str> = groups.keys().map(String::as_str).collect();
    assert_eq!(keys, ["FR", Cohort::UNSPECIFIED]);
    assert!(close(groups["FR"].nodes["g1"].mean, 1.0 / 3.0));
    assert_eq!(groups["FR"].members, 2);
    assert_eq!(groups[Cohort::UNSPECIFIED].nodes["g1"].mean, Some(0.5));
    assert_eq!(groups[Cohort::UNSPECIFIED].nodes["g1"].std_dev, None);
    assert!(cohort.stats_by("theme").is_none());
}

#[test]
fn weakest_and_common_risks() {
    let cohort = hand_cohort();
    // Means: a3 0, b1 1/3, g1 7/18, then a1, a2, g2 at 1/2.
    let weakest: Vec<(String, u64)> = cohort
        .weakest(5)
        .into_iter()
        .map(|w| (w.criterion.to_string(), w.risks))
        .collect();
    assert_eq!(
        weakest,
        [
            ("a3".into(), 0),
            ("b1".into(), 0),
            ("g1".into(), 1),
            ("a1".into(), 0),
            ("a2".into(), 0)
        ]
    );
    let risks: Vec<(String, u64)> = cohort
        .common_risks(0.3)
        .unwrap()
        .into_iter()
        .map(|r| (r.criterion.to_string(), r.members))
        .collect();
    assert_eq!(risks, [("g1".into(), 1), ("g2".into(), 1)]);
    assert!(cohort.common_risks(0.5).unwrap().is_empty());
    for (share, text) in [(1.5, "1.5"), (-0.25, "-0.25"), (f64::NAN, "NaN")] {
        let err = cohort.common_risks(share).unwrap_err();
        assert_eq!(
            codes_paths(&err),
            [("threshold-out-of-range", "/min_share")]
        );
        assert_eq!(
            err.issues()[0].kind,
            IssueKind::ThresholdOutOfRange { value: text.into() }
        );
    }
}

#[test]
fn bad_reports_are_refused_and_change_nothing() {
    let fw = framework();
    let scorer = Scorer::new(&fw).unwrap();
    let mut cohort = Cohort::new(&scorer);
    let report = scorer
        .score(&assessment(&fw, None, &[("a1", Level(3.into()))]))
        .unwrap();
    let mut json = serde_json::to_value(&report).unwrap();
    json["nodes"][1]["score"] = json!(1.5);
    // A report document is checked as it is read back.
    let err = scorer
        .read_report(serde_json::from_value(json).unwrap())
        .unwrap_err();
    assert_eq!(codes_paths(&err), [("invalid-report", "/nodes/1/score")]);
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::InvalidReport {
            reason: "score 1.5 is not in [0, 1]".into()
        }
    );
    assert_eq!(cohort.members(), 0);

    // Node 1 is leaf a1 (ordinal 1-3): a level 7 or a tick is not on it.
    for bad in [json!({ "level": 7 }), json!("met")] {
        let mut json = serde_json::to_value(&report).unwrap();
        json["nodes"][1]["rating"] = bad;
        // A report document is checked as it is read back.
        let err = scorer
            .read_report(serde_json::from_value(json).unwrap())
            .unwrap_err();
        assert_eq!(codes_paths(&err), [("invalid-report", "/nodes/1/rating")]);
    }
    // Node 0 is group g1: it has no rating.
    let mut json = serde_json::to_value(&report).unwrap();
    json["nodes"][0]["rating"] = json!({ "level": 2 });
    // A report document is checked as it is read back.
    let err = scorer
        .read_report(serde_json::from_value(json).unwrap())
        .unwrap_err();
    assert_eq!(codes_paths(&err), [("invalid-report", "/nodes/0/rating")]);
    assert_eq!(cohort.members(), 0);

    let mut other = fw.clone();
    other.version = semver::Version::new(2, 0, 0);
    let other_scorer = Scorer::new(&other).unwrap();
    let foreign = other_scorer
        .score(&Assessment::new(other.exact_ref(), Subject::new("P")))
        .unwrap();
    // The same code, path and message form as the scorer's: the report
    // requires exactly its framework's version.
    let err = cohort.push(&foreign).unwrap_err();
    assert_eq!(codes_paths(&err), [("framework-mismatch", "/framework")]);
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::FrameworkMismatch {
            required: "cohort-fixture =2.0.0".into(),
            found: "cohort-fixture 1.0.0".into(),
        }
    );
    assert_eq!(
        err.to_string(),
        "1 error(s)\n  error [framework-mismatch] at /framework: \
         requires cohort-fixture =2.0.0, but the framework is cohort-fixture 1.0.0"
    );
    let theirs = Cohort::new(&other_scorer);
    let err = cohort.merge(&theirs).unwrap_err();
    assert_eq!(codes_paths(&err), [("framework-mismatch", "/framework")]);
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::FrameworkMismatch {
            required: "cohort-fixture =2.0.0".into(),
            found: "cohort-fixture 1.0.0".into(),
        }
    );
    // Same id and version, other nodes: the other's accumulators do not fit.
    let mut fewer = fw.clone();
    fewer.criteria.pop();
    let err = cohort
        .merge(&Cohort::new(&Scorer::new(&fewer).unwrap()))
        .unwrap_err();
    assert_eq!(codes_paths(&err), [("invalid-state", "/all")]);
    let grouped = Cohort::new(&scorer).with_grouping("country");
    let err = cohort.merge(&grouped).unwrap_err();
    assert_eq!(codes_paths(&err), [("grouping-mismatch", "/groups")]);
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::GroupingMismatch {
            expected: vec![],
            found: vec!["country".into()],
        }
    );
    // The scorer's issues, paths into the assessment.
    let err = cohort
        .push_assessment(&assessment(&fw, None, &[("a1", Level(9.into()))]))
        .unwrap_err();
    assert_eq!(
        codes_paths(&err),
        [("rating-off-scale", "/ratings/a1/value")]
    );
    assert_eq!(cohort.members(), 0);
}

/// A tiny LCG (Knuth's MMIX constants): deterministic data, no rand crate.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }
}

fn generated(n: usize, seed: u64) -> Vec<Report> {
    let fw = framework();
    let scorer = Scorer::new(&fw).unwrap();
    let mut rng = Lcg(seed);
    (0..n)
        .map(|_| {
            let country = match rng.next() % 4 {
                0 => Some("FR"),
                1 => Some("DE"),
                2 => Some("SE"),
                _ => None,
            };
            let mut ratings = Vec::new();
            for leaf in ["a1", "a2", "a3", "b1", "b2", "c1"] {
                let r = rng.next() % 10;
                if r == 0 {
                    continue; // unrated
                }
                if r == 1 {
                    ratings.push((leaf, Na));
                    continue;
                }
                let v = match leaf {
                    "b1" | "b2" => {
                        if rng.next() % 2 == 0 {
                            Met
                        } else {
                            NotMet
                        }
                    }
                    "c1" => Number(f64::from(rng.next() % 10_001) / 100.0),
                    _ => Level((1 + (rng.next() % 3) as i32).into()),
                };
                ratings.push((leaf, v));
            }
            scorer.score(&assessment(&fw, country, &ratings)).unwrap()
        })
        .collect()
}

/// The reference: plain sums, a sorted median and a two-pass variance over
/// the scores the reports give.
fn reference(
    reports: &[&Report],
    id: Option<&str>,
) -> (usize, Option<f64>, Option<f64>, Option<f64>) {
    let mut xs: Vec<f64> = reports
        .iter()
        .filter_map(|r| match id {
            Some(id) => r.node(id).and_then(|n| n.score()),
            None => r.total().score(),
        })
        .collect();
    if xs.is_empty() {
        return (0, None, None, None);
    }
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    let mean = xs.iter().sum::<f64>() / n as f64;
    let median = if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    };
    let sd = (n >= 2)
        .then(|| (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt());
    (n, Some(mean), Some(median), sd)
}

fn check_against_reference(stats: &CohortStats, reports: &[&Report]) {
    assert_eq!(stats.members, reports.len() as u64);
    let fw = framework();
    let ids: Vec<Option<String>> = std::iter::once(None)
        .chain(fw.walk().map(|(_, c)| Some(c.id.to_string())))
        .collect();
    for id in &ids {
        let node = match id {
            Some(id) => &stats.nodes[id.as_str()],
            None => &stats.total,
        };
        let (n, mean, median, sd) = reference(reports, id.as_deref());
        assert_eq!(node.scored, n as u64, "{id:?}");
        let near = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-12,
            (None, None) => true,
            _ => false,
        };
        assert!(
            near(node.mean, mean),
            "{id:?} mean {:?} {mean:?}",
            node.mean
        );
        assert!(near(node.median, median), "{id:?} median");
        assert!(
            near(node.std_dev, sd),
            "{id:?} sd {:?} {sd:?}",
            node.std_dev
        );
    }
}

#[test]
fn ten_thousand_reports_match_an_independent_computation() {
    let reports = generated(10_000, 7);
    let scorer = Scorer::new(&framework()).unwrap();
    let mut cohort = Cohort::new(&scorer).with_grouping("country");
    for r in &reports {
        cohort.push(r).unwrap();
    }
    let all: Vec<&Report> = reports.iter().collect();
    check_against_reference(&cohort.stats(), &all);

    // Per group, with the reference computed over that group's reports.
    let groups = cohort.stats_by("country").unwrap();
    let keys: Vec<&str> = groups.keys().map(String::as_str).collect();
    assert_eq!(keys, ["DE", "FR", "SE", Cohort::UNSPECIFIED]);
    for (key, stats) in &groups {
        let members: Vec<&Report> = reports
            .iter()
            .filter(|r| {
                r.subject()
                    .attributes
                    .get("country")
                    .map_or(Cohort::UNSPECIFIED, String::as_str)
                    == key
            })
            .collect();
        check_against_reference(stats, &members);
    }
    let total: u64 = groups.values().map(|g| g.members).sum();
    assert_eq!(total, 10_000);

    // Risk counts and level distributions against direct counts.
    let stats = cohort.stats();
    for id in ["g1", "g2"] {
        let risks = reports
            .iter()
            .filter(|r| r.risks().iter().any(|f| f.criterion == id))
            .count();
        assert_eq!(stats.nodes[id].risks, risks as u64);
    }
    let met = reports
        .iter()
        .filter(|r| r.node("b1").and_then(|n| n.rating()) == Some(&Met))
        .count();
    assert_eq!(stats.nodes["b1"].distribution[1].count, met as u64);
}

#[test]
fn push_order_does_not_matter() {
    let reports = generated(2_000, 11);
    let scorer = Scorer::new(&framework()).unwrap();
    let mut forward = Cohort::new(&scorer).with_grouping("country");
    let mut backward = Cohort::new(&scorer).with_grouping("country");
    for r in &reports {
        forward.push(r).unwrap();
    }
    for r in reports.iter().rev() {
        backward.push(r).unwrap();
    }
    assert_equivalent(&forward.stats(), &backward.stats());
    assert_eq!(
        forward
            .stats_by("country")
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        backward
            .stats_by("country")
            .unwrap()
            .keys()
            .collect::<Vec<_>>()
    );
}

/// Equal, except means and standard deviations within 1e-12.
fn assert_equivalent(a: &CohortStats, b: &CohortStats) {
    assert_eq!(a.members, b.members);
    let pairs = std::iter::once((&a.total, &b.total)).chain(a.nodes.values().zip(b.nodes.values()));
    for (x, y) in pairs {
        assert_eq!(
            (x.scored, x.median, x.min, x.max),
            (y.scored, y.median, y.min, y.max)
        );
        assert_eq!(
            (x.risks, x.not_applicable, &x.distribution),
            (y.risks, y.not_applicable, &y.distribution)
        );
        for (p, q) in [
            (x.mean, y.mean),
            (x.std_dev, y.std_dev),
            (x.mean_in_units, y.mean_in_units),
        ] {
            match (p, q) {
                (Some(p), Some(q)) => assert!((p - q).abs() < 1e-12, "{p} {q}"),
                (p, q) => assert_eq!(p, q),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Random partitions, one cohort each, merged in random order (and with
    /// random association), equal one cohort fed everything.
    #[test]
    fn merging_partitions_equals_one_cohort(
        seed in any::<u64>(),
        n in 0usize..300,
        parts in 1usize..8,
        assignment in proptest::collection::vec(any::<u8>(), 300),
        order in any::<u64>(),
    ) {
        let reports = generated(n, seed);
        let scorer = Scorer::new(&framework()).unwrap();
        let mut whole = Cohort::new(&scorer).with_grouping("country");
        let mut partitions: Vec<Cohort> =
            (0..parts).map(|_| Cohort::new(&scorer).with_grouping("country")).collect();
        for (i, r) in reports.iter().enumerate() {
            whole.push(r).unwrap();
            partitions[usize::from(assignment[i]) % parts].push(r).unwrap();
        }
        // Merge in a random order: repeatedly pick two cohorts, merge one
        // into the other (random association as well as order).
        let mut rng = Lcg(order);
        while partitions.len() > 1 {
            let i = rng.next() as usize % partitions.len();
            let taken = partitions.swap_remove(i);
            let j = rng.next() as usize % partitions.len();
            if rng.next() % 2 == 0 {
                partitions[j].merge(&taken).unwrap();
            } else {
                let mut left = taken;
                left.merge(&partitions[j]).unwrap();
                partitions[j] = left;
            }
        }
        let merged = partitions.pop().unwrap();
        assert_equivalent(&merged.stats(), &whole.stats());
        let (gm, gw) = (merged.stats_by("country").unwrap(), whole.stats_by("country").unwrap());
        prop_assert_eq!(gm.keys().collect::<Vec<_>>(), gw.keys().collect::<Vec<_>>());
        for (a, b) in gm.values().zip(gw.values()) {
            assert_equivalent(a, b);
        }
    }
}

#[test]
fn state_ships_through_json_and_merges() {
    let reports = generated(600, 3);
    let scorer = Scorer::new(&framework()).unwrap();
    let mut whole = Cohort::new(&scorer).with_grouping("country");
    let mut left = Cohort::new(&scorer).with_grouping("country");
    let mut right = Cohort::new(&scorer).with_grouping("country");
    for (i, r) in reports.iter().enumerate() {
        whole.push(r).unwrap();
        if i % 3 == 0 { &mut left } else { &mut right }
            .push(r)
            .unwrap();
    }
    let shipped = serde_json::to_string(&right.state()).unwrap();
    let state: CohortState = serde_json::from_str(&shipped).unwrap();
    let rebuilt = Cohort::from_state(&scorer, state).unwrap();
    assert_equivalent(&rebuilt.stats(), &right.stats());
    left.merge(&rebuilt).unwrap();
    assert_equivalent(&left.stats(), &whole.stats());
    let (a, b) = (
        left.stats_by("country").unwrap(),
        whole.stats_by("country").unwrap(),
    );
    for (x, y) in a.values().zip(b.values()) {
        assert_equivalent(x, y);
    }
}

#[test]
fn tampered_states_are_refused() {
    let reports = generated(50, 5);
    let scorer = Scorer::new(&framework()).unwrap();
    let mut cohort = Cohort::new(&scorer).with_grouping("country");
    for r in &reports {
        cohort.push(r).unwrap();
    }
    let good = serde_json::to_value(cohort.state()).unwrap();
    let rebuild = |doc: serde_json::Value| -> Result<Cohort, String> {
        let state: CohortState = serde_json::from_value(doc).map_err(|e| e.to_string())?;
        Cohort::from_state(&scorer, state).map_err(|e| e.to_string())
    };
    let refused = |doc: serde_json::Value| -> Vec<(String, String)> {
        let state: CohortState = serde_json::from_value(doc).unwrap();
        let err = Cohort::from_state(&scorer, state).unwrap_err();
        codes_paths(&err)
            .into_iter()
            .map(|(c, p)| (c.to_owned(), p.to_owned()))
            .collect()
    };
    let one = |code: &str, path: &str| vec![(code.to_owned(), path.to_owned())];
    assert!(rebuild(good.clone()).is_ok());

    // A score outside [0, 1]: refused by the parser.
    let mut doc = good.clone();
    doc["all"]["nodes"][1]["scores"][0] = json!(1.5);
    assert!(rebuild(doc).unwrap_err().contains("1.5 is not a score"));
    // More level counts than members.
    let mut doc = good.clone();
    doc["all"]["nodes"][1]["levels"][0] = json!(1_000);
    assert_eq!(refused(doc), one("invalid-state", "/all"));
    // A level missing.
    let mut doc = good.clone();
    doc["all"]["nodes"][1]["levels"] = json!([1, 2]);
    assert_eq!(refused(doc), one("invalid-state", "/all"));
    // A group whose level counts exceed its members.
    let mut doc = good.clone();
    doc["groups"]["country"]["FR"]["nodes"][1]["levels"][0] = json!(1_000);
    assert_eq!(refused(doc), one("invalid-state", "/groups/country/FR"));
    // Groups that do not add up to the cohort.
    let mut doc = good.clone();
    doc["groups"]["country"]
        .as_object_mut()
        .unwrap()
        .remove("FR");
    assert_eq!(refused(doc), one("invalid-state", "/groups/country"));
    // Another version.
    let mut doc = good.clone();
    doc["version"] = json!("2.0.0");
    let state: CohortState = serde_json::from_value(doc).unwrap();
    let err = Cohort::from_state(&scorer, state).unwrap_err();
    assert_eq!(codes_paths(&err), [("framework-mismatch", "/framework")]);
    assert_eq!(
        err.issues()[0].kind,
        IssueKind::FrameworkMismatch {
            required: "cohort-fixture =2.0.0".into(),
            found: "cohort-fixture 1.0.0".into(),
        }
    );
    // A misspelt field.
    let mut doc = good;
    doc["al"] = json!(null);
    assert!(rebuild(doc).is_err());
}

/// The statistics of one node as the accumulator of earlier versions gave
/// them, which kept every score: the scores sorted by `f64::total_cmp`,
/// Welford's update over the sorted scores for mean and deviation, the
/// middle score (or the halves of the two middle ones added) for the
/// median. As bits: (scored, mean, median, min, max, std_dev).
type Bits = (
    u64,
    Option<u64>,
    Option<u64>,
    Option<u64>,
    Option<u64>,
    Option<u64>,
);

fn old_statistics(mut xs: Vec<f64>) -> Bits {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n == 0 {
        return (0, None, None, None, None, None);
    }
    let (mut count, mut mean, mut m2) = (0u64, 0.0f64, 0.0f64);
    for &x in &xs {
        count += 1;
        let delta = x - mean;
        mean += delta / count as f64;
        m2 += delta * (x - mean);
    }
    let median = if n % 2 == 1 {
        xs[n / 2]
    } else {
        xs[n / 2 - 1] / 2.0 + xs[n / 2] / 2.0
    };
    let sd = (n >= 2).then(|| (m2.max(0.0) / (count as f64 - 1.0)).sqrt());
    (
        n as u64,
        Some(mean.to_bits()),
        Some(median.to_bits()),
        Some(xs[0].to_bits()),
        Some(xs[n - 1].to_bits()),
        sd.map(f64::to_bits),
    )
}

fn bits(s: &assessment_model::cohort::NodeStats) -> Bits {
    let b = |x: Option<f64>| x.map(f64::to_bits);
    (
        s.scored,
        b(s.mean),
        b(s.median),
        b(s.min),
        b(s.max),
        b(s.std_dev),
    )
}

/// Every node's statistics (and the total's) are, bit for bit, those of
/// the scores sorted and summed in the test.
fn assert_bit_identical(stats: &CohortStats, reports: &[&Report], ids: &[String]) {
    assert_eq!(stats.members, reports.len() as u64);
    let total: Vec<f64> = reports.iter().filter_map(|r| r.total().score()).collect();
    assert_eq!(bits(&stats.total), old_statistics(total), "total");
    for id in ids {
        let scores: Vec<f64> = reports
            .iter()
            .filter_map(|r| r.node(id).and_then(|n| n.score()))
            .collect();
        assert_eq!(
            bits(&stats.nodes[id.as_str()]),
            old_statistics(scores),
            "{id}"
        );
    }
}

/// A cohort's statistics and its groups', bit for bit against the scores
/// sorted in the test; then the same for a cohort merged from parts and
/// for a cohort rebuilt from its state, in the form written now and in the
/// form of earlier versions (every score listed, in push order).
fn check_bit_identical(fw: &Framework, reports: &[Report]) {
    let scorer = Scorer::new(fw).unwrap();
    let ids: Vec<String> = fw.walk().map(|(_, c)| c.id.to_string()).collect();
    let group = |r: &Report| {
        r.subject()
            .attributes
            .get("country")
            .map_or(Cohort::UNSPECIFIED, String::as_str)
            .to_owned()
    };
    let check = |cohort: &Cohort| {
        let all: Vec<&Report> = reports.iter().collect();
        assert_bit_identical(&cohort.stats(), &all, &ids);
        for (key, stats) in cohort.stats_by("country").unwrap() {
            let members: Vec<&Report> = reports.iter().filter(|r| group(r) == key).collect();
            assert_bit_identical(&stats, &members, &ids);
        }
    };
    let mut whole = Cohort::new(&scorer).with_grouping("country");
    let mut parts: Vec<Cohort> = (0..3)
        .map(|_| Cohort::new(&scorer).with_grouping("country"))
        .collect();
    for (i, r) in reports.iter().enumerate() {
        whole.push(r).unwrap();
        // Uneven parts, so some hold their scores counted and some listed.
        parts[[0, 1, 1, 2, 2, 2, 2][i % 7]].push(r).unwrap();
    }
    check(&whole);
    let mut merged = parts.pop().unwrap();
    for part in &parts {
        merged.merge(part).unwrap();
    }
    check(&merged);

    let state = serde_json::to_value(whole.state()).unwrap();
    let read = |doc: serde_json::Value| {
        let state: CohortState = serde_json::from_value(doc).unwrap();
        Cohort::from_state(&scorer, state).unwrap()
    };
    check(&read(state.clone()));
    // The form of earlier versions: each score once per member.
    let mut old = state;
    expand_scores(&mut old);
    check(&read(old));
}

/// Rewrites every `scores` list of a state into the form of earlier
/// versions, every `[score, count]` pair as `count` bare scores, the
/// scores reversed (no order is assumed).
fn expand_scores(doc: &mut serde_json::Value) {
    match doc {
        serde_json::Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if key == "scores" {
                    let mut flat = Vec::new();
                    for item in value.as_array().unwrap() {
                        match item.as_array() {
                            Some(pair) => {
                                let n = pair[1].as_u64().unwrap();
                                flat.extend((0..n).map(|_| pair[0].clone()));
                            }
                            None => flat.push(item.clone()),
                        }
                    }
                    flat.reverse();
                    *value = serde_json::Value::Array(flat);
                } else {
                    expand_scores(value);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(expand_scores),
        _ => {}
    }
}

#[test]
fn statistics_are_those_of_every_score_kept() {
    // The fixture: ordinal, binary and numeric leaves (the numeric leaf's
    // scores mostly distinct, so its accumulators list them).
    check_bit_identical(&framework(), &generated(3_000, 17));

    // Good-practice criteria, with random ratings as a portfolio's are.
    let fw = assessment_model::catalog::good_practice::criteria();
    let scorer = Scorer::new(&fw).unwrap();
    let leaves: Vec<String> = fw.leaves().map(|c| c.id.to_string()).collect();
    let mut rng = Lcg(29);
    let reports: Vec<Report> = (0..3_000)
        .map(|_| {
            let mut subject = Subject::new("P");
            let country = ["FR", "DE", "SE", "IT"][(rng.next() % 4) as usize];
            subject.attributes.insert("country".into(), country.into());
            let mut a = Assessment::new(fw.exact_ref(), subject);
            for leaf in &leaves {
                let value = match rng.next() % 100 {
                    0..85 => Met,
                    85..95 => NotMet,
                    95..99 => continue,
                    _ => Na,
                };
                a.rate(leaf, value).unwrap();
            }
            scorer.score(&a).unwrap()
        })
        .collect();
    check_bit_identical(&fw, &reports);
}

/// A state counts a score given by many members in one pair, and merging
/// it adds the count, never spelling out the members one by one (the
/// cohort it joins lists its numeric leaf's scores, which mostly differ).
#[test]
fn many_members_with_one_score_take_one_pair() {
    let fw = framework();
    let scorer = Scorer::new(&fw).unwrap();
    let c1 = fw.walk().position(|(_, c)| c.id.as_str() == "c1").unwrap();
    let huge: u64 = 1_000_000_000_000;
    let mut doc = serde_json::to_value(Cohort::new(&scorer).state()).unwrap();
    doc["all"]["members"] = json!(huge);
    doc["all"]["nodes"][c1]["scores"] = json!([[0.5, huge]]);
    let many = Cohort::from_state(&scorer, serde_json::from_value(doc).unwrap()).unwrap();
    let stats = many.stats();
    assert_eq!(stats.nodes["c1"].scored, huge);
    assert_eq!(stats.nodes["c1"].median, Some(0.5));
    assert_eq!(stats.nodes["c1"].mean, Some(0.5));
    assert_eq!(stats.nodes["c1"].std_dev, Some(0.0));
    assert!(serde_json::to_string(&many.state()).unwrap().len() < 2_000);

    let reports = generated(500, 23);
    let mut cohort = Cohort::new(&scorer);
    for r in &reports {
        cohort.push(r).unwrap();
    }
    let before = serde_json::to_value(cohort.state()).unwrap();
    let distinct = before["all"]["nodes"][c1]["scores"]
        .as_array()
        .unwrap()
        .len();
    cohort.merge(&many).unwrap();
    assert_eq!(cohort.members(), 500 + huge);
    let after = serde_json::to_value(cohort.state()).unwrap();
    let scores = after["all"]["nodes"][c1]["scores"].as_array().unwrap();
    assert!(scores.len() <= distinct + 1);
    assert!(scores.iter().any(|item| {
        item.as_array()
            .is_some_and(|pair| pair[0] == json!(0.5) && pair[1].as_u64() >= Some(huge))
    }));
}
