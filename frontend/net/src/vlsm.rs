//! VLSM (variable-length subnet masks): give each group of hosts a block just big enough,
//! largest first so every block lands aligned, and report what is left free.
//!
//! Decision: a block for `h` hosts is the smallest power of two holding `h + 2` addresses
//! (network address and broadcast are not hosts), the classic textbook rule. So 2 hosts get
//! a /30, not a /31, even though RFC 3021 allows /31 on point-to-point links.

use std::net::Ipv4Addr;

use crate::mask::Prefix;
use crate::subnet::Network;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VlsmError {
    /// No host counts were given.
    NoRequests,
    /// Request number `index` (0-based, input order) asks for 0 hosts.
    ZeroHosts { index: usize },
    /// The blocks need `needed` addresses in all; the network has `available`.
    DoesNotFit { needed: u64, available: u64 },
}

/// One block handed out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Allocation {
    /// Which request this answers (0-based, input order).
    pub index: usize,
    /// Hosts asked for.
    pub hosts: u32,
    pub network: Network,
}

impl Allocation {
    /// Host addresses the block offers but the request does not use.
    pub fn spare_hosts(&self) -> u64 {
        self.network.usable_hosts() - u64::from(self.hosts)
    }
}

/// The finished plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VlsmPlan {
    pub parent: Network,
    /// In allocation order: largest block first, ties in input order.
    pub allocations: Vec<Allocation>,
    /// What is left, as the fewest aligned blocks, in address order.
    pub free: Vec<Network>,
}

/// The prefix of the smallest block for `hosts` hosts (`hosts + 2` addresses, rounded up to a
/// power of two); `None` for 0 hosts or more than a /0 holds.
pub fn prefix_for_hosts(hosts: u32) -> Option<Prefix> {
    if hosts == 0 {
        return None;
    }
    let size = (u64::from(hosts) + 2).next_power_of_two();
    let host_bits = u8::try_from(size.trailing_zeros()).ok()?;
    Prefix::new(32u8.checked_sub(host_bits)?)
}

/// Block size in addresses for `hosts` hosts, also beyond what IPv4 holds (for the error).
fn block_size(hosts: u32) -> u64 {
    (u64::from(hosts) + 2).next_power_of_two()
}

/// Allocates blocks for each host count inside `parent`, largest first.
pub fn vlsm(parent: Network, hosts: &[u32]) -> Result<VlsmPlan, VlsmError> {
    if hosts.is_empty() {
        return Err(VlsmError::NoRequests);
    }
    if let Some(index) = hosts.iter().position(|&h| h == 0) {
        return Err(VlsmError::ZeroHosts { index });
    }
    let available = parent.total_addresses();
    let needed = hosts
        .iter()
        .map(|&h| block_size(h))
        .fold(0u64, u64::saturating_add);
    if needed > available {
        return Err(VlsmError::DoesNotFit { needed, available });
    }
    let mut order: Vec<usize> = (0..hosts.len()).collect();
    // Stable: equal sizes keep input order.
    order.sort_by_key(|&i| std::cmp::Reverse(block_size(hosts[i])));

    let start = u64::from(parent.addr().to_bits());
    let mut next = start;
    let mut allocations = Vec::with_capacity(hosts.len());
    for index in order {
        let hosts = hosts[index];
        // Fits (checked above), so the prefix exists and the address stays in u32.
        let prefix = prefix_for_hosts(hosts).ok_or(VlsmError::DoesNotFit { needed, available })?;
        let addr = u32::try_from(next).map_err(|_| VlsmError::DoesNotFit { needed, available })?;
        // Blocks come in falling sizes from an aligned start, so `next` is always aligned
        // to the current block: no gaps are ever needed.
        allocations.push(Allocation {
            index,
            hosts,
            network: Network::containing(Ipv4Addr::from_bits(addr), prefix),
        });
        next += prefix.block_size();
    }
    Ok(VlsmPlan {
        parent,
        allocations,
        free: aligned_blocks(next, start + available),
    })
}

/// The range `[from, to)` as the fewest aligned CIDR blocks, in address order.
pub(crate) fn aligned_blocks(from: u64, to: u64) -> Vec<Network> {
    let mut blocks = Vec::new();
    let mut cur = from;
    while cur < to {
        // The largest block that starts at `cur` (alignment) and ends by `to`.
        let align = if cur == 0 {
            1u64 << 32
        } else {
            1u64 << cur.trailing_zeros()
        };
        let mut size = align.min(1 << 32);
        while cur + size > to {
            size /= 2;
        }
        let host_bits = size.trailing_zeros() as u8;
        let (Some(prefix), Ok(addr)) = (Prefix::new(32 - host_bits), u32::try_from(cur)) else {
            break;
        };
        blocks.push(Network::containing(Ipv4Addr::from_bits(addr), prefix));
        cur += size;
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Network {
        s.parse::<crate::subnet::Cidr>().unwrap().network()
    }

    #[test]
    fn block_sizes_follow_hosts_plus_two() {
        let p = |h| prefix_for_hosts(h).map(Prefix::len);
        assert_eq!(p(0), None);
        assert_eq!(p(1), Some(30));
        assert_eq!(p(2), Some(30));
        assert_eq!(p(3), Some(29));
        assert_eq!(p(6), Some(29));
        assert_eq!(p(62), Some(26));
        assert_eq!(p(63), Some(25));
        assert_eq!(p(254), Some(24));
        assert_eq!(p(255), Some(23));
        assert_eq!(p(u32::MAX - 1), Some(0));
        assert_eq!(p(u32::MAX), None);
    }

    #[test]
    fn classic_example() {
        // 192.168.1.0/24 for 100, 50, 20 and 2 hosts, given in mixed order.
        let plan = vlsm(n("192.168.1.0/24"), &[20, 100, 2, 50]).unwrap();
        let got: Vec<(usize, String)> = plan
            .allocations
            .iter()
            .map(|a| (a.index, a.network.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                (1, "192.168.1.0/25".to_string()),
                (3, "192.168.1.128/26".to_string()),
                (0, "192.168.1.192/27".to_string()),
                (2, "192.168.1.224/30".to_string()),
            ]
        );
        assert_eq!(plan.allocations[0].spare_hosts(), 26);
        let free: Vec<String> = plan.free.iter().map(|n| n.to_string()).collect();
        assert_eq!(
            free,
            ["192.168.1.228/30", "192.168.1.232/29", "192.168.1.240/28"]
        );
    }

    #[test]
    fn exact_fit_leaves_nothing() {
        let plan = vlsm(n("10.0.0.0/24"), &[126, 126]).unwrap();
        assert_eq!(plan.free, []);
        assert_eq!(plan.allocations[1].network.to_string(), "10.0.0.128/25");
    }

    #[test]
    fn errors() {
        assert_eq!(vlsm(n("10.0.0.0/24"), &[]), Err(VlsmError::NoRequests));
        assert_eq!(
            vlsm(n("10.0.0.0/24"), &[5, 0]),
            Err(VlsmError::ZeroHosts { index: 1 })
        );
        assert_eq!(
            vlsm(n("10.0.0.0/24"), &[127, 1]),
            Err(VlsmError::DoesNotFit {
                needed: 256 + 4,
                available: 256
            })
        );
        assert_eq!(
            vlsm(n("10.0.0.0/24"), &[254, 1]),
            Err(VlsmError::DoesNotFit {
                needed: 260,
                available: 256
            })
        );
        assert_eq!(
            vlsm(n("0.0.0.0/0"), &[u32::MAX]),
            Err(VlsmError::DoesNotFit {
                needed: 1 << 33,
                available: 1 << 32
            })
        );
    }

    #[test]
    fn aligned_blocks_cover_ranges() {
        let names = |v: Vec<Network>| v.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(names(aligned_blocks(0, 1 << 32)), ["0.0.0.0/0"]);
        assert_eq!(names(aligned_blocks(1, 4)), ["0.0.0.1/32", "0.0.0.2/31"]);
        assert_eq!(names(aligned_blocks(5, 5)), Vec::<String>::new());
    }
}
