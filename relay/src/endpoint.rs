//! From the page's `host` text and port to the one socket address to use, with every address
//! a name resolves to judged by the policy first (one denied address denies the name, so a
//! name cannot smuggle in a forbidden address next to an allowed one).

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};

use protocol::{ErrorCode, Family, RelayError};

use crate::host::{Host, parse_host};
use crate::policy::Policy;

/// Where `udp_send_to` / `tcp_connect` may go.
pub async fn target(
    policy: &Policy,
    host: &str,
    port: u16,
    family: Family,
) -> Result<SocketAddr, RelayError> {
    let (addrs, name) = candidates(parse_host(host)?, port).await?;
    for addr in &addrs {
        policy
            .check_target(*addr)
            .map_err(|e| via_name(e, name.as_deref()))?;
    }
    Ok(pick(&addrs, family))
}

/// What `udp_bind` / `tcp_listen` may bind. `""` means every local address of the family.
pub async fn bind_addr(
    policy: &Policy,
    host: &str,
    port: u16,
    family: Family,
) -> Result<SocketAddr, RelayError> {
    let (addrs, name) = if host.is_empty() {
        let any = match family {
            Family::Ipv4 => SocketAddr::from((Ipv4Addr::UNSPECIFIED, port)),
            Family::Ipv6 => SocketAddr::from((Ipv6Addr::UNSPECIFIED, port)),
        };
        (vec![any], None)
    } else {
        candidates(parse_host(host)?, port).await?
    };
    for addr in &addrs {
        policy
            .check_bind(*addr)
            .map_err(|e| via_name(e, name.as_deref()))?;
    }
    Ok(pick(&addrs, family))
}

async fn candidates(
    host: Host,
    port: u16,
) -> Result<(Vec<SocketAddr>, Option<String>), RelayError> {
    match host {
        Host::Ip(ip) => Ok((vec![SocketAddr::new(ip, port)], None)),
        Host::Name(name) => {
            let mut addrs: Vec<SocketAddr> = Vec::new();
            let found = tokio::net::lookup_host((name.as_str(), port))
                .await
                .map_err(|e| {
                    RelayError::new(ErrorCode::ResolveFailed).with_detail(format!("{name}: {e}"))
                })?;
            for addr in found {
                if !addrs.contains(&addr) {
                    addrs.push(addr);
                }
            }
            if addrs.is_empty() {
                return Err(RelayError::new(ErrorCode::ResolveFailed)
                    .with_detail(format!("{name}: no addresses")));
            }
            Ok((addrs, Some(name)))
        }
    }
}

/// The first address of the socket's family, like Python's `getaddrinfo(host, port, family)`.
fn pick(addrs: &[SocketAddr], family: Family) -> SocketAddr {
    let wanted = |a: &&SocketAddr| match family {
        Family::Ipv4 => a.is_ipv4(),
        Family::Ipv6 => a.is_ipv6(),
    };
    *addrs.iter().find(wanted).unwrap_or(&addrs[0])
}

fn via_name(mut err: RelayError, name: Option<&str>) -> RelayError {
    if let (Some(name), Some(detail)) = (name, &err.detail) {
        err.detail = Some(format!(
            "`{name}` resolves to an address that is refused: {detail}"
        ));
    }
    err
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Policy {
        Policy::new(8470, vec![], false)
    }

    #[tokio::test]
    async fn localhost_resolves_to_loopback_of_the_socket_family() {
        let v4 = target(&policy(), "localhost", 9, Family::Ipv4)
            .await
            .unwrap();
        assert_eq!(v4, "127.0.0.1:9".parse().unwrap());
    }

    #[tokio::test]
    async fn a_name_for_the_relay_port_is_denied() {
        let err = target(&policy(), "localhost", 8470, Family::Ipv4)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::TargetDenied);
        assert!(err.detail.unwrap().starts_with("`localhost` resolves to"));
    }

    #[tokio::test]
    async fn empty_bind_host_means_every_address_of_the_family() {
        let all = Policy::new(8470, vec![], true);
        assert_eq!(
            bind_addr(&all, "", 5005, Family::Ipv4).await.unwrap(),
            "0.0.0.0:5005".parse().unwrap()
        );
        assert_eq!(
            bind_addr(&all, "", 5005, Family::Ipv6).await.unwrap(),
            "[::]:5005".parse().unwrap()
        );
        let err = bind_addr(&policy(), "", 5, Family::Ipv4).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::BindDenied);
    }

    #[test]
    fn pick_prefers_the_socket_family() {
        let addrs: Vec<SocketAddr> =
            vec!["[::1]:5".parse().unwrap(), "127.0.0.1:5".parse().unwrap()];
        assert_eq!(pick(&addrs, Family::Ipv4), addrs[1]);
        assert_eq!(pick(&addrs, Family::Ipv6), addrs[0]);
        assert_eq!(pick(&addrs[..1], Family::Ipv4), addrs[0]);
    }
}
