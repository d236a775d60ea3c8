//! Text to bytes and back in UTF-8 or GBK, the two encodings the course meets.
//!
//! The browser can decode GBK (`TextDecoder('gbk')`) but cannot encode it, and shipping an
//! encoder's tables would double the page's size. So the encoder is built once, in the page,
//! by decoding every two-byte GBK code with the browser's own decoder and inverting the result
//! ([`GbkEncoder::from_decoder`]). The inversion logic is pure and tested natively.

use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Encoding {
    #[default]
    Utf8,
    Gbk,
}

impl Encoding {
    pub const ALL: [Encoding; 2] = [Encoding::Utf8, Encoding::Gbk];

    /// The label used by Python's `str.encode` and the browser's `TextDecoder`.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Gbk => "gbk",
        }
    }

    pub fn from_label(label: &str) -> Option<Encoding> {
        match label {
            "utf-8" => Some(Encoding::Utf8),
            "gbk" => Some(Encoding::Gbk),
            _ => None,
        }
    }
}

/// A character that GBK has no code for, like Python's `UnicodeEncodeError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unencodable {
    pub ch: char,
    /// Position in characters (not bytes) within the text.
    pub pos: usize,
}

/// Character -> GBK bytes, built by inverting a decoder.
#[derive(Debug, Default)]
pub struct GbkEncoder {
    table: HashMap<char, [u8; 2]>,
    /// GBK's one single-byte extension beyond ASCII: 0x80 is the euro sign.
    euro: Option<u8>,
}

impl GbkEncoder {
    /// Every two-byte GBK code: lead byte 0x81-0xFE, trail byte 0x40-0xFE except 0x7F.
    pub fn all_codes() -> impl Iterator<Item = [u8; 2]> {
        (0x81u8..=0xFE).flat_map(|lead| {
            (0x40u8..=0xFE)
                .filter(|&t| t != 0x7F)
                .map(move |trail| [lead, trail])
        })
    }

    /// The bytes to feed a GBK decoder in one go: every code, each followed by a NUL byte, so
    /// that an invalid code cannot run into the next one.
    pub fn probe_bytes() -> Vec<u8> {
        let mut out = Vec::with_capacity(23_940 * 3 + 2);
        for code in Self::all_codes() {
            out.extend_from_slice(&code);
            out.push(0);
        }
        out.push(0x80);
        out.push(0);
        out
    }

    /// Builds the encoder from the decoder's text for [`Self::probe_bytes`]. A code whose
    /// piece is not exactly one character (invalid codes decode to U+FFFD, maybe plus an
    /// ASCII character) is skipped; when two codes decode to the same character the first,
    /// lower code wins, as in the WHATWG encoder.
    pub fn from_decoded(decoded: &str) -> GbkEncoder {
        let mut enc = GbkEncoder::default();
        let mut pieces = decoded.split('\0');
        for code in Self::all_codes() {
            let Some(piece) = pieces.next() else { break };
            if let Some(ch) = single_char(piece) {
                enc.table.entry(ch).or_insert(code);
            }
        }
        if let Some(piece) = pieces.next()
            && single_char(piece) == Some('€')
        {
            enc.euro = Some(0x80);
        }
        enc
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    pub fn encode(&self, text: &str) -> Result<Vec<u8>, Unencodable> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for (pos, ch) in text.chars().enumerate() {
            if ch.is_ascii() {
                out.push(ch as u8);
            } else if let Some(code) = self.table.get(&ch) {
                out.extend_from_slice(code);
            } else if ch == '€' && self.euro.is_some() {
                out.push(0x80);
            } else {
                return Err(Unencodable { ch, pos });
            }
        }
        Ok(out)
    }
}

fn single_char(piece: &str) -> Option<char> {
    let mut chars = piece.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c != '\u{FFFD}' => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in decoder knowing three codes, shaped like the browser's output.
    fn fake_decoded() -> String {
        let mut out = String::new();
        for code in GbkEncoder::all_codes() {
            match code {
                [0xC4, 0xE3] => out.push('你'),
                [0xBA, 0xC3] => out.push('好'),
                [0xA1, 0xA3] => out.push('。'),
                [0xA1, 0xA4] => out.push('。'), // a duplicate: the first code must win
                [_, t] if t < 0x80 => {
                    out.push('\u{FFFD}');
                    out.push(t as char);
                }
                _ => out.push('\u{FFFD}'),
            }
            out.push('\0');
        }
        out.push('€');
        out.push('\0');
        out
    }

    #[test]
    fn probe_covers_every_two_byte_code() {
        assert_eq!(GbkEncoder::all_codes().count(), 126 * 190);
        assert_eq!(GbkEncoder::probe_bytes().len(), 126 * 190 * 3 + 2);
    }

    #[test]
    fn inverted_decoder_encodes_known_characters() {
        let enc = GbkEncoder::from_decoded(&fake_decoded());
        assert_eq!(enc.len(), 3);
        assert_eq!(enc.encode("你好").unwrap(), vec![0xC4, 0xE3, 0xBA, 0xC3]);
        assert_eq!(enc.encode("hi。").unwrap(), vec![b'h', b'i', 0xA1, 0xA3]);
        assert_eq!(enc.encode("€").unwrap(), vec![0x80]);
        assert_eq!(enc.encode("a🙂"), Err(Unencodable { ch: '🙂', pos: 1 }));
    }

    #[test]
    fn labels_roundtrip() {
        for e in Encoding::ALL {
            assert_eq!(Encoding::from_label(e.label()), Some(e));
        }
    }
}
