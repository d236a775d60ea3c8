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
    // One thread runs every task. A round trip through the relay (the page's request, the
    // socket's send, the echo, the event back) then stays on that thread instead of waking
    // another one at each step: half the context switches or fewer, and a round trip about a
    // tenth faster (`bench --udp`). What needs a CPU of its own (hashing, writing and serving
    // files) runs on blocking threads, so downloads and floods keep their speed.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let result = runtime.block_on(relay::run(cfg));
    // Do not wait for a browser launcher that hangs (it runs on a blocking thread).
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    result
}
