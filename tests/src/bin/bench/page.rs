//! Page weight and paint timing: the tutorial (served by the real relay) against the Yew
//! hello-world (served by [`e2e::StaticServer`]), loaded alternately in one headless Chromium
//! with its HTTP cache disabled, so every load is a first visit.
//!
//! Then the first step as a learner on a weak laptop meets it (issue 14): the CPU throttled 4x
//! (`Emulation.setCPUThrottlingRate`), the cache off, the time from navigation until the first
//! lesson step's widget (`/lesson/intro/1`, `.widget > *`) has been rendered, against the
//! hello-world's `<h1>`. The tutorial draws that page ahead of time (frontend/prerender), so
//! the time until the wasm has drawn it anew, the page live, is printed beside it. A script
//! installed before each document (`Page.addScriptToEvaluateOnNewDocument`) notes the first
//! frame after the element appears.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use e2e::{Browser, Relay, StaticServer};
use flate2::Compression;
use flate2::write::GzEncoder;
use serde::Deserialize;
use serde_json::json;

use crate::Options;
use crate::stats::{header, kib, median, row};

/// Both apps replace `<p class="loading">` inside `#app` when they mount; the tutorial's pages
/// drawn ahead of time (the home page, the first lesson) have `.drawn` copies there instead.
const MOUNTED_WHEN_GONE: &str = "#app > .loading, #app > .drawn";
/// A page that has not mounted by then counts as a failure.
const LOAD_TIMEOUT: Duration = Duration::from_secs(20);
/// The first lesson step (its widget is what a learner waits for).
const FIRST_STEP: &str = "/lesson/intro/1";
/// How much slower than this machine a student's laptop is taken to be.
const THROTTLE: f64 = 4.0;

/// Installed before every document: notes `performance.now()` (ms since navigation) in
/// `window.__firstStep` at the first animation frame after the tutorial's step widget or the
/// hello-world's heading is in the DOM (for the tutorial, drawn ahead of time), and in
/// `window.__live` at the first frame after the wasm has drawn the page (`#app` holds neither
/// the loading line nor a copy drawn ahead of time).
const FIRST_STEP_JS: &str = r#"
(() => {
  const sel = '.widget > *, #app > h1';
  let seen = false, live = false;
  const check = () => {
    if (!live && document.querySelector('#app > *')
        && !document.querySelector('#app > .loading, #app > .drawn')) {
      live = true;
      requestAnimationFrame(() => { window.__live = performance.now(); });
    }
    if (seen || !document.querySelector(sel)) return;
    seen = true;
    requestAnimationFrame(() => { window.__firstStep = performance.now(); });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();
"#;

/// What the page reports about one load (see [`LOAD_REPORT_JS`]).
#[derive(Debug, Deserialize)]
struct LoadReport {
    fcp: Option<f64>,
    lcp: Option<f64>,
    entries: Vec<Entry>,
}

/// One navigation or resource timing entry.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    name: String,
    transfer_size: u64,
    encoded_body_size: u64,
}

/// Waits (up to 5 s) for the first-contentful-paint entry, then returns FCP, the latest LCP
/// candidate and the navigation + resource entries.
const LOAD_REPORT_JS: &str = r#"
const done = arguments[arguments.length - 1];
let lcp = null;
try {
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    if (entries.length) lcp = entries[entries.length - 1].startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
} catch (e) {}
const started = performance.now();
function finish() {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  if (!fcp && performance.now() - started < 5000) { setTimeout(finish, 20); return; }
  const pick = (e) => ({ name: e.name, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize });
  done({
    fcp: fcp ? fcp.startTime : null,
    lcp: lcp,
    entries: performance.getEntriesByType('navigation').concat(
      performance.getEntriesByType('resource')).map(pick),
  });
}
// Let a frame or two pass so the observer has delivered the buffered entries.
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(finish, 0)));
"#;

/// One app's figures.
struct AppFigures {
    name: &'static str,
    /// (file, raw size, gzip -9 size, brotli -q 11 size) for each dist file the first load
    /// fetched.
    files: Vec<(String, u64, u64, u64)>,
    transfer: u64,
    encoded: u64,
    fcp_ms: Vec<f64>,
    lcp_ms: Vec<f64>,
    /// Navigation to the first step's widget (hello: its heading), CPU throttled.
    first_step_ms: Vec<f64>,
    /// Navigation to the end of the wasm's download, in the same loads.
    wasm_arrived_ms: Vec<f64>,
    /// Navigation to the first frame with the page drawn by the wasm, in the same loads.
    live_ms: Vec<f64>,
}

pub struct PageFigures {
    tutorial: AppFigures,
    hello: AppFigures,
}

pub async fn measure(relay: &Relay, options: &Options) -> Result<PageFigures> {
    for dist in [&options.tutorial_dist, &options.hello_dist] {
        if !dist.join("index.html").is_file() {
            bail!(
                "{} has no index.html: build it first (cargo xtask bench does)",
                dist.display()
            );
        }
    }
    let hello_server = StaticServer::start(&options.hello_dist).context("serve the hello app")?;

    let browser = Browser::start().await;
    browser.cdp("Network.enable", json!({})).await;
    browser
        .cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;

    let mut tutorial = AppFigures::new("tutorial");
    let mut hello = AppFigures::new("yew-hello");
    let tutorial_url = relay.url().to_string();
    let hello_url = hello_server.url();
    eprintln!(
        "pages: {} loads of each, alternating (plus one warm-up each)",
        options.loads
    );

    for round in 0..=options.loads {
        // Alternate which goes first so neither always follows the other.
        let order = if round % 2 == 0 {
            [
                (&tutorial_url, &mut tutorial, &options.tutorial_dist),
                (&hello_url, &mut hello, &options.hello_dist),
            ]
        } else {
            [
                (&hello_url, &mut hello, &options.hello_dist),
                (&tutorial_url, &mut tutorial, &options.tutorial_dist),
            ]
        };
        for (url, figures, dist) in order {
            let report = load(&browser, url).await?;
            if round == 0 {
                continue; // warm-up: Chromium's first navigation pays for process start-up
            }
            if figures.files.is_empty() {
                figures.record_weight(&report, dist)?;
            }
            figures
                .fcp_ms
                .push(report.fcp.context("no first-contentful-paint entry")?);
            if let Some(lcp) = report.lcp {
                figures.lcp_ms.push(lcp);
            }
        }
    }

    // The first step on a slow laptop: the same loads, CPU throttled.
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": FIRST_STEP_JS }),
        )
        .await;
    browser
        .cdp(
            "Emulation.setCPUThrottlingRate",
            json!({ "rate": THROTTLE }),
        )
        .await;
    let first_step_url = format!("{}{FIRST_STEP}", relay.base());
    eprintln!(
        "first step: {} throttled loads of each, alternating",
        options.loads
    );
    for round in 0..=options.loads {
        let order = if round % 2 == 0 {
            [(&first_step_url, &mut tutorial), (&hello_url, &mut hello)]
        } else {
            [(&hello_url, &mut hello), (&first_step_url, &mut tutorial)]
        };
        for (url, figures) in order {
            let (shown, wasm, live) = first_step(&browser, url).await?;
            if round > 0 {
                figures.first_step_ms.push(shown);
                figures.wasm_arrived_ms.push(wasm);
                figures.live_ms.push(live);
            }
        }
    }
    browser
        .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }))
        .await;
    browser.quit().await;
    Ok(PageFigures { tutorial, hello })
}

/// One fresh load of `url`, until the app has mounted.
async fn load(browser: &Browser, url: &str) -> Result<LoadReport> {
    // A fresh document each time (same-URL navigations could reuse the page).
    browser.goto("about:blank").await;
    browser.goto_drawn(url).await;
    browser.wait_gone(MOUNTED_WHEN_GONE, LOAD_TIMEOUT).await;
    let value = browser.eval_async(LOAD_REPORT_JS).await;
    serde_json::from_value(value).context("read the page's timing report")
}

/// What the page reports about one throttled load: when the widget showed, when the wasm had
/// arrived and when the wasm had drawn the page, all in ms from navigation.
const FIRST_STEP_REPORT_JS: &str = r#"
const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
return window.__firstStep === undefined || window.__live === undefined ? null
  : [window.__firstStep, wasm ? wasm.responseEnd : null, window.__live];
"#;

/// One fresh load of `url`: milliseconds from navigation to the first step's widget, to the
/// end of the wasm's download and to the page drawn by the wasm.
async fn first_step(browser: &Browser, url: &str) -> Result<(f64, f64, f64)> {
    browser.goto("about:blank").await;
    browser.goto_drawn(url).await;
    let started = std::time::Instant::now();
    loop {
        let value = browser.eval(FIRST_STEP_REPORT_JS).await;
        if let (Some(shown), Some(wasm), Some(live)) =
            (value[0].as_f64(), value[1].as_f64(), value[2].as_f64())
        {
            return Ok((shown, wasm, live));
        }
        if started.elapsed() > LOAD_TIMEOUT {
            bail!("{url}: the first step's widget did not render within {LOAD_TIMEOUT:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

impl AppFigures {
    fn new(name: &'static str) -> Self {
        AppFigures {
            name,
            files: vec![],
            transfer: 0,
            encoded: 0,
            fcp_ms: vec![],
            lcp_ms: vec![],
            first_step_ms: vec![],
            wasm_arrived_ms: vec![],
            live_ms: vec![],
        }
    }

    /// Sums what the load fetched, and gzips the same files from the dist folder.
    fn record_weight(&mut self, report: &LoadReport, dist: &Path) -> Result<()> {
        for entry in &report.entries {
            self.transfer += entry.transfer_size;
            self.encoded += entry.encoded_body_size;
            let file = served_file(dist, url_path(&entry.name));
            let bytes = std::fs::read(dist.join(&file))?;
            self.files
                .push((file, bytes.len() as u64, gzip9(&bytes)?, brotli11(&bytes)?));
        }
        Ok(())
    }

    fn gzip_total(&self) -> u64 {
        self.files.iter().map(|(_, _, gz, _)| gz).sum()
    }

    fn brotli_total(&self) -> u64 {
        self.files.iter().map(|(_, _, _, br)| br).sum()
    }
}

/// `http://127.0.0.1:1234/frontend.js?x#y` -> `frontend.js`.
fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.split_once('/').map_or("", |(_, path)| path);
    path.split(['?', '#']).next().unwrap_or("")
}

/// The file of `dist` the relay answers `path` (no leading `/`) with: the file itself, else the
/// page drawn ahead of time for it, else index.html (the app routes itself).
fn served_file(dist: &Path, path: &str) -> String {
    let drawn = protocol::drawn_page_file(&format!("/{path}"));
    let drawn = drawn.trim_start_matches('/');
    if !path.is_empty() && dist.join(path).is_file() {
        path.to_owned()
    } else if dist.join(drawn).is_file() {
        drawn.to_owned()
    } else {
        "index.html".to_owned()
    }
}

/// Brotli at its best quality, as the tutorial's files are precompressed at build.
fn brotli11(bytes: &[u8]) -> Result<u64> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out.len() as u64)
}

fn gzip9(bytes: &[u8]) -> Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}

impl PageFigures {
    pub fn print(&self) {
        let (t, h) = (&self.tutorial, &self.hello);
        header("Page, first visit (cache disabled)", t.name, h.name);
        let (tg, hg) = (t.gzip_total(), h.gzip_total());
        row(
            &format!(
                "weight: gzip -9 of fetched files ({}/{})",
                t.files.len(),
                h.files.len()
            ),
            &kib(tg),
            &kib(hg),
            tg as f64 / hg as f64,
            Some(2.5),
        );
        let (tb, hb) = (t.brotli_total(), h.brotli_total());
        row(
            "weight: brotli -q 11 of the same files",
            &kib(tb),
            &kib(hb),
            tb as f64 / hb as f64,
            Some(2.5),
        );
        row(
            "weight: bytes on the wire (transferSize)",
            &kib(t.transfer),
            &kib(h.transfer),
            t.transfer as f64 / h.transfer as f64,
            Some(2.5),
        );
        row(
            "  of which bodies (encodedBodySize)",
            &kib(t.encoded),
            &kib(h.encoded),
            t.encoded as f64 / h.encoded as f64,
            None,
        );
        let (tf, hf) = (median(&t.fcp_ms), median(&h.fcp_ms));
        row(
            &format!("first contentful paint, median of {}", t.fcp_ms.len()),
            &format!("{tf:.0} ms"),
            &format!("{hf:.0} ms"),
            tf / hf,
            Some(1.5),
        );
        if !t.lcp_ms.is_empty() && !h.lcp_ms.is_empty() {
            let (tl, hl) = (median(&t.lcp_ms), median(&h.lcp_ms));
            row(
                "largest contentful paint, median",
                &format!("{tl:.0} ms"),
                &format!("{hl:.0} ms"),
                tl / hl,
                None,
            );
        }
        let (ts, hs) = (median(&t.first_step_ms), median(&h.first_step_ms));
        row(
            &format!(
                "first step, CPU /{THROTTLE}, median of {}",
                t.first_step_ms.len()
            ),
            &format!("{ts:.0} ms"),
            &format!("{hs:.0} ms"),
            ts / hs,
            Some(1.5),
        );
        let (tw, hw) = (median(&t.wasm_arrived_ms), median(&h.wasm_arrived_ms));
        row(
            "  of which until the wasm has arrived",
            &format!("{tw:.0} ms"),
            &format!("{hw:.0} ms"),
            tw / hw,
            None,
        );
        let (tl, hl) = (median(&t.live_ms), median(&h.live_ms));
        row(
            "  the page live (drawn by the wasm), median",
            &format!("{tl:.0} ms"),
            &format!("{hl:.0} ms"),
            tl / hl,
            None,
        );
        for app in [t, h] {
            let files: Vec<String> = app
                .files
                .iter()
                .map(|(name, raw, gz, br)| {
                    format!("{name} {} -> gz {} / br {}", kib(*raw), kib(*gz), kib(*br))
                })
                .collect();
            println!("  {}: {}", app.name, files.join(", "));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::url_path;

    #[test]
    fn url_paths() {
        assert_eq!(url_path("http://127.0.0.1:1/"), "");
        assert_eq!(url_path("http://127.0.0.1:1/#token=x"), "");
        assert_eq!(
            url_path("http://127.0.0.1:1/frontend_bg.wasm"),
            "frontend_bg.wasm"
        );
        assert_eq!(url_path("http://127.0.0.1:1/a/b.css?v=1"), "a/b.css");
    }
}
