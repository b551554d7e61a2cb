//! A portfolio of distinct good-practice assessments with random ratings,
//! as issue 24 measures the everyday calls over: each of the 36 items met
//! with probability 85%, not met 10%, missing 4%, not applicable 1%, drawn
//! from a seeded SplitMix64 generator (no `rand` crate), so every run
//! scores the same rows.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]
// Test code on fixed data: an index out of range or an overflow is a failure
// of the test, not of the crate.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use assessment_model::{Assessment, Framework, RatingValue, Subject};

use super::byte_loop::{MET, MISSING, NOT_APPLICABLE, NOT_MET};

/// SplitMix64 (Steele, Lea and Flood 2014): small, seeded, good enough
/// to make rows distinct.
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `0..n` (the modulo bias is below 1e-17 for the
    /// small `n` used here).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// One item's rating as a byte of `byte_loop`: 85% met, 10% not met, 4%
/// missing, 1% not applicable.
pub fn draw(rng: &mut SplitMix) -> u8 {
    match rng.below(100) {
        0..85 => MET,
        85..95 => NOT_MET,
        95..99 => MISSING,
        _ => NOT_APPLICABLE,
    }
}

/// `n` rows of 36 items, every row distinct (a repeated row is drawn
/// again).
pub fn rows(n: usize, seed: u64) -> Vec<[u8; 36]> {
    let mut rng = SplitMix(seed);
    let mut seen = std::collections::HashSet::with_capacity(n);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let mut row = [MISSING; 36];
        row.iter_mut().for_each(|b| *b = draw(&mut rng));
        if seen.insert(row) {
            out.push(row);
        }
    }
    out
}

/// The assessment of `framework` (the good-practice criteria) with the
/// ratings of `row`, its leaves in definition order; a missing item has
/// no rating.
pub fn assessment(framework: &Framework, row: &[u8; 36], name: String) -> Assessment {
    let mut a = Assessment::new(framework.exact_ref(), Subject::new(name));
    for (leaf, &b) in framework.leaves().zip(row) {
        let v = match b {
            MET => RatingValue::Met,
            NOT_MET => RatingValue::NotMet,
            NOT_APPLICABLE => RatingValue::NotApplicable,
            _ => continue,
        };
        a.rate(&leaf.id, v).unwrap();
    }
    a
}
