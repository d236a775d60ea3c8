//! The lab: start the relay's file server (the course's protocol, port 7890), ask the relay's
//! downloader for a file (course mode: one recv(1024); or until end of stream), watch the
//! progress, compare what arrived with what was served, and read the server's log.

use protocol::{
    DownloadMode, DownloadReport, DownloadStatus, RefuseReason, ServeOutcome, ServedReport,
};
use yew::prelude::*;

use super::shared::{kept, start_server, use_download_lab};
use super::state::{Action, Progress};
use crate::components::{ErrorBox, on_text, parse_port};
use crate::i18n::{Key, LangCtx, use_lang};

/// The course's port.
pub const COURSE_PORT: u16 = 7890;

#[derive(Properties, PartialEq)]
pub struct DownloadLabProps {
    /// The name the step suggests.
    pub name: AttrValue,
    pub mode: DownloadMode,
}

#[function_component]
pub fn DownloadLab(props: &DownloadLabProps) -> Html {
    let lang = use_lang();
    let lab = use_download_lab();
    let connected = lab.relay().connected();
    let name = use_state(|| props.name.to_string());
    // The port of the server an earlier step started, so this step downloads from it.
    let session = lab.relay().session();
    let port = use_state(|| {
        kept(session)
            .and_then(|k| k.server)
            .map_or(COURSE_PORT, |s| s.local.port())
            .to_string()
    });
    let mode = use_state(|| props.mode);

    let port_parsed = parse_port(&port);
    let onstart = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(port) = port_parsed {
                start_server(&lab, port, false);
            }
        })
    };
    let ondownload = {
        let (lab, name, mode) = (lab.clone(), name.clone(), mode.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(port) = port_parsed else { return };
            let (name, mode) = ((*name).clone(), *mode);
            lab.dispatch(Action::Prepare);
            lab.run(move |ops| async move {
                let started = ops.relay.download_start("127.0.0.1", port, &name, mode);
                ops.dispatch(match started.await {
                    Ok(id) => Action::Start(id),
                    Err(e) => Action::Fail(e),
                });
            });
        })
    };
    let oncancel = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(download) = lab.download else { return };
            let relay = lab.relay().clone();
            // The answer does not matter: `download_finished` (cancelled) follows either way.
            yew::platform::spawn_local(async move {
                let _ = relay.download_cancel(download).await;
            });
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

    let s = &*lab;
    let files = s
        .server
        .as_ref()
        .map(|server| server.files.clone())
        .unwrap_or_default();
    let pick = |n: String| {
        let name = name.clone();
        Callback::from(move |_: MouseEvent| name.set(n.clone()))
    };
    html! {
        <div class="lab download-lab" data-testid="download-lab">
            <div class="row">
                <label>{ lang.t(key!("download.lab.port")) }
                    <input type="text" inputmode="numeric" class="port-input" value={(*port).clone()} oninput={on_text(&port)} data-testid="download-port" />
                </label>
                <button onclick={onstart} disabled={port_parsed.is_err() || !connected || lab.busy()} data-testid="download-server-start">
                    { lang.t(key!("download.lab.start_server")) }
                </button>
                if let Some(server) = &s.server {
                    <span class="hint" data-testid="download-server-on">{ lang.tf(fill!("download.lab.server_on", addr = &server.local.to_string())) }</span>
                }
            </div>
            if !files.is_empty() {
                <table class="download-files" data-testid="download-files">
                    <tr><th>{ lang.t(key!("download.lab.file")) }</th><th>{ lang.t(key!("download.lab.size")) }</th><th>{ "SHA-256" }</th></tr>
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
                <label>{ lang.t(key!("download.lab.name")) }
                    <input type="text" value={(*name).clone()} oninput={on_text(&name)} data-testid="download-name" />
                </label>
                <label>{ lang.t(key!("download.lab.mode")) }
                    <select onchange={onmode} data-testid="download-mode">
                        <option value="course_once" selected={*mode == DownloadMode::CourseOnce}>{ lang.t(key!("download.lab.mode_once")) }</option>
                        <option value="until_end" selected={*mode == DownloadMode::UntilEnd}>{ lang.t(key!("download.lab.mode_loop")) }</option>
                    </select>
                </label>
                <button class="primary" onclick={ondownload} disabled={s.download.is_some() || port_parsed.is_err() || !connected || lab.busy()} data-testid="download-start">
                    { lang.t(key!("download.lab.download")) }
                </button>
                if s.download.is_some() {
                    <button onclick={oncancel} data-testid="download-cancel">{ lang.t(key!("download.lab.cancel")) }</button>
                }
            </div>
            if let Err(e) = port_parsed {
                <p class="field-error" role="alert">{ lang.t(e.key()) }</p>
            }
            { progress_bar(&lang, &s.progress, s.report.is_some()) }
            if let Some(e) = &s.error {
                <ErrorBox error={e.clone()} testid="download-error" />
            }
            if let Some(r) = &s.report {
                { report_view(&lang, r) }
            }
            <h3>{ lang.t(key!("download.lab.log")) }</h3>
            <ul class="download-log" data-testid="download-log">
                { for s.served.iter().map(|r| html! { <li data-outcome={outcome_name(r.outcome)} data-name={r.name.clone()}>{ log_line(&lang, r) }</li> }) }
            </ul>
        </div>
    }
}

fn short(sha: &str) -> String {
    sha.chars().take(16).collect::<String>() + "…"
}

/// The time left at the rate so far; "–" once the download has ended (the course's one
/// `recv(1024)` ends it long before the file's end) or while nothing tells.
fn time_left(p: &Progress, rate: f64, ended: bool) -> String {
    match (p.total, rate > 0.0, ended) {
        (Some(t), true, false) if t > p.received => {
            format!("{:.1} s", (t - p.received) as f64 / rate)
        }
        _ => "–".to_owned(),
    }
}

/// Rate and time left, computed here from what arrived and how long it took.
fn progress_bar(lang: &LangCtx, p: &Progress, ended: bool) -> Html {
    let rate = if p.elapsed_ms > 0 {
        p.received as f64 * 1000.0 / p.elapsed_ms as f64
    } else {
        0.0
    };
    let percent = p
        .total
        .filter(|t| *t > 0)
        .map(|t| (p.received as f64 * 100.0 / t as f64).min(100.0));
    let left = time_left(p, rate, ended);
    html! {
        <div class="download-progress" data-testid="download-progress" data-received={p.received.to_string()}>
            <progress max="100" value={percent.unwrap_or(0.0).to_string()}></progress>
            <span>{ lang.tf(fill!("download.lab.progress", received = &p.received.to_string(), total = &p.total.map_or("?".to_owned(), |t| t.to_string()), rate = &format!("{:.1}", rate / 1_048_576.0), left = &left)) }</span>
        </div>
    }
}

fn status_key(s: DownloadStatus) -> Key {
    match s {
        DownloadStatus::Complete => key!("download.status.complete"),
        DownloadStatus::CourseOnce => key!("download.status.course_once"),
        DownloadStatus::NothingReceived => key!("download.status.nothing"),
        DownloadStatus::Failed => key!("download.status.failed"),
        DownloadStatus::Cancelled => key!("download.status.cancelled"),
    }
}

fn report_view(lang: &LangCtx, r: &DownloadReport) -> Html {
    let matches = r.expected_sha256.as_deref() == Some(r.sha256.as_str())
        && r.expected_size == Some(r.received);
    let (kind, verdict) = if !r.own_server {
        ("unknown", lang.t(key!("download.verdict.unknown")))
    } else if r.expected_size.is_none() {
        ("missing", lang.t(key!("download.verdict.missing")))
    } else if matches {
        ("match", lang.t(key!("download.verdict.match")))
    } else {
        ("differs", lang.t(key!("download.verdict.differs")))
    };
    let dash = || "–".to_owned();
    html! {
        <div class="download-report" data-testid="download-report" data-status={format!("{:?}", r.status)} data-match={matches.to_string()}>
            <p class="verdict">{ lang.t(status_key(r.status)) }</p>
            <table>
                <tr><th></th><th>{ lang.t(key!("download.lab.received")) }</th><th>{ lang.t(key!("download.lab.served")) }</th></tr>
                <tr><th>{ lang.t(key!("download.lab.size")) }</th>
                    <td data-testid="download-got-size">{ r.received }</td>
                    <td data-testid="download-want-size">{ r.expected_size.map_or_else(dash, |s| s.to_string()) }</td></tr>
                <tr><th>{ "SHA-256" }</th>
                    <td><code data-testid="download-got-sha">{ r.sha256.clone() }</code></td>
                    <td><code>{ r.expected_sha256.clone().unwrap_or_else(dash) }</code></td></tr>
            </table>
            <p class={if matches { "verdict ok" } else { "verdict bad" }} data-testid="download-verdict" data-verdict={kind}>{ verdict }</p>
            if r.completeness == Some(protocol::Completeness::AsFarAsTheProtocolCanTell) {
                <p class="hint" data-testid="download-completeness">{ lang.t(key!("download.completeness.as_far")) }</p>
            }
            if let Some(path) = &r.saved_as {
                <p class="hint">{ lang.tf(fill!("download.lab.saved", path = path)) }</p>
            } else {
                <p class="hint">{ lang.t(key!("download.lab.not_saved")) }</p>
            }
            if let Some(e) = &r.error {
                <ErrorBox error={e.clone()} testid="download-failed" />
            }
        </div>
    }
}

pub fn outcome_name(o: ServeOutcome) -> &'static str {
    match o {
        ServeOutcome::Sent => "sent",
        ServeOutcome::Missing => "missing",
        ServeOutcome::Refused => "refused",
        ServeOutcome::Failed => "failed",
    }
}

fn outcome_key(o: ServeOutcome) -> Key {
    match o {
        ServeOutcome::Sent => key!("download.log.sent"),
        ServeOutcome::Missing => key!("download.log.missing"),
        ServeOutcome::Refused => key!("download.log.refused"),
        ServeOutcome::Failed => key!("download.log.failed"),
    }
}

fn reason_key(r: RefuseReason) -> Key {
    match r {
        RefuseReason::EmptyName => key!("download.reason.empty_name"),
        RefuseReason::NotUtf8 => key!("download.reason.not_utf8"),
        RefuseReason::NulByte => key!("download.reason.nul_byte"),
        RefuseReason::Backslash => key!("download.reason.backslash"),
        RefuseReason::Absolute => key!("download.reason.absolute"),
        RefuseReason::DotDot => key!("download.reason.dot_dot"),
        RefuseReason::TooLong => key!("download.reason.too_long"),
        RefuseReason::OutsideFolder => key!("download.reason.outside_folder"),
        RefuseReason::NotAFile => key!("download.reason.not_a_file"),
        RefuseReason::ReservedName => key!("download.reason.reserved_name"),
        RefuseReason::AlternateStream => key!("download.reason.alternate_stream"),
        RefuseReason::DriveRelative => key!("download.reason.drive_relative"),
        RefuseReason::Unc => key!("download.reason.unc"),
        RefuseReason::TrailingDotOrSpace => key!("download.reason.trailing_dot_or_space"),
        RefuseReason::CaseMismatch => key!("download.reason.case_mismatch"),
        RefuseReason::TooBigToHold => key!("download.reason.too_big_to_hold"),
    }
}

pub fn log_line(lang: &LangCtx, r: &ServedReport) -> String {
    let reason = r
        .reason
        .map(|reason| lang.t(reason_key(reason)).to_owned())
        .unwrap_or_default();
    lang.tf(outcome_key(r.outcome).fill(&[
        ("peer", &r.peer.to_string()),
        ("name", &r.name),
        ("bytes", &r.bytes.to_string()),
        ("recvs", &r.name_recvs.to_string()),
        ("reason", &reason),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_time_is_left_once_the_download_has_ended() {
        // The course's client: one recv(1024) of a 6 MiB file, then the end.
        let p = Progress {
            received: 1024,
            total: Some(6 * 1024 * 1024),
            elapsed_ms: 1,
        };
        assert_eq!(time_left(&p, 1_024_000.0, true), "–");
        assert_eq!(time_left(&p, 1_024_000.0, false), "6.1 s");
        assert_eq!(time_left(&p, 0.0, false), "–");
    }
}
