//! The analysis' one source of randomness: xoshiro256** (Blackman and
//! Vigna, 2018), seeded by SplitMix64 from an explicit `u64`, with a
//! documented conversion to `f64`. Integer operations only (wrapping
//! additions, multiplications, shifts and rotations), so the same seed
//! gives the same stream on every platform.

/// A xoshiro256** generator; see the module docs.
#[derive(Debug, Clone)]
pub(crate) struct Rng {
    s: [u64; 4],
}

/// One SplitMix64 step (Steele, Lea and Flood, 2014): the recommended way
/// to expand one seed into xoshiro's state.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// The generator whose state is four SplitMix64 outputs from `seed`.
    pub(crate) fn new(seed: u64) -> Rng {
        let mut sm = seed;
        Rng {
            s: [
                splitmix64(&mut sm),
                splitmix64(&mut sm),
                splitmix64(&mut sm),
                splitmix64(&mut sm),
            ],
        }
    }

    /// The next 64 random bits (xoshiro256**).
    pub(crate) fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = self.s;
        let result = s1.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s1 << 17;
        let s2 = s2 ^ s0;
        let s3 = s3 ^ s1;
        let s1 = s1 ^ s2;
        let s0 = s0 ^ s3;
        let s2 = s2 ^ t;
        let s3 = s3.rotate_left(45);
        self.s = [s0, s1, s2, s3];
        result
    }

    /// A uniform number strictly inside (0, 1): `(2k + 1) / 2^53`, where
    /// `k` is the top 52 bits of [`Rng::next_u64`]. Every value is exact
    /// (an odd integer below 2^53 times a power of two), the grid is
    /// symmetric about ½, and neither 0 nor 1 occurs, so `f·(2x − 1)` lies
    /// strictly inside (−f, f).
    pub(crate) fn next_open01(&mut self) -> f64 {
        let k = self.next_u64() >> 12;
        // 2k + 1 < 2^53: exact as an f64, and the shift cannot overflow.
        let odd = (k << 1) | 1;
        odd as f64 * (1.0 / 9_007_199_254_740_992.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_stream() {
        // The reference implementation (Vigna, splitmix64.c) seeded with 0
        // gives 0xE220A8397B1DCDAF, then 0x6E789E6AA1B965F4.
        let mut s = 0u64;
        assert_eq!(splitmix64(&mut s), 0xE220_A839_7B1D_CDAF);
        assert_eq!(splitmix64(&mut s), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn xoshiro_matches_a_hand_step() {
        // State [1, 2, 3, 4]: result = rotl(2·5, 7)·9 = 1280·9 = 11520.
        let mut r = Rng { s: [1, 2, 3, 4] };
        assert_eq!(r.next_u64(), 11520);
        // Next state by the reference update: t = 2 << 17 = 262144;
        // s2 = 3^1 = 2, s3 = 4^2 = 6, s1 = 2^2 = 0, s0 = 1^6 = 7,
        // s2 = 2^262144 = 262146, s3 = rotl(6, 45).
        assert_eq!(r.s, [7, 0, 262_146, 6u64.rotate_left(45)]);
    }

    #[test]
    fn open_unit_interval_ends() {
        let mut r = Rng { s: [0, 0, 0, 0] };
        // An all-zero state yields 0 forever: k = 0 gives 1 / 2^53.
        assert_eq!(r.next_open01(), 1.0 / 9_007_199_254_740_992.0);
        let mut r = Rng::new(7);
        for _ in 0..1000 {
            let x = r.next_open01();
            assert!(x > 0.0 && x < 1.0);
        }
    }
}
