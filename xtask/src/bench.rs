//! `cargo xtask bench [flags]`: the benchmark figures, both sides of each ratio in one run
//! (tests/src/bin/bench): page weight (the tutorial vs a Yew hello-world built the same way),
//! first contentful paint in headless Chromium, the first lesson step with the CPU throttled 4x
//! (time to its widget, vs the hello-world's), the UDP echo round trip through the relay vs
//! direct UDP, and on Linux the same round trip through the Windows build under Wine
//! (information only). Flags go to the bench binary (--loads N, --round-trips N).
//!
//! `cargo xtask bench --download`: the file-download lab instead: 1 GiB over loopback, the
//! relay's downloader vs a plain client with and without hashing, the relay's CPU time per GiB
//! and its peak memory (needs about 2 GiB free under the target folder).
//!
//! `cargo xtask bench --stress`: the relay under a local process's abuse (issue 12): RSS and
//! file descriptors for 1,000 idle connections, 1,000 upgrades without hello and 100 download
//! attempts, and `GET /` latency for a well-behaved client meanwhile.
//!
//! `cargo xtask bench --page`: only the page figures (weight, first paint, the throttled first
//! step, both sides), without the round trips, the floods and the Windows build.
//!
//! `cargo xtask bench --flood`: only the flood figures (issue 14, also part of the default run):
//! 10,000 datagrams/s for 10 s into the peer panel and into the UDP lesson's bind step, and a
//! 50 MB/s TCP stream into the panel's TCP server; the page's main-thread stall during and
//! after, counts shown against counts sent, and the relay's memory.

use std::process::Command;

use anyhow::{Result, bail};

use crate::{cmd, frontend, tools, wine};

pub fn bench(args: &[String]) -> Result<()> {
    if !cfg!(target_os = "linux") {
        bail!(
            "the benchmarks run on Linux: they drive Chromium installed with apt, read the \
             relay's memory from /proc and run the Windows build under Wine"
        );
    }
    let tools = tools::ensure_build_tools()?;
    let target = cmd::target_dir()?;
    let release = target.join("release");
    let exe = |name: &str| release.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let build_release = || {
        cmd::run(&mut cmd::cargo_line(
            "build --release -p relay -p e2e --bin relay --bin bench",
        ))
    };

    if let Some(only @ ("--download" | "--stress")) = args.first().map(String::as_str) {
        build_release()?;
        return cmd::run(
            Command::new(exe("bench"))
                .arg("--relay")
                .arg(exe("relay"))
                .arg(only),
        );
    }

    tools::ensure_chromium()?;
    if args.first().map(String::as_str) == Some("--flood") {
        // Measured as a learner runs it: the release relay, embedding the page built here.
        frontend::build_page(&tools)?;
        build_release()?;
        return cmd::run(
            Command::new(exe("bench"))
                .arg("--relay")
                .arg(exe("relay"))
                .arg("--flood"),
        );
    }
    let hello = target.join("bench").join("hello-dist");
    frontend::build_page(&tools)?;
    frontend::build(&tools, "yew-hello", &hello)?;
    // Measured as a learner runs it: the release relay (it embeds frontend/dist, built above).
    build_release()?;
    let mut bench = Command::new(exe("bench"));
    bench
        .arg("--relay")
        .arg(exe("relay"))
        .arg("--tutorial-dist")
        .arg(cmd::root().join("frontend").join("dist"))
        .arg("--hello-dist")
        .arg(&hello)
        .args(args);

    if args.iter().any(|a| a == "--page") {
        return cmd::run(&mut bench);
    }
    // The Windows build beside it, under Wine.
    let windows = wine::build_relay(&target, "release", true)?;
    let wine = wine::Wine::start(&target)?;
    wine.env(&mut bench).arg("--windows-relay").arg(windows);
    cmd::run(&mut bench)
}
