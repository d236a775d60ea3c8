//! [`Browser`]: a real headless Chromium driven through chromedriver (WebDriver over HTTP on
//! loopback), with small helpers that panic with a useful message and a screenshot.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use tokio::sync::{Semaphore, SemaphorePermit};

/// How long chromedriver has to start answering.
const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(15);
/// A page drawn ahead of time, until the wasm draws it anew (frontend/prerender).
pub const DRAWN_AHEAD: &str = "#app > .drawn";
/// How often `wait_for*` look again.
const POLL: Duration = Duration::from_millis(50);

/// How long [`Browser::find`] (and the helpers built on it) waits for an element to appear.
pub const FIND_GRACE: Duration = Duration::from_secs(5);

/// At most this many browsers run at once in one test binary: a Chromium is heavy and the CI
/// machine has two cores. Further `Browser::start` calls wait for a slot.
static BROWSER_SLOTS: Semaphore = Semaphore::const_new(2);

/// A browser window size in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WindowSize {
    pub width: u32,
    pub height: u32,
}

/// A laptop window.
pub const DESKTOP: WindowSize = WindowSize {
    width: 1280,
    height: 900,
};

/// A phone held upright (an iPhone 12-14 sized viewport).
pub const PHONE: WindowSize = WindowSize {
    width: 390,
    height: 844,
};

/// Options for [`Browser::start_with`].
#[derive(Clone, Debug)]
pub struct BrowserOptions {
    pub size: WindowSize,
    /// The browser's preferred language (`navigator.language`, Accept-Language), e.g. "en-US".
    pub lang: String,
}

impl Default for BrowserOptions {
    fn default() -> Self {
        BrowserOptions {
            size: DESKTOP,
            lang: "zh-CN".to_string(),
        }
    }
}

/// One headless Chromium with a fresh profile. Dropping it ends the session, closes the
/// browser and stops chromedriver; [`Browser::quit`] does the same politely.
///
/// The helpers take CSS selectors and panic on failure (saving a screenshot to
/// `target/e2e-artifacts/`), so tests read as a list of steps. For anything else use
/// [`Browser::client`], the underlying `fantoccini::Client`.
pub struct Browser {
    client: Client,
    driver: Child,
    driver_port: u16,
    session_id: Option<String>,
    // Dropped after the browser is gone (fields drop in order, after `Drop::drop`).
    work: tempfile::TempDir,
    _slot: SemaphorePermit<'static>,
}

impl Browser {
    /// A laptop-sized (1280x900) headless Chromium that prefers Chinese (zh-CN).
    pub async fn start() -> Browser {
        Browser::start_with(BrowserOptions::default()).await
    }

    /// A desktop-sized headless Chromium that prefers English (en-US).
    pub async fn start_english() -> Browser {
        Browser::start_with(BrowserOptions {
            lang: "en-US".into(),
            ..BrowserOptions::default()
        })
        .await
    }

    /// A phone-sized (390x844) headless Chromium that prefers Chinese (zh-CN).
    pub async fn start_phone() -> Browser {
        Browser::start_with(BrowserOptions {
            size: PHONE,
            ..BrowserOptions::default()
        })
        .await
    }

    /// A headless Chromium with the given window size and language.
    pub async fn start_with(options: BrowserOptions) -> Browser {
        let slot = BROWSER_SLOTS
            .acquire()
            .await
            .expect("the browser semaphore is never closed");
        // <work>/profile is Chromium's fresh profile, <work>/chromedriver.log the driver's log
        // (copied to target/e2e-artifacts when a helper fails).
        let work = tempfile::Builder::new()
            .prefix("netlab-chromium-")
            .tempdir()
            .expect("create a temporary folder for Chromium");
        let profile = work.path().join("profile");
        let log = work.path().join("chromedriver.log");

        let (mut driver, driver_port) = start_driver(&log);

        let caps = capabilities(&options, &profile);
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{driver_port}"))
            .await;
        let client = match client {
            Ok(client) => client,
            Err(e) => {
                let _ = driver.kill();
                let _ = driver.wait();
                let log = std::fs::read_to_string(&log).unwrap_or_default();
                let tail: Vec<&str> = log.lines().rev().take(30).collect();
                panic!(
                    "chromedriver could not start Chromium: {e}\n--- end of chromedriver's log ---\n{}",
                    tail.into_iter().rev().collect::<Vec<_>>().join("\n")
                );
            }
        };
        let session_id = client.session_id().await.ok().flatten();
        let browser = Browser {
            client,
            driver,
            driver_port,
            session_id,
            work,
            _slot: slot,
        };
        // Chromium's windows are never narrower than 500 px, so a phone's 390 px would really
        // be 485 px of page: the viewport is set exactly, as DevTools' device mode does.
        browser
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({
                    "width": options.size.width,
                    "height": options.size.height,
                    "deviceScaleFactor": 1,
                    "mobile": false,
                }),
            )
            .await;
        browser
    }

    /// The underlying WebDriver client, for whatever the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Navigates to `url` and waits for the page's load event, then until the wasm has drawn
    /// the page in place of a copy drawn ahead of time (the home page and the first lesson
    /// come as one, frontend/prerender: its buttons do nothing until then).
    ///
    /// Note: going from `.../#token=a` to the same URL with another fragment is a same-page
    /// navigation (no reload); go to `about:blank` first to force a fresh load.
    pub async fn goto(&self, url: &str) {
        self.goto_drawn(url).await;
        self.wait_gone(DRAWN_AHEAD, Duration::from_secs(20)).await;
    }

    /// Navigates to `url` and waits only for the page's load event: a page drawn ahead of
    /// time may still be that copy.
    pub async fn goto_drawn(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    /// Waits until an element matching `css` exists and returns it.
    pub async fn wait_for(&self, css: &str, timeout: Duration) -> Element {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                return element;
            }
            if Instant::now() >= deadline {
                self.fail(&format!("no element matches `{css}` after {timeout:?}"))
                    .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the text of the element matching `css` contains `needle`; returns the text.
    pub async fn wait_for_text(&self, css: &str, needle: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        let mut last = None;
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await
                && let Ok(text) = element.text().await
            {
                if text.contains(needle) {
                    return text;
                }
                last = Some(text);
            }
            if Instant::now() >= deadline {
                self.fail(&format!(
                    "`{css}` did not come to contain {needle:?} within {timeout:?} \
                     (last text: {last:?})"
                ))
                .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until no element matches `css`.
    pub async fn wait_gone(&self, css: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while self.client.find(Locator::Css(css)).await.is_ok() {
            if Instant::now() >= deadline {
                self.fail(&format!("`{css}` is still there after {timeout:?}"))
                    .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until exactly `n` elements match `css`.
    pub async fn wait_count(&self, css: &str, n: usize, timeout: Duration) {
        let js = format!("return document.querySelectorAll({css:?}).length");
        let what = format!("exactly {n} elements matching `{css}`");
        testkit::wait_until_async(&what, timeout, async || self.eval(&js).await == n).await;
    }

    /// Whether an element matching `css` exists right now.
    pub async fn exists(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// The element matching `css`. It may take up to [`FIND_GRACE`] to appear: right after a
    /// navigation the page is still rendering, and a loaded CI machine renders slowly. Use
    /// `wait_for` for things that come later than that (a network answer).
    pub async fn find(&self, css: &str) -> Element {
        let deadline = Instant::now() + FIND_GRACE;
        loop {
            match self.client.find(Locator::Css(css)).await {
                Ok(element) => return element,
                Err(e) if Instant::now() >= deadline => {
                    self.fail(&format!("no element matches `{css}`: {e}")).await
                }
                Err(_) => tokio::time::sleep(POLL).await,
            }
        }
    }

    /// The visible text of the element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        let element = self.find(css).await;
        match element.text().await {
            Ok(text) => text,
            Err(e) => {
                self.fail(&format!("cannot read the text of `{css}`: {e}"))
                    .await
            }
        }
    }

    /// An attribute of the element matching `css` (None when it has no such attribute).
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        let element = self.find(css).await;
        match element.attr(name).await {
            Ok(value) => value,
            Err(e) => {
                self.fail(&format!("cannot read `{css}`[{name}]: {e}"))
                    .await
            }
        }
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) {
        let element = self.find(css).await;
        if let Err(e) = element.click().await {
            self.fail(&format!("cannot click `{css}`: {e}")).await;
        }
    }

    /// Replaces the content of the input or textarea matching `css` with `text`, typing it
    /// key by key (so the page sees real `input` events). Any Unicode text works.
    pub async fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        // Ctrl+A selects what is there, NULL releases Ctrl, Delete removes the selection.
        let keys = format!("\u{E009}a\u{E000}\u{E017}{text}");
        if let Err(e) = element.send_keys(&keys).await {
            self.fail(&format!("cannot type into `{css}`: {e}")).await;
        }
    }

    /// Chooses the `<option value="...">` of the `<select>` matching `css`.
    pub async fn select(&self, css: &str, value: &str) {
        let element = self.find(css).await;
        if let Err(e) = element.select_by_value(value).await {
            self.fail(&format!("cannot select {value:?} in `{css}`: {e}"))
                .await;
        }
    }

    /// Presses and releases one key where the focus is, e.g.
    /// `browser.press(fantoccini::key::Key::Right)` or `browser.press('a')`.
    pub async fn press(&self, key: impl Into<char>) {
        let value = key.into();
        let actions = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
        if let Err(e) = self.client.perform_actions(actions).await {
            self.fail(&format!("cannot press {value:?}: {e}")).await;
        }
    }

    /// A log line's hex (`HexLine`) under `css`: how many elements it holds and the text of its
    /// one line. One text node, not a cell per byte: a flood draws hundreds of lines a second.
    pub async fn hex_line(&self, css: &str) -> (u64, String) {
        let css = serde_json::to_string(css).expect("a selector as a JSON string");
        let got = self
            .eval(&format!(
                "const hex = document.querySelector({css}); \
                 return [hex.querySelectorAll('*').length, hex.querySelector('.hex-line').textContent]"
            ))
            .await;
        serde_json::from_value(got).expect("[count, text]")
    }

    /// Runs JavaScript in the page and returns its result as JSON. `js` is a function body:
    /// use `return`, e.g. `browser.eval("return document.title").await`.
    pub async fn eval(&self, js: &str) -> Value {
        match self.client.execute(js, vec![]).await {
            Ok(value) => value,
            Err(e) => self.fail(&format!("script failed: {e}\n{js}")).await,
        }
    }

    /// Runs asynchronous JavaScript: the last argument (`arguments[arguments.length - 1]`)
    /// is a callback to call with the result.
    pub async fn eval_async(&self, js: &str) -> Value {
        match self.client.execute_async(js, vec![]).await {
            Ok(value) => value,
            Err(e) => self.fail(&format!("async script failed: {e}\n{js}")).await,
        }
    }

    /// The document's title.
    pub async fn title(&self) -> String {
        self.client.title().await.expect("read the page title")
    }

    /// The current URL.
    pub async fn current_url(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("read the current URL")
            .to_string()
    }

    /// Saves a PNG screenshot of the window to `path`.
    pub async fn screenshot(&self, path: impl AsRef<Path>) {
        let png = self.client.screenshot().await.expect("take a screenshot");
        std::fs::write(path.as_ref(), png)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.as_ref().display()));
    }

    /// Sends a Chrome DevTools Protocol command, e.g.
    /// `browser.cdp("Network.setCacheDisabled", json!({"cacheDisabled": true}))`.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        let session = self.session_id.as_deref().expect("a WebDriver session id");
        let body = json!({ "cmd": cmd, "params": params }).to_string();
        let port = self.driver_port;
        let path = format!("/session/{session}/goog/cdp/execute");
        let response =
            tokio::task::spawn_blocking(move || driver_request(port, "POST", &path, &body))
                .await
                .expect("the CDP request thread")
                .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"));
        let reply: Value = serde_json::from_str(&response)
            .unwrap_or_else(|e| panic!("CDP {cmd}: the reply is not JSON ({e}): {response}"));
        reply["value"].clone()
    }

    /// Ends the session and closes Chromium (dropping the browser does this too).
    pub async fn quit(mut self) {
        let client = self.client.clone();
        if client.close().await.is_ok() {
            self.session_id = None;
        }
    }

    /// The browser console so far (`console.log`, errors, a Rust panic's message), one line per
    /// entry, like `SEVERE http://.../frontend.js 1:234 "panicked at ..."`. Reading empties it.
    pub async fn console_log(&self) -> Vec<String> {
        let Some(session) = self.session_id.clone() else {
            return vec![];
        };
        let port = self.driver_port;
        let reply = tokio::task::spawn_blocking(move || {
            driver_request(
                port,
                "POST",
                &format!("/session/{session}/se/log"),
                r#"{"type":"browser"}"#,
            )
        })
        .await
        .ok()
        .and_then(|r| r.ok())
        .unwrap_or_default();
        let reply: Value = serde_json::from_str(&reply).unwrap_or(Value::Null);
        reply["value"]
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| {
                        format!(
                            "{} {}",
                            e["level"].as_str().unwrap_or("?"),
                            e["message"].as_str().unwrap_or("")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Saves a screenshot and the driver's log, and panics with `message`, the console and
    /// the start of the page's text.
    async fn fail(&self, message: &str) -> ! {
        let base = artifact_base();
        let shot = base.with_extension("png");
        let _ = std::fs::copy(
            self.work.path().join("chromedriver.log"),
            base.with_extension("chromedriver.log"),
        );
        let console = self.console_log().await.join("\n");
        let saved = match self.client.screenshot().await {
            Ok(png) => std::fs::write(&shot, png).is_ok(),
            Err(_) => false,
        };
        let url = self.client.current_url().await.map(|u| u.to_string());
        let body = self
            .client
            .execute(
                "return document.body ? document.body.innerText : ''",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_str().map(|s| s.chars().take(1500).collect::<String>()))
            .unwrap_or_default();
        let shot = if saved {
            format!("screenshot: {}", shot.display())
        } else {
            "no screenshot".to_string()
        };
        panic!(
            "{message}\nurl: {url:?}\n{shot}\n--- browser console ---\n{console}\n\
             --- page text ---\n{body}"
        );
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Drop cannot await, and the async runtime may be shutting down already, so the session
        // is ended with one plain blocking HTTP request; chromedriver then closes Chromium.
        if let Some(session) = self.session_id.take() {
            let _ = driver_request(
                self.driver_port,
                "DELETE",
                &format!("/session/{session}"),
                "",
            );
        }
        // If Chromium did not quit (the session was already broken), stop it ourselves: it is
        // the child chromedriver started, and it would outlive chromedriver otherwise.
        let browsers = children_of(self.driver.id());
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let profile = self.work.path().to_string_lossy().into_owned();
        for pid in browsers {
            // Only a process still running with our profile folder (never a reused pid).
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            if !String::from_utf8_lossy(&cmdline).contains(&profile) {
                continue;
            }
            let _ = Command::new("kill")
                .arg(pid.to_string())
                .stderr(Stdio::null())
                .status();
        }
    }
}

/// The WebDriver capabilities: the installed Chromium, headless, offline except loopback.
fn capabilities(options: &BrowserOptions, profile: &Path) -> fantoccini::wd::Capabilities {
    let WindowSize { width, height } = options.size;
    let args = [
        "--headless".to_string(),
        "--no-sandbox".to_string(),
        "--disable-gpu".to_string(),
        "--disable-quic".to_string(),
        "--no-first-run".to_string(),
        "--disable-background-networking".to_string(),
        "--disable-component-update".to_string(),
        "--disable-sync".to_string(),
        "--disable-dev-shm-usage".to_string(),
        // No name resolves except localhost: the page can only reach loopback.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1".to_string(),
        format!("--user-data-dir={}", profile.display()),
        format!("--window-size={width},{height}"),
        format!("--lang={}", options.lang),
    ];
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium_binary(),
            "args": args,
            "prefs": { "intl.accept_languages": options.lang },
        },
        // Keep the page's console, for `console_log` and failure messages.
        "goog:loggingPrefs": { "browser": "ALL" },
    });
    match caps {
        Value::Object(map) => map,
        _ => unreachable!("a JSON object literal"),
    }
}

/// `$NETLAB_CHROMIUM`, else /usr/bin/chromium.
fn chromium_binary() -> String {
    std::env::var("NETLAB_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string())
}

/// `$NETLAB_CHROMEDRIVER`, else `chromedriver` from PATH.
fn chromedriver_binary() -> PathBuf {
    std::env::var_os("NETLAB_CHROMEDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("chromedriver"))
}

/// How many ports chromedriver is tried on before giving up.
const DRIVER_START_TRIES: usize = 5;

/// Starts chromedriver on a port that was free a moment ago, and waits until it answers
/// `GET /status` as ready. The port can be lost in between (another test binds it, or a
/// connect to a port nothing listens on yet connects to itself, which Linux allows on
/// loopback): then chromedriver exits or something else answers, and it is tried again on
/// another port. A connect alone is not proof: it is chromedriver's own answer that counts.
fn start_driver(log: &std::path::Path) -> (Child, u16) {
    let driver_bin = chromedriver_binary();
    let mut failures = Vec::new();
    for _ in 0..DRIVER_START_TRIES {
        let port = crate::free_tcp_port();
        let mut driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start {} ({e}); `cargo xtask test` installs chromium-driver",
                    driver_bin.display()
                )
            });
        match wait_until_ready(&mut driver, port) {
            Ok(()) => return (driver, port),
            Err(why) => {
                let _ = driver.kill();
                let _ = driver.wait();
                failures.push(format!("port {port}: {why}"));
            }
        }
    }
    panic!(
        "chromedriver did not start in {DRIVER_START_TRIES} tries:\n{}",
        failures.join("\n")
    );
}

/// Waits until chromedriver on `port` answers `GET /status` with `"ready": true`.
fn wait_until_ready(driver: &mut Child, port: u16) -> Result<(), String> {
    let deadline = Instant::now() + DRIVER_START_TIMEOUT;
    loop {
        if let Ok(Some(status)) = driver.try_wait() {
            return Err(format!("chromedriver exited at start ({status})"));
        }
        let answer = driver_request(port, "GET", "/status", "");
        if let Ok(body) = &answer {
            let ready = serde_json::from_str::<Value>(body)
                .ok()
                .and_then(|v| v["value"]["ready"].as_bool());
            match ready {
                Some(true) => return Ok(()),
                Some(false) => {}
                None => return Err(format!("something else answered: {body:.200}")),
            }
        }
        if Instant::now() >= deadline {
            return Err(format!(
                "not ready within {DRIVER_START_TIMEOUT:?} (last: {answer:?})"
            ));
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// One blocking HTTP/1.1 request to chromedriver on loopback; returns the response body.
/// (chromedriver refuses HTTP/1.0, so a chunked answer is decoded here.)
fn driver_request(port: u16, method: &str, path: &str, body: &str) -> std::io::Result<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    // chromedriver may keep the connection open, so read until the body is complete rather
    // than until the connection closes.
    let mut response = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let n = stream.read(&mut chunk)?;
        response.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&response);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let head = head.to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if head.contains("transfer-encoding: chunked") {
                if body.ends_with("0\r\n\r\n") || n == 0 {
                    return Ok(dechunk(body));
                }
            } else if length.is_some_and(|len| body.len() >= len) || n == 0 {
                return Ok(body.to_string());
            }
        }
        if n == 0 {
            return Err(std::io::Error::other(
                "chromedriver closed the connection early",
            ));
        }
    }
}

/// Decodes a `Transfer-Encoding: chunked` body: `<hex size>\r\n<data>\r\n ... 0\r\n\r\n`.
fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size =
            usize::from_str_radix(size.split(';').next().unwrap_or("").trim(), 16).unwrap_or(0);
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].strip_prefix("\r\n").unwrap_or(&rest[size..]);
    }
    out
}

/// The processes whose parent is `pid` (Linux: read from /proc).
fn children_of(pid: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return vec![];
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|child| {
            std::fs::read_to_string(format!("/proc/{child}/stat"))
                .ok()
                // The fields after the `(command name)` start with the state, then the ppid.
                .and_then(|stat| {
                    let after = stat.rsplit_once(')')?.1;
                    after.split_whitespace().nth(1)?.parse::<u32>().ok()
                })
                == Some(pid)
        })
        .collect()
}

/// `target/e2e-artifacts/<test name>-<milliseconds>`, to add an extension to.
fn artifact_base() -> PathBuf {
    let thread = std::thread::current();
    let name: String = thread
        .name()
        .unwrap_or("test")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or_default();
    crate::artifacts_dir().join(format!("{name}-{stamp}"))
}
