//! Typed errors: what the operating system (or the relay's own rules) said, by name and
//! number, with Python's exact line for it. The page reacts to `code` and explains it in the
//! learner's language from its own text tables; `message` is one English sentence for logs and
//! other clients. No learner prose lives here: this crate is the wire, not the lesson.

use serde::{Deserialize, Serialize};

/// Every way a request can fail. OS errors keep their POSIX names (`EADDRINUSE`, ...), so what
/// the learner sees matches what Python's `OSError` prints; the relay's own refusals have
/// descriptive names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ErrorCode {
    // --- what the operating system said ---
    #[serde(rename = "EADDRINUSE")]
    AddrInUse,
    #[serde(rename = "EADDRNOTAVAIL")]
    AddrNotAvail,
    #[serde(rename = "EACCES")]
    Access,
    #[serde(rename = "ECONNREFUSED")]
    ConnRefused,
    #[serde(rename = "ECONNRESET")]
    ConnReset,
    /// The connection was aborted on this side (Windows' WSAECONNABORTED when sending on a
    /// connection the peer reset, or a client that gave up while queued for `accept`).
    #[serde(rename = "ECONNABORTED")]
    ConnAborted,
    #[serde(rename = "ETIMEDOUT")]
    TimedOut,
    #[serde(rename = "EHOSTUNREACH")]
    HostUnreach,
    #[serde(rename = "ENETUNREACH")]
    NetUnreach,
    #[serde(rename = "EMSGSIZE")]
    MsgSize,
    #[serde(rename = "EPIPE")]
    Pipe,
    #[serde(rename = "EINVAL")]
    Invalid,
    /// Another OS error; `errno` and `detail` say which.
    #[serde(rename = "OS_ERROR")]
    OtherOs,
    // --- the relay's own rules ---
    /// The `hello` carried a wrong token.
    #[serde(rename = "BAD_TOKEN")]
    BadToken,
    /// A request came before a successful `hello`.
    #[serde(rename = "NOT_AUTHENTICATED")]
    NotAuthenticated,
    /// The message was not valid JSON or not a known request.
    #[serde(rename = "BAD_REQUEST")]
    BadRequest,
    /// The WebSocket message was larger than `limits::MAX_MESSAGE_BYTES`.
    #[serde(rename = "MESSAGE_TOO_LARGE")]
    MessageTooLarge,
    /// The text is not an IP address or host name.
    #[serde(rename = "BAD_ADDRESS")]
    BadAddress,
    /// The name did not resolve to any address.
    #[serde(rename = "RESOLVE_FAILED")]
    ResolveFailed,
    /// The target is outside what this relay lets the page reach.
    #[serde(rename = "TARGET_DENIED")]
    TargetDenied,
    /// The local address is outside what this relay lets the page bind.
    #[serde(rename = "BIND_DENIED")]
    BindDenied,
    /// No socket with that id in this session (never opened, or already closed).
    #[serde(rename = "NO_SUCH_SOCKET")]
    NoSuchSocket,
    /// The socket exists but cannot do that (for example `udp_send_to` on a TCP socket).
    #[serde(rename = "WRONG_SOCKET_KIND")]
    WrongSocketKind,
    /// The session already holds `limits::MAX_SOCKETS_PER_SESSION` sockets.
    #[serde(rename = "TOO_MANY_SOCKETS")]
    TooManySockets,
    /// The payload is larger than the limit for that request.
    #[serde(rename = "PAYLOAD_TOO_LARGE")]
    PayloadTooLarge,
    /// The request is part of the protocol but this relay does not do it yet.
    #[serde(rename = "NOT_IMPLEMENTED")]
    NotImplemented,
    /// The page lost its connection to the relay before the answer came (set by the page,
    /// never sent by the relay).
    #[serde(rename = "DISCONNECTED")]
    Disconnected,
    /// The relay already has `limits::MAX_SESSIONS` page sessions (tabs).
    #[serde(rename = "TOO_MANY_SESSIONS")]
    TooManySessions,
    /// A download ended with a size other than the served file's.
    #[serde(rename = "SIZE_MISMATCH")]
    SizeMismatch,
    /// A download has the expected size but another SHA-256 than the served file.
    #[serde(rename = "HASH_MISMATCH")]
    HashMismatch,
    /// A download grew past the relay's `--max-download-bytes`.
    #[serde(rename = "DOWNLOAD_TOO_LARGE")]
    DownloadTooLarge,
    /// Too many connects, sends or binds in a short time; `retry_after_ms` says how long to
    /// wait.
    #[serde(rename = "RATE_LIMITED")]
    RateLimited,
    /// A port below 1024 (a well-known port) without `--allow-low-ports`.
    #[serde(rename = "LOW_PORT_DENIED")]
    LowPortDenied,
}

impl ErrorCode {
    /// Every code, for tests and documentation.
    pub const ALL: [ErrorCode; 33] = [
        ErrorCode::AddrInUse,
        ErrorCode::AddrNotAvail,
        ErrorCode::Access,
        ErrorCode::ConnRefused,
        ErrorCode::ConnReset,
        ErrorCode::ConnAborted,
        ErrorCode::TimedOut,
        ErrorCode::HostUnreach,
        ErrorCode::NetUnreach,
        ErrorCode::MsgSize,
        ErrorCode::Pipe,
        ErrorCode::Invalid,
        ErrorCode::OtherOs,
        ErrorCode::BadToken,
        ErrorCode::NotAuthenticated,
        ErrorCode::BadRequest,
        ErrorCode::MessageTooLarge,
        ErrorCode::BadAddress,
        ErrorCode::ResolveFailed,
        ErrorCode::TargetDenied,
        ErrorCode::BindDenied,
        ErrorCode::NoSuchSocket,
        ErrorCode::WrongSocketKind,
        ErrorCode::TooManySockets,
        ErrorCode::PayloadTooLarge,
        ErrorCode::NotImplemented,
        ErrorCode::Disconnected,
        ErrorCode::TooManySessions,
        ErrorCode::SizeMismatch,
        ErrorCode::HashMismatch,
        ErrorCode::DownloadTooLarge,
        ErrorCode::RateLimited,
        ErrorCode::LowPortDenied,
    ];

    /// The name as it appears in JSON (`"EADDRINUSE"`, `"TARGET_DENIED"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            ErrorCode::AddrInUse => "EADDRINUSE",
            ErrorCode::AddrNotAvail => "EADDRNOTAVAIL",
            ErrorCode::Access => "EACCES",
            ErrorCode::ConnRefused => "ECONNREFUSED",
            ErrorCode::ConnReset => "ECONNRESET",
            ErrorCode::ConnAborted => "ECONNABORTED",
            ErrorCode::TimedOut => "ETIMEDOUT",
            ErrorCode::HostUnreach => "EHOSTUNREACH",
            ErrorCode::NetUnreach => "ENETUNREACH",
            ErrorCode::MsgSize => "EMSGSIZE",
            ErrorCode::Pipe => "EPIPE",
            ErrorCode::Invalid => "EINVAL",
            ErrorCode::OtherOs => "OS_ERROR",
            ErrorCode::BadToken => "BAD_TOKEN",
            ErrorCode::NotAuthenticated => "NOT_AUTHENTICATED",
            ErrorCode::BadRequest => "BAD_REQUEST",
            ErrorCode::MessageTooLarge => "MESSAGE_TOO_LARGE",
            ErrorCode::BadAddress => "BAD_ADDRESS",
            ErrorCode::ResolveFailed => "RESOLVE_FAILED",
            ErrorCode::TargetDenied => "TARGET_DENIED",
            ErrorCode::BindDenied => "BIND_DENIED",
            ErrorCode::NoSuchSocket => "NO_SUCH_SOCKET",
            ErrorCode::WrongSocketKind => "WRONG_SOCKET_KIND",
            ErrorCode::TooManySockets => "TOO_MANY_SOCKETS",
            ErrorCode::PayloadTooLarge => "PAYLOAD_TOO_LARGE",
            ErrorCode::NotImplemented => "NOT_IMPLEMENTED",
            ErrorCode::Disconnected => "DISCONNECTED",
            ErrorCode::TooManySessions => "TOO_MANY_SESSIONS",
            ErrorCode::SizeMismatch => "SIZE_MISMATCH",
            ErrorCode::HashMismatch => "HASH_MISMATCH",
            ErrorCode::DownloadTooLarge => "DOWNLOAD_TOO_LARGE",
            ErrorCode::RateLimited => "RATE_LIMITED",
            ErrorCode::LowPortDenied => "LOW_PORT_DENIED",
        }
    }

    /// One English sentence saying what the code means, for the wire's `message` (relay logs,
    /// any client). It is no lesson: the page explains each code to the learner in their own
    /// language from its own text tables (`error.<NAME>` in `frontend/src/i18n/errors_*.rs`).
    pub fn message(self) -> &'static str {
        match self {
            ErrorCode::AddrInUse => {
                "Another socket already holds this address and port (another program, or one you bound a moment ago)."
            }
            ErrorCode::AddrNotAvail => {
                "This computer has no such IP address, so it cannot bind to it."
            }
            ErrorCode::Access => "The operating system said no: permission denied.",
            ErrorCode::ConnRefused => {
                "Connection refused: nothing is listening on that address and port."
            }
            ErrorCode::ConnReset => {
                "The connection was reset by the peer: the other program crashed or closed the connection abruptly."
            }
            ErrorCode::ConnAborted => {
                "The connection was aborted: this computer itself gave up on it (common on Windows when sending on a connection the peer has reset)."
            }
            ErrorCode::TimedOut => "Timed out: the other side never answered.",
            ErrorCode::HostUnreach => {
                "No route to that host: it is not up, or not on a network this machine can reach."
            }
            ErrorCode::NetUnreach => {
                "Network unreachable: this computer has no route to that network (and no default gateway that covers it)."
            }
            ErrorCode::MsgSize => {
                "Message too long: one UDP datagram holds at most 65,507 bytes over IPv4."
            }
            ErrorCode::Pipe => {
                "Broken pipe: the other side has closed the connection, so nothing more can be written to it."
            }
            ErrorCode::Invalid => {
                "Invalid argument: the operating system says this operation makes no sense in the socket's current state (for example binding a socket that is already bound)."
            }
            ErrorCode::OtherOs => "The operating system reported an error; `detail` says which.",
            ErrorCode::BadToken => {
                "Wrong token: this page's token comes from an earlier launch of the relay."
            }
            ErrorCode::NotAuthenticated => {
                "Not authenticated yet: the first message on the connection must be hello."
            }
            ErrorCode::BadRequest => {
                "The relay could not understand this request (not valid JSON, or not a known operation)."
            }
            ErrorCode::MessageTooLarge => "This message is too large for the relay to accept.",
            ErrorCode::BadAddress => "This is not a valid IP address or host name.",
            ErrorCode::ResolveFailed => {
                "This host name could not be resolved: DNS returned no address."
            }
            ErrorCode::TargetDenied => {
                "For safety the relay only lets the page reach this machine (127.0.0.0/8 and ::1) by default, and never the relay's own port."
            }
            ErrorCode::BindDenied => {
                "For safety the relay only binds loopback addresses (127.0.0.1 or ::1) by default."
            }
            ErrorCode::NoSuchSocket => "There is no such socket: it may already be closed.",
            ErrorCode::WrongSocketKind => {
                "This socket cannot do that (for example sendto on a TCP socket)."
            }
            ErrorCode::TooManySockets => "Too many sockets are open.",
            ErrorCode::PayloadTooLarge => "Too much data for one send; split it into several.",
            ErrorCode::NotImplemented => {
                "This version of the relay does not support this operation yet."
            }
            ErrorCode::Disconnected => {
                "The connection to the relay was lost before the answer came back."
            }
            ErrorCode::TooManySessions => {
                "Too many tabs have the tutorial open: the relay serves only a few at once."
            }
            ErrorCode::SizeMismatch => {
                "The number of bytes received differs from the file's size on the server: the connection ended part-way."
            }
            ErrorCode::HashMismatch => {
                "The size is right but the SHA-256 checksum differs: what arrived is not the server's file."
            }
            ErrorCode::DownloadTooLarge => {
                "The file is larger than the relay lets the downloader save, so the download stopped and the temporary file was removed."
            }
            ErrorCode::RateLimited => {
                "Too fast: too many connects, sends or binds in a short time."
            }
            ErrorCode::LowPortDenied => {
                "Ports below 1024 are the well-known ports (HTTP uses 80, HTTPS 443, SSH 22, ...)."
            }
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// An error as it travels in a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelayError {
    pub code: ErrorCode,
    /// The raw OS error number, when the operating system produced the error: the relay's
    /// own system's number (Linux 111, macOS 61, Windows 10061 for ECONNREFUSED).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errno: Option<i32>,
    /// That system's own name for `errno`: `WSAECONNREFUSED` on Windows, `ECONNREFUSED`
    /// elsewhere (`code` is the meaning, the same name on every system).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os_name: Option<String>,
    /// The line Python prints for this failure on the relay's system, such as
    /// `ConnectionRefusedError: [WinError 10061] 由于目标计算机积极拒绝，无法连接。`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub python: Option<String>,
    /// What `code` means, in one English sentence ([`ErrorCode::message`]); the page shows its
    /// own explanation in the learner's language instead.
    pub message: String,
    /// Extra facts: the OS's own text, or what exactly was wrong with the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// For `RATE_LIMITED`: milliseconds until the request would be accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_ms: Option<u64>,
    /// For `EADDRINUSE` on `udp_bind` or `tcp_listen`: the page's own earlier socket that
    /// holds the port (the page can offer to close it and try again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_by: Option<crate::SocketId>,
}

impl RelayError {
    pub fn new(code: ErrorCode) -> Self {
        RelayError {
            code,
            errno: None,
            os_name: None,
            python: None,
            message: code.message().to_owned(),
            detail: None,
            retry_after_ms: None,
            held_by: None,
        }
    }

    pub fn with_retry_after(mut self, ms: u64) -> Self {
        self.retry_after_ms = Some(ms);
        self
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn with_errno(mut self, errno: i32) -> Self {
        self.errno = Some(errno);
        self
    }

    pub fn with_os_name(mut self, name: impl Into<String>) -> Self {
        self.os_name = Some(name.into());
        self
    }

    pub fn with_python(mut self, line: impl Into<String>) -> Self {
        self.python = Some(line.into());
        self
    }
}

impl std::fmt::Display for RelayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)?;
        if let Some(d) = &self.detail {
            write!(f, " ({d})")?;
        }
        Ok(())
    }
}

impl std::error::Error for RelayError {}
