//! `bench`: the figures issue 2 asks for, both sides of each ratio measured in one run.
//!
//! - page weight: gzip size of what the first load fetches, tutorial vs a Yew hello-world
//!   built the same way (goal <= 2.5x);
//!   (and the brotli size of the same files);
//! - first contentful paint in headless Chromium, median of N fresh loads (goal <= 1.5x);
//! - the first lesson step with the CPU throttled 4x and the cache off: time to its widget
//!   (goal <= 1.5x the hello-world's);
//! - UDP echo round trip through the relay's WebSocket vs direct UDP on loopback, p50/p99
//!   (goal, issue 14: p50 <= 2x).
//!
//! Run it with `cargo xtask bench` (which builds everything first). Options:
//! `--relay PATH` (default `$NETLAB_RELAY_BIN`, else target/debug/relay), `--tutorial-dist DIR`
//! (frontend/dist), `--hello-dist DIR` (target/bench/hello-dist), `--loads N` (15),
//! `--round-trips N` (2000), `--stress` (only the relay under local abuse, see `stress.rs`),
//! `--flood` (only the page under a flooding peer, see `flood.rs`), `--udp` (only the UDP
//! round trip), `--page` (only the page's weight, paint and throttled first step, see
//! `page.rs`),
//! `--windows-relay PATH` (also the UDP round trip through this relay.exe, run by
//! `$NETLAB_RELAY_RUNNER`, i.e. Wine; information only).

mod download;
mod flood;
mod page;
mod quiet;
mod stats;
mod stress;
mod switches;
mod udp_rtt;

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

/// What to measure, from the command line.
pub struct Options {
    pub relay: PathBuf,
    pub tutorial_dist: PathBuf,
    pub hello_dist: PathBuf,
    pub loads: usize,
    pub round_trips: usize,
    /// Only the file-download figures (issue 5): `--download`.
    pub download_only: bool,
    /// Only the abuse figures (issue 12): `--stress`.
    pub stress_only: bool,
    /// Only the flood figures (issue 14): `--flood`.
    pub flood_only: bool,
    /// Only the UDP round trip: `--udp`.
    pub udp_only: bool,
    /// Only the page's weight and timing (issue 14, part 4): `--page`.
    pub page_only: bool,
    /// The Windows build, for its UDP round trip under Wine: `--windows-relay PATH`.
    pub windows_relay: Option<PathBuf>,
}

fn parse_args() -> Result<Options> {
    let root = e2e::workspace_root();
    let mut options = Options {
        relay: PathBuf::new(),
        tutorial_dist: root.join("frontend").join("dist"),
        hello_dist: e2e::target_dir().join("bench").join("hello-dist"),
        loads: 15,
        round_trips: 2000,
        download_only: false,
        stress_only: false,
        flood_only: false,
        udp_only: false,
        page_only: false,
        windows_relay: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().with_context(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--relay" => options.relay = value()?.into(),
            "--tutorial-dist" => options.tutorial_dist = value()?.into(),
            "--hello-dist" => options.hello_dist = value()?.into(),
            "--loads" => options.loads = value()?.parse().context("--loads")?,
            "--round-trips" => options.round_trips = value()?.parse().context("--round-trips")?,
            "--download" => options.download_only = true,
            "--stress" => options.stress_only = true,
            "--flood" => options.flood_only = true,
            "--udp" => options.udp_only = true,
            "--page" => options.page_only = true,
            "--windows-relay" => options.windows_relay = Some(value()?.into()),
            "-h" | "--help" => {
                println!(
                    "{}",
                    include_str!("main.rs")
                        .lines()
                        .take_while(|l| l.starts_with("//!"))
                        .collect::<Vec<_>>()
                        .join("\n")
                );
                std::process::exit(0);
            }
            other => bail!("unknown option {other} (see --help)"),
        }
    }
    if options.relay.as_os_str().is_empty() {
        options.relay = e2e::Relay::binary();
    }
    if options.loads == 0 || options.round_trips < 1000 {
        bail!("--loads must be at least 1 and --round-trips at least 1000");
    }
    Ok(options)
}

fn main() -> Result<()> {
    let options = parse_args()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(run(options))
}

async fn run(options: Options) -> Result<()> {
    if options.download_only {
        // 1 GiB downloads: the relay's downloader vs a plain client, and the relay's memory.
        let figures = download::measure(&options.relay).await?;
        println!();
        figures.print();
        return Ok(());
    }
    if options.flood_only {
        quiet::wait_for_quiet("the floods").await;
        let figures = flood::measure(&options.relay).await?;
        println!();
        figures.print();
        return Ok(());
    }
    if options.stress_only {
        let figures = stress::measure(&options.relay).await?;
        println!();
        figures.print();
        return Ok(());
    }
    if options.udp_only {
        quiet::wait_for_quiet("the round trip").await;
        let relay = e2e::Relay::start_binary(options.relay.clone(), &[], &[]);
        let udp = udp_rtt::measure(&relay, options.round_trips)?;
        println!();
        udp.print();
        return Ok(());
    }
    quiet::wait_for_quiet("the page").await;
    let relay = e2e::Relay::start_binary(options.relay.clone(), &[], &[]);
    eprintln!("relay: {} (port {})", options.relay.display(), relay.port());

    let pages = page::measure(&relay, &options).await?;
    drop(relay);
    if options.page_only {
        println!();
        pages.print();
        return Ok(());
    }
    // A launch's token is used up by the first session (the browser's, above): the round trip
    // gets a relay of its own. Chromium may still be exiting: see `quiet.rs`.
    quiet::wait_for_quiet("the round trip").await;
    let relay = e2e::Relay::start_binary(options.relay.clone(), &[], &[]);
    let udp = udp_rtt::measure(&relay, options.round_trips)?;

    println!();
    pages.print();
    println!();
    udp.print();
    drop(relay);

    // A learner's runaway sender against the page (issue 14).
    quiet::wait_for_quiet("the floods").await;
    let flood = flood::measure(&options.relay).await?;
    println!();
    flood.print();

    if let Some(exe) = &options.windows_relay {
        quiet::wait_for_quiet("the Windows round trip").await;
        let relay = e2e::Relay::start_binary(exe.clone(), &[], &[]);
        eprintln!("windows relay: {} (port {})", exe.display(), relay.port());
        let windows = udp_rtt::measure(&relay, options.round_trips)?;
        println!();
        windows.print_windows_under_wine(&udp);
    }
    Ok(())
}
