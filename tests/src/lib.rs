//! The end-to-end harness: the real `relay` binary, a real headless Chromium driven over
//! WebDriver, a WebSocket client that speaks the page's protocol, and Python programs that
//! play the learner's own course code. Everything stays on loopback.
//!
//! A typical test:
//!
//! ```no_run
//! use e2e::{Browser, Relay};
//! use std::time::Duration;
//!
//! #[tokio::test(flavor = "multi_thread")]
//! async fn the_page_connects() {
//!     let relay = Relay::start(&[]);                  // --no-open --port 0
//!     let browser = Browser::start().await;           // headless Chromium, 1280x900
//!     browser.goto(relay.url()).await;                // http://127.0.0.1:PORT/#token=...
//!     browser
//!         .wait_for("[data-testid=relay-status][data-state=connected]", Duration::from_secs(10))
//!         .await;
//!     browser.quit().await;                           // or just drop it
//! }
//! ```
//!
//! Where things come from:
//! - the relay binary: `$NETLAB_RELAY_BIN`, else `<workspace>/target/debug/relay`
//!   (`cargo xtask test` builds it and sets the variable); a `.exe` relay runs through
//!   `$NETLAB_RELAY_RUNNER` (Wine) on other systems, see `tests/windows_relay.rs`;
//! - Chromium: `$NETLAB_CHROMIUM`, else `/usr/bin/chromium`; chromedriver: `$NETLAB_CHROMEDRIVER`,
//!   else `chromedriver` on PATH (`cargo xtask test` installs both from apt when missing);
//! - Python: `python3` on PATH, scripts in `tests/python/`.
//!
//! Screenshots and chromedriver logs of failing tests go to `target/e2e-artifacts/`.

mod browser;
mod page_socket;
mod python_peer;
mod relay;
mod static_server;

use std::path::PathBuf;

pub use browser::{Browser, BrowserOptions, DESKTOP, PHONE, WindowSize};
pub use page_socket::PageSocket;
pub use python_peer::{PythonPeer, python_script, run_python};
pub use relay::Relay;
pub use static_server::StaticServer;

/// The workspace root (the folder with the top-level Cargo.toml).
pub fn workspace_root() -> PathBuf {
    // This crate lives in <root>/tests.
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the e2e crate is inside the workspace")
        .to_path_buf()
}

/// Cargo's target folder (`$CARGO_TARGET_DIR` when set, else `<root>/target`).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                workspace_root().join(dir)
            }
        }
        None => workspace_root().join("target"),
    }
}

/// Where tests leave files worth looking at after a failure (screenshots, driver logs).
pub fn artifacts_dir() -> PathBuf {
    let dir = target_dir().join("e2e-artifacts");
    std::fs::create_dir_all(&dir).expect("create target/e2e-artifacts");
    dir
}

/// A free TCP port on 127.0.0.1 at the time of asking (for programs that need a port number
/// up front, like chromedriver). Prefer binding port 0 yourself when you can.
pub fn free_tcp_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("bind 127.0.0.1:0")
        .port()
}
