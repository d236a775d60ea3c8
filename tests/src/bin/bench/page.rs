//! Page weight and paint timing: the tutorial (served by the real relay) against the Yew
//! hello-world (served by [`e2e::StaticServer`]), loaded alternately in one headless Chromium
//! with its HTTP cache disabled, so every load is a first visit.

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

/// Both apps replace `<p class="loading">` inside `#app` when they mount.
const MOUNTED_WHEN_GONE: &str = "#app > .loading";
/// A page that has not mounted by then counts as a failure.
const LOAD_TIMEOUT: Duration = Duration::from_secs(20);

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
    /// (file, raw size, gzip -9 size) for each dist file the first load fetched.
    files: Vec<(String, u64, u64)>,
    transfer: u64,
    encoded: u64,
    fcp_ms: Vec<f64>,
    lcp_ms: Vec<f64>,
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
    browser.quit().await;
    Ok(PageFigures { tutorial, hello })
}

/// One fresh load of `url`, until the app has mounted.
async fn load(browser: &Browser, url: &str) -> Result<LoadReport> {
    // A fresh document each time (same-URL navigations could reuse the page).
    browser.goto("about:blank").await;
    browser.goto(url).await;
    browser.wait_gone(MOUNTED_WHEN_GONE, LOAD_TIMEOUT).await;
    let value = browser.eval_async(LOAD_REPORT_JS).await;
    serde_json::from_value(value).context("read the page's timing report")
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
        }
    }

    /// Sums what the load fetched, and gzips the same files from the dist folder.
    fn record_weight(&mut self, report: &LoadReport, dist: &Path) -> Result<()> {
        for entry in &report.entries {
            self.transfer += entry.transfer_size;
            self.encoded += entry.encoded_body_size;
            let path = url_path(&entry.name);
            let file = if path.is_empty() { "index.html" } else { path };
            let on_disk = dist.join(file);
            let bytes = match std::fs::read(&on_disk) {
                Ok(bytes) => bytes,
                // The app routes itself: any unknown path is index.html.
                Err(_) => std::fs::read(dist.join("index.html"))?,
            };
            self.files
                .push((file.to_string(), bytes.len() as u64, gzip9(&bytes)?));
        }
        Ok(())
    }

    fn gzip_total(&self) -> u64 {
        self.files.iter().map(|(_, _, gz)| gz).sum()
    }
}

/// `http://127.0.0.1:1234/frontend.js?x#y` -> `frontend.js`.
fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.split_once('/').map_or("", |(_, path)| path);
    path.split(['?', '#']).next().unwrap_or("")
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
        for app in [t, h] {
            let files: Vec<String> = app
                .files
                .iter()
                .map(|(name, raw, gz)| format!("{name} {} -> {}", kib(*raw), kib(*gz)))
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
