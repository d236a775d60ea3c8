//! English texts. Every key here must also be in `zh.rs` (a test checks).

pub const TEXTS: &[(&str, &str)] = &[
    // ----- the page -----
    ("app.title", "Network Programming Lab"),
    ("app.language", "Language"),
    ("app.skip", "Skip to content"),
    ("common.python_caption", "The same in Python"),
    ("common.error_detail", "What the system said:"),
    ("common.error_python", "What Python prints here:"),
    (
        "common.held_by",
        "Your own earlier socket #{id} still holds port {port}: a port has one owner until it is closed.",
    ),
    ("common.held_by_close", "Close #{id} and try again"),
    (
        "home.title",
        "Learn network programming by doing it for real",
    ),
    (
        "home.intro",
        "Each lesson moves one step at a time. The socket steps are real: when you click **send**, your own computer sends a real datagram, through the small **relay** program running on this machine. Your own Python programs can talk to the page, too.\n\nUse the arrow keys ← → or the buttons to move between steps. Your place is remembered.",
    ),
    ("home.progress", "{seen} of {total} {total:step|steps} seen"),
    ("home.planned", "Being written"),
    ("lesson.all_lessons", "All lessons"),
    ("lesson.breadcrumb", "Where you are"),
    ("lesson.steps", "Steps"),
    ("lesson.step_of", "Step {n} of {total}"),
    ("lesson.back", "Back"),
    ("lesson.next", "Next"),
    ("lesson.next_lesson", "Next lesson: {title}"),
    ("lesson.finish", "Back to all lessons"),
    ("lesson.keys_hint", "← → keys also work"),
    ("notfound.title", "No such page"),
    (
        "notfound.body",
        "This address names no lesson or step. It may come from an older version of the tutorial.",
    ),
    ("notfound.home", "Go to all lessons"),
    // ----- the relay -----
    ("relay.status.connected", "Relay connected"),
    ("relay.status.connecting", "Connecting to the relay…"),
    (
        "relay.status.offline",
        "Relay not reachable, retrying in {seconds} s",
    ),
    ("relay.status.no_token", "Not connected: no relay link"),
    (
        "relay.status.bad_token",
        "Relay restarted: open its new link",
    ),
    ("relay.retry_now", "Try again now"),
    ("relay.gate.no_token.title", "This step needs the relay"),
    (
        "relay.gate.no_token.body",
        "This step sends real packets, and only the **relay** program on your computer can do that. This page was not opened through the relay's link, so it does not have the relay's secret token.\n\nStart the relay: double-click the program you downloaded (`netlab-windows-x86_64.exe` on Windows), or run the command below in the tutorial's source folder. It prints a link and opens it in your browser; use that link.",
    ),
    ("relay.gate.connecting.title", "Connecting to the relay…"),
    (
        "relay.gate.connecting.body",
        "The page is talking to the relay program on this computer. This takes a moment.",
    ),
    ("relay.gate.offline.title", "The relay is not running"),
    (
        "relay.gate.offline.body",
        "This step sends real packets through the **relay** program on your computer, and the page cannot reach it right now. Maybe it was stopped, or the terminal running it was closed.\n\nStart it again: double-click the program you downloaded, or run the command below in the tutorial's source folder. This page keeps trying and connects by itself as soon as the relay is back (on the same port). The lessons that need no relay keep working meanwhile.",
    ),
    ("relay.gate.bad_token.title", "The relay was restarted"),
    (
        "relay.gate.bad_token.body",
        "The relay answered, but it does not know this page's token: every launch of the relay makes a new secret token, so that no other web page can use it.\n\nOpen the link the relay printed when it started this time (it usually opens it for you). This tab reconnects by itself as soon as that link is opened in this browser.",
    ),
    // ----- pictures -----
    ("pic.host", "Host"),
    ("pic.printer", "Printer"),
    ("pic.server", "File server"),
    ("pic.switch", "Switch"),
    (
        "pic.network.alt",
        "Four devices, each joined by a cable to one switch",
    ),
    (
        "pic.ipc.alt",
        "A chat program on host A sends data to a chat program on host B",
    ),
    ("pic.ipc.chat_a", "chat program"),
    ("pic.ipc.chat_b", "chat program"),
    ("pic.ipc.other", "other programs"),
    ("pic.ipc.data", "data"),
    (
        "pic.path.alt",
        "This page asks the relay over a WebSocket; the relay uses the operating system's real sockets to talk to another program",
    ),
    ("pic.path.page", "this page"),
    ("pic.path.relay", "relay"),
    ("pic.path.os", "OS sockets"),
    ("pic.path.peer", "other program"),
    (
        "pic.triple.alt",
        "One host runs three programs; each is found by its address, protocol and port",
    ),
    ("pic.triple.web", "web server"),
    ("pic.triple.chat", "chat program"),
    ("pic.triple.dns", "DNS server"),
    (
        "pic.dgram.alt",
        "A UDP datagram: an 8-byte header with source port, destination port, length and checksum, followed by the data",
    ),
    ("pic.dgram.header", "UDP header, 8 bytes"),
    ("pic.dgram.src", "source port"),
    ("pic.dgram.dst", "destination port"),
    ("pic.dgram.len", "length"),
    ("pic.dgram.sum", "checksum"),
    ("pic.dgram.data", "data: {n} {n:byte|bytes}"),
    // ----- lessons: titles -----
    ("lesson.intro.title", "Why networks"),
    (
        "lesson.intro.summary",
        "Hosts, links, and programs that talk to each other",
    ),
    ("lesson.ip.title", "IP addresses and classes"),
    (
        "lesson.ip.summary",
        "32 bits, masks, network and host parts",
    ),
    ("lesson.links.title", "How hosts are connected"),
    (
        "lesson.links.summary",
        "Cables, hubs, switches, routers, and a web request",
    ),
    ("lesson.ports.title", "Ports"),
    ("lesson.ports.summary", "The doors of programs on a host"),
    ("lesson.udp.title", "Sockets and UDP"),
    ("lesson.udp.summary", "Send and receive real datagrams"),
    ("lesson.tcp.title", "TCP"),
    (
        "lesson.tcp.summary",
        "Connect, accept, and a reliable byte stream",
    ),
    ("lesson.download.title", "TCP file download"),
    (
        "lesson.download.summary",
        "The course's file server, its bugs, and the fix",
    ),
    ("lesson.reliability.title", "How TCP stays reliable"),
    (
        "lesson.reliability.summary",
        "Sequence numbers, ACKs, loss and retransmission",
    ),
    // ----- lesson: why networks -----
    ("intro.network.title", "A network joins hosts"),
    (
        "intro.network.body",
        "A **network** joins computers (called **hosts**) over physical links (cables, radio) so they can share resources, like a printer or a file server, and exchange data.\n\nIn the picture, four devices hang off one switch. Each has its own address; you will learn what those numbers mean in the lesson on IP addresses.",
    ),
    (
        "intro.programs.title",
        "Network programming: programs that talk",
    ),
    (
        "intro.programs.body",
        "Computers do not talk; **programs** do. Network programming means writing programs on different computers that exchange data.\n\nA running program is a **process**. Passing data between processes is **inter-process communication** (IPC). Network programming is IPC between processes on different hosts, and the tool for it is the **socket**.",
    ),
    ("intro.real.title", "What is real in this tutorial"),
    (
        "intro.real.body",
        "A web page is not allowed to open raw network sockets. So this tutorial comes with a small program, the **relay**, that runs on your own computer. When a lesson step says \"send\", the page asks the relay, and the relay makes the real operating-system call and reports exactly what happened: the port the system picked, the bytes on the wire, the errors.\n\nFor safety the relay only listens on this computer, demands a secret token that changes at every launch, and by default only reaches this computer (127.0.0.1).",
    ),
    // ----- lesson: sockets and UDP -----
    (
        "udp.sockets.title",
        "A socket: how a program reaches the network",
    ),
    (
        "udp.sockets.body",
        "One host runs many programs at once. A packet that arrives must reach the right one, so a process on the network is named by three things: **(IP address, protocol, port)**.\n\nA **socket** is what a program opens to send and receive data across hosts. In Python: `socket.socket(family, type)`.\n\n- family `AF_INET`: Internet (IPv4) addresses; `AF_UNIX`: programs on the same machine only\n- type `SOCK_DGRAM`: UDP datagrams; `SOCK_STREAM`: a TCP byte stream\n\nLike a file, a socket is created, used to send and receive, then closed.",
    ),
    ("udp.letter.title", "UDP is like posting a letter"),
    (
        "udp.letter.body",
        "**UDP** is connectionless: there is no setup before sending. Each **datagram** travels alone, like a letter with the sender's and receiver's addresses on the envelope.\n\nThe UDP header is just 8 bytes: source port, destination port, length and checksum. There is no delivery receipt: if a datagram is lost, UDP does not notice or resend. (TCP, later, does.)",
    ),
    ("udp.encode.title", "Text must become bytes first"),
    (
        "udp.encode.body",
        "A socket sends **bytes**, not text. Python's `str.encode()` turns text into bytes with an **encoding**. UTF-8 is today's default; the classic course uses GBK, which Chinese Windows used for years.\n\nType some text and compare. Both ends must use the same encoding: decode with the wrong one and the receiver sees garbage (or the replacement character �).",
    ),
    ("udp.send.title", "Send a real datagram"),
    (
        "udp.send.body",
        "Now for real. Press **socket()** to create a UDP socket, then **sendto()** to send your text to `127.0.0.1` (this computer).\n\nWatch the source address after the first send: you never chose a port, so the **operating system picked one** at that moment. Send a second time from the same socket: the port stays the same. Then **close()**.",
    ),
    ("udp.fresh_port.title", "Run it again: a new port each time"),
    (
        "udp.fresh_port.body",
        "The sender program never calls `bind()`. Each time it runs, its new socket gets a port from the operating system, so whoever receives the datagram sees the sender's port **change between runs**.\n\nRun the program below a few times and watch the source port.",
    ),
    ("udp.bind.title", "Receive: bind a fixed port"),
    (
        "udp.bind.body",
        "A program that waits for datagrams must be easy to find, so it **binds a fixed port**, like an emergency number that never changes. `s.bind((\"\", 7788))` means port 7788 on every local address (`\"\"` is the same as `0.0.0.0`); `127.0.0.1` means only this computer.\n\nBind, then send to it from your own Python program (below) or from the send step. Every datagram shows the sender's address and port, as text and as hex. You can answer the last sender.",
    ),
    ("udp.in_use.title", "A port can be bound only once"),
    (
        "udp.in_use.body",
        "Two sockets cannot bind the same address and port at the same time. The second `bind()` fails with **EADDRINUSE** (errno 98 on Linux): Python shows `OSError: [Errno 98] Address already in use`.\n\nRun the experiment: socket `a` binds the port, then socket `b` tries the same port. Then close `a` and try again.",
    ),
    ("udp.recap.title", "Recap: the two programs"),
    (
        "udp.recap.body",
        "- create: `socket.socket(AF_INET, SOCK_DGRAM)`\n- send: `sendto(bytes, (ip, port))`, no connection needed; an unbound socket gets a port from the OS\n- receive: `bind((ip, port))` first, then `recvfrom(bufsize)` returns `(bytes, (sender ip, sender port))`\n- close: `close()`\n\nRun the receiver in one terminal and the sender in another. Sending to a port where nothing listens does **not** fail at `sendto`: UDP does not know if anybody is there.",
    ),
    // ----- UDP widgets -----
    ("udp.field.host", "Destination IP"),
    ("udp.field.port", "Port"),
    ("udp.field.text", "Text"),
    ("udp.field.encoding", "Encoding"),
    ("udp.field.bytes", "Bytes on the wire (hex)"),
    ("udp.field.bind_host", "Local IP to bind"),
    ("udp.field.decode_as", "Show text as"),
    ("udp.button.open", "socket()"),
    ("udp.button.sendto", "sendto()"),
    ("udp.button.close", "close()"),
    ("udp.button.bind", "bind()"),
    ("udp.button.reply", "Reply with sendto()"),
    ("udp.button.clear", "Clear"),
    ("udp.err.port_empty", "Type a port number."),
    ("udp.err.port_nan", "A port is a whole number, digits only."),
    (
        "udp.err.port_zero",
        "Port 0 is not a destination: it asks the system to choose a port when binding.",
    ),
    ("udp.err.port_large", "Ports go from 1 to 65535 (16 bits)."),
    (
        "udp.err.host_empty",
        "Type the destination's IP address, for example 127.0.0.1.",
    ),
    (
        "udp.err.unencodable",
        "The character \"{ch}\" (position {pos}) has no code in {enc}. Python would raise UnicodeEncodeError. Remove it or choose another encoding.",
    ),
    ("udp.state.none", "No socket yet."),
    (
        "udp.state.unbound",
        "Socket #{id}: created, not bound yet (no port).",
    ),
    ("udp.state.bound", "Socket #{id}: local address {local}."),
    (
        "udp.send.echo_hint",
        "The relay runs an echo program on 127.0.0.1 port {port}: whatever it receives, it sends straight back. Send to it, or to any program of yours on this computer.",
    ),
    (
        "udp.send.open_first",
        "Create the socket first with socket().",
    ),
    ("udp.log.title", "What happened"),
    ("udp.log.empty", "Nothing yet."),
    (
        "udp.log.opened",
        "Socket #{id} created. It has no port yet.",
    ),
    ("udp.log.bound", "Bound: this socket now owns {local}."),
    (
        "udp.log.sent",
        "Sent {bytes} {bytes:byte|bytes} from {local} to {to}.",
    ),
    (
        "udp.log.sent_assigned",
        "Sent {bytes} {bytes:byte|bytes} to {to}. The socket had no port, so the operating system just gave it port {port} (address {local}).",
    ),
    (
        "udp.log.buffer_full",
        "That is all the buffer of recvfrom({n}) holds: a longer datagram was cut to its first {n} {n:byte|bytes} and the rest is gone. (Linux and macOS do this; on Windows the call fails instead, with WinError 10040.)",
    ),
    (
        "udp.log.received",
        "Received {bytes} {bytes:byte|bytes} from {from} (arrived at {local}).",
    ),
    ("udp.log.as_text", "as {enc}:"),
    (
        "udp.log.closed",
        "Socket #{id} closed; its port is free again.",
    ),
    (
        "udp.log.session_lost",
        "The connection to the relay was lost, so the relay closed this step's sockets.",
    ),
    ("udp.encode.mismatch", "Decoded as {other} by mistake:"),
    ("udp.fresh.run", "Run the sender program"),
    ("udp.fresh.run_no", "Run"),
    ("udp.fresh.source", "Source address the OS gave"),
    ("udp.fresh.changed", "changed"),
    (
        "udp.fresh.range",
        "This computer ({os}) hands out automatic ports from {lo} to {hi}, as the relay read them from the system.",
    ),
    (
        "udp.fresh.range_unknown",
        "This system's range of automatic ports is unknown: the relay could not read it.",
    ),
    (
        "udp.bind.listening",
        "Listening on {local}: datagrams sent there appear below.",
    ),
    ("udp.bind.not_bound", "Not bound yet."),
    ("udp.bind.try_python", "Send from your own Python program"),
    ("udp.bind.arrivals", "Datagrams received"),
    ("udp.bind.reply", "Answer the sender"),
    (
        "udp.bind.reply_to",
        "The reply goes to {peer}, the last sender.",
    ),
    (
        "udp.bind.reply_wait",
        "Once a datagram arrives, you can answer its sender here.",
    ),
    ("udp.inuse.run", "Bind a, then bind b"),
    ("udp.inuse.retry", "Close a, then bind b again"),
    ("udp.recap.receiver", "Receiver"),
    ("udp.recap.sender", "Sender"),
    // ----- the composer (shared by every socket step and the peer panel) -----
    ("composer.field.hex", "Bytes in hex"),
    ("composer.field.mode", "Type as"),
    ("composer.mode.text", "text"),
    ("composer.mode.hex", "hex"),
    (
        "composer.err.hex_char",
        "\"{ch}\" (character {pos}) is not a hex digit: use 0-9 and A-F, two per byte.",
    ),
    (
        "composer.err.hex_odd",
        "Hex needs two digits per byte; one digit is left over.",
    ),
    ("quiz.try", "Try it"),
    ("quiz.right", "✓ Right."),
    ("quiz.wrong", "✗ Not quite."),
    (
        "quiz.udp_sockets.q",
        "Which call creates a socket for UDP datagrams over IPv4?",
    ),
    ("quiz.udp_sockets.a", "socket.socket(AF_INET, SOCK_STREAM)"),
    (
        "quiz.udp_sockets.a.why",
        "SOCK_STREAM is TCP's byte stream. UDP's datagrams are SOCK_DGRAM.",
    ),
    ("quiz.udp_sockets.b", "socket.socket(AF_INET, SOCK_DGRAM)"),
    (
        "quiz.udp_sockets.b.why",
        "AF_INET for Internet (IPv4) addresses, SOCK_DGRAM for UDP datagrams.",
    ),
    ("quiz.udp_sockets.c", "socket.socket(AF_UNIX, SOCK_DGRAM)"),
    (
        "quiz.udp_sockets.c.why",
        "AF_UNIX only reaches programs on the same machine. Across hosts you need AF_INET.",
    ),
    (
        "quiz.udp_letter.q",
        "A program sends a datagram with sendto to a port where no program listens. What does sendto do?",
    ),
    ("quiz.udp_letter.a", "It raises an error: nobody is there."),
    (
        "quiz.udp_letter.a.why",
        "UDP has no setup and no receipt, so at sendto time nothing knows whether anybody listens. (TCP's connect does fail at once: ECONNREFUSED.)",
    ),
    (
        "quiz.udp_letter.b",
        "It returns normally; the datagram is simply lost.",
    ),
    (
        "quiz.udp_letter.b.why",
        "Like a letter posted to an empty house: the post office takes it, and nobody tells you it was never read.",
    ),
    (
        "quiz.udp_letter.c",
        "It waits until a program starts listening.",
    ),
    (
        "quiz.udp_letter.c.why",
        "UDP never waits for the receiver: the datagram leaves at once, and if nobody takes it, it is gone.",
    ),
    (
        "quiz.udp_recap.q",
        "The receiver must do one thing before recvfrom, or the sender cannot know where to send. Which?",
    ),
    ("quiz.udp_recap.a", "connect((ip, port))"),
    (
        "quiz.udp_recap.a.why",
        "UDP needs no connection. The receiver needs a fixed, known port.",
    ),
    ("quiz.udp_recap.b", "bind((ip, port))"),
    (
        "quiz.udp_recap.b.why",
        "bind gives the receiver a fixed port, the one the sender writes in its sendto.",
    ),
    ("quiz.udp_recap.c", "listen()"),
    (
        "quiz.udp_recap.c.why",
        "listen belongs to a TCP server waiting for connections; a UDP socket has none.",
    ),
    ("quiz.udp_recap.d", "Nothing: the OS picks a port."),
    (
        "quiz.udp_recap.d.why",
        "The OS picks a fresh port for a sender, a different one each run: nobody could know where to send to.",
    ),
    (
        "udp.nobody.run",
        "Now for real: send b'hello' to 127.0.0.1:{port}, where nobody listens",
    ),
    (
        "udp.nobody.sent",
        "sendto returned {bytes}: no error, although nobody listens on port {port}. The datagram is gone, and nobody told the sender.",
    ),
    (
        "log.totals.datagrams",
        "{count} {count:datagram|datagrams} received, {bytes}, {rate}/s — showing the latest {shown} {shown:line|lines}, {skipped} not shown",
    ),
    (
        "log.totals.recvs",
        "{count} {count:recv|recvs} returned data, {bytes}, {rate}/s — showing the latest {shown} {shown:line|lines}, {skipped} not shown",
    ),
];
