//! `RatingsTable::set_ratings` and `RatingsTable::set_codes`: ratings by
//! position, and numbers standing for them, bind as the same ratings in an
//! assessment do (the Python binding's batch path relies on it).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use assessment_model::{
    Assessment, Framework, LeafValue, MissingPolicy, RatingValue, RatingsTable, Scorer,
    ValidationError, catalog,
};

/// One row bound into a table: its leaf values and its total.
#[derive(Debug)]
struct Row {
    values: Vec<LeafValue>,
    total: Option<f64>,
}

impl Row {
    /// Binds one row with `set`, in the fourth row of a table of ten (so
    /// that it is not lane 0), and reads it back.
    fn bind(
        scorer: &Scorer,
        set: impl FnOnce(&mut RatingsTable) -> Result<(), ValidationError>,
    ) -> Result<Row, ValidationError> {
        let mut table = scorer.table(10);
        set(&mut table)?;
        let mut totals = vec![None; 10];
        scorer.totals(&table, &mut totals).unwrap();
        let values = (0..scorer.leaf_count())
            .map(|leaf| table.value(3, leaf).unwrap())
            .collect();
        Ok(Row {
            values,
            total: totals[3],
        })
    }

    fn ratings(scorer: &Scorer, ratings: &[Option<RatingValue>]) -> Result<Row, ValidationError> {
        Row::bind(scorer, |t| t.set_ratings(3, ratings))
    }

    fn codes(scorer: &Scorer, codes: &[f64], na: f64) -> Result<Row, ValidationError> {
        Row::bind(scorer, |t| t.set_codes(3, codes, na))
    }

    fn assessment(scorer: &Scorer, a: &Assessment) -> Result<Row, ValidationError> {
        Row::bind(scorer, |t| t.set_assessment(3, a))
    }

    /// The values with each score as its bits.
    fn bits(&self) -> Vec<Option<u64>> {
        self.values
            .iter()
            .map(|v| match v {
                LeafValue::Rated(x) => Some(x.to_bits()),
                _ => None,
            })
            .collect()
    }

    fn is_not_applicable(&self, leaf: usize) -> bool {
        self.values[leaf] == LeafValue::NotApplicable
    }
}

/// The worked example's ratings in leaf order.
fn positional(framework: &Framework, assessment: &Assessment) -> Vec<Option<RatingValue>> {
    framework
        .leaves()
        .map(|c| assessment.ratings.get(&c.id).map(|r| r.value.clone()))
        .collect()
}

#[test]
fn positional_ratings_bind_as_the_assessment_does() {
    let mut framework = catalog::good_practice::criteria();
    // The first leaf marked not applicable by the framework (as a profile
    // marks it): it stays so, whatever its rating.
    framework.criteria[0].children[0].children[0].not_applicable = Some("tailored".into());
    let scorer = Scorer::new(&framework).unwrap();
    let mut worked = catalog::good_practice::worked_example();
    // One leaf unrated and one not applicable, to bind NaN and −1 too.
    let ids: Vec<_> = framework.leaves().map(|c| c.id.clone()).collect();
    worked.ratings.shift_remove(&ids[3]);
    worked.ratings.get_mut(&ids[5]).unwrap().value = RatingValue::NotApplicable;
    let by_id = Row::assessment(&scorer, &worked).unwrap();
    let by_position = Row::ratings(&scorer, &positional(&framework, &worked)).unwrap();
    assert_eq!(by_position.bits(), by_id.bits());
    assert_eq!(by_position.values[3], LeafValue::Missing);
    assert!(by_position.is_not_applicable(5));
    assert!(by_position.is_not_applicable(0));
    assert_eq!(
        by_position.total,
        scorer.score(&worked).unwrap().total().score()
    );
}

#[test]
fn problems_are_reported_by_leaf_index() {
    let framework: Framework = serde_json::from_str(
        r#"{
        "id": "t", "version": "1.0.0", "title": "T",
        "scales": { "tick": { "type": "binary" }, "n": { "type": "numeric", "min": 0, "max": 4 } },
        "rules": { "missing": "error" },
        "criteria": [
            { "id": "a", "title": "A", "scale": "tick" },
            { "id": "b", "title": "B", "scale": "n" },
            { "id": "c", "title": "C", "scale": "n" }
        ]
    }"#,
    )
    .unwrap();
    assert_eq!(framework.rules.missing, MissingPolicy::Error);
    let scorer = Scorer::new(&framework).unwrap();
    // As in `Scorer::score`: an off-scale rating counts as no rating, so
    // under `missing: error` its leaf is also missing.
    let err = Row::ratings(
        &scorer,
        &[Some(RatingValue::Met), Some(RatingValue::Number(5.0)), None],
    )
    .unwrap_err();
    let got: Vec<(&str, &str)> = err
        .issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("rating-off-scale", "/1"),
            ("missing-rating", "/1"),
            ("missing-rating", "/2")
        ]
    );
    let err = Row::ratings(&scorer, &[Some(RatingValue::NotMet), None, None]);
    assert_eq!(err.unwrap_err().issues().len(), 2);
    let err = Row::ratings(&scorer, &[None]).unwrap_err();
    assert_eq!(
        (err.issues()[0].code(), err.issues()[0].path.as_str()),
        ("invalid-document", "")
    );
    // (2 - 0) / 4 on the numeric leaves, 1 on the tick: (1 + 0.5 + 0.25) / 3.
    let dense = Row::ratings(
        &scorer,
        &[
            Some(RatingValue::Met),
            Some(RatingValue::Number(2.0)),
            Some(RatingValue::Number(1.0)),
        ],
    )
    .unwrap();
    let rated = |x| LeafValue::Rated(x);
    assert_eq!(dense.values, [rated(1.0), rated(0.5), rated(0.25)]);
    assert_eq!(dense.total, Some(1.75 / 3.0));
}

/// A binary, an ordinal (levels 1, 2, 4) and a lower-is-better numeric
/// leaf, and one of each kind the framework marks not applicable.
fn three_scales() -> Framework {
    serde_json::from_str(
        r#"{
        "id": "t", "version": "1.0.0", "title": "T",
        "scales": {
            "tick": { "type": "binary" },
            "grid": { "type": "ordinal", "levels": [
                { "id": "low", "value": 1, "label": "low" },
                { "id": "mid", "value": 2, "label": "mid" },
                { "id": "top", "value": 4, "label": "top" }
            ] },
            "delay": { "type": "numeric", "min": 0, "max": 8, "direction": "lower_is_better" }
        },
        "criteria": [
            { "id": "a", "title": "A", "scale": "tick" },
            { "id": "b", "title": "B", "scale": "grid" },
            { "id": "c", "title": "C", "scale": "delay" },
            { "id": "off", "title": "Off", "not_applicable": "tailored", "children": [
                { "id": "d", "title": "D", "scale": "tick" },
                { "id": "e", "title": "E", "scale": "grid" }
            ] }
        ]
    }"#,
    )
    .unwrap()
}

const NA: f64 = f64::NEG_INFINITY;

#[test]
fn codes_bind_to_the_normalised_scores_they_stand_for() {
    let scorer = Scorer::new(&three_scales()).unwrap();
    // a: met; b: level 2 of 1..4, (2 - 1) / 3; c: 2 weeks of 8, lower is
    // better, (8 - 2) / 8; d, e: marked not applicable, whatever rated.
    let dense = Row::codes(&scorer, &[1.0, 2.0, 2.0, 0.0, 4.0], NA).unwrap();
    let rated = |x| LeafValue::Rated(x);
    assert_eq!(
        &dense.values[..3],
        [rated(1.0), rated(1.0 / 3.0), rated(0.75)]
    );
    assert!(dense.is_not_applicable(3) && dense.is_not_applicable(4));
    assert_eq!(dense.total, Some((1.0 + 1.0 / 3.0 + 0.75) / 3.0));
    // NaN is no rating; the not-applicable code is not applicable.
    let dense = Row::codes(&scorer, &[f64::NAN, NA, 8.0, f64::NAN, NA], NA).unwrap();
    assert_eq!(dense.values[0], LeafValue::Missing);
    assert!(dense.is_not_applicable(1));
    assert_eq!(dense.values[2], rated(0.0));
    assert_eq!(dense.total, Some(0.0));
}

#[test]
fn codes_bind_as_the_ratings_they_stand_for_bit_for_bit() {
    let framework = three_scales();
    let scorer = Scorer::new(&framework).unwrap();
    let scales: Vec<_> = framework
        .leaves()
        .map(|c| &framework.scales[c.scale.as_ref().unwrap()])
        .collect();
    // Every leaf given every code in turn: ratings on and off each scale,
    // no rating and not applicable.
    let codes = [
        0.0,
        1.0,
        2.0,
        3.0,
        4.0,
        0.5,
        7.25,
        8.0,
        -1.0,
        9.0,
        f64::NAN,
        NA,
    ];
    for (k, &code) in codes.iter().enumerate() {
        for shift in 0..codes.len() {
            let row: Vec<f64> = (0..scales.len())
                .map(|leaf| codes[(k + leaf * shift) % codes.len()])
                .collect();
            let ratings: Vec<Option<RatingValue>> = row
                .iter()
                .zip(&scales)
                .map(|(&x, s)| match x {
                    x if x.is_nan() => None,
                    NA => Some(RatingValue::NotApplicable),
                    x => Some(s.rating_of_code(x)),
                })
                .collect();
            let mut table = scorer.table(1);
            let coded = table.set_codes(0, &row, NA);
            match (coded, Row::ratings(&scorer, &ratings)) {
                (Ok(()), Ok(by_rating)) => {
                    let by_code = Row::codes(&scorer, &row, NA).unwrap();
                    assert_eq!(by_code.bits(), by_rating.bits(), "row {row:?}");
                    assert_eq!(
                        by_code.total.map(f64::to_bits),
                        by_rating.total.map(f64::to_bits)
                    );
                }
                (Err(a), Err(b)) => {
                    assert_eq!(a.issues(), b.issues(), "row {row:?} (code {code})");
                    // Nothing half-written: the row is empty, with no total.
                    assert!(
                        (0..5).all(|leaf| table.value(0, leaf) == Some(LeafValue::NotApplicable))
                    );
                    let mut totals = [Some(0.0)];
                    scorer.totals(&table, &mut totals).unwrap();
                    assert_eq!(totals, [None]);
                }
                (a, b) => panic!("row {row:?}: codes {a:?}, ratings {:?}", b.err()),
            }
        }
    }
}

#[test]
fn an_off_scale_code_names_the_rating_it_stands_for() {
    let scorer = Scorer::new(&three_scales()).unwrap();
    // 0.5 is no tick and no level; 3 is no level of 1, 2, 4; 9 is past the
    // range; on a leaf marked not applicable a code is still checked.
    let err = Row::codes(&scorer, &[0.5, 3.0, 9.0, 2.0, 3.0], NA).unwrap_err();
    let got: Vec<(&str, &str, String)> = err
        .issues()
        .iter()
        .map(|i| (i.code(), i.path.as_str(), i.kind.to_string()))
        .collect();
    let tick = "a binary scale admits met, not_met or not_applicable";
    let grid = "an ordinal scale admits the levels low = 1, mid = 2, top = 4, by id or by value, or not_applicable";
    let off = |path, text: String| ("rating-off-scale", path, text);
    assert_eq!(
        got,
        [
            off("/0", format!("rating 0.5 of `a` is not on scale `tick` ({tick})")),
            off("/1", format!("rating level 3 of `b` is not on scale `grid` ({grid})")),
            off(
                "/2",
                "rating 9 of `c` is not on scale `delay` (a numeric scale admits a number in [0, 8] or not_applicable)".to_string()
            ),
            off("/3", format!("rating 2 of `d` is not on scale `tick` ({tick})")),
            off("/4", format!("rating level 3 of `e` is not on scale `grid` ({grid})")),
        ]
    );
    // The not-applicable code is read first, even where it is a rating.
    let dense = Row::codes(&scorer, &[0.0, 0.0, 0.0, 0.0, 0.0], 0.0).unwrap();
    assert!((0..5).all(|leaf| dense.is_not_applicable(leaf)));
    // Nothing applicable is rated: qualitative, no total.
    assert_eq!(dense.total, None);
}

/// A table keeps a leaf whose scores are all 0 or 1 as masks and moves it
/// to floats at its first other score: rows set in any order, and set
/// again, read back and total as the hand-computed values say, whether a
/// lane was set before or after the move.
#[test]
fn a_table_reads_back_every_score_whatever_the_order_of_its_rows() {
    let scorer = Scorer::new(&three_scales()).unwrap();
    let levels = [1.0, 2.0, 4.0];
    let delays = [0.0, 8.0, 2.0, 6.0];
    let codes = |a: f64, b: f64, c: f64| [a, b, c, f64::NAN, f64::NAN];
    let mut table = scorer.table(16);
    let mut expected = Vec::new();
    for row in 0..16 {
        let (a, b, c) = ((row % 2) as f64, levels[row % 3], delays[row % 4]);
        table.set_codes(row, &codes(a, b, c), NA).unwrap();
        expected.push((a, b, c));
    }
    // Set again: fractional scores to 0s and 1s, and the other way round.
    for (row, (a, b, c)) in [
        (5, (1.0, 4.0, 0.0)),
        (10, (0.0, 1.0, 8.0)),
        (7, (0.0, 2.0, 6.0)),
    ] {
        table.set_codes(row, &codes(a, b, c), NA).unwrap();
        expected[row] = (a, b, c);
    }
    let mut totals = vec![None; 16];
    scorer.totals(&table, &mut totals).unwrap();
    for (row, &(a, b, c)) in expected.iter().enumerate() {
        // Rule 1: the ordinal levels 1, 2, 4; the delay lower-is-better on 0-8.
        let (b, c) = ((b - 1.0) / (4.0 - 1.0), (8.0 - c) / (8.0 - 0.0));
        let read: Vec<LeafValue> = (0..5).map(|leaf| table.value(row, leaf).unwrap()).collect();
        let na = LeafValue::NotApplicable;
        let want = [
            LeafValue::Rated(a),
            LeafValue::Rated(b),
            LeafValue::Rated(c),
            na,
            na,
        ];
        assert_eq!(read, want, "row {row}");
        assert_eq!(totals[row], Some((a + b + c) / 3.0), "row {row}");
    }
}
