//! Lesson "download" (curriculum 8): the course's file protocol (name in, raw bytes out,
//! close), its bugs shown live against the relay's file server (one recv(1024) truncates,
//! missing and empty look alike, "../" is refused here but not in the course's server, a name
//! may arrive in pieces), then the relay's downloader doing it right, and the learner's own
//! Python programs against both.

mod lab;
mod python;
mod state;

use yew::prelude::*;

use super::{Lesson, Step};
use crate::components::PythonCode;
use crate::i18n::use_lang;
use lab::DownloadLab;
use protocol::DownloadMode;

pub static LESSON: Lesson = Lesson {
    slug: "download",
    title: key!("lesson.download.title"),
    summary: key!("lesson.download.summary"),
    steps: &[
        Step {
            id: "protocol",
            title: key!("download.protocol.title"),
            body: key!("download.protocol.body"),
            widget: Some(|| html! { <CourseProgram side={Side::Client} /> }),
            needs_relay: false,
        },
        Step {
            id: "truncated",
            title: key!("download.truncated.title"),
            body: key!("download.truncated.body"),
            widget: Some(
                || html! { <DownloadLab name="poem.txt" mode={DownloadMode::CourseOnce} /> },
            ),
            needs_relay: true,
        },
        Step {
            id: "status",
            title: key!("download.status.title"),
            body: key!("download.status.body"),
            widget: Some(
                || html! { <DownloadLab name="empty.txt" mode={DownloadMode::UntilEnd} /> },
            ),
            needs_relay: true,
        },
        Step {
            id: "traversal",
            title: key!("download.traversal.title"),
            body: key!("download.traversal.body"),
            widget: Some(
                || html! { <DownloadLab name="../../etc/passwd" mode={DownloadMode::UntilEnd} /> },
            ),
            needs_relay: true,
        },
        Step {
            id: "framing",
            title: key!("download.framing.title"),
            body: key!("download.framing.body"),
            widget: Some(|| html! { <Framing /> }),
            needs_relay: false,
        },
        Step {
            id: "downloader",
            title: key!("download.downloader.title"),
            body: key!("download.downloader.body"),
            widget: Some(
                || html! { <DownloadLab name="photo.bin" mode={DownloadMode::UntilEnd} /> },
            ),
            needs_relay: true,
        },
        Step {
            id: "python",
            title: key!("download.python.title"),
            body: key!("download.python.body"),
            widget: Some(|| html! { <CourseProgram side={Side::Server} /> }),
            needs_relay: false,
        },
    ],
};

/// One send of a name, and the pieces recv may return it in.
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
    let lang = use_lang().lang;
    let code = match props.side {
        Side::Client => python::course_client(lang),
        Side::Server => python::course_server(lang),
    };
    html! { <PythonCode code={code} /> }
}

#[function_component]
fn Framing() -> Html {
    let lang = use_lang();
    let pieces = [
        ["photo.bin"].as_slice(),
        ["pho", "to.bin"].as_slice(),
        ["p", "hoto.b", "in"].as_slice(),
    ];
    html! {
        <div class="lab download-framing" data-testid="download-framing">
            <p class="hint">{ lang.t(key!("download.framing.sent")) }{ " " }<code>{ "send(b'photo.bin')" }</code></p>
            <ul>
                { for pieces.iter().map(|p| html! {
                    <li>{ lang.t(key!("download.framing.recvs")) }{ " " }
                        { for p.iter().map(|s| html! { <code class="download-piece">{ format!("b'{s}'") }</code> }) }
                    </li>
                }) }
            </ul>
            <p class="hint">{ lang.t(key!("download.framing.fix")) }</p>
            <pre><code>{ "sock.sendall(len(name).to_bytes(2, 'big') + name)   # length prefix\nsock.sendall(name + b'\\n')                            # or a delimiter" }</code></pre>
        </div>
    }
}
