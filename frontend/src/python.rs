//! The Python a learner would write for each action, with the real values filled in. Pure
//! string building, tested natively.

use crate::text::codec::Encoding;

/// A Python `str` literal, as `repr()` would print it but with double quotes.
pub fn str_literal(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `("127.0.0.1", 7788)`, or `("", 7788)` for every local address.
pub fn address(host: &str, port: u16) -> String {
    format!("({}, {port})", str_literal(host))
}

/// `socket.socket(AF_INET, kind)` for the socket kinds the course uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `SOCK_DGRAM`: UDP.
    Datagram,
    /// `SOCK_STREAM`: TCP.
    Stream,
}

impl Kind {
    fn constant(self) -> &'static str {
        match self {
            Kind::Datagram => "SOCK_DGRAM",
            Kind::Stream => "SOCK_STREAM",
        }
    }
}

/// `var = socket.socket(socket.AF_INET, socket.SOCK_...)`.
pub fn open(var: &str, kind: Kind) -> String {
    format!(
        "{var} = socket.socket(socket.AF_INET, socket.{})",
        kind.constant()
    )
}

/// `var = socket.socket(AF_INET, SOCK_DGRAM)`.
pub fn udp_open(var: &str) -> String {
    open(var, Kind::Datagram)
}

/// `text.encode(enc)`, the payload expression for typed text.
pub fn encoded(text: &str, enc: Encoding) -> String {
    format!("{}.encode({})", str_literal(text), str_literal(enc.label()))
}

/// `var.sendto(payload, (host, port))`, where `payload` is already a Python expression.
pub fn sendto_expr(var: &str, payload: &str, host: &str, port: u16) -> String {
    format!("{var}.sendto({payload}, {})", address(host, port))
}

pub fn sendto(var: &str, text: &str, enc: Encoding, host: &str, port: u16) -> String {
    sendto_expr(var, &encoded(text, enc), host, port)
}

pub fn bind(var: &str, host: &str, port: u16) -> String {
    format!("{var}.bind({})", address(host, port))
}

/// The buffer size of every `recvfrom` and `recv` the lessons show, as the course writes it;
/// the relay reads with exactly this size, so the page never shows a call returning more.
pub const COURSE_RECV: u32 = 1024;

pub fn recvfrom(var: &str) -> String {
    format!("data, addr = {var}.recvfrom({COURSE_RECV})")
}

pub fn close(var: &str) -> String {
    format!("{var}.close()")
}

/// A whole sender program, as the course writes it.
pub fn sender_program(text: &str, enc: Encoding, host: &str, port: u16) -> String {
    format!(
        "import socket\n\n{}\n{}\n{}\nprint(data.decode({}), addr)\ns.close()\n",
        udp_open("s"),
        sendto("s", text, enc, host, port),
        recvfrom("s"),
        str_literal(enc.label()),
    )
}

/// A whole receiver program: bind, then receive and answer in a loop.
pub fn receiver_program(host: &str, port: u16, enc: Encoding) -> String {
    format!(
        "import socket\n\n{}\n{}\nwhile True:\n    data, addr = s.recvfrom({COURSE_RECV})\n    print(addr, data.decode({}))\n    s.sendto(data, addr)\n",
        udp_open("s"),
        bind("s", host, port),
        str_literal(enc.label()),
    )
}

// ----- TCP (curriculum 7) -----

/// `var = socket.socket(AF_INET, SOCK_STREAM)`.
pub fn tcp_open(var: &str) -> String {
    open(var, Kind::Stream)
}

/// Creating a TCP socket and connecting it: two lines, as the course writes them.
pub fn tcp_connect(var: &str, host: &str, port: u16) -> String {
    format!("{}\n{var}.connect({})", tcp_open(var), address(host, port))
}

/// Creating, binding and listening: three lines.
pub fn tcp_listen(var: &str, host: &str, port: u16, backlog: u32) -> String {
    format!(
        "{}\n{}\n{var}.listen({backlog})",
        tcp_open(var),
        bind(var, host, port)
    )
}

/// `conn, addr = s.accept()`: a NEW socket for this client, and its address.
pub fn accept(conn: &str, listener: &str) -> String {
    format!("{conn}, addr = {listener}.accept()")
}

/// `var.send(payload)`, where `payload` is already a Python expression.
pub fn send(var: &str, payload: &str) -> String {
    format!("{var}.send({payload})")
}

pub fn recv(var: &str, bufsize: u32) -> String {
    format!("data = {var}.recv({bufsize})")
}

/// The course's TCP client, whole.
pub fn tcp_client_program(text: &str, enc: Encoding, host: &str, port: u16) -> String {
    format!(
        "import socket\n\n{}\n{}\n{}\nprint(data.decode({}))\n{}\n",
        tcp_connect("s", host, port),
        send("s", &encoded(text, enc)),
        recv("s", 1024),
        str_literal(enc.label()),
        close("s"),
    )
}

/// The course's TCP server, whole: one client after another, each served until it leaves.
pub fn tcp_server_program(host: &str, port: u16, backlog: u32, enc: Encoding) -> String {
    format!(
        "import socket\n\n{}\nwhile True:\n    {}\n    print(\"client\", addr)\n    while True:\n        {}\n        if not data:  # recv returned 0 bytes: the client left\n            break\n        print(data.decode({}))\n        {}\n    {}\n",
        tcp_listen("s", host, port, backlog),
        accept("conn", "s"),
        recv("conn", 1024),
        str_literal(enc.label()),
        send("conn", "data"),
        close("conn"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_match_python() {
        assert_eq!(str_literal("你好"), "\"你好\"");
        assert_eq!(str_literal("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
        assert_eq!(str_literal("\u{1}"), "\"\\x01\"");
    }

    #[test]
    fn calls_have_the_real_values() {
        assert_eq!(
            sendto("s", "你好", Encoding::Gbk, "127.0.0.1", 8080),
            "s.sendto(\"你好\".encode(\"gbk\"), (\"127.0.0.1\", 8080))"
        );
        assert_eq!(bind("s", "", 7788), "s.bind((\"\", 7788))");
        assert_eq!(
            udp_open("u"),
            "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)"
        );
        assert_eq!(
            sendto_expr("u", "b'hi'", "127.0.0.1", 9),
            "u.sendto(b'hi', (\"127.0.0.1\", 9))"
        );
        let prog = receiver_program("", 7788, Encoding::Utf8);
        assert!(prog.contains("s.bind((\"\", 7788))\n"), "{prog}");
        assert!(prog.contains("data.decode(\"utf-8\")"), "{prog}");
    }

    #[test]
    fn tcp_calls_read_like_the_course() {
        assert_eq!(
            tcp_connect("s", "127.0.0.1", 8080),
            "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\ns.connect((\"127.0.0.1\", 8080))"
        );
        assert_eq!(
            tcp_listen("s", "", 7788, 128).lines().collect::<Vec<_>>(),
            [
                "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
                "s.bind((\"\", 7788))",
                "s.listen(128)"
            ]
        );
        assert_eq!(accept("conn3", "s"), "conn3, addr = s.accept()");
        assert_eq!(send("s", "b'hi'"), "s.send(b'hi')");
        assert_eq!(recv("conn", 1024), "data = conn.recv(1024)");
        let client = tcp_client_program("你好", Encoding::Gbk, "127.0.0.1", 7788);
        assert!(
            client.contains("s.send(\"你好\".encode(\"gbk\"))\n"),
            "{client}"
        );
        let server = tcp_server_program("", 7788, 128, Encoding::Utf8);
        assert!(server.contains("if not data:"), "{server}");
        assert!(server.contains("conn, addr = s.accept()"), "{server}");
    }
}
