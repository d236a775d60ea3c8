//! Linux and macOS: the addresses from `getifaddrs` (the C library's view of the kernel's
//! interface table), the gateways from the routing table (see `routes.rs`).

use std::ffi::CStr;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use protocol::Interface;

use super::{prefix_of, routes};

pub fn list() -> std::io::Result<Vec<Interface>> {
    let gateways = gateways();
    let mut list = Vec::new();
    for (name, addr, mask) in addresses()? {
        let gateway = gateways
            .iter()
            .find(|(iface, gw)| *iface == name && gw.is_ipv4() == addr.is_ipv4())
            .map(|(_, gw)| *gw);
        list.push(Interface {
            name,
            addr,
            prefix: prefix_of(&mask),
            gateway,
        });
    }
    Ok(list)
}

/// (interface, address, netmask bytes) of every IPv4 and IPv6 address of an interface that
/// is up.
#[allow(unsafe_code)]
fn addresses() -> std::io::Result<Vec<(String, IpAddr, Vec<u8>)>> {
    let mut head: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs writes a list it allocated into `head`; we free it below, once.
    if unsafe { libc::getifaddrs(&mut head) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let mut found = Vec::new();
    let mut next = head;
    while !next.is_null() {
        // SAFETY: `next` is a node of the list getifaddrs made, alive until freeifaddrs.
        let ifa = unsafe { &*next };
        next = ifa.ifa_next;
        let up = ifa.ifa_flags & (libc::IFF_UP as libc::c_uint) != 0;
        if !up || ifa.ifa_addr.is_null() || ifa.ifa_name.is_null() {
            continue;
        }
        // SAFETY: ifa_name is a NUL-terminated string of the list; the sockaddrs are of the
        // family they announce (sa_family), and netmask has the address's family.
        let (name, addr, mask) = unsafe {
            let name = CStr::from_ptr(ifa.ifa_name).to_string_lossy().into_owned();
            let Some(addr) = ip_of(ifa.ifa_addr) else {
                continue;
            };
            let mask = if ifa.ifa_netmask.is_null() {
                Vec::new()
            } else {
                match ip_of(ifa.ifa_netmask) {
                    Some(IpAddr::V4(m)) => m.octets().to_vec(),
                    Some(IpAddr::V6(m)) => m.octets().to_vec(),
                    None => Vec::new(),
                }
            };
            (name, addr, mask)
        };
        found.push((name, addr, mask));
    }
    // SAFETY: `head` came from getifaddrs and is freed exactly once.
    unsafe { libc::freeifaddrs(head) };
    Ok(found)
}

/// The IP address in a sockaddr, if it is IPv4 or IPv6.
///
/// # Safety
/// `sa` must point to a valid sockaddr of the family it announces.
#[allow(unsafe_code)]
unsafe fn ip_of(sa: *const libc::sockaddr) -> Option<IpAddr> {
    // SAFETY: the caller promises a valid sockaddr; the casts follow its sa_family.
    unsafe {
        match i32::from((*sa).sa_family) {
            libc::AF_INET => {
                let sin = &*(sa as *const libc::sockaddr_in);
                Some(IpAddr::V4(Ipv4Addr::from(u32::from_be(
                    sin.sin_addr.s_addr,
                ))))
            }
            libc::AF_INET6 => {
                let sin6 = &*(sa as *const libc::sockaddr_in6);
                Some(IpAddr::V6(Ipv6Addr::from(sin6.sin6_addr.s6_addr)))
            }
            _ => None,
        }
    }
}

/// (interface, gateway) of every default route.
#[cfg(target_os = "linux")]
fn gateways() -> Vec<(String, IpAddr)> {
    let read = |path| std::fs::read_to_string(path).unwrap_or_default();
    let mut found = routes::linux_v4(&read("/proc/net/route"));
    found.extend(routes::linux_v6(&read("/proc/net/ipv6_route")));
    found
}

/// (interface, gateway) of the default route of each family, from the routing table.
#[cfg(not(target_os = "linux"))]
fn gateways() -> Vec<(String, IpAddr)> {
    let ask = |args: &[&str]| {
        let out = std::process::Command::new("/sbin/route")
            .args(args)
            .output()
            .ok()?;
        routes::macos_route_get(&String::from_utf8_lossy(&out.stdout))
    };
    [
        ask(&["-n", "get", "default"]),
        ask(&["-n", "get", "-inet6", "default"]),
    ]
    .into_iter()
    .flatten()
    .collect()
}
