//! The challenges' English texts: the page, each challenge's goal, every check and hint the
//! relay's checkers report (`chal.check.<check>`, `chal.hint.<hint>`), challenge 7's
//! questions, the report, and the comments of the Python programs (`chal.py.*`).
pub const TEXTS: &[(&str, &str)] = &[
    ("chal.title", "Challenges"),
    (
        "chal.intro",
        "Now you write the course's programs yourself. Run your program on this computer and press **Check my program**: the relay plays the other side and checks, step by step, what your program really sends and answers. Each check shows the bytes, the time it took, and a hint when something is wrong.",
    ),
    ("chal.solved_count", "{n} of {total} solved"),
    ("chal.report.open", "What I did (printable)"),
    ("chal.home.title", "Challenges: write the programs yourself"),
    (
        "chal.home.body",
        "Write the course's UDP, TCP and file programs in Python, and let the relay check them live on your own machine.",
    ),
    ("chal.home.open", "Open the challenges"),
    ("chal.first_try", "Solved first try"),
    ("chal.solved", "Solved"),
    ("chal.attempts", "{n} {n:attempt|attempts}"),
    ("chal.try.title", "Try it yourself"),
    (
        "chal.try.body",
        "Write this lesson's programs in Python and let the relay check them:",
    ),
    ("chal.heading", "Challenge {n}: {title}"),
    ("chal.goal", "The goal"),
    ("chal.from_lesson", "Practises the lesson"),
    ("chal.check_title", "Check it"),
    ("chal.check", "Check my program"),
    ("chal.cancel", "Cancel"),
    ("chal.show_solution", "Show solution"),
    ("chal.hide_solution", "Hide solution"),
    ("chal.answer", "The SHA-256 your program printed:"),
    ("chal.answer_send", "Send"),
    ("chal.more_bytes", "(the first bytes of {n})"),
    ("chal.sent", "Sent"),
    ("chal.received", "Came back"),
    ("chal.elapsed", "{ms} ms"),
    ("chal.pass", "passed"),
    ("chal.fail", "failed"),
    ("chal.info", "for your information"),
    ("chal.running", "Checking… run your program now."),
    ("chal.passed", "Every check passed. Well done!"),
    (
        "chal.failed",
        "Some checks failed: read the hint, fix your program and check again.",
    ),
    ("chal.cancelled", "Cancelled."),
    ("chal.setup.checker", "The checker listens on"),
    ("chal.setup.program_port", "Your program listens on"),
    ("chal.setup.text", "The sentence"),
    ("chal.setup.file", "The file"),
    ("chal.setup.file_size", "Its size (bytes)"),
    ("chal.setup.folder", "Start your server in this folder"),
    ("chal.setup.start_timeout", "Time to start your program"),
    ("chal.setup.timeout", "Time for each step"),
    ("chal.starter", "Starter file"),
    ("chal.solution", "Solution"),
    ("chal.copy", "Copy"),
    ("chal.copied", "Copied"),
    ("chal.download", "Download (GBK)"),
    // ----- the challenges -----
    ("chal.udp-sender.title", "UDP sender"),
    (
        "chal.udp-sender.goal",
        "Write a program that sends the given sentence, encoded in **GBK**, to the checker's UDP port, then closes its socket. Do not bind: let the operating system choose your port. Run it twice; the checker compares the two runs.",
    ),
    (
        "chal.udp-sender.how",
        "Press the button first: the page then shows the checker's port and the sentence. Run your program, and run it once more when the page asks.",
    ),
    ("chal.udp-receiver.title", "UDP receiver that replies"),
    (
        "chal.udp-receiver.goal",
        "Write a program that binds UDP port 7788 and sends every datagram it receives back to **its own sender**, using the address `recvfrom` returned. The checker sends from two different ports, then one datagram bigger than your buffer.",
    ),
    (
        "chal.udp-receiver.how",
        "Start your program, then press the button. Leave it running until the checks end.",
    ),
    ("chal.tcp-client.title", "TCP quiz client"),
    (
        "chal.tcp-client.goal",
        "Write a client that connects to the checker's quiz server, reads one question (a sum such as `请计算 12 + 30`, in GBK, ending with a newline), and sends the result back as a line. The question arrives in two pieces with a pause between them: keep reading until the newline.",
    ),
    (
        "chal.tcp-client.how",
        "Press the button: the page shows the server's port. Then run your program.",
    ),
    ("chal.tcp-echo.title", "TCP echo server"),
    (
        "chal.tcp-echo.goal",
        "Write a server on TCP port 7788 that sends back every byte a client sends, until the client closes its side (`recv` returns 0 bytes), then closes that connection and waits for the next client. The checker sends 5,000 bytes in uneven pieces and connects several clients one after another.",
    ),
    (
        "chal.tcp-echo.how",
        "Start your server, then press the button. Leave it running until the checks end.",
    ),
    ("chal.file-client.title", "The course's file client, fixed"),
    (
        "chal.file-client.goal",
        "Fix the course's file client: connect to the checker's file server, send the file name in UTF-8, and keep calling `recv` until it returns 0 bytes, so the whole 3 MiB file arrives. Then print the file's SHA-256 and paste it into the page.",
    ),
    (
        "chal.file-client.how",
        "Press the button: the page shows the server's port and the file's name. Run your program, then paste the SHA-256 it printed.",
    ),
    (
        "chal.file-server.title",
        "The course's file server, made safe",
    ),
    (
        "chal.file-server.goal",
        "Make the course's file server safe: on TCP port 7890, read the file name until the client has sent everything (`recv` returns 0), and send the file's bytes only when it is a file inside your folder. A missing file and anything outside the folder, like `../secret.txt`, get nothing.",
    ),
    (
        "chal.file-server.how",
        "Press the button: the page shows the folder the relay prepared. Start your server in that folder; the checker waits for it.",
    ),
    ("chal.my-network.title", "Your own network"),
    (
        "chal.my-network.goal",
        "Your computer has real addresses, each with a prefix, and usually a default gateway. Ask the relay for them, then work out your own subnet: its network address, its broadcast address, and which addresses you reach directly and which through the gateway.",
    ),
    // ----- checks -----
    ("chal.check.datagram_arrived", "A datagram arrived"),
    ("chal.check.sentence_bytes", "Exactly the sentence in GBK"),
    (
        "chal.check.second_run_arrived",
        "A second run's datagram arrived",
    ),
    (
        "chal.check.source_port_chosen_by_os",
        "The OS chose the source port",
    ),
    ("chal.check.port_bound", "Your program holds the port"),
    (
        "chal.check.reply_to_first_sender",
        "The first sender got its reply",
    ),
    (
        "chal.check.reply_to_second_sender",
        "The second sender got its own reply",
    ),
    (
        "chal.check.oversized_datagram",
        "A datagram bigger than your buffer",
    ),
    ("chal.check.client_connected", "Your client connected"),
    (
        "chal.check.question_read_whole",
        "The whole question was read",
    ),
    ("chal.check.answer_correct", "The answer is right"),
    (
        "chal.check.client_closed",
        "Your client closed the connection",
    ),
    ("chal.check.server_accepts", "Your server accepts a client"),
    (
        "chal.check.echo_every_byte",
        "Every byte came back, in order",
    ),
    (
        "chal.check.closes_after_peer_shutdown",
        "It closes when the client is done",
    ),
    (
        "chal.check.next_client_served",
        "The next client is served too",
    ),
    ("chal.check.name_received", "The file name arrived"),
    ("chal.check.read_to_the_end", "The whole file was read"),
    ("chal.check.sha256_printed", "The SHA-256 matches"),
    ("chal.check.normal_file", "A normal file, byte for byte"),
    ("chal.check.missing_file", "A missing file gets nothing"),
    ("chal.check.empty_file", "An empty file gets nothing"),
    (
        "chal.check.outside_folder_refused",
        "../secret.txt is not served",
    ),
    ("chal.check.name_in_pieces", "A name sent in two pieces"),
    ("chal.check.network_address", "Network address"),
    ("chal.check.broadcast_address", "Broadcast address"),
    ("chal.check.reach_inside", "An address on your subnet"),
    ("chal.check.reach_outside", "An address outside your subnet"),
    // ----- hints -----
    (
        "chal.hint.no_answer",
        "Nothing came within {seconds} s. Is your program running, and does it use the port the page shows?",
    ),
    (
        "chal.hint.sent_utf8",
        "These are the sentence's bytes in UTF-8 ({got_hex}), not GBK. Use `TEXT.encode(\"gbk\")`.",
    ),
    (
        "chal.hint.wrong_bytes",
        "Other bytes than expected: wanted {expected_hex}, got {got_hex}.",
    ),
    (
        "chal.hint.run_again",
        "Now run your program once more: the checker compares the two runs.",
    ),
    (
        "chal.hint.source_port_fixed",
        "Both runs came from port {port}: your program binds it. A sender does not need `bind`; the OS picks a fresh port each run.",
    ),
    (
        "chal.hint.port_not_bound",
        "Nothing holds port {port}. Start your program first, and check it calls `bind((\"127.0.0.1\", {port}))`.",
    ),
    (
        "chal.hint.reply_to_fixed_port",
        "The reply went to port {port}, the first sender's, not to this sender. Reply to the address `recvfrom` returned each time.",
    ),
    (
        "chal.hint.datagram_cut",
        "The checker sent {sent} {sent:byte|bytes}; {received} came back. Your OS cut the datagram to your buffer and dropped the rest: UDP never splits a datagram over two `recvfrom` calls.",
    ),
    (
        "chal.hint.datagram_error_raised",
        "The checker sent {sent} {sent:byte|bytes} and got nothing back. On Windows, `recvfrom(1024)` raises WinError 10040 for a bigger datagram, and a program without `try` stops there.",
    ),
    (
        "chal.hint.datagram_whole",
        "All {sent} {sent:byte|bytes} came back: your buffer is big enough for this datagram.",
    ),
    (
        "chal.hint.connection_refused",
        "Connecting to port {port} was refused: nothing listens there. Is your server running?",
    ),
    (
        "chal.hint.single_recv",
        "Your program went on after the first piece ({got_text}): one `recv` returns what has arrived so far. Keep calling `recv` until the newline arrives.",
    ),
    (
        "chal.hint.wrong_answer",
        "The answer should be {expected}, but your program sent {got_text}.",
    ),
    (
        "chal.hint.not_closed",
        "Your program did not close the connection within {seconds} s. Call `close()` at the end.",
    ),
    (
        "chal.hint.echo_incomplete",
        "{sent} {sent:byte|bytes} sent, only {received} came back. One `recv` is not the whole stream: loop until `recv` returns 0 bytes, and use `sendall`.",
    ),
    (
        "chal.hint.echo_bytes_differ",
        "The bytes that came back differ from byte {offset} on. Send back exactly what arrived, in order.",
    ),
    (
        "chal.hint.no_close_after_shutdown",
        "The checker closed its side, but your server did not close the connection within {seconds} s. When `recv` returns 0 bytes, the client is done: `close()` its socket.",
    ),
    (
        "chal.hint.exited_after_one_client",
        "Your server served one client and exited. Put `accept()` in a loop so the next client is served too.",
    ),
    (
        "chal.hint.closed_early",
        "Your program closed after {sent} of {total} {total:byte|bytes}: the server's next send broke (a reset, or `EPIPE`). Keep reading until `recv` returns 0 bytes.",
    ),
    (
        "chal.hint.sha256_mismatch",
        "The file's SHA-256 is {expected}, you pasted {got_text}. Did your program receive the whole file?",
    ),
    (
        "chal.hint.sent_for_missing",
        "Your server sent {received} {received:byte|bytes} for a file that does not exist. Send nothing and close.",
    ),
    (
        "chal.hint.served_outside_folder",
        "Your server sent ../secret.txt ({received} {received:byte|bytes}): a file outside its folder. Refuse any name that leads out of the folder.",
    ),
    (
        "chal.hint.name_read_once",
        "The name arrived in two pieces and your server used only the first. Read until `recv` returns 0 bytes before opening the file.",
    ),
    (
        "chal.hint.network_address",
        "AND your address with the mask: every host bit becomes 0.",
    ),
    (
        "chal.hint.broadcast_address",
        "Keep the network bits and set every host bit to 1.",
    ),
    (
        "chal.hint.reach_inside",
        "This address has the same network part as yours, so your computer reaches it directly.",
    ),
    (
        "chal.hint.reach_outside",
        "This address lies outside your subnet, so it goes through the default gateway.",
    ),
    // ----- challenge 7 -----
    ("chal.net.iface", "Interface"),
    ("chal.net.addr", "Address/prefix"),
    ("chal.net.gateway", "Default gateway"),
    (
        "chal.net.q_reach",
        "Does {addr} go directly or through the gateway?",
    ),
    ("chal.net.direct", "Directly: on my subnet"),
    ("chal.net.via_gateway", "Through the gateway"),
    (
        "chal.net.private",
        "The relay reads your interfaces from your operating system. Nothing of it leaves this computer, and the relay sends nothing to these addresses.",
    ),
    ("chal.net.ask", "Show my interfaces"),
    ("chal.net.yours", "Your address: {cidr} (mask {mask})."),
    ("chal.net.q_network", "Your subnet's network address:"),
    ("chal.net.q_broadcast", "Your subnet's broadcast address:"),
    ("chal.net.check", "Check my answers"),
    ("chal.net.no_ipv4", "This computer reports no IPv4 address."),
    ("chal.mine.button", "Use my own address"),
    (
        "chal.mine.failed",
        "The relay could not list the interfaces.",
    ),
    ("chal.mine.needs_relay", "Needs the relay"),
    // ----- the report -----
    ("chal.report.title", "What I did: challenges"),
    ("chal.report.first_try", "Solved on the first try, {date}."),
    (
        "chal.report.solved",
        "Solved on {date}, after {n} {n:attempt|attempts}.",
    ),
    (
        "chal.report.tried",
        "Not solved yet: {n} {n:attempt|attempts}, the last on {date}.",
    ),
    ("chal.report.not_tried", "Not tried yet."),
    (
        "chal.report.summary",
        "{n} of {total} challenges solved (printed {date}).",
    ),
    ("chal.report.print", "Print"),
    // ----- comments in the Python programs -----
    (
        "chal.py.udp_sender_head",
        "Challenge 1: send a sentence in GBK over UDP.",
    ),
    (
        "chal.py.checker_addr",
        "Where the checker listens (the page shows it after \"Check my program\").",
    ),
    ("chal.py.sentence", "The sentence to send."),
    ("chal.py.create_udp", "1. Create a UDP socket."),
    (
        "chal.py.no_bind",
        "No bind: the OS picks a fresh source port for us.",
    ),
    (
        "chal.py.encode_gbk",
        "2. Text becomes bytes: encode it in GBK.",
    ),
    ("chal.py.sendto", "3. Send the bytes to the checker."),
    ("chal.py.close", "4. Close the socket."),
    (
        "chal.py.udp_receiver_head",
        "Challenge 2: a UDP receiver that answers every sender.",
    ),
    (
        "chal.py.bind_fixed",
        "A server binds a fixed port, so others know where to send.",
    ),
    ("chal.py.loop_forever", "Serve datagrams forever."),
    (
        "chal.py.recvfrom",
        "recvfrom returns the bytes and the sender's (address, port).",
    ),
    (
        "chal.py.too_big",
        "Windows raises WinError 10040 for a datagram bigger than the buffer.",
    ),
    (
        "chal.py.reply_sender",
        "Reply to this sender's own address, not a fixed port.",
    ),
    (
        "chal.py.tcp_client_head",
        "Challenge 3: a TCP client that answers the quiz.",
    ),
    ("chal.py.create_tcp", "1. Create a TCP socket."),
    (
        "chal.py.connect",
        "2. Connect: the three-way handshake. The OS picks our port.",
    ),
    (
        "chal.py.read_line",
        "3. A byte stream has no messages: read until the newline arrives.",
    ),
    ("chal.py.compute", "4. Work out the sum."),
    ("chal.py.send_line", "5. Send the answer as a line, in GBK."),
    (
        "chal.py.tcp_echo_head",
        "Challenge 4: a TCP echo server for one client after another.",
    ),
    (
        "chal.py.listen",
        "listen makes the socket passive: it waits for clients.",
    ),
    (
        "chal.py.reuse_addr",
        "Restart at once: old connections of this port may still wait in TIME_WAIT.",
    ),
    ("chal.py.serve_forever", "Serve one client after another."),
    (
        "chal.py.accept",
        "accept returns a NEW socket for this client.",
    ),
    (
        "chal.py.echo_loop",
        "Send back everything, until the client closes its side.",
    ),
    (
        "chal.py.recv_zero",
        "recv returned 0 bytes: the client is done.",
    ),
    ("chal.py.close_client", "Close this client's socket."),
    (
        "chal.py.file_client_head",
        "Challenge 5: the course's file client, fixed.",
    ),
    ("chal.py.send_name", "Send the file name in UTF-8."),
    (
        "chal.py.read_all",
        "Keep reading until recv returns 0 bytes: only then is the file complete.",
    ),
    (
        "chal.py.print_sha",
        "Print the SHA-256 and paste it into the page.",
    ),
    (
        "chal.py.file_server_head",
        "Challenge 6: the course's file server, made safe.",
    ),
    (
        "chal.py.folder",
        "Serve only this folder (start the program inside it).",
    ),
    (
        "chal.py.read_name",
        "The name may arrive in pieces: read until recv returns 0 bytes.",
    ),
    (
        "chal.py.safe_path",
        "Only a regular file directly inside the folder: \"..\" and absolute paths lead out.",
    ),
    (
        "chal.py.missing_nothing",
        "A missing or refused file gets nothing: just close.",
    ),
];
