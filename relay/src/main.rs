//! The `relay` binary: parse the flags, set up logging to stderr, run the relay until Ctrl-C.
//! A fatal error is printed, and when the program has its own console window (double-clicked
//! on Windows) it waits for Enter first, so the learner can read it (`platform/console.rs`).

use std::io::IsTerminal as _;
use std::process::ExitCode;

use clap::Parser as _;
use tracing_subscriber::EnvFilter;

use relay::config::Config;
use relay::platform::console;

fn main() -> ExitCode {
    console::prepare();
    let cfg = Config::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    match run(cfg) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            console::pause_if_own_window();
            ExitCode::FAILURE
        }
    }
}

fn run(cfg: Config) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let result = runtime.block_on(relay::run(cfg));
    // Do not wait for a browser launcher that hangs (it runs on a blocking thread).
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    result
}
