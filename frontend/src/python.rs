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

pub const OPEN: &str = "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)";

pub fn sendto(var: &str, text: &str, enc: Encoding, host: &str, port: u16) -> String {
    format!(
        "{var}.sendto({}.encode({}), {})",
        str_literal(text),
        str_literal(enc.label()),
        address(host, port)
    )
}

pub fn bind(var: &str, host: &str, port: u16) -> String {
    format!("{var}.bind({})", address(host, port))
}

pub fn recvfrom(var: &str) -> String {
    format!("data, addr = {var}.recvfrom(1024)")
}

pub fn close(var: &str) -> String {
    format!("{var}.close()")
}

/// A whole sender program, as the course writes it.
pub fn sender_program(text: &str, enc: Encoding, host: &str, port: u16) -> String {
    format!(
        "import socket\n\n{OPEN}\n{}\n{}\nprint(data.decode({}), addr)\ns.close()\n",
        sendto("s", text, enc, host, port),
        recvfrom("s"),
        str_literal(enc.label()),
    )
}

/// A whole receiver program: bind, then receive and answer in a loop.
pub fn receiver_program(host: &str, port: u16, enc: Encoding) -> String {
    format!(
        "import socket\n\n{OPEN}\n{}\nwhile True:\n    data, addr = s.recvfrom(1024)\n    print(addr, data.decode({}))\n    s.sendto(data, addr)\n",
        bind("s", host, port),
        str_literal(enc.label()),
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
        let prog = receiver_program("", 7788, Encoding::Utf8);
        assert!(prog.contains("s.bind((\"\", 7788))\n"), "{prog}");
        assert!(prog.contains("data.decode(\"utf-8\")"), "{prog}");
    }
}
