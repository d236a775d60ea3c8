//! The end-to-end harness: the real `relay` binary, a real headless Chromium driven over
//! WebDriver, the shared protocol client ([`Client`], from `testkit`, the same one the relay's
//! own tests use), and Python programs that play the learner's own course code. Everything
//! stays on loopback.
//!
//! A typical test:
//!
//! ```no_run
//! use e2e::{Browser, Relay};
//!
//! #[tokio::test(flavor = "multi_thread")]
//! async fn the_page_connects() {
//!     let relay = Relay::start(&[]);                  // --no-open --port 0
//!     let browser = Browser::start().await;           // headless Chromium, 1280x900
//!     e2e::open_step(&browser, &relay, "udp", 4).await; // token first, then /lesson/udp/4
//!     browser.wait_for("[data-testid=udp-open]", e2e::PAGE_WAIT).await;
//!     browser.quit().await;                           // or just drop it
//! }
//! ```
//!
//! Where things come from:
//! - the relay binary: `$NETLAB_RELAY_BIN`, else `<workspace>/target/debug/relay`
//!   (`cargo xtask test` builds it and sets the variable); a binary older than its sources
//!   or than the page it embeds fails the test at once (`fresh.rs`); a `.exe` relay runs
//!   through `$NETLAB_RELAY_RUNNER` (Wine) on other systems, see `tests/windows_relay.rs`;
//! - Chromium: `$NETLAB_CHROMIUM`, else `/usr/bin/chromium`; chromedriver: `$NETLAB_CHROMEDRIVER`,
//!   else `chromedriver` on PATH (`cargo xtask test` installs both from apt when missing);
//! - Python: `python3` on PATH, scripts in `tests/python/`.
//!
//! Screenshots and chromedriver logs of failing tests go to `target/e2e-artifacts/`.

mod browser;
pub mod fresh;
mod open;
mod panel;
mod python_peer;
mod relay;
mod static_server;

use std::path::PathBuf;

pub use browser::{Browser, BrowserOptions, DESKTOP, PHONE, WindowSize};
pub use open::{PortControls, open_page, open_step, page_binds_a_free_port, use_port};
pub use panel::{click_centred, panel_mode, start_panel_on};
pub use python_peer::{PythonPeer, python_script, run_python};
pub use relay::Relay;
pub use static_server::StaticServer;
pub use testkit::{
    Client, PAGE_WAIT, WAIT, free_tcp_port, free_udp_port, wait_until, wait_until_async,
};

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
