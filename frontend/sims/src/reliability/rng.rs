//! A tiny deterministic random generator (SplitMix64): the same seed gives the same run, so a
//! teacher can replay a scenario. Not for anything secret.

#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    /// A number in 0..100, for percentages.
    pub fn percent(&mut self) -> u8 {
        (self.next_u64() % 100) as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers() {
        let a: Vec<u32> = (0..5)
            .scan(Rng::new(7), |r, _| Some(r.next_u32()))
            .collect();
        let b: Vec<u32> = (0..5)
            .scan(Rng::new(7), |r, _| Some(r.next_u32()))
            .collect();
        let c: Vec<u32> = (0..5)
            .scan(Rng::new(8), |r, _| Some(r.next_u32()))
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!((0..1000).all(|_| Rng::new(3).percent() < 100));
    }
}
