//! What every panel operation adds to the lab's [`Ops`]: a failed call is logged (in the
//! learner's language, at display time) and turns into `None`, so each operation reads as the
//! happy path.

use protocol::{RelayError, SocketId};

use super::state::{Action, Panel};
use crate::lab::Ops;
use crate::lab::clock_ms;

impl Ops<Panel> {
    /// The answer, or `None` after logging the error.
    pub fn ok<T>(&self, answer: Result<T, RelayError>) -> Option<T> {
        match answer {
            Ok(value) => Some(value),
            Err(error) => {
                self.dispatch(Action::Fail {
                    at: clock_ms(),
                    error,
                });
                None
            }
        }
    }

    /// `s.close()`, answer ignored (the socket is gone either way).
    pub async fn close_quietly(&self, socket: SocketId) {
        self.forget(socket);
        let _ = self.relay.close(socket).await;
    }
}
