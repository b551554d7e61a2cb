#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Property: for random frameworks and random profiles, `apply` either
//! errors or yields a framework that validates.
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use std::collections::HashSet;

use assessment_model::profile::Selection;
use assessment_model::{Criterion, Framework, Id, Profile};
use proptest::prelude::*;

/// A node: (parent choice, top-level?, weight choice, tag choice).
type Node = (usize, bool, u8, u8);

fn id(s: String) -> Id {
    Id::new(s).unwrap()
}

fn build(nodes: &[Node]) -> Framework {
    let n = nodes.len();
    let mut parent: Vec<Option<usize>> = vec![None; n];
    for (i, (p, top, _, _)) in nodes.iter().enumerate().skip(1) {
        if !top {
            parent[i] = Some(p % i);
        }
    }
    fn make(i: usize, nodes: &[Node], parent: &[Option<usize>]) -> Criterion {
        let kids: Vec<Criterion> = (0..nodes.len())
            .filter(|j| parent[*j] == Some(i))
            .map(|j| make(j, nodes, parent))
            .collect();
        let (_, _, w, t) = nodes[i];
        let mut c = if kids.is_empty() {
            Criterion::leaf(id(format!("c{i}")), format!("C{i}"), id("tick".into()))
        } else {
            Criterion::group(id(format!("c{i}")), format!("C{i}"), kids)
        };
        c.weight = [1.0, 0.5, 2.0, 0.0][usize::from(w % 4)];
        match t % 3 {
            1 => {
                c.tags.insert(id("side".into()), id("left".into()));
            }
            2 => {
                c.tags.insert(id("side".into()), id("right".into()));
            }
            _ => {}
        }
        c
    }
    let criteria = (0..n)
        .filter(|i| parent[*i].is_none())
        .map(|i| make(i, nodes, &parent))
        .collect();
    serde_json::from_value::<Framework>(serde_json::json!({
        "id": "random", "version": "1.0.0", "title": "Random",
        "scales": { "tick": { "type": "binary" } },
        "facets": { "side": { "title": "Side", "values": {
            "left": { "title": "L" }, "right": { "title": "R" } } } },
        "criteria": []
    }))
    .map(|mut f| {
        f.criteria = criteria;
        f
    })
    .unwrap()
}

/// An operation: (kind, which id (≥ n: unknown), flag, weight choice).
type Op = (u8, usize, bool, u8);

fn profile(ops: &[Op], n: usize) -> Profile {
    let mut p = Profile::new(
        id("p".into()),
        "P",
        serde_json::from_value(serde_json::json!({ "id": "random", "version": "^1" })).unwrap(),
    );
    for (kind, which, flag, w) in ops {
        let target = if which % (n + 2) < n {
            id(format!("c{}", which % (n + 2)))
        } else {
            id("unknown".into())
        };
        match kind % 5 {
            0 => p.include.push(Selection {
                id: target,
                subtree: *flag,
            }),
            1 => p.exclude.push(Selection {
                id: target,
                subtree: *flag,
            }),
            2 => {
                p.weights
                    .insert(target, [1.0, 0.0, 3.5, -1.0, f64::NAN][usize::from(w % 5)]);
            }
            3 => {
                p.scored.insert(target, *flag);
            }
            _ => {
                p.not_applicable
                    .insert(target, if *flag { "moot".into() } else { " ".into() });
            }
        }
    }
    p
}

/// Structural checks independent of `validate`: unique ids, no empty
/// group, every leaf on a scale.
fn sound(f: &Framework) -> bool {
    let mut seen = HashSet::new();
    !f.criteria.is_empty()
        && f.walk()
            .all(|(_, c)| seen.insert(c.id.clone()) && (c.is_leaf() == c.scale.is_some()))
}

proptest! {
    #[test]
    fn apply_errors_or_validates(
        nodes in prop::collection::vec((any::<usize>(), any::<bool>(), any::<u8>(), any::<u8>()), 1..16),
        ops in prop::collection::vec((any::<u8>(), any::<usize>(), any::<bool>(), any::<u8>()), 0..8),
    ) {
        let f = build(&nodes);
        prop_assert!(f.validate().is_ok());
        let p = profile(&ops, nodes.len());
        match p.apply(&f) {
            Ok(t) => {
                prop_assert!(t.validate().is_ok(), "{:?}", t.validate());
                prop_assert!(sound(&t));
                for (i, reason) in &p.not_applicable {
                    prop_assert_eq!(t.criterion(i.as_str()).and_then(|c| c.not_applicable.as_ref()), Some(reason));
                }
                for (i, w) in &p.weights {
                    prop_assert_eq!(t.criterion(i.as_str()).map(|c| c.weight), Some(*w));
                }
                for s in &p.exclude {
                    prop_assert!(t.criterion(s.id.as_str()).is_none());
                }
            }
            Err(e) => {
                prop_assert!(!e.issues().is_empty());
                prop_assert!(e.issues().iter().all(|i| i.path.starts_with('/')));
            }
        }
    }

    #[test]
    fn empty_profile_keeps_every_criterion(
        nodes in prop::collection::vec((any::<usize>(), any::<bool>(), any::<u8>(), any::<u8>()), 1..16),
    ) {
        let f = build(&nodes);
        let t = profile(&[], nodes.len()).apply(&f).unwrap();
        prop_assert_eq!(t.criteria, f.criteria);
    }
}
