//! What the page may reach and what it may bind: pure rules, no I/O. By default only this
//! machine's loopback addresses (127.0.0.0/8, ::1), never the relay's own port, never
//! "0.0.0.0" as a destination; `--allow-target` widens the targets, `--allow-bind-all` the binds.
//!
//! Addresses are judged in canonical form, so `::ffff:192.168.1.1` (an IPv4 address written in
//! IPv6 clothes) is judged exactly like `192.168.1.1`. What counts as a well-formed host is
//! `host.rs`; this file only judges addresses.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use ipnet::IpNet;
use protocol::{ErrorCode, RelayError};

/// The rules in force for one run of the relay.
#[derive(Clone, Debug)]
pub struct Policy {
    relay_port: u16,
    extra_targets: Vec<IpNet>,
    bind_all: bool,
    low_ports: bool,
}

impl Policy {
    pub fn new(relay_port: u16, extra_targets: Vec<IpNet>, bind_all: bool) -> Policy {
        Policy {
            relay_port,
            extra_targets,
            bind_all,
            low_ports: false,
        }
    }

    /// Lets the page bind ports below 1024 (`--allow-low-ports`).
    pub fn allowing_low_ports(mut self, allowed: bool) -> Policy {
        self.low_ports = allowed;
        self
    }

    pub fn low_ports_allowed(&self) -> bool {
        self.low_ports
    }

    pub fn extra_targets(&self) -> &[IpNet] {
        &self.extra_targets
    }

    pub fn bind_all_allowed(&self) -> bool {
        self.bind_all
    }

    /// May the page send to / connect to `addr`?
    pub fn check_target(&self, addr: SocketAddr) -> Result<(), RelayError> {
        let ip = addr.ip().to_canonical();
        let shown = shown(addr.ip());
        if ip.is_unspecified() {
            let instead = if addr.is_ipv4() { "127.0.0.1" } else { "::1" };
            return Err(target_denied(format!(
                "{shown} is not a destination: it means \"every local address\" when binding. \
                 To reach this machine, send to {instead}"
            )));
        }
        if addr.port() == 0 {
            return Err(target_denied(format!(
                "port 0 on {shown} is not a destination: port 0 only asks the operating system \
                 to pick a free port when binding"
            )));
        }
        if ip == IpAddr::V4(Ipv4Addr::BROADCAST) {
            return Err(target_denied(format!(
                "{shown} is the broadcast address (every host on the local network); the \
                 relay never sends there"
            )));
        }
        if ip.is_loopback() && addr.port() == self.relay_port {
            return Err(target_denied(format!(
                "{shown} port {} is the relay itself; the page may not talk to the relay's own \
                 port",
                addr.port()
            )));
        }
        if ip.is_loopback() || self.in_extra(ip) {
            return Ok(());
        }
        Err(target_denied(format!(
            "{shown} is not on this machine ({}); only 127.0.0.0/8 and ::1{} are allowed. To \
             allow it, start the relay with --allow-target {}",
            kind_of(ip),
            self.extra_list(),
            suggested_network(ip)
        )))
    }

    /// May the page bind `addr`? Port 0 means the OS picks; ports below 1024 need
    /// `--allow-low-ports`.
    pub fn check_bind(&self, addr: SocketAddr) -> Result<(), RelayError> {
        let ip = addr.ip().to_canonical();
        let shown = shown(addr.ip());
        if ip.is_unspecified() {
            if self.bind_all {
                return self.check_bind_port(addr.port());
            }
            return Err(bind_denied(format!(
                "{shown} means every interface: the port would be reachable from the whole \
                 network. Start the relay with --allow-bind-all to allow it, or bind 127.0.0.1"
            )));
        }
        if ip.is_loopback() || self.in_extra(ip) {
            return self.check_bind_port(addr.port());
        }
        Err(bind_denied(format!(
            "{shown} is not a loopback address; only 127.0.0.0/8 and ::1{} may be bound",
            self.extra_list()
        )))
    }

    /// Port 0 means the OS picks; ports below 1024 need `--allow-low-ports`.
    fn check_bind_port(&self, port: u16) -> Result<(), RelayError> {
        if port != 0 && port < 1024 && !self.low_ports {
            return Err(RelayError::new(ErrorCode::LowPortDenied).with_detail(format!(
                "port {port} is below 1024, a well-known port{}; use a port above 1024, such as \
                 {}",
                well_known(port).map_or(String::new(), |name| format!(" ({name})")),
                8000 + port % 1000
            )));
        }
        Ok(())
    }

    fn in_extra(&self, ip: IpAddr) -> bool {
        self.extra_targets.iter().any(|net| net.contains(&ip))
    }

    fn extra_list(&self) -> String {
        self.extra_targets
            .iter()
            .map(|n| format!(", {n}"))
            .collect()
    }
}

/// The service a well-known port is for, when it is a famous one.
fn well_known(port: u16) -> Option<&'static str> {
    Some(match port {
        21 => "FTP",
        22 => "SSH",
        23 => "Telnet",
        25 => "SMTP, e-mail",
        53 => "DNS",
        80 => "HTTP, the web",
        110 => "POP3, e-mail",
        123 => "NTP, time",
        143 => "IMAP, e-mail",
        443 => "HTTPS, the secure web",
        _ => return None,
    })
}

/// The address as the page wrote it, plus its IPv4 meaning when it is IPv4-mapped.
fn shown(ip: IpAddr) -> String {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => format!("{v6} (IPv4-mapped {v4})"),
            None => v6.to_string(),
        },
        IpAddr::V4(v4) => v4.to_string(),
    }
}

/// A few words on what kind of address this is, for the denial message.
fn kind_of(ip: IpAddr) -> &'static str {
    match ip {
        IpAddr::V4(v4) if v4 == Ipv4Addr::new(169, 254, 169, 254) => {
            "it is the cloud metadata address, a link-local address"
        }
        IpAddr::V4(v4) if v4.is_link_local() => "it is a link-local address",
        IpAddr::V4(v4) if v4.is_private() => "it is a private LAN address",
        IpAddr::V4(v4) if v4.is_multicast() => "it is a multicast group",
        IpAddr::V4(v4) if v4.octets()[3] == 255 => "it may be a network's broadcast address",
        IpAddr::V6(v6) if v6.is_multicast() => "it is a multicast group",
        IpAddr::V6(v6) if v6.is_unicast_link_local() => "it is a link-local address",
        IpAddr::V6(v6) if v6.is_unique_local() => "it is a private (unique local) address",
        _ => "it is another computer's address",
    }
}

fn suggested_network(ip: IpAddr) -> IpNet {
    let prefix = if ip.is_ipv4() { 24 } else { 64 };
    IpNet::new(ip, prefix)
        .map(|n| n.trunc())
        .unwrap_or(IpNet::from(ip))
}

fn target_denied(detail: String) -> RelayError {
    RelayError::new(ErrorCode::TargetDenied).with_detail(detail)
}

fn bind_denied(detail: String) -> RelayError {
    RelayError::new(ErrorCode::BindDenied).with_detail(detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::{Host, parse_host};

    const RELAY: u16 = 8470;

    fn sa(host: &str, port: u16) -> SocketAddr {
        let Host::Ip(ip) = parse_host(host).unwrap() else {
            panic!("{host} is not an IP literal");
        };
        SocketAddr::new(ip, port)
    }

    fn default_policy() -> Policy {
        Policy::new(RELAY, vec![], false)
    }

    fn target(p: &Policy, host: &str, port: u16) -> Result<(), ErrorCode> {
        p.check_target(sa(host, port)).map_err(|e| e.code)
    }

    fn detail(r: Result<(), RelayError>) -> String {
        r.unwrap_err().detail.unwrap()
    }

    // ----- targets -----

    #[test]
    fn loopback_is_allowed() {
        let p = default_policy();
        assert_eq!(target(&p, "127.0.0.1", 9999), Ok(()));
        assert_eq!(target(&p, "127.255.255.254", 9999), Ok(()));
        assert_eq!(target(&p, "::1", 9999), Ok(()));
        assert_eq!(target(&p, "::ffff:127.0.0.1", 9999), Ok(()));
        assert_eq!(target(&p, "127.0.0.1", 1), Ok(()));
    }

    #[test]
    fn everything_off_this_machine_is_denied_by_default() {
        let p = default_policy();
        for host in [
            "192.168.1.1",
            "10.0.0.1",
            "172.16.0.1",
            "169.254.169.254",
            "169.254.1.1",
            "8.8.8.8",
            "224.0.0.1",
            "192.168.1.255",
            "::ffff:192.168.1.1",
            "::ffff:169.254.169.254",
            "fe80::1",
            "fd00::1",
            "2001:db8::1",
            "ff02::1",
            "::127.0.0.1",
        ] {
            assert_eq!(
                target(&p, host, 9999),
                Err(ErrorCode::TargetDenied),
                "{host}"
            );
        }
    }

    #[test]
    fn denial_names_the_address_and_the_reason() {
        let p = default_policy();
        let d = detail(p.check_target(sa("192.168.1.1", 9999)));
        assert!(d.contains("192.168.1.1 is not on this machine"), "{d}");
        assert!(d.contains("private LAN"), "{d}");
        assert!(d.contains("--allow-target 192.168.1.0/24"), "{d}");
        let d = detail(p.check_target(sa("169.254.169.254", 80)));
        assert!(d.contains("169.254.169.254"), "{d}");
        assert!(d.contains("metadata"), "{d}");
        let d = detail(p.check_target(sa("::ffff:192.168.1.1", 9999)));
        assert!(
            d.contains("::ffff:192.168.1.1 (IPv4-mapped 192.168.1.1)"),
            "{d}"
        );
    }

    #[test]
    fn unspecified_is_never_a_destination() {
        let wide = Policy::new(RELAY, vec!["0.0.0.0/0".parse().unwrap()], true);
        for p in [default_policy(), wide] {
            for host in ["0.0.0.0", "::", "::ffff:0.0.0.0"] {
                let r = p.check_target(sa(host, 9999));
                assert_eq!(r.clone().map_err(|e| e.code), Err(ErrorCode::TargetDenied));
                assert!(detail(r).contains("is not a destination"), "{host}");
            }
        }
    }

    #[test]
    fn port_zero_and_broadcast_are_denied() {
        let wide = Policy::new(RELAY, vec!["0.0.0.0/0".parse().unwrap()], false);
        assert_eq!(target(&wide, "127.0.0.1", 0), Err(ErrorCode::TargetDenied));
        assert_eq!(
            target(&wide, "255.255.255.255", 9999),
            Err(ErrorCode::TargetDenied)
        );
        assert!(detail(wide.check_target(sa("255.255.255.255", 9))).contains("broadcast"));
        assert!(detail(wide.check_target(sa("127.0.0.1", 0))).contains("port 0"));
    }

    #[test]
    fn the_relays_own_port_is_denied_on_every_loopback_form() {
        let wide = Policy::new(RELAY, vec!["127.0.0.0/8".parse().unwrap()], true);
        for p in [default_policy(), wide] {
            for host in ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "::ffff:127.0.0.1"] {
                let r = p.check_target(sa(host, RELAY));
                assert_eq!(r.clone().map_err(|e| e.code), Err(ErrorCode::TargetDenied));
                assert!(detail(r).contains("the relay itself"), "{host}");
            }
            assert_eq!(target(&p, "127.0.0.1", RELAY + 1), Ok(()));
        }
    }

    #[test]
    fn allow_target_widens_the_targets() {
        let p = Policy::new(
            RELAY,
            vec![
                "192.168.1.0/24".parse().unwrap(),
                "fd00::/8".parse().unwrap(),
            ],
            false,
        );
        assert_eq!(target(&p, "192.168.1.1", 9999), Ok(()));
        assert_eq!(target(&p, "192.168.1.254", 9999), Ok(()));
        assert_eq!(target(&p, "::ffff:192.168.1.20", 9999), Ok(()));
        assert_eq!(target(&p, "fd12::5", 9999), Ok(()));
        // The relay's own port is only special on loopback, where the relay listens.
        assert_eq!(target(&p, "192.168.1.1", RELAY), Ok(()));
        assert_eq!(
            target(&p, "192.168.2.1", 9999),
            Err(ErrorCode::TargetDenied)
        );
        assert_eq!(target(&p, "10.0.0.1", 9999), Err(ErrorCode::TargetDenied));
        assert_eq!(
            target(&p, "169.254.169.254", 80),
            Err(ErrorCode::TargetDenied)
        );
        assert!(detail(p.check_target(sa("10.0.0.1", 1))).contains("192.168.1.0/24, fd00::/8"));
    }

    // ----- binds -----

    fn bind(p: &Policy, host: &str, port: u16) -> Result<(), ErrorCode> {
        p.check_bind(sa(host, port)).map_err(|e| e.code)
    }

    #[test]
    fn loopback_binds_are_allowed_with_any_port_from_1024() {
        let p = default_policy();
        for host in ["127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1"] {
            assert_eq!(bind(&p, host, 0), Ok(()), "{host}");
            assert_eq!(bind(&p, host, 1024), Ok(()), "{host}");
            assert_eq!(bind(&p, host, 50000), Ok(()), "{host}");
        }
    }

    #[test]
    fn ports_below_1024_need_allow_low_ports() {
        let p = default_policy();
        let e = p.check_bind(sa("127.0.0.1", 80)).unwrap_err();
        assert_eq!(e.code, ErrorCode::LowPortDenied);
        assert_eq!(
            e.detail.as_deref(),
            Some(
                "port 80 is below 1024, a well-known port (HTTP, the web); use a port above \
                 1024, such as 8080"
            )
        );
        assert_eq!(bind(&p, "::1", 1023), Err(ErrorCode::LowPortDenied));
        assert_eq!(bind(&p, "127.0.0.1", 1), Err(ErrorCode::LowPortDenied));
        let low = default_policy().allowing_low_ports(true);
        assert_eq!(bind(&low, "127.0.0.1", 80), Ok(()));
        assert_eq!(bind(&low, "0.0.0.0", 80), Err(ErrorCode::BindDenied));
    }

    #[test]
    fn binding_every_interface_needs_allow_bind_all() {
        let p = default_policy();
        for host in ["0.0.0.0", "::", "::ffff:0.0.0.0"] {
            let r = p.check_bind(sa(host, 5000));
            assert_eq!(r.clone().map_err(|e| e.code), Err(ErrorCode::BindDenied));
            assert!(detail(r).contains("--allow-bind-all"));
        }
        let all = Policy::new(RELAY, vec![], true);
        assert_eq!(bind(&all, "0.0.0.0", 5000), Ok(()));
        assert_eq!(bind(&all, "::", 0), Ok(()));
        // --allow-bind-all is about 0.0.0.0 only, not about other machines' addresses.
        assert_eq!(bind(&all, "192.168.1.5", 0), Err(ErrorCode::BindDenied));
    }

    #[test]
    fn other_local_addresses_need_allow_target() {
        let p = default_policy();
        assert_eq!(bind(&p, "192.168.1.5", 0), Err(ErrorCode::BindDenied));
        assert_eq!(bind(&p, "255.255.255.255", 0), Err(ErrorCode::BindDenied));
        let lan = Policy::new(RELAY, vec!["192.168.1.0/24".parse().unwrap()], false);
        assert_eq!(bind(&lan, "192.168.1.5", 0), Ok(()));
        assert_eq!(bind(&lan, "::ffff:192.168.1.5", 0), Ok(()));
        assert_eq!(bind(&lan, "192.168.2.5", 0), Err(ErrorCode::BindDenied));
        assert_eq!(bind(&lan, "0.0.0.0", 0), Err(ErrorCode::BindDenied));
    }
}
