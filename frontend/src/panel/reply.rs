//! Auto-reply: what the panel answers on its own when something arrives, like the "auto
//! reply" box of a network debug assistant. The decision is pure; the component sends.

use std::net::SocketAddr;

use protocol::SocketId;

/// What to answer with.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum AutoReply {
    #[default]
    Off,
    /// Send back exactly the bytes that arrived (an echo server).
    Echo,
    /// Send these bytes (a fixed text, already encoded) every time.
    Fixed(Vec<u8>),
}

impl AutoReply {
    /// The bytes to answer `incoming` with, if any. Nothing is sent for an empty message (a
    /// TCP recv never returns 0 bytes as data; a 0-byte datagram gets no echo storm).
    pub fn answer(&self, incoming: &[u8]) -> Option<Vec<u8>> {
        if incoming.is_empty() {
            return None;
        }
        match self {
            AutoReply::Off => None,
            AutoReply::Echo => Some(incoming.to_vec()),
            AutoReply::Fixed(bytes) if bytes.is_empty() => None,
            AutoReply::Fixed(bytes) => Some(bytes.clone()),
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            AutoReply::Off => "off",
            AutoReply::Echo => "echo",
            AutoReply::Fixed(_) => "fixed",
        }
    }
}

/// An auto-reply waiting to go out: on `socket`, to `to` (UDP needs the address; TCP only
/// the socket, `to` is for the log).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outbound {
    pub id: u64,
    pub socket: SocketId,
    pub to: SocketAddr,
    pub bytes: Vec<u8>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions() {
        assert_eq!(AutoReply::Off.answer(b"hi"), None);
        assert_eq!(AutoReply::Echo.answer(b"hi"), Some(b"hi".to_vec()));
        assert_eq!(AutoReply::Echo.answer(b""), None);
        let fixed = AutoReply::Fixed(vec![0xCA, 0xD5]);
        assert_eq!(fixed.answer(b"anything"), Some(vec![0xCA, 0xD5]));
        assert_eq!(AutoReply::Fixed(vec![]).answer(b"x"), None);
    }
}
