//! Classful addressing (historical, replaced by CIDR in 1993): classes A-E by leading bits,
//! their ranges, default masks, network and host counts, and an address's classful network.
//!
//! The counts are the real ones: class A has 2^24 - 2 = 16,777,214 hosts per network (the
//! classic course misprints it as 1677214).

use std::net::Ipv4Addr;

use crate::mask::Prefix;
use crate::subnet::Network;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    A,
    B,
    C,
    D,
    E,
}

/// The fixed leading bits that identify a class, e.g. class C = `110` (3 bits, value 0b110).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeadingBits {
    /// How many bits (1 for A, 2 for B, 3 for C, 4 for D and E).
    pub count: u8,
    /// Their value, right-aligned: A 0b0, B 0b10, C 0b110, D 0b1110, E 0b1111.
    pub value: u8,
}

impl Class {
    pub const ALL: [Class; 5] = [Class::A, Class::B, Class::C, Class::D, Class::E];

    /// The class of an address, read from its first bits.
    pub const fn of(addr: Ipv4Addr) -> Class {
        let first = addr.octets()[0];
        match first.leading_ones() {
            0 => Class::A,
            1 => Class::B,
            2 => Class::C,
            3 => Class::D,
            _ => Class::E,
        }
    }

    pub const fn leading_bits(self) -> LeadingBits {
        let (count, value) = match self {
            Class::A => (1, 0b0),
            Class::B => (2, 0b10),
            Class::C => (3, 0b110),
            Class::D => (4, 0b1110),
            Class::E => (4, 0b1111),
        };
        LeadingBits { count, value }
    }

    /// The first address of the class (leading bits, then zeros).
    pub const fn first(self) -> Ipv4Addr {
        let lb = self.leading_bits();
        Ipv4Addr::new(lb.value << (8 - lb.count), 0, 0, 0)
    }

    /// The last address of the class (leading bits, then ones).
    pub const fn last(self) -> Ipv4Addr {
        let lb = self.leading_bits();
        let first = lb.value << (8 - lb.count);
        let ones = 0xFFu8 >> lb.count;
        Ipv4Addr::new(first | ones, 255, 255, 255)
    }

    /// Bytes of network part: A 1, B 2, C 3; D and E are not split into network and host.
    pub const fn network_bytes(self) -> Option<u8> {
        match self {
            Class::A => Some(1),
            Class::B => Some(2),
            Class::C => Some(3),
            Class::D | Class::E => None,
        }
    }

    pub const fn host_bytes(self) -> Option<u8> {
        match self.network_bytes() {
            Some(n) => Some(4 - n),
            None => None,
        }
    }

    /// /8, /16, /24 for A, B, C.
    pub const fn default_prefix(self) -> Option<Prefix> {
        match self.network_bytes() {
            Some(n) => Prefix::new(n * 8),
            None => None,
        }
    }

    /// 255.0.0.0, 255.255.0.0, 255.255.255.0 for A, B, C.
    pub const fn default_mask(self) -> Option<Ipv4Addr> {
        match self.default_prefix() {
            Some(p) => Some(p.mask()),
            None => None,
        }
    }

    /// Bits that number the networks: network bits minus the fixed leading bits
    /// (A 7, B 14, C 21).
    pub const fn network_number_bits(self) -> Option<u8> {
        match self.network_bytes() {
            Some(n) => Some(n * 8 - self.leading_bits().count),
            None => None,
        }
    }

    /// Networks the class can number, `2^network_number_bits` (A 128, B 16,384, C 2,097,152).
    pub const fn network_numbers(self) -> Option<u32> {
        match self.network_number_bits() {
            Some(bits) => Some(1 << bits),
            None => None,
        }
    }

    /// First octets of class A that are not usable networks: 0 ("this network") and 127
    /// (loopback). B and C exclude none.
    pub const fn excluded_first_octets(self) -> &'static [u8] {
        match self {
            Class::A => &[0, 127],
            _ => &[],
        }
    }

    /// Usable networks: A 126 (0 and 127 excluded), B 16,384, C 2,097,152.
    pub const fn usable_networks(self) -> Option<u32> {
        match self.network_numbers() {
            Some(n) => Some(n - self.excluded_first_octets().len() as u32),
            None => None,
        }
    }

    /// Hosts per network, `2^(host bits) - 2`: A 16,777,214, B 65,534, C 254.
    pub const fn hosts_per_network(self) -> Option<u32> {
        match self.host_bytes() {
            Some(h) => Some((1u32 << (h * 8)).wrapping_sub(2)),
            None => None,
        }
    }

    /// First and last usable host over the class's usable networks: A 1.0.0.1 -
    /// 126.255.255.254, B 128.0.0.1 - 191.255.255.254, C 192.0.0.1 - 223.255.255.254.
    /// (The classic course starts B at 128.1.0.1 and C at 192.0.1.1 because those first
    /// networks were once reserved; RFC 3330 released them.)
    pub fn usable_host_span(self) -> Option<(Ipv4Addr, Ipv4Addr)> {
        let prefix = self.default_prefix()?;
        let mut first_net = Network::containing(self.first(), prefix);
        let mut last_net = Network::containing(self.last(), prefix);
        let excluded = self.excluded_first_octets();
        while excluded.contains(&first_net.addr().octets()[0]) {
            first_net = Network::containing(step(first_net.addr(), prefix, 1), prefix);
        }
        while excluded.contains(&last_net.addr().octets()[0]) {
            last_net = Network::containing(step(last_net.addr(), prefix, -1), prefix);
        }
        Some((first_net.first_host(), last_net.last_host()))
    }

    /// The classful network of an address (its class's default mask applied), `None` for
    /// classes D and E.
    pub fn classful_network(addr: Ipv4Addr) -> Option<Network> {
        let prefix = Class::of(addr).default_prefix()?;
        Some(Network::containing(addr, prefix))
    }
}

/// One block of the given size up (`dir` 1) or down (`dir` -1).
fn step(addr: Ipv4Addr, prefix: Prefix, dir: i8) -> Ipv4Addr {
    // Only called within a class, so the block size fits in u32 (classes are /1 or longer).
    let size = prefix.block_size() as u32;
    let bits = addr.to_bits();
    Ipv4Addr::from_bits(if dir > 0 {
        bits.wrapping_add(size)
    } else {
        bits.wrapping_sub(size)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(a: u8, b: u8, c: u8, d: u8) -> Ipv4Addr {
        Ipv4Addr::new(a, b, c, d)
    }

    #[test]
    fn classes_by_first_octet_boundaries() {
        assert_eq!(Class::of(ip(0, 0, 0, 0)), Class::A);
        assert_eq!(Class::of(ip(127, 255, 255, 255)), Class::A);
        assert_eq!(Class::of(ip(128, 0, 0, 0)), Class::B);
        assert_eq!(Class::of(ip(191, 255, 255, 255)), Class::B);
        assert_eq!(Class::of(ip(192, 0, 0, 0)), Class::C);
        assert_eq!(Class::of(ip(223, 255, 255, 255)), Class::C);
        assert_eq!(Class::of(ip(224, 0, 0, 0)), Class::D);
        assert_eq!(Class::of(ip(239, 255, 255, 255)), Class::D);
        assert_eq!(Class::of(ip(240, 0, 0, 0)), Class::E);
        assert_eq!(Class::of(ip(255, 255, 255, 255)), Class::E);
    }

    #[test]
    fn ranges() {
        let ranges: Vec<_> = Class::ALL.iter().map(|c| (c.first(), c.last())).collect();
        assert_eq!(
            ranges,
            vec![
                (ip(0, 0, 0, 0), ip(127, 255, 255, 255)),
                (ip(128, 0, 0, 0), ip(191, 255, 255, 255)),
                (ip(192, 0, 0, 0), ip(223, 255, 255, 255)),
                (ip(224, 0, 0, 0), ip(239, 255, 255, 255)),
                (ip(240, 0, 0, 0), ip(255, 255, 255, 255)),
            ]
        );
    }

    #[test]
    fn leading_bits() {
        assert_eq!(Class::A.leading_bits(), LeadingBits { count: 1, value: 0 });
        assert_eq!(
            Class::B.leading_bits(),
            LeadingBits {
                count: 2,
                value: 0b10
            }
        );
        assert_eq!(
            Class::C.leading_bits(),
            LeadingBits {
                count: 3,
                value: 0b110
            }
        );
        assert_eq!(
            Class::D.leading_bits(),
            LeadingBits {
                count: 4,
                value: 0b1110
            }
        );
        assert_eq!(
            Class::E.leading_bits(),
            LeadingBits {
                count: 4,
                value: 0b1111
            }
        );
    }

    #[test]
    fn counts_match_the_curriculum_table() {
        assert_eq!(Class::A.network_numbers(), Some(128));
        assert_eq!(Class::A.usable_networks(), Some(126));
        assert_eq!(Class::B.usable_networks(), Some(16_384));
        assert_eq!(Class::C.usable_networks(), Some(2_097_152));
        assert_eq!(Class::A.hosts_per_network(), Some(16_777_214));
        assert_ne!(Class::A.hosts_per_network(), Some(1_677_214));
        assert_eq!(Class::B.hosts_per_network(), Some(65_534));
        assert_eq!(Class::C.hosts_per_network(), Some(254));
        assert_eq!(Class::D.hosts_per_network(), None);
        assert_eq!(Class::E.usable_networks(), None);
        assert_eq!(Class::A.network_number_bits(), Some(7));
        assert_eq!(Class::B.network_number_bits(), Some(14));
        assert_eq!(Class::C.network_number_bits(), Some(21));
    }

    #[test]
    fn bytes_and_default_masks() {
        assert_eq!(
            (Class::A.network_bytes(), Class::A.host_bytes()),
            (Some(1), Some(3))
        );
        assert_eq!(
            (Class::B.network_bytes(), Class::B.host_bytes()),
            (Some(2), Some(2))
        );
        assert_eq!(
            (Class::C.network_bytes(), Class::C.host_bytes()),
            (Some(3), Some(1))
        );
        assert_eq!(Class::D.network_bytes(), None);
        assert_eq!(Class::A.default_mask(), Some(ip(255, 0, 0, 0)));
        assert_eq!(Class::B.default_mask(), Some(ip(255, 255, 0, 0)));
        assert_eq!(Class::C.default_mask(), Some(ip(255, 255, 255, 0)));
        assert_eq!(Class::E.default_mask(), None);
        assert_eq!(Class::C.default_prefix().map(Prefix::len), Some(24));
    }

    #[test]
    fn usable_host_spans() {
        assert_eq!(
            Class::A.usable_host_span(),
            Some((ip(1, 0, 0, 1), ip(126, 255, 255, 254)))
        );
        assert_eq!(
            Class::B.usable_host_span(),
            Some((ip(128, 0, 0, 1), ip(191, 255, 255, 254)))
        );
        assert_eq!(
            Class::C.usable_host_span(),
            Some((ip(192, 0, 0, 1), ip(223, 255, 255, 254)))
        );
        assert_eq!(Class::D.usable_host_span(), None);
    }

    #[test]
    fn classful_networks() {
        let n = Class::classful_network(ip(10, 1, 2, 3)).unwrap();
        assert_eq!(n.to_string(), "10.0.0.0/8");
        let n = Class::classful_network(ip(172, 16, 5, 4)).unwrap();
        assert_eq!(n.to_string(), "172.16.0.0/16");
        let n = Class::classful_network(ip(192, 168, 1, 77)).unwrap();
        assert_eq!(n.to_string(), "192.168.1.0/24");
        assert_eq!(Class::classful_network(ip(224, 0, 0, 1)), None);
        assert_eq!(Class::classful_network(ip(250, 0, 0, 1)), None);
    }
}
