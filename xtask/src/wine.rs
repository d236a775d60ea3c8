//! The Windows build of the relay, cross-built with mingw and run under Wine on Linux, so CI
//! proves the program learners on Windows download (`cargo xtask test`, `cargo xtask bench`).
//!
//! Three facts shape this file:
//! - Debian 12's Wine 8.0 lacks bcryptprimitives.dll, which Rust's std needs for random bytes:
//!   a tiny test-only DLL (tests/wine/bcryptprimitives.c) goes beside relay.exe.
//! - Wine makes sockets in its `wineserver` process: the relay and its test clients must share
//!   that process's network namespace (true on one host). The server is started here, kept
//!   running for the whole step (each relay start is then quick), and killed at the end.
//! - A private WINEPREFIX under target/ keeps the learner's own ~/.wine untouched.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context as _, Result, bail};

use crate::cmd::{self, say};
use crate::tools;

pub const WINDOWS_TARGET: &str = "x86_64-pc-windows-gnu";
const WINE64: &str = "/usr/lib/wine/wine64";
const WINESERVER: &str = "/usr/lib/wine/wineserver";

/// The Windows relay (`relay.exe`) built for `profile` ("debug" or "release"), with the
/// test-only ProcessPrng DLL beside it when `for_wine`. Installs mingw and the Rust target
/// when missing.
pub fn build_relay(target_dir: &Path, profile: &str, for_wine: bool) -> Result<PathBuf> {
    tools::ensure_mingw()?;
    tools::ensure_target(WINDOWS_TARGET)?;
    let mut build = cmd::cargo();
    build.args(["build", "-p", "relay", "--target", WINDOWS_TARGET]);
    if profile == "release" {
        build.arg("--release");
    }
    cmd::run(&mut build)?;
    let dir = target_dir.join(WINDOWS_TARGET).join(profile);
    let exe = dir.join("relay.exe");
    if !exe.is_file() {
        bail!("no {} after the build", exe.display());
    }
    if !for_wine {
        return Ok(exe);
    }
    let source = cmd::root()
        .join("tests")
        .join("wine")
        .join("bcryptprimitives.c");
    cmd::quietly(
        Command::new("x86_64-w64-mingw32-gcc")
            .args(["-shared", "-O2", "-Wall", "-o"])
            .arg(dir.join("bcryptprimitives.dll"))
            .arg(&source)
            .arg("-ladvapi32"),
    )?;
    Ok(exe)
}

/// A running wineserver with a private prefix; killed (`wineserver -k`) when dropped.
pub struct Wine {
    prefix: PathBuf,
}

impl Wine {
    /// Installs Wine when missing, creates the prefix (first time: about half a minute) and
    /// starts a persistent wineserver.
    pub fn start(target_dir: &Path) -> Result<Wine> {
        tools::ensure_apt(&["wine64"], || Path::new(WINE64).is_file())?;
        let wine = Wine {
            prefix: target_dir.join("wine").join("prefix"),
        };
        std::fs::create_dir_all(&wine.prefix)?;
        // Output to nowhere: Wine's helper processes (services.exe, ...) inherit it and live
        // as long as the server, so a pipe would never reach its end.
        // A server left by an interrupted run may live in another network namespace, where
        // the relay's sockets would then be made: stop it first (the prefix is ours alone).
        let _ = silent(wine.env(&mut Command::new(WINESERVER)).arg("-k"));
        // `-p`: persistent, so it does not exit between two relays.
        silent(wine.env(&mut Command::new(WINESERVER)).arg("-p")).context("wineserver -p")?;
        say(format!("wine: prefix {}", wine.prefix.display()));
        silent(
            wine.env(&mut Command::new(WINE64))
                .args(["wineboot", "--init"]),
        )
        .context("wineboot --init")?;
        Ok(wine)
    }

    /// Sets what every Wine program (and the e2e harness) needs: the private prefix, no
    /// debug chatter, no Mono/Gecko install prompts, and `NETLAB_RELAY_RUNNER`, with which the
    /// harness starts a `.exe` relay through Wine.
    pub fn env<'a>(&self, cmd: &'a mut Command) -> &'a mut Command {
        cmd.env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            .env("NETLAB_RELAY_RUNNER", WINE64)
    }
}

impl Drop for Wine {
    fn drop(&mut self) {
        let killed = silent(self.env(&mut Command::new(WINESERVER)).arg("-k"));
        match killed {
            Ok(()) => say("wine: wineserver stopped"),
            Err(e) => say(format!("wine: wineserver -k: {e:#}")),
        }
    }
}

/// Runs `cmd` to its end with no input or output.
fn silent(cmd: &mut Command) -> Result<()> {
    let status = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    if !status.success() {
        bail!("{:?} failed ({status})", cmd.get_program());
    }
    Ok(())
}
