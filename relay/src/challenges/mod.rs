//! Challenges (issue 15): the relay plays the other side of the learner's own program with a
//! scripted checker (what to send and how to judge it is the `checks` crate; this module does
//! the socket work) and streams every check to the page as it happens. One run per session:
//! a new start, `challenge_cancel`, or the page leaving (dropping [`Challenges`]) stops it,
//! and every socket and folder the run made goes with it.

mod files;
mod prepare;
mod report;
mod tcp;
#[cfg(test)]
mod tests;
mod udp;

use std::sync::atomic::{AtomicU32, Ordering};

use protocol::{ErrorCode, RelayError, Reply, Request, RunId, ServerMessage};
use tokio::sync::{mpsc, oneshot};

use crate::outbox::Outbox;
use crate::platform::ifaces;
use crate::policy::Policy;

pub use prepare::Prepared;
pub use report::{Reporter, Stop};

/// Run ids are unique within the relay process, so a stale id from another tab never matches.
static NEXT_RUN: AtomicU32 = AtomicU32::new(1);

/// One session's challenge run, if any.
#[derive(Debug, Default)]
pub struct Challenges {
    running: Option<Running>,
}

/// A run's handles: dropping `cancel` stops it.
#[derive(Debug)]
struct Running {
    run: RunId,
    cancel: oneshot::Sender<()>,
    /// Text the learner gives the checker (`challenge_answer`).
    answers: mpsc::Sender<String>,
}

impl Challenges {
    /// Answers `challenge_start`, `challenge_answer`, `challenge_cancel` and `interfaces`.
    pub async fn handle(
        &mut self,
        request: Request,
        policy: &Policy,
        outbox: &Outbox,
    ) -> Result<Reply, RelayError> {
        match request {
            Request::ChallengeStart { challenge } => {
                // The running one ends first (its `challenge_ended` says `cancelled`).
                self.running = None;
                let prepared = Prepared::new(challenge, policy).await?;
                let setup = prepared.setup();
                let run = NEXT_RUN.fetch_add(1, Ordering::Relaxed);
                let (cancel, cancelled) = oneshot::channel();
                let (answers, answers_rx) = mpsc::channel(4);
                let reporter = Reporter::new(run, outbox.clone());
                tokio::spawn(run_until_cancelled(
                    prepared, reporter, answers_rx, cancelled,
                ));
                self.running = Some(Running {
                    run,
                    cancel,
                    answers,
                });
                Ok(Reply::ChallengeStarted { run, setup })
            }
            Request::ChallengeAnswer { run, text } => {
                let running = self.current(run)?;
                // A full queue or an ended run: the text is not wanted any more.
                let _ = running.answers.try_send(text);
                Ok(Reply::Done)
            }
            Request::ChallengeCancel { run } => {
                self.current(run)?;
                if let Some(running) = self.running.take() {
                    let _ = running.cancel.send(());
                }
                Ok(Reply::Done)
            }
            Request::Interfaces {} => {
                let list = tokio::task::spawn_blocking(ifaces::list)
                    .await
                    .map_err(|e| RelayError::new(ErrorCode::OtherOs).with_detail(e.to_string()))?
                    .map_err(|e| crate::errors::os_error("reading the interfaces", &e))?;
                Ok(Reply::Interfaces { list })
            }
            other => Err(RelayError::new(ErrorCode::BadRequest)
                .with_detail(format!("`{}` is not a challenge request", other.op()))),
        }
    }

    fn current(&self, run: RunId) -> Result<&Running, RelayError> {
        match &self.running {
            Some(running) if running.run == run => Ok(running),
            _ => Err(RelayError::new(ErrorCode::BadRequest).with_detail(format!(
                "run {run} is not this page's current challenge run"
            ))),
        }
    }
}

/// Runs the checker until it ends or is cancelled, then says `challenge_ended`. Cancelling
/// drops the script's future, and with it every socket and folder it holds.
async fn run_until_cancelled(
    prepared: Prepared,
    mut reporter: Reporter,
    answers: mpsc::Receiver<String>,
    cancelled: oneshot::Receiver<()>,
) {
    let run = reporter.run();
    let outbox = reporter.outbox().clone();
    let ended = tokio::select! {
        result = prepared.run(&mut reporter, answers) => {
            let passed = result.is_ok() && !reporter.failed();
            ServerMessage::ChallengeEnded { run, passed, cancelled: false }
        }
        _ = cancelled => ServerMessage::ChallengeEnded { run, passed: false, cancelled: true },
    };
    outbox.event(ended).await;
}
