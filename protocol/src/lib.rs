//! The WebSocket protocol between the tutorial page and the local relay: JSON messages, shared
//! by both sides so they cannot drift apart. No async, no I/O, no web dependencies: this crate
//! only says what the messages look like (see `protocol/README.md` for the prose version).

pub mod challenge;
mod data;
mod errors;
pub mod json;
mod lang;
pub mod limits;
mod messages;

pub use challenge::{
    ChallengeId, ChallengeSetup, CheckId, CheckOutcome, CheckReport, HintId, Interface, RunId,
};
pub use data::Data;
pub use errors::{ErrorCode, RelayError};
pub use lang::Lang;
pub use messages::*;

/// Bumped whenever a message changes shape; the relay announces it in [`Welcome`].
pub const PROTOCOL_VERSION: u32 = 1;

/// The path of the WebSocket endpoint on the relay.
pub const WS_PATH: &str = "/ws";

/// The file holding the page at URL `path` drawn ahead of time, when there is one (written at
/// build by `frontend/prerender`; the relay serves it for `path`, and index.html for any other
/// page): `/` is `/pre/index.html`, `/lesson/intro/1` is `/pre/lesson/intro/1.html`.
pub fn drawn_page_file(path: &str) -> String {
    match path {
        "/" => "/pre/index.html".to_owned(),
        _ => format!("/pre{path}.html"),
    }
}

/// Encodes one message as the JSON text of a WebSocket frame.
pub fn to_json<T: serde::Serialize>(msg: &T) -> String {
    // Serializing these types cannot fail: no maps with non-string keys, no foreign Serialize.
    serde_json::to_string(msg).expect("protocol messages always serialize")
}
