//! The lab: start the relay's file server (the course's protocol, port 7890), ask the relay's
//! downloader for a file (course mode: one recv(1024); or until end of stream), watch the
//! progress, compare what arrived with what was served, and read the server's log.

use std::rc::Rc;

use protocol::{
    DownloadMode, DownloadReport, DownloadStatus, FileEntry, RelayError, Reply, Request,
    ServeOutcome, ServedReport, ServerMessage,
};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::{ErrorBox, parse_port};
use crate::i18n::{LangCtx, use_lang};
use crate::relay::{use_relay, use_relay_events};

/// The course's port.
pub const COURSE_PORT: u16 = 7890;

#[derive(Properties, PartialEq)]
pub struct DownloadLabProps {
    /// The name the step suggests.
    pub name: AttrValue,
    pub mode: DownloadMode,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Progress {
    received: u64,
    total: Option<u64>,
    elapsed_ms: u64,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct State {
    server: Option<(String, Vec<FileEntry>)>,
    download: Option<u32>,
    progress: Progress,
    report: Option<DownloadReport>,
    error: Option<RelayError>,
    log: Vec<ServedReport>,
}

fn on_text(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        state.set(input.value());
    })
}

#[function_component]
pub fn DownloadLab(props: &DownloadLabProps) -> Html {
    let lang = use_lang();
    let relay = use_relay();
    let name = use_state(|| props.name.to_string());
    let port = use_state(|| COURSE_PORT.to_string());
    let mode = use_state(|| props.mode);
    let state = use_mut_ref(State::default);
    let redraw = use_force_update();

    {
        let (state, redraw) = (state.clone(), redraw.clone());
        use_relay_events(Callback::from(move |msg: Rc<ServerMessage>| {
            let mut s = state.borrow_mut();
            match &*msg {
                ServerMessage::DownloadProgress {
                    download,
                    received,
                    total,
                    elapsed_ms,
                } if s.download == Some(*download) => {
                    s.progress = Progress {
                        received: *received,
                        total: *total,
                        elapsed_ms: *elapsed_ms,
                    };
                }
                ServerMessage::DownloadFinished(r) if s.download == Some(r.download) => {
                    s.report = Some(r.clone());
                    s.download = None;
                }
                ServerMessage::FileServed(r) => {
                    s.log.insert(0, r.clone());
                    s.log.truncate(8);
                }
                _ => return,
            }
            drop(s);
            redraw.force_update();
        }));
    }

    let port_parsed = parse_port(&port);
    let onstart = {
        let (relay, state, redraw) = (relay.clone(), state.clone(), redraw.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(port) = port_parsed else { return };
            let call = relay.call(Request::FileServerStart { port });
            let (state, redraw) = (state.clone(), redraw.clone());
            spawn_local(async move {
                let answer = call.await;
                let mut s = state.borrow_mut();
                match answer {
                    Ok(Reply::FileServer { local, files, .. }) => {
                        s.server = Some((local.to_string(), files));
                        s.error = None;
                    }
                    Ok(_) => {}
                    Err(e) => s.error = Some(e),
                }
                drop(s);
                redraw.force_update();
            });
        })
    };
    let ondownload = {
        let (relay, state, redraw, name, mode) = (
            relay.clone(),
            state.clone(),
            redraw.clone(),
            name.clone(),
            mode.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Ok(port) = port_parsed else { return };
            {
                let mut s = state.borrow_mut();
                s.report = None;
                s.error = None;
                s.progress = Progress::default();
            }
            let call = relay.call(Request::DownloadStart {
                host: "127.0.0.1".into(),
                port,
                name: (*name).clone(),
                mode: *mode,
            });
            let (state, redraw) = (state.clone(), redraw.clone());
            spawn_local(async move {
                let answer = call.await;
                let mut s = state.borrow_mut();
                match answer {
                    Ok(Reply::DownloadStarted { download }) => s.download = Some(download),
                    Ok(_) => {}
                    Err(e) => s.error = Some(e),
                }
                drop(s);
                redraw.force_update();
            });
        })
    };
    let oncancel = {
        let (relay, state) = (relay.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(download) = state.borrow().download {
                relay.request(Request::DownloadCancel { download }, Callback::noop());
            }
        })
    };
    let onmode = {
        let mode = mode.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            mode.set(if select.value() == "course_once" {
                DownloadMode::CourseOnce
            } else {
                DownloadMode::UntilEnd
            });
        })
    };

    let s = state.borrow();
    let files = s
        .server
        .as_ref()
        .map(|(_, f)| f.clone())
        .unwrap_or_default();
    let pick = |n: String| {
        let name = name.clone();
        Callback::from(move |_: MouseEvent| name.set(n.clone()))
    };
    html! {
        <div class="lab download-lab" data-testid="download-lab">
            <div class="row">
                <label>{ lang.t("download.lab.port") }
                    <input type="text" inputmode="numeric" class="port-input" value={(*port).clone()} oninput={on_text(&port)} data-testid="download-port" />
                </label>
                <button onclick={onstart} disabled={port_parsed.is_err() || !relay.connected()} data-testid="download-server-start">
                    { lang.t("download.lab.start_server") }
                </button>
                if let Some((local, _)) = &s.server {
                    <span class="hint" data-testid="download-server-on">{ lang.tf("download.lab.server_on", &[("addr", local)]) }</span>
                }
            </div>
            if !files.is_empty() {
                <table class="download-files" data-testid="download-files">
                    <tr><th>{ lang.t("download.lab.file") }</th><th>{ lang.t("download.lab.size") }</th><th>{ "SHA-256" }</th></tr>
                    { for files.iter().map(|f| html! {
                        <tr>
                            <td><button class="link" onclick={pick(f.name.clone())}>{ f.name.clone() }</button></td>
                            <td>{ f.size }</td>
                            <td><code>{ short(&f.sha256) }</code></td>
                        </tr>
                    }) }
                </table>
            }
            <div class="row">
                <label>{ lang.t("download.lab.name") }
                    <input type="text" value={(*name).clone()} oninput={on_text(&name)} data-testid="download-name" />
                </label>
                <label>{ lang.t("download.lab.mode") }
                    <select onchange={onmode} data-testid="download-mode">
                        <option value="course_once" selected={*mode == DownloadMode::CourseOnce}>{ lang.t("download.lab.mode_once") }</option>
                        <option value="until_end" selected={*mode == DownloadMode::UntilEnd}>{ lang.t("download.lab.mode_loop") }</option>
                    </select>
                </label>
                <button class="primary" onclick={ondownload} disabled={s.download.is_some() || port_parsed.is_err() || !relay.connected()} data-testid="download-start">
                    { lang.t("download.lab.download") }
                </button>
                if s.download.is_some() {
                    <button onclick={oncancel} data-testid="download-cancel">{ lang.t("download.lab.cancel") }</button>
                }
            </div>
            if let Err(e) = port_parsed {
                <p class="field-error" role="alert">{ lang.t(e.key()) }</p>
            }
            { progress_bar(&lang, &s.progress) }
            if let Some(e) = &s.error {
                <ErrorBox error={e.clone()} testid="download-error" />
            }
            if let Some(r) = &s.report {
                { report_view(&lang, r) }
            }
            <h3>{ lang.t("download.lab.log") }</h3>
            <ul class="download-log" data-testid="download-log">
                { for s.log.iter().map(|r| html! { <li data-outcome={outcome_name(r.outcome)}>{ log_line(&lang, r) }</li> }) }
            </ul>
        </div>
    }
}

fn short(sha: &str) -> String {
    sha.chars().take(16).collect::<String>() + "…"
}

/// Rate and time left, computed here from what arrived and how long it took.
fn progress_bar(lang: &LangCtx, p: &Progress) -> Html {
    let rate = if p.elapsed_ms > 0 {
        p.received as f64 * 1000.0 / p.elapsed_ms as f64
    } else {
        0.0
    };
    let percent = p
        .total
        .filter(|t| *t > 0)
        .map(|t| (p.received as f64 * 100.0 / t as f64).min(100.0));
    let left = match (p.total, rate > 0.0) {
        (Some(t), true) if t > p.received => format!("{:.1} s", (t - p.received) as f64 / rate),
        _ => "–".to_owned(),
    };
    html! {
        <div class="download-progress" data-testid="download-progress" data-received={p.received.to_string()}>
            <progress max="100" value={percent.unwrap_or(0.0).to_string()}></progress>
            <span>{ lang.tf("download.lab.progress", &[
                ("received", &p.received.to_string()),
                ("total", &p.total.map_or("?".to_owned(), |t| t.to_string())),
                ("rate", &format!("{:.1}", rate / 1_048_576.0)),
                ("left", &left),
            ]) }</span>
        </div>
    }
}

fn status_key(s: DownloadStatus) -> &'static str {
    match s {
        DownloadStatus::Complete => "download.status.complete",
        DownloadStatus::CourseOnce => "download.status.course_once",
        DownloadStatus::NothingReceived => "download.status.nothing",
        DownloadStatus::Failed => "download.status.failed",
        DownloadStatus::Cancelled => "download.status.cancelled",
    }
}

fn report_view(lang: &LangCtx, r: &DownloadReport) -> Html {
    let matches = r.expected_sha256.as_deref() == Some(r.sha256.as_str())
        && r.expected_size == Some(r.received);
    let verdict = if !r.own_server {
        lang.t("download.verdict.unknown")
    } else if r.expected_size.is_none() {
        lang.t("download.verdict.missing")
    } else if matches {
        lang.t("download.verdict.match")
    } else {
        lang.t("download.verdict.differs")
    };
    let dash = || "–".to_owned();
    html! {
        <div class="download-report" data-testid="download-report" data-status={format!("{:?}", r.status)} data-match={matches.to_string()}>
            <p class="verdict">{ lang.t(status_key(r.status)) }</p>
            <table>
                <tr><th></th><th>{ lang.t("download.lab.received") }</th><th>{ lang.t("download.lab.served") }</th></tr>
                <tr><th>{ lang.t("download.lab.size") }</th>
                    <td data-testid="download-got-size">{ r.received }</td>
                    <td data-testid="download-want-size">{ r.expected_size.map_or_else(dash, |s| s.to_string()) }</td></tr>
                <tr><th>{ "SHA-256" }</th>
                    <td><code data-testid="download-got-sha">{ r.sha256.clone() }</code></td>
                    <td><code>{ r.expected_sha256.clone().unwrap_or_else(dash) }</code></td></tr>
            </table>
            <p class={if matches { "verdict ok" } else { "verdict bad" }} data-testid="download-verdict">{ verdict }</p>
            if r.completeness == Some(protocol::Completeness::AsFarAsTheProtocolCanTell) {
                <p class="hint" data-testid="download-completeness">{ lang.t("download.completeness.as_far") }</p>
            }
            if let Some(path) = &r.saved_as {
                <p class="hint">{ lang.tf("download.lab.saved", &[("path", path)]) }</p>
            } else {
                <p class="hint">{ lang.t("download.lab.not_saved") }</p>
            }
            if let Some(e) = &r.error {
                <ErrorBox error={e.clone()} testid="download-failed" />
            }
        </div>
    }
}

fn outcome_name(o: ServeOutcome) -> &'static str {
    match o {
        ServeOutcome::Sent => "sent",
        ServeOutcome::Missing => "missing",
        ServeOutcome::Refused => "refused",
        ServeOutcome::Failed => "failed",
    }
}

fn log_line(lang: &LangCtx, r: &ServedReport) -> String {
    let reason = r
        .reason
        .map(|reason| {
            let key = format!(
                "download.reason.{}",
                serde_json::to_string(&reason)
                    .unwrap_or_default()
                    .trim_matches('"')
            );
            lang.t(&key).to_owned()
        })
        .unwrap_or_default();
    lang.tf(
        &format!("download.log.{}", outcome_name(r.outcome)),
        &[
            ("peer", &r.peer.to_string()),
            ("name", &r.name),
            ("bytes", &r.bytes.to_string()),
            ("recvs", &r.name_recvs.to_string()),
            ("reason", &reason),
        ],
    )
}
