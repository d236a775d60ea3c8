//! The download lab's state: the course's file server (where it listens, what it serves), the
//! download under way and its progress, the last report, and the server's own log. One
//! reducer with verb actions, pure, tested natively; [`use_lab`] routes the relay's download
//! events into it.
//!
//! [`use_lab`]: crate::lab::use_lab

use std::net::SocketAddr;
use std::rc::Rc;

use protocol::{
    DownloadId, DownloadReport, FileEntry, RelayError, ServedReport, ServerMessage, SocketId,
};
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

/// How many turns of the page's own client are kept (a few KiB arrive in a few recvs).
pub const MAX_TURNS: usize = 40;

/// The course's file server, once started.
#[derive(Clone, Debug, PartialEq)]
pub struct Server {
    pub local: SocketAddr,
    pub files: Vec<FileEntry>,
    /// It reads each file whole into memory, as the course's server does.
    pub read_whole: bool,
}

/// One turn of the page's own client (the framing step): what it called, what recv returned.
#[derive(Clone, Debug, PartialEq)]
pub enum Turn {
    /// `send(piece)`.
    Sent(String),
    /// The client waits this long before its next send.
    Paused(u32),
    /// One `recv(1024)` returned this many bytes.
    Recv(usize),
    /// `recv` returned 0: the server closed; only now is the file known to be complete.
    End,
    /// A call failed, or the relay closed the socket (the server reset it).
    Failed(RelayError),
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
    /// The page's own client (the framing step) and what it did and got.
    pub client: Option<SocketId>,
    pub turns: Vec<Turn>,
}

impl DownloadState {
    /// Bytes the page's own client has received so far.
    pub fn client_bytes(&self) -> usize {
        self.turns
            .iter()
            .map(|t| if let Turn::Recv(n) = t { *n } else { 0 })
            .sum()
    }
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
    /// The page's own client connected: a new transcript.
    OpenClient(SocketId),
    /// The page's own client did something (a send, a pause, a failed call).
    Say(Turn),
    /// An event on a socket: the page's own client's, or not this lab's business.
    ClientEvent {
        socket: SocketId,
        turn: Turn,
    },
    /// A step opens: the server an earlier step started, and its log, are this step's too.
    Restore {
        server: Option<Server>,
        served: Vec<ServedReport>,
    },
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
            Action::OpenClient(socket) => {
                s.client = Some(socket);
                s.turns.clear();
            }
            Action::Say(turn) => s.turns.push(turn),
            Action::ClientEvent { socket, turn } if s.client == Some(socket) => {
                s.turns.push(turn);
            }
            Action::ClientEvent { .. } => return self,
            Action::Restore { server, served } => {
                s.server = server;
                // Lines that arrived on this step before the restore stay the newest.
                s.served.extend(served);
                s.served.truncate(MAX_SERVED);
            }
        }
        if s.turns.len() > MAX_TURNS {
            s.turns.drain(..s.turns.len() - MAX_TURNS);
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
            ServerMessage::TcpData { socket, data } => Some(Action::ClientEvent {
                socket: *socket,
                turn: Turn::Recv(data.0.len()),
            }),
            ServerMessage::TcpPeerClosed { socket } => Some(Action::ClientEvent {
                socket: *socket,
                turn: Turn::End,
            }),
            ServerMessage::SocketClosed {
                socket,
                error: Some(e),
            } => Some(Action::ClientEvent {
                socket: *socket,
                turn: Turn::Failed(e.clone()),
            }),
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
            memory: None,
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

    #[test]
    fn a_new_step_inherits_the_server_and_its_log_after_the_mount_reset() {
        let server = Server {
            local: "127.0.0.1:7890".parse().unwrap(),
            files: Vec::new(),
            read_whole: false,
        };
        // What use_lab does on mount, then what the earlier step left.
        let s = replay(
            DownloadState::default(),
            vec![
                Action::LoseSession,
                Action::LogServed(served(7)),
                Action::Restore {
                    server: Some(server.clone()),
                    served: vec![served(2), served(1)],
                },
            ],
        );
        assert_eq!(s.server, Some(server));
        let bytes: Vec<u64> = s.served.iter().map(|r| r.bytes).collect();
        assert_eq!(bytes, [7, 2, 1]);
    }

    #[test]
    fn the_own_client_hears_only_its_socket_and_counts_what_recv_returned() {
        let on = |socket, turn| Action::ClientEvent { socket, turn };
        let s = replay(
            DownloadState::default(),
            vec![
                on(5, Turn::Recv(9)),
                Action::OpenClient(5),
                Action::Say(Turn::Sent("po".into())),
                Action::Say(Turn::Paused(1000)),
                on(6, Turn::Recv(7)),
                on(5, Turn::Recv(1024)),
                on(5, Turn::Recv(500)),
                on(5, Turn::End),
            ],
        );
        assert_eq!(s.client_bytes(), 1524);
        assert_eq!(s.turns.len(), 5);
        assert_eq!(s.turns.last(), Some(&Turn::End));
        let s = replay(s, vec![Action::OpenClient(8)]);
        assert!(s.turns.is_empty());
        let many = (0..MAX_TURNS + 5).map(|_| on(8, Turn::Recv(1)));
        assert_eq!(replay(s, many).turns.len(), MAX_TURNS);
    }
}
