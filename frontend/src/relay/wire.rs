//! How a bundle reads and writes the relay's messages. The full codec is serde_json over the
//! whole protocol (every request and event): about a third of the code of a bundle that has
//! no socket step. The start bundle (home, the first lesson) only says hello and hears the
//! welcome or an error, so it gets [`GREETING`]: the relay status in the header, the relay's
//! credential kept for the next pages, nothing else.

use protocol::{ClientMessage, Request, ServerMessage};

/// A bundle's codec (`crate::bundle::Bundle::wire`), chosen when the page starts.
static CHOSEN: std::sync::OnceLock<Wire> = std::sync::OnceLock::new();

/// Makes `wire` this page's codec (by `bundle::set`, once).
pub fn choose(wire: Wire) {
    let _ = CHOSEN.set(wire);
}

/// This page's codec. Only the codec chosen is reached, so a bundle holds no other: in the
/// page the start always chose one; native tests, where nothing starts, get [`FULL`].
pub fn chosen() -> Wire {
    #[cfg(test)]
    return CHOSEN.get().copied().unwrap_or(FULL);
    #[cfg(not(test))]
    CHOSEN
        .get()
        .copied()
        .expect("the page's start chooses a codec")
}

/// How a bundle reads and writes the relay's messages.
#[derive(Clone, Copy)]
pub struct Wire {
    /// The message's JSON, or `None` when this bundle cannot send it (the caller answers
    /// `Disconnected`, as for a connection that is not up).
    pub encode: fn(&ClientMessage) -> Option<String>,
    /// The message, or `None` when this bundle cannot read it (it is logged and dropped).
    pub decode: fn(&str) -> Option<ServerMessage>,
}

/// Every request and every message.
pub const FULL: Wire = Wire {
    encode: |msg| Some(protocol::to_json(msg)),
    decode: |text| serde_json::from_str(text).ok(),
};

/// `hello` out; `welcome` and `error` in (other messages are read as nothing), without serde:
/// `protocol::json` reads them as serde would (its tests compare the two).
pub const GREETING: Wire = Wire {
    encode: encode_hello,
    decode: protocol::json::greeting,
};

fn encode_hello(msg: &ClientMessage) -> Option<String> {
    match &msg.request {
        Request::Hello { token } => Some(format!(
            r#"{{"id":{},"op":"hello","token":{}}}"#,
            msg.id,
            protocol::json::quote(token)
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use protocol::{ErrorCode, RelayError};

    use super::*;

    #[test]
    fn the_greeting_says_hello_exactly_as_the_full_codec() {
        let hello = ClientMessage {
            id: 1,
            request: Request::Hello {
                token: "ab\"c".into(),
            },
        };
        assert_eq!((GREETING.encode)(&hello), (FULL.encode)(&hello));
        let other = ClientMessage {
            id: 2,
            request: Request::Close { socket: 1 },
        };
        assert_eq!((GREETING.encode)(&other), None);
    }

    #[test]
    fn the_greeting_reads_welcome_and_errors_as_the_full_codec() {
        let error = ServerMessage::Error {
            id: Some(1),
            error: RelayError::new(ErrorCode::BadToken),
        };
        let json = protocol::to_json(&error);
        assert_eq!((GREETING.decode)(&json), Some(error.clone()));
        assert_eq!((FULL.decode)(&json), Some(error));
        let data = r#"{"type":"tcp_data","socket":1,"data":{"b64":"AA=="}}"#;
        assert_eq!((GREETING.decode)(data), None);
    }
}
