//! `cargo xtask test`: the one test command (README; `.ci/run` runs exactly this).
//!
//! Installs what is missing, checks formatting, runs clippy with warnings denied (native
//! crates, and the wasm crates for wasm32), builds the page and the relay that embeds it, then
//! runs every test: unit tests, the relay's integration tests, the end-to-end tests in real
//! headless Chromium (Linux only), and the Windows build of the relay under Wine (Linux only).
//! Stops at the first failing check; every test run goes to the end. The last line is the
//! summary CI reads: `N passed, N failed`, summed over every `cargo test` run. With `CI=true`,
//! every cargo runs without incremental caches and debug info (see `cmd::cargo`).

use std::process::Command;
use std::time::Instant;

use anyhow::{Result, bail};

use crate::cmd::{self, say};
use crate::summary::Tally;
use crate::{frontend, tools, wine};

/// The browser tests need Chromium and chromedriver from apt, so they run on Linux only.
const BROWSER_OS: &str = "linux";

pub fn test(args: &[String]) -> Result<()> {
    if let Some(extra) = args.first() {
        bail!("`cargo xtask test` takes no arguments (got {extra:?})");
    }
    let linux = std::env::consts::OS == BROWSER_OS;
    let mut steps = Steps::new();

    steps.start("tools: Rust toolchain, wasm-bindgen, wasm-opt, Chromium, axe-core");
    let tools = tools::ensure_build_tools()?;
    if linux {
        tools::ensure_chromium()?;
        tools::ensure_axe_core()?;
    }

    steps.start("cargo fmt --check");
    cmd::run(cmd::cargo().args(["fmt", "--all", "--", "--check"]))?;

    steps.start("build the page (frontend -> frontend/dist)");
    frontend::build_page(&tools)?;

    steps.start("clippy, native crates (warnings denied)");
    let mut clippy = cmd::cargo_line("clippy --workspace --exclude frontend --exclude yew-hello");
    cmd::run(clippy.args("--all-targets --features e2e/wine -- -D warnings".split_whitespace()))?;

    steps.start("clippy, wasm crates for wasm32 (warnings denied)");
    let mut clippy = cmd::cargo_line("clippy -p frontend -p yew-hello --all-targets");
    cmd::run(clippy.args("--target wasm32-unknown-unknown -- -D warnings".split_whitespace()))?;

    steps.start("build the relay (embeds frontend/dist)");
    cmd::run(cmd::cargo().args(["build", "-p", "relay"]))?;
    let target = cmd::target_dir()?;
    let relay = target
        .join("debug")
        .join(format!("relay{}", std::env::consts::EXE_SUFFIX));

    let mut tally = Tally::default();
    let mut all_ok = true;
    let mut test = cmd::cargo();
    test.env("NETLAB_RELAY_BIN", &relay);
    if linux {
        steps.start("cargo test --workspace (unit, integration, end-to-end in headless Chromium)");
        test.args(["test", "--workspace", "--no-fail-fast"]);
        all_ok &= counted(&mut test, &mut tally)?;
    } else {
        steps.start("cargo test --workspace, without the browser tests");
        say(format!(
            "SKIPPED: the end-to-end tests in headless Chromium (tests/tests/*.rs) run on Linux \
             only: they install Chromium and chromedriver with apt. This is {}; everything \
             else runs, including the e2e crate's own unit tests.",
            std::env::consts::OS
        ));
        test.args(["test", "--workspace", "--no-fail-fast", "--exclude", "e2e"]);
        all_ok &= counted(&mut test, &mut tally)?;
        all_ok &= counted(
            cmd::cargo().args(["test", "-p", "e2e", "--lib", "--bins"]),
            &mut tally,
        )?;
    }

    if linux {
        steps.start("the Windows relay under Wine (protocol, course programs, OS errors)");
        // A failure to build or start counts as one failed test, so the summary still comes.
        if let Err(e) = windows_under_wine(&target, &mut tally) {
            say(format!("error: {e:#}"));
            tally.add_run("", false);
            all_ok = false;
        }
    } else {
        say("SKIPPED: the Windows build under Wine runs on Linux only (Wine and mingw from apt).");
    }
    steps.finish();

    say(format!("total time: {}s", steps.total()));
    println!("{}", tally.line());
    if !all_ok || tally.failed > 0 {
        bail!("some tests failed");
    }
    Ok(())
}

/// `cargo xtask test-windows`: only the last step of `cargo xtask test`, the Windows build of
/// the relay under Wine (Linux only), for working on it.
pub fn test_windows(args: &[String]) -> Result<()> {
    if let Some(extra) = args.first() {
        bail!("`cargo xtask test-windows` takes no arguments (got {extra:?})");
    }
    if std::env::consts::OS != "linux" {
        bail!("the Windows build runs under Wine on Linux only");
    }
    let mut steps = Steps::new();
    steps.start("the Windows relay under Wine (protocol, course programs, OS errors)");
    let mut tally = Tally::default();
    let ok = windows_under_wine(&cmd::target_dir()?, &mut tally)?;
    steps.finish();
    println!("{}", tally.line());
    if !ok || tally.failed > 0 {
        bail!("some tests failed");
    }
    Ok(())
}

/// Cross-builds relay.exe and runs tests/tests/windows_relay.rs against it under Wine.
fn windows_under_wine(target: &std::path::Path, tally: &mut Tally) -> Result<bool> {
    let exe = wine::build_relay(target, "debug", true)?;
    let wine = wine::Wine::start(target)?;
    let mut test =
        cmd::cargo_line("test -p e2e --features wine --test windows_relay --no-fail-fast");
    wine.env(&mut test).env("NETLAB_RELAY_BIN", &exe);
    let ok = counted(&mut test, tally)?;
    drop(wine);
    Ok(ok)
}

/// Runs one `cargo test` to its end and adds its results to `tally`.
fn counted(test: &mut Command, tally: &mut Tally) -> Result<bool> {
    let (ok, output) = cmd::tee(test)?;
    tally.add_run(&output, ok);
    Ok(ok)
}

/// Numbered steps with their times, like `==> [3] build the page` ... `<== [3] ...: 42s`.
struct Steps {
    started: Instant,
    current: Option<(usize, String, Instant)>,
    count: usize,
}

impl Steps {
    fn new() -> Steps {
        Steps {
            started: Instant::now(),
            current: None,
            count: 0,
        }
    }

    fn start(&mut self, name: &str) {
        self.finish();
        self.count += 1;
        say(format!("\n==> [{}] {name}", self.count));
        self.current = Some((self.count, name.to_string(), Instant::now()));
    }

    fn finish(&mut self) {
        if let Some((n, name, at)) = self.current.take() {
            say(format!("<== [{n}] {name}: {}s", at.elapsed().as_secs()));
        }
    }

    fn total(&self) -> u64 {
        self.started.elapsed().as_secs()
    }
}

impl Drop for Steps {
    fn drop(&mut self) {
        if let Some((n, name, _)) = &self.current {
            say(format!("\nFAILED at step [{n}] {name}"));
        }
    }
}
