//! Networks and addresses-with-prefix: network address, broadcast, host range, host counts,
//! and whether a given address is the network address, the directed broadcast or a host.
//!
//! Two small types keep two ideas apart:
//! - [`Cidr`] is what a host is configured with, `192.168.1.77/26`: an address *and* a prefix.
//! - [`Network`] is a block of addresses, `192.168.1.64/26`: its host bits are all zero.
//!
//! /31 follows RFC 3021 (point-to-point links): both addresses are hosts, there is no
//! broadcast. /32 is one host, the address itself.

use std::fmt;
use std::net::Ipv4Addr;

use crate::mask::Prefix;

/// A block of addresses: a network address (host bits zero) and a prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Network {
    base: u32,
    prefix: Prefix,
}

/// [`Network::new`] was given an address with host bits set; `network` is the block's address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostBitsSet {
    pub network: Ipv4Addr,
}

/// What one address is inside its subnet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AddrRole {
    /// The first address (host bits all 0) of a /0../30: names the network, not a host.
    NetworkAddress,
    /// The last address (host bits all 1) of a /0../30: reaches every host of the subnet.
    DirectedBroadcast,
    /// An address a host may use (every address of a /31 or /32).
    Host,
}

impl Network {
    /// The network at `addr`, or an error if `addr` has host bits set.
    pub fn new(addr: Ipv4Addr, prefix: Prefix) -> Result<Network, HostBitsSet> {
        let net = Network::containing(addr, prefix);
        if net.addr() == addr {
            Ok(net)
        } else {
            Err(HostBitsSet {
                network: net.addr(),
            })
        }
    }

    /// The network of the given size that `addr` lies in (`addr AND mask`).
    pub const fn containing(addr: Ipv4Addr, prefix: Prefix) -> Network {
        Network {
            base: addr.to_bits() & prefix.mask_u32(),
            prefix,
        }
    }

    /// The network address (host bits all 0).
    pub const fn addr(self) -> Ipv4Addr {
        Ipv4Addr::from_bits(self.base)
    }

    pub const fn prefix(self) -> Prefix {
        self.prefix
    }

    pub const fn mask(self) -> Ipv4Addr {
        self.prefix.mask()
    }

    pub const fn wildcard(self) -> Ipv4Addr {
        self.prefix.wildcard()
    }

    /// The last address of the block (host bits all 1), whatever its role.
    pub const fn last_addr(self) -> Ipv4Addr {
        Ipv4Addr::from_bits(self.base | !self.prefix.mask_u32())
    }

    /// The directed broadcast address; `None` for /31 and /32, which have none.
    pub const fn broadcast(self) -> Option<Ipv4Addr> {
        if self.prefix.len() >= 31 {
            None
        } else {
            Some(self.last_addr())
        }
    }

    /// The first address a host may use.
    pub const fn first_host(self) -> Ipv4Addr {
        if self.prefix.len() >= 31 {
            self.addr()
        } else {
            Ipv4Addr::from_bits(self.base + 1)
        }
    }

    /// The last address a host may use.
    pub const fn last_host(self) -> Ipv4Addr {
        let last = self.last_addr().to_bits();
        if self.prefix.len() >= 31 {
            Ipv4Addr::from_bits(last)
        } else {
            Ipv4Addr::from_bits(last - 1)
        }
    }

    /// All addresses in the block, `2^(32 - prefix)`.
    pub const fn total_addresses(self) -> u64 {
        self.prefix.block_size()
    }

    /// Addresses hosts may use: total - 2, except /31 (2) and /32 (1).
    pub const fn usable_hosts(self) -> u64 {
        match self.prefix.len() {
            32 => 1,
            31 => 2,
            _ => self.total_addresses() - 2,
        }
    }

    pub const fn contains(self, addr: Ipv4Addr) -> bool {
        addr.to_bits() & self.prefix.mask_u32() == self.base
    }

    /// Whether `other` lies entirely inside this network (a network contains itself).
    pub const fn contains_network(self, other: Network) -> bool {
        other.prefix.len() >= self.prefix.len() && self.contains(other.addr())
    }

    /// The role of `addr` in this network, `None` if it is not inside.
    pub fn role_of(self, addr: Ipv4Addr) -> Option<AddrRole> {
        if !self.contains(addr) {
            None
        } else if self.prefix.len() >= 31 {
            Some(AddrRole::Host)
        } else if addr == self.addr() {
            Some(AddrRole::NetworkAddress)
        } else if addr == self.last_addr() {
            Some(AddrRole::DirectedBroadcast)
        } else {
            Some(AddrRole::Host)
        }
    }

    /// The two halves one bit longer, `None` for a /32.
    pub fn halves(self) -> Option<(Network, Network)> {
        let prefix = Prefix::new(self.prefix.len() + 1)?;
        let low = Network {
            base: self.base,
            prefix,
        };
        let high = Network {
            base: self.base | (1 << prefix.host_bits()),
            prefix,
        };
        Some((low, high))
    }

    /// The network one bit shorter that holds this one, `None` for /0.
    pub fn parent(self) -> Option<Network> {
        let prefix = Prefix::new(self.prefix.len().checked_sub(1)?)?;
        Some(Network::containing(self.addr(), prefix))
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.addr(), self.prefix)
    }
}

/// An address together with its prefix, as a host is configured: `192.168.1.77/26`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cidr {
    addr: Ipv4Addr,
    prefix: Prefix,
}

impl Cidr {
    pub const fn new(addr: Ipv4Addr, prefix: Prefix) -> Cidr {
        Cidr { addr, prefix }
    }

    pub const fn addr(self) -> Ipv4Addr {
        self.addr
    }

    pub const fn prefix(self) -> Prefix {
        self.prefix
    }

    /// The network this address is in (`addr AND mask`).
    pub const fn network(self) -> Network {
        Network::containing(self.addr, self.prefix)
    }

    /// Whether this address is its subnet's network address, directed broadcast, or a host.
    pub fn role(self) -> AddrRole {
        match self.network().role_of(self.addr) {
            Some(role) => role,
            // `network()` contains `addr` by construction.
            None => unreachable!("an address is always inside its own network"),
        }
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.addr, self.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(n: u8) -> Prefix {
        Prefix::new(n).unwrap()
    }

    fn ip(a: u8, b: u8, c: u8, d: u8) -> Ipv4Addr {
        Ipv4Addr::new(a, b, c, d)
    }

    #[test]
    fn the_lesson_example_192_168_1_77_slash_26() {
        let c = Cidr::new(ip(192, 168, 1, 77), p(26));
        let n = c.network();
        assert_eq!(n.addr(), ip(192, 168, 1, 64));
        assert_eq!(n.mask(), ip(255, 255, 255, 192));
        assert_eq!(n.wildcard(), ip(0, 0, 0, 63));
        assert_eq!(n.broadcast(), Some(ip(192, 168, 1, 127)));
        assert_eq!(n.last_addr(), ip(192, 168, 1, 127));
        assert_eq!(n.first_host(), ip(192, 168, 1, 65));
        assert_eq!(n.last_host(), ip(192, 168, 1, 126));
        assert_eq!(n.usable_hosts(), 62);
        assert_eq!(n.total_addresses(), 64);
        assert_eq!(c.role(), AddrRole::Host);
        assert_eq!(c.to_string(), "192.168.1.77/26");
        assert_eq!(n.to_string(), "192.168.1.64/26");
    }

    #[test]
    fn slash_31_has_two_hosts_and_no_broadcast() {
        let n = Network::containing(ip(10, 0, 0, 5), p(31));
        assert_eq!(n.addr(), ip(10, 0, 0, 4));
        assert_eq!(n.broadcast(), None);
        assert_eq!(n.first_host(), ip(10, 0, 0, 4));
        assert_eq!(n.last_host(), ip(10, 0, 0, 5));
        assert_eq!(n.usable_hosts(), 2);
        assert_eq!(n.total_addresses(), 2);
        assert_eq!(n.role_of(ip(10, 0, 0, 4)), Some(AddrRole::Host));
        assert_eq!(n.role_of(ip(10, 0, 0, 5)), Some(AddrRole::Host));
    }

    #[test]
    fn slash_32_is_one_host() {
        let n = Network::containing(ip(10, 0, 0, 5), p(32));
        assert_eq!(n.addr(), ip(10, 0, 0, 5));
        assert_eq!(n.broadcast(), None);
        assert_eq!(n.first_host(), ip(10, 0, 0, 5));
        assert_eq!(n.last_host(), ip(10, 0, 0, 5));
        assert_eq!(n.usable_hosts(), 1);
        assert_eq!(n.total_addresses(), 1);
        assert_eq!(Cidr::new(ip(10, 0, 0, 5), p(32)).role(), AddrRole::Host);
    }

    #[test]
    fn slash_30_and_slash_0() {
        let n = Network::containing(ip(10, 0, 0, 5), p(30));
        assert_eq!(n.usable_hosts(), 2);
        assert_eq!(n.broadcast(), Some(ip(10, 0, 0, 7)));
        let all = Network::containing(ip(1, 2, 3, 4), p(0));
        assert_eq!(all.addr(), Ipv4Addr::UNSPECIFIED);
        assert_eq!(all.broadcast(), Some(Ipv4Addr::BROADCAST));
        assert_eq!(all.total_addresses(), 1 << 32);
        assert_eq!(all.usable_hosts(), (1 << 32) - 2);
        assert_eq!(all.first_host(), ip(0, 0, 0, 1));
        assert_eq!(all.last_host(), ip(255, 255, 255, 254));
    }

    #[test]
    fn roles() {
        let n = Network::containing(ip(192, 168, 1, 0), p(24));
        assert_eq!(
            n.role_of(ip(192, 168, 1, 0)),
            Some(AddrRole::NetworkAddress)
        );
        assert_eq!(
            n.role_of(ip(192, 168, 1, 255)),
            Some(AddrRole::DirectedBroadcast)
        );
        assert_eq!(n.role_of(ip(192, 168, 1, 1)), Some(AddrRole::Host));
        assert_eq!(n.role_of(ip(192, 168, 2, 1)), None);
        assert_eq!(
            Cidr::new(ip(192, 168, 1, 127), p(26)).role(),
            AddrRole::DirectedBroadcast
        );
        assert_eq!(
            Cidr::new(ip(192, 168, 1, 64), p(26)).role(),
            AddrRole::NetworkAddress
        );
    }

    #[test]
    fn new_refuses_host_bits() {
        assert_eq!(
            Network::new(ip(192, 168, 1, 77), p(26)),
            Err(HostBitsSet {
                network: ip(192, 168, 1, 64)
            })
        );
        assert!(Network::new(ip(192, 168, 1, 64), p(26)).is_ok());
    }

    #[test]
    fn contains_and_contains_network() {
        let n = Network::containing(ip(172, 16, 0, 0), p(12));
        assert!(n.contains(ip(172, 31, 255, 255)));
        assert!(!n.contains(ip(172, 32, 0, 0)));
        assert!(!n.contains(ip(172, 15, 255, 255)));
        assert!(n.contains_network(Network::containing(ip(172, 20, 0, 0), p(16))));
        assert!(n.contains_network(n));
        assert!(!n.contains_network(Network::containing(ip(172, 0, 0, 0), p(8))));
    }

    #[test]
    fn halves_and_parent() {
        let n = Network::containing(ip(10, 0, 0, 0), p(8));
        let (lo, hi) = n.halves().unwrap();
        assert_eq!(lo.to_string(), "10.0.0.0/9");
        assert_eq!(hi.to_string(), "10.128.0.0/9");
        assert_eq!(lo.parent(), Some(n));
        assert_eq!(hi.parent(), Some(n));
        assert_eq!(Network::containing(ip(1, 1, 1, 1), p(32)).halves(), None);
        assert_eq!(Network::containing(ip(1, 1, 1, 1), p(0)).parent(), None);
        let (a, b) = Network::containing(ip(0, 0, 0, 0), p(0)).halves().unwrap();
        assert_eq!(
            (a.to_string(), b.to_string()),
            ("0.0.0.0/1".into(), "128.0.0.0/1".into())
        );
    }
}
