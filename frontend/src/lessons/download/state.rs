//! The download lab's state: the course's file server (where it listens, what it serves), the
//! download under way and its progress, the last report, and the server's own log. One
//! reducer with verb actions, pure, tested natively; [`use_lab`] routes the relay's download
//! events into it.
//!
//! [`use_lab`]: crate::lab::use_lab

use std::net::SocketAddr;
use std::rc::Rc;

use protocol::{DownloadId, DownloadReport, FileEntry, RelayError, ServedReport, ServerMessage};
use yew::prelude::*;

use crate::lab::LabState;

/// How many of the server's log lines are kept (newest first).
pub const MAX_SERVED: usize = 8;

/// Where a download stands, as the relay last reported it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    pub received: u64,
    pub total: Option<u64>,
    pub elapsed_ms: u64,
}

/// The course's file server, once started.
#[derive(Clone, Debug, PartialEq)]
pub struct Server {
    pub local: SocketAddr,
    pub files: Vec<FileEntry>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DownloadState {
    pub server: Option<Server>,
    /// The download under way.
    pub download: Option<DownloadId>,
    pub progress: Progress,
    pub report: Option<DownloadReport>,
    pub error: Option<RelayError>,
    /// What the server did for each client, newest first.
    pub served: Vec<ServedReport>,
}

/// What the learner and the relay do to the lab, as verbs.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The file server answered `file_server_start`.
    ShowServer(Server),
    /// A new download is asked for: forget the last one's outcome.
    Prepare,
    /// The relay accepted the download.
    Start(DownloadId),
    /// `download_progress`.
    Advance {
        download: DownloadId,
        progress: Progress,
    },
    /// `download_finished`.
    Finish(DownloadReport),
    /// `file_served`: one line of the server's log.
    LogServed(ServedReport),
    Fail(RelayError),
    /// A new relay session: the old one's server and download are gone.
    LoseSession,
}

impl Reducible for DownloadState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::ShowServer(server) => {
                s.server = Some(server);
                s.error = None;
            }
            Action::Prepare => {
                s.report = None;
                s.error = None;
                s.progress = Progress::default();
            }
            Action::Start(id) => s.download = Some(id),
            Action::Advance { download, progress } if s.download == Some(download) => {
                s.progress = progress;
            }
            Action::Finish(report) if s.download == Some(report.download) => {
                s.report = Some(report);
                s.download = None;
            }
            Action::Advance { .. } | Action::Finish(_) => return self,
            Action::LogServed(r) => {
                s.served.insert(0, r);
                s.served.truncate(MAX_SERVED);
            }
            Action::Fail(e) => s.error = Some(e),
            Action::LoseSession => {
                if s.server.is_none() && s.download.is_none() {
                    return self;
                }
                s.server = None;
                s.download = None;
            }
        }
        Rc::new(s)
    }
}

impl LabState for DownloadState {
    fn lose_session() -> Action {
        Action::LoseSession
    }

    fn on_event(msg: &ServerMessage) -> Option<Action> {
        match msg {
            ServerMessage::DownloadProgress {
                download,
                received,
                total,
                elapsed_ms,
            } => Some(Action::Advance {
                download: *download,
                progress: Progress {
                    received: *received,
                    total: *total,
                    elapsed_ms: *elapsed_ms,
                },
            }),
            ServerMessage::DownloadFinished(r) => Some(Action::Finish(r.clone())),
            ServerMessage::FileServed(r) => Some(Action::LogServed(r.clone())),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use protocol::{DownloadStatus, ServeOutcome};

    use super::*;
    use crate::lab::replay;

    fn report(download: DownloadId) -> DownloadReport {
        DownloadReport {
            download,
            status: DownloadStatus::Complete,
            received: 3,
            sha256: "ab".into(),
            elapsed_ms: 1,
            saved_as: None,
            expected_size: Some(3),
            expected_sha256: Some("ab".into()),
            own_server: true,
            completeness: Some(protocol::Completeness::Verified),
            error: None,
        }
    }

    fn served(n: u64) -> ServedReport {
        ServedReport {
            peer: "127.0.0.1:40000".parse().unwrap(),
            name: "a.txt".into(),
            name_bytes: 5,
            name_recvs: 1,
            outcome: ServeOutcome::Sent,
            bytes: n,
            reason: None,
        }
    }

    #[test]
    fn only_the_running_download_moves_and_its_report_ends_it() {
        let progress = |download, received| Action::Advance {
            download,
            progress: Progress {
                received,
                total: Some(3),
                elapsed_ms: 5,
            },
        };
        let s = replay(
            DownloadState::default(),
            vec![Action::Start(2), progress(9, 1), progress(2, 2)],
        );
        assert_eq!(s.progress.received, 2);
        let s = replay(s, vec![Action::Finish(report(9))]);
        assert_eq!((s.download, s.report.is_none()), (Some(2), true));
        let s = replay(s, vec![Action::Finish(report(2))]);
        assert_eq!(s.download, None);
        assert_eq!(s.report.map(|r| r.download), Some(2));
    }

    #[test]
    fn the_server_log_keeps_the_newest_lines_first() {
        let lines = (0..MAX_SERVED as u64 + 3).map(|n| Action::LogServed(served(n)));
        let s = replay(DownloadState::default(), lines);
        assert_eq!(s.served.len(), MAX_SERVED);
        assert_eq!(s.served[0].bytes, MAX_SERVED as u64 + 2);
    }

    #[test]
    fn preparing_forgets_the_last_outcome_and_a_new_session_the_old_ids() {
        let s = replay(
            DownloadState::default(),
            vec![
                Action::Start(1),
                Action::Finish(report(1)),
                Action::Fail(RelayError::new(protocol::ErrorCode::BadRequest)),
                Action::Prepare,
            ],
        );
        assert_eq!((s.report.is_none(), s.error.is_none()), (true, true));
        let s = replay(s, vec![Action::Start(4), Action::LoseSession]);
        assert_eq!(s.download, None);
    }
}
