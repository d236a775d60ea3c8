//! The course server's "whole file in memory" shown live (download step 7): the lab's server is
//! started reading each file whole (`data = f.read()`, as the course's server does), the relay's
//! downloader fetches photo.bin from it, and the server's log line says how much memory that
//! took beside the file's size, and the relay's memory before and while holding it (where the
//! system tells). The same with the streaming server, for comparison: no file in memory.

use protocol::{DownloadMode, HeldMemory, WHOLE_FILE_CAP};
use yew::prelude::*;

use super::lab::{log_line, outcome_name};
use super::predict::Predict;
use super::shared::{server_port, use_download_lab};
use super::state::{Action, Server};
use crate::components::ErrorBox;
use crate::i18n::{LangCtx, use_lang};

/// The file served both ways: several MiB, enough to show in the relay's memory.
pub const NAME: &str = "photo.bin";

#[function_component]
pub fn MemoryDemo() -> Html {
    let lang = use_lang();
    let lab = use_download_lab();
    let connected = lab.relay().connected();
    let port = server_port(&lab);
    let serve = |read_whole: bool| {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            lab.dispatch(Action::Prepare);
            lab.run(move |ops| async move {
                // The same port, now served the other way (the relay moves its one server).
                match ops.relay.file_server_start(port, read_whole).await {
                    Ok(fs) => ops.dispatch(Action::ShowServer(Server {
                        local: fs.local,
                        files: fs.files,
                        read_whole,
                    })),
                    Err(e) => return ops.dispatch(Action::Fail(e)),
                }
                let started =
                    ops.relay
                        .download_start("127.0.0.1", port, NAME, DownloadMode::UntilEnd);
                ops.dispatch(match started.await {
                    Ok(id) => Action::Start(id),
                    Err(e) => Action::Fail(e),
                });
            });
        })
    };
    let ready = connected && !lab.busy() && lab.download.is_none();
    let latest = lab.served.iter().find(|r| r.name == NAME);
    let size = lab
        .server
        .as_ref()
        .and_then(|s| s.files.iter().find(|f| f.name == NAME))
        .map(|f| f.size);
    html! {
        <div class="lab download-memory" data-testid="download-memory">
            <Predict id="memory"
                question={lang.t(key!("download.memory.q"))}
                options={vec![
                    AttrValue::from(lang.t(key!("download.memory.q_buffer"))),
                    AttrValue::from(lang.t(key!("download.memory.q_whole"))),
                    AttrValue::from(lang.t(key!("download.memory.q_nothing"))),
                ]}
                answer={1}
                explain={lang.t(key!("download.memory.q_explain"))} />
            <div class="row">
                <button class="primary" onclick={serve(true)} disabled={!ready} data-testid="memory-whole">
                    { lang.t(key!("download.memory.whole")) }
                </button>
                <button onclick={serve(false)} disabled={!ready} data-testid="memory-stream">
                    { lang.t(key!("download.memory.stream")) }
                </button>
            </div>
            if let Some(e) = &lab.error {
                <ErrorBox error={e.clone()} testid="download-error" />
            }
            if let Some(r) = latest {
                <div class="memory-figures" data-testid="memory-figures" data-outcome={outcome_name(r.outcome)}
                    data-held={r.memory.as_ref().map_or(0, |m| m.held).to_string()}>
                    <p>{ log_line(&lang, r) }</p>
                    { figures(&lang, r.memory.as_ref(), size) }
                </div>
            }
        </div>
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_048_576.0)
}

/// The memory the log line reports, beside the file's size and the cap.
fn figures(lang: &LangCtx, memory: Option<&HeldMemory>, size: Option<u64>) -> Html {
    let size = size.map_or_else(|| "?".to_owned(), mib);
    let cap = mib(WHOLE_FILE_CAP);
    let Some(m) = memory else {
        return html! { <p class="verdict ok" data-testid="memory-verdict" data-grew="0">{ lang.tf(fill!("download.memory.streamed", size = &size)) }</p> };
    };
    let grew = match (m.rss_before, m.rss_holding) {
        (Some(before), Some(holding)) => holding.saturating_sub(before).to_string(),
        _ => "?".to_owned(),
    };
    let rss = match (m.rss_before, m.rss_holding) {
        (Some(before), Some(holding)) => lang.tf(fill!(
            "download.memory.rss",
            before = &mib(before),
            holding = &mib(holding),
            grew = &mib(holding.saturating_sub(before))
        )),
        _ => lang.t(key!("download.memory.no_rss")).to_owned(),
    };
    html! {
        <>
            <table class="memory-table">
                <tr><th>{ lang.t(key!("download.memory.file")) }</th><td>{ format!("{size} MiB") }</td></tr>
                <tr><th>{ lang.t(key!("download.memory.held")) }</th><td data-testid="memory-held">{ format!("{} MiB", mib(m.held)) }</td></tr>
                <tr><th>{ lang.t(key!("download.memory.cap")) }</th><td>{ format!("{cap} MiB") }</td></tr>
            </table>
            <p class="verdict bad" data-testid="memory-verdict" data-grew={grew}>{ rss }</p>
        </>
    }
}
