//! Every message on the WebSocket. The page sends [`ClientMessage`]s (a request with an id);
//! the relay sends [`ServerMessage`]s: a `welcome` after a good `hello`, exactly one `reply` or
//! `error` per request id, and events for whatever arrives on a socket at any time.

use std::net::SocketAddr;

use serde::{Deserialize, Serialize};

use crate::challenge::{ChallengeId, ChallengeSetup, CheckReport, Interface, RunId};
use crate::{Data, RelayError};

/// A socket's id, chosen by the relay, unique within one WebSocket session.
pub type SocketId = u32;

/// A download's id, chosen by the relay, unique within one WebSocket session.
pub type DownloadId = u32;

/// What the page sends: `{"id": 7, "op": "udp_send_to", ...}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClientMessage {
    /// Chosen by the page; the relay's answer carries the same id.
    pub id: u64,
    #[serde(flatten)]
    pub request: Request,
}

/// Address families, as in `socket.AF_INET` / `socket.AF_INET6`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    #[default]
    Ipv4,
    Ipv6,
}

/// How the downloader reads the file (the course's bug, or the fix).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DownloadMode {
    /// `recv(1024)` exactly once, like the course's client: big files arrive truncated.
    CourseOnce,
    /// Loop until recv returns 0 bytes (end of stream): the correct client.
    UntilEnd,
}

/// The requests, tagged by `op`. A field no request has is refused (`BAD_REQUEST` naming it),
/// so a misspelt optional field (`recv_sise`) is not silently ignored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Request {
    /// Must be the first message. `token` is the per-launch secret from the tutorial URL (it
    /// opens one session only) or the credential a `welcome` gave.
    Hello { token: String },

    // ----- UDP (curriculum 6) -----
    /// `socket.socket(AF_INET, SOCK_DGRAM)`: a UDP socket, not yet bound.
    UdpOpen {
        #[serde(default)]
        family: Family,
        /// The buffer size of every `recvfrom(bufsize)` the relay does on this socket (its
        /// default, 64 KiB, when absent). A datagram larger than it behaves as the OS makes
        /// it: cut to the buffer on Linux and macOS, `udp_recv_error` EMSGSIZE on Windows.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recv_size: Option<u32>,
    },
    /// `s.bind((host, port))`. `host` "" means every local address, like Python's `''`.
    UdpBind {
        socket: SocketId,
        host: String,
        port: u16,
    },
    /// `s.sendto(data, (host, port))`. An unbound socket gets a port from the OS here.
    UdpSendTo {
        socket: SocketId,
        host: String,
        port: u16,
        data: Data,
    },

    // ----- TCP (curriculum 7) -----
    /// `s = socket(AF_INET, SOCK_STREAM); s.connect((host, port))`. `recv_size` is the
    /// bufsize of every `recv(bufsize)` the relay then does on it (default
    /// `limits::RECV_BUFFER`); the course uses 1024.
    TcpConnect {
        host: String,
        port: u16,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recv_size: Option<u32>,
    },
    /// `s.bind((host, port)); s.listen(backlog)`; each client then arrives as `tcp_accepted`.
    /// `recv_size` applies to every accepted socket.
    TcpListen {
        host: String,
        port: u16,
        backlog: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recv_size: Option<u32>,
    },
    /// `s.send(data)` on a connected TCP socket.
    TcpSend { socket: SocketId, data: Data },
    /// `s.shutdown(SHUT_WR)`: no more sending; the peer's recv returns 0.
    TcpShutdown { socket: SocketId },
    /// Stop (or resume) calling `recv` on a connected TCP socket, as a busy program would.
    /// While paused, data waits in the kernel's buffers; when they fill, the sender's window
    /// closes (flow control). Resuming shows how much one `recv` then returns.
    TcpPauseReading { socket: SocketId, paused: bool },

    // ----- any socket -----
    /// `s.close()`. Closing a listener stops new clients; accepted sockets go on.
    Close { socket: SocketId },
    /// Every socket this session holds, with its state (for the socket-state picture).
    ListSockets {},
    /// The kernel's own view of a connected TCP socket (Linux `TCP_INFO`).
    TcpInfo { socket: SocketId },

    // ----- names (curriculum 3) -----
    /// Ask the operating system's resolver for a name's addresses, like
    /// `socket.getaddrinfo(name, None)`. Every address is reported, allowed or not.
    Resolve { name: String },

    // ----- the file-download lab (curriculum 8) -----
    /// The files the relay's file server offers (its one folder), with sizes and SHA-256.
    FileList {},
    /// Start the course's file server (name in, raw bytes out, close) on 127.0.0.1:`port`
    /// (the course uses 7890). One per session; starting it again moves it.
    FileServerStart {
        port: u16,
        /// Serve as the course's server does: read the whole file into memory (`f.read()`),
        /// then send it; each `file_served` then says how much memory that took. A file over
        /// `WHOLE_FILE_CAP` is refused (`too_big_to_hold`). Off: the file is streamed.
        #[serde(default, skip_serializing_if = "is_false")]
        read_whole: bool,
    },
    /// Stop this session's file server.
    FileServerStop {},
    /// Download `name` from a server speaking the course's protocol.
    DownloadStart {
        host: String,
        port: u16,
        name: String,
        mode: DownloadMode,
    },
    /// Stop a running download; its partial file is removed.
    DownloadCancel { download: DownloadId },

    // ----- challenges (issue 15; see challenge.rs) -----
    /// Prepare a checker for the learner's program; it runs at once, reporting each check as a
    /// `challenge_check` event and the end as `challenge_ended`. One run per session: starting
    /// another cancels the running one.
    ChallengeStart { challenge: ChallengeId },
    /// Text the learner gives the running checker (the SHA-256 their program printed).
    ChallengeAnswer { run: RunId, text: String },
    /// Stop a running challenge (its `challenge_ended` follows, with `cancelled`).
    ChallengeCancel { run: RunId },
    /// This machine's interfaces: address, prefix, gateway (from the OS's own tables).
    Interfaces {},
}

impl Request {
    /// The `op` name, for logs.
    pub fn op(&self) -> &'static str {
        match self {
            Request::Hello { .. } => "hello",
            Request::UdpOpen { .. } => "udp_open",
            Request::UdpBind { .. } => "udp_bind",
            Request::UdpSendTo { .. } => "udp_send_to",
            Request::TcpConnect { .. } => "tcp_connect",
            Request::TcpListen { .. } => "tcp_listen",
            Request::TcpSend { .. } => "tcp_send",
            Request::TcpShutdown { .. } => "tcp_shutdown",
            Request::TcpPauseReading { .. } => "tcp_pause_reading",
            Request::Close { .. } => "close",
            Request::ListSockets {} => "list_sockets",
            Request::TcpInfo { .. } => "tcp_info",
            Request::Resolve { .. } => "resolve",
            Request::FileList {} => "file_list",
            Request::FileServerStart { .. } => "file_server_start",
            Request::FileServerStop {} => "file_server_stop",
            Request::DownloadStart { .. } => "download_start",
            Request::DownloadCancel { .. } => "download_cancel",
            Request::ChallengeStart { .. } => "challenge_start",
            Request::ChallengeAnswer { .. } => "challenge_answer",
            Request::ChallengeCancel { .. } => "challenge_cancel",
            Request::Interfaces {} => "interfaces",
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The most a file server started with `read_whole` holds in memory for one file: the course's
/// server has no such cap, and a file bigger than the computer's memory ends it.
pub const WHOLE_FILE_CAP: u64 = 64 * 1024 * 1024;

/// What the relay sends, tagged by `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMessage {
    /// The answer to a good `hello`.
    Welcome(Welcome),
    /// A request succeeded.
    Reply { id: u64, result: Reply },
    /// A request failed (`id` is absent when the message could not even be read).
    Error {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<u64>,
        error: RelayError,
    },

    // ----- events: something happened on a socket -----
    /// A datagram arrived: what `recvfrom` returned.
    UdpDatagram {
        socket: SocketId,
        /// The sender's address and port.
        from: SocketAddr,
        /// The local address it arrived on.
        local: SocketAddr,
        data: Data,
    },
    /// `recvfrom` failed for one datagram and the socket goes on receiving: on Windows a
    /// datagram larger than the buffer (`WSAEMSGSIZE`, Python's `OSError: [WinError 10040]`).
    UdpRecvError { socket: SocketId, error: RelayError },
    /// A listener accepted a client: `conn, addr = s.accept()`. `socket` is the NEW socket.
    TcpAccepted {
        listener: SocketId,
        socket: SocketId,
        peer: SocketAddr,
        local: SocketAddr,
    },
    /// One `recv` returned these bytes (the boundaries are the real ones).
    TcpData { socket: SocketId, data: Data },
    /// A listener's client could not be given a socket (the session holds its most sockets):
    /// the relay accepted it and closed it at once, so the client saw its connect succeed and
    /// then the end of the stream. `error` says why (`TOO_MANY_SOCKETS`).
    ClientRefused {
        listener: SocketId,
        peer: SocketAddr,
        error: RelayError,
    },
    /// A `tcp_send` has to wait for room in the kernel's send buffer (the peer is not reading
    /// fast enough): the kernel has taken `sent` of its `total` bytes so far. Sent each time the
    /// count moved and the send waits again; the `sent` reply (or an error) ends it. Only this
    /// socket's requests wait meanwhile.
    TcpSendProgress {
        socket: SocketId,
        sent: usize,
        total: usize,
    },
    /// `recv` returned 0 bytes: the peer closed its side (the socket stays open for sending).
    TcpPeerClosed { socket: SocketId },
    /// The relay closed a socket on its own (an error, or the peer reset it).
    SocketClosed {
        socket: SocketId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<RelayError>,
    },
    /// A download moved on (at most about ten times a second). `total` is the served file's
    /// size when the server is the relay's own; the page computes rate and time left from
    /// `received` and `elapsed_ms`.
    DownloadProgress {
        download: DownloadId,
        received: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        total: Option<u64>,
        elapsed_ms: u64,
    },
    /// A download ended (always exactly one per `download_started`).
    DownloadFinished(DownloadReport),
    /// The relay's file server answered one client (the server's log line).
    FileServed(ServedReport),
    /// A challenge's checker made one check.
    ChallengeCheck(CheckReport),
    /// A challenge run ended (exactly one per `challenge_started`): `passed` when every check
    /// passed; `cancelled` by `challenge_cancel`, a new `challenge_start`, or the relay.
    ChallengeEnded {
        run: RunId,
        passed: bool,
        #[serde(default)]
        cancelled: bool,
    },
    /// Several events at once, in the order they happened: a busy session's datagrams, TCP
    /// data and download progress, gathered for a few milliseconds (at most one batch every
    /// 8 ms per session), so a flooding peer costs the page one message per batch,
    /// not one per datagram. `events` holds no `batch`. A lone event with nothing unshown is
    /// sent on its own, not as a batch.
    Batch {
        events: Vec<ServerMessage>,
        /// Datagrams that arrived, counted, but whose bytes are not sent (the page could not
        /// have shown them all): they happened after `events`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        unshown: Vec<Unshown>,
    },
}

/// Datagrams received on `socket` from `from` and counted, but not sent to the page (see
/// `batch`). Counts are exact: the datagrams in events plus those in `unshown` are every
/// datagram the relay received.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unshown {
    pub socket: SocketId,
    /// The sender; absent when the batch counts too many senders apart (then this counts
    /// every other sender together).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<SocketAddr>,
    /// How many datagrams, and their bytes.
    pub datagrams: u64,
    pub bytes: u64,
}

/// How a download ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DownloadStatus {
    /// The server closed (recv returned 0); everything that arrived was saved.
    Complete,
    /// Course mode: one `recv(1024)` was done and its bytes saved, whatever the file's size.
    CourseOnce,
    /// Zero bytes arrived: a missing file and an empty file look exactly like this. Nothing
    /// was saved (the course's client saves only when it received something).
    NothingReceived,
    /// It broke (`error` says how: reset, stalled, disk); the partial file was removed.
    Failed,
    /// `download_cancel`; the partial file was removed.
    Cancelled,
}

/// How much a `complete` download is known to be complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Completeness {
    /// The expected size and SHA-256 were known (the relay's own server) and both matched.
    Verified,
    /// Nothing was known to check against: the server closed after sending, which is all the
    /// course's protocol says. A server that stops early and closes looks exactly the same:
    /// complete as far as the protocol can tell (a lesson about framing).
    AsFarAsTheProtocolCanTell,
}

/// The `download_finished` event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DownloadReport {
    pub download: DownloadId,
    pub status: DownloadStatus,
    pub received: u64,
    /// SHA-256 (lower-case hex) of the bytes that arrived.
    pub sha256: String,
    pub elapsed_ms: u64,
    /// The saved file's full path (`[接收]NAME`, or `[接收]NAME (1)`... when taken).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_as: Option<String>,
    /// When the server is the relay's own: the served file's size and SHA-256 (both absent
    /// when it has no such file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_size: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_sha256: Option<String>,
    /// Whether the server was the relay's own file server (so `expected_*` are meaningful).
    #[serde(default)]
    pub own_server: bool,
    /// For a `complete` download: how sure that is (absent for the other statuses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completeness: Option<Completeness>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<RelayError>,
}

/// What the relay's file server did for one client.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServeOutcome {
    /// The file's bytes were sent, then the connection closed.
    Sent,
    /// No such file: the connection closed with nothing sent (the course's behaviour).
    Missing,
    /// The name was refused (`reason`): closed with nothing sent.
    Refused,
    /// Sending broke off (the client went away).
    Failed,
}

/// Why the file server refused a name. It never opens anything outside its one folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefuseReason {
    EmptyName,
    NotUtf8,
    NulByte,
    Backslash,
    Absolute,
    DotDot,
    TooLong,
    /// The name leads (through a symbolic link) out of the served folder.
    OutsideFolder,
    /// A folder or a device, not a regular file.
    NotAFile,
    // --- Windows' file-name hazards, refused on every system (the served folder may be
    // copied to Windows, and the lesson is the same everywhere) ---
    /// A Windows device name (`CON`, `PRN`, `AUX`, `NUL`, `COM1`-`COM9`, `LPT1`-`LPT9`), in any
    /// case, also with an extension (`nul.txt`): on Windows it opens the device, not a file.
    ReservedName,
    /// A colon: on Windows `a.txt:x` (or `a.txt::$DATA`) names a hidden alternate data stream
    /// of `a.txt`.
    AlternateStream,
    /// `C:x`: on Windows, `x` in drive C's current folder, wherever that is.
    DriveRelative,
    /// `\\host\share` (or `//host/share`): on Windows, a file on another computer.
    Unc,
    /// A part ending in a dot or a space: Windows drops them, so `a.txt.` would open `a.txt`.
    TrailingDotOrSpace,
    /// The folder holds the name only in another case (`README.TXT` for `readme.txt`): Windows
    /// and macOS would open it anyway; the server serves only an exact match.
    CaseMismatch,
    /// A server reading whole files (`read_whole`) met a file over `WHOLE_FILE_CAP`.
    TooBigToHold,
}

/// The `file_served` event: one line of the server's log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServedReport {
    pub peer: SocketAddr,
    /// The name as received (invalid UTF-8 replaced by U+FFFD, cut to 200 characters).
    pub name: String,
    /// How many bytes the name arrived as, and in how many recv calls.
    pub name_bytes: usize,
    pub name_recvs: u32,
    pub outcome: ServeOutcome,
    pub bytes: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RefuseReason>,
    /// Only from a server reading whole files: the memory that took.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<HeldMemory>,
}

/// The memory a server reading whole files used for one client.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldMemory {
    /// Bytes of the file held in memory at once (the whole file).
    pub held: u64,
    /// The relay's resident memory before reading the file and while holding it, where the
    /// system tells (Linux); absent elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rss_before: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rss_holding: Option<u64>,
}

/// One file the relay's file server offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

/// The relay's facts, sent once after a good `hello`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Welcome {
    pub protocol: u32,
    pub relay_version: String,
    /// The port the relay itself listens on (never a reachable target).
    pub relay_port: u16,
    /// A UDP echo peer on 127.0.0.1: whatever it receives it sends straight back.
    pub udp_echo_port: u16,
    /// A TCP echo peer on 127.0.0.1: accepts any number of clients and sends every byte it
    /// receives straight back (0 when the relay has none).
    #[serde(default)]
    pub tcp_echo_port: u16,
    /// A small sample web site (HTTP/1.1) the relay serves on 127.0.0.1 for the lesson on
    /// what happens when a browser opens a URL (0 when the relay has none).
    #[serde(default)]
    pub sample_site_port: u16,
    /// The OS's range for automatically assigned ports, when the relay can read it (Linux:
    /// /proc/sys/net/ipv4/ip_local_port_range; macOS: sysctl net.inet.ip.portrange.*;
    /// Windows: netsh). None means unknown: the page says so rather than guess.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral_ports: Option<(u16, u16)>,
    /// The system the relay runs on: "windows", "macos", "linux", or another system's name
    /// (empty from a relay older than this field). Errors' `errno`/`os_name`/`python` are
    /// that system's.
    #[serde(default)]
    pub os: String,
    /// Networks the page may reach besides loopback (from `--allow-target`), as CIDR text.
    pub extra_targets: Vec<String>,
    /// Whether the page may bind 0.0.0.0 / :: (from `--allow-bind-all`).
    pub bind_all_allowed: bool,
    pub limits: Limits,
    /// The browser's credential: the first `hello` used up the launch token, so the page
    /// keeps this (localStorage) and says hello with it from then on, in every tab.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential: Option<String>,
}

/// The limits in force, so the page can check before it sends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub max_message_bytes: usize,
    pub max_sockets: usize,
    pub max_udp_payload: usize,
    pub max_tcp_send: usize,
    /// Connection and time limits (see `limits.rs`; the relay may be started with others).
    #[serde(default)]
    pub hello_timeout_ms: u64,
    #[serde(default)]
    pub header_read_timeout_ms: u64,
    #[serde(default)]
    pub max_http_connections: usize,
    #[serde(default)]
    pub max_pending_hellos: usize,
    #[serde(default)]
    pub max_sessions: usize,
    #[serde(default)]
    pub ping_interval_ms: u64,
    #[serde(default)]
    pub idle_timeout_ms: u64,
    /// Largest file the downloader saves (`--max-download-bytes`).
    #[serde(default)]
    pub max_download_bytes: u64,
    /// The rate limits (token buckets per session; see `limits.rs`).
    #[serde(default)]
    pub connect_burst: u32,
    #[serde(default)]
    pub connects_per_second: u32,
    #[serde(default)]
    pub send_burst: u32,
    #[serde(default)]
    pub sends_per_second: u32,
    #[serde(default)]
    pub bind_burst: u32,
    #[serde(default)]
    pub binds_per_second: u32,
    /// Whether the page may bind ports below 1024 (`--allow-low-ports`).
    #[serde(default)]
    pub low_ports_allowed: bool,
}

impl Default for Limits {
    fn default() -> Self {
        use crate::limits::*;
        Limits {
            max_message_bytes: MAX_MESSAGE_BYTES,
            max_sockets: MAX_SOCKETS_PER_SESSION,
            max_udp_payload: MAX_UDP_PAYLOAD,
            max_tcp_send: MAX_TCP_SEND,
            hello_timeout_ms: HELLO_TIMEOUT_MS,
            header_read_timeout_ms: HEADER_READ_TIMEOUT_MS,
            max_http_connections: MAX_HTTP_CONNECTIONS,
            max_pending_hellos: MAX_PENDING_HELLOS,
            max_sessions: MAX_SESSIONS,
            ping_interval_ms: PING_INTERVAL_MS,
            idle_timeout_ms: IDLE_TIMEOUT_MS,
            max_download_bytes: MAX_DOWNLOAD_BYTES,
            connect_burst: CONNECT_BURST,
            connects_per_second: CONNECTS_PER_SECOND,
            send_burst: SEND_BURST,
            sends_per_second: SENDS_PER_SECOND,
            bind_burst: BIND_BURST,
            binds_per_second: BINDS_PER_SECOND,
            low_ports_allowed: false,
        }
    }
}

/// A successful answer, tagged by `kind`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reply {
    /// A new socket. `local` is None until it is bound (explicitly or by a first send).
    Opened {
        socket: SocketId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        local: Option<SocketAddr>,
    },
    /// The socket is bound to `local` (the port the OS picked, when port 0 was asked).
    Bound { socket: SocketId, local: SocketAddr },
    /// `sendto`/`send` returned: `bytes` went out from `local` to `to`.
    Sent {
        socket: SocketId,
        bytes: usize,
        local: SocketAddr,
        to: SocketAddr,
    },
    /// A TCP connection is established.
    Connected {
        socket: SocketId,
        local: SocketAddr,
        peer: SocketAddr,
        /// How long connect() took: the three-way handshake, in microseconds.
        handshake_us: u64,
    },
    /// A TCP socket is listening.
    Listening {
        socket: SocketId,
        local: SocketAddr,
        backlog: u32,
    },
    /// Done, nothing to report (close, shutdown, cancel, pause).
    Done,
    /// The answer to `list_sockets`.
    Sockets { sockets: Vec<SocketInfo> },
    /// A download is under way; `download_progress` events follow, then `download_finished`.
    DownloadStarted { download: DownloadId },
    /// The answer to `file_list`: the served folder and its files.
    Files {
        folder: String,
        files: Vec<FileEntry>,
    },
    /// The answer to `file_server_start`.
    FileServer {
        local: SocketAddr,
        folder: String,
        files: Vec<FileEntry>,
    },
    /// The answer to `resolve`.
    Resolved {
        name: String,
        addrs: Vec<std::net::IpAddr>,
        /// How long the resolver took, in microseconds.
        elapsed_us: u64,
    },
    /// The answer to `tcp_info`. `info` is None where the system offers no such numbers
    /// (`reason` then says why).
    TcpInfo {
        socket: SocketId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        info: Option<KernelTcpInfo>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// The answer to `challenge_start`: checks follow as `challenge_check` events.
    ChallengeStarted { run: RunId, setup: ChallengeSetup },
    /// The answer to `interfaces`.
    Interfaces { list: Vec<Interface> },
}

/// A TCP connection as the kernel sees it. Each system offers different numbers (`source`
/// says which call gave them): Linux's `TCP_INFO` has them all; Windows' `SIO_TCP_INFO` and
/// macOS' `TCP_CONNECTION_INFO` have some. A number the system does not give is absent, never
/// made up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KernelTcpInfo {
    /// The call that gave these numbers: "TCP_INFO" (Linux), "SIO_TCP_INFO" (Windows),
    /// "TCP_CONNECTION_INFO" (macOS).
    #[serde(default)]
    pub source: String,
    /// The TCP state name: "ESTABLISHED", "CLOSE_WAIT", "FIN_WAIT2", ...
    pub state: String,
    /// Smoothed round-trip time and its variation, in microseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rtt_us: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rttvar_us: Option<u32>,
    /// The current retransmission timeout, in microseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rto_us: Option<u32>,
    /// Retransmissions of the segment now waiting, and in the connection's whole life.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retransmits: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_retrans: Option<u32>,
    /// Congestion window (in segments) and the slow-start threshold (segments; systems that
    /// count bytes are divided by the MSS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snd_cwnd: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snd_ssthresh: Option<u32>,
    /// Maximum segment size for sending and receiving.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snd_mss: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rcv_mss: Option<u32>,
    /// Segments sent and not yet acknowledged; segments believed lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unacked: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost: Option<u32>,
    /// Bytes the peer has acknowledged; bytes received in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes_acked: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes_received: Option<u64>,
    /// Segments sent and received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segs_out: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segs_in: Option<u32>,
    /// The receive window we advertise, in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rcv_space: Option<u32>,
}

/// What kind of socket, as created in Python.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SocketKind {
    /// `SOCK_DGRAM`.
    Udp,
    /// `SOCK_STREAM`, connected (by `connect` or returned by `accept`).
    TcpStream,
    /// `SOCK_STREAM` after `listen`.
    TcpListener,
}

/// Where a socket is in its life, as the state picture draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SocketState {
    /// Created, no address yet.
    Created,
    /// Has a local address (bound, or given one by a first send).
    Bound,
    /// Passive: waiting for clients (`listen`).
    Listening,
    /// A TCP connection is established.
    Connected,
    /// The peer closed its side (our `recv` returned 0); we may still send.
    PeerClosed,
    /// We called `shutdown(SHUT_WR)`; the peer may still send.
    ShutdownWrite,
}

/// One socket of the session, for `list_sockets`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocketInfo {
    pub socket: SocketId,
    pub kind: SocketKind,
    pub state: SocketState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<SocketAddr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer: Option<SocketAddr>,
    /// For an accepted socket: the listener it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listener: Option<SocketId>,
    /// Reading is paused (`tcp_pause_reading`).
    #[serde(default)]
    pub paused: bool,
}
