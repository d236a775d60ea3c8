//! The download lesson's English texts (the TCP file-download lab).
pub const TEXTS: &[(&str, &str)] = &[
    (
        "download.protocol.title",
        "The course's protocol: a name in, bytes out, then close",
    ),
    (
        "download.protocol.body",
        "The client connects to port 7890 and sends a file name in UTF-8; the server sends back the file's raw bytes and closes the connection; for a missing file it sends nothing. Below is the course's client. It runs, but it hides several bugs: the next steps make each of them happen for real.",
    ),
    (
        "download.truncated.title",
        "One recv(1024): the file arrives cut short",
    ),
    (
        "download.truncated.body",
        "First click \"Start the file server\" (the course's protocol, serving one folder only). Then download poem.txt in \"course client\" mode: recv(1024) is called once and gets at most 1024 bytes. Compare the size and checksum that arrived with the real ones. Then try \"loop until recv returns 0\": only a recv returning 0 bytes means the peer closed, so the file is complete.",
    ),
    (
        "download.status.title",
        "Missing file or empty file: they look the same",
    ),
    (
        "download.status.body",
        "Download empty.txt (an empty file), then nope.txt (no such file). Both give 0 bytes and a normal close: the client cannot tell them apart. Only this relay, which knows its own folder, can tell you beside the result. A real protocol sends a status first (like HTTP's 200 and 404), then the content.",
    ),
    (
        "download.traversal.title",
        "Path traversal: ../../etc/passwd",
    ),
    (
        "download.traversal.body",
        "The course's server calls open() on whatever name arrives, so asking for ../../etc/passwd reads any file on the server. This server opens only regular files in its one folder: \"..\", absolute paths, NUL bytes, backslashes, symbolic links leading out of the folder and over-long names are refused, the connection closes with nothing sent, and the server's log says why.",
    ),
    (
        "download.framing.title",
        "Framing: a name may arrive in pieces",
    ),
    (
        "download.framing.body",
        "TCP is a byte stream without message boundaries. A name the client sends in two pieces may reach the server in two recv calls, and the course's server calls recv once: it takes the first piece for the whole name. The relay's server waits 0.1 s for more, which only makes the guess less often wrong. Predict what the server takes, then let this page's own client send the name both ways and read the server's log. The file that comes back has the same problem at its end: the client cannot tell the last piece from the others until recv returns 0. The fix is framing: send the length first, or mark the end with a delimiter such as a newline.",
    ),
    (
        "download.framing.fix",
        "The fix: let the receiver know where the name ends.",
    ),
    (
        "download.downloader.title",
        "A correct downloader: progress, checksum, no half file that looks complete",
    ),
    (
        "download.downloader.body",
        "Download photo.bin (several MiB). The relay reads until recv returns 0, writing each piece to a hidden temporary file and computing SHA-256 as it goes, never holding the whole file in memory; only then does it fsync and atomically rename the file to \"[接收]photo.bin\", using \"(1)\" when that name is taken, never overwriting silently. A server that stalls or resets the connection gets a clear error, and the temporary file is removed. The page computes rate and time left from the bytes received and the time taken.",
    ),
    ("download.python.title", "Your own Python programs work too"),
    (
        "download.python.body",
        "This lab speaks the course's protocol, so your own client can use the relay's file server (port 7890), and the downloader can fetch from your own server: run the server below, then put its port in step 6. Mind its three problems: one recv for the name, any path opened, the whole file read into memory. The last one you can watch below: the lab's server reads photo.bin whole, as this one does, and its log says how much memory that took.",
    ),
    ("download.lab.port", "Port"),
    ("download.lab.start_server", "Start the file server"),
    (
        "download.lab.server_on",
        "The file server listens on {addr}",
    ),
    ("download.lab.file", "File"),
    ("download.lab.size", "Size (bytes)"),
    ("download.lab.name", "File name"),
    ("download.lab.mode", "How to receive"),
    ("download.lab.mode_once", "Course client: recv(1024) once"),
    ("download.lab.mode_loop", "Loop until recv returns 0"),
    ("download.lab.download", "Download"),
    ("download.lab.cancel", "Cancel"),
    (
        "download.lab.progress",
        "Received {received} / {total} {total:byte|bytes}, {rate} MiB/s, {left} left",
    ),
    ("download.lab.received", "Received"),
    ("download.lab.served", "On the server"),
    ("download.lab.saved", "Saved as {path}"),
    ("download.lab.not_saved", "No file was saved."),
    ("download.lab.log", "Server log"),
    (
        "download.status.complete",
        "Complete: the peer closed (recv returned 0) and every byte that arrived was saved.",
    ),
    (
        "download.status.course_once",
        "Course client: recv(1024) was called once; only those bytes were saved.",
    ),
    (
        "download.status.nothing",
        "0 bytes arrived: a missing file and an empty file both look like this. Nothing was saved.",
    ),
    (
        "download.status.failed",
        "The download failed; the temporary file was removed.",
    ),
    (
        "download.status.cancelled",
        "Cancelled; the temporary file was removed.",
    ),
    (
        "download.verdict.match",
        "Size and checksum match: the file is complete and intact.",
    ),
    (
        "download.verdict.differs",
        "It differs from the server's file: the file is incomplete.",
    ),
    (
        "download.verdict.missing",
        "The server has no such file (or refused the name).",
    ),
    (
        "download.completeness.as_far",
        "Complete as far as the protocol can tell: the server closed after sending, and that is all the course's protocol says. A server that stopped early and closed would look exactly the same (the protocol sends no length and no checksum).",
    ),
    (
        "download.verdict.unknown",
        "Not the relay's own server, so nothing to compare with; check the checksum yourself.",
    ),
    (
        "download.log.sent",
        "{peer} asked for \"{name}\" (the name took {recvs} recv calls): sent {bytes} {bytes:byte|bytes}, then closed",
    ),
    (
        "download.log.missing",
        "{peer} asked for \"{name}\": no such file, closed with nothing sent",
    ),
    (
        "download.log.refused",
        "{peer} asked for \"{name}\": refused ({reason}), closed with nothing sent",
    ),
    (
        "download.log.failed",
        "{peer} asked for \"{name}\": broke off after {bytes} {bytes:byte|bytes} (the client went away)",
    ),
    ("download.reason.empty_name", "the name is empty"),
    ("download.reason.not_utf8", "the name is not valid UTF-8"),
    ("download.reason.nul_byte", "the name holds a NUL byte"),
    ("download.reason.backslash", "the name holds a backslash"),
    ("download.reason.absolute", "an absolute path"),
    (
        "download.reason.dot_dot",
        "it holds \"..\" to leave the folder",
    ),
    ("download.reason.too_long", "the name is over 255 bytes"),
    (
        "download.reason.outside_folder",
        "a symbolic link leading out of the folder",
    ),
    ("download.reason.not_a_file", "not a regular file"),
    (
        "download.reason.reserved_name",
        "a Windows device name (CON, NUL, COM1, LPT1, ...), even with an extension",
    ),
    (
        "download.reason.alternate_stream",
        "a colon: on Windows \"a.txt:x\" is a hidden stream of a.txt",
    ),
    (
        "download.reason.drive_relative",
        "a drive-relative name (C:x) that leaves the folder on Windows",
    ),
    (
        "download.reason.unc",
        "a network path (\\\\host\\share) to another computer",
    ),
    (
        "download.reason.trailing_dot_or_space",
        "a name ending in a dot or a space, which Windows drops",
    ),
    (
        "download.reason.case_mismatch",
        "the folder has this name only in another case; only an exact match is served",
    ),
    ("download.predict.check", "Check"),
    ("download.predict.right", "Right."),
    ("download.predict.wrong", "Not quite."),
    (
        "download.protocol.q",
        "poem.txt holds 4760 bytes. How many of them does this client save?",
    ),
    ("download.protocol.q_all", "All 4760"),
    ("download.protocol.q_1024", "At most 1024"),
    ("download.protocol.q_none", "None"),
    (
        "download.protocol.q_explain",
        "recv(1024) returns at most 1024 bytes, and this client calls it only once. Step 2 makes it happen.",
    ),
    (
        "download.framing.q",
        "The client sends \"{head}\", waits {pause} s, then sends \"{tail}\". What does the server take as the file name?",
    ),
    (
        "download.framing.q_explain",
        "The server's recv returns what has arrived: \"po\". Run it below and read the server's log.",
    ),
    (
        "download.framing.two",
        "Send \"{head}\", wait {pause} s, send \"{tail}\"",
    ),
    ("download.framing.one", "Send \"{name}\" in one piece"),
    ("download.framing.client", "This page's client"),
    ("download.framing.turn_sent", "send(b'{piece}')"),
    ("download.framing.turn_paused", "... waits {ms} ms ..."),
    (
        "download.framing.turn_recv",
        "recv(1024) -> {n} {n:byte|bytes} ({total} so far; more to come? The client cannot tell)",
    ),
    (
        "download.framing.turn_end",
        "recv(1024) -> 0 bytes: the server closed. Only now is the file known to be complete: {total} {total:byte|bytes}",
    ),
    (
        "download.memory.q",
        "The course's server sends photo.bin (6 MiB) with conn.sendall(f.read()). How much memory does it hold for the file meanwhile?",
    ),
    ("download.memory.q_buffer", "About 1 KiB, a piece at a time"),
    ("download.memory.q_whole", "The whole file, 6 MiB"),
    (
        "download.memory.q_nothing",
        "None: the bytes go straight to the network",
    ),
    (
        "download.memory.q_explain",
        "f.read() reads the whole file into one bytes object before sendall sends any of it. A file bigger than the computer's memory ends the server with a MemoryError.",
    ),
    (
        "download.memory.whole",
        "Serve photo.bin the course's way (whole file in memory)",
    ),
    (
        "download.memory.stream",
        "Serve photo.bin by streaming (this relay's way)",
    ),
    ("download.memory.file", "The file"),
    ("download.memory.held", "Held in memory at once"),
    (
        "download.memory.cap",
        "This relay's cap (the course's server has none)",
    ),
    (
        "download.memory.rss",
        "The relay's memory went from {before} MiB to {grew} MiB more, {holding} MiB, while it held the file.",
    ),
    (
        "download.memory.no_rss",
        "This system does not tell the relay's total memory here; the file's bytes above were held at once.",
    ),
    (
        "download.memory.streamed",
        "Streamed: the {size} MiB file was sent piece by piece, never held whole in memory.",
    ),
    (
        "download.reason.too_big_to_hold",
        "the file is over the 64 MiB this server holds in memory",
    ),
];
