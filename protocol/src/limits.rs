//! Named limits both sides agree on. The relay enforces them; the page uses them to refuse
//! early with a clear message instead of sending something the relay will reject.

/// Largest WebSocket message (text frame) the relay accepts from the page, in bytes.
/// Big enough for a 64 KiB payload in base64 plus the JSON around it.
pub const MAX_MESSAGE_BYTES: usize = 128 * 1024;

/// Most sockets (UDP, TCP connections and listeners together) one page session may hold.
pub const MAX_SOCKETS_PER_SESSION: usize = 32;

/// Largest UDP payload over IPv4: 65535 - 20 (IP header) - 8 (UDP header).
pub const MAX_UDP_PAYLOAD: usize = 65_507;

/// Largest payload of one `tcp_send` request.
pub const MAX_TCP_SEND: usize = 64 * 1024;

/// Buffer size the relay passes to recv()/recvfrom(), like `recv(65536)` in Python.
pub const RECV_BUFFER: usize = 64 * 1024;

/// Milliseconds a new WebSocket has to send its `hello` before the relay closes it.
pub const HELLO_TIMEOUT_MS: u64 = 5_000;

/// Longest host name or address text the relay will look at.
pub const MAX_HOST_LEN: usize = 253;

/// WebSocket close code the relay uses when the token is wrong (4000-4999 are for applications).
pub const CLOSE_BAD_TOKEN: u16 = 4001;

/// WebSocket close code when the page did not say hello in time or spoke before saying it.
pub const CLOSE_NOT_AUTHENTICATED: u16 = 4002;

/// Milliseconds a client has to send a whole HTTP request header (also how long a kept-alive
/// connection may sit idle between requests). A browser on the same machine needs well under
/// one; a connection that dribbles its header a byte at a time is cut off.
pub const HEADER_READ_TIMEOUT_MS: u64 = 10_000;

/// Most HTTP connections open at once (a browser opens about six per site). When all are
/// taken, the oldest connection that has not sent a request yet is closed to make room;
/// when none is idle, the new one is answered `503 Service Unavailable`.
pub const MAX_HTTP_CONNECTIONS: usize = 128;

/// Most WebSockets that have not said `hello` yet. Beyond this an upgrade is answered `503`.
pub const MAX_PENDING_HELLOS: usize = 8;

/// Most page sessions (welcomed WebSockets) at once: a tutorial has one or two tabs open.
pub const MAX_SESSIONS: usize = 4;

/// Milliseconds between the relay's pings to the page. A ping still unanswered at the next
/// one closes the session (the browser answers pings by itself, even in a background tab).
pub const PING_INTERVAL_MS: u64 = 20_000;

/// Milliseconds without any request from the page before the relay closes its session.
pub const IDLE_TIMEOUT_MS: u64 = 60 * 60_000;

/// WebSocket close code when the relay already has `MAX_SESSIONS` sessions.
pub const CLOSE_TOO_MANY_SESSIONS: u16 = 4003;

/// WebSocket close code when the page did not answer a ping in time.
pub const CLOSE_NO_PONG: u16 = 4004;

/// WebSocket close code when the page sent no request for `IDLE_TIMEOUT_MS`.
pub const CLOSE_IDLE: u16 = 4005;

/// Largest file the downloader saves unless the relay is started with another
/// `--max-download-bytes` (2 GiB: any lesson file, far below a full disk).
pub const MAX_DOWNLOAD_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Token buckets per session: how many `tcp_connect`s and `download_start`s may come at once,
/// and how many more per second after that. A lesson makes a handful; a port scan makes
/// thousands per second.
pub const CONNECT_BURST: u32 = 50;
pub const CONNECTS_PER_SECOND: u32 = 20;

/// The same for `udp_send_to` and `tcp_send` (sends to the relay's own UDP echo peer are not
/// counted: they reach nothing else, and the echoes come back at the page's own pace).
pub const SEND_BURST: u32 = 500;
pub const SENDS_PER_SECOND: u32 = 250;

/// The same for `udp_bind`, `tcp_listen` and `file_server_start`.
pub const BIND_BURST: u32 = 50;
pub const BINDS_PER_SECOND: u32 = 20;
