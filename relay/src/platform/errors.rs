//! The operating systems' own error numbers, named by meaning. The same failure has a
//! different number on each system: "connection refused" is 111 on Linux, 61 on macOS and
//! 10061 (`WSAECONNREFUSED`) on Windows, whose sockets have their own numbers (Winsock's) next
//! to the C library's. So the tables below are plain data for every system, chosen by an
//! [`Os`] argument rather than by `#[cfg]`: a Linux test checks the Windows table too.
//!
//! (The `libc` crate is no help here on Windows: its `E*` constants are the Microsoft C
//! runtime's, such as `ECONNREFUSED = 107`, which no socket call ever returns.)

use super::Os;

/// An OS error number as that system names it, and what it means in POSIX terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Named {
    /// The system's own name: `WSAECONNREFUSED` on Windows, `ECONNREFUSED` elsewhere.
    pub os_name: &'static str,
    /// The POSIX name of the meaning: `ECONNREFUSED`.
    pub posix: &'static str,
}

/// Linux's numbers (the generic ones, as on x86, ARM and RISC-V).
const LINUX: &[(i32, &str)] = &[
    (1, "EPERM"),
    (2, "ENOENT"),
    (3, "ESRCH"),
    (4, "EINTR"),
    (9, "EBADF"),
    (10, "ECHILD"),
    (11, "EAGAIN"),
    (12, "ENOMEM"),
    (13, "EACCES"),
    (14, "EFAULT"),
    (17, "EEXIST"),
    (20, "ENOTDIR"),
    (21, "EISDIR"),
    (22, "EINVAL"),
    (23, "ENFILE"),
    (24, "EMFILE"),
    (28, "ENOSPC"),
    (32, "EPIPE"),
    (88, "ENOTSOCK"),
    (89, "EDESTADDRREQ"),
    (90, "EMSGSIZE"),
    (91, "EPROTOTYPE"),
    (92, "ENOPROTOOPT"),
    (93, "EPROTONOSUPPORT"),
    (94, "ESOCKTNOSUPPORT"),
    (95, "EOPNOTSUPP"),
    (96, "EPFNOSUPPORT"),
    (97, "EAFNOSUPPORT"),
    (98, "EADDRINUSE"),
    (99, "EADDRNOTAVAIL"),
    (100, "ENETDOWN"),
    (101, "ENETUNREACH"),
    (102, "ENETRESET"),
    (103, "ECONNABORTED"),
    (104, "ECONNRESET"),
    (105, "ENOBUFS"),
    (106, "EISCONN"),
    (107, "ENOTCONN"),
    (108, "ESHUTDOWN"),
    (110, "ETIMEDOUT"),
    (111, "ECONNREFUSED"),
    (112, "EHOSTDOWN"),
    (113, "EHOSTUNREACH"),
    (114, "EALREADY"),
    (115, "EINPROGRESS"),
];

/// macOS's numbers (BSD's: `<sys/errno.h>`).
const MACOS: &[(i32, &str)] = &[
    (1, "EPERM"),
    (2, "ENOENT"),
    (3, "ESRCH"),
    (4, "EINTR"),
    (9, "EBADF"),
    (10, "ECHILD"),
    (12, "ENOMEM"),
    (13, "EACCES"),
    (14, "EFAULT"),
    (17, "EEXIST"),
    (20, "ENOTDIR"),
    (21, "EISDIR"),
    (22, "EINVAL"),
    (23, "ENFILE"),
    (24, "EMFILE"),
    (28, "ENOSPC"),
    (32, "EPIPE"),
    (35, "EAGAIN"),
    (36, "EINPROGRESS"),
    (37, "EALREADY"),
    (38, "ENOTSOCK"),
    (39, "EDESTADDRREQ"),
    (40, "EMSGSIZE"),
    (41, "EPROTOTYPE"),
    (42, "ENOPROTOOPT"),
    (43, "EPROTONOSUPPORT"),
    (44, "ESOCKTNOSUPPORT"),
    (45, "ENOTSUP"),
    (46, "EPFNOSUPPORT"),
    (47, "EAFNOSUPPORT"),
    (48, "EADDRINUSE"),
    (49, "EADDRNOTAVAIL"),
    (50, "ENETDOWN"),
    (51, "ENETUNREACH"),
    (52, "ENETRESET"),
    (53, "ECONNABORTED"),
    (54, "ECONNRESET"),
    (55, "ENOBUFS"),
    (56, "EISCONN"),
    (57, "ENOTCONN"),
    (58, "ESHUTDOWN"),
    (60, "ETIMEDOUT"),
    (61, "ECONNREFUSED"),
    (64, "EHOSTDOWN"),
    (65, "EHOSTUNREACH"),
    (102, "EOPNOTSUPP"),
];

/// Windows: Winsock's numbers (`WSAE*`, 10000 + the BSD number), and the few Win32 errors
/// (`ERROR_*`) that file and pipe calls give, by the POSIX meaning each stands for.
const WINDOWS: &[(i32, &str, &str)] = &[
    (2, "ERROR_FILE_NOT_FOUND", "ENOENT"),
    (3, "ERROR_PATH_NOT_FOUND", "ENOENT"),
    (5, "ERROR_ACCESS_DENIED", "EACCES"),
    (32, "ERROR_SHARING_VIOLATION", "EACCES"),
    (80, "ERROR_FILE_EXISTS", "EEXIST"),
    (109, "ERROR_BROKEN_PIPE", "EPIPE"),
    (112, "ERROR_DISK_FULL", "ENOSPC"),
    (183, "ERROR_ALREADY_EXISTS", "EEXIST"),
    (232, "ERROR_NO_DATA", "EPIPE"),
    (10004, "WSAEINTR", "EINTR"),
    (10009, "WSAEBADF", "EBADF"),
    (10013, "WSAEACCES", "EACCES"),
    (10014, "WSAEFAULT", "EFAULT"),
    (10022, "WSAEINVAL", "EINVAL"),
    (10024, "WSAEMFILE", "EMFILE"),
    (10035, "WSAEWOULDBLOCK", "EWOULDBLOCK"),
    (10036, "WSAEINPROGRESS", "EINPROGRESS"),
    (10037, "WSAEALREADY", "EALREADY"),
    (10038, "WSAENOTSOCK", "ENOTSOCK"),
    (10039, "WSAEDESTADDRREQ", "EDESTADDRREQ"),
    (10040, "WSAEMSGSIZE", "EMSGSIZE"),
    (10041, "WSAEPROTOTYPE", "EPROTOTYPE"),
    (10042, "WSAENOPROTOOPT", "ENOPROTOOPT"),
    (10043, "WSAEPROTONOSUPPORT", "EPROTONOSUPPORT"),
    (10044, "WSAESOCKTNOSUPPORT", "ESOCKTNOSUPPORT"),
    (10045, "WSAEOPNOTSUPP", "EOPNOTSUPP"),
    (10046, "WSAEPFNOSUPPORT", "EPFNOSUPPORT"),
    (10047, "WSAEAFNOSUPPORT", "EAFNOSUPPORT"),
    (10048, "WSAEADDRINUSE", "EADDRINUSE"),
    (10049, "WSAEADDRNOTAVAIL", "EADDRNOTAVAIL"),
    (10050, "WSAENETDOWN", "ENETDOWN"),
    (10051, "WSAENETUNREACH", "ENETUNREACH"),
    (10052, "WSAENETRESET", "ENETRESET"),
    (10053, "WSAECONNABORTED", "ECONNABORTED"),
    (10054, "WSAECONNRESET", "ECONNRESET"),
    (10055, "WSAENOBUFS", "ENOBUFS"),
    (10056, "WSAEISCONN", "EISCONN"),
    (10057, "WSAENOTCONN", "ENOTCONN"),
    (10058, "WSAESHUTDOWN", "ESHUTDOWN"),
    (10060, "WSAETIMEDOUT", "ETIMEDOUT"),
    (10061, "WSAECONNREFUSED", "ECONNREFUSED"),
    (10064, "WSAEHOSTDOWN", "EHOSTDOWN"),
    (10065, "WSAEHOSTUNREACH", "EHOSTUNREACH"),
    (10093, "WSANOTINITIALISED", "EINVAL"),
];

/// What error number `code` means on `os`, if the relay knows it.
pub fn name(os: Os, code: i32) -> Option<Named> {
    let unix = |table: &[(i32, &'static str)]| {
        table
            .iter()
            .find(|(n, _)| *n == code)
            .map(|&(_, posix)| Named {
                os_name: posix,
                posix,
            })
    };
    match os {
        Os::Linux => unix(LINUX),
        Os::Macos => unix(MACOS),
        Os::Windows => WINDOWS
            .iter()
            .find(|(n, _, _)| *n == code)
            .map(|&(_, os_name, posix)| Named { os_name, posix }),
        Os::Other => None,
    }
}

/// The number and own name of a meaning on `os` (for errors the relay makes itself, such as
/// its own connect timeout): `(10060, "WSAETIMEDOUT")` for ETIMEDOUT on Windows. Socket
/// meanings first on Windows, so EACCES is `WSAEACCES`, not the file error.
pub fn number(os: Os, posix: &str) -> Option<(i32, &'static str)> {
    match os {
        Os::Linux => LINUX
            .iter()
            .find(|(_, p)| *p == posix)
            .map(|&(n, p)| (n, p)),
        Os::Macos => MACOS
            .iter()
            .find(|(_, p)| *p == posix)
            .map(|&(n, p)| (n, p)),
        Os::Windows => WINDOWS
            .iter()
            .find(|(n, _, p)| *n >= 10000 && *p == posix)
            .map(|&(n, name, _)| (n, name)),
        Os::Other => None,
    }
}

/// Errors that mean the socket itself is unusable (not news about one datagram).
pub fn breaks_the_socket(os: Os, code: i32) -> bool {
    name(os, code).is_some_and(|n| matches!(n.posix, "EBADF" | "ENOTSOCK" | "EFAULT" | "EINVAL"))
}

/// The OS's own words for an error, from the standard library's text for it without the
/// `" (os error N)"` that Rust appends: "Connection refused", or on a Chinese Windows
/// "由于目标计算机积极拒绝，无法连接。".
pub fn os_text(display: &str, code: i32) -> &str {
    display
        .strip_suffix(&format!(" (os error {code})"))
        .unwrap_or(display)
}

/// The exact line Python prints on `os` when a socket call fails with `code`, whose text the
/// OS gave as `text` (see [`os_text`]):
/// - Linux: `ConnectionRefusedError: [Errno 111] Connection refused`
/// - macOS: `ConnectionRefusedError: [Errno 61] Connection refused`
/// - Windows: `ConnectionRefusedError: [WinError 10061] No connection could be made because
///   the target machine actively refused it` (CPython trims trailing spaces and ASCII dots
///   from the system's message; a Chinese message keeps its full stop `。`).
///
/// The exception class is the `OSError` subclass CPython picks from the errno.
pub fn python_line(os: Os, code: i32, text: &str) -> String {
    match os {
        Os::Windows => {
            let class = windows_python_class(code);
            // Without a system message (Wine has none for some Winsock errors) Rust writes
            // "OS Error N (FormatMessageW() returned error M)" and CPython "Windows Error 0x..".
            if text.starts_with(&format!("OS Error {code} (FormatMessageW()")) {
                return format!("{class}: [WinError {code}] Windows Error {code:#x}");
            }
            let text = text.trim_end_matches(|c: char| c <= ' ' || c == '.');
            format!("{class}: [WinError {code}] {text}")
        }
        _ => {
            let class = name(os, code).map_or("OSError", |n| unix_python_class(n.posix));
            format!("{class}: [Errno {code}] {text}")
        }
    }
}

/// CPython's errno -> exception class (`Objects/exceptions.c`), by POSIX meaning.
fn unix_python_class(posix: &str) -> &'static str {
    match posix {
        "EAGAIN" | "EWOULDBLOCK" | "EALREADY" | "EINPROGRESS" => "BlockingIOError",
        "EPIPE" | "ESHUTDOWN" => "BrokenPipeError",
        "ECHILD" => "ChildProcessError",
        "ECONNABORTED" => "ConnectionAbortedError",
        "ECONNREFUSED" => "ConnectionRefusedError",
        "ECONNRESET" => "ConnectionResetError",
        "EEXIST" => "FileExistsError",
        "ENOENT" => "FileNotFoundError",
        "EISDIR" => "IsADirectoryError",
        "ENOTDIR" => "NotADirectoryError",
        "EINTR" => "InterruptedError",
        "EACCES" | "EPERM" => "PermissionError",
        "ESRCH" => "ProcessLookupError",
        "ETIMEDOUT" => "TimeoutError",
        _ => "OSError",
    }
}

/// On Windows CPython first turns the Windows error into an errno (`PC/errmap.h`): a Winsock
/// number stays itself, except six that become the C runtime's (WSAEACCES 10013 -> EACCES
/// 13, ...), and Win32 errors map by groups (ERROR_ACCESS_DENIED -> EACCES, anything unknown
/// -> EINVAL). Then the class comes from that errno, where the connection errors are the
/// Winsock numbers and the rest the C runtime's.
fn windows_python_class(winerror: i32) -> &'static str {
    let errno = match winerror {
        10004 | 10009 | 10013 | 10014 | 10022 | 10024 => winerror - 10000,
        10000..12000 => winerror,
        2 | 3 | 15 | 18 | 53 | 67 | 161 | 206 => 2, // ENOENT
        5 | 16 | 19..=34 | 36 | 65 | 82 | 83 | 108 | 132 | 158 | 167 => 13, // EACCES
        80 | 183 => 17,                             // EEXIST
        109 | 232 => 32,                            // EPIPE
        258 => 138,                                 // ETIMEDOUT (the C runtime's)
        _ => 22,                                    // EINVAL
    };
    match errno {
        11 | 10035 | 10036 | 10037 => "BlockingIOError",
        32 | 10058 => "BrokenPipeError",
        10 => "ChildProcessError",
        10053 => "ConnectionAbortedError",
        10061 => "ConnectionRefusedError",
        10054 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        138 | 10060 => "TimeoutError",
        _ => "OSError",
    }
}

// On each system, the tables agree with the system's own headers (checked when the relay is
// built for it).
#[cfg(target_os = "macos")]
const _: () = {
    assert!(libc::EADDRINUSE == 48 && libc::EADDRNOTAVAIL == 49 && libc::ECONNREFUSED == 61);
    assert!(libc::ECONNRESET == 54 && libc::ETIMEDOUT == 60 && libc::EHOSTUNREACH == 65);
    assert!(libc::ENETUNREACH == 51 && libc::EMSGSIZE == 40 && libc::EOPNOTSUPP == 102);
    assert!(libc::EAGAIN == 35 && libc::ESHUTDOWN == 58 && libc::ECONNABORTED == 53);
};
#[cfg(windows)]
const _: () = {
    use windows_sys::Win32::Networking::WinSock as ws;
    assert!(ws::WSAEADDRINUSE == 10048 && ws::WSAEADDRNOTAVAIL == 10049);
    assert!(ws::WSAECONNREFUSED == 10061 && ws::WSAECONNRESET == 10054);
    assert!(ws::WSAETIMEDOUT == 10060 && ws::WSAEHOSTUNREACH == 10065);
    assert!(ws::WSAENETUNREACH == 10051 && ws::WSAEMSGSIZE == 10040 && ws::WSAEACCES == 10013);
    assert!(ws::WSAECONNABORTED == 10053 && ws::WSAESHUTDOWN == 10058);
};

#[cfg(test)]
mod tests {
    use super::*;

    fn posix(os: Os, code: i32) -> Option<&'static str> {
        name(os, code).map(|n| n.posix)
    }

    #[test]
    fn windows_socket_numbers_mean_what_the_lessons_say() {
        let expected = [
            (10048, "WSAEADDRINUSE", "EADDRINUSE"),
            (10049, "WSAEADDRNOTAVAIL", "EADDRNOTAVAIL"),
            (10013, "WSAEACCES", "EACCES"),
            (10061, "WSAECONNREFUSED", "ECONNREFUSED"),
            (10054, "WSAECONNRESET", "ECONNRESET"),
            (10060, "WSAETIMEDOUT", "ETIMEDOUT"),
            (10065, "WSAEHOSTUNREACH", "EHOSTUNREACH"),
            (10051, "WSAENETUNREACH", "ENETUNREACH"),
            (10040, "WSAEMSGSIZE", "EMSGSIZE"),
            (10022, "WSAEINVAL", "EINVAL"),
            (10053, "WSAECONNABORTED", "ECONNABORTED"),
            (10035, "WSAEWOULDBLOCK", "EWOULDBLOCK"),
            (10057, "WSAENOTCONN", "ENOTCONN"),
            (10058, "WSAESHUTDOWN", "ESHUTDOWN"),
        ];
        for (code, os_name, meaning) in expected {
            assert_eq!(
                name(Os::Windows, code),
                Some(Named {
                    os_name,
                    posix: meaning
                }),
                "{code}"
            );
        }
        // The C runtime's numbers that `libc` has for Windows are no socket errors.
        assert_eq!(posix(Os::Windows, 107), None);
        assert_eq!(posix(Os::Windows, 100), None);
    }

    #[test]
    fn macos_and_linux_numbers_differ_and_both_are_known() {
        for (linux, macos, meaning) in [
            (98, 48, "EADDRINUSE"),
            (99, 49, "EADDRNOTAVAIL"),
            (111, 61, "ECONNREFUSED"),
            (104, 54, "ECONNRESET"),
            (110, 60, "ETIMEDOUT"),
            (113, 65, "EHOSTUNREACH"),
            (101, 51, "ENETUNREACH"),
            (90, 40, "EMSGSIZE"),
            (32, 32, "EPIPE"),
            (22, 22, "EINVAL"),
            (13, 13, "EACCES"),
        ] {
            assert_eq!(posix(Os::Linux, linux), Some(meaning));
            assert_eq!(posix(Os::Macos, macos), Some(meaning));
        }
        // 111 is nothing on macOS; 48 is not EADDRINUSE on Linux.
        assert_eq!(posix(Os::Macos, 111), None);
        assert_ne!(posix(Os::Linux, 48), Some("EADDRINUSE"));
        assert_eq!(posix(Os::Other, 98), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_linux_table_agrees_with_this_systems_headers() {
        for (n, name) in [
            (libc::EADDRINUSE, "EADDRINUSE"),
            (libc::EADDRNOTAVAIL, "EADDRNOTAVAIL"),
            (libc::ECONNREFUSED, "ECONNREFUSED"),
            (libc::ECONNRESET, "ECONNRESET"),
            (libc::ETIMEDOUT, "ETIMEDOUT"),
            (libc::EHOSTUNREACH, "EHOSTUNREACH"),
            (libc::ENETUNREACH, "ENETUNREACH"),
            (libc::EMSGSIZE, "EMSGSIZE"),
            (libc::EPIPE, "EPIPE"),
            (libc::EAGAIN, "EAGAIN"),
            (libc::ECONNABORTED, "ECONNABORTED"),
            (libc::EAFNOSUPPORT, "EAFNOSUPPORT"),
            (libc::ENOTCONN, "ENOTCONN"),
        ] {
            assert_eq!(posix(Os::Linux, n), Some(name));
        }
    }

    #[test]
    fn numbers_for_the_relays_own_errors() {
        assert_eq!(
            number(Os::Windows, "ETIMEDOUT"),
            Some((10060, "WSAETIMEDOUT"))
        );
        assert_eq!(number(Os::Windows, "EACCES"), Some((10013, "WSAEACCES")));
        assert_eq!(number(Os::Linux, "ETIMEDOUT"), Some((110, "ETIMEDOUT")));
        assert_eq!(number(Os::Macos, "ETIMEDOUT"), Some((60, "ETIMEDOUT")));
        assert_eq!(number(Os::Other, "ETIMEDOUT"), None);
    }

    #[test]
    fn rusts_suffix_is_cut_from_the_os_text() {
        assert_eq!(
            os_text("Connection refused (os error 111)", 111),
            "Connection refused"
        );
        assert_eq!(
            os_text("由于目标计算机积极拒绝，无法连接。 (os error 10061)", 10061),
            "由于目标计算机积极拒绝，无法连接。"
        );
        // Another number's suffix is not ours to cut.
        assert_eq!(os_text("x (os error 1)", 2), "x (os error 1)");
    }

    #[test]
    fn python_prints_errno_lines_on_linux_and_macos() {
        assert_eq!(
            python_line(Os::Linux, 111, "Connection refused"),
            "ConnectionRefusedError: [Errno 111] Connection refused"
        );
        assert_eq!(
            python_line(Os::Macos, 61, "Connection refused"),
            "ConnectionRefusedError: [Errno 61] Connection refused"
        );
        assert_eq!(
            python_line(Os::Linux, 98, "Address already in use"),
            "OSError: [Errno 98] Address already in use"
        );
        assert_eq!(
            python_line(Os::Macos, 48, "Address already in use"),
            "OSError: [Errno 48] Address already in use"
        );
        assert_eq!(
            python_line(Os::Linux, 104, "Connection reset by peer"),
            "ConnectionResetError: [Errno 104] Connection reset by peer"
        );
        assert_eq!(
            python_line(Os::Linux, 110, "Connection timed out"),
            "TimeoutError: [Errno 110] Connection timed out"
        );
        assert_eq!(
            python_line(Os::Linux, 13, "Permission denied"),
            "PermissionError: [Errno 13] Permission denied"
        );
        assert_eq!(
            python_line(Os::Linux, 32, "Broken pipe"),
            "BrokenPipeError: [Errno 32] Broken pipe"
        );
        assert_eq!(
            python_line(Os::Macos, 35, "Resource temporarily unavailable"),
            "BlockingIOError: [Errno 35] Resource temporarily unavailable"
        );
        assert_eq!(
            python_line(Os::Linux, 9999, "odd"),
            "OSError: [Errno 9999] odd"
        );
    }

    #[test]
    fn python_prints_winerror_lines_on_windows() {
        assert_eq!(
            python_line(
                Os::Windows,
                10061,
                "No connection could be made because the target machine actively refused it."
            ),
            "ConnectionRefusedError: [WinError 10061] No connection could be made because the \
             target machine actively refused it"
        );
        assert_eq!(
            python_line(Os::Windows, 10061, "由于目标计算机积极拒绝，无法连接。"),
            "ConnectionRefusedError: [WinError 10061] 由于目标计算机积极拒绝，无法连接。"
        );
        assert_eq!(
            python_line(
                Os::Windows,
                10048,
                "通常每个套接字地址(协议/网络地址/端口)只允许使用一次。\r\n"
            ),
            "OSError: [WinError 10048] 通常每个套接字地址(协议/网络地址/端口)只允许使用一次。"
        );
        // Wine knows no text for some codes: Rust's stand-in becomes CPython's.
        assert_eq!(
            python_line(
                Os::Windows,
                10048,
                "OS Error 10048 (FormatMessageW() returned error 317)"
            ),
            "OSError: [WinError 10048] Windows Error 0x2740"
        );
        // WSAEACCES becomes errno 13 first, so PermissionError.
        assert!(
            python_line(Os::Windows, 10013, "x").starts_with("PermissionError: [WinError 10013]")
        );
        for (code, class) in [
            (10054, "ConnectionResetError"),
            (10053, "ConnectionAbortedError"),
            (10060, "TimeoutError"),
            (10058, "BrokenPipeError"),
            (10035, "BlockingIOError"),
            (10004, "InterruptedError"),
            (10022, "OSError"),
            (10065, "OSError"),
            (2, "FileNotFoundError"),
            (5, "PermissionError"),
            (183, "FileExistsError"),
            (109, "BrokenPipeError"),
            (87, "OSError"),
        ] {
            assert_eq!(
                python_line(Os::Windows, code, "t"),
                format!("{class}: [WinError {code}] t")
            );
        }
    }

    #[test]
    fn only_bad_socket_errors_break_a_socket() {
        assert!(breaks_the_socket(Os::Linux, 9));
        assert!(breaks_the_socket(Os::Windows, 10038));
        assert!(!breaks_the_socket(Os::Linux, 111));
        // A UDP socket on Windows hears an ICMP "port unreachable" as WSAECONNRESET.
        assert!(!breaks_the_socket(Os::Windows, 10054));
        // The C runtime's EBADF number means nothing from a Windows socket.
        assert!(!breaks_the_socket(Os::Windows, 9));
    }
}
