//! Embeds the built tutorial page (`frontend/dist`, or the folder named by `NETLAB_DIST`) in the
//! relay: every file with its content type, a gzip copy and, when the page build made one
//! (`NAME.br` beside it, see xtask/src/frontend.rs), a brotli copy; plus the CSP hashes of the
//! inline scripts in index.html. Without a built page it embeds a notice saying how to build it.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use sha2::{Digest, Sha256};

const NOTICE: &str = r#"<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>网络编程教程 / Network programming tutorial</title>
<style>body{font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.6}code{background:#eee;padding:0 .3em}</style>
</head>
<body>
<h1>页面还没有构建</h1>
<p>这个中继程序里没有教程页面。请在项目目录里运行 <code>cargo xtask run</code>，它会先构建页面，再启动中继程序。</p>
<h1 lang="en">The page has not been built</h1>
<p lang="en">This relay was built without the tutorial page. In the project folder, run <code>cargo xtask run</code>: it builds the page first, then starts the relay.</p>
</body>
</html>
"#;

struct File {
    url_path: String,
    content_type: &'static str,
    bytes: Vec<u8>,
    /// The brotli copy made at page build (empty: none).
    br: Vec<u8>,
}

fn main() {
    println!("cargo:rerun-if-env-changed=NETLAB_DIST");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let dist = match std::env::var_os("NETLAB_DIST") {
        Some(dir) => PathBuf::from(dir),
        None => manifest.join("../frontend/dist"),
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());

    let built = dist.join("index.html").is_file();
    let files = if built {
        println!("cargo:rerun-if-changed={}", dist.display());
        let mut files = Vec::new();
        collect(&dist, &dist, &mut files);
        files.sort_by(|a, b| a.url_path.cmp(&b.url_path));
        files
    } else {
        println!(
            "cargo:warning=no built page in {} (index.html missing): embedding a notice instead; \
             run `cargo xtask run` to build the page",
            dist.display()
        );
        // Watch the nearest folder that exists, so the relay is rebuilt when the page appears
        // (a missing path would make cargo rerun this script on every build).
        let watched = dist.ancestors().find(|p| p.is_dir()).unwrap_or(&manifest);
        println!("cargo:rerun-if-changed={}", watched.display());
        vec![File {
            url_path: "/index.html".into(),
            content_type: "text/html; charset=utf-8",
            bytes: NOTICE.as_bytes().to_vec(),
            br: Vec::new(),
        }]
    };

    let index = files
        .iter()
        .find(|f| f.url_path == "/index.html")
        .expect("index.html is embedded");
    let hashes = inline_script_hashes(&String::from_utf8_lossy(&index.bytes));

    let embed = out.join("embed");
    std::fs::create_dir_all(&embed).unwrap();
    let mut code = String::from("pub static FILES: &[Asset] = &[\n");
    for (n, file) in files.iter().enumerate() {
        let raw = embed.join(format!("{n}.raw"));
        let gz = embed.join(format!("{n}.gz"));
        let br = embed.join(format!("{n}.br"));
        std::fs::write(&raw, &file.bytes).unwrap();
        std::fs::write(&gz, gzip(&file.bytes)).unwrap();
        std::fs::write(&br, &file.br).unwrap();
        writeln!(
            code,
            "    Asset {{ path: {:?}, content_type: {:?}, raw: include_bytes!({:?}), gzip: include_bytes!({:?}), br: include_bytes!({:?}) }},",
            file.url_path,
            file.content_type,
            raw.display().to_string(),
            gz.display().to_string(),
            br.display().to_string(),
        )
        .unwrap();
    }
    code.push_str("];\n");
    writeln!(code, "pub const PAGE_BUILT: bool = {built};").unwrap();
    writeln!(
        code,
        "pub const INLINE_SCRIPT_HASHES: &[&str] = &{hashes:?};"
    )
    .unwrap();
    std::fs::write(out.join("assets.rs"), code).unwrap();
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<File>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(root, &path, files);
            continue;
        }
        // A brotli copy travels with its file, never as a page of its own.
        if path.extension().is_some_and(|e| e == "br") {
            continue;
        }
        let rel = path.strip_prefix(root).unwrap();
        let url_path: String = rel
            .components()
            .map(|c| format!("/{}", c.as_os_str().to_string_lossy()))
            .collect();
        let bytes =
            std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let mut br_name = path.file_name().unwrap().to_os_string();
        br_name.push(".br");
        let br = std::fs::read(path.with_file_name(br_name)).unwrap_or_default();
        files.push(File {
            content_type: content_type(&path),
            url_path,
            bytes,
            br,
        });
    }
}

fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "txt" | "md" => "text/plain; charset=utf-8",
        "py" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// `'sha256-...'` for the body of every `<script>` without `src` in the page, exactly as the
/// browser hashes it (the bytes between `>` and `</script>`), for the Content-Security-Policy.
fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<script").map(|i| at + i) {
        let Some(tag_end) = lower[start..].find('>').map(|i| start + i) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script").map(|i| tag_end + i) else {
            break;
        };
        let tag = &lower[start..tag_end];
        if !tag.contains(" src=") && !tag.contains(" src ") {
            let body = &html[tag_end + 1..close];
            let digest = Sha256::digest(body.as_bytes());
            let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{b64}'"));
        }
        at = close + "</script".len();
    }
    hashes
}
