//! Special-purpose addresses: private, loopback, "this host", multicast, documentation... and
//! "public" when none applies. An address may have several meanings (0.0.0.0 is both "this
//! host" and inside "this network" 0.0.0.0/8).
//!
//! Decision: the limited broadcast 255.255.255.255 lies inside 240.0.0.0/4 but is *not*
//! reported as [`Special::Reserved`]; it is its own meaning, [`Special::LimitedBroadcast`]
//! (as RFC 6890 lists it and as std's unstable `Ipv4Addr::is_reserved` also decides).

use std::net::Ipv4Addr;

use crate::mask::Prefix;
use crate::subnet::Network;

/// One special meaning an address can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Special {
    /// 0.0.0.0: "this host", "any local address" when binding.
    ThisHost,
    /// 0.0.0.0/8: "this network" (network part all zeros).
    ThisNetwork,
    /// RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16.
    Private,
    /// RFC 6598: 100.64.0.0/10, used by carriers (CGN) between their routers and customers.
    SharedAddressSpace,
    /// 127.0.0.0/8: "this machine".
    Loopback,
    /// RFC 3927: 169.254.0.0/16, self-assigned when no DHCP server answers.
    LinkLocal,
    /// RFC 6890: 192.0.0.0/24, IETF protocol assignments. Reserved in the classful era and
    /// still reserved (unlike 128.0.0.0/16, which was released).
    ProtocolAssignments,
    /// RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, for examples in documents.
    Documentation,
    /// RFC 2544: 198.18.0.0/15, for benchmarking network devices.
    Benchmarking,
    /// 224.0.0.0/4 (class D).
    Multicast,
    /// 240.0.0.0/4 (class E) except 255.255.255.255: reserved for future use.
    Reserved,
    /// 255.255.255.255: broadcast to this local network only, never routed.
    LimitedBroadcast,
    /// None of the above: routable on the Internet.
    Public,
}

const fn net(a: u8, b: u8, c: u8, d: u8, len: u8) -> Network {
    let prefix = match Prefix::new(len) {
        Some(p) => p,
        None => Prefix::MAX,
    };
    Network::containing(Ipv4Addr::new(a, b, c, d), prefix)
}

impl Special {
    /// Every meaning, in the order [`specials`] reports them.
    pub const ALL: [Special; 13] = [
        Special::ThisHost,
        Special::ThisNetwork,
        Special::Private,
        Special::SharedAddressSpace,
        Special::Loopback,
        Special::LinkLocal,
        Special::ProtocolAssignments,
        Special::Documentation,
        Special::Benchmarking,
        Special::Multicast,
        Special::Reserved,
        Special::LimitedBroadcast,
        Special::Public,
    ];

    /// The address blocks of this meaning (empty for [`Special::Public`]). For
    /// [`Special::Reserved`] the block is 240.0.0.0/4, minus 255.255.255.255.
    pub const fn blocks(self) -> &'static [Network] {
        const THIS_HOST: [Network; 1] = [net(0, 0, 0, 0, 32)];
        const THIS_NETWORK: [Network; 1] = [net(0, 0, 0, 0, 8)];
        const PRIVATE: [Network; 3] = [
            net(10, 0, 0, 0, 8),
            net(172, 16, 0, 0, 12),
            net(192, 168, 0, 0, 16),
        ];
        const SHARED: [Network; 1] = [net(100, 64, 0, 0, 10)];
        const LOOPBACK: [Network; 1] = [net(127, 0, 0, 0, 8)];
        const LINK_LOCAL: [Network; 1] = [net(169, 254, 0, 0, 16)];
        const PROTOCOL_ASSIGNMENTS: [Network; 1] = [net(192, 0, 0, 0, 24)];
        const DOCUMENTATION: [Network; 3] = [
            net(192, 0, 2, 0, 24),
            net(198, 51, 100, 0, 24),
            net(203, 0, 113, 0, 24),
        ];
        const BENCHMARKING: [Network; 1] = [net(198, 18, 0, 0, 15)];
        const MULTICAST: [Network; 1] = [net(224, 0, 0, 0, 4)];
        const RESERVED: [Network; 1] = [net(240, 0, 0, 0, 4)];
        const LIMITED_BROADCAST: [Network; 1] = [net(255, 255, 255, 255, 32)];
        match self {
            Special::ThisHost => &THIS_HOST,
            Special::ThisNetwork => &THIS_NETWORK,
            Special::Private => &PRIVATE,
            Special::SharedAddressSpace => &SHARED,
            Special::Loopback => &LOOPBACK,
            Special::LinkLocal => &LINK_LOCAL,
            Special::ProtocolAssignments => &PROTOCOL_ASSIGNMENTS,
            Special::Documentation => &DOCUMENTATION,
            Special::Benchmarking => &BENCHMARKING,
            Special::Multicast => &MULTICAST,
            Special::Reserved => &RESERVED,
            Special::LimitedBroadcast => &LIMITED_BROADCAST,
            Special::Public => &[],
        }
    }

    /// The RFC that defines the meaning, where one is the usual reference.
    pub const fn rfc(self) -> Option<u16> {
        match self {
            Special::ThisHost | Special::ThisNetwork => Some(1122),
            Special::Private => Some(1918),
            Special::SharedAddressSpace => Some(6598),
            Special::Loopback => Some(1122),
            Special::LinkLocal => Some(3927),
            Special::ProtocolAssignments => Some(6890),
            Special::Documentation => Some(5737),
            Special::Benchmarking => Some(2544),
            Special::Multicast => Some(5771),
            Special::Reserved => Some(1112),
            Special::LimitedBroadcast => Some(919),
            Special::Public => None,
        }
    }

    /// Whether `addr` has this meaning (for [`Special::Public`]: whether it has no other).
    pub fn applies_to(self, addr: Ipv4Addr) -> bool {
        match self {
            Special::Public => Special::ALL[..Special::ALL.len() - 1]
                .iter()
                .all(|s| !s.applies_to(addr)),
            Special::Reserved => addr != Ipv4Addr::BROADCAST && in_any(self.blocks(), addr),
            _ => in_any(self.blocks(), addr),
        }
    }

    /// The block of this meaning that holds `addr`, for "because it is inside ..." steps.
    pub fn block_containing(self, addr: Ipv4Addr) -> Option<Network> {
        self.blocks().iter().copied().find(|n| n.contains(addr))
    }
}

fn in_any(blocks: &[Network], addr: Ipv4Addr) -> bool {
    blocks.iter().any(|n| n.contains(addr))
}

/// Every meaning of `addr`, in [`Special::ALL`] order; never empty (at least `Public`).
pub fn specials(addr: Ipv4Addr) -> Vec<Special> {
    let found: Vec<Special> = Special::ALL
        .iter()
        .copied()
        .filter(|&s| s != Special::Public && s.applies_to(addr))
        .collect();
    if found.is_empty() {
        vec![Special::Public]
    } else {
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ietf_protocol_block_is_still_reserved_and_128_0_is_not() {
        let a = |s: &str| s.parse::<Ipv4Addr>().unwrap();
        assert_eq!(specials(a("192.0.0.8")), vec![Special::ProtocolAssignments]);
        assert_eq!(
            specials(a("192.0.0.255")),
            vec![Special::ProtocolAssignments]
        );
        assert_eq!(specials(a("192.0.1.1")), vec![Special::Public]);
        assert_eq!(specials(a("192.0.2.1")), vec![Special::Documentation]);
        // Reserved in the classful era, released since: an ordinary public block now.
        assert_eq!(specials(a("128.0.0.1")), vec![Special::Public]);
    }
    use Special::*;

    fn ip(a: u8, b: u8, c: u8, d: u8) -> Ipv4Addr {
        Ipv4Addr::new(a, b, c, d)
    }

    #[test]
    fn each_meaning_at_its_edges() {
        assert_eq!(specials(ip(0, 0, 0, 0)), vec![ThisHost, ThisNetwork]);
        assert_eq!(specials(ip(0, 1, 2, 3)), vec![ThisNetwork]);
        assert_eq!(specials(ip(10, 0, 0, 0)), vec![Private]);
        assert_eq!(specials(ip(10, 255, 255, 255)), vec![Private]);
        assert_eq!(specials(ip(11, 0, 0, 0)), vec![Public]);
        assert_eq!(specials(ip(172, 15, 255, 255)), vec![Public]);
        assert_eq!(specials(ip(172, 16, 0, 0)), vec![Private]);
        assert_eq!(specials(ip(172, 31, 255, 255)), vec![Private]);
        assert_eq!(specials(ip(172, 32, 0, 0)), vec![Public]);
        assert_eq!(specials(ip(192, 168, 1, 1)), vec![Private]);
        assert_eq!(specials(ip(192, 169, 0, 0)), vec![Public]);
        assert_eq!(specials(ip(100, 63, 255, 255)), vec![Public]);
        assert_eq!(specials(ip(100, 64, 0, 0)), vec![SharedAddressSpace]);
        assert_eq!(specials(ip(100, 127, 255, 255)), vec![SharedAddressSpace]);
        assert_eq!(specials(ip(100, 128, 0, 0)), vec![Public]);
        assert_eq!(specials(ip(127, 0, 0, 1)), vec![Loopback]);
        assert_eq!(specials(ip(127, 255, 255, 255)), vec![Loopback]);
        assert_eq!(specials(ip(169, 254, 3, 4)), vec![LinkLocal]);
        assert_eq!(specials(ip(169, 253, 3, 4)), vec![Public]);
        assert_eq!(specials(ip(192, 0, 2, 1)), vec![Documentation]);
        assert_eq!(specials(ip(198, 51, 100, 7)), vec![Documentation]);
        assert_eq!(specials(ip(203, 0, 113, 255)), vec![Documentation]);
        assert_eq!(specials(ip(203, 0, 114, 0)), vec![Public]);
        assert_eq!(specials(ip(198, 17, 255, 255)), vec![Public]);
        assert_eq!(specials(ip(198, 18, 0, 0)), vec![Benchmarking]);
        assert_eq!(specials(ip(198, 19, 255, 255)), vec![Benchmarking]);
        assert_eq!(specials(ip(198, 20, 0, 0)), vec![Public]);
        assert_eq!(specials(ip(224, 0, 0, 1)), vec![Multicast]);
        assert_eq!(specials(ip(239, 255, 255, 255)), vec![Multicast]);
        assert_eq!(specials(ip(240, 0, 0, 0)), vec![Reserved]);
        assert_eq!(specials(ip(255, 255, 255, 254)), vec![Reserved]);
        assert_eq!(specials(ip(255, 255, 255, 255)), vec![LimitedBroadcast]);
        assert_eq!(specials(ip(8, 8, 8, 8)), vec![Public]);
        assert_eq!(specials(ip(223, 255, 255, 255)), vec![Public]);
    }

    #[test]
    fn applies_to_agrees_with_specials() {
        let a = ip(192, 168, 0, 1);
        assert!(Private.applies_to(a));
        assert!(!Public.applies_to(a));
        assert!(Public.applies_to(ip(1, 1, 1, 1)));
        assert!(!Reserved.applies_to(Ipv4Addr::BROADCAST));
        assert!(LimitedBroadcast.applies_to(Ipv4Addr::BROADCAST));
    }

    #[test]
    fn blocks_and_rfcs() {
        let private: Vec<String> = Private.blocks().iter().map(|n| n.to_string()).collect();
        assert_eq!(private, ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]);
        assert_eq!(Public.blocks(), &[]);
        assert_eq!(
            Private
                .block_containing(ip(172, 20, 1, 1))
                .map(|n| n.to_string()),
            Some("172.16.0.0/12".to_string())
        );
        assert_eq!(Private.block_containing(ip(8, 8, 8, 8)), None);
        assert_eq!(Private.rfc(), Some(1918));
        assert_eq!(SharedAddressSpace.rfc(), Some(6598));
        assert_eq!(Documentation.rfc(), Some(5737));
        assert_eq!(Public.rfc(), None);
        // Every block is a proper network (no host bits).
        for s in Special::ALL {
            for n in s.blocks() {
                assert_eq!(Network::new(n.addr(), n.prefix()), Ok(*n));
            }
        }
    }
}
