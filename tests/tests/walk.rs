//! A walk through every step of every lesson, as a learner clicks "Next" from the first step
//! to the last, in both languages, on a laptop (1280 px) and a phone (390 px). Each step is
//! screenshot into `target/e2e-artifacts/walk/`, and checked for what a reader would notice
//! at once: a page wider than the window, text cut off by its box, labels in a picture that
//! lie on top of each other or spill out of it, raw Markdown, a missing text, characters
//! that many fonts draw as empty boxes, and a word split across two lines in a header or a
//! button. What shows only after a click is checked where it shows: the download report at
//! 390 px below.

use std::path::PathBuf;

use e2e::{Browser, BrowserOptions, DESKTOP, PAGE_WAIT, PHONE, Relay, open_page};
use serde_json::Value;

/// The checks, run in the page after a step has rendered. Returns one line per problem.
const CHECKS: &str = r#"
const problems = [];
const width = window.innerWidth;
// 1. Nothing makes the page wider than the window (a card may scroll on its own).
if (document.documentElement.scrollWidth > width + 1) {
  const wide = [...document.querySelectorAll('main *')]
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
    .slice(0, 3)
    .map(e => `${e.tagName.toLowerCase()}.${e.className.baseVal ?? e.className} "${(e.textContent || '').trim().slice(0, 30)}"`);
  problems.push(`page ${document.documentElement.scrollWidth}px wide in a ${width}px window: ${wide.join('; ')}`);
}
// 2. No text cut off by a box that hides its overflow.
for (const e of document.querySelectorAll('main *')) {
  const s = getComputedStyle(e);
  if (e.classList.contains('visually-hidden')) continue; // for screen readers only
  if (!['hidden', 'clip'].includes(s.overflowX) || !e.textContent.trim()) continue;
  if (e.scrollWidth > e.clientWidth + 1) {
    problems.push(`text cut off in ${e.tagName.toLowerCase()}.${e.className}: "${e.textContent.trim().slice(0, 40)}"`);
  }
}
// 3. In every picture, no two labels overlap and none spills out of the picture.
for (const svg of document.querySelectorAll('main svg')) {
  const box = svg.getBoundingClientRect();
  if (box.width === 0) continue;
  const labels = [...svg.querySelectorAll('text')]
    .filter(t => t.textContent.trim())
    .map(t => ({ t, r: t.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0);
  for (const { t, r } of labels) {
    if (r.left < box.left - 2 || r.right > box.right + 2 || r.top < box.top - 2 || r.bottom > box.bottom + 2) {
      problems.push(`label spills out of its picture: "${t.textContent.trim().slice(0, 30)}"`);
    }
  }
  // A label drawn inside a box (a host, a port segment) stays inside it.
  const boxes = [...svg.querySelectorAll('rect')].map(r => r.getBoundingClientRect()).filter(r => r.width > 0);
  for (const { t, r } of labels) {
    const cx = (r.left + r.right) / 2, cy = (r.top + r.bottom) / 2;
    const home = boxes.filter(b => b.left <= cx && cx <= b.right && b.top <= cy && cy <= b.bottom)
      .sort((a, b) => a.width * a.height - b.width * b.height)[0];
    if (home && (r.left < home.left - 2 || r.right > home.right + 2)) {
      problems.push(`label wider than its box: "${t.textContent.trim().slice(0, 30)}"`);
    }
  }
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i].r, b = labels[j].r;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      // A shared pixel row at the edge is no overlap a reader sees.
      if (w > 2 && h > 2 && w * h > 0.15 * Math.min(a.width * a.height, b.width * b.height)) {
        problems.push(`labels overlap: "${labels[i].t.textContent.trim().slice(0, 25)}" and "${labels[j].t.textContent.trim().slice(0, 25)}"`);
      }
    }
  }
}
const text = document.querySelector('main').innerText;
// 4. No raw Markdown and no missing text.
for (const m of text.match(/\*\*[^*\n]{1,40}\*\*|`[^`\n]{1,40}`/g) || []) problems.push(`raw Markdown: ${m}`);
if (text.includes('⟦')) problems.push('a missing text');
// 5. No characters that many fonts lack (control pictures, media symbols).
for (const m of text.match(/[\u2400-\u243f\u23e9-\u23fa]/g) || []) {
  problems.push(`a character many fonts lack: U+${m.codePointAt(0).toString(16).toUpperCase()}`);
}
// 6. No word split across two lines in a header, a label, a button or a heading ("Size (byt
//    es)"): a Latin word's letters all sit on one line (Chinese may wrap between characters).
for (const e of document.querySelectorAll('main :is(th, button, label, legend, summary, h1, h2, h3)')) {
  const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (const m of n.textContent.matchAll(/[A-Za-z]{2,}/g)) {
      const range = document.createRange();
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top));
      if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) {
        problems.push(`a word split across lines in ${e.tagName.toLowerCase()}: "${m[0]}"`);
      }
    }
  }
}
return problems;
"#;

/// Walks every lesson from its first step with "Next", checking and screenshotting each.
async fn walk(browser: &Browser, relay: &Relay, lang: &str, width: u32) -> Vec<String> {
    let width_name = width.to_string();
    open_page(browser, relay, "/").await;
    let inner = browser.eval("return window.innerWidth").await;
    assert_eq!(
        inner,
        Value::from(width),
        "the page is laid out {width} px wide"
    );
    browser
        .eval(&format!(
            // A fresh learner: "Next lesson" would otherwise resume where the last walk was.
            "localStorage.setItem('netlab.lang', '{lang}'); localStorage.removeItem('netlab.progress')"
        ))
        .await;
    browser
        .goto(&format!("{}/lesson/intro/1", relay.base()))
        .await;
    let dir = artifacts().join(format!("{lang}-{width_name}"));
    std::fs::create_dir_all(&dir).unwrap();
    let mut problems = Vec::new();
    let mut steps = 0;
    loop {
        let step = browser.wait_for("[data-testid=lesson]", PAGE_WAIT).await;
        let lesson = step.attr("data-lesson").await.unwrap().unwrap_or_default();
        let n = step.attr("data-step").await.unwrap().unwrap_or_default();
        // Two animation frames: the step's widgets and fonts have been laid out.
        browser
            .eval_async(
                "const done = arguments[0]; document.fonts.ready.then(() => \
                 requestAnimationFrame(() => requestAnimationFrame(() => done(null))));",
            )
            .await;
        let check = |stage: &'static str| {
            let shot = dir.join(format!("{lesson}-{n}{stage}.png"));
            let at = format!("{lang} {width_name} {lesson}/{n}{stage}");
            async move {
                browser.screenshot(shot).await;
                let found = browser
                    .eval(&format!("return (() => {{ {CHECKS} }})();"))
                    .await;
                found
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| format!("{at}: {}", p.as_str().unwrap_or_default()))
                    .collect::<Vec<_>>()
            }
        };
        problems.extend(check("").await);
        // Pictures that grow as the learner plays them are checked played to the end too: a
        // sequence diagram with every event, a frame sent across a network with its headers.
        if browser.exists("[data-testid=rel-end]").await {
            browser.click("[data-testid=rel-end]").await;
            browser
                .wait_for("[data-testid=rel-forward][disabled]", PAGE_WAIT)
                .await;
            problems.extend(check("-played").await);
        }
        if browser
            .exists("[data-testid=topo-send]:not([disabled])")
            .await
        {
            browser.click("[data-testid=topo-send]").await;
            browser
                .wait_for("[data-testid=topo-step]:not([data-len=\"0\"])", PAGE_WAIT)
                .await;
            while browser
                .exists("[data-testid=topo-next]:not([disabled])")
                .await
            {
                browser.click("[data-testid=topo-next]").await;
            }
            problems.extend(check("-sent").await);
        }
        steps += 1;
        // "Next" leads to the next step, the next lesson, or (after the last) home.
        browser.click("[data-testid=step-next]").await;
        browser
            .wait_for(
                &format!(
                    "[data-testid=home], \
                     [data-testid=lesson]:not([data-lesson=\"{lesson}\"][data-step=\"{n}\"])"
                ),
                PAGE_WAIT,
            )
            .await;
        if browser.exists("[data-testid=home]").await {
            break;
        }
        assert!(steps < 200, "the walk does not end");
    }
    assert_eq!(
        steps, 54,
        "{lang} {width_name}: the lessons have 54 steps in all"
    );
    problems
}

fn artifacts() -> PathBuf {
    e2e::workspace_root().join("target/e2e-artifacts/walk")
}

#[tokio::test(flavor = "multi_thread")]
async fn every_step_reads_well_on_a_laptop_and_a_phone_in_both_languages() {
    let mut problems = Vec::new();
    for size in [DESKTOP, PHONE] {
        // One relay per browser: its launch token opens one browser only.
        let relay = Relay::start(&[]);
        let browser = Browser::start_with(BrowserOptions {
            size,
            ..BrowserOptions::default()
        })
        .await;
        for lang in ["zh-CN", "en"] {
            problems.extend(walk(&browser, &relay, lang, size.width).await);
        }
        browser.quit().await;
    }
    assert!(
        problems.is_empty(),
        "{} problems (screenshots in {}):\n{}",
        problems.len(),
        artifacts().display(),
        problems.join("\n")
    );
}

/// The checks catch what they are for: a page made too wide, a clipped box, overlapping
/// labels, raw Markdown and a box-drawn character, planted into a real step.
#[tokio::test(flavor = "multi_thread")]
async fn the_walk_checks_catch_each_kind_of_problem() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_with(BrowserOptions {
        size: PHONE,
        ..BrowserOptions::default()
    })
    .await;
    open_page(&browser, &relay, "/lesson/intro/1").await;
    browser.wait_for("[data-testid=lesson]", PAGE_WAIT).await;
    let clean = browser
        .eval(&format!("return (() => {{ {CHECKS} }})();"))
        .await;
    assert_eq!(clean, Value::Array(vec![]), "intro/1 at 390 px is clean");
    browser
        .eval(
            "const main = document.querySelector('main');\
             const wide = document.createElement('div'); wide.style.width = '900px';\
             wide.textContent = 'too wide'; main.append(wide);\
             const cut = document.createElement('p'); cut.className = 'planted';\
             cut.style.cssText = 'width:40px;overflow:hidden;white-space:nowrap';\
             cut.textContent = 'a sentence far too long for its box'; main.append(cut);\
             const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');\
             svg.setAttribute('viewBox', '0 0 100 40'); svg.style.width = '200px';\
             svg.innerHTML = '<text x=\"5\" y=\"20\">first label</text><text x=\"8\" y=\"22\">second</text><text x=\"80\" y=\"30\">spills out</text><rect x=\"40\" y=\"2\" width=\"10\" height=\"10\"/><text x=\"45\" y=\"10\" text-anchor=\"middle\">boxed in</text>';\
             main.append(svg);\
             const md = document.createElement('p'); md.textContent = 'a **retransmission** ␍␊'; main.append(md);\
             const t = document.createElement('table'); t.innerHTML = '<tr><th style=\"width:30px;word-break:break-all\">Size (bytes)</th></tr>';\
             t.style.cssText = 'width:30px;table-layout:fixed'; main.append(t);",
        )
        .await;
    let found: Vec<String> = browser
        .eval(&format!("return (() => {{ {CHECKS} }})();"))
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    let has = |prefix: &str| found.iter().any(|p| p.starts_with(prefix));
    assert!(has("page "), "{found:?}");
    assert!(has("text cut off in p.planted"), "{found:?}");
    assert!(
        has("labels overlap: \"first label\" and \"second\""),
        "{found:?}"
    );
    assert!(
        has("label spills out of its picture: \"spills out\""),
        "{found:?}"
    );
    assert!(has("label wider than its box: \"boxed in\""), "{found:?}");
    assert!(has("raw Markdown: **retransmission**"), "{found:?}");
    assert!(has("a character many fonts lack: U+240D"), "{found:?}");
    assert!(has("a word split across lines in th: "), "{found:?}");
    browser.quit().await;
}

/// The download report shows only after a download: at 390 px its header "Size (bytes)" keeps
/// its word whole and nothing overflows (issue 13 item 23).
#[tokio::test(flavor = "multi_thread")]
async fn the_download_report_reads_well_on_a_phone() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_with(BrowserOptions {
        size: PHONE,
        ..BrowserOptions::default()
    })
    .await;
    open_page(&browser, &relay, "/").await;
    browser
        .eval("localStorage.setItem('netlab.lang', 'en'); return null;")
        .await;
    e2e::open_step(&browser, &relay, "download", 3).await;
    browser
        .type_into(
            "[data-testid=download-port]",
            &e2e::free_tcp_port().to_string(),
        )
        .await;
    browser.click("[data-testid=download-server-start]").await;
    browser
        .wait_for("[data-testid=download-server-on]", PAGE_WAIT)
        .await;
    browser.click("[data-testid=download-start]").await;
    browser
        .wait_for("[data-testid=download-report]", PAGE_WAIT)
        .await;
    let header = browser
        .eval("return [...document.querySelectorAll('[data-testid=download-report] th')].map(t => t.textContent)")
        .await;
    assert!(
        header.to_string().contains("Size (bytes)"),
        "the report is in English: {header}"
    );
    let found = browser
        .eval(&format!("return (() => {{ {CHECKS} }})();"))
        .await;
    assert_eq!(
        found,
        Value::Array(vec![]),
        "download/3 with its report at 390 px"
    );
    browser.quit().await;
}
