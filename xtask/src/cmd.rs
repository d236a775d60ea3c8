//! Running other programs: the repository's paths, `cargo` itself, and three ways to run a
//! command (show its output, show it only on failure, capture it).

use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context as _, Result, bail};

/// The repository root (this crate lives in `<root>/xtask`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the repository")
        .to_path_buf()
}

/// Cargo's target folder, as `cargo metadata` reports it (it knows `CARGO_TARGET_DIR` and
/// `.cargo/config.toml`).
pub fn target_dir() -> Result<PathBuf> {
    let meta = metadata()?;
    let dir = meta["target_directory"]
        .as_str()
        .context("cargo metadata has no target_directory")?;
    Ok(PathBuf::from(dir))
}

/// `cargo metadata --no-deps` as JSON.
pub fn metadata() -> Result<serde_json::Value> {
    let text = capture(cargo().args(["metadata", "--format-version", "1", "--no-deps"]))?;
    serde_json::from_str(&text).context("cargo metadata printed no JSON")
}

/// A `cargo` command in the repository root: the same cargo (and toolchain) that runs xtask.
///
/// With `CI=true`: a clean clone builds everything once, so incremental caches and debug
/// info only cost time; they are switched off for every cargo that xtask runs.
pub fn cargo() -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root());
    if std::env::var("CI").as_deref() == Ok("true") {
        cmd.env("CARGO_INCREMENTAL", "0")
            .env("CARGO_PROFILE_DEV_DEBUG", "0")
            .env("CARGO_TERM_COLOR", "never");
    }
    cmd
}

/// `cargo` with the words of `line` as arguments: `cargo_line("build -p relay")`.
pub fn cargo_line(line: &str) -> Command {
    let mut cmd = cargo();
    cmd.args(line.split_whitespace());
    cmd
}

/// A message for the person watching, on stderr.
pub fn say(text: impl AsRef<str>) {
    eprintln!("{}", text.as_ref());
}

/// Runs `cmd` with its output shown; an error when it cannot start or exits with a failure.
pub fn run(cmd: &mut Command) -> Result<()> {
    let shown = show(cmd);
    let status = cmd
        .status()
        .with_context(|| format!("cannot start {shown}"))?;
    if !status.success() {
        bail!("{shown} failed ({status})");
    }
    Ok(())
}

/// Runs `cmd` quietly: its output appears only when it fails.
pub fn quietly(cmd: &mut Command) -> Result<()> {
    let shown = show(cmd);
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("cannot start {shown}"))?;
    if !out.status.success() {
        let _ = std::io::stderr().write_all(&out.stdout);
        let _ = std::io::stderr().write_all(&out.stderr);
        bail!("{shown} failed ({})", out.status);
    }
    Ok(())
}

/// Runs `cmd` and returns what it printed on stdout (an error when it fails).
pub fn capture(cmd: &mut Command) -> Result<String> {
    let shown = show(cmd);
    let out = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("cannot start {shown}"))?;
    if !out.status.success() {
        bail!("{shown} failed ({})", out.status);
    }
    String::from_utf8(out.stdout).with_context(|| format!("{shown} printed text that is not UTF-8"))
}

/// Runs `cmd`, copying its stdout through line by line and keeping a copy (so `cargo test`'s
/// results can be counted while the person still sees them). Returns (success, stdout).
pub fn tee(cmd: &mut Command) -> Result<(bool, String)> {
    let shown = show(cmd);
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {shown}"))?;
    let mut kept = String::new();
    let stdout = child.stdout.take().context("piped stdout")?;
    let mut out = std::io::stdout();
    // Bytes, not `lines()`: a test may print something that is not UTF-8, and the pipe must
    // be read to its end or the child blocks.
    for line in BufReader::new(stdout).split(b'\n') {
        let line = line.with_context(|| format!("reading the output of {shown}"))?;
        let _ = out.write_all(&line);
        let _ = out.write_all(b"\n");
        kept.push_str(&String::from_utf8_lossy(&line));
        kept.push('\n');
    }
    let status = child
        .wait()
        .with_context(|| format!("waiting for {shown}"))?;
    Ok((status.success(), kept))
}

/// Whether a program is on PATH (the way `Command` looks for it).
pub fn on_path(program: &str) -> Option<PathBuf> {
    let file = format!("{program}{}", std::env::consts::EXE_SUFFIX);
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(&file))
        .find(|path| path.is_file())
}

/// `program arg arg ...`, for messages.
fn show(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}
