//! Lesson "download" (curriculum 8): the course's file protocol (name in, raw bytes out,
//! close), its bugs shown live against the relay's file server (one recv(1024) truncates,
//! missing and empty look alike, "../" is refused here but not in the course's server, a name
//! may arrive in pieces), then the relay's downloader doing it right, and the learner's own
//! Python programs against both.

mod framing;
mod lab;
mod memory;
mod predict;
mod python;
mod shared;
mod state;

use yew::prelude::*;

use super::{Lesson, Step};
use crate::components::{PythonCode, RelayGate};
use crate::i18n::use_lang;
use framing::Framing;
use lab::DownloadLab;
use memory::MemoryDemo;
use predict::Predict;
use protocol::DownloadMode;

// Each step's lab is keyed by its step: without a key, Yew keeps the previous step's component
// (same type, same place) with its inputs, so step 3 would still suggest step 2's file. What
// must outlive a step, the server and its log, is kept in `shared`.
pub const LESSON: Lesson = Lesson {
    slug: "download",
    title: key!("lesson.download.title"),
    summary: key!("lesson.download.summary"),
    steps: &[
        Step {
            id: "protocol",
            title: key!("download.protocol.title"),
            body: key!("download.protocol.body"),
            widget: Some(|| html! { <CourseProgram key="protocol" side={Side::Client} /> }),
            needs_relay: false,
        },
        Step {
            id: "truncated",
            title: key!("download.truncated.title"),
            body: key!("download.truncated.body"),
            widget: Some(
                || html! { <DownloadLab key="truncated" name="poem.txt" mode={DownloadMode::CourseOnce} /> },
            ),
            needs_relay: true,
        },
        Step {
            id: "status",
            title: key!("download.status.title"),
            body: key!("download.status.body"),
            widget: Some(
                || html! { <DownloadLab key="status" name="empty.txt" mode={DownloadMode::UntilEnd} /> },
            ),
            needs_relay: true,
        },
        Step {
            id: "traversal",
            title: key!("download.traversal.title"),
            body: key!("download.traversal.body"),
            widget: Some(
                || html! { <DownloadLab key="traversal" name="../../etc/passwd" mode={DownloadMode::UntilEnd} /> },
            ),
            needs_relay: true,
        },
        Step {
            id: "framing",
            title: key!("download.framing.title"),
            body: key!("download.framing.body"),
            widget: Some(|| html! { <Framing key="framing" /> }),
            needs_relay: true,
        },
        Step {
            id: "downloader",
            title: key!("download.downloader.title"),
            body: key!("download.downloader.body"),
            widget: Some(
                || html! { <DownloadLab key="downloader" name="photo.bin" mode={DownloadMode::UntilEnd} /> },
            ),
            needs_relay: true,
        },
        Step {
            id: "python",
            title: key!("download.python.title"),
            body: key!("download.python.body"),
            widget: Some(|| {
                html! { <><CourseProgram key="python" side={Side::Server} /><crate::challenges::TryLink lesson="download" /></> }
            }),
            needs_relay: false,
        },
    ],
};

/// Which of the course's two programs.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Client,
    Server,
}

#[derive(Properties, PartialEq)]
struct CourseProgramProps {
    side: Side,
}

/// One of the course's two programs, commented in the page's language.
#[function_component]
fn CourseProgram(props: &CourseProgramProps) -> Html {
    let ctx = use_lang();
    let lang = ctx.lang;
    match props.side {
        // Something to predict before step 2 shows it.
        Side::Client => html! {
            <>
                <PythonCode code={python::course_client(lang)} />
                <Predict id="protocol"
                    question={ctx.t(key!("download.protocol.q"))}
                    options={vec![
                        AttrValue::from(ctx.t(key!("download.protocol.q_all"))),
                        AttrValue::from(ctx.t(key!("download.protocol.q_1024"))),
                        AttrValue::from(ctx.t(key!("download.protocol.q_none"))),
                    ]}
                    answer={1}
                    explain={ctx.t(key!("download.protocol.q_explain"))} />
            </>
        },
        // The server's "whole file in memory", live, with the relay (the code shows without).
        Side::Server => html! {
            <>
                <PythonCode code={python::course_server(lang)} />
                <RelayGate><MemoryDemo /></RelayGate>
            </>
        },
    }
}
