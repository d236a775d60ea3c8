//! `cargo xtask build-frontend [crate] [out dir]`: builds a Yew crate into a folder a web
//! server can serve as it is: index.html, style.css, static files, and for each binary of the
//! crate `<bin>.js` and `<bin>_bg.wasm`. The tutorial goes to frontend/dist (the relay embeds
//! it at build time): one bundle per lesson group (`frontend/src/bin/*.rs`, see
//! `frontend/src/bundle.rs`), which index.html's loader picks by URL. The benchmark's Yew
//! hello-world baseline (one binary, `yew-hello`) is built the same way, so their sizes compare.
//!
//! Both use the cargo profile `wasm-release` and the same wasm-opt pass. The page template is
//! `<crate dir>/index.html` when the crate has one, else the repository's index.html.
//!
//! For the tutorial, `frontend/prerender` then draws the pages a first visit lands on (the home
//! page, the first lesson's steps) into documents of their own under `pre/`, which the relay
//! serves for their paths: they show before the wasm has loaded.
//!
//! Each text or wasm file also gets a brotli copy beside it (`frontend_bg.wasm.br`), made once
//! here at the best quality: the relay embeds it and sends it to browsers that accept `br`
//! (every current one, on 127.0.0.1 too). It is about a quarter smaller than gzip -9.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

use crate::cmd::{self, say};
use crate::tools::{self, BuildTools};

const PROFILE: &str = "wasm-release";

pub fn command(args: &[String]) -> Result<()> {
    let krate = args.first().map_or("frontend", String::as_str);
    let out = args.get(1).map_or("frontend/dist", String::as_str);
    let tools = tools::ensure_build_tools()?;
    build(&tools, krate, &cmd::root().join(out))
}

/// The tutorial page into frontend/dist.
pub fn build_page(tools: &BuildTools) -> Result<()> {
    build(
        tools,
        "frontend",
        &cmd::root().join("frontend").join("dist"),
    )
}

pub fn build(tools: &BuildTools, krate: &str, out: &Path) -> Result<()> {
    let meta = cmd::metadata()?;
    let package = meta["packages"]
        .as_array()
        .and_then(|pkgs| pkgs.iter().find(|p| p["name"] == krate))
        .with_context(|| format!("no package named {krate} in the workspace"))?;
    let crate_dir = package["manifest_path"]
        .as_str()
        .and_then(|m| Path::new(m).parent())
        .map(Path::to_path_buf)
        .context("the package's manifest path")?;
    let bins: Vec<String> = package["targets"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| {
            t["kind"]
                .as_array()
                .is_some_and(|k| k.iter().any(|k| k == "bin"))
        })
        .filter_map(|t| t["name"].as_str().map(str::to_owned))
        .collect();
    if bins.is_empty() {
        bail!("{krate} has no binary: each bundle is a binary (src/bin/<name>.rs or src/main.rs)");
    }
    let target = PathBuf::from(
        meta["target_directory"]
            .as_str()
            .context("no target_directory")?,
    );

    say(format!(
        "building {krate} for wasm32 (profile {PROFILE}): {}",
        bins.join(", ")
    ));
    let mut build = cmd::cargo_line("build --target wasm32-unknown-unknown --bins --profile");
    cmd::run(build.args([PROFILE, "-p", krate]))?;
    let art = target.join("wasm32-unknown-unknown").join(PROFILE);

    // Build into a fresh staging folder, then swap it in, so a failed build never leaves a
    // half-written dist behind for relay/build.rs to embed.
    let parent = out.parent().context("the output folder has a parent")?;
    std::fs::create_dir_all(parent)?;
    let stage = Stage(parent.join(format!(".dist-stage.{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&stage.0);
    std::fs::create_dir_all(&stage.0)?;

    for bin in &bins {
        bundle(tools, &art.join(format!("{bin}.wasm")), bin, &stage.0)?;
    }

    let template = match crate_dir.join("index.html") {
        own if own.is_file() => own,
        _ => cmd::root().join("index.html"),
    };
    std::fs::copy(&template, stage.0.join("index.html"))?;
    let style = crate_dir.join("style.css");
    if style.is_file() {
        std::fs::copy(&style, stage.0.join("style.css"))?;
        if bins.iter().any(|b| b == "start") {
            let css = std::fs::read_to_string(&style)?;
            std::fs::write(stage.0.join("start.css"), start_sheet(&css)?)?;
        }
    }
    if krate == "frontend" {
        // Natively, beside index.html: the pages a first visit lands on, drawn ahead of time.
        say("drawing the home page and the first lesson ahead of time (frontend/prerender)");
        cmd::run(cmd::cargo_line("run -q -p prerender --").arg(&stage.0))?;
    }
    let statics = crate_dir.join("static");
    if statics.is_dir() {
        copy_tree(&statics, &stage.0)?;
    }

    say("brotli -q 11");
    precompress(&stage.0)?;

    if out.exists() {
        std::fs::remove_dir_all(out).with_context(|| format!("removing {}", out.display()))?;
    }
    std::fs::rename(&stage.0, out)?;
    say(format!("built {krate} into {}:", out.display()));
    let mut files = Vec::new();
    list_files(out, out, &mut files)?;
    files.sort();
    for (name, size) in files {
        say(format!("  {name:<28} {size:>8} bytes"));
    }
    Ok(())
}

/// The line of style.css where the start bundle's sheet ends.
const START_SHEET_ENDS: &str = "/* ===== start.css ends here";

/// The start bundle's stylesheet: style.css up to its `START_SHEET_ENDS` line (what the home
/// page and the first lesson use; index.html gives the other bundles the whole sheet).
fn start_sheet(css: &str) -> Result<&str> {
    match css.find(START_SHEET_ENDS) {
        Some(end) => Ok(css[..end].trim_end()),
        None => {
            bail!("style.css has no line starting {START_SHEET_ENDS:?}: where does start.css end?")
        }
    }
}

/// One binary's wasm into `<name>.js` and `<name>_bg.wasm` in `out`: wasm-bindgen, then
/// wasm-opt.
fn bundle(tools: &BuildTools, wasm: &Path, name: &str, out: &Path) -> Result<()> {
    say(format!("wasm-bindgen {}", wasm.display()));
    cmd::run(
        Command::new(&tools.wasm_bindgen)
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                name,
                "--out-dir",
            ])
            .arg(out)
            .arg(wasm),
    )?;

    // rustc's wasm32 target emits these post-MVP features. wasm-opt also reads them from the
    // module's target_features section; listing them keeps it valid if that section goes away.
    say(format!("wasm-opt -Oz {name}"));
    let bg = out.join(format!("{name}_bg.wasm"));
    let opt = out.join(format!("{name}_bg.opt.wasm"));
    cmd::run(
        Command::new(&tools.wasm_opt)
            .arg("-Oz")
            .args([
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
            ])
            .arg("-o")
            .arg(&opt)
            .arg(&bg),
    )?;
    std::fs::rename(&opt, &bg)?;
    Ok(())
}

/// Files worth compressing (images and fonts already are).
const COMPRESSIBLE: &[&str] = &["html", "js", "mjs", "wasm", "css", "svg", "json", "txt"];

/// Writes `NAME.br` beside every compressible file under `dir`.
fn precompress(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            precompress(&path)?;
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let raw = std::fs::read(&path)?;
        let mut br = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            // A 16 MiB window (the most), larger than any file: every repeat can be matched.
            lgwin: 24,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &raw[..], &mut br, &params)?;
        let mut name = path.file_name().context("a file name")?.to_os_string();
        name.push(".br");
        std::fs::write(path.with_file_name(name), br)?;
    }
    Ok(())
}

/// A staging folder, removed unless it was renamed into place.
struct Stage(PathBuf);

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            std::fs::create_dir_all(&dest)?;
            copy_tree(&entry.path(), &dest)?;
        } else {
            std::fs::copy(entry.path(), &dest)?;
        }
    }
    Ok(())
}

/// Every file under `dir` as (path relative to `base` with `/`, size).
fn list_files(base: &Path, dir: &Path, files: &mut Vec<(String, u64)>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            list_files(base, &entry.path(), files)?;
        } else {
            let path = entry.path();
            let rel = path.strip_prefix(base).unwrap_or(&path);
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            files.push((name, entry.metadata()?.len()));
        }
    }
    if files.is_empty() && dir == base {
        bail!("{} is empty", base.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_sheet_is_the_part_above_its_line() {
        let css = "a { color: red; }\n\n/* ===== start.css ends here =====\n */\n.ip { x: y; }\n";
        assert_eq!(start_sheet(css).unwrap(), "a { color: red; }");
        assert!(start_sheet("a {}").is_err());
    }
}
