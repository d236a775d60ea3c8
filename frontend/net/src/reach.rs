//! Same subnet or via a gateway: whether host A can send straight to host B, decided the way
//! A's operating system decides it (A's own mask applied to both addresses), and whether B,
//! with its own mask, agrees.

use std::net::Ipv4Addr;

use crate::subnet::{Cidr, Network};

/// How a packet from one host reaches another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Delivery {
    /// Same subnet: the sender finds the receiver on the link (ARP) and sends to it directly.
    Direct,
    /// Different subnet: the sender hands the packet to its default gateway (router).
    ViaGateway,
}

/// One host's view: its mask applied to its own address and to the other host's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct View {
    /// `own address AND own mask`.
    pub own_network: Ipv4Addr,
    /// `other address AND own mask`.
    pub other_network: Ipv4Addr,
    pub delivery: Delivery,
}

/// The whole decision with its steps, for the lesson's step-through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reach {
    pub a: Cidr,
    pub b: Cidr,
    /// What A does when sending to B (this is the answer to "direct or via gateway?").
    pub from_a: View,
    /// What B does when replying to A.
    pub from_b: View,
}

impl Reach {
    /// Whether both hosts come to the same decision. When they do not (different masks), one
    /// side sends directly and the other through its gateway: it may work, but it is a
    /// misconfiguration worth showing.
    pub fn agree(&self) -> bool {
        self.from_a.delivery == self.from_b.delivery
    }
}

fn view(own: Cidr, other: Ipv4Addr) -> View {
    let own_network = own.network().addr();
    let other_network = Network::containing(other, own.prefix()).addr();
    let delivery = if own_network == other_network {
        Delivery::Direct
    } else {
        Delivery::ViaGateway
    };
    View {
        own_network,
        other_network,
        delivery,
    }
}

/// Decides how A reaches B and how B answers A.
pub fn reach(a: Cidr, b: Cidr) -> Reach {
    Reach {
        a,
        b,
        from_a: view(a, b.addr()),
        from_b: view(b, a.addr()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Cidr {
        s.parse().unwrap()
    }

    #[test]
    fn curriculum_examples() {
        let r = reach(
            c("192.168.1.1/255.255.255.0"),
            c("192.168.1.2/255.255.255.0"),
        );
        assert_eq!(r.from_a.delivery, Delivery::Direct);
        assert_eq!(r.from_a.own_network, Ipv4Addr::new(192, 168, 1, 0));
        assert_eq!(r.from_a.other_network, Ipv4Addr::new(192, 168, 1, 0));
        assert!(r.agree());

        let r = reach(c("192.168.1.1/24"), c("192.168.2.2/24"));
        assert_eq!(r.from_a.delivery, Delivery::ViaGateway);
        assert_eq!(r.from_a.own_network, Ipv4Addr::new(192, 168, 1, 0));
        assert_eq!(r.from_a.other_network, Ipv4Addr::new(192, 168, 2, 0));
        assert_eq!(r.from_b.delivery, Delivery::ViaGateway);
        assert!(r.agree());
    }

    #[test]
    fn different_masks_can_disagree() {
        // A thinks 10.0.0.0/8 is all local; B (/24) thinks A is elsewhere.
        let r = reach(c("10.1.2.3/8"), c("10.9.9.9/24"));
        assert_eq!(r.from_a.delivery, Delivery::Direct);
        assert_eq!(r.from_b.delivery, Delivery::ViaGateway);
        assert_eq!(r.from_b.own_network, Ipv4Addr::new(10, 9, 9, 0));
        assert_eq!(r.from_b.other_network, Ipv4Addr::new(10, 1, 2, 0));
        assert!(!r.agree());
    }

    #[test]
    fn slash_26_boundary() {
        let r = reach(c("192.168.1.77/26"), c("192.168.1.127/26"));
        assert_eq!(r.from_a.delivery, Delivery::Direct);
        let r = reach(c("192.168.1.77/26"), c("192.168.1.128/26"));
        assert_eq!(r.from_a.delivery, Delivery::ViaGateway);
        assert_eq!(r.from_a.other_network, Ipv4Addr::new(192, 168, 1, 128));
    }
}
