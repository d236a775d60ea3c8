//! Challenges (issue 15): the relay plays the other side of the learner's own program with a
//! scripted checker (what to send and how to judge it is in the `checks` crate; this module
//! does the socket work), and streams every check to the page as it happens. One run per
//! session; dropping [`Challenges`] (the page went away) stops it, and everything it bound
//! goes with it.

use protocol::{ErrorCode, RelayError, Reply, Request};

use crate::outbox::Outbox;
use crate::policy::Policy;

/// One session's challenge runs.
#[derive(Debug, Default)]
pub struct Challenges {}

impl Challenges {
    /// Answers `challenge_start`, `challenge_answer`, `challenge_cancel` and `interfaces`.
    pub async fn handle(
        &mut self,
        request: Request,
        _policy: &Policy,
        _outbox: &Outbox,
    ) -> Result<Reply, RelayError> {
        Err(RelayError::new(ErrorCode::NotImplemented)
            .with_detail(format!("`{}` is not there yet", request.op())))
    }
}
