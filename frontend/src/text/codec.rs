//! Text to bytes and back in UTF-8 or GBK, the two encodings the course meets.
//!
//! The browser can decode GBK (`TextDecoder('gbk')`) but cannot encode it, and shipping an
//! encoder's tables would double the page's size. So the encoder is built once, in the page,
//! by decoding every two-byte GBK code with the browser's own decoder and inverting the result
//! ([`GbkEncoder::from_decoder`]). The inversion logic is pure and tested natively.
//!
//! The browser's decoder is GB18030's, and Python's `gbk` codec is plain GBK (code page 936):
//! it refuses the euro sign (`"€".encode("gbk")` raises `UnicodeEncodeError`; A2 E3 is
//! GB18030's code for it, 80 is Windows' own), every private-use character and 80 more
//! characters GB18030 added. The page says exactly what the learner's Python would, so the
//! encoder leaves those out ([`python_gbk_refuses`]); a test compares it with Python itself.

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

impl Unencodable {
    /// The line Python prints for it, exactly: `UnicodeEncodeError: 'gbk' codec can't encode
    /// character '\u20ac' in position 0: illegal multibyte sequence`.
    pub fn python_error(&self, enc: Encoding) -> String {
        let cp = self.ch as u32;
        let escaped = match cp {
            0..=0xFF => format!("\\x{cp:02x}"),
            0x100..=0xFFFF => format!("\\u{cp:04x}"),
            _ => format!("\\U{cp:08x}"),
        };
        format!(
            "UnicodeEncodeError: '{}' codec can't encode character '{escaped}' in position {}: illegal multibyte sequence",
            enc.label(),
            self.pos
        )
    }
}

/// Character -> GBK bytes, built by inverting a decoder.
#[derive(Debug, Default)]
pub struct GbkEncoder {
    table: HashMap<char, [u8; 2]>,
}

/// Whether Python's `gbk` codec refuses to encode `ch` although GB18030 (and so the browser's
/// decoder) has a two-byte code for it: private-use characters, and [`GB18030_ONLY`].
pub fn python_gbk_refuses(ch: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&ch) || GB18030_ONLY.binary_search(&ch).is_ok()
}

/// The characters outside the private-use area that GB18030 codes in two bytes and Python's
/// `gbk` refuses, in code point order (generated from Python 3.11; a test checks it still
/// matches). The euro sign is among them.
const GB18030_ONLY: &[char] = &[
    '\u{1f9}', '\u{20ac}', '\u{2e81}', '\u{2e84}', '\u{2e88}', '\u{2e8b}', '\u{2e8c}', '\u{2e97}',
    '\u{2ea7}', '\u{2eaa}', '\u{2eae}', '\u{2eb3}', '\u{2eb6}', '\u{2eb7}', '\u{2ebb}', '\u{2eca}',
    '\u{2ff0}', '\u{2ff1}', '\u{2ff2}', '\u{2ff3}', '\u{2ff4}', '\u{2ff5}', '\u{2ff6}', '\u{2ff7}',
    '\u{2ff8}', '\u{2ff9}', '\u{2ffa}', '\u{2ffb}', '\u{303e}', '\u{3447}', '\u{3473}', '\u{359e}',
    '\u{360e}', '\u{361a}', '\u{3918}', '\u{396e}', '\u{39cf}', '\u{39d0}', '\u{39df}', '\u{3a73}',
    '\u{3b4e}', '\u{3c6e}', '\u{3ce0}', '\u{4056}', '\u{415f}', '\u{4337}', '\u{43ac}', '\u{43b1}',
    '\u{43dd}', '\u{44d6}', '\u{464c}', '\u{4661}', '\u{4723}', '\u{4729}', '\u{477c}', '\u{478d}',
    '\u{4947}', '\u{497a}', '\u{497d}', '\u{4982}', '\u{4983}', '\u{4985}', '\u{4986}', '\u{499b}',
    '\u{499f}', '\u{49b6}', '\u{49b7}', '\u{4c77}', '\u{4c9f}', '\u{4ca0}', '\u{4ca1}', '\u{4ca2}',
    '\u{4ca3}', '\u{4d13}', '\u{4d14}', '\u{4d15}', '\u{4d16}', '\u{4d17}', '\u{4d18}', '\u{4d19}',
    '\u{4dae}',
];

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
            if let Some(ch) = single_char(piece).filter(|&c| !python_gbk_refuses(c)) {
                enc.table.entry(ch).or_insert(code);
            }
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
        // Python's gbk codec has no euro sign, neither 80 (Windows') nor A2 E3 (GB18030's).
        assert_eq!(enc.encode("€"), Err(Unencodable { ch: '€', pos: 0 }));
        assert_eq!(
            Unencodable { ch: '€', pos: 3 }.python_error(Encoding::Gbk),
            python(
                "\
                try: 'abc\\u20ac'.encode('gbk')\n\
                except UnicodeEncodeError as e: print(type(e).__name__ + ': ' + str(e), end='')"
            )
        );
        assert_eq!(
            Unencodable { ch: '🙂', pos: 0 }.python_error(Encoding::Gbk),
            python(
                "\
                try: '\\U0001f642'.encode('gbk')\n\
                except UnicodeEncodeError as e: print(type(e).__name__ + ': ' + str(e), end='')"
            )
        );
        assert_eq!(enc.encode("a🙂"), Err(Unencodable { ch: '🙂', pos: 1 }));
    }

    /// What GB18030 decodes, playing the browser's decoder, from Python's own codec.
    fn python(script: &str) -> String {
        let out = std::process::Command::new("python3")
            .args(["-c", script])
            .output()
            .expect("python3 runs (the tests play the learner's Python with it)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// The encoder built from a GB18030 decoder encodes every character exactly as Python's
    /// `gbk` codec does, and refuses exactly the characters Python refuses.
    #[test]
    fn encodes_exactly_as_pythons_gbk_codec() {
        // The probe, decoded the way the browser's GB18030 decoder does it.
        let decoded = python(
            "import sys\n\
             out = []\n\
             for lead in range(0x81, 0xFF):\n\
             \x20   for trail in range(0x40, 0xFF):\n\
             \x20       if trail == 0x7F: continue\n\
             \x20       out.append(bytes([lead, trail]).decode('gb18030', 'replace'))\n\
             out.append(b'\\x80'.decode('gb18030', 'replace'))\n\
             sys.stdout.write('\\0'.join(out) + '\\0')\n",
        );
        let enc = GbkEncoder::from_decoded(&decoded);
        // Python's answer for every character the decoder produced: hex bytes, or "refused".
        let answers = python(
            "import sys\n\
             for lead in range(0x81, 0xFF):\n\
             \x20   for trail in range(0x40, 0xFF):\n\
             \x20       if trail == 0x7F: continue\n\
             \x20       c = bytes([lead, trail]).decode('gb18030', 'replace')\n\
             \x20       if len(c) != 1 or c == '\\ufffd': continue\n\
             \x20       try: print(ord(c), c.encode('gbk').hex())\n\
             \x20       except UnicodeEncodeError: print(ord(c), 'refused')\n\
             try: print(0x20AC, '\\u20ac'.encode('gbk').hex())\n\
             except UnicodeEncodeError: print(0x20AC, 'refused')\n",
        );
        let mut checked = 0;
        for line in answers.lines() {
            let (cp, want) = line.split_once(' ').unwrap();
            let ch = char::from_u32(cp.parse().unwrap()).unwrap();
            let got = match enc.encode(&ch.to_string()) {
                Ok(bytes) => bytes.iter().map(|b| format!("{b:02x}")).collect(),
                Err(_) => "refused".to_owned(),
            };
            assert_eq!(got, want, "U+{:04X} {ch}", ch as u32);
            assert_eq!(
                python_gbk_refuses(ch),
                want == "refused",
                "U+{:04X}",
                ch as u32
            );
            checked += 1;
        }
        assert!(checked > 21_000, "only {checked} characters compared");
        assert!(
            GB18030_ONLY.windows(2).all(|w| w[0] < w[1]),
            "sorted for binary search"
        );
    }

    #[test]
    fn labels_roundtrip() {
        for e in Encoding::ALL {
            assert_eq!(Encoding::from_label(e.label()), Some(e));
        }
    }
}
