//! A tiny seeded random number generator (SplitMix64) for practice problems: the same seed
//! always gives the same problem, on every platform, so a problem can be shared as a number.

/// SplitMix64 (Steele, Lea, Flood 2014): one 64-bit state, a fixed increment, a mixing function.
/// Not for secrets; plenty for varied exercises.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    /// A number in `0..n` (`n > 0`), by multiply-and-shift (bias below 2^-32, fine here).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `1/n`.
    pub fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }

    /// One element of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_first_outputs() {
        // Reference values of SplitMix64 for seed 0 (as in the published algorithm).
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn same_seed_same_numbers() {
        let a: Vec<u64> = {
            let mut r = SplitMix64::new(42);
            (0..5).map(|_| r.next_u64()).collect()
        };
        let mut r = SplitMix64::new(42);
        let b: Vec<u64> = (0..5).map(|_| r.next_u64()).collect();
        assert_eq!(a, b);
        let mut r = SplitMix64::new(43);
        assert_ne!(r.next_u64(), a[0]);
    }

    #[test]
    fn ranges_stay_inside() {
        let mut r = SplitMix64::new(7);
        for _ in 0..1000 {
            assert!(r.below(10) < 10);
            let x = r.between(8, 30);
            assert!((8..=30).contains(&x));
        }
        assert_eq!(r.between(5, 5), 5);
        // 1 in 1 is always; 1 in 4 is sometimes, not always.
        assert!((0..100).all(|_| r.one_in(1)));
        let hits = (0..400).filter(|_| r.one_in(4)).count();
        assert!((50..150).contains(&hits), "{hits}");
        let mut r2 = r.clone();
        assert_eq!(u64::from(r.next_u32()), r2.next_u64() >> 32);
        assert_eq!(r.pick(&[3]), 3);
        // Every value of a small range shows up.
        let mut seen = [false; 6];
        for _ in 0..200 {
            seen[r.below(6) as usize] = true;
        }
        assert!(seen.iter().all(|&s| s));
    }
}
