//! `cargo xtask dist`: the programs a learner downloads and double-clicks, in `dist/`:
//!
//! - `netlab-windows-x86_64.exe`: cross-built on Linux with mingw (target x86_64-pc-windows-gnu);
//! - `netlab-linux-x86_64`;
//!
//! each one file with the page inside (the relay embeds frontend/dist when it is built). For
//! macOS it runs `cargo check` for aarch64-apple-darwin and x86_64-apple-darwin: linking a Mac
//! program needs Apple's SDK, which is not available on Linux, so no Mac file is produced.

use std::path::Path;

use anyhow::{Context as _, Result, bail};

use crate::cmd::{self, say};
use crate::{frontend, tools, wine};

/// What `dist` produces, as named in the README's learner section.
pub const WINDOWS_FILE: &str = "netlab-windows-x86_64.exe";
pub const LINUX_FILE: &str = "netlab-linux-x86_64";
const MAC_TARGETS: [&str; 2] = ["aarch64-apple-darwin", "x86_64-apple-darwin"];

pub fn dist(args: &[String]) -> Result<()> {
    if let Some(extra) = args.first() {
        bail!("`cargo xtask dist` takes no arguments (got {extra:?})");
    }
    if !(cfg!(target_os = "linux") && cfg!(target_arch = "x86_64")) {
        bail!(
            "`cargo xtask dist` runs on x86_64 Linux (it cross-builds the Windows program with \
             mingw); on this machine, `cargo xtask run` builds and starts the tutorial"
        );
    }
    let tools = tools::ensure_build_tools()?;
    frontend::build_page(&tools)?;
    let target = cmd::target_dir()?;
    let out = cmd::root().join("dist");
    std::fs::create_dir_all(&out)?;

    say("Linux x86_64 (release)");
    cmd::run(cmd::cargo().args(["build", "--release", "-p", "relay"]))?;
    copy(&target.join("release").join("relay"), &out.join(LINUX_FILE))?;

    say("Windows x86_64 (release, cross-built with mingw)");
    let exe = wine::build_relay(&target, "release", false)?;
    copy(&exe, &out.join(WINDOWS_FILE))?;

    for mac in MAC_TARGETS {
        say(format!(
            "macOS {mac}: cargo check (linking needs Apple's SDK, not available here)"
        ));
        tools::ensure_target(mac)?;
        cmd::run(cmd::cargo().args(["check", "--release", "-p", "relay", "--target", mac]))?;
    }

    say(format!("\nin {}:", out.display()));
    for name in [WINDOWS_FILE, LINUX_FILE] {
        let size = out.join(name).metadata()?.len();
        say(format!("  {name:<28} {:>6.1} MiB", size as f64 / 1048576.0));
    }
    say("macOS: checked for aarch64 and x86_64, not linked (needs Apple's SDK)");
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    std::fs::copy(from, to)
        .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{LINUX_FILE, WINDOWS_FILE};

    /// The README's learner section must name exactly the files this command writes.
    #[test]
    fn the_readme_names_the_files_dist_produces() {
        let readme = std::fs::read_to_string(crate::cmd::root().join("README.md")).unwrap();
        let start = readme
            .find("## For learners: download and double-click")
            .expect("the README has a learner section");
        let section = &readme[start..];
        let section = &section[..section[3..]
            .find("\n## ")
            .map_or(section.len(), |end| end + 3)];
        for file in [WINDOWS_FILE, LINUX_FILE] {
            assert!(
                section.contains(&format!("`{file}`")),
                "{file} is not named"
            );
        }
        // No other netlab-* download is promised.
        let named = section.matches("`netlab-").count();
        let expected = section.matches(&format!("`{WINDOWS_FILE}`")).count()
            + section.matches(&format!("`{LINUX_FILE}`")).count();
        assert_eq!(
            named, expected,
            "the section names a file dist does not make"
        );
    }
}
