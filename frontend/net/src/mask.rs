//! Prefix lengths and subnet masks: prefix <-> mask, wildcard masks, and the bit-by-bit AND
//! that turns an address into its network address (data for the AND animation).

use std::fmt;
use std::net::Ipv4Addr;

/// A prefix length, 0 to 32 inclusive: how many leading bits of an address are network bits.
///
/// The range is checked once, in [`Prefix::new`], so every other function can rely on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Prefix(u8);

#[expect(
    clippy::len_without_is_empty,
    reason = "a prefix length is a number of bits, not a container"
)]
impl Prefix {
    /// The longest prefix: a single address.
    pub const MAX: Prefix = Prefix(32);

    /// `Some` for 0..=32, `None` above.
    pub const fn new(len: u8) -> Option<Prefix> {
        if len <= 32 { Some(Prefix(len)) } else { None }
    }

    /// The number of network bits.
    pub const fn len(self) -> u8 {
        self.0
    }

    /// The number of host bits (`32 - len`).
    pub const fn host_bits(self) -> u8 {
        32 - self.0
    }

    /// The mask as a number: `len` one bits followed by zero bits.
    pub const fn mask_u32(self) -> u32 {
        // A shift by 32 would overflow, so /0 is its own case.
        if self.0 == 0 {
            0
        } else {
            u32::MAX << (32 - self.0)
        }
    }

    /// The subnet mask in dotted form, e.g. /26 -> 255.255.255.192.
    pub const fn mask(self) -> Ipv4Addr {
        Ipv4Addr::from_bits(self.mask_u32())
    }

    /// The wildcard (host) mask: the mask inverted, e.g. /26 -> 0.0.0.63.
    pub const fn wildcard(self) -> Ipv4Addr {
        Ipv4Addr::from_bits(!self.mask_u32())
    }

    /// Addresses in a block of this size: `2^(32 - len)` (needs `u64`: /0 has 2^32).
    pub const fn block_size(self) -> u64 {
        1u64 << self.host_bits()
    }

    /// The prefix a dotted mask stands for, or where it breaks the "ones, then zeros" rule.
    pub fn from_mask(mask: Ipv4Addr) -> Result<Prefix, NonContiguousMask> {
        let bits = mask.to_bits();
        let ones = bits.leading_ones();
        // The bits after the leading ones (`checked_shl` is `None` for the all-ones mask).
        let rest = bits.checked_shl(ones).unwrap_or(0);
        if rest == 0 {
            // `ones` is at most 32, so this is a valid prefix.
            return Ok(Prefix(ones as u8));
        }
        // Bit `ones` (counted from the left) is the first 0; a 1 follows it somewhere.
        let first_zero = ones as u8;
        let next_one = first_zero + rest.leading_zeros() as u8;
        Err(NonContiguousMask {
            first_zero,
            next_one,
        })
    }
}

impl fmt::Display for Prefix {
    /// Written the way the lessons write it: `/26`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "/{}", self.0)
    }
}

/// A mask whose one bits are not all at the front (e.g. 255.0.255.0).
///
/// Bit positions count from the left, 0 = the most significant bit of the first octet, the same
/// numbering as [`crate::bits`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NonContiguousMask {
    /// The first 0 bit.
    pub first_zero: u8,
    /// The first 1 bit after it: the one that makes the mask invalid.
    pub next_one: u8,
}

/// One column of the AND animation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AndBit {
    pub addr: bool,
    pub mask: bool,
    pub result: bool,
}

/// `addr AND mask`, bit by bit from the left (index 0 = most significant bit).
pub fn and_bits(addr: Ipv4Addr, prefix: Prefix) -> [AndBit; 32] {
    let a = addr.to_bits();
    let m = prefix.mask_u32();
    std::array::from_fn(|i| {
        let shift = 31 - i;
        let addr = (a >> shift) & 1 == 1;
        let mask = (m >> shift) & 1 == 1;
        AndBit {
            addr,
            mask,
            result: addr && mask,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(n: u8) -> Prefix {
        Prefix::new(n).unwrap()
    }

    #[test]
    fn new_rejects_above_32() {
        assert_eq!(Prefix::new(32), Some(Prefix::MAX));
        assert_eq!(Prefix::new(0).map(Prefix::len), Some(0));
        assert_eq!(Prefix::new(33), None);
        assert_eq!(Prefix::new(255), None);
    }

    #[test]
    fn masks_and_wildcards() {
        assert_eq!(p(26).mask(), Ipv4Addr::new(255, 255, 255, 192));
        assert_eq!(p(26).wildcard(), Ipv4Addr::new(0, 0, 0, 63));
        assert_eq!(p(0).mask(), Ipv4Addr::new(0, 0, 0, 0));
        assert_eq!(p(0).wildcard(), Ipv4Addr::new(255, 255, 255, 255));
        assert_eq!(p(32).mask(), Ipv4Addr::new(255, 255, 255, 255));
        assert_eq!(p(32).wildcard(), Ipv4Addr::new(0, 0, 0, 0));
        assert_eq!(p(8).mask(), Ipv4Addr::new(255, 0, 0, 0));
        assert_eq!(p(12).mask(), Ipv4Addr::new(255, 240, 0, 0));
    }

    #[test]
    fn block_sizes() {
        assert_eq!(p(0).block_size(), 1 << 32);
        assert_eq!(p(24).block_size(), 256);
        assert_eq!(p(32).block_size(), 1);
        assert_eq!(p(26).host_bits(), 6);
    }

    #[test]
    fn from_mask_roundtrips_every_prefix() {
        for n in 0..=32 {
            assert_eq!(Prefix::from_mask(p(n).mask()), Ok(p(n)));
        }
    }

    #[test]
    fn from_mask_reports_the_break() {
        assert_eq!(
            Prefix::from_mask(Ipv4Addr::new(255, 0, 255, 0)),
            Err(NonContiguousMask {
                first_zero: 8,
                next_one: 16
            })
        );
        assert_eq!(
            Prefix::from_mask(Ipv4Addr::new(0, 0, 0, 1)),
            Err(NonContiguousMask {
                first_zero: 0,
                next_one: 31
            })
        );
        assert_eq!(
            Prefix::from_mask(Ipv4Addr::new(255, 255, 255, 253)),
            Err(NonContiguousMask {
                first_zero: 30,
                next_one: 31
            })
        );
    }

    #[test]
    fn display() {
        assert_eq!(p(26).to_string(), "/26");
    }

    #[test]
    fn and_bits_gives_the_network() {
        let bits = and_bits(Ipv4Addr::new(192, 168, 1, 77), p(26));
        let result = bits
            .iter()
            .fold(0u32, |acc, b| (acc << 1) | u32::from(b.result));
        assert_eq!(Ipv4Addr::from_bits(result), Ipv4Addr::new(192, 168, 1, 64));
        // 192 = 1100_0000: the first bit of the address is 1, of the mask 1.
        assert!(bits[0].addr && bits[0].mask && bits[0].result);
        // 77 = 0100_1101 fills bits 24..32. Bit 25 is the last network bit: kept.
        assert!(bits[25].addr && bits[25].mask && bits[25].result);
        assert!(bits[24].mask && !bits[24].addr && !bits[24].result);
        // Bit 26 is the first host bit; bit 28 is set in the address but masked away.
        assert!(!bits[26].mask);
        assert!(bits[28].addr && !bits[28].mask && !bits[28].result);
        assert!(!bits[31].mask && bits[31].addr && !bits[31].result);
    }
}
