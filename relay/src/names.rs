//! `resolve {name}`: ask the operating system's resolver (what `socket.getaddrinfo` asks) for
//! every address of a name, and how long it took. This is a question, not a connection: the
//! answer is reported whole, allowed or not; the connect that may follow is judged by the
//! target policy like every other socket.

use std::net::IpAddr;
use std::time::Instant;

use protocol::{ErrorCode, RelayError, Reply};

use crate::host::{Host, parse_host};

/// Resolves `name` (an IP literal answers itself). Addresses keep the resolver's order,
/// without repeats (getaddrinfo lists one per socket type).
pub async fn resolve(name: &str) -> Result<Reply, RelayError> {
    let started = Instant::now();
    let addrs = match parse_host(name)? {
        Host::Ip(ip) => vec![ip],
        Host::Name(host) => {
            let found = tokio::net::lookup_host((host.as_str(), 0))
                .await
                .map_err(|e| {
                    RelayError::new(ErrorCode::ResolveFailed).with_detail(format!("{host}: {e}"))
                })?;
            let mut addrs: Vec<IpAddr> = Vec::new();
            for addr in found {
                if !addrs.contains(&addr.ip()) {
                    addrs.push(addr.ip());
                }
            }
            if addrs.is_empty() {
                return Err(RelayError::new(ErrorCode::ResolveFailed)
                    .with_detail(format!("{host}: no addresses")));
            }
            addrs
        }
    };
    Ok(Reply::Resolved {
        name: name.to_owned(),
        addrs,
        elapsed_us: u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn localhost_is_loopback_and_literals_answer_themselves() {
        let Reply::Resolved { addrs, .. } = resolve("localhost").await.unwrap() else {
            panic!("not resolved");
        };
        assert!(!addrs.is_empty());
        assert!(addrs.iter().all(|a| a.is_loopback()), "{addrs:?}");
        let Reply::Resolved { addrs, .. } = resolve("127.0.0.1").await.unwrap() else {
            panic!("not resolved");
        };
        assert_eq!(addrs, vec![IpAddr::from([127, 0, 0, 1])]);
    }

    #[tokio::test]
    async fn odd_forms_are_bad_addresses_and_unknown_names_fail() {
        assert_eq!(
            resolve("127.1").await.unwrap_err().code,
            ErrorCode::BadAddress
        );
        assert_eq!(
            resolve("no-such-host.invalid").await.unwrap_err().code,
            ErrorCode::ResolveFailed
        );
    }
}
