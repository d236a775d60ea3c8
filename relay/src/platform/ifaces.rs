//! This machine's interfaces for the "your own network" challenge: every address of every
//! interface that is up, its prefix, and the default gateway through that interface, read from
//! the OS's own tables (Linux and macOS: `getifaddrs`, and the routing table; Windows:
//! `GetAdaptersAddresses`). Nothing here sends anything anywhere.

#[cfg(unix)]
#[path = "ifaces_unix.rs"]
mod os;
#[cfg(windows)]
#[path = "ifaces_windows.rs"]
mod os;

#[path = "ifaces_routes.rs"]
pub mod routes;

use protocol::Interface;

/// Every address of every interface that is up, loopback first, then by name.
pub fn list() -> std::io::Result<Vec<Interface>> {
    #[cfg(any(unix, windows))]
    let mut list = os::list()?;
    #[cfg(not(any(unix, windows)))]
    let mut list: Vec<Interface> = Vec::new();
    list.sort_by_key(|i| {
        (
            !i.addr.is_loopback(),
            i.name.clone(),
            i.addr.is_ipv6(),
            i.addr,
        )
    });
    list.dedup();
    Ok(list)
}

/// The prefix length of a netmask (`255.255.255.0` -> 24): its leading one bits.
pub fn prefix_of(mask: &[u8]) -> u8 {
    let ones: u32 = mask
        .iter()
        .map(|b| b.leading_ones())
        .scan(true, |go, n| {
            // Count only the leading run: a mask is ones then zeros.
            if !*go {
                return Some(0);
            }
            *go = n == 8;
            Some(n)
        })
        .sum();
    u8::try_from(ones).unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mask_is_counted_to_its_first_zero() {
        assert_eq!(prefix_of(&[255, 255, 255, 0]), 24);
        assert_eq!(prefix_of(&[255, 255, 240, 0]), 20);
        assert_eq!(prefix_of(&[255, 0, 255, 0]), 8);
        assert_eq!(prefix_of(&[0xff; 16]), 128);
        assert_eq!(prefix_of(&[0; 4]), 0);
    }
}
