//! The baseline issue 14 measures the everyday calls against: a
//! hand-written loop over the good-practice criteria's ratings as bytes,
//! the shape fixed at compile time (`benches/scoring.rs` checks it gives
//! `score`'s total bit for bit on 20,000 random rows of the catalogue's
//! good-practice criteria; `benches/cohort.rs` times it beside
//! `Cohort::push` to put that figure on the same scale).
#![allow(dead_code)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::LeafValue;

/// The good-practice shape as constants: the areas' questions' numbers of
/// items, as in `assessment_model::catalog::good_practice::criteria()`
/// (`benches/scoring.rs` checks it against the catalogue).
pub const GOOD_PRACTICE: [&[usize]; 5] = [&[4, 2, 3], &[3, 5, 3], &[4, 5], &[3], &[2, 2]];

/// A rating as one byte for [`byte_loop`].
pub const NOT_MET: u8 = 0;
/// See [`NOT_MET`].
pub const MET: u8 = 1;
/// See [`NOT_MET`].
pub const MISSING: u8 = 2;
/// See [`NOT_MET`].
pub const NOT_APPLICABLE: u8 = 3;

/// The baseline (issue 14): a hand-written loop over the ratings
/// as bytes, the shape fixed at compile time, a mean at each level over
/// what is rated. The strictest baseline a library with a shape read at
/// run time can be held to.
pub fn byte_loop(ratings: &[u8; 36]) -> Option<f64> {
    let (mut leaf, mut total, mut areas) = (0, 0.0, 0.0);
    for questions in GOOD_PRACTICE {
        let (mut area, mut scored) = (0.0, 0.0);
        for &n in questions {
            let (mut met, mut rated) = (0u32, 0u32);
            for &r in &ratings[leaf..leaf + n] {
                if r <= MET {
                    met += u32::from(r);
                    rated += 1;
                }
            }
            leaf += n;
            if rated > 0 {
                area += f64::from(met) / f64::from(rated);
                scored += 1.0;
            }
        }
        if scored > 0.0 {
            total += area / scored;
            areas += 1.0;
        }
    }
    (areas > 0.0).then(|| total / areas)
}

/// Bound leaf values (definition order, as
/// `RatingsTable::value` shows them) as [`byte_loop`]'s bytes: a score of
/// 1 met, any other score not met.
pub fn as_bytes(values: impl IntoIterator<Item = LeafValue>) -> [u8; 36] {
    let mut out = [MISSING; 36];
    for (b, v) in out.iter_mut().zip(values) {
        *b = match v {
            LeafValue::Rated(1.0) => MET,
            LeafValue::Rated(_) => NOT_MET,
            LeafValue::Missing => MISSING,
            LeafValue::NotApplicable => NOT_APPLICABLE,
        };
    }
    out
}
