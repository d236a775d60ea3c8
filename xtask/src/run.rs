//! `cargo xtask run [relay flags]`: the one command that runs the tutorial. Builds the page
//! (wasm), embeds it in the relay (release build), starts the relay on 127.0.0.1 and opens the
//! browser. Flags go to the relay: --no-open, --port N, --allow-target CIDR, --allow-bind-all.

use anyhow::{Result, bail};

use crate::{cmd, frontend, tools};

pub fn run(relay_flags: &[String]) -> Result<()> {
    let tools = tools::ensure_build_tools()?;
    frontend::build_page(&tools)?;
    let status = cmd::cargo()
        .args(["run", "--release", "-p", "relay", "--"])
        .args(relay_flags)
        .status()?;
    // Ctrl+C stops the relay, which then exits cleanly; anything else is worth reporting.
    if !status.success() {
        bail!("the relay stopped with {status}");
    }
    Ok(())
}
