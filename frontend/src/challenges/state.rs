//! One challenge's run as the page sees it: the checks streamed in so far, whether the run is
//! under way, how it ended. One pure reducer with verb actions, tested natively; [`use_lab`]
//! routes the relay's `challenge_check` and `challenge_ended` events into it.
//!
//! [`use_lab`]: crate::lab::use_lab

use std::rc::Rc;

use protocol::{ChallengeSetup, RelayError, ServerMessage};
use yew::prelude::*;

use crate::lab::LabState;

pub use protocol::RunId;

/// One check, as the relay reported it.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckRow {
    pub index: u32,
    /// The check's id (the key of its text: `chal.check.<id>`).
    pub check: String,
    pub outcome: Outcome,
    pub sent: Vec<u8>,
    pub received: Vec<u8>,
    pub elapsed_ms: u64,
    /// The likely failure's id (`chal.hint.<id>`), only when the check failed.
    pub hint: Option<String>,
    /// Values the hint's text names (`{port}`, `{bytes}` ...).
    pub args: Vec<(String, String)>,
}

/// How one check came out: `Info` is not judged (what the OS did, a prompt to run again).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail,
    Info,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Info => "info",
        }
    }
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Passed,
    Failed,
    Cancelled,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunState {
    /// The run under way (events of any other run are ignored).
    pub current: Option<RunId>,
    /// What the checker set up for the learner's program (ports, sentence, folder).
    pub setup: Option<ChallengeSetup>,
    pub checks: Vec<CheckRow>,
    pub ended: Option<Ending>,
    pub error: Option<RelayError>,
    /// A run was asked for and not yet answered, or is under way.
    pub starting: bool,
}

impl RunState {
    pub fn running(&self) -> bool {
        self.starting || self.current.is_some()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// "Check my program": forget the last run.
    Prepare,
    /// The relay started the run.
    Start {
        run: RunId,
        setup: ChallengeSetup,
    },
    /// `challenge_check`.
    Check {
        run: RunId,
        row: CheckRow,
    },
    /// `challenge_ended`.
    End {
        run: RunId,
        ending: Ending,
    },
    Fail(RelayError),
    /// A new relay session: the old one's run is gone.
    LoseSession,
}

impl Reducible for RunState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Prepare => {
                s = RunState {
                    starting: true,
                    ..RunState::default()
                };
            }
            Action::Start { run, setup } => {
                s.current = Some(run);
                s.setup = Some(setup);
            }
            Action::Check { run, row } if s.current == Some(run) => {
                // One row per index: a repeated report replaces the older one. An `info` row
                // of the same check was a prompt ("run it again"): its answer replaces it.
                s.checks.retain(|c| {
                    c.index != row.index && !(c.outcome == Outcome::Info && c.check == row.check)
                });
                s.checks.push(row);
                s.checks.sort_by_key(|c| c.index);
            }
            Action::End { run, ending } if s.current == Some(run) => {
                s.current = None;
                s.starting = false;
                s.ended = Some(ending);
            }
            Action::Check { .. } | Action::End { .. } => return self,
            Action::Fail(e) => {
                s.error = Some(e);
                s.starting = false;
            }
            Action::LoseSession => {
                if !s.running() {
                    return self;
                }
                s.current = None;
                s.starting = false;
            }
        }
        Rc::new(s)
    }
}

impl LabState for RunState {
    fn lose_session() -> Action {
        Action::LoseSession
    }

    fn on_event(msg: &ServerMessage) -> Option<Action> {
        super::wire::action_of(msg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lab::replay;

    fn setup() -> ChallengeSetup {
        ChallengeSetup {
            challenge: protocol::ChallengeId::UdpReceiver,
            checker: None,
            program_port: Some(7788),
            text: None,
            file: None,
            file_size: None,
            folder: None,
            step_timeout_ms: 5000,
            start_timeout_ms: 0,
        }
    }

    fn row(index: u32, passed: bool) -> CheckRow {
        CheckRow {
            index,
            check: format!("c{index}"),
            outcome: if passed { Outcome::Pass } else { Outcome::Fail },
            sent: vec![1],
            received: vec![],
            elapsed_ms: 3,
            hint: (!passed).then(|| "h".to_owned()),
            args: vec![],
        }
    }

    #[test]
    fn only_the_running_run_gets_rows_and_its_end_stops_it() {
        let s = replay(
            RunState::default(),
            vec![
                Action::Prepare,
                Action::Start {
                    run: 4,
                    setup: setup(),
                },
                Action::Check {
                    run: 9,
                    row: row(0, true),
                },
                Action::Check {
                    run: 4,
                    row: row(1, false),
                },
                Action::Check {
                    run: 4,
                    row: row(0, true),
                },
                Action::End {
                    run: 9,
                    ending: Ending::Passed,
                },
            ],
        );
        assert_eq!(s.checks.iter().map(|c| c.index).collect::<Vec<_>>(), [0, 1]);
        assert!(s.running());
        let s = replay(
            s,
            vec![Action::End {
                run: 4,
                ending: Ending::Failed,
            }],
        );
        assert!(!s.running());
        assert_eq!(s.ended, Some(Ending::Failed));
        // A new run forgets the old rows.
        let s = replay(s, vec![Action::Prepare]);
        assert!(s.checks.is_empty() && s.starting && s.ended.is_none());
    }

    #[test]
    fn a_prompt_is_replaced_by_its_check_and_a_final_info_row_stays() {
        let mut prompt = row(2, true);
        prompt.outcome = Outcome::Info;
        let mut oversized = row(3, true);
        oversized.check = "c9".into();
        oversized.outcome = Outcome::Info;
        let mut answer = row(4, true);
        answer.check = prompt.check.clone();
        let s = replay(
            RunState::default(),
            vec![
                Action::Start {
                    run: 1,
                    setup: setup(),
                },
                Action::Check {
                    run: 1,
                    row: prompt,
                },
                Action::Check {
                    run: 1,
                    row: oversized,
                },
                Action::Check {
                    run: 1,
                    row: answer,
                },
            ],
        );
        let rows: Vec<_> = s.checks.iter().map(|c| (c.index, c.outcome)).collect();
        assert_eq!(rows, [(3, Outcome::Info), (4, Outcome::Pass)]);
    }

    #[test]
    fn a_lost_session_ends_the_run_without_a_verdict() {
        let s = replay(
            RunState::default(),
            vec![
                Action::Prepare,
                Action::Start {
                    run: 1,
                    setup: setup(),
                },
                Action::LoseSession,
            ],
        );
        assert!(!s.running());
        assert_eq!(s.ended, None);
    }
}
