//! Equal split: cutting a network into N subnets of the same size by borrowing host bits.
//! N must be a power of two; any other N is rounded up to the next power of two, and the
//! result says so.

use crate::mask::Prefix;
use crate::subnet::Network;

/// Why a network cannot be split as asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitError {
    /// Zero subnets were asked for.
    ZeroSubnets,
    /// More subnets than the network has addresses (the prefix would pass /32). `max` is the
    /// most this network can be split into: one subnet per address.
    TooManySubnets { requested: u64, max: u64 },
}

/// The result of an equal split. Subnets are computed on demand (a /0 split into 2^32 would
/// not fit in memory as a list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EqualSplit {
    parent: Network,
    requested: u64,
    new_prefix: Prefix,
}

/// Splits `parent` into `requested` equal subnets (rounded up to a power of two).
pub fn equal_split(parent: Network, requested: u64) -> Result<EqualSplit, SplitError> {
    if requested == 0 {
        return Err(SplitError::ZeroSubnets);
    }
    let max = parent.total_addresses();
    let too_many = SplitError::TooManySubnets { requested, max };
    let count = requested.checked_next_power_of_two().ok_or(too_many)?;
    if count > max {
        return Err(too_many);
    }
    // count <= max <= 2^32, so the borrowed bits fit and the new prefix is at most 32.
    let borrowed = count.trailing_zeros() as u8;
    let new_prefix = Prefix::new(parent.prefix().len() + borrowed).ok_or(too_many)?;
    Ok(EqualSplit {
        parent,
        requested,
        new_prefix,
    })
}

impl EqualSplit {
    pub fn parent(&self) -> Network {
        self.parent
    }

    /// What was asked for.
    pub fn requested(&self) -> u64 {
        self.requested
    }

    /// How many subnets there are: `requested` rounded up to a power of two.
    pub fn count(&self) -> u64 {
        1 << self.borrowed_bits()
    }

    /// Whether `requested` was not a power of two and had to be rounded up.
    pub fn rounded_up(&self) -> bool {
        self.count() != self.requested
    }

    /// Host bits turned into subnet bits: `log2(count)`.
    pub fn borrowed_bits(&self) -> u8 {
        self.new_prefix.len() - self.parent.prefix().len()
    }

    pub fn new_prefix(&self) -> Prefix {
        self.new_prefix
    }

    /// The `i`-th subnet (0-based), `None` past the end.
    pub fn subnet(&self, i: u64) -> Option<Network> {
        if i >= self.count() {
            return None;
        }
        let offset = i * self.new_prefix.block_size();
        // offset < parent's size, so the sum stays inside the parent and inside u32.
        let base = u64::from(self.parent.addr().to_bits()) + offset;
        let addr = std::net::Ipv4Addr::from_bits(u32::try_from(base).ok()?);
        Some(Network::containing(addr, self.new_prefix))
    }

    /// The subnets in address order.
    pub fn subnets(&self) -> impl Iterator<Item = Network> + '_ {
        (0..self.count()).map_while(|i| self.subnet(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Network {
        s.parse::<crate::subnet::Cidr>().unwrap().network()
    }

    fn names(s: &EqualSplit) -> Vec<String> {
        s.subnets().map(|n| n.to_string()).collect()
    }

    #[test]
    fn ten_slash_8_into_4() {
        let s = equal_split(n("10.0.0.0/8"), 4).unwrap();
        assert_eq!(
            names(&s),
            [
                "10.0.0.0/10",
                "10.64.0.0/10",
                "10.128.0.0/10",
                "10.192.0.0/10"
            ]
        );
        assert_eq!(s.parent(), n("10.0.0.0/8"));
        assert_eq!(s.count(), 4);
        assert_eq!(s.borrowed_bits(), 2);
        assert!(!s.rounded_up());
        assert_eq!(s.new_prefix().len(), 10);
    }

    #[test]
    fn rounds_up_and_says_so() {
        let s = equal_split(n("192.168.1.0/24"), 3).unwrap();
        assert_eq!(s.requested(), 3);
        assert_eq!(s.count(), 4);
        assert!(s.rounded_up());
        assert_eq!(
            names(&s),
            [
                "192.168.1.0/26",
                "192.168.1.64/26",
                "192.168.1.128/26",
                "192.168.1.192/26"
            ]
        );
        assert_eq!(s.subnet(4), None);
    }

    #[test]
    fn one_subnet_is_the_network_itself() {
        let s = equal_split(n("192.168.1.0/24"), 1).unwrap();
        assert_eq!(names(&s), ["192.168.1.0/24"]);
        assert_eq!(s.borrowed_bits(), 0);
    }

    #[test]
    fn down_to_slash_32_and_no_further() {
        let s = equal_split(n("192.168.1.0/30"), 4).unwrap();
        assert_eq!(s.new_prefix().len(), 32);
        assert_eq!(
            s.subnet(3).map(|n| n.to_string()),
            Some("192.168.1.3/32".into())
        );
        assert_eq!(
            equal_split(n("192.168.1.0/30"), 5),
            Err(SplitError::TooManySubnets {
                requested: 5,
                max: 4
            })
        );
        assert_eq!(
            equal_split(n("10.0.0.0/32"), 2),
            Err(SplitError::TooManySubnets {
                requested: 2,
                max: 1
            })
        );
        assert_eq!(
            equal_split(n("10.0.0.0/8"), u64::MAX),
            Err(SplitError::TooManySubnets {
                requested: u64::MAX,
                max: 1 << 24
            })
        );
        assert_eq!(
            equal_split(n("10.0.0.0/8"), 0),
            Err(SplitError::ZeroSubnets)
        );
    }

    #[test]
    fn whole_address_space() {
        let s = equal_split(n("0.0.0.0/0"), 1 << 32).unwrap();
        assert_eq!(s.count(), 1 << 32);
        assert_eq!(
            s.subnet((1 << 32) - 1).map(|n| n.to_string()),
            Some("255.255.255.255/32".into())
        );
    }
}
