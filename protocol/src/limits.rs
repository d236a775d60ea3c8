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
