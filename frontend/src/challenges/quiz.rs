//! Challenge 7's questions about the learner's own subnet, built from one of their real
//! addresses and graded with `netmath`: pure, tested natively.

use std::net::{IpAddr, Ipv4Addr};

use netmath::{Cidr, Network, Prefix, parse_addr};
use protocol::Interface;

/// The questions for one address of the learner's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quiz {
    pub cidr: Cidr,
    pub gateway: Option<Ipv4Addr>,
    /// Another address of the same subnet.
    pub inside: Ipv4Addr,
    /// The first address after the subnet: the neighbour's, reached through the gateway.
    pub outside: Ipv4Addr,
}

/// What the learner answered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    pub network: String,
    pub broadcast: String,
    /// `Some(true)`: "on my subnet"; `Some(false)`: "through the gateway".
    pub inside_direct: Option<bool>,
    pub outside_direct: Option<bool>,
}

/// The checks, as the report lists them (`chal.check.<id>`).
pub const CHECKS: [&str; 4] = [
    "network_address",
    "broadcast_address",
    "reach_inside",
    "reach_outside",
];

/// The IPv4 address to ask about: the one with a default gateway, else any but loopback,
/// else loopback (a machine without a network still has 127.0.0.1/8).
pub fn pick(list: &[Interface]) -> Option<(Cidr, Option<Ipv4Addr>)> {
    let v4 = |i: &Interface| match (i.addr, i.gateway) {
        (IpAddr::V4(a), g) => {
            let gateway = match g {
                Some(IpAddr::V4(g)) => Some(g),
                _ => None,
            };
            Some((Cidr::new(a, Prefix::new(i.prefix)?), gateway))
        }
        _ => None,
    };
    let all: Vec<_> = list.iter().filter_map(v4).collect();
    all.iter()
        .find(|(_, g)| g.is_some())
        .or_else(|| all.iter().find(|(c, _)| !c.addr().is_loopback()))
        .or_else(|| all.first())
        .copied()
}

impl Quiz {
    pub fn new(cidr: Cidr, gateway: Option<Ipv4Addr>) -> Quiz {
        let net = cidr.network();
        let inside = if net.first_host() != cidr.addr() {
            net.first_host()
        } else {
            net.last_host()
        };
        let outside = Ipv4Addr::from_bits(net.last_addr().to_bits().wrapping_add(1));
        // A subnet at the very top of the space: its neighbour is just below instead.
        let outside = if net.contains(outside) || outside.is_unspecified() {
            Ipv4Addr::from_bits(net.addr().to_bits().wrapping_sub(1))
        } else {
            outside
        };
        Quiz {
            cidr,
            gateway,
            inside,
            outside,
        }
    }

    pub fn network(&self) -> Network {
        self.cidr.network()
    }

    /// Each check's id and whether the answer is right. The broadcast question is left out
    /// for /31 and /32, which have none.
    pub fn grade(&self, a: &Answers) -> Vec<(&'static str, bool)> {
        let net = self.network();
        let same = |text: &str, want: Ipv4Addr| parse_addr(text.trim()) == Ok(want);
        let mut out = vec![(CHECKS[0], same(&a.network, net.addr()))];
        if let Some(b) = net.broadcast() {
            out.push((CHECKS[1], same(&a.broadcast, b)));
        }
        out.push((
            CHECKS[2],
            a.inside_direct == Some(net.contains(self.inside)),
        ));
        out.push((
            CHECKS[3],
            a.outside_direct == Some(net.contains(self.outside)),
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iface(name: &str, addr: &str, prefix: u8, gateway: Option<&str>) -> Interface {
        Interface {
            name: name.into(),
            addr: addr.parse().unwrap(),
            prefix,
            gateway: gateway.map(|g| g.parse().unwrap()),
        }
    }

    fn cidr(a: &str, p: u8) -> Cidr {
        Cidr::new(a.parse().unwrap(), Prefix::new(p).unwrap())
    }

    #[test]
    fn the_address_with_a_gateway_is_asked_about_and_loopback_only_last() {
        let list = [
            iface("lo", "127.0.0.1", 8, None),
            iface("eth0", "fe80::1", 64, None),
            iface("docker0", "172.17.0.1", 16, None),
            iface("wlan0", "192.168.1.23", 24, Some("192.168.1.1")),
        ];
        assert_eq!(
            pick(&list),
            Some((
                cidr("192.168.1.23", 24),
                Some("192.168.1.1".parse().unwrap())
            ))
        );
        assert_eq!(pick(&list[..3]), Some((cidr("172.17.0.1", 16), None)));
        assert_eq!(pick(&list[..2]), Some((cidr("127.0.0.1", 8), None)));
        assert_eq!(pick(&list[1..2]), None);
    }

    #[test]
    fn right_answers_pass_and_each_wrong_one_fails_its_own_check() {
        let q = Quiz::new(cidr("192.168.1.23", 24), None);
        assert_eq!(q.inside, "192.168.1.1".parse::<Ipv4Addr>().unwrap());
        assert_eq!(q.outside, "192.168.2.0".parse::<Ipv4Addr>().unwrap());
        let right = Answers {
            network: " 192.168.1.0".into(),
            broadcast: "192.168.1.255".into(),
            inside_direct: Some(true),
            outside_direct: Some(false),
        };
        assert!(q.grade(&right).iter().all(|(_, ok)| *ok));
        let wrong = Answers {
            network: "192.168.1.23".into(),
            broadcast: "192.168.1.254".into(),
            inside_direct: Some(false),
            outside_direct: None,
        };
        assert_eq!(
            q.grade(&wrong),
            vec![
                ("network_address", false),
                ("broadcast_address", false),
                ("reach_inside", false),
                ("reach_outside", false)
            ]
        );
    }

    #[test]
    fn edges_of_the_space_and_point_to_point_links() {
        let top = Quiz::new(cidr("255.255.255.1", 24), None);
        assert_eq!(top.outside, "255.255.254.255".parse::<Ipv4Addr>().unwrap());
        let host = Quiz::new(cidr("10.0.0.5", 32), None);
        let checks: Vec<_> = host
            .grade(&Answers::default())
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        assert_eq!(checks, ["network_address", "reach_inside", "reach_outside"]);
    }
}
