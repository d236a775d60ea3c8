//! Turns what the operating system said (`io::Error`) into the protocol's typed error: the
//! meaning by its POSIX name (from this system's own numbers, see `platform::errors`), the
//! number and the system's own name for it, the OS's own words in `detail`, and the line
//! Python would print for the same failure on this system.

use std::io;

use protocol::{ErrorCode, RelayError};

use crate::platform::Os;
use crate::platform::errors as os_errors;

/// `what` names the call that failed, e.g. `bind(127.0.0.1:5000)`; it starts the detail.
pub fn os_error(what: &str, err: &io::Error) -> RelayError {
    from_os(Os::current(), what, err)
}

/// [`os_error`] as it would be on `os` (the tests build Windows' and macOS' answers).
pub fn from_os(os: Os, what: &str, err: &io::Error) -> RelayError {
    let Some(number) = err.raw_os_error() else {
        return RelayError::new(ErrorCode::OtherOs).with_detail(format!("{what}: {err}"));
    };
    let named = os_errors::name(os, number);
    let code = named.map_or(ErrorCode::OtherOs, |n| code_for(n.posix));
    let detail = match (code, named) {
        (ErrorCode::OtherOs, Some(n)) => format!("{what}: {}: {err}", n.os_name),
        _ => format!("{what}: {err}"),
    };
    let display = err.to_string();
    let text = os_errors::os_text(&display, number);
    let mut e = RelayError::new(code)
        .with_errno(number)
        .with_detail(detail)
        .with_python(os_errors::python_line(os, number, text));
    if let Some(n) = named {
        e = e.with_os_name(n.os_name);
    }
    e
}

/// The relay's own timeouts (no answer to a handshake, no room to send, a stalled server) as
/// this system's ETIMEDOUT. Python with `settimeout()` says `TimeoutError: timed out`.
pub fn timed_out(detail: impl Into<String>) -> RelayError {
    let mut e = RelayError::new(ErrorCode::TimedOut)
        .with_detail(detail)
        .with_python("TimeoutError: timed out");
    if let Some((number, name)) = os_errors::number(Os::current(), "ETIMEDOUT") {
        e = e.with_errno(number).with_os_name(name);
    }
    e
}

/// The protocol's code for a POSIX meaning; the ones without their own code are `OS_ERROR`.
pub fn code_for(posix: &str) -> ErrorCode {
    match posix {
        "EADDRINUSE" => ErrorCode::AddrInUse,
        "EADDRNOTAVAIL" => ErrorCode::AddrNotAvail,
        "EACCES" => ErrorCode::Access,
        "ECONNREFUSED" => ErrorCode::ConnRefused,
        "ECONNRESET" => ErrorCode::ConnReset,
        "ECONNABORTED" => ErrorCode::ConnAborted,
        "ETIMEDOUT" => ErrorCode::TimedOut,
        "EHOSTUNREACH" => ErrorCode::HostUnreach,
        "ENETUNREACH" => ErrorCode::NetUnreach,
        "EMSGSIZE" => ErrorCode::MsgSize,
        // Sending after our own shutdown: EPIPE on Linux and macOS, WSAESHUTDOWN on Windows.
        "EPIPE" | "ESHUTDOWN" => ErrorCode::Pipe,
        "EINVAL" => ErrorCode::Invalid,
        _ => ErrorCode::OtherOs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addr_in_use_keeps_its_name_number_and_text() {
        let e = from_os(
            Os::Linux,
            "bind(127.0.0.1:5000)",
            &io::Error::from_raw_os_error(98),
        );
        assert_eq!(e.code, ErrorCode::AddrInUse);
        assert_eq!(e.errno, Some(98));
        assert_eq!(e.os_name.as_deref(), Some("EADDRINUSE"));
        if Os::current() == Os::Linux {
            assert_eq!(
                e.detail.as_deref(),
                Some("bind(127.0.0.1:5000): Address already in use (os error 98)")
            );
            assert_eq!(
                e.python.as_deref(),
                Some("OSError: [Errno 98] Address already in use")
            );
        }
    }

    #[test]
    fn windows_numbers_are_named_by_meaning() {
        for (number, code, name) in [
            (10048, ErrorCode::AddrInUse, "WSAEADDRINUSE"),
            (10049, ErrorCode::AddrNotAvail, "WSAEADDRNOTAVAIL"),
            (10013, ErrorCode::Access, "WSAEACCES"),
            (10061, ErrorCode::ConnRefused, "WSAECONNREFUSED"),
            (10054, ErrorCode::ConnReset, "WSAECONNRESET"),
            (10060, ErrorCode::TimedOut, "WSAETIMEDOUT"),
            (10065, ErrorCode::HostUnreach, "WSAEHOSTUNREACH"),
            (10051, ErrorCode::NetUnreach, "WSAENETUNREACH"),
            (10040, ErrorCode::MsgSize, "WSAEMSGSIZE"),
            (10022, ErrorCode::Invalid, "WSAEINVAL"),
            (10053, ErrorCode::ConnAborted, "WSAECONNABORTED"),
            (10058, ErrorCode::Pipe, "WSAESHUTDOWN"),
        ] {
            let e = from_os(Os::Windows, "x", &io::Error::from_raw_os_error(number));
            assert_eq!(e.code, code, "{number}");
            assert_eq!(e.errno, Some(number));
            assert_eq!(e.os_name.as_deref(), Some(name));
            assert!(
                e.python
                    .as_deref()
                    .unwrap()
                    .contains(&format!("[WinError {number}] "))
            );
        }
    }

    #[test]
    fn macos_numbers_are_named_by_meaning() {
        for (number, code) in [
            (48, ErrorCode::AddrInUse),
            (61, ErrorCode::ConnRefused),
            (54, ErrorCode::ConnReset),
            (60, ErrorCode::TimedOut),
        ] {
            let e = from_os(Os::Macos, "x", &io::Error::from_raw_os_error(number));
            assert_eq!(e.code, code);
            assert_eq!(e.os_name.as_deref(), Some(code.name()));
            assert!(
                e.python
                    .as_deref()
                    .unwrap()
                    .contains(&format!(": [Errno {number}] "))
            );
        }
    }

    #[test]
    fn every_os_code_has_a_posix_meaning() {
        for code in ErrorCode::ALL {
            if code.name().starts_with('E') {
                assert_eq!(code_for(code.name()), code);
            }
        }
        assert_eq!(code_for("ESHUTDOWN"), ErrorCode::Pipe);
        assert_eq!(code_for("EAFNOSUPPORT"), ErrorCode::OtherOs);
    }

    #[test]
    fn other_errors_carry_their_own_name_in_the_detail() {
        let e = from_os(
            Os::Linux,
            "sendto(::1:9)",
            &io::Error::from_raw_os_error(97),
        );
        assert_eq!(e.code, ErrorCode::OtherOs);
        assert_eq!(e.errno, Some(97));
        assert_eq!(e.os_name.as_deref(), Some("EAFNOSUPPORT"));
        assert!(
            e.detail
                .unwrap()
                .starts_with("sendto(::1:9): EAFNOSUPPORT: ")
        );
        let e = from_os(Os::Windows, "recv", &io::Error::from_raw_os_error(10057));
        assert!(e.detail.unwrap().starts_with("recv: WSAENOTCONN: "));
    }

    #[test]
    fn non_os_errors_have_no_errno() {
        let e = os_error("recv", &io::Error::other("strange"));
        assert_eq!(e.code, ErrorCode::OtherOs);
        assert_eq!(e.errno, None);
        assert_eq!(e.python, None);
        assert_eq!(e.detail.as_deref(), Some("recv: strange"));
    }

    #[test]
    fn the_relays_own_timeouts_use_this_systems_number() {
        let e = timed_out("connect: no answer");
        assert_eq!(e.code, ErrorCode::TimedOut);
        assert_eq!(e.python.as_deref(), Some("TimeoutError: timed out"));
        if Os::current() == Os::Linux {
            assert_eq!(e.errno, Some(110));
            assert_eq!(e.os_name.as_deref(), Some("ETIMEDOUT"));
        }
    }
}
