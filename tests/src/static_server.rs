//! [`StaticServer`]: a tiny HTTP/1.1 file server on 127.0.0.1, used by the benchmarks to serve
//! the Yew hello-world the way the relay serves the tutorial (files gzip-compressed once at
//! start, sent with `Content-Encoding: gzip` when the browser accepts it, no caching).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use flate2::Compression;
use flate2::write::GzEncoder;

/// One file, ready to send.
struct File {
    content_type: &'static str,
    plain: Vec<u8>,
    gzip: Vec<u8>,
}

/// Serves every file of a folder; `/` and unknown paths answer `index.html` (like the relay).
/// Stops when dropped.
pub struct StaticServer {
    port: u16,
    stop: Arc<AtomicBool>,
}

impl StaticServer {
    /// Loads and compresses every file under `dir`, then serves them on a free port.
    pub fn start(dir: &Path) -> std::io::Result<StaticServer> {
        let files = Arc::new(load(dir, dir)?);
        if !files.contains_key("/index.html") {
            return Err(std::io::Error::other(format!(
                "{} has no index.html",
                dir.display()
            )));
        }
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::Relaxed) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let files = files.clone();
                std::thread::spawn(move || {
                    let _ = serve(stream, &files);
                });
            }
        });
        Ok(StaticServer { port, stop })
    }

    /// `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// Reads every file under `dir` into memory, keyed by URL path ("/frontend.js").
fn load(root: &Path, dir: &Path) -> std::io::Result<HashMap<String, File>> {
    let mut files = HashMap::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(load(root, &path)?);
            continue;
        }
        let plain = std::fs::read(&path)?;
        let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&plain)?;
        let gzip = encoder.finish()?;
        let relative = path.strip_prefix(root).expect("under root");
        let url_path = format!("/{}", relative.to_string_lossy().replace('\\', "/"));
        files.insert(
            url_path,
            File {
                content_type: content_type(&path),
                plain,
                gzip,
            },
        );
    }
    Ok(files)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// Answers GET requests on one keep-alive connection until the client closes it.
fn serve(stream: TcpStream, files: &HashMap<String, File>) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line)? == 0 {
            return Ok(());
        }
        let mut accepts_gzip = false;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 {
                return Ok(());
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':')
                && name.eq_ignore_ascii_case("accept-encoding")
                && value.contains("gzip")
            {
                accepts_gzip = true;
            }
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        if method != "GET" && method != "HEAD" {
            out.write_all(
                b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            )?;
            out.shutdown(Shutdown::Both)?;
            return Ok(());
        }
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let file = files.get(path).unwrap_or_else(|| &files["/index.html"]);
        let (body, encoding) = if accepts_gzip {
            (&file.gzip, "Content-Encoding: gzip\r\n")
        } else {
            (&file.plain, "")
        };
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n{encoding}\
             Cache-Control: no-cache\r\nVary: Accept-Encoding\r\n\r\n",
            file.content_type,
            body.len()
        );
        out.write_all(head.as_bytes())?;
        if method == "GET" {
            out.write_all(body)?;
        }
        out.flush()?;
    }
}
