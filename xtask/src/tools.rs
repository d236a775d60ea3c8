//! Installs what the build needs when it is missing (the port of the old `scripts/lib.sh`).
//!
//! Every `ensure_*` is idempotent: when the tool is there (the usual case) it returns in well
//! under a second; otherwise it installs it, from the package registries only, and says so.
//! Tools are cached per version in `~/.cache/netlab` (`%LOCALAPPDATA%\netlab` on Windows), so
//! several checkouts share them and a version bump installs the new one beside the old.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

use crate::cmd::{self, say};

/// binaryen's wasm-opt from npm (Debian's is too old for what rustc emits).
const BINARYEN_VERSION: &str = "132.0.0";

/// axe-core from npm, the accessibility checker tests/tests/a11y.rs injects into Chromium.
/// Keep in step with `AXE_VERSION` in tests/tests/a11y.rs, which finds it by this folder.
const AXE_VERSION: &str = "4.11.0";

/// Where installed tools are kept: `$NETLAB_CACHE`, else the user's cache folder + `netlab`.
pub fn cache_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("NETLAB_CACHE") {
        return Ok(dir.into());
    }
    let base = if cfg!(windows) {
        std::env::var_os("LOCALAPPDATA").map(PathBuf::from)
    } else if let Some(xdg) = std::env::var_os("XDG_CACHE_HOME") {
        Some(xdg.into())
    } else {
        std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache"))
    };
    Ok(base
        .context("no cache folder: set NETLAB_CACHE (or HOME / LOCALAPPDATA)")?
        .join("netlab"))
}

/// What the page build needs: the toolchain with its wasm target, wasm-bindgen, wasm-opt.
pub struct BuildTools {
    pub wasm_bindgen: PathBuf,
    pub wasm_opt: PathBuf,
}

pub fn ensure_build_tools() -> Result<BuildTools> {
    ensure_toolchain()?;
    Ok(BuildTools {
        wasm_bindgen: ensure_wasm_bindgen()?,
        wasm_opt: ensure_wasm_opt()?,
    })
}

/// The toolchain of rust-toolchain.toml with its components and targets. rustup does not add
/// a listed target to a toolchain that is already installed until this runs in the repository.
///
/// Without `RUSTUP_TOOLCHAIN`: rustup's cargo proxy sets it for `cargo xtask`, and with it set
/// `rustup toolchain install` takes the toolchain from it and installs none of the file's
/// targets (a new machine whose 1.95.0 was already there built the page without its wasm32
/// target and failed). Then the wasm target is added to the toolchain the builds will use,
/// which is that variable's when one was chosen (`cargo +1.95.0 xtask ...`).
pub fn ensure_toolchain() -> Result<()> {
    cmd::on_path("rustup").context("rustup is missing: install it from https://rustup.rs")?;
    cmd::quietly(
        Command::new("rustup")
            .current_dir(cmd::root())
            .env_remove("RUSTUP_TOOLCHAIN")
            .args(["toolchain", "install"]),
    )?;
    ensure_target("wasm32-unknown-unknown")
}

/// `rustup target add <target>` (quick when it is there already).
pub fn ensure_target(target: &str) -> Result<()> {
    cmd::quietly(
        Command::new("rustup")
            .current_dir(cmd::root())
            .args(["target", "add", target]),
    )
}

/// The wasm-bindgen version the workspace pins in its Cargo.toml (`wasm-bindgen = "=X.Y.Z"`,
/// or the same inside `{ version = ... }`). The CLI must be exactly this version, or the JS it
/// generates does not match the library.
pub fn pinned_wasm_bindgen(cargo_toml: &str) -> Option<String> {
    cargo_toml.lines().find_map(|line| {
        let rest = line.trim().strip_prefix("wasm-bindgen")?.trim_start();
        let rest = rest.strip_prefix('=')?.trim_start();
        // Either `"=0.2.130"` or `{ version = "=0.2.130", ... }`.
        let quoted = match rest.strip_prefix('{') {
            Some(table) => table
                .split_once("version")?
                .1
                .trim_start()
                .strip_prefix('=')?,
            None => rest,
        };
        let value = quoted.trim_start().strip_prefix('"')?.split('"').next()?;
        let version = value.trim_start_matches('=');
        let parts: Vec<&str> = version.split('.').collect();
        let numeric = parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        numeric.then(|| version.to_string())
    })
}

/// The pinned wasm-bindgen CLI, installed (about 4 minutes, once) when missing.
pub fn ensure_wasm_bindgen() -> Result<PathBuf> {
    let manifest = cmd::root().join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest)?;
    let version = pinned_wasm_bindgen(&text)
        .with_context(|| format!("cannot find the wasm-bindgen pin in {}", manifest.display()))?;
    let root = cache_dir()?.join(format!("wasm-bindgen-{version}"));
    let bin = root
        .join("bin")
        .join(format!("wasm-bindgen{}", std::env::consts::EXE_SUFFIX));
    let wanted = format!("wasm-bindgen {version}");
    if reports(&bin, &wanted) {
        return Ok(bin);
    }
    say(format!(
        "installing wasm-bindgen-cli {version} into {} (takes a few minutes, once)",
        root.display()
    ));
    // --locked is left off on purpose: the CLI's own lock file does not build on this
    // toolchain. Cargo uses a private target folder for `install`, so ./target is untouched.
    cmd::quietly(
        cmd::cargo()
            .args(["install", "wasm-bindgen-cli", "--force", "--version"])
            .arg(&version)
            .arg("--root")
            .arg(&root),
    )?;
    if !reports(&bin, &wanted) {
        bail!("{} does not report {wanted}", bin.display());
    }
    Ok(bin)
}

/// binaryen's wasm-opt (version [`BINARYEN_VERSION`], from npm), installed when missing.
pub fn ensure_wasm_opt() -> Result<PathBuf> {
    let major = BINARYEN_VERSION
        .split('.')
        .next()
        .unwrap_or(BINARYEN_VERSION);
    let dir = cache_dir()?.join(format!("binaryen-{major}"));
    // npm puts a `.cmd` shim beside each program on Windows.
    let shim = if cfg!(windows) {
        "wasm-opt.cmd"
    } else {
        "wasm-opt"
    };
    let bin = dir.join("node_modules").join(".bin").join(shim);
    let wanted = format!("version {major}");
    if reports(&bin, &wanted) {
        return Ok(bin);
    }
    npm_install(&dir, "binaryen", BINARYEN_VERSION, "binaryen's wasm-opt")?;
    if !reports(&bin, &wanted) {
        bail!("{} does not report {wanted}", bin.display());
    }
    Ok(bin)
}

/// axe-core (version [`AXE_VERSION`], from npm) in `<cache>/axe-core-<version>`, installed when
/// missing; returns its `axe.min.js`.
pub fn ensure_axe_core() -> Result<PathBuf> {
    let dir = cache_dir()?.join(format!("axe-core-{AXE_VERSION}"));
    let js = dir.join("node_modules/axe-core/axe.min.js");
    if js.is_file() {
        return Ok(js);
    }
    npm_install(
        &dir,
        "axe-core",
        AXE_VERSION,
        "axe-core for the accessibility test",
    )?;
    if !js.is_file() {
        bail!("npm installed axe-core, but {} is missing", js.display());
    }
    Ok(js)
}

/// Chromium and its WebDriver for the browser tests, from the distribution's packages, and a
/// Chinese font: without one, Chinese text is drawn as empty boxes and the walk through every
/// step (`tests/tests/walk.rs`) would measure the wrong widths.
pub fn ensure_chromium() -> Result<()> {
    let there =
        || Path::new("/usr/bin/chromium").is_file() && cmd::on_path("chromedriver").is_some();
    ensure_apt(&["chromium", "chromium-driver"], there)?;
    ensure_apt(&["fonts-noto-cjk"], || {
        Path::new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").is_file()
    })
}

/// The mingw-w64 cross compiler (links the Windows build on Linux).
pub fn ensure_mingw() -> Result<()> {
    ensure_apt(&["gcc-mingw-w64-x86-64"], || {
        cmd::on_path("x86_64-w64-mingw32-gcc").is_some()
    })
}

/// Installs Debian packages with apt-get when `there()` says the tool is missing.
pub fn ensure_apt(packages: &[&str], there: impl Fn() -> bool) -> Result<()> {
    if there() {
        return Ok(());
    }
    let list = packages.join(" ");
    if cmd::on_path("apt-get").is_none() {
        bail!("{list} missing, and apt-get is not available to install them");
    }
    // apt needs root: directly when we are root, else through sudo without a password prompt.
    let root = cmd::capture(Command::new("id").arg("-u"))?.trim() == "0";
    let apt = |args: &[&str]| {
        let mut c = if root {
            Command::new("apt-get")
        } else {
            let mut c = Command::new("sudo");
            c.args(["-n", "apt-get"]);
            c
        };
        c.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        c
    };
    say(format!("installing {list} with apt-get"));
    cmd::quietly(&mut apt(&["update"]))?;
    let mut install = apt(&["install", "-y", "--no-install-recommends"]);
    install.args(packages);
    cmd::quietly(&mut install)?;
    if !there() {
        bail!("{list}: still missing after apt-get install");
    }
    Ok(())
}

/// Whether `bin --version` runs and prints `wanted`.
fn reports(bin: &Path, wanted: &str) -> bool {
    bin.is_file()
        && Command::new(bin)
            .arg("--version")
            .output()
            .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains(wanted))
}

/// `npm install <package>@<version>` into `dir` (its own `node_modules`, nothing global), for
/// `what` (said when npm is missing).
fn npm_install(dir: &Path, package: &str, version: &str, what: &str) -> Result<()> {
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    if cmd::on_path("npm").is_none() && !cfg!(windows) {
        bail!("npm is missing: it installs {what} (install Node.js)");
    }
    say(format!(
        "installing {package}@{version} into {}",
        dir.display()
    ));
    std::fs::create_dir_all(dir)?;
    cmd::quietly(
        Command::new(npm)
            .arg("install")
            .arg("--prefix")
            .arg(dir)
            .args(["--no-audit", "--no-fund", "--no-save"])
            .arg(format!("{package}@{version}")),
    )
}

#[cfg(test)]
mod tests {
    use super::pinned_wasm_bindgen;

    #[test]
    fn reads_the_pin_in_both_spellings() {
        let plain = "[workspace.dependencies]\nyew = \"0.23\"\nwasm-bindgen = \"=0.2.130\"\n";
        assert_eq!(pinned_wasm_bindgen(plain).as_deref(), Some("0.2.130"));
        let table = "wasm-bindgen = { version = \"=0.2.99\", features = [\"serde\"] }";
        assert_eq!(pinned_wasm_bindgen(table).as_deref(), Some("0.2.99"));
    }

    #[test]
    fn ignores_other_crates_and_non_versions() {
        // wasm-bindgen-futures is another crate; a git dependency has no version.
        let text = "wasm-bindgen-futures = \"0.4.1\"\nwasm-bindgen = { git = \"https://x\" }\n";
        assert_eq!(pinned_wasm_bindgen(text), None);
        assert_eq!(pinned_wasm_bindgen("wasm-bindgen = \"=0.2\""), None);
        assert_eq!(pinned_wasm_bindgen("wasm-bindgen = \"=0.2.x\""), None);
    }

    #[test]
    fn the_workspace_pin_is_found() {
        let text = std::fs::read_to_string(crate::cmd::root().join("Cargo.toml")).unwrap();
        let version = pinned_wasm_bindgen(&text).expect("the workspace pins wasm-bindgen");
        assert!(text.contains(&format!("wasm-bindgen = \"={version}\"")));
    }
}
