//! Default gateways from the OS's routing tables, as text: Linux's `/proc/net/route` and
//! `/proc/net/ipv6_route` (the kernel's own tables, which `ip route` shows too) and macOS'
//! `route -n get default`. Pure parsers, so every system's answer is tested on Linux.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// The default routes of `/proc/net/route`: (interface, gateway). Its addresses are hex in the
/// machine's byte order (little-endian on every system the relay runs on).
pub fn linux_v4(table: &str) -> Vec<(String, IpAddr)> {
    let mut found = Vec::new();
    for line in table.lines().skip(1) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let [iface, dest, gateway, _flags, _, _, _, mask, ..] = cols.as_slice() else {
            continue;
        };
        if *dest != "00000000" || *mask != "00000000" {
            continue;
        }
        if let Ok(raw) = u32::from_str_radix(gateway, 16)
            && raw != 0
        {
            let ip = Ipv4Addr::from(raw.to_le_bytes());
            found.push(((*iface).to_owned(), IpAddr::V4(ip)));
        }
    }
    found
}

/// The default routes of `/proc/net/ipv6_route`: destination `::/0` with a next hop.
pub fn linux_v6(table: &str) -> Vec<(String, IpAddr)> {
    let mut found = Vec::new();
    for line in table.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let [dest, dest_len, _, _, next_hop, _, _, _, _, iface] = cols.as_slice() else {
            continue;
        };
        if dest.chars().any(|c| c != '0') || *dest_len != "00" {
            continue;
        }
        if let Ok(raw) = u128::from_str_radix(next_hop, 16)
            && raw != 0
        {
            found.push(((*iface).to_owned(), IpAddr::V6(Ipv6Addr::from(raw))));
        }
    }
    found
}

/// `route -n get default` (macOS): the `gateway:` and `interface:` lines.
pub fn macos_route_get(output: &str) -> Option<(String, IpAddr)> {
    let field = |name: &str| {
        output.lines().find_map(|line| {
            let (key, value) = line.trim().split_once(':')?;
            (key.trim() == name).then(|| value.trim().to_owned())
        })
    };
    let gateway = field("gateway")?;
    // A link-local IPv6 gateway carries its zone: fe80::1%en0.
    let ip = gateway.split('%').next()?.parse().ok()?;
    Some((field("interface")?, ip))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linux_default_routes_are_found_with_their_interface() {
        let v4 = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n\
                  eth0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n\
                  eth0\t0001A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n";
        assert_eq!(
            linux_v4(v4),
            vec![("eth0".to_owned(), "192.168.1.1".parse().unwrap())]
        );
        let v6 = "00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000001 00000000 00000003 wlan0\n\
                  fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001 wlan0\n\
                  00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200 lo\n";
        assert_eq!(
            linux_v6(v6),
            vec![("wlan0".to_owned(), "fe80::1".parse().unwrap())]
        );
    }

    #[test]
    fn macos_route_get_names_gateway_and_interface() {
        let out = "   route to: default\ndestination: default\n       mask: default\n    gateway: 192.168.0.1\n  interface: en0\n      flags: <UP,GATEWAY,DONE,STATIC,PRCLONING>\n";
        assert_eq!(
            macos_route_get(out),
            Some(("en0".to_owned(), "192.168.0.1".parse().unwrap()))
        );
        let v6 = "    gateway: fe80::1%en0\n  interface: en0\n";
        assert_eq!(
            macos_route_get(v6).unwrap().1,
            "fe80::1".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            macos_route_get("route: writing to routing socket: not in table\n"),
            None
        );
    }
}
