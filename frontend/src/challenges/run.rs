//! The streamed checks of one run: one row per check with what was sent and what came back
//! (hex and text), the time it took, pass or fail, and the hint for the likely failure.

use yew::prelude::*;

use super::state::{CheckRow, Ending, Outcome, RunState};
use crate::components::{BytesView, Prose};
use crate::i18n::LangCtx;
use crate::text::codec::Encoding;

/// At most this many bytes of a check are drawn (the checker may move megabytes).
const SHOWN_BYTES: usize = 96;

/// The bytes as text the way the course would read them: UTF-8 when they are valid UTF-8,
/// else GBK (what a Chinese Windows sends), with the encoding named.
fn as_text(bytes: &[u8]) -> (String, &'static str) {
    match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_owned(), Encoding::Utf8.label()),
        Err(_) => (
            crate::text::web::decode(Encoding::Gbk, bytes),
            Encoding::Gbk.label(),
        ),
    }
}

fn bytes_block(
    lang: &LangCtx,
    label: crate::i18n::Key,
    bytes: &[u8],
    testid: &'static str,
) -> Html {
    if bytes.is_empty() {
        return Html::default();
    }
    let shown = &bytes[..bytes.len().min(SHOWN_BYTES)];
    let (text, enc) = as_text(shown);
    html! {
        <div class="check-bytes" data-testid={testid}>
            <span class="check-label">{ lang.t(label) }</span>
            <BytesView bytes={shown.to_vec()} />
            if bytes.len() > shown.len() {
                <span class="hint">{ lang.tf(fill!("chal.more_bytes", n = &bytes.len().to_string())) }</span>
            }
            <code class="check-text" data-testid={format!("{testid}-text")}>{ format!("{text:?} ({enc})") }</code>
        </div>
    }
}

/// The hint's text with its values filled in.
pub fn hint_text(lang: &LangCtx, row: &CheckRow) -> Option<String> {
    let hint = row.hint.as_ref()?;
    let args: Vec<(&str, &str)> = row
        .args
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    Some(lang.tf_named(&format!("chal.hint.{hint}"), &args))
}

fn mark(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "✓",
        Outcome::Fail => "✗",
        Outcome::Info => "i",
    }
}

fn row_view(lang: &LangCtx, row: &CheckRow) -> Html {
    let outcome = row.outcome.name();
    let args: Vec<(&str, &str)> = row
        .args
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    html! {
        <li class={classes!("check-row", outcome)} data-testid="check-row" data-check={row.check.clone()} data-outcome={outcome}>
            <div class="check-head">
                <span class="check-mark" aria-hidden="true">{ mark(row.outcome) }</span>
                <strong class="check-title">{ lang.tf_named(&format!("chal.check.{}", row.check), &args) }</strong>
                <span class="visually-hidden">{ lang.t_named(&format!("chal.{outcome}")) }</span>
                <span class="check-time" data-testid="check-time">{ lang.tf(fill!("chal.elapsed", ms = &row.elapsed_ms.to_string())) }</span>
            </div>
            { bytes_block(lang, key!("chal.sent"), &row.sent, "check-sent") }
            { bytes_block(lang, key!("chal.received"), &row.received, "check-received") }
            if let Some(hint) = hint_text(lang, row) {
                <div class="check-hint" data-testid="check-hint"><Prose text={hint} /></div>
            }
        </li>
    }
}

/// The run's status line and its rows.
pub fn view(lang: &LangCtx, s: &RunState) -> Html {
    let status = match (s.running(), s.ended) {
        (true, _) => Some(("running", lang.t(key!("chal.running")))),
        (false, Some(Ending::Passed)) => Some(("passed", lang.t(key!("chal.passed")))),
        (false, Some(Ending::Failed)) => Some(("failed", lang.t(key!("chal.failed")))),
        (false, Some(Ending::Cancelled)) => Some(("cancelled", lang.t(key!("chal.cancelled")))),
        (false, None) => None,
    };
    html! {
        <>
            if let Some(setup) = &s.setup {
                <dl class="facts chal-setup" data-testid="chal-setup">
                    { for super::wire::setup_rows(setup).into_iter().map(|(k, v)| html! {
                        <><dt>{ lang.t_named(&format!("chal.setup.{k}")) }</dt><dd data-testid={format!("chal-setup-{k}")}>{ v.clone() }</dd></>
                    }) }
                </dl>
            }
            if let Some((state, text)) = status {
                <p class={classes!("chal-status", state)} role="status" data-testid="chal-status" data-state={state}>{ text }</p>
            }
            <ol class="check-list" data-testid="check-list" aria-live="polite">
                { for s.checks.iter().map(|r| row_view(lang, r)) }
            </ol>
        </>
    }
}
