//! Turns what the operating system said (`io::Error`) into the protocol's typed error: the
//! POSIX name (from the raw errno, compared with libc's constants), the number, and the OS's
//! own words in `detail`, so the page can show exactly what Python's `OSError` would.

use std::io;

use protocol::{ErrorCode, RelayError};

/// `what` names the call that failed, e.g. `bind(127.0.0.1:5000)`; it starts the detail.
pub fn os_error(what: &str, err: &io::Error) -> RelayError {
    let Some(errno) = err.raw_os_error() else {
        return RelayError::new(ErrorCode::OtherOs).with_detail(format!("{what}: {err}"));
    };
    let code = code_for(errno);
    let detail = match (code, errno_name(errno)) {
        (ErrorCode::OtherOs, Some(name)) => format!("{what}: {name}: {err}"),
        _ => format!("{what}: {err}"),
    };
    RelayError::new(code).with_errno(errno).with_detail(detail)
}

/// The protocol's code for an errno; the ones without their own code are `OS_ERROR`.
pub fn code_for(errno: i32) -> ErrorCode {
    match errno {
        libc::EADDRINUSE => ErrorCode::AddrInUse,
        libc::EADDRNOTAVAIL => ErrorCode::AddrNotAvail,
        libc::EACCES => ErrorCode::Access,
        libc::ECONNREFUSED => ErrorCode::ConnRefused,
        libc::ECONNRESET => ErrorCode::ConnReset,
        libc::ETIMEDOUT => ErrorCode::TimedOut,
        libc::EHOSTUNREACH => ErrorCode::HostUnreach,
        libc::ENETUNREACH => ErrorCode::NetUnreach,
        libc::EMSGSIZE => ErrorCode::MsgSize,
        libc::EPIPE => ErrorCode::Pipe,
        libc::EINVAL => ErrorCode::Invalid,
        _ => ErrorCode::OtherOs,
    }
}

/// POSIX names of a few more errors a socket lesson can run into, for `OS_ERROR` details.
fn errno_name(errno: i32) -> Option<&'static str> {
    Some(match errno {
        libc::EPERM => "EPERM",
        libc::EAFNOSUPPORT => "EAFNOSUPPORT",
        libc::EBADF => "EBADF",
        libc::ENOTCONN => "ENOTCONN",
        libc::EISCONN => "EISCONN",
        libc::ENOBUFS => "ENOBUFS",
        libc::ENOMEM => "ENOMEM",
        libc::EAGAIN => "EAGAIN",
        libc::EINTR => "EINTR",
        libc::EDESTADDRREQ => "EDESTADDRREQ",
        libc::EOPNOTSUPP => "EOPNOTSUPP",
        libc::ENETDOWN => "ENETDOWN",
        libc::EMFILE => "EMFILE",
        libc::ENFILE => "ENFILE",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addr_in_use_keeps_its_name_number_and_text() {
        let e = os_error(
            "bind(127.0.0.1:5000)",
            &io::Error::from_raw_os_error(libc::EADDRINUSE),
        );
        assert_eq!(e.code, ErrorCode::AddrInUse);
        assert_eq!(e.errno, Some(98));
        assert_eq!(
            e.detail.as_deref(),
            Some("bind(127.0.0.1:5000): Address already in use (os error 98)")
        );
    }

    #[test]
    fn every_named_errno_maps_to_its_code() {
        for code in ErrorCode::ALL {
            let errno = match code {
                ErrorCode::AddrInUse => libc::EADDRINUSE,
                ErrorCode::AddrNotAvail => libc::EADDRNOTAVAIL,
                ErrorCode::Access => libc::EACCES,
                ErrorCode::ConnRefused => libc::ECONNREFUSED,
                ErrorCode::ConnReset => libc::ECONNRESET,
                ErrorCode::TimedOut => libc::ETIMEDOUT,
                ErrorCode::HostUnreach => libc::EHOSTUNREACH,
                ErrorCode::NetUnreach => libc::ENETUNREACH,
                ErrorCode::MsgSize => libc::EMSGSIZE,
                ErrorCode::Pipe => libc::EPIPE,
                ErrorCode::Invalid => libc::EINVAL,
                _ => continue,
            };
            assert_eq!(code_for(errno), code);
            // The protocol's name is the POSIX name.
            assert!(code.name().starts_with('E'));
        }
    }

    #[test]
    fn other_errors_carry_their_posix_name_in_the_detail() {
        let e = os_error(
            "sendto(::1:9)",
            &io::Error::from_raw_os_error(libc::EAFNOSUPPORT),
        );
        assert_eq!(e.code, ErrorCode::OtherOs);
        assert_eq!(e.errno, Some(libc::EAFNOSUPPORT));
        assert!(
            e.detail
                .unwrap()
                .starts_with("sendto(::1:9): EAFNOSUPPORT: ")
        );
    }

    #[test]
    fn non_os_errors_have_no_errno() {
        let e = os_error("recv", &io::Error::other("strange"));
        assert_eq!(e.code, ErrorCode::OtherOs);
        assert_eq!(e.errno, None);
        assert_eq!(e.detail.as_deref(), Some("recv: strange"));
    }
}
