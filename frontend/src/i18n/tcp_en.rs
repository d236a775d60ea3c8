//! English texts of the tcp area: the lessons "Ports" and "TCP".

pub const TEXTS: &[(&str, &str)] = &[
    // ----- lesson "ports" -----
    ("ports.door.title", "A port is the door of a program"),
    (
        "ports.door.body",
        "An IP address brings data to the right **host**. But a host runs many programs at once: a web server, an SSH server, a chat program. Which one gets the data? The **port** decides: every program that talks on the network sits behind its own numbered door.\n\nA port number is a 16-bit unsigned integer, so there are 2^16 = **65536** ports, numbered 0 to 65535. TCP and UDP each have their own set: TCP port 53 and UDP port 53 are different doors.",
    ),
    ("ports.well_known.title", "Well-known ports: 0 to 1023"),
    (
        "ports.well_known.body",
        "The ports from 0 to 1023 are **well-known ports**: by long agreement each belongs to one service, so a client knows where to knock without asking. A browser that opens `http://example.com` goes to port 80 without being told. Search the table by number, name or word.",
    ),
    (
        "ports.dynamic.title",
        "Dynamic ports: the OS hands them out",
    ),
    (
        "ports.dynamic.body",
        "Ports 1024 to 65535 are **dynamic**: any program may use them. A server usually picks a fixed one (our course uses 7788). A client usually does not pick at all: when it connects, the operating system lends it a free port from its **ephemeral range**, and takes it back when the socket closes.\n\nClick the button: the relay opens real TCP connections to its echo server, and you see which port this machine gave each one.",
    ),
    ("ports.pair.title", "IP + port: who is who"),
    (
        "ports.pair.body",
        "An IP address names a host; the port names one program on it. Together, `(IP, port)` tells every service on the network apart: the web server and the FTP server below share one address and differ only in their port.\n\nThe two ends of one conversation usually use **different ports**: the server sits on its well-known port (80), the client on whatever port its OS lent it from its ephemeral range (the picture takes one from this machine's range). A reply goes back to exactly that address and port.",
    ),
    ("ports.search", "Search"),
    ("ports.search.placeholder", "80, ssh, mail…"),
    ("ports.search.none", "No service in this table matches."),
    ("ports.col.port", "Port"),
    ("ports.col.proto", "Transport"),
    ("ports.col.name", "Service"),
    ("ports.col.what", "What it does"),
    ("ports.col.range", "Range"),
    ("ports.range.well_known", "well-known"),
    ("ports.range.registered", "registered (not well-known)"),
    ("ports.svc.20", "FTP data transfer (active mode)"),
    ("ports.svc.21", "FTP commands: file transfer"),
    ("ports.svc.22", "Secure remote login and file copy"),
    ("ports.svc.23", "Remote login in plain text (old, unsafe)"),
    ("ports.svc.25", "Sending mail between mail servers"),
    ("ports.svc.53", "Turning names into IP addresses"),
    ("ports.svc.67", "Handing out IP addresses on a network"),
    ("ports.svc.69", "Trivial file transfer (boot images)"),
    ("ports.svc.80", "Web pages"),
    ("ports.svc.110", "Fetching mail from a mailbox"),
    ("ports.svc.123", "Setting clocks over the network"),
    ("ports.svc.143", "Reading mail kept on the server"),
    ("ports.svc.161", "Watching and managing network devices"),
    ("ports.svc.443", "Web pages, encrypted"),
    ("ports.svc.445", "Windows file and printer sharing"),
    ("ports.svc.587", "A mail program handing mail to its server"),
    ("ports.svc.993", "IMAP, encrypted"),
    ("ports.svc.995", "POP3, encrypted"),
    ("ports.svc.1433", "Microsoft SQL Server database"),
    ("ports.svc.3306", "MySQL database"),
    ("ports.svc.3389", "Windows remote desktop"),
    ("ports.svc.5432", "PostgreSQL database"),
    ("ports.svc.6379", "Redis key-value store"),
    ("ports.svc.8080", "Web servers for testing, proxies"),
    (
        "ports.privilege.title",
        "Why binding below 1024 needs privilege",
    ),
    (
        "ports.privilege.comment",
        "PermissionError: [Errno 13] for a normal user on Linux",
    ),
    (
        "ports.privilege.body",
        "On Linux (and other Unix systems) an ordinary program may not bind a port below 1024: `bind` fails with `EACCES` (Python's `PermissionError`). Only root, or a program given the capability `CAP_NET_BIND_SERVICE`, may. The idea is old but simple: when you reach port 22 of a machine, you should be talking to the program its administrator started, not one a random user put there.\n\nThat is why the course's own servers use ports like 7788 or 8080. (Windows never had this rule; macOS dropped it in 10.14 Mojave; newer Linux can lower the limit with `net.ipv4.ip_unprivileged_port_start`.)",
    ),
    (
        "ports.dynamic.range",
        "This machine lends ports from {lo} to {hi}: {n} of them.",
    ),
    (
        "ports.dynamic.range_unknown",
        "This machine's ephemeral range is unknown: the relay could not read it from the system. (Linux keeps it in /proc/sys/net/ipv4/ip_local_port_range, macOS in the sysctl net.inet.ip.portrange.*, Windows shows it with netsh int ipv4 show dynamicport tcp.)",
    ),
    ("ports.dynamic.comment", "the port the OS lent this socket"),
    ("ports.dynamic.run", "Open {n} connections"),
    ("ports.dynamic.socket", "Socket"),
    ("ports.dynamic.local", "Local end (given by the OS)"),
    ("ports.dynamic.peer", "Remote end"),
    ("ports.dynamic.inside", "inside the ephemeral range"),
    ("ports.dynamic.outside", "outside the ephemeral range"),
    // ----- pictures -----
    ("pic.ports.ssh", "SSH server"),
    ("pic.ports.network", "network"),
    (
        "pic.ports.doors.alt",
        "A host at 192.168.1.10 with three programs, each behind its own port: a web server on TCP 80, an SSH server on TCP 22, a chat program on UDP 7788.",
    ),
    ("pic.ports.sixteen", "16 bits: ports 0 to 65535"),
    ("pic.ports.well_known", "well-known 0-1023 (drawn wider)"),
    ("pic.ports.dynamic", "dynamic 1024-65535"),
    ("pic.ports.ephemeral", "this machine lends {lo}-{hi}"),
    (
        "pic.ports.ephemeral_unknown",
        "this machine's range: unknown",
    ),
    (
        "pic.ports.ranges.alt",
        "The port numbers 0 to 65535 as a bar: well-known ports 0 to 1023, dynamic ports 1024 to 65535, and inside them the range the OS lends to clients.",
    ),
    ("pic.ports.client_host", "Your computer"),
    ("pic.ports.browser", "browser"),
    ("pic.ports.os_picked", "port {port} (lent by the OS)"),
    (
        "pic.ports.pair.alt",
        "A browser on 192.168.1.5 port {port} talks to a web server on 192.168.1.10 port 80; an FTP server on the same host uses port 21.",
    ),
    // ----- lesson "tcp": steps -----
    ("tcp.sockets.title", "A socket, and the life it lives"),
    (
        "tcp.sockets.body",
        "A program on the network is named by three things: **(IP address, protocol, port)**. A socket is the program's handle on one such name: the operating system's mechanism for processes to talk, across hosts as well as on one.\n\nCreating one takes a family and a type: `socket.socket(socket.AF_INET, socket.SOCK_STREAM)` is IPv4 (`AF_INET`; `AF_UNIX` would stay on this machine) and TCP (`SOCK_STREAM`; `SOCK_DGRAM` is UDP). Like a file, a socket is created, used, and closed. The picture shows the states a TCP socket goes through; in the next steps it lights up with your own sockets.",
    ),
    ("tcp.compare.title", "TCP is a phone call, UDP a letter"),
    (
        "tcp.compare.body",
        "TCP (RFC 793, today RFC 9293) is **connection-oriented**, **reliable** and carries a **byte stream**. Like a phone call: first dial and wait until the other side picks up (the three-way handshake), then talk, then hang up. UDP just posts each datagram and hopes.\n\nReliability is not magic, it is bookkeeping. The table shows what TCP does that UDP does not (how it works, step by step, is a lesson of its own).",
    ),
    (
        "tcp.client.title",
        "A TCP client: connect, send, recv, close",
    ),
    (
        "tcp.client.body",
        "A client creates a socket and calls `connect((ip, port))`. That one call runs the three-way handshake; when it returns, the connection exists and both sides may send. The client does not bind: the OS lends it a port.\n\nThe relay has a TCP echo server that sends back every byte it receives, and it is the default target. Connect, send some text in UTF-8 or GBK, and watch what each `recv` returns. Then close.",
    ),
    (
        "tcp.refused.title",
        "Nobody there: ECONNREFUSED, and UDP never knows",
    ),
    (
        "tcp.refused.body",
        "TCP must connect before it sends, so it finds out at once when nothing listens: the other host answers the handshake with a reset and `connect` fails with **ECONNREFUSED** (Python's `ConnectionRefusedError`).\n\nUDP asks nobody. Sending a datagram to the very same port **succeeds**: `sendto` only hands the bytes to the OS. The datagram is simply lost. Run both on a port where nothing listens.",
    ),
    ("tcp.server.title", "A TCP server: bind, listen, accept"),
    (
        "tcp.server.body",
        "A server binds a fixed port and calls `listen(backlog)`: the socket turns **passive**, it will never send or receive data itself; it only takes in connections (`backlog` is how many finished handshakes may wait for `accept`).\n\n`accept()` returns a **new socket** for each client, plus the client's address. All talking happens on that new socket. When the client closes, `recv` on it returns **0 bytes**: that is how a server learns a client left. Closing the listening socket stops new clients; those already accepted go on.\n\nStart the server, then connect with the Python client below (run it twice, in two terminals) or any other TCP program.",
    ),
    ("tcp.stream.title", "TCP is a byte stream, not messages"),
    (
        "tcp.stream.body",
        "UDP keeps each datagram whole: one `sendto`, one `recvfrom`. TCP does not: it carries a stream of bytes, and `recv` returns whatever has arrived, up to the size you asked for. Two sends can come out of one recv; one big send can come out of several.\n\nHere the page holds both ends of one connection; every `recv` asks for 1024 bytes, as the course does. The bars show the real boundaries: the sends above, what each recv returned below. A program that needs messages must mark them itself (a length in front, or a separator).",
    ),
    ("tcp.recap.title", "Recap: the two programs"),
    (
        "tcp.recap.body",
        "The whole server and client. The server serves one client after another and notices a departure by `recv` returning `b''`. Run the server, then the client in another terminal; or let this page play either side.",
    ),
    // ----- compare table -----
    ("tcp.cmp.connection", "Connection"),
    (
        "tcp.cmp.connection.tcp",
        "Yes: connect first, then talk, then close.",
    ),
    (
        "tcp.cmp.connection.udp",
        "No: every datagram travels alone.",
    ),
    ("tcp.cmp.handshake", "Setup"),
    (
        "tcp.cmp.handshake.tcp",
        "Three-way handshake (SYN, SYN-ACK, ACK).",
    ),
    (
        "tcp.cmp.handshake.udp",
        "None: the first datagram is the first thing sent.",
    ),
    ("tcp.cmp.ack", "Acknowledgements"),
    ("tcp.cmp.ack.tcp", "Every byte received is acknowledged."),
    (
        "tcp.cmp.ack.udp",
        "None: the sender never learns what arrived.",
    ),
    ("tcp.cmp.retransmit", "Retransmission"),
    (
        "tcp.cmp.retransmit.tcp",
        "A timer resends what is not acknowledged in time.",
    ),
    (
        "tcp.cmp.retransmit.udp",
        "None: a lost datagram stays lost.",
    ),
    ("tcp.cmp.sequence", "Order and duplicates"),
    (
        "tcp.cmp.sequence.tcp",
        "Sequence numbers put bytes back in order and drop duplicates.",
    ),
    (
        "tcp.cmp.sequence.udp",
        "Datagrams may arrive out of order, or twice.",
    ),
    ("tcp.cmp.checksum", "Corruption"),
    (
        "tcp.cmp.checksum.tcp",
        "Checksum; a damaged segment is dropped and then resent.",
    ),
    (
        "tcp.cmp.checksum.udp",
        "Checksum; a damaged datagram is dropped, and that is all.",
    ),
    ("tcp.cmp.flow", "Flow control"),
    (
        "tcp.cmp.flow.tcp",
        "The receiver's window keeps a fast sender from drowning a slow reader.",
    ),
    ("tcp.cmp.flow.udp", "None: a slow reader loses datagrams."),
    ("tcp.cmp.congestion", "Congestion control"),
    (
        "tcp.cmp.congestion.tcp",
        "Slows down when the network is overloaded.",
    ),
    (
        "tcp.cmp.congestion.udp",
        "None: the program must be polite itself.",
    ),
    ("tcp.cmp.boundaries", "Message boundaries"),
    ("tcp.cmp.boundaries.tcp", "None: a stream of bytes."),
    (
        "tcp.cmp.boundaries.udp",
        "Kept: one datagram in, one datagram out.",
    ),
    ("tcp.cmp.python", "In Python"),
    (
        "tcp.cmp.python.tcp",
        "`SOCK_STREAM`: `connect`, `send`, `recv`; servers `listen` and `accept`.",
    ),
    (
        "tcp.cmp.python.udp",
        "`SOCK_DGRAM`: `sendto`, `recvfrom`; receivers `bind`.",
    ),
    // ----- the state picture -----
    ("tcp.state.created", "created"),
    ("tcp.state.bound", "bound"),
    ("tcp.state.listening", "listening"),
    ("tcp.state.connected", "connected"),
    ("tcp.state.peer_closed", "peer closed"),
    ("tcp.state.shutdown_write", "we stopped sending"),
    ("tcp.state.closed", "closed"),
    (
        "tcp.state.alt",
        "The states of a TCP socket: created, then bind to bound, listen to listening; or connect to connected. accept on a listening socket gives a new connected socket. When the peer closes, recv returns empty: peer closed. close ends every state.",
    ),
    (
        "tcp.state.none",
        "No socket of yours yet. In the next steps, each of your sockets lights up the state it is in.",
    ),
    ("tcp.role.client", "client"),
    ("tcp.role.listener", "listening socket"),
    ("tcp.role.accepted", "accepted by #{listener}"),
    // ----- buttons, errors -----
    ("tcp.button.connect", "connect()"),
    ("tcp.button.send", "send()"),
    ("tcp.button.listen", "bind() + listen()"),
    ("tcp.button.close_listener", "Close the listening socket"),
    ("tcp.button.close_conn", "{var}.close()"),
    (
        "tcp.err.bind_all",
        "{host} means every interface of this computer: the port would be open to your whole network. The relay binds only loopback (127.0.0.1 or ::1) unless it was started with --allow-bind-all.",
    ),
    (
        "tcp.err.bind_other",
        "{host} is not a loopback address of this computer: the relay binds only 127.0.0.1 or ::1, plus the networks it was started with --allow-target for.",
    ),
    (
        "tcp.err.backlog",
        "The backlog is a whole number from 1 to 4096.",
    ),
    // ----- the log -----
    (
        "tcp.log.connected",
        "Connected (socket #{id}): {local} ⇄ {peer}. The handshake took {us} µs.",
    ),
    (
        "tcp.log.listening",
        "Socket #{id} listens on {local} (backlog {backlog}). It waits for clients.",
    ),
    (
        "tcp.log.sent",
        "send returned {bytes}: the OS took {bytes} {bytes:byte|bytes}.",
    ),
    (
        "tcp.log.paused",
        "Socket #{id} stops calling recv: data waits in the OS.",
    ),
    ("tcp.log.resumed", "Socket #{id} calls recv again."),
    ("tcp.log.closed", "Socket #{id} closed."),
    ("tcp.log.udp_opened", "UDP socket #{id} created."),
    (
        "tcp.log.udp_sent",
        "sendto returned {bytes}: sent from {local} to {to}. No error.",
    ),
    (
        "tcp.log.accepted",
        "accept returned a NEW socket #{id} for the client {peer}.",
    ),
    (
        "tcp.log.recv",
        "recv on #{id} returned {bytes} {bytes:byte|bytes}.",
    ),
    (
        "tcp.log.peer_closed",
        "recv on #{id} returned 0 bytes: the other side closed the connection.",
    ),
    ("tcp.log.relay_closed", "The relay closed socket #{id}."),
    (
        "tcp.log.send_waiting",
        "send on #{id} waits: the kernel has taken {sent} of {total} {total:byte|bytes}; the rest waits for room, because the other side is not reading (flow control). The page's other buttons keep working.",
    ),
    (
        "tcp.log.client_refused",
        "A client from {peer} was turned away: this page already holds {max} sockets, the most one page may hold. The relay accepted it and closed it at once, so the client saw its connect succeed and then the end of the stream. Close a socket to make room.",
    ),
    // ----- client step -----
    (
        "tcp.client.echo_hint",
        "The relay's TCP echo server listens on 127.0.0.1 port {port} and sends back every byte.",
    ),
    (
        "tcp.client.handshake",
        "Connected: {local} ⇄ {peer}. connect() took {us} µs (the three-way handshake, over loopback).",
    ),
    (
        "tcp.client.connect_first",
        "Connect first: TCP cannot send before.",
    ),
    // ----- refused step -----
    ("tcp.refused.run", "Try TCP, then UDP"),
    ("tcp.refused.tcp_head", "TCP: connect()"),
    ("tcp.refused.udp_head", "UDP: sendto()"),
    (
        "tcp.refused.someone_listens",
        "Something listens on port {port} after all, so the connection worked. Pick another port.",
    ),
    (
        "tcp.refused.udp_ok",
        "sendto returned {bytes}: no error, although nothing listens on port {port}. UDP never asked; the datagram is lost without a word.",
    ),
    (
        "tcp.refused.udp_failed",
        "The UDP half failed; see the log.",
    ),
    // ----- server step -----
    (
        "tcp.server.listening",
        "Listening socket #{id} on {local}: clients may connect.",
    ),
    (
        "tcp.server.listener_closed",
        "The listening socket is closed: new clients are refused, but the clients already accepted can still talk.",
    ),
    ("tcp.server.not_listening", "Not listening yet."),
    (
        "tcp.server.try_python",
        "A client to run (the course's own)",
    ),
    ("tcp.server.clients", "Clients: {n}"),
    (
        "tcp.server.no_clients",
        "No client yet. Run the Python client above, in a terminal.",
    ),
    (
        "tcp.server.client_head",
        "Client {peer}: its own socket #{id} ({var})",
    ),
    (
        "tcp.server.client_left",
        "recv returned 0 bytes: the client left. Close this socket to free it.",
    ),
    // ----- stream step -----
    ("tcp.stream.setup", "Create both ends"),
    (
        "tcp.stream.pair",
        "Client #{client} is connected to #{conn}, the receiving socket that accept returned.",
    ),
    ("tcp.stream.two_sends", "Two sends, then one recv"),
    ("tcp.stream.big_send", "One send of 5000 bytes"),
    ("tcp.stream.sends", "send()"),
    ("tcp.stream.recvs", "recv(1024)"),
    ("tcp.stream.send_n", "send {n}: {bytes} {bytes:byte|bytes}"),
    ("tcp.stream.recv_n", "recv {n}: {bytes} {bytes:byte|bytes}"),
    (
        "tcp.stream.waiting",
        "{got} of {total} {total:byte|bytes} received so far…",
    ),
    (
        "tcp.stream.verdict.two_sends",
        "{sends} {sends:send|sends}, {recvs} recv: the receiver was busy, both sends waited in the OS, and one recv returned all {total} {total:byte|bytes}. Nothing in the stream says where the first send ended.",
    ),
    (
        "tcp.stream.verdict.big_send",
        "{sends} send, {recvs} {recvs:recv|recvs}: each recv(1024) returned at most 1024 bytes, so the {total} {total:byte|bytes} came out in pieces.",
    ),
    ("tcp.recap.server", "Server"),
    ("tcp.recap.client", "Client"),
    (
        "quiz.ports_pair.q",
        "Your browser, on port {port}, asks the web server on port 80 for a page. To which port does the server send its answer?",
    ),
    ("quiz.ports_pair.a", "80"),
    (
        "quiz.ports_pair.a.why",
        "80 is the server's own port: the answer leaves from 80, and goes to the client's port.",
    ),
    ("quiz.ports_pair.b", "{port}"),
    (
        "quiz.ports_pair.b.why",
        "The answer goes back to exactly the address and port the request came from: {port}, which the OS lent your browser.",
    ),
    ("quiz.ports_pair.c", "Any free port the server picks"),
    (
        "quiz.ports_pair.c.why",
        "The server picks nothing: the answer must reach the one program that asked, and that program waits on {port}.",
    ),
    (
        "quiz.tcp_recap.q",
        "The client calls close(). What does the server's next recv(1024) on that connection return?",
    ),
    ("quiz.tcp_recap.a", "It raises an error"),
    (
        "quiz.tcp_recap.a.why",
        "An orderly close is no error: the server reads the end of the stream.",
    ),
    ("quiz.tcp_recap.b", "b'' (0 bytes)"),
    (
        "quiz.tcp_recap.b.why",
        "0 bytes means the other side closed: this is how a server notices that a client left, and why its loop ends on b''.",
    ),
    ("quiz.tcp_recap.c", "It waits forever"),
    (
        "quiz.tcp_recap.c.why",
        "recv waits only while the connection is open; once the client's FIN arrives it returns at once, with 0 bytes.",
    ),
];
