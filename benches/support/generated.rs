//! Generated frameworks and assessments of any size, for the scaling bench
//! (`benches/scale.rs`) and the scaling test (`tests/scaling.rs`).
//!
//! A framework of `n` leaves (n a multiple of 100) has `n / 100` areas of
//! 10 groups of 10 leaves, the leaves alternating between a binary, an
//! ordinal (1-3) and a numeric (0-100) scale, every area tagged with one of
//! four facet values; its assessment rates every leaf, one in seven not
//! applicable.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::{
    Assessment, Criterion, Facet, FacetValue, Framework, Id, Level, RatingValue, Scale, Subject,
};
use indexmap::IndexMap;

fn id(s: String) -> Id {
    Id::new(s).unwrap()
}

/// A framework of `leaves` leaves (rounded down to a multiple of 100).
pub fn framework(leaves: usize) -> Framework {
    let mut f: Framework = serde_json::from_str(
        r#"{"id": "generated", "version": "1.0.0", "title": "Generated", "criteria": []}"#,
    )
    .unwrap();
    let levels: Vec<Level> = (1..=3)
        .map(|v| Level::new(id(format!("level-{v}")), v, format!("level {v}")))
        .collect();
    f.scales.insert(id("tick".into()), Scale::binary());
    f.scales
        .insert(id("importance".into()), Scale::ordinal(levels));
    f.scales.insert(
        id("percent".into()),
        Scale::numeric(0.0, 100.0).with_unit("%"),
    );
    let values: IndexMap<Id, FacetValue> = (0..4)
        .map(|v| (id(format!("v{v}")), FacetValue::new(format!("Value {v}"))))
        .collect();
    f.facets.insert(id("stakeholder".into()), {
        let mut built = Facet::new("Stakeholder");
        built.values = values;
        built
    });
    let scales = ["tick", "importance", "percent"];
    let mut leaf = 0usize;
    for a in 0..leaves / 100 {
        let groups = (0..10)
            .map(|g| {
                let children = (0..10)
                    .map(|_| {
                        leaf += 1;
                        let mut c = Criterion::leaf(
                            id(format!("leaf-{leaf}")),
                            format!("Leaf {leaf}"),
                            id(scales[leaf % 3].into()),
                        );
                        c.weight = (leaf % 4 + 1) as f64;
                        c
                    })
                    .collect();
                Criterion::group(
                    id(format!("group-{a}-{g}")),
                    format!("Group {a}.{g}"),
                    children,
                )
            })
            .collect();
        let mut area = Criterion::group(id(format!("area-{a}")), format!("Area {a}"), groups);
        area.tags
            .insert(id("stakeholder".into()), id(format!("v{}", a % 4)));
        f.criteria.push(area);
    }
    f
}

/// An assessment of `framework` rating every leaf.
pub fn assessment(framework: &Framework) -> Assessment {
    let mut a = Assessment::new(framework.exact_ref(), Subject::new("Generated"));
    for (i, leaf) in framework.leaves().enumerate() {
        let value = if i % 7 == 3 {
            RatingValue::NotApplicable
        } else {
            match leaf.scale.as_ref().map(Id::as_str) {
                Some("tick") if i % 2 == 0 => RatingValue::Met,
                Some("tick") => RatingValue::NotMet,
                Some("importance") => RatingValue::Level(((i % 3) as i32 + 1).into()),
                _ => RatingValue::Number((i % 101) as f64),
            }
        };
        a.rate(&leaf.id, value).unwrap();
    }
    a
}
