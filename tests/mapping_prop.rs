#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Properties of `Mapping::translate` on random mappings and assessments:
//! nothing is dropped silently, identity is the identity, and every carried
//! rating is on its target's scale.
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::collections::HashSet;

use assessment_model::{
    Assessment, Framework, Id, Mapping, MappingEntry, RatingValue, Relation, Subject,
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
                seen.insert(target).then(|| MappingEntry {
                    from: sources.iter().map(|s| id(format!("l{}", s % src.len()))).collect(),
                    to: id(format!("l{target}")),
                    relation: [Relation::Equivalent, Relation::Subset, Relation::Superset, Relation::Intersects][usize::from(r % 4)],
                    rationale: "random".into(),
                })
            })
            .collect();
        let mapping = Mapping {
            id: id("m".into()),
            title: "M".into(),
            description: None,
            from: from.compatible_ref(),
            to: to.compatible_ref(),
            entries,
            unmapped_from: Default::default(),
            unmapped_to: Default::default(),
        };
        let mut a = Assessment::new(from.exact_ref(), Subject::new("S"));
        for (leaf, k) in ratings {
            let leaf = leaf % src.len();
            a.rate(id(format!("l{leaf}")), value(src[leaf], k));
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
        prop_assert!(a.validate_against(&from).is_ok());
        prop_assert!(t.assessment.validate_against(&to).is_ok(), "{:?}", t.assessment.validate_against(&to));
    }

    #[test]
    fn identity_is_the_identity(
        src in prop::collection::vec(any::<u8>(), 1..10),
        ratings in prop::collection::vec((any::<usize>(), any::<u8>()), 0..10),
    ) {
        let f = framework("src", &src);
        let mut a = Assessment::new(f.compatible_ref(), Subject::new("S"));
        for (leaf, k) in ratings {
            let leaf = leaf % src.len();
            a.rate(id(format!("l{leaf}")), value(src[leaf], k));
        }
        let t = Mapping::identity(&f).translate(&a, &f, &f).unwrap();
        prop_assert_eq!(&t.assessment, &a);
        prop_assert!(t.not_carried.is_empty());
    }
}
