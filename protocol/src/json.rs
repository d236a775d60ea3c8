//! A small JSON reader and writer without serde, for the page's start bundle.
//!
//! The start bundle (home and the first lesson) only says hello to the relay and reads its
//! welcome or an error, and keeps the learner's progress in localStorage. serde's generated
//! code and serde_json were a fifth of its wasm; this module is a few KiB. It reads exactly
//! what serde_json reads for those messages ([`greeting`], tested against serde below) and
//! writes strings exactly as serde_json does ([`quote`]). Numbers stay as their text and are
//! read as integers by the caller, so no float parsing or printing is linked in.

use crate::{ErrorCode, Limits, RelayError, ServerMessage, Welcome};

/// A JSON value. Objects keep their members in order; a number is kept as its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Parses one JSON text (surrounding whitespace allowed, nothing else after it).
    pub fn parse(text: &str) -> Option<Json> {
        let mut p = Parser {
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
        };
        let value = p.value()?;
        p.skip_ws();
        (p.at == p.bytes.len()).then_some(value)
    }

    /// The member `key` of an object (`None` for a missing key or a value that is no object).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// An integer that fits `T` (`"1.0"`, `"1e3"` and out-of-range numbers are `None`, as
    /// serde_json refuses them for an integer field).
    pub fn as_int<T: std::str::FromStr>(&self) -> Option<T> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }
}

/// `text` as a JSON string literal, escaped exactly as serde_json escapes it.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 0xf] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Nesting deeper than this is refused (serde_json's limit is 128).
const MAX_DEPTH: usize = 128;

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_ws();
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Option<Json> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end) == Some(word.as_bytes())).then(|| {
            self.at = end;
            value
        })
    }

    fn value(&mut self) -> Option<Json> {
        self.skip_ws();
        match *self.bytes.get(self.at)? {
            b'n' => self.word("null", Json::Null),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'"' => self.string().map(Json::String),
            b'[' => self.list(b']', Self::value).map(Json::Array),
            b'{' => self
                .list(b'}', |p| {
                    p.skip_ws();
                    let key = p.string()?;
                    p.eat(b':').then_some(())?;
                    Some((key, p.value()?))
                })
                .map(Json::Object),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// An array's items or an object's members, from the opening bracket at `self.at` to
    /// `close`, each read by `item`, separated by commas.
    fn list<T>(&mut self, close: u8, item: impl Fn(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.at += 1;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let mut items = Vec::new();
        if !self.eat(close) {
            loop {
                items.push(item(self)?);
                if self.eat(close) {
                    break;
                }
                if !self.eat(b',') {
                    return None;
                }
            }
        }
        self.depth -= 1;
        Some(items)
    }

    /// A number as the grammar has it: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    fn number(&mut self) -> Option<Json> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while p.bytes.get(p.at).is_some_and(u8::is_ascii_digit) {
                p.at += 1;
            }
            p.at > from
        };
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        if self.bytes.get(self.at) == Some(&b'0') {
            self.at += 1;
        } else if !digits(self) {
            return None;
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self) {
                return None;
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
        Some(Json::Number(text.to_owned()))
    }

    /// A string literal at `self.at` (which must be its opening quote).
    fn string(&mut self) -> Option<String> {
        if self.bytes.get(self.at) != Some(&b'"') {
            return None;
        }
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            match b {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = *self.bytes.get(self.at)?;
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.escaped_char()?,
                        _ => return None,
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return None,
                b => out.push(b),
            }
        }
    }

    /// The character of a `\uXXXX` escape (a surrogate pair takes two), after the `u`.
    fn escaped_char(&mut self) -> Option<char> {
        let first = self.hex4()?;
        let code = match first {
            0xd800..=0xdbff => {
                if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                    return None;
                }
                self.at += 2;
                let low = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&low) {
                    return None;
                }
                0x10000 + ((first - 0xd800) << 10) + (low - 0xdc00)
            }
            0xdc00..=0xdfff => return None,
            c => c,
        };
        char::from_u32(code)
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        digits
            .iter()
            .try_fold(0, |n, d| Some(n * 16 + (*d as char).to_digit(16)?))
    }
}

/// The relay's `welcome` or `error`, read as serde reads them into [`ServerMessage`]; `None`
/// for any other message or one serde would refuse.
pub fn greeting(text: &str) -> Option<ServerMessage> {
    let json = Json::parse(text)?;
    match json.get("type")?.as_str()? {
        "welcome" => welcome(&json).map(ServerMessage::Welcome),
        "error" => Some(ServerMessage::Error {
            id: optional(json.get("id"), Json::as_int)?,
            error: relay_error(json.get("error")?)?,
        }),
        _ => None,
    }
}

/// A field serde fills with its default when it is missing: `Some(default)` then, `None`
/// when it is there but not of its type.
fn or_default<'a, T: Default>(
    value: Option<&'a Json>,
    read: impl Fn(&'a Json) -> Option<T>,
) -> Option<T> {
    value.map_or(Some(T::default()), read)
}

/// An `Option` field, as serde reads one: missing or `null` is `Some(None)`; `None` when it
/// is there but not of its type.
pub fn optional<'a, T>(
    value: Option<&'a Json>,
    read: impl Fn(&'a Json) -> Option<T>,
) -> Option<Option<T>> {
    match value {
        None | Some(Json::Null) => Some(None),
        Some(v) => read(v).map(Some),
    }
}

/// The integer member `name` of `json`, which must be there.
fn int<T: std::str::FromStr>(json: &Json, name: &str) -> Option<T> {
    json.get(name)?.as_int()
}

fn string(value: &Json) -> Option<String> {
    value.as_str().map(str::to_owned)
}

fn welcome(json: &Json) -> Option<Welcome> {
    Some(Welcome {
        protocol: int(json, "protocol")?,
        relay_version: string(json.get("relay_version")?)?,
        relay_port: int(json, "relay_port")?,
        udp_echo_port: int(json, "udp_echo_port")?,
        tcp_echo_port: or_default(json.get("tcp_echo_port"), Json::as_int)?,
        sample_site_port: or_default(json.get("sample_site_port"), Json::as_int)?,
        ephemeral_ports: optional(json.get("ephemeral_ports"), |v| match v.as_array()? {
            [low, high] => Some((low.as_int()?, high.as_int()?)),
            _ => None,
        })?,
        os: or_default(json.get("os"), string)?,
        extra_targets: json
            .get("extra_targets")?
            .as_array()?
            .iter()
            .map(string)
            .collect::<Option<_>>()?,
        bind_all_allowed: json.get("bind_all_allowed")?.as_bool()?,
        limits: limits(json.get("limits")?)?,
        credential: optional(json.get("credential"), string)?,
    })
}

fn limits(json: &Json) -> Option<Limits> {
    Some(Limits {
        max_message_bytes: int(json, "max_message_bytes")?,
        max_sockets: int(json, "max_sockets")?,
        max_udp_payload: int(json, "max_udp_payload")?,
        max_tcp_send: int(json, "max_tcp_send")?,
        hello_timeout_ms: or_default(json.get("hello_timeout_ms"), Json::as_int)?,
        header_read_timeout_ms: or_default(json.get("header_read_timeout_ms"), Json::as_int)?,
        max_http_connections: or_default(json.get("max_http_connections"), Json::as_int)?,
        max_pending_hellos: or_default(json.get("max_pending_hellos"), Json::as_int)?,
        max_sessions: or_default(json.get("max_sessions"), Json::as_int)?,
        ping_interval_ms: or_default(json.get("ping_interval_ms"), Json::as_int)?,
        idle_timeout_ms: or_default(json.get("idle_timeout_ms"), Json::as_int)?,
        max_download_bytes: or_default(json.get("max_download_bytes"), Json::as_int)?,
        connect_burst: or_default(json.get("connect_burst"), Json::as_int)?,
        connects_per_second: or_default(json.get("connects_per_second"), Json::as_int)?,
        send_burst: or_default(json.get("send_burst"), Json::as_int)?,
        sends_per_second: or_default(json.get("sends_per_second"), Json::as_int)?,
        bind_burst: or_default(json.get("bind_burst"), Json::as_int)?,
        binds_per_second: or_default(json.get("binds_per_second"), Json::as_int)?,
        low_ports_allowed: or_default(json.get("low_ports_allowed"), Json::as_bool)?,
    })
}

fn relay_error(json: &Json) -> Option<RelayError> {
    let code = json.get("code")?.as_str()?;
    Some(RelayError {
        code: ErrorCode::ALL.into_iter().find(|c| c.name() == code)?,
        errno: optional(json.get("errno"), Json::as_int)?,
        os_name: optional(json.get("os_name"), string)?,
        python: optional(json.get("python"), string)?,
        message: string(json.get("message")?)?,
        detail: optional(json.get("detail"), string)?,
        retry_after_ms: optional(json.get("retry_after_ms"), Json::as_int)?,
        held_by: optional(json.get("held_by"), Json::as_int)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn welcome_sample() -> Welcome {
        Welcome {
            protocol: 1,
            relay_version: "0.1.0 \"测试\"\n".into(),
            relay_port: 8765,
            udp_echo_port: 40000,
            tcp_echo_port: 40001,
            sample_site_port: 40002,
            ephemeral_ports: Some((32768, 60999)),
            os: "windows".into(),
            extra_targets: vec!["192.168.1.0/24".into(), "10.0.0.0/8".into()],
            bind_all_allowed: true,
            limits: Limits {
                low_ports_allowed: true,
                ..Limits::default()
            },
            credential: Some("c-\u{1}\u{1f}\u{7f}é😀".into()),
        }
    }

    fn serde_reads(text: &str) -> Option<ServerMessage> {
        match serde_json::from_str(text).ok()? {
            m @ (ServerMessage::Welcome(_) | ServerMessage::Error { .. }) => Some(m),
            _ => None,
        }
    }

    #[test]
    fn a_welcome_reads_as_serde_reads_it() {
        let full = ServerMessage::Welcome(welcome_sample());
        let text = crate::to_json(&full);
        assert_eq!(greeting(&text), Some(full));
        let bare = ServerMessage::Welcome(Welcome {
            ephemeral_ports: None,
            credential: None,
            extra_targets: vec![],
            ..welcome_sample()
        });
        assert_eq!(greeting(&crate::to_json(&bare)), Some(bare));
    }

    #[test]
    fn every_error_code_reads_as_serde_reads_it() {
        for code in ErrorCode::ALL {
            let mut error = RelayError::new(code);
            error.errno = Some(-10061);
            error.python = Some(
                "ConnectionRefusedError: [WinError 10061] 由于目标计算机积极拒绝，无法连接。"
                    .into(),
            );
            error.held_by = Some(7);
            let text = crate::to_json(&ServerMessage::Error { id: Some(3), error });
            assert_eq!(greeting(&text), serde_reads(&text), "{text}");
            assert!(greeting(&text).is_some(), "{text}");
        }
        let bare = crate::to_json(&ServerMessage::Error {
            id: None,
            error: RelayError::new(ErrorCode::BadToken),
        });
        assert_eq!(greeting(&bare), serde_reads(&bare));
    }

    /// Texts with defaults left out, odd spacing, escapes, and texts serde refuses: the reader
    /// agrees with serde on each, and reads some of them at all.
    #[test]
    fn edge_texts_read_as_serde_reads_them() {
        let minimal = r#" { "type" : "welcome", "protocol":1,"relay_version":"v","relay_port":1,
            "udp_echo_port":2,"extra_targets":[],"bind_all_allowed":false,"unknown":[{"a":null}],
            "limits":{"max_message_bytes":1,"max_sockets":2,"max_udp_payload":3,"max_tcp_send":4}} "#;
        let cases = [
            minimal,
            r#"{"type":"error","error":{"code":"EADDRINUSE","message":"a\u00e9\ud83d\ude00\/\t"}}"#,
            r#"{"type":"error","id":null,"error":{"code":"EADDRINUSE","message":"m","errno":null}}"#,
            // refused by serde: unknown code, missing message, negative id, float id, trailing text
            r#"{"type":"error","error":{"code":"ENOPE","message":"m"}}"#,
            r#"{"type":"error","error":{"code":"EPIPE"}}"#,
            r#"{"type":"error","id":-1,"error":{"code":"EPIPE","message":"m"}}"#,
            r#"{"type":"error","id":1.0,"error":{"code":"EPIPE","message":"m"}}"#,
            r#"{"type":"error","error":{"code":"EPIPE","message":"m"}} x"#,
            r#"{"type":"welcome","protocol":1}"#,
            r#"{"type":"tcp_data","socket":1,"data":{"b64":"AA=="}}"#,
            r#"{"type":"error","error":{"code":"EPIPE","message":"\ud83d"}}"#,
            "",
            "[",
        ];
        for text in cases {
            assert_eq!(greeting(text), serde_reads(text), "{text}");
        }
        assert!(greeting(minimal).is_some());
        assert!(greeting(cases[1]).is_some());
    }

    #[test]
    fn quote_escapes_as_serde_json() {
        let all: String = (0u32..0x80)
            .filter_map(char::from_u32)
            .chain("é中😀\u{2028}".chars())
            .collect();
        for text in [all.as_str(), "", "plain", "a\"b\\c"] {
            assert_eq!(quote(text), serde_json::to_string(text).unwrap());
            assert_eq!(
                Json::parse(&quote(text)),
                Some(Json::String(text.to_owned()))
            );
        }
    }

    #[test]
    fn numbers_stay_integers_and_bad_json_is_refused() {
        let v = Json::parse(r#"[0, -12, 18446744073709551615, 1.5, 2e3]"#).unwrap();
        let items = v.as_array().unwrap();
        assert_eq!(items[0].as_int::<u16>(), Some(0));
        assert_eq!(items[1].as_int::<i32>(), Some(-12));
        assert_eq!(items[1].as_int::<u32>(), None);
        assert_eq!(items[2].as_int::<u64>(), Some(u64::MAX));
        assert_eq!(items[2].as_int::<u32>(), None);
        assert_eq!(items[3].as_int::<u64>(), None);
        assert_eq!(items[4].as_int::<u64>(), None);
        for bad in [
            "01",
            "-",
            "1.",
            "[1,]",
            "{\"a\"}",
            "{\"a\":1,}",
            "\"\u{1}\"",
            "tru",
            "\"\\x\"",
        ] {
            assert_eq!(Json::parse(bad), None, "{bad}");
        }
        let deep = "[".repeat(129) + &"]".repeat(129);
        assert_eq!(Json::parse(&deep), None);
        let ok = "[".repeat(128) + &"]".repeat(128);
        assert!(Json::parse(&ok).is_some());
    }
}
