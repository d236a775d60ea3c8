//! Sorting the page's WebSocket messages: requests (JSON text), messages too large to read,
//! binary frames, pongs; and the end of the stream, by the page or by a broken frame.

use axum::extract::ws::Message;
use protocol::limits::MAX_MESSAGE_BYTES;
use protocol::{ErrorCode, RelayError, ServerMessage};
use tungstenite::error::CapacityError;

use super::{CLOSE_TOO_BIG, End, WS_READ_LIMIT};
use crate::outbox::Outbox;

/// The answer to a message over `MAX_MESSAGE_BYTES` (the caller reads the id, if any).
pub(super) fn too_large(text: &str) -> RelayError {
    RelayError::new(ErrorCode::MessageTooLarge).with_detail(format!(
        "the message was {} bytes; a WebSocket message may be at most {MAX_MESSAGE_BYTES} bytes",
        text.len()
    ))
}

/// The request id of a message, when it can be read.
pub(super) fn id_of(text: &str) -> Option<u64> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    value.get("id")?.as_u64()
}

/// One message from the page, as far as the session cares.
pub(super) enum Incoming {
    Text(String),
    /// A text message over `MAX_MESSAGE_BYTES` (but under `WS_READ_LIMIT`).
    TooLarge(String),
    Binary,
    /// A pong: the page answered a ping.
    Pong,
    /// A ping (answered by the WebSocket layer itself).
    Nothing,
}

/// Sorts out what the stream gave. A message over `WS_READ_LIMIT` makes the WebSocket layer
/// fail in the middle of a frame; the rest of that frame is unreadable, so the session tells
/// the page why and closes with 1009.
pub(super) async fn incoming(
    next: Option<Result<Message, axum::Error>>,
    outbox: &Outbox,
) -> Result<Incoming, End> {
    match next {
        None | Some(Ok(Message::Close(_))) => Err(End::Gone),
        Some(Ok(Message::Text(text))) if text.len() > MAX_MESSAGE_BYTES => {
            Ok(Incoming::TooLarge(text.as_str().to_owned()))
        }
        Some(Ok(Message::Text(text))) => Ok(Incoming::Text(text.as_str().to_owned())),
        Some(Ok(Message::Binary(_))) => Ok(Incoming::Binary),
        Some(Ok(Message::Pong(_))) => Ok(Incoming::Pong),
        Some(Ok(Message::Ping(_))) => Ok(Incoming::Nothing),
        Some(Err(e)) if is_too_large(&e) => {
            tracing::info!("page sent a message over {WS_READ_LIMIT} bytes: {e}");
            let error = RelayError::new(ErrorCode::MessageTooLarge).with_detail(format!(
                "the message was over {WS_READ_LIMIT} bytes; a WebSocket message may be at most \
                 {MAX_MESSAGE_BYTES} bytes"
            ));
            outbox.event(ServerMessage::Error { id: None, error }).await;
            Err(End::Broken(CLOSE_TOO_BIG, "message too big"))
        }
        Some(Err(e)) => {
            tracing::debug!("websocket read failed: {e}");
            Err(End::Gone)
        }
    }
}

/// The WebSocket layer's capacity error (`tungstenite::Error::Capacity`), found by its type
/// under axum's error wrapper, which does not expose it. Should axum move to another tungstenite
/// than the one in Cargo.toml, the type no longer matches: the integration test
/// `a_message_over_the_read_limit_closes_only_its_session` then fails.
fn is_too_large(e: &axum::Error) -> bool {
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(tungstenite::Error::Capacity(CapacityError::MessageTooLong { .. })) =
            s.downcast_ref::<tungstenite::Error>()
        {
            return true;
        }
        source = s.source();
    }
    false
}
