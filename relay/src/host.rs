//! The page's `host` text, parsed strictly: an IP literal or a syntactically valid host name.
//! Pure syntax, no rules: what a parsed address may do is `policy.rs`, how a name becomes
//! addresses is `endpoint.rs` and `names.rs`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use protocol::limits::MAX_HOST_LEN;
use protocol::{ErrorCode, RelayError};

/// A host as the page wrote it, after strict parsing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    /// An IP literal (`127.0.0.1`, `::1`, `[::1]`).
    Ip(IpAddr),
    /// A syntactically valid host name, still to be resolved (`localhost`).
    Name(String),
}

/// Parses a host strictly. IPv4 must be a dotted quad of decimal numbers: the shortened, octal
/// and hex forms that C's `inet_aton` also accepts (`127.1`, `0127.0.0.1`, `0x7f.0.0.1`,
/// `2130706433`) are refused, so nobody can sneak past the rules with an address in disguise.
pub fn parse_host(text: &str) -> Result<Host, RelayError> {
    if text.is_empty() {
        return Err(bad_address("the host is empty"));
    }
    if text.len() > MAX_HOST_LEN {
        return Err(bad_address(format!(
            "the host is {} characters long; at most {MAX_HOST_LEN} are accepted",
            text.len()
        )));
    }
    if let Some(inner) = text.strip_prefix('[') {
        let Some(inner) = inner.strip_suffix(']') else {
            return Err(bad_address(format!(
                "`{text}` has a `[` without a closing `]`"
            )));
        };
        return parse_ipv6(inner, text).map(|ip| Host::Ip(IpAddr::V6(ip)));
    }
    if text.contains(':') {
        return parse_ipv6(text, text).map(|ip| Host::Ip(IpAddr::V6(ip)));
    }
    if let Ok(ip) = text.parse::<Ipv4Addr>() {
        return Ok(Host::Ip(IpAddr::V4(ip)));
    }
    parse_name(text).map(Host::Name)
}

fn parse_ipv6(inner: &str, text: &str) -> Result<Ipv6Addr, RelayError> {
    if inner.contains('%') {
        return Err(bad_address(format!(
            "`{text}`: IPv6 scope ids (the `%eth0` part) are not supported"
        )));
    }
    inner
        .parse::<Ipv6Addr>()
        .map_err(|_| bad_address(format!("`{text}` is not a valid IPv6 address")))
}

fn parse_name(text: &str) -> Result<String, RelayError> {
    let labels: Vec<&str> = text.strip_suffix('.').unwrap_or(text).split('.').collect();
    if labels.iter().all(|l| is_number_like(l)) {
        let octal = labels.iter().any(|l| l.len() > 1 && l.starts_with('0'));
        let detail = if labels.len() == 4 && labels.iter().all(|l| is_decimal(l)) && !octal {
            format!(
                "`{text}` is not a valid IPv4 address: each of the four numbers must be \
                 0 to 255, written without leading zeros"
            )
        } else {
            format!(
                "`{text}` looks like an IPv4 address in a shortened, octal or hex form; \
                 this form is not accepted. Write four decimal numbers, like 127.0.0.1"
            )
        };
        return Err(bad_address(detail));
    }
    for label in &labels {
        let ok = !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ok {
            return Err(bad_address(format!(
                "`{text}` is neither an IP address nor a valid host name (a name is made of \
                 letters, digits and hyphens, separated by dots)"
            )));
        }
    }
    if labels.last().is_some_and(|l| is_decimal(l)) {
        return Err(bad_address(format!(
            "`{text}` is not a host name: the last part of a name is never all digits"
        )));
    }
    Ok(text.to_owned())
}

fn is_decimal(label: &str) -> bool {
    !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit())
}

/// Decimal, octal (leading 0) or hex (`0x..`) numbers: what `inet_aton` reads as a number.
fn is_number_like(label: &str) -> bool {
    if let Some(hex) = label
        .strip_prefix("0x")
        .or_else(|| label.strip_prefix("0X"))
    {
        return hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    is_decimal(label)
}

fn bad_address(detail: impl Into<String>) -> RelayError {
    RelayError::new(ErrorCode::BadAddress).with_detail(detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_quads_and_ipv6_literals_parse() {
        assert_eq!(
            parse_host("127.0.0.1"),
            Ok(Host::Ip("127.0.0.1".parse().unwrap()))
        );
        assert_eq!(parse_host("::1"), Ok(Host::Ip("::1".parse().unwrap())));
        assert_eq!(parse_host("[::1]"), Ok(Host::Ip("::1".parse().unwrap())));
        assert_eq!(
            parse_host("::ffff:127.0.0.1"),
            Ok(Host::Ip("::ffff:127.0.0.1".parse().unwrap()))
        );
        assert_eq!(parse_host("localhost"), Ok(Host::Name("localhost".into())));
        assert_eq!(
            parse_host("my-pc.lan."),
            Ok(Host::Name("my-pc.lan.".into()))
        );
    }

    #[test]
    fn odd_ipv4_forms_are_bad_addresses() {
        for odd in [
            "127.1",
            "0x7f.0.0.1",
            "2130706433",
            "0127.0.0.1",
            "127.0.1",
            "0x7f000001",
            "017700000001",
        ] {
            let err = parse_host(odd).unwrap_err();
            assert_eq!(err.code, ErrorCode::BadAddress, "{odd}");
            let d = err.detail.unwrap();
            assert!(d.contains("form is not accepted"), "{odd}: {d}");
            assert!(d.contains(odd), "{odd}: {d}");
        }
    }

    #[test]
    fn out_of_range_quads_are_bad_addresses() {
        let err = parse_host("256.0.0.1").unwrap_err();
        assert_eq!(err.code, ErrorCode::BadAddress);
        assert!(err.detail.unwrap().contains("0 to 255"));
    }

    #[test]
    fn garbage_is_a_bad_address() {
        for bad in [
            "",
            "[::1",
            "[127.0.0.1]",
            "fe80::1%eth0",
            ":::1",
            "a b",
            "-lead.example",
            "under_score",
            "a..b",
            "host.123",
            " 127.0.0.1",
        ] {
            assert_eq!(
                parse_host(bad).map_err(|e| e.code),
                Err(ErrorCode::BadAddress),
                "{bad:?}"
            );
        }
        let long = format!("{}.example", "a".repeat(250));
        assert_eq!(
            parse_host(&long).map_err(|e| e.code),
            Err(ErrorCode::BadAddress)
        );
    }
}
