//! Crossing from one lesson group's wasm bundle to another (frontend/src/bundle.rs): a link
//! within a group stays in the same document; a link into another group loads that group's
//! bundle anew, and what the page remembers (language, progress, the relay's credential) comes
//! along through localStorage.

use e2e::{Browser, PAGE_WAIT, Relay, click_centred};

const CONNECTED: &str = "[data-testid=relay-status][data-state=connected]";

/// The wasm files this document fetched, by file name.
const WASM_FETCHED: &str = r#"
return performance.getEntriesByType('resource')
  .map((e) => e.name.split('/').pop())
  .filter((n) => n.endsWith('.wasm'));
"#;

#[tokio::test(flavor = "multi_thread")]
async fn another_groups_page_loads_its_bundle_and_keeps_language_progress_and_relay() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    browser.goto(relay.url()).await;
    browser.wait_for(CONNECTED, PAGE_WAIT).await;
    assert_eq!(
        browser.eval(WASM_FETCHED).await,
        serde_json::json!(["start_bg.wasm"])
    );
    browser.click("[data-testid=lang-zh-CN]").await;
    browser
        .wait_for_text("[data-testid=home] h1", "动手学网络编程", PAGE_WAIT)
        .await;

    // Within the start group: the same document (a mark set on it is still there).
    browser
        .eval("window.__sameDocument = true; return true")
        .await;
    browser.click("[data-testid=lesson-intro] a").await;
    browser
        .wait_for(
            "[data-testid=lesson][data-lesson=intro][data-step=\"1\"]",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser.eval("return window.__sameDocument === true").await,
        serde_json::json!(true)
    );

    // Into the sockets group: a new document with the sockets bundle, still in Chinese, and
    // connected again with the credential the first page kept.
    click_centred(&browser, ".crumbs a").await;
    browser
        .wait_for("[data-testid=lesson-udp] a", PAGE_WAIT)
        .await;
    browser.click("[data-testid=lesson-udp] a").await;
    browser
        .wait_for(
            "[data-testid=lesson][data-lesson=udp][data-step=\"1\"]",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser
            .eval("return window.__sameDocument === undefined")
            .await,
        serde_json::json!(true),
        "a page of another group was drawn without loading its bundle"
    );
    assert_eq!(
        browser.eval(WASM_FETCHED).await,
        serde_json::json!(["sockets_bg.wasm"])
    );
    assert_eq!(
        browser.text("[data-testid=step-counter]").await,
        "第 1 步，共 8 步"
    );
    browser.wait_for(CONNECTED, PAGE_WAIT).await;
    browser.click("[data-testid=step-next]").await;
    browser
        .wait_for(
            "[data-testid=lesson][data-lesson=udp][data-step=\"2\"]",
            PAGE_WAIT,
        )
        .await;

    // Back home (the start bundle again): the progress made in the sockets bundle shows.
    click_centred(&browser, ".crumbs a").await;
    browser
        .wait_for_text(
            "[data-testid=lesson-udp] .progress-text",
            "已看 2 / 8 步",
            PAGE_WAIT,
        )
        .await;
    assert_eq!(
        browser.eval(WASM_FETCHED).await,
        serde_json::json!(["start_bg.wasm"])
    );
    browser.wait_for(CONNECTED, PAGE_WAIT).await;
}

/// Every element's computed style, as one string per element (tag, classes, each property's
/// value): what a sheet does to the page, comparable between two sheets.
const COMPUTED: &str = r#"
const out = [];
for (const el of document.querySelectorAll('body, body *')) {
  const cs = getComputedStyle(el);
  const props = [];
  for (let i = 0; i < cs.length; i++) props.push(cs[i] + ':' + cs.getPropertyValue(cs[i]));
  out.push(el.tagName + '.' + [...el.classList].join('.') + ' ' + props.join(';'));
}
return out;
"#;

/// Replaces the page's stylesheet by `/{arguments[0]}` and answers once it has loaded.
const SWAP_SHEET: &str = r#"
const [href, done] = [arguments[0], arguments[arguments.length - 1]];
const old = document.querySelector('link[rel=stylesheet]');
const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = href;
link.onload = () => { old.remove(); requestAnimationFrame(() => done(true)); };
link.onerror = () => done(false);
old.after(link);
"#;

/// Each element whose computed style differs (its tag and classes, and the first of its
/// values that differ); empty when the two are the same.
fn differences(a: &serde_json::Value, b: &serde_json::Value) -> Vec<String> {
    let (Some(a), Some(b)) = (a.as_array(), b.as_array()) else {
        return vec![format!("not lists: {a} {b}")];
    };
    if a.len() != b.len() {
        return vec![format!("{} elements against {}", a.len(), b.len())];
    }
    a.iter()
        .zip(b)
        .filter(|(x, y)| x != y)
        .map(|(x, y)| {
            let (x, y) = (x.as_str().unwrap_or(""), y.as_str().unwrap_or(""));
            let (tag, values) = x.split_once(' ').unwrap_or((x, ""));
            let other: Vec<&str> = y.split(';').collect();
            let changed: Vec<&str> = values
                .split(';')
                .filter(|v| !other.contains(v))
                .take(3)
                .collect();
            format!("{tag}: {changed:?}")
        })
        .collect()
}

/// The start bundle's pages get start.css, the top of style.css (`cargo xtask build-frontend`
/// cuts it). Every element of those pages must look exactly as under the whole sheet; and a
/// sheet missing rules they use is caught.
#[tokio::test(flavor = "multi_thread")]
async fn the_start_sheet_styles_the_start_pages_as_the_whole_sheet_does() {
    let relay = Relay::start(&[]);
    let browser = Browser::start_english().await;
    browser.goto(relay.url()).await;
    browser.wait_for(CONNECTED, PAGE_WAIT).await;
    let pages = [
        "/",
        "/lesson/intro/1",
        "/lesson/intro/2",
        "/lesson/intro/3",
        "/no/such/page",
    ];
    for page in pages {
        browser.goto(&format!("{}{page}", relay.base())).await;
        browser.wait_gone("#app > .loading", PAGE_WAIT).await;
        browser.wait_for(CONNECTED, PAGE_WAIT).await;
        assert_eq!(
            browser
                .eval("return document.querySelector('link[rel=stylesheet]').getAttribute('href')")
                .await,
            serde_json::json!("/start.css"),
            "{page}"
        );
        let start = browser.eval(COMPUTED).await;
        let swapped = browser
            .client()
            .execute_async(SWAP_SHEET, vec!["/style.css".into()])
            .await;
        assert_eq!(
            swapped.ok(),
            Some(serde_json::json!(true)),
            "{page}: style.css loads"
        );
        let whole = browser.eval(COMPUTED).await;
        assert!(
            start.as_array().is_some_and(|a| a.len() > 10),
            "{page}: {start}"
        );
        assert_eq!(
            differences(&start, &whole),
            Vec::<String>::new(),
            "{page}: start.css styles these elements otherwise than style.css"
        );
    }

    // The check catches a sheet that lacks what the page uses: style.css against itself with
    // the top bar's rules undone.
    let without_topbar = browser
        .eval(
            "const s = document.createElement('style'); \
             s.textContent = '.topbar { all: unset; }'; document.head.append(s); return true",
        )
        .await;
    assert_eq!(without_topbar, serde_json::json!(true));
    let broken = browser.eval(COMPUTED).await;
    let whole = {
        browser
            .eval("document.querySelector('style:last-of-type').remove(); return true")
            .await;
        browser.eval(COMPUTED).await
    };
    let caught = differences(&broken, &whole);
    assert!(
        caught.iter().any(|d| d.starts_with("HEADER.topbar:")),
        "{caught:?}"
    );
}
