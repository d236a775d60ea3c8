//! Typed errors: what the operating system (or the relay's own rules) said, by name, with a
//! plain-language explanation in both languages. The page reacts to `code`; a person reads
//! `message` (English, for any client) or [`ErrorCode::explain`] in their own language.

use serde::{Deserialize, Serialize};

use crate::Lang;

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

    /// A plain-language explanation for a learner, in their language.
    pub fn explain(self, lang: Lang) -> &'static str {
        let (zh, en) = self.texts();
        match lang {
            Lang::ZhCn => zh,
            Lang::En => en,
        }
    }

    fn texts(self) -> (&'static str, &'static str) {
        match self {
            ErrorCode::AddrInUse => (
                "这个地址和端口已经被另一个套接字占用了(可能是另一个程序,也可能是你自己刚才绑定的)。同一时刻一个端口只能被一个套接字绑定:换一个端口,或者先关闭占用它的套接字。",
                "Another socket already holds this address and port (another program, or one you bound a moment ago). Only one socket can bind a port at a time: pick another port, or close the socket that holds it.",
            ),
            ErrorCode::AddrNotAvail => (
                "这台电脑上没有这个 IP 地址,所以无法绑定到它。只能绑定本机网卡拥有的地址(或者 0.0.0.0 / 127.0.0.1)。",
                "This computer has no such IP address, so it cannot bind to it. A socket can only bind an address one of this machine's interfaces owns (or 0.0.0.0 / 127.0.0.1).",
            ),
            ErrorCode::Access => (
                "操作系统拒绝了:权限不够。在 Linux 上,绑定 1024 以下的端口需要 root 权限(或 CAP_NET_BIND_SERVICE)。换一个 1024 以上的端口试试。",
                "The operating system said no: permission denied. On Linux, binding a port below 1024 needs root (or CAP_NET_BIND_SERVICE). Try a port above 1024.",
            ),
            ErrorCode::ConnRefused => (
                "对方拒绝连接:那个地址和端口上没有程序在监听(listen)。对 TCP 来说,对方的系统会立即回一个 RST,所以 connect 马上失败。先启动服务器,或者检查端口号。",
                "Connection refused: nothing is listening on that address and port. The other system answers a TCP connect there with a reset at once, so connect fails immediately. Start the server first, or check the port number.",
            ),
            ErrorCode::ConnReset => (
                "连接被对方重置(RST):对方程序异常退出或者强行关闭了连接。已经在路上的数据可能丢失了。",
                "The connection was reset by the peer: the other program crashed or closed the connection abruptly. Data still in flight may have been lost.",
            ),
            ErrorCode::ConnAborted => (
                "连接被中止：这台电脑自己放弃了这条连接（在 Windows 上，往一条已被对方重置的连接里发送数据时常见）。这条连接不能再用了，需要重新连接。",
                "The connection was aborted: this computer itself gave up on it (common on Windows when sending on a connection the peer has reset). The connection cannot be used any more; connect again.",
            ),
            ErrorCode::TimedOut => (
                "超时:等了很久对方也没有回应。可能地址不对、对方关机了,或者中间的防火墙丢弃了数据包。",
                "Timed out: the other side never answered. The address may be wrong, the host may be off, or a firewall on the way drops the packets.",
            ),
            ErrorCode::HostUnreach => (
                "找不到通往那台主机的路:它不在线,或者不在可以到达的网络中。",
                "No route to that host: it is not up, or not on a network this machine can reach.",
            ),
            ErrorCode::NetUnreach => (
                "网络不可达:这台电脑不知道怎样把数据包发到那个网络(没有路由,也没有默认网关)。",
                "Network unreachable: this computer has no route to that network (and no default gateway that covers it).",
            ),
            ErrorCode::MsgSize => (
                "消息太大:一个 UDP 数据报最多能装 65507 字节(IPv4)。把数据拆成几个数据报发送。",
                "Message too long: one UDP datagram holds at most 65,507 bytes over IPv4. Split the data into several datagrams.",
            ),
            ErrorCode::Pipe => (
                "管道已断开:对方已经关闭了连接,不能再往里写数据了。",
                "Broken pipe: the other side has closed the connection, so nothing more can be written to it.",
            ),
            ErrorCode::Invalid => (
                "参数无效:操作系统认为这个操作在当前状态下不合法(例如对已经绑定的套接字再次绑定)。",
                "Invalid argument: the operating system says this operation makes no sense in the socket's current state (for example binding a socket that is already bound).",
            ),
            ErrorCode::OtherOs => (
                "操作系统报告了一个错误,详情见下方的原始信息。",
                "The operating system reported an error; the raw message below says which.",
            ),
            ErrorCode::BadToken => (
                "令牌不对:这个页面的令牌来自中继程序之前的某次启动。请打开中继程序这次启动时在终端里打印的链接。",
                "Wrong token: this page's token comes from an earlier launch of the relay. Open the link the relay printed in its terminal this time.",
            ),
            ErrorCode::NotAuthenticated => (
                "还没有通过令牌验证:连接后第一条消息必须是 hello。",
                "Not authenticated yet: the first message on the connection must be hello.",
            ),
            ErrorCode::BadRequest => (
                "中继程序看不懂这条请求(不是合法的 JSON,或者不是已知的操作)。",
                "The relay could not understand this request (not valid JSON, or not a known operation).",
            ),
            ErrorCode::MessageTooLarge => (
                "这条消息太大,中继程序不接收。请发送更少的数据。",
                "This message is too large for the relay to accept. Send less data at a time.",
            ),
            ErrorCode::BadAddress => (
                "这不是一个有效的 IP 地址或主机名。IPv4 地址写成四个 0 到 255 之间的十进制数,用点隔开,例如 127.0.0.1。",
                "This is not a valid IP address or host name. An IPv4 address is four decimal numbers from 0 to 255 separated by dots, such as 127.0.0.1.",
            ),
            ErrorCode::ResolveFailed => (
                "无法解析这个主机名:DNS 没有给出任何地址。检查拼写,或者直接使用 IP 地址。",
                "This host name could not be resolved: DNS returned no address. Check the spelling, or use an IP address.",
            ),
            ErrorCode::TargetDenied => (
                "为了安全,中继程序默认只允许访问本机(127.0.0.0/8 和 ::1),并且不允许访问它自己的端口。要连接同学的电脑,请在启动中继程序时加上 --allow-target 参数(例如 --allow-target 192.168.1.0/24)。",
                "For safety the relay only lets the page reach this machine (127.0.0.0/8 and ::1) by default, and never the relay's own port. To reach a classmate's computer, start the relay with --allow-target (for example --allow-target 192.168.1.0/24).",
            ),
            ErrorCode::BindDenied => (
                "为了安全,中继程序默认只绑定本机回环地址(127.0.0.1 或 ::1)。绑定 0.0.0.0 会把端口开放给整个网络;如果确实需要,请在启动中继程序时加上 --allow-bind-all 参数。",
                "For safety the relay only binds loopback addresses (127.0.0.1 or ::1) by default. Binding 0.0.0.0 opens the port to your whole network; if you really want that, start the relay with --allow-bind-all.",
            ),
            ErrorCode::NoSuchSocket => (
                "没有这个套接字:它可能已经关闭了。",
                "There is no such socket: it may already be closed.",
            ),
            ErrorCode::WrongSocketKind => (
                "这个套接字不能做这个操作(例如对 TCP 套接字调用 sendto)。",
                "This socket cannot do that (for example sendto on a TCP socket).",
            ),
            ErrorCode::TooManySockets => (
                "打开的套接字太多了。先关闭一些不用的套接字。",
                "Too many sockets are open. Close some you no longer need first.",
            ),
            ErrorCode::PayloadTooLarge => (
                "要发送的数据太多了,请分成几次发送。",
                "Too much data for one send; split it into several.",
            ),
            ErrorCode::NotImplemented => (
                "这个版本的中继程序还不支持这个操作。",
                "This version of the relay does not support this operation yet.",
            ),
            ErrorCode::Disconnected => (
                "和中继程序的连接断开了,这个操作的结果没有传回来。中继程序关闭时,它打开的所有套接字也都关闭了。",
                "The connection to the relay was lost before the answer came back. When the relay's connection closes, every socket it opened for this page is closed too.",
            ),
            ErrorCode::TooManySessions => (
                "打开本教程的标签页太多了:中继程序同时只服务几个标签页。关闭一个不用的标签页,这个标签页会自动重新连接。",
                "Too many tabs have the tutorial open: the relay serves only a few at once. Close a tab you no longer need; this one reconnects by itself.",
            ),
            ErrorCode::SizeMismatch => (
                "收到的字节数和服务器上文件的大小不一样:连接在中途结束了。文件没有保存(临时文件已删除)。",
                "The number of bytes received differs from the file's size on the server: the connection ended part-way. The file was not saved (the temporary file was removed).",
            ),
            ErrorCode::HashMismatch => (
                "大小一样,但 SHA-256 校验和不一样:收到的内容和服务器上的文件不同。文件没有保存(临时文件已删除)。",
                "The size is right but the SHA-256 checksum differs: what arrived is not the server's file. The file was not saved (the temporary file was removed).",
            ),
            ErrorCode::DownloadTooLarge => (
                "文件超过了中继程序允许下载的最大大小,下载已停止,临时文件已删除。需要更大的文件时,启动中继程序时加上 --max-download-bytes。",
                "The file is larger than the relay lets the downloader save, so the download stopped and the temporary file was removed. For bigger files, start the relay with --max-download-bytes.",
            ),
            ErrorCode::RateLimited => (
                "太快了:短时间内连接、发送或绑定的次数太多。任何一课都用不了这么多;这样的速度像是在扫描端口或者制造流量洪水,所以中继程序让你稍等一下再试。",
                "Too fast: too many connects, sends or binds in a short time. No lesson needs this many; at this speed it looks like a port scan or a flood, so the relay asks you to wait a moment and try again.",
            ),
            ErrorCode::LowPortDenied => (
                "1024 以下的端口是“知名端口”(HTTP 用 80,HTTPS 用 443,SSH 用 22……),操作系统把它们留给系统服务,普通程序通常没有权限绑定。练习时请用 1024 以上的端口,比如 8000 或 9000。(确实需要时,启动中继程序时加上 --allow-low-ports。)",
                "Ports below 1024 are the well-known ports (HTTP uses 80, HTTPS 443, SSH 22, ...). Operating systems keep them for system services, and ordinary programs usually may not bind them. For exercises use a port above 1024, such as 8000 or 9000. (If you really need one, start the relay with --allow-low-ports.)",
            ),
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
    /// A plain-language explanation in English (`ErrorCode::explain` has both languages).
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
            message: code.explain(Lang::En).to_owned(),
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
