//! One file server per lab, shared by every step of the lesson. Each step's widget is its own
//! component with its own reducer, so without this a step change forgot the server the learner
//! had started: the next step offered "Start the file server" again, the relay still held the
//! port, and its log lines went to a component that no longer existed. What must outlive a
//! step (the server and its log) is kept here, per relay session, and handed to the next step.

use std::cell::RefCell;

use protocol::ServedReport;
use yew::prelude::*;

use super::state::{Action, DownloadState, Server};
use crate::lab::{LabHandle, use_lab};

/// What the lab's steps share: the server and its log, for one relay session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept {
    pub session: u64,
    pub server: Option<Server>,
    pub served: Vec<ServedReport>,
}

thread_local! {
    // The page is single-threaded (wasm): one cell for the whole lesson.
    static KEPT: RefCell<Kept> = RefCell::default();
}

/// What a step mounted in `session` inherits (nothing from another session: its server is gone).
pub fn kept(session: u64) -> Option<Kept> {
    KEPT.with(|k| {
        let k = k.borrow();
        (k.session == session).then(|| k.clone())
    })
}

fn keep(kept: Kept) {
    KEPT.with(|k| *k.borrow_mut() = kept);
}

/// The download lab of a step: [`use_lab`], plus the server and log the earlier steps left.
#[hook]
pub fn use_download_lab() -> LabHandle<DownloadState> {
    let lab = use_lab::<DownloadState>();
    let session = lab.relay().session();
    {
        // After `use_lab`'s own reset for the session, so the inherited server wins on mount.
        let lab = lab.clone();
        use_effect_with((), move |_| {
            if let Some(k) = kept(session) {
                lab.dispatch(Action::Restore {
                    server: k.server,
                    served: k.served,
                });
            }
        });
    }
    {
        let deps = (session, lab.server.clone(), lab.served.clone());
        use_effect_with(deps, move |(session, server, served)| {
            keep(Kept {
                session: *session,
                server: server.clone(),
                served: served.clone(),
            });
        });
    }
    lab
}

/// Starts (or moves) the lab's file server on `port`; the answer becomes every step's server.
pub fn start_server(lab: &LabHandle<DownloadState>, port: u16, read_whole: bool) {
    lab.run(move |ops| async move {
        ops.dispatch(match ops.relay.file_server_start(port, read_whole).await {
            Ok(fs) => Action::ShowServer(Server {
                local: fs.local,
                files: fs.files,
                read_whole,
            }),
            Err(e) => Action::Fail(e),
        });
    });
}

/// The port to use: the running server's, else the course's.
pub fn server_port(lab: &DownloadState) -> u16 {
    lab.server
        .as_ref()
        .map_or(super::lab::COURSE_PORT, |s| s.local.port())
}
