//! The handshake: the page's first message must be `hello` with the launch token or the
//! browser's credential; the answer is `welcome`, or an error and a close code saying why.

use axum::extract::ws::Message;
use futures_util::{Stream, StreamExt as _};
use protocol::limits::{CLOSE_BAD_TOKEN, CLOSE_NOT_AUTHENTICATED, CLOSE_TOO_MANY_SESSIONS};
use protocol::{ErrorCode, RelayError, ServerMessage, Welcome};
use tokio::sync::OwnedSemaphorePermit;
use tokio::time::Instant;

use super::frames::{Incoming, incoming, too_large};
use super::{CLOSE_TOO_BIG, End, SessionCtx, code_reason};
use crate::outbox::Outbox;
use crate::token::{Offered, Refused};

/// Waits for `{"op":"hello","token":...}`. Anything else first, a wrong token, or silence for
/// the hello timeout ends the session; so does a good hello when the relay already has its
/// most sessions. Gives back the session's place (the `pending` place is given up).
pub(super) async fn hello<R>(
    stream: &mut R,
    outbox: &Outbox,
    ctx: &SessionCtx,
    pending: OwnedSemaphorePermit,
) -> Result<OwnedSemaphorePermit, End>
where
    R: Stream<Item = Result<Message, axum::Error>> + Unpin,
{
    let _pending = pending;
    let deadline = Instant::now() + ctx.limits.hello_timeout;
    let text = loop {
        let next = match tokio::time::timeout_at(deadline, stream.next()).await {
            Err(_) => {
                tracing::info!("page sent no hello in time");
                return Err(End::Close(CLOSE_NOT_AUTHENTICATED, "no hello in time"));
            }
            Ok(next) => next,
        };
        match incoming(next, outbox).await? {
            Incoming::Text(text) => break text,
            Incoming::TooLarge(text) => {
                let error = too_large(&text);
                return Err(refuse(outbox, None, error, CLOSE_TOO_BIG).await);
            }
            Incoming::Binary => {
                let error = RelayError::new(ErrorCode::NotAuthenticated)
                    .with_detail("the first message must be a hello (JSON text), not binary");
                return Err(refuse(outbox, None, error, CLOSE_NOT_AUTHENTICATED).await);
            }
            Incoming::Nothing | Incoming::Pong => continue,
        }
    };

    // Read loosely first: the id and op are wanted even from a message that is not a valid
    // hello. The token itself is never logged.
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let id = value.get("id").and_then(|v| v.as_u64());
    let op = value.get("op").and_then(|v| v.as_str());
    if op != Some("hello") {
        let error = RelayError::new(ErrorCode::NotAuthenticated).with_detail(format!(
            "the first message must be {{\"op\":\"hello\",\"token\":...}}, not {}",
            op.map_or("a message without an op".to_owned(), |op| format!("`{op}`"))
        ));
        tracing::info!("page spoke before hello");
        return Err(refuse(outbox, id, error, CLOSE_NOT_AUTHENTICATED).await);
    }
    let offered = value.get("token").and_then(|v| v.as_str()).unwrap_or("");
    let kind = match ctx.keys.check(offered) {
        Ok(kind) => kind,
        Err(why) => return Err(bad_token(outbox, id, why).await),
    };
    let Some(place) = ctx.slots.session() else {
        tracing::warn!(
            "refused a page session: {} sessions are open already",
            ctx.limits.max_sessions
        );
        let error = RelayError::new(ErrorCode::TooManySessions).with_detail(format!(
            "the relay already serves {} tabs, the most it serves at once",
            ctx.limits.max_sessions
        ));
        return Err(refuse(outbox, id, error, CLOSE_TOO_MANY_SESSIONS).await);
    };
    // The first session uses up the launch token; every welcome carries the credential, which
    // the page keeps for its other tabs and reloads.
    let credential = match kind {
        Offered::Credential => ctx.keys.credential(),
        Offered::Launch => match ctx.keys.exchange() {
            Ok(credential) => {
                tracing::info!("the launch token was exchanged for this browser's credential");
                credential
            }
            Err(why) => return Err(bad_token(outbox, id, why).await),
        },
    };
    let welcome = Welcome {
        credential: Some(credential.as_str().to_owned()),
        ..ctx.welcome.clone()
    };
    if !outbox.event(ServerMessage::Welcome(welcome)).await {
        return Err(End::Gone);
    }
    Ok(place)
}

/// `BAD_TOKEN` and close 4001, saying why.
async fn bad_token(outbox: &Outbox, id: Option<u64>, why: Refused) -> End {
    let detail = match why {
        Refused::Wrong => {
            tracing::warn!("page offered a wrong token");
            "this is not the token of this launch of the relay"
        }
        Refused::AlreadyExchanged => {
            tracing::warn!("page offered the launch token again, after it was exchanged");
            "this launch's token was already used by the first tab, which got the browser's \
             credential; other tabs of that browser use it. Another browser needs a new launch \
             of the relay"
        }
    };
    let error = RelayError::new(ErrorCode::BadToken).with_detail(detail);
    refuse(outbox, id, error, CLOSE_BAD_TOKEN).await
}

pub(super) async fn refuse(outbox: &Outbox, id: Option<u64>, error: RelayError, code: u16) -> End {
    outbox.event(ServerMessage::Error { id, error }).await;
    End::Close(code, code_reason(code))
}
