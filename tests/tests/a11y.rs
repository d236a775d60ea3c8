//! Accessibility, step by step: axe-core (from npm, installed by `cargo xtask test` into the
//! tools cache) is injected into headless Chromium and must report no serious or critical
//! violation on any step of any lesson, in both languages; and every control of a step's
//! widget is reached with the Tab key alone (a native button then works with Enter and Space),
//! with nothing clickable that the keyboard cannot reach. The download lab's main actions are
//! then done with the keyboard alone.

use std::path::PathBuf;
use std::time::Duration;

use e2e::{Browser, PAGE_WAIT, Relay, free_tcp_port, open_page, open_step};
use fantoccini::key::Key;
use serde_json::Value;

/// Keep in step with `AXE_VERSION` in xtask/src/tools.rs.
const AXE_VERSION: &str = "4.11.0";

/// axe.min.js: `$NETLAB_AXE`, else where `cargo xtask test` installs it.
fn axe_js() -> String {
    let path = std::env::var_os("NETLAB_AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let cache = std::env::var_os("NETLAB_CACHE")
                .map(PathBuf::from)
                .or_else(|| {
                    std::env::var_os("XDG_CACHE_HOME").map(|x| PathBuf::from(x).join("netlab"))
                })
                .or_else(|| {
                    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("netlab"))
                })
                .expect("no cache folder: set NETLAB_AXE to axe.min.js");
            cache
                .join(format!("axe-core-{AXE_VERSION}"))
                .join("node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is missing at {} ({e}): `cargo xtask test` installs it, or \
             `npm install --prefix ~/.cache/netlab/axe-core-{AXE_VERSION} axe-core@{AXE_VERSION}`",
            path.display()
        )
    })
}

/// Runs axe on the page; one line per serious or critical violation.
const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] })
  .then(r => done(r.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.help} -- ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)))
  .catch(e => done([`axe failed: ${e}`]));
"#;

/// Marks the step's controls and returns how many Tab presses may reach them all; also
/// lists what looks clickable (a pointer cursor) but is neither focusable nor inside a
/// focusable control or a label.
const KBD_PREPARE: &str = r#"
document.querySelectorAll('[data-kbd]').forEach(e => { delete e.dataset.kbd; delete e.dataset.kbdSeen; });
const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
const controls = [...document.querySelectorAll('main .widget :is(button, input, select, textarea, a[href], summary)')]
  .filter(e => !e.disabled && visible(e));
controls.forEach(e => e.dataset.kbd = '1');
const unreachable = [...document.querySelectorAll('main .widget *')]
  .filter(e => visible(e) && getComputedStyle(e).cursor === 'pointer')
  .filter(e => !e.closest('button, input, select, textarea, a[href], summary, label, [tabindex]:not([tabindex="-1"])'))
  .map(e => `clickable but not focusable: ${e.tagName.toLowerCase()} "${(e.textContent || '').trim().slice(0, 30)}"`);
const all = [...document.querySelectorAll('button, input, select, textarea, a[href], summary, [tabindex]')].filter(e => !e.disabled && visible(e)).length;
if (document.activeElement) document.activeElement.blur();
window.scrollTo(0, 0);
return { presses: all + 3, unreachable };
"#;

/// After one Tab: marks what has the focus.
const KBD_SEEN: &str =
    "const e = document.activeElement; if (e && e.dataset) e.dataset.kbdSeen = '1'; return null;";

/// The controls no Tab reached (a radio group counts as reached through any of its radios).
const KBD_MISSED: &str = r#"
return [...document.querySelectorAll('[data-kbd]')]
  .filter(e => !e.dataset.kbdSeen)
  .filter(e => !(e.type === 'radio' && [...document.querySelectorAll(`input[type=radio][name="${e.name}"]`)].some(r => r.dataset.kbdSeen)))
  .map(e => `not reached with Tab: ${e.tagName.toLowerCase()}${e.dataset.testid ? '[' + e.dataset.testid + ']' : ''} "${(e.textContent || e.value || '').trim().slice(0, 30)}"`);
"#;

/// Walks every step with "Next"; returns the problems found, one line each.
async fn walk(browser: &Browser, relay: &Relay, lang: &str, axe: &str) -> Vec<String> {
    open_page(browser, relay, "/").await;
    browser
        .eval(&format!(
            "localStorage.setItem('netlab.lang', '{lang}'); localStorage.removeItem('netlab.progress')"
        ))
        .await;
    browser
        .goto(&format!("{}/lesson/intro/1", relay.base()))
        .await;
    let mut problems = Vec::new();
    let mut steps = 0;
    loop {
        let step = browser.wait_for("[data-testid=lesson]", PAGE_WAIT).await;
        // "Next" into another lesson group loads that group's bundle in a new document
        // (frontend/src/bundle.rs): inject axe into each document the walk reaches.
        browser
            .eval(&format!("if (!window.axe) {{\n{axe}\n}}\nreturn null;"))
            .await;
        let lesson = step.attr("data-lesson").await.unwrap().unwrap_or_default();
        let n = step.attr("data-step").await.unwrap().unwrap_or_default();
        browser
            .eval_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
            )
            .await;
        let at = format!("{lang} {lesson}/{n}");
        let found = browser.eval_async(AXE_RUN).await;
        problems.extend(lines(&found).map(|p| format!("{at}: {p}")));

        let prepared = browser.eval(KBD_PREPARE).await;
        problems.extend(lines(&prepared["unreachable"]).map(|p| format!("{at}: {p}")));
        let presses = prepared["presses"].as_u64().unwrap_or(0);
        for _ in 0..presses {
            browser.press(Key::Tab).await;
            browser.eval(KBD_SEEN).await;
        }
        let missed = browser.eval(KBD_MISSED).await;
        problems.extend(lines(&missed).map(|p| format!("{at}: {p}")));

        steps += 1;
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
    assert_eq!(steps, 54, "{lang}: the lessons have 54 steps in all");
    problems
}

fn lines(v: &Value) -> impl Iterator<Item = String> + '_ {
    v.as_array()
        .into_iter()
        .flatten()
        .map(|p| p.as_str().unwrap_or_default().to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn no_step_has_a_serious_accessibility_violation_and_every_control_takes_the_keyboard() {
    let axe = axe_js();
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    let mut problems = Vec::new();
    for lang in ["zh-CN", "en"] {
        problems.extend(walk(&browser, &relay, lang, &axe).await);
    }
    browser.quit().await;
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The checks catch what they are for, planted into a real step: an image without a text,
/// a button without a name, and a clickable box the keyboard cannot reach.
#[tokio::test(flavor = "multi_thread")]
async fn the_checks_catch_a_nameless_button_and_a_mouse_only_control() {
    let axe = axe_js();
    let relay = Relay::start(&[]);
    let browser = Browser::start().await;
    open_step(&browser, &relay, "download", 1).await;
    browser.eval(&format!("{axe}\nreturn null;")).await;
    browser
        .eval(
            "const w = document.querySelector('main .widget');\
             const b = document.createElement('button'); w.append(b);\
             const d = document.createElement('div'); d.textContent = 'click me';\
             d.style.cursor = 'pointer'; d.onclick = () => {}; w.append(d); return null;",
        )
        .await;
    let found: Vec<String> = lines(&browser.eval_async(AXE_RUN).await).collect();
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("button-name (critical)")),
        "{found:?}"
    );
    let prepared = browser.eval(KBD_PREPARE).await;
    let unreachable: Vec<String> = lines(&prepared["unreachable"]).collect();
    assert_eq!(
        unreachable,
        ["clickable but not focusable: div \"click me\""],
        "{unreachable:?}"
    );
    browser.quit().await;
}

/// Moves the focus with Tab until the element matching `css` has it.
async fn tab_to(browser: &Browser, css: &str) {
    for _ in 0..60 {
        browser.press(Key::Tab).await;
        let there = browser
            .eval(&format!(
                "return document.activeElement === document.querySelector('{css}')"
            ))
            .await;
        if there == Value::Bool(true) {
            return;
        }
    }
    panic!("Tab never reached {css}");
}

/// The download lab with the keyboard alone: Tab to "Start the file server", Enter; Tab to
/// the course client's mode, Tab to "Download", Space; the truncated report shows.
#[tokio::test(flavor = "multi_thread")]
async fn the_download_lab_works_from_the_keyboard_alone() {
    let downloads = tempfile::tempdir().unwrap();
    let dir = downloads.path().to_str().unwrap().to_owned();
    let relay = Relay::start(&["--downloads", &dir]);
    let browser = Browser::start().await;
    open_step(&browser, &relay, "download", 2).await;
    tab_to(&browser, "[data-testid=download-port]").await;
    // Ctrl+A, then the new port, typed where the focus is.
    browser
        .eval("document.activeElement.select(); return null;")
        .await;
    for c in free_tcp_port().to_string().chars() {
        browser.press(c).await;
    }
    tab_to(&browser, "[data-testid=download-server-start]").await;
    browser.press(Key::Enter).await;
    browser
        .wait_for("[data-testid=download-server-on]", PAGE_WAIT)
        .await;
    tab_to(&browser, "[data-testid=download-start]").await;
    browser.press(' ').await;
    browser
        .wait_for(
            "[data-testid=download-report][data-match=false]",
            Duration::from_secs(2 * PAGE_WAIT.as_secs()),
        )
        .await;
    assert_eq!(
        browser.text("[data-testid=download-got-size]").await,
        "1024"
    );
}
