//! Builders shared by the scoring tests.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use assessment_model::model::Direction;
use assessment_model::{
    Aggregation, Assessment, Criterion, Framework, Id, Level, RatingValue, Scale, ScoringRules,
    Subject,
};
use indexmap::IndexMap;

pub fn id(s: &str) -> Id {
    Id::new(s).unwrap()
}

/// A leaf on scale `scale` with weight `w`.
pub fn leaf_on(name: &str, scale: &str, w: f64) -> Criterion {
    let mut c = Criterion::leaf(id(name), format!("Leaf {name}"), id(scale));
    c.weight = w;
    c
}

/// A binary leaf ("tick") of weight `w`.
pub fn tick(name: &str, w: f64) -> Criterion {
    leaf_on(name, "tick", w)
}

/// A group with weight `w` and an optional aggregation override.
pub fn group(
    name: &str,
    w: f64,
    aggregation: Option<Aggregation>,
    children: Vec<Criterion>,
) -> Criterion {
    let mut c = Criterion::group(id(name), format!("Group {name}"), children);
    c.weight = w;
    c.aggregation = aggregation;
    c
}

/// The scales every test framework has: `tick` (binary), `imp` (ordinal
/// 1-3), `num` (numeric 0-10, higher is better), `delay` (0-10, lower is
/// better).
pub fn scales() -> IndexMap<Id, Scale> {
    let mut scales = IndexMap::new();
    scales.insert(id("tick"), Scale::binary());
    scales.insert(
        id("imp"),
        Scale::ordinal([
            Level::new(id("not-important"), 1, "not important"),
            Level::new(id("important"), 2, "important"),
            Level::new(id("very-important"), 3, "very important"),
        ])
        .with_title("Importance"),
    );
    scales.insert(id("num"), Scale::numeric(0.0, 10.0));
    scales.insert(
        id("delay"),
        Scale::numeric(0.0, 10.0)
            .with_direction(Direction::LowerIsBetter)
            .with_unit("weeks"),
    );
    scales
}

pub fn framework(rules: ScoringRules, criteria: Vec<Criterion>) -> Framework {
    let mut f = Framework::new(
        id("test-fw"),
        semver::Version::new(1, 2, 0),
        "Test framework",
    );
    f.scales = scales();
    f.rules = rules;
    f.criteria = criteria;
    f
}

pub fn rules(aggregation: Aggregation) -> ScoringRules {
    let mut rules = ScoringRules::default();
    rules.aggregation = aggregation;
    rules
}

pub fn assess(fw: &Framework, ratings: &[(&str, RatingValue)]) -> Assessment {
    let mut a = Assessment::new(fw.exact_ref(), Subject::new("Subject"));
    for (name, v) in ratings {
        a.rate(name, v.clone()).unwrap();
    }
    a
}

#[allow(unused_imports)]
pub use RatingValue::{Level as L, Met, NotApplicable as NA, NotMet, Number as N};
