//! Reading what a learner typed: addresses (`192.168.1.77`), prefixes (`/26`, `26`), dotted
//! masks (`255.255.255.192`) and CIDR text (`192.168.1.77/26`), with typed errors that say
//! exactly what is wrong and where, so the page can explain it in the learner's language.
//!
//! Decisions, made to teach rather than to guess:
//! - Whitespace anywhere (leading, trailing, inside; including the ideographic space U+3000)
//!   is an error, [`ParseError::Whitespace`], never trimmed silently.
//! - Leading zeros (`01.2.3.4`) are an error: some systems read `010` as octal 8. This makes
//!   the accepted set exactly the one `std::net::Ipv4Addr::from_str` accepts (a property test
//!   checks it).
//! - Full-width digits, dots and slashes (typed with an IME in full-width mode) get their own
//!   error, [`ParseError::FullWidth`], because the fix is "switch to half-width".
//!
//! Every `pos` is a 0-based index in *characters* (not bytes) into the whole input.

use std::net::Ipv4Addr;
use std::str::FromStr;

use crate::mask::Prefix;
use crate::subnet::Cidr;

/// Inputs longer than this many characters are refused before anything else is looked at.
/// Generous (the longest valid CIDR text, `255.255.255.255/255.255.255.255`, has 31), so
/// a learner who typed too many octets still hears about the octets.
pub const MAX_INPUT_CHARS: usize = 64;

/// What is wrong with a typed address, prefix, mask or CIDR text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing was typed.
    Empty,
    /// More than [`MAX_INPUT_CHARS`] characters.
    TooLong { len: usize, max: usize },
    /// A space, tab or other whitespace character.
    Whitespace { pos: usize, ch: char },
    /// A full-width digit `０`-`９`, dot `．`/`。` or slash `／`.
    FullWidth { pos: usize, ch: char },
    /// Any other character that is not a digit, a dot, or (in CIDR text) one slash.
    UnexpectedChar { pos: usize, ch: char },
    /// An address needs exactly four numbers separated by dots; `found` were there.
    WrongOctetCount { found: usize },
    /// Nothing between two dots, or before the first / after the last dot. `octet` is 0..=3;
    /// `pos` is where the number should start.
    EmptyOctet { octet: usize, pos: usize },
    /// An octet such as `01` (`pos` points at its first digit).
    LeadingZero { octet: usize, pos: usize },
    /// An octet above 255 (`value` saturates at `u64::MAX` for absurdly long numbers).
    OctetOutOfRange {
        octet: usize,
        pos: usize,
        value: u64,
    },
    /// CIDR text that starts with the slash: `/26`.
    MissingAddress,
    /// CIDR text without a slash: `192.168.1.0`.
    MissingSlash,
    /// Nothing after the slash: `192.168.1.0/` (`pos` = where the prefix should start).
    MissingPrefix { pos: usize },
    /// A prefix written `/026`.
    PrefixLeadingZero { pos: usize },
    /// A prefix above 32.
    PrefixOutOfRange { pos: usize, value: u64 },
    /// A dotted mask whose ones are not contiguous; bit positions as in [`crate::bits`].
    MaskNotContiguous { first_zero: u8, next_one: u8 },
}

/// Parses a dotted-quad IPv4 address.
pub fn parse_addr(input: &str) -> Result<Ipv4Addr, ParseError> {
    let chars = chars_of(input)?;
    quad(&chars, 0)
}

/// Parses a prefix length, with or without its slash: `/26` or `26`.
pub fn parse_prefix(input: &str) -> Result<Prefix, ParseError> {
    let chars = chars_of(input)?;
    match chars.split_first() {
        Some(('/', rest)) => prefix_number(rest, 1),
        _ => prefix_number(&chars, 0),
    }
}

/// Parses a dotted subnet mask such as `255.255.255.192` into its prefix.
pub fn parse_mask(input: &str) -> Result<Prefix, ParseError> {
    let chars = chars_of(input)?;
    mask(&chars, 0)
}

/// Parses whichever a learner gave: a dotted mask if the text has a dot, else a prefix.
pub fn parse_prefix_or_mask(input: &str) -> Result<Prefix, ParseError> {
    if input.contains('.') {
        parse_mask(input)
    } else {
        parse_prefix(input)
    }
}

/// Parses CIDR text: `192.168.1.77/26`, or with a dotted mask after the slash:
/// `192.168.1.77/255.255.255.192`. The address keeps its host bits (see [`Cidr`]).
pub fn parse_cidr(input: &str) -> Result<Cidr, ParseError> {
    let chars = chars_of(input)?;
    let Some(slash) = chars.iter().position(|&c| c == '/') else {
        // Report what is wrong with the address first (a stray space, a full-width slash...):
        // that is more useful than "no slash".
        quad(&chars, 0)?;
        return Err(ParseError::MissingSlash);
    };
    if slash == 0 {
        return Err(ParseError::MissingAddress);
    }
    let addr = quad(&chars[..slash], 0)?;
    let rest = &chars[slash + 1..];
    let prefix = if rest.contains(&'.') {
        mask(rest, slash + 1)?
    } else {
        prefix_number(rest, slash + 1)?
    };
    Ok(Cidr::new(addr, prefix))
}

impl FromStr for Prefix {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_prefix(s)
    }
}

impl FromStr for Cidr {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_cidr(s)
    }
}

fn chars_of(input: &str) -> Result<Vec<char>, ParseError> {
    if input.is_empty() {
        return Err(ParseError::Empty);
    }
    let len = input.chars().count();
    if len > MAX_INPUT_CHARS {
        return Err(ParseError::TooLong {
            len,
            max: MAX_INPUT_CHARS,
        });
    }
    Ok(input.chars().collect())
}

fn is_full_width(ch: char) -> bool {
    matches!(
        ch,
        '\u{FF10}'..='\u{FF19}' | '\u{FF0E}' | '\u{3002}' | '\u{FF0F}'
    )
}

/// The first character that `allowed` refuses, classified.
fn check_chars(chars: &[char], offset: usize, allowed: fn(char) -> bool) -> Result<(), ParseError> {
    let Some((i, &ch)) = chars.iter().enumerate().find(|(_, c)| !allowed(**c)) else {
        return Ok(());
    };
    let pos = offset + i;
    Err(if ch.is_whitespace() {
        ParseError::Whitespace { pos, ch }
    } else if is_full_width(ch) {
        ParseError::FullWidth { pos, ch }
    } else {
        ParseError::UnexpectedChar { pos, ch }
    })
}

enum NumberError {
    Empty,
    LeadingZero,
}

/// The value of a run of ASCII digits (saturating), refusing empty runs and leading zeros.
fn number(digits: &[char]) -> Result<u64, NumberError> {
    match digits {
        [] => Err(NumberError::Empty),
        ['0', _, ..] => Err(NumberError::LeadingZero),
        _ => Ok(digits.iter().fold(0u64, |acc, d| {
            let d = u64::from(d.to_digit(10).unwrap_or(0));
            acc.saturating_mul(10).saturating_add(d)
        })),
    }
}

/// Four dot-separated octets; `offset` is where `chars` starts in the whole input.
fn quad(chars: &[char], offset: usize) -> Result<Ipv4Addr, ParseError> {
    check_chars(chars, offset, |c| c.is_ascii_digit() || c == '.')?;
    let parts: Vec<&[char]> = chars.split(|&c| c == '.').collect();
    if parts.len() != 4 {
        return Err(ParseError::WrongOctetCount { found: parts.len() });
    }
    let mut octets = [0u8; 4];
    let mut pos = offset;
    for (octet, (part, slot)) in parts.iter().zip(&mut octets).enumerate() {
        let value = number(part).map_err(|e| match e {
            NumberError::Empty => ParseError::EmptyOctet { octet, pos },
            NumberError::LeadingZero => ParseError::LeadingZero { octet, pos },
        })?;
        *slot =
            u8::try_from(value).map_err(|_| ParseError::OctetOutOfRange { octet, pos, value })?;
        pos += part.len() + 1;
    }
    Ok(Ipv4Addr::from(octets))
}

fn mask(chars: &[char], offset: usize) -> Result<Prefix, ParseError> {
    let addr = quad(chars, offset)?;
    Prefix::from_mask(addr).map_err(|e| ParseError::MaskNotContiguous {
        first_zero: e.first_zero,
        next_one: e.next_one,
    })
}

/// A prefix length without its slash; `offset` is where `chars` starts in the whole input.
fn prefix_number(chars: &[char], offset: usize) -> Result<Prefix, ParseError> {
    check_chars(chars, offset, |c| c.is_ascii_digit())?;
    let pos = offset;
    let value = number(chars).map_err(|e| match e {
        NumberError::Empty => ParseError::MissingPrefix { pos },
        NumberError::LeadingZero => ParseError::PrefixLeadingZero { pos },
    })?;
    u8::try_from(value)
        .ok()
        .and_then(Prefix::new)
        .ok_or(ParseError::PrefixOutOfRange { pos, value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ParseError::*;

    fn p(n: u8) -> Prefix {
        Prefix::new(n).unwrap()
    }

    #[test]
    fn accepts_plain_addresses() {
        assert_eq!(
            parse_addr("192.168.1.77"),
            Ok(Ipv4Addr::new(192, 168, 1, 77))
        );
        assert_eq!(parse_addr("0.0.0.0"), Ok(Ipv4Addr::UNSPECIFIED));
        assert_eq!(parse_addr("255.255.255.255"), Ok(Ipv4Addr::BROADCAST));
        assert_eq!(parse_addr("10.0.100.9"), Ok(Ipv4Addr::new(10, 0, 100, 9)));
    }

    #[test]
    fn empty_and_too_long() {
        assert_eq!(parse_addr(""), Err(Empty));
        let long = "1".repeat(65);
        assert_eq!(parse_addr(&long), Err(TooLong { len: 65, max: 64 }));
        // 64 characters is not too long: the learner hears about the real problem.
        let many = "1.".repeat(32);
        assert_eq!(many.chars().count(), 64);
        assert_eq!(parse_addr(&many), Err(WrongOctetCount { found: 33 }));
    }

    #[test]
    fn whitespace_is_reported_not_trimmed() {
        assert_eq!(parse_addr(" 1.2.3.4"), Err(Whitespace { pos: 0, ch: ' ' }));
        assert_eq!(parse_addr("1.2.3.4 "), Err(Whitespace { pos: 7, ch: ' ' }));
        assert_eq!(parse_addr("1.2. 3.4"), Err(Whitespace { pos: 4, ch: ' ' }));
        assert_eq!(
            parse_addr("1.2.3.4\t"),
            Err(Whitespace { pos: 7, ch: '\t' })
        );
        assert_eq!(
            parse_addr("1.2.3.4\u{3000}"),
            Err(Whitespace {
                pos: 7,
                ch: '\u{3000}'
            })
        );
        assert_eq!(parse_addr("   "), Err(Whitespace { pos: 0, ch: ' ' }));
    }

    #[test]
    fn wrong_octet_counts() {
        assert_eq!(parse_addr("1.2.3"), Err(WrongOctetCount { found: 3 }));
        assert_eq!(parse_addr("1.2.3.4.5"), Err(WrongOctetCount { found: 5 }));
        assert_eq!(parse_addr("1234"), Err(WrongOctetCount { found: 1 }));
    }

    #[test]
    fn empty_octets_with_position() {
        assert_eq!(parse_addr("1..2.3"), Err(EmptyOctet { octet: 1, pos: 2 }));
        assert_eq!(parse_addr(".1.2.3"), Err(EmptyOctet { octet: 0, pos: 0 }));
        assert_eq!(parse_addr("1.2.3."), Err(EmptyOctet { octet: 3, pos: 6 }));
        assert_eq!(parse_addr("..."), Err(EmptyOctet { octet: 0, pos: 0 }));
    }

    #[test]
    fn bad_characters_with_position() {
        assert_eq!(
            parse_addr("1.2.3.a"),
            Err(UnexpectedChar { pos: 6, ch: 'a' })
        );
        assert_eq!(parse_addr("１.2.3.4"), Err(FullWidth { pos: 0, ch: '１' }));
        assert_eq!(parse_addr("1．2.3.4"), Err(FullWidth { pos: 1, ch: '．' }));
        assert_eq!(parse_addr("1。2.3.4"), Err(FullWidth { pos: 1, ch: '。' }));
        assert_eq!(
            parse_addr("1,2,3,4"),
            Err(UnexpectedChar { pos: 1, ch: ',' })
        );
        assert_eq!(
            parse_addr("-1.2.3.4"),
            Err(UnexpectedChar { pos: 0, ch: '-' })
        );
        assert_eq!(
            parse_addr("+1.2.3.4"),
            Err(UnexpectedChar { pos: 0, ch: '+' })
        );
        // Positions are characters, not bytes: 'é' takes two bytes.
        assert_eq!(
            parse_addr("é.1.2.x"),
            Err(UnexpectedChar { pos: 0, ch: 'é' })
        );
        assert_eq!(
            parse_addr("1.2.é3.x"),
            Err(UnexpectedChar { pos: 4, ch: 'é' })
        );
    }

    #[test]
    fn out_of_range_with_value_and_position() {
        assert_eq!(
            parse_addr("256.1.1.1"),
            Err(OctetOutOfRange {
                octet: 0,
                pos: 0,
                value: 256
            })
        );
        assert_eq!(
            parse_addr("1.1.1.1000"),
            Err(OctetOutOfRange {
                octet: 3,
                pos: 6,
                value: 1000
            })
        );
        assert_eq!(
            parse_addr("1.99999999999999999999999.1.1"),
            Err(OctetOutOfRange {
                octet: 1,
                pos: 2,
                value: u64::MAX
            })
        );
    }

    #[test]
    fn leading_zeros_are_refused() {
        assert_eq!(
            parse_addr("01.2.3.4"),
            Err(LeadingZero { octet: 0, pos: 0 })
        );
        assert_eq!(
            parse_addr("1.2.3.00"),
            Err(LeadingZero { octet: 3, pos: 6 })
        );
        assert_eq!(
            parse_addr("10.020.3.4"),
            Err(LeadingZero { octet: 1, pos: 3 })
        );
        // A lone zero is fine.
        assert!(parse_addr("10.0.3.0").is_ok());
    }

    #[test]
    fn earlier_problems_win() {
        // Characters are checked before the octet count, octets from left to right.
        assert_eq!(
            parse_addr("1.2.3.4.a"),
            Err(UnexpectedChar { pos: 8, ch: 'a' })
        );
        assert_eq!(
            parse_addr("01.256.1.1"),
            Err(LeadingZero { octet: 0, pos: 0 })
        );
        assert_eq!(
            parse_addr("300.01.1.1"),
            Err(OctetOutOfRange {
                octet: 0,
                pos: 0,
                value: 300
            })
        );
    }

    #[test]
    fn prefixes() {
        assert_eq!(parse_prefix("/26"), Ok(p(26)));
        assert_eq!(parse_prefix("26"), Ok(p(26)));
        assert_eq!(parse_prefix("0"), Ok(p(0)));
        assert_eq!(parse_prefix("/32"), Ok(p(32)));
        assert_eq!("/8".parse::<Prefix>(), Ok(p(8)));
        assert_eq!(parse_prefix(""), Err(Empty));
        assert_eq!(parse_prefix("/"), Err(MissingPrefix { pos: 1 }));
        assert_eq!(
            parse_prefix("/33"),
            Err(PrefixOutOfRange { pos: 1, value: 33 })
        );
        assert_eq!(
            parse_prefix("300"),
            Err(PrefixOutOfRange { pos: 0, value: 300 })
        );
        assert_eq!(parse_prefix("/026"), Err(PrefixLeadingZero { pos: 1 }));
        assert_eq!(parse_prefix("/ 26"), Err(Whitespace { pos: 1, ch: ' ' }));
        assert_eq!(
            parse_prefix("//26"),
            Err(UnexpectedChar { pos: 1, ch: '/' })
        );
        assert_eq!(parse_prefix("／26"), Err(FullWidth { pos: 0, ch: '／' }));
    }

    #[test]
    fn masks() {
        assert_eq!(parse_mask("255.255.255.192"), Ok(p(26)));
        assert_eq!(parse_mask("0.0.0.0"), Ok(p(0)));
        assert_eq!(parse_mask("255.255.255.255"), Ok(p(32)));
        assert_eq!(
            parse_mask("255.0.255.0"),
            Err(MaskNotContiguous {
                first_zero: 8,
                next_one: 16
            })
        );
        assert_eq!(
            parse_mask("255.255.254.1"),
            Err(MaskNotContiguous {
                first_zero: 23,
                next_one: 31
            })
        );
        assert_eq!(
            parse_mask("255.255.256.0"),
            Err(OctetOutOfRange {
                octet: 2,
                pos: 8,
                value: 256
            })
        );
        assert_eq!(parse_prefix_or_mask("255.255.0.0"), Ok(p(16)));
        assert_eq!(parse_prefix_or_mask("/16"), Ok(p(16)));
    }

    #[test]
    fn cidr_text() {
        let c = parse_cidr("192.168.1.77/26").unwrap();
        assert_eq!(c.addr(), Ipv4Addr::new(192, 168, 1, 77));
        assert_eq!(c.prefix(), p(26));
        assert_eq!(parse_cidr("192.168.1.77/255.255.255.192"), Ok(c));
        assert_eq!("192.168.1.77/26".parse::<Cidr>(), Ok(c));
        assert_eq!(parse_cidr("192.168.1.77"), Err(MissingSlash));
        assert_eq!(parse_cidr("/26"), Err(MissingAddress));
        assert_eq!(parse_cidr("192.168.1.77/"), Err(MissingPrefix { pos: 13 }));
        assert_eq!(
            parse_cidr("192.168.1.77 /26"),
            Err(Whitespace { pos: 12, ch: ' ' })
        );
        assert_eq!(
            parse_cidr("192.168.1.77/ 26"),
            Err(Whitespace { pos: 13, ch: ' ' })
        );
        assert_eq!(
            parse_cidr("192.168.1.77／26"),
            Err(FullWidth { pos: 12, ch: '／' })
        );
        assert_eq!(
            parse_cidr("192.168.1.77/33"),
            Err(PrefixOutOfRange { pos: 13, value: 33 })
        );
        assert_eq!(
            parse_cidr("192.168.1.77/2/6"),
            Err(UnexpectedChar { pos: 14, ch: '/' })
        );
        assert_eq!(
            parse_cidr("192.168.1/26"),
            Err(WrongOctetCount { found: 3 })
        );
        assert_eq!(
            parse_cidr("10.0.0.0/255.0.255.0"),
            Err(MaskNotContiguous {
                first_zero: 8,
                next_one: 16
            })
        );
        assert_eq!(
            parse_cidr("10.0.0.0/255.0.0.01"),
            Err(LeadingZero { octet: 3, pos: 17 })
        );
    }
}
