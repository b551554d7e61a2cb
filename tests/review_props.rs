#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Properties of consolidation and of Krippendorff's alpha on random
//! reviews: results stay on the scale, methods are ordered as they should
//! be, and alpha does not depend on the order of coders or units.
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::model::Person;
use assessment_model::review::{Consolidation, MeasurementLevel, krippendorff_alpha};
use assessment_model::{Assessment, Framework, Id, PeerReview, RatingValue, Subject};
use proptest::prelude::*;

fn framework() -> Framework {
    serde_json::from_str(
        r#"{
        "id": "props", "version": "1.0.0", "title": "Props",
        "scales": {
            "tick": { "type": "binary" },
            "level": { "type": "ordinal", "levels": [
                { "id": "l0", "value": 0, "label": "zero" },
                { "id": "l1", "value": 1, "label": "one" },
                { "id": "l5", "value": 5, "label": "five" } ] },
            "delay": { "type": "numeric", "min": -3.5, "max": 0.1, "direction": "lower_is_better" }
        },
        "criteria": [
            { "id": "b", "title": "B", "scale": "tick" },
            { "id": "o", "title": "O", "scale": "level" },
            { "id": "x", "title": "X", "scale": "delay" }
        ]
    }"#,
    )
    .unwrap()
}

/// One peer's rating of one leaf: 0 unrated, 1 not applicable, else a value.
fn value(leaf: &str, code: u8, x: f64) -> Option<RatingValue> {
    match code % 6 {
        0 => None,
        1 => Some(RatingValue::NotApplicable),
        c => Some(match leaf {
            "b" => {
                if c % 2 == 0 {
                    RatingValue::Met
                } else {
                    RatingValue::NotMet
                }
            }
            "o" => RatingValue::Level(([0, 1, 5][usize::from(c) % 3]).into()),
            _ => RatingValue::Number(-3.5 + x * 3.6),
        }),
    }
}

fn review(peers: &[(u8, u8, u8, f64)]) -> PeerReview {
    let fw = framework();
    let mut r = PeerReview::new(fw.exact_ref(), Subject::new("P"));
    for (i, (b, o, x, n)) in peers.iter().enumerate() {
        let key = Id::new(format!("p{i}")).unwrap();
        r.peers.insert(key.clone(), Person::default());
        let mut a = Assessment::new(fw.exact_ref(), Subject::new("P"));
        for (leaf, code) in [("b", b), ("o", o), ("x", x)] {
            if let Some(v) = value(leaf, *code, *n) {
                a.rate(leaf, v).unwrap();
            }
        }
        r.assessments.insert(key, a);
    }
    r
}

fn score(fw: &Framework, leaf: &str, v: &RatingValue) -> Option<f64> {
    let scale = fw.criterion(leaf)?.scale.as_ref()?;
    fw.scales.get(scale)?.normalise(v)
}

proptest! {
    #[test]
    fn consolidated_ratings_are_on_the_scale_and_ordered(
        peers in proptest::collection::vec((any::<u8>(), any::<u8>(), any::<u8>(), 0.0f64..=1.0), 0..7)
    ) {
        let fw = framework();
        let r = review(&peers);
        let median = r.consolidate(&fw, Consolidation::Median).unwrap();
        let minimum = r.consolidate(&fw, Consolidation::Minimum).unwrap();
        let consensus = r.consolidate(&fw, Consolidation::Consensus).unwrap();
        for leaf in ["b", "o", "x"] {
            let scores: Vec<f64> = r
                .assessments
                .values()
                .filter_map(|a| a.ratings.get(leaf))
                .filter_map(|rt| score(&fw, leaf, &rt.value))
                .collect();
            let lo = scores.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            for c in [&median, &minimum, &consensus] {
                if let Some(rating) = c.assessment.ratings.get(leaf) {
                    if rating.value == RatingValue::NotApplicable {
                        prop_assert!(scores.is_empty());
                        continue;
                    }
                    // On the scale, and between the peers' lowest and highest.
                    let s = score(&fw, leaf, &rating.value);
                    prop_assert!(s.is_some(), "{leaf}: {:?} off the scale", rating.value);
                    let s = s.unwrap();
                    prop_assert!(lo - 1e-12 <= s && s <= hi + 1e-12);
                }
            }
            // Minimum is the lowest score; the median is not below it.
            let m = minimum.assessment.ratings.get(leaf).and_then(|r| score(&fw, leaf, &r.value));
            let med = median.assessment.ratings.get(leaf).and_then(|r| score(&fw, leaf, &r.value));
            if !scores.is_empty() {
                prop_assert_eq!(m, Some(lo));
                prop_assert!(med.unwrap() >= lo - 1e-12);
            }
            // Spread is the range of scores.
            let spread = median.agreement.leaves[leaf].spread;
            if scores.is_empty() {
                prop_assert_eq!(spread, None);
            } else {
                prop_assert!((spread.unwrap() - (hi - lo)).abs() < 1e-12);
            }
        }
        // Consensus rates exactly the leaves it does not list as disputed,
        // among those someone rated.
        for d in &consensus.disagreements {
            prop_assert!(!consensus.assessment.ratings.contains_key(&d.leaf));
            prop_assert!(d.ratings.len() >= 2);
        }
    }

    #[test]
    fn alpha_ignores_the_order_of_coders_and_units_and_affine_rescaling(
        data in proptest::collection::vec(proptest::collection::vec(proptest::option::of(0u8..5), 2..5), 1..12),
        rotate in 0usize..12,
    ) {
        let units: Vec<Vec<Option<f64>>> = data
            .iter()
            .map(|u| u.iter().map(|v| v.map(f64::from)).collect())
            .collect();
        let mut shuffled: Vec<Vec<Option<f64>>> = units
            .iter()
            .map(|u| u.iter().rev().copied().collect())
            .collect();
        let k = rotate % shuffled.len();
        shuffled.rotate_left(k);
        for level in [MeasurementLevel::Nominal, MeasurementLevel::Ordinal, MeasurementLevel::Interval] {
            let a = krippendorff_alpha(&units, level);
            let b = krippendorff_alpha(&shuffled, level);
            match (a, b) {
                (Some(a), Some(b)) => prop_assert!((a - b).abs() < 1e-9),
                (a, b) => prop_assert_eq!(a, b),
            }
        }
        // Interval alpha is invariant under x -> 2.5 x - 7; ordinal under any
        // increasing map (here x -> x³).
        let affine: Vec<Vec<Option<f64>>> = units
            .iter()
            .map(|u| u.iter().map(|v| v.map(|x| 2.5 * x - 7.0)).collect())
            .collect();
        let cubed: Vec<Vec<Option<f64>>> = units
            .iter()
            .map(|u| u.iter().map(|v| v.map(|x| x * x * x)).collect())
            .collect();
        for (level, other) in [(MeasurementLevel::Interval, &affine), (MeasurementLevel::Ordinal, &cubed)] {
            let a = krippendorff_alpha(&units, level);
            let b = krippendorff_alpha(other, level);
            match (a, b) {
                (Some(a), Some(b)) => prop_assert!((a - b).abs() < 1e-9),
                (a, b) => prop_assert_eq!(a, b),
            }
        }
    }
}
