//! English explanations of every error the relay reports, looked up by code (`error.<CODE>`).
//! Every key here must also be in `errors_zh.rs`.

pub const TEXTS: &[(&str, &str)] = &[
    (
        "error.EADDRINUSE",
        "Another socket already holds this address and port (another program, or one you bound a moment ago). Only one socket can bind a port at a time: pick another port, or close the socket that holds it.",
    ),
    (
        "error.EADDRNOTAVAIL",
        "This computer has no such IP address, so it cannot bind to it. A socket can only bind an address one of this machine's interfaces owns (or 0.0.0.0 / 127.0.0.1).",
    ),
    (
        "error.EACCES",
        "The operating system said no: permission denied. On Linux, binding a port below 1024 needs root (or CAP_NET_BIND_SERVICE). Try a port above 1024.",
    ),
    (
        "error.ECONNREFUSED",
        "Connection refused: nothing is listening on that address and port. The other system answers a TCP connect there with a reset at once, so connect fails immediately. Start the server first, or check the port number.",
    ),
    (
        "error.ECONNRESET",
        "The connection was reset by the peer: the other program crashed or closed the connection abruptly. Data still in flight may have been lost.",
    ),
    (
        "error.ECONNABORTED",
        "The connection was aborted: this computer itself gave up on it (common on Windows when sending on a connection the peer has reset). The connection cannot be used any more; connect again.",
    ),
    (
        "error.ETIMEDOUT",
        "Timed out: the other side never answered. The address may be wrong, the host may be off, or a firewall on the way drops the packets.",
    ),
    (
        "error.EHOSTUNREACH",
        "No route to that host: it is not up, or not on a network this machine can reach.",
    ),
    (
        "error.ENETUNREACH",
        "Network unreachable: this computer has no route to that network (and no default gateway that covers it).",
    ),
    (
        "error.EMSGSIZE",
        "Message too long: one UDP datagram holds at most 65,507 bytes over IPv4. Split the data into several datagrams.",
    ),
    (
        "error.EPIPE",
        "Broken pipe: the other side has closed the connection, so nothing more can be written to it.",
    ),
    (
        "error.EINVAL",
        "Invalid argument: the operating system says this operation makes no sense in the socket's current state (for example binding a socket that is already bound).",
    ),
    (
        "error.OS_ERROR",
        "The operating system reported an error; the raw message below says which.",
    ),
    (
        "error.BAD_TOKEN",
        "Wrong token: this page's token comes from an earlier launch of the relay. Open the link the relay printed in its terminal this time.",
    ),
    (
        "error.NOT_AUTHENTICATED",
        "Not authenticated yet: the first message on the connection must be hello.",
    ),
    (
        "error.BAD_REQUEST",
        "The relay could not understand this request (not valid JSON, or not a known operation).",
    ),
    (
        "error.MESSAGE_TOO_LARGE",
        "This message is too large for the relay to accept. Send less data at a time.",
    ),
    (
        "error.BAD_ADDRESS",
        "This is not a valid IP address or host name. An IPv4 address is four decimal numbers from 0 to 255 separated by dots, such as 127.0.0.1.",
    ),
    (
        "error.RESOLVE_FAILED",
        "This host name could not be resolved: DNS returned no address. Check the spelling, or use an IP address.",
    ),
    (
        "error.TARGET_DENIED",
        "For safety the relay only lets the page reach this machine (127.0.0.0/8 and ::1) by default, and never the relay's own port. To reach a classmate's computer, start the relay with --allow-target (for example --allow-target 192.168.1.0/24).",
    ),
    (
        "error.BIND_DENIED",
        "For safety the relay only binds loopback addresses (127.0.0.1 or ::1) by default. Binding 0.0.0.0 opens the port to your whole network; if you really want that, start the relay with --allow-bind-all.",
    ),
    (
        "error.NO_SUCH_SOCKET",
        "There is no such socket: it may already be closed.",
    ),
    (
        "error.WRONG_SOCKET_KIND",
        "This socket cannot do that (for example sendto on a TCP socket).",
    ),
    (
        "error.TOO_MANY_SOCKETS",
        "Too many sockets are open. Close some you no longer need first.",
    ),
    (
        "error.PAYLOAD_TOO_LARGE",
        "Too much data for one send; split it into several.",
    ),
    (
        "error.NOT_IMPLEMENTED",
        "This version of the relay does not support this operation yet.",
    ),
    (
        "error.DISCONNECTED",
        "The connection to the relay was lost before the answer came back. When the relay's connection closes, every socket it opened for this page is closed too.",
    ),
    (
        "error.TOO_MANY_SESSIONS",
        "Too many tabs have the tutorial open: the relay serves only a few at once. Close a tab you no longer need; this one reconnects by itself.",
    ),
    (
        "error.SIZE_MISMATCH",
        "The number of bytes received differs from the file's size on the server: the connection ended part-way. The file was not saved (the temporary file was removed).",
    ),
    (
        "error.HASH_MISMATCH",
        "The size is right but the SHA-256 checksum differs: what arrived is not the server's file. The file was not saved (the temporary file was removed).",
    ),
    (
        "error.DOWNLOAD_TOO_LARGE",
        "The file is larger than the relay lets the downloader save, so the download stopped and the temporary file was removed. For bigger files, start the relay with --max-download-bytes.",
    ),
    (
        "error.RATE_LIMITED",
        "Too fast: too many connects, sends or binds in a short time. No lesson needs this many; at this speed it looks like a port scan or a flood, so the relay asks you to wait a moment and try again.",
    ),
    (
        "error.LOW_PORT_DENIED",
        "Ports below 1024 are the well-known ports (HTTP uses 80, HTTPS 443, SSH 22, ...). Operating systems keep them for system services, and ordinary programs usually may not bind them. For exercises use a port above 1024, such as 8000 or 9000. (If you really need one, start the relay with --allow-low-ports.)",
    ),
];
