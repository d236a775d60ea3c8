//! Hex views of bytes, as a learner sees them in a packet capture: `E4 BD A0`.

/// Bytes as upper-case hex pairs separated by spaces: `[0xC4, 0xE3]` -> `"C4 E3"`.
pub fn spaced(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push(nibble(b >> 4));
        out.push(nibble(b & 0x0f));
    }
    out
}

/// Python's `bytes` literal for these bytes, as `repr()` prints it: `b'hi\xc4\xe3'`.
pub fn python_literal(bytes: &[u8]) -> String {
    let mut out = String::from("b'");
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\'' => out.push_str("\\'"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(b as char),
            _ => {
                out.push_str("\\x");
                out.push(nibble(b >> 4).to_ascii_lowercase());
                out.push(nibble(b & 0x0f).to_ascii_lowercase());
            }
        }
    }
    out.push('\'');
    out
}

/// Parses hex typed by a person: pairs of hex digits, spaces and `0x` prefixes allowed.
pub fn parse(text: &str) -> Result<Vec<u8>, HexError> {
    let mut digits = Vec::new();
    let cleaned = text.replace("0x", " ").replace("0X", " ");
    for (pos, c) in cleaned.chars().enumerate() {
        if c.is_whitespace() || c == ',' {
            continue;
        }
        match c.to_digit(16) {
            Some(d) => digits.push(d as u8),
            None => return Err(HexError::NotHex { ch: c, pos }),
        }
    }
    if digits.len() % 2 != 0 {
        return Err(HexError::OddDigits);
    }
    Ok(digits.chunks(2).map(|p| (p[0] << 4) | p[1]).collect())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HexError {
    NotHex { ch: char, pos: usize },
    OddDigits,
}

fn nibble(n: u8) -> char {
    char::from_digit(u32::from(n), 16)
        .unwrap_or('?')
        .to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_hex_is_upper_case_pairs() {
        assert_eq!(spaced(&[0xE4, 0xBD, 0xA0, 0x0A]), "E4 BD A0 0A");
        assert_eq!(spaced(&[]), "");
    }

    #[test]
    fn python_literal_matches_repr() {
        assert_eq!(python_literal(b"hi"), "b'hi'");
        assert_eq!(
            python_literal(&[0xC4, 0xE3, b'\'', b'\n']),
            "b'\\xc4\\xe3\\'\\n'"
        );
    }

    #[test]
    fn parse_accepts_spaces_and_prefixes_and_rejects_junk() {
        assert_eq!(
            parse("C4 e3 0xBA,c3").unwrap(),
            vec![0xC4, 0xE3, 0xBA, 0xC3]
        );
        assert_eq!(parse("abc"), Err(HexError::OddDigits));
        assert_eq!(parse("zz"), Err(HexError::NotHex { ch: 'z', pos: 0 }));
    }
}
