//! The per-launch secret: 32 random bytes, shown only in the tutorial URL and compared in
//! constant time. Its `Debug` is redacted so it cannot leak into a log line by accident.
//!
//! The launch token opens exactly one session: that first `hello` exchanges it for a
//! credential ([`Keys`]), which the page keeps in localStorage, so every tab of that browser
//! can use it. A token copied from a command line, a screen or a shell history afterwards opens
//! nothing.

/// Bytes of randomness in a token (256 bits; printed as 64 hex digits).
pub const TOKEN_BYTES: usize = 32;

#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// A fresh random token from the operating system's random source.
    pub fn generate() -> anyhow::Result<Token> {
        let mut bytes = [0u8; TOKEN_BYTES];
        getrandom::fill(&mut bytes)
            .map_err(|e| anyhow::anyhow!("no randomness from the OS for the token: {e}"))?;
        Ok(Token(hex(&bytes)))
    }

    /// The token as it appears in the URL fragment (`#token=...`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `offered` is this token. The time taken does not depend on where the first
    /// differing byte is, so a page cannot guess the token byte by byte by timing answers.
    pub fn matches(&self, offered: &str) -> bool {
        constant_time_eq(self.0.as_bytes(), offered.as_bytes())
    }
}

/// What a `hello` may offer: the launch token (until it has been exchanged) or the credential.
#[derive(Debug)]
pub struct Keys {
    launch: Token,
    credential: Token,
    exchanged: std::sync::atomic::AtomicBool,
}

/// Why a `hello`'s token was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Neither this launch's token nor its credential.
    Wrong,
    /// The launch token, which already opened a session and was exchanged.
    AlreadyExchanged,
}

/// Which secret a `hello` offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offered {
    Launch,
    Credential,
}

impl Keys {
    pub fn generate() -> anyhow::Result<Keys> {
        Ok(Keys {
            launch: Token::generate()?,
            credential: Token::generate()?,
            exchanged: std::sync::atomic::AtomicBool::new(false),
        })
    }

    pub fn launch(&self) -> &Token {
        &self.launch
    }

    /// Which secret `offered` is, if it is one that may still open a session.
    pub fn check(&self, offered: &str) -> Result<Offered, Refused> {
        if self.credential.matches(offered) {
            return Ok(Offered::Credential);
        }
        if self.launch.matches(offered) {
            if self.exchanged.load(std::sync::atomic::Ordering::SeqCst) {
                return Err(Refused::AlreadyExchanged);
            }
            return Ok(Offered::Launch);
        }
        Err(Refused::Wrong)
    }

    /// Uses up the launch token (once: a second caller, racing, gets `AlreadyExchanged`) and
    /// gives the credential that replaces it.
    pub fn exchange(&self) -> Result<&Token, Refused> {
        use std::sync::atomic::Ordering::SeqCst;
        self.exchanged
            .compare_exchange(false, true, SeqCst, SeqCst)
            .map_err(|_| Refused::AlreadyExchanged)?;
        Ok(&self.credential)
    }

    /// The credential, for a session that already presented it.
    pub fn credential(&self) -> &Token {
        &self.credential
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0x0f)] as char);
    }
    out
}

/// Compares every byte (the length is not secret: every token has 64 digits).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_64_hex_digits_and_differ() {
        let a = Token::generate().unwrap();
        let b = Token::generate().unwrap();
        assert_eq!(a.as_str().len(), 64);
        assert!(
            a.as_str()
                .bytes()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_ne!(a, b);
    }

    #[test]
    fn matches_only_the_exact_token() {
        let t = Token("00ff".repeat(16));
        assert!(t.matches(&"00ff".repeat(16)));
        assert!(!t.matches(&"00fe".repeat(16)));
        assert!(!t.matches(&"00FF".repeat(16)));
        assert!(!t.matches(""));
        assert!(!t.matches(&"00ff".repeat(17)));
    }

    #[test]
    fn debug_does_not_show_the_token() {
        let t = Token::generate().unwrap();
        assert!(!format!("{t:?}").contains(t.as_str()));
    }

    #[test]
    fn the_launch_token_opens_once_then_only_the_credential_does() {
        let keys = Keys::generate().unwrap();
        let launch = keys.launch().as_str().to_owned();
        assert_eq!(keys.check(&launch), Ok(Offered::Launch));
        let credential = keys.exchange().unwrap().as_str().to_owned();
        assert_ne!(credential, launch);
        assert_eq!(keys.check(&launch), Err(Refused::AlreadyExchanged));
        assert_eq!(keys.exchange().err(), Some(Refused::AlreadyExchanged));
        assert_eq!(keys.check(&credential), Ok(Offered::Credential));
        assert_eq!(keys.check(&"0".repeat(64)), Err(Refused::Wrong));
        assert!(!format!("{keys:?}").contains(&credential));
    }

    #[test]
    fn hex_encodes_every_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    }
}
