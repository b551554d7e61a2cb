#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Properties of `Mapping::translate` on random mappings and assessments:
//! nothing is dropped silently, identity is the identity (ratings, evidence,
//! notes, narratives and findings, on leaves and groups), every carried
//! rating is on its target's scale, and a group's narrative or finding
//! lands where the rule says.
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::collections::HashSet;

use assessment_model::mapping::{MappingEntry, Relation};
use assessment_model::model::{DeclaredFinding, EvidenceKind, FindingKind};
use assessment_model::{
    Assessment, Criterion, Evidence, Framework, Id, Mapping, RatingValue, Scorer, Subject,
};
use proptest::prelude::*;

const SCALES: [&str; 3] = ["tick", "three", "pct"];

fn framework(id: &str, leaves: &[u8]) -> Framework {
    let criteria: Vec<serde_json::Value> = leaves
        .iter()
        .enumerate()
        .map(|(i, s)| {
            serde_json::json!({ "id": format!("l{i}"), "title": "L", "scale": SCALES[usize::from(s % 3)] })
        })
        .collect();
    serde_json::from_value(serde_json::json!({
        "id": id, "version": "1.0.0", "title": "F",
        "scales": {
            "tick": { "type": "binary" },
            "three": { "type": "ordinal", "levels": [
                { "id": "a", "value": 1, "label": "a" },
                { "id": "b", "value": 2, "label": "b" },
                { "id": "c", "value": 3, "label": "c" } ] },
            "pct": { "type": "numeric", "min": 0.0, "max": 100.0 }
        },
        "criteria": criteria
    }))
    .unwrap()
}

/// A value on scale `s` chosen by `k`, or not applicable.
fn value(s: u8, k: u8) -> RatingValue {
    if k % 7 == 0 {
        return RatingValue::NotApplicable;
    }
    match s % 3 {
        0 => {
            if k % 2 == 0 {
                RatingValue::Met
            } else {
                RatingValue::NotMet
            }
        }
        1 => RatingValue::Level((i32::from(k % 3) + 1).into()),
        _ => RatingValue::Number(f64::from(k % 101)),
    }
}

fn id(s: String) -> Id {
    Id::new(s).unwrap()
}

proptest! {
    #[test]
    fn nothing_is_dropped_silently(
        src in prop::collection::vec(any::<u8>(), 1..10),
        tgt in prop::collection::vec(any::<u8>(), 1..10),
        entries in prop::collection::vec((prop::collection::vec(any::<usize>(), 1..4), any::<u8>()), 0..10),
        ratings in prop::collection::vec((any::<usize>(), any::<u8>()), 0..10),
    ) {
        let from = framework("src", &src);
        let to = framework("tgt", &tgt);
        let mut seen = HashSet::new();
        let entries: Vec<MappingEntry> = entries
            .into_iter()
            .enumerate()
            .filter_map(|(i, (sources, r))| {
                let target = i % tgt.len();
                seen.insert(target).then(|| MappingEntry::new(sources.iter().map(|s| id(format!("l{}", s % src.len()))).collect(), id(format!("l{target}")), [Relation::Equivalent, Relation::Subset, Relation::Superset, Relation::Intersects][usize::from(r % 4)], "random"))
            })
            .collect();
        let mapping = {
 let mut built = Mapping::new(id("m".into()), "M", from.compatible_ref(), to.compatible_ref());
 built.entries = entries;
 built
};
        let mut a = Assessment::new(from.exact_ref(), Subject::new("S"));
        for (leaf, k) in ratings {
            let leaf = leaf % src.len();
            a.rate(id(format!("l{leaf}")), value(src[leaf], k)).unwrap();
        }
        let t = mapping.translate(&a, &from, &to).unwrap();
        // Every source rating is carried or listed, never both.
        let carried: HashSet<&str> = t.carried.iter().flat_map(|c| c.from.iter().map(Id::as_str)).collect();
        let listed: Vec<&str> = t.not_carried.iter().map(|n| n.from.as_str()).collect();
        prop_assert_eq!(listed.iter().copied().collect::<HashSet<_>>().len(), listed.len());
        for rated in a.ratings.keys() {
            prop_assert!(carried.contains(rated.as_str()) ^ listed.contains(&rated.as_str()), "{}", rated);
        }
        // Every target leaf is rated or listed as unrated, never both.
        let unrated: HashSet<&str> = t.unrated.iter().map(|u| u.id.as_str()).collect();
        for leaf in to.leaves() {
            prop_assert!(t.assessment.ratings.contains_key(&leaf.id) ^ unrated.contains(leaf.id.as_str()));
        }
        // The new assessment is valid against the target: every rating on
        // its leaf's scale.
        for (leaf, rating) in &t.assessment.ratings {
            let scale = &to.scales[to.criterion(leaf.as_str()).unwrap().scale.as_ref().unwrap()];
            prop_assert!(rating.value == RatingValue::NotApplicable || scale.normalise(&rating.value).is_some());
        }
        prop_assert!(Scorer::new(&from).unwrap().validate(&a).is_ok());
        let on_target = Scorer::new(&to).unwrap().validate(&t.assessment);
        prop_assert!(on_target.is_ok(), "{:?}", on_target);
    }
}

/// A framework whose tree is `shape` in pre-order: criterion `c{i}` goes
/// one level below the one before for `0`, beside it for `1`, and `k − 1`
/// levels up (at most to the top) for `k ≥ 2`; at most six levels deep.
/// Criteria with children are groups; the others are leaves on the scale
/// chosen by their byte. Groups with one child (chains) are common.
fn nested(id: &str, shape: &[(u8, u8)]) -> Framework {
    let mut depth: Vec<usize> = Vec::with_capacity(shape.len());
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(shape.len());
    let mut chain: Vec<usize> = Vec::new();
    for (i, (step, _)) in shape.iter().enumerate() {
        let d: usize = match (i, step) {
            (0, _) => 1,
            (_, 0) => (depth[i - 1] + 1).min(6),
            (_, 1) => depth[i - 1],
            (_, k) => depth[i - 1].saturating_sub(usize::from(*k) - 1).max(1),
        };
        chain.truncate(d - 1);
        parent.push(chain.last().copied());
        chain.push(i);
        depth.push(d);
    }
    fn build(i: usize, shape: &[(u8, u8)], parent: &[Option<usize>]) -> serde_json::Value {
        let children: Vec<serde_json::Value> = (0..shape.len())
            .filter(|&c| parent[c] == Some(i))
            .map(|c| build(c, shape, parent))
            .collect();
        if children.is_empty() {
            let scale = SCALES[usize::from(shape[i].1 % 3)];
            serde_json::json!({ "id": format!("c{i}"), "title": "L", "scale": scale })
        } else {
            serde_json::json!({ "id": format!("c{i}"), "title": "G", "children": children })
        }
    }
    let criteria: Vec<serde_json::Value> = (0..shape.len())
        .filter(|&i| parent[i].is_none())
        .map(|i| build(i, shape, &parent))
        .collect();
    let mut f = framework(id, &[0]);
    f.criteria = serde_json::from_value(serde_json::Value::Array(criteria)).unwrap();
    f
}

/// Every criterion of `framework`, in definition order.
fn all(framework: &Framework) -> Vec<&Criterion> {
    framework.walk().map(|(_, c)| c).collect()
}

/// The scale byte of `leaf` (its scale's place in `SCALES`).
fn scale_of(leaf: &Criterion) -> u8 {
    let scale = leaf.scale.as_ref().unwrap();
    SCALES.iter().position(|s| scale == s).unwrap() as u8
}

/// An assessment of `f` with ratings (evidence and notes chosen by their
/// byte), narratives on any criterion and findings about any criterion or
/// none; every text is distinct.
fn annotated(
    f: &Framework,
    ratings: &[(usize, u8)],
    narratives: &[usize],
    findings: &[(usize, u8)],
) -> Assessment {
    let leaves: Vec<&Criterion> = f.leaves().collect();
    let criteria = all(f);
    let mut a = Assessment::new(f.compatible_ref(), Subject::new("S"));
    for &(leaf, k) in ratings {
        let leaf = leaves[leaf % leaves.len()];
        a.rate(&leaf.id, value(scale_of(leaf), k)).unwrap();
        let rating = a.ratings.get_mut(&leaf.id).unwrap();
        if k % 3 == 0 {
            rating.note = Some(format!("note {k}"));
        }
        if k % 5 == 0 {
            let evidence = Evidence::new(EvidenceKind::Observation, format!("evidence {k}"));
            rating.evidence.push(evidence);
        }
    }
    for &c in narratives {
        let c = criteria[c % criteria.len()];
        a.narratives
            .insert(c.id.clone(), format!("narrative of {}.", c.id));
    }
    for (i, &(c, k)) in findings.iter().enumerate() {
        let kind = if k % 2 == 0 {
            FindingKind::Risk
        } else {
            FindingKind::Strength
        };
        let mut finding = DeclaredFinding::new(kind, format!("finding {i}"));
        finding.criterion = (k % 5 != 0).then(|| criteria[c % criteria.len()].id.clone());
        a.findings.push(finding);
    }
    a
}

/// The leaves of criterion `c` (itself when it is one).
fn leaves_of(c: &Criterion) -> Vec<&Criterion> {
    let mut out = Vec::new();
    let mut stack = vec![c];
    while let Some(c) = stack.pop() {
        if c.is_leaf() {
            out.push(c);
        }
        stack.extend(c.children.iter());
    }
    out
}

/// Whether criterion `outer` is, or contains, the criterion `inner`.
fn holds(outer: &Criterion, inner: &str) -> bool {
    let mut stack = vec![outer];
    while let Some(c) = stack.pop() {
        if c.id == inner {
            return true;
        }
        stack.extend(c.children.iter());
    }
    false
}

fn shape() -> impl Strategy<Value = Vec<(u8, u8)>> {
    prop::collection::vec((0u8..4, any::<u8>()), 1..16)
}

proptest! {
    #[test]
    fn identity_is_the_identity(
        shape in shape(),
        ratings in prop::collection::vec((any::<usize>(), any::<u8>()), 0..12),
        narratives in prop::collection::vec(any::<usize>(), 0..8),
        findings in prop::collection::vec((any::<usize>(), any::<u8>()), 0..6),
    ) {
        let f = nested("src", &shape);
        let a = annotated(&f, &ratings, &narratives, &findings);
        let checked = Scorer::new(&f).unwrap().validate(&a);
        prop_assert!(checked.is_ok(), "{:?}", checked);
        let t = Mapping::identity(&f).translate(&a, &f, &f).unwrap();
        // Equal maps (ratings with their evidence and notes, narratives)
        // and the findings in their order.
        prop_assert_eq!(&t.assessment, &a);
        prop_assert_eq!(&t.assessment.findings, &a.findings);
        prop_assert!(t.not_carried.is_empty());
        prop_assert!(t.narratives_not_carried.is_empty());
        prop_assert!(t.findings_not_carried.is_empty());
        prop_assert_eq!(t.carried.len(), a.ratings.len());
        prop_assert_eq!(t.unrated.len(), f.leaves().count() - a.ratings.len());
    }

    #[test]
    fn groups_land_on_a_criterion_holding_every_target_or_are_listed(
        src in shape(),
        tgt in shape(),
        entries in prop::collection::vec((prop::collection::vec(any::<usize>(), 1..3), any::<usize>()), 0..10),
        narratives in prop::collection::vec(any::<usize>(), 0..8),
        findings in prop::collection::vec((any::<usize>(), any::<u8>()), 0..6),
    ) {
        let (from, to) = (nested("src", &src), nested("tgt", &tgt));
        let (sources, targets): (Vec<&Criterion>, Vec<&Criterion>) =
            (from.leaves().collect(), to.leaves().collect());
        let mut seen = HashSet::new();
        let entries: Vec<MappingEntry> = entries
            .into_iter()
            .filter_map(|(s, t)| {
                let target = targets[t % targets.len()];
                seen.insert(target.id.clone()).then(|| {
                    let from = s.iter().map(|s| sources[s % sources.len()].id.clone()).collect();
                    MappingEntry::new(from, target.id.clone(), Relation::Intersects, "random")
                })
            })
            .collect();
        let mut mapping = Mapping::new(id("m".into()), "M", from.compatible_ref(), to.compatible_ref());
        mapping.entries = entries;
        let a = annotated(&from, &[], &narratives, &findings);
        let t = mapping.translate(&a, &from, &to).unwrap();
        // Every narrative is in some target narrative or listed, not both.
        let listed: HashSet<&str> = t.narratives_not_carried.iter().map(|n| n.from.as_str()).collect();
        prop_assert_eq!(listed.len(), t.narratives_not_carried.len());
        for (id, text) in &a.narratives {
            let placed = t.assessment.narratives.values().any(|n| n.contains(text.as_str()));
            prop_assert!(placed ^ listed.contains(id.as_str()), "{}", id);
        }
        // Every finding is carried or listed, in order.
        prop_assert_eq!(t.assessment.findings.len() + t.findings_not_carried.len(), a.findings.len());
        let carried: Vec<&DeclaredFinding> = a
            .findings
            .iter()
            .enumerate()
            .filter(|(i, _)| t.findings_not_carried.iter().all(|n| n.index != *i))
            .map(|(_, f)| f)
            .collect();
        for (before, after) in carried.iter().zip(&t.assessment.findings) {
            prop_assert_eq!(&before.text, &after.text);
            let (Some(about), Some(lands)) = (&before.criterion, &after.criterion) else {
                prop_assert!(before.criterion.is_none() && after.criterion.is_none());
                continue;
            };
            let group = from.criterion(about.as_str()).unwrap();
            if group.is_leaf() {
                continue;
            }
            // The rule: the criterion it lands on holds every target of the
            // group's mapped leaves; unless it has the group's id, none of
            // its children holds them all.
            let leaves: HashSet<&str> = leaves_of(group).iter().map(|l| l.id.as_str()).collect();
            let wanted: Vec<&Id> = mapping
                .entries
                .iter()
                .filter(|e| e.from.iter().any(|s| leaves.contains(s.as_str())))
                .map(|e| &e.to)
                .collect();
            prop_assert!(!wanted.is_empty());
            let lands = to.criterion(lands.as_str()).unwrap();
            prop_assert!(wanted.iter().all(|w| holds(lands, w.as_str())));
            if lands.id != *about {
                prop_assert!(lands.children.iter().all(|c| !wanted.iter().all(|w| holds(c, w.as_str()))));
            }
        }
    }
}
