//! The sample web site on 127.0.0.1: a tiny HTTP/1.1 server, written by hand on a tokio
//! `TcpListener` so every byte it sends is one the lesson can show. It serves two pages
//! (`/` and `/about.html`), answers anything else with 404, and honours keep-alive: it closes
//! after the response when the request says `Connection: close` (or speaks HTTP/1.0), and
//! otherwise waits for the next request (at most [`IDLE`] of silence).

use std::io;
use std::time::Duration;

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

use crate::loopback_server::LoopbackServer;

/// Clients served at the same time; more wait in the listen backlog.
pub const MAX_CLIENTS: usize = 64;
/// The longest request head read (a real server has such a limit too).
pub const MAX_HEAD: usize = 8 * 1024;
/// How long a kept-alive connection may stay silent before the server closes it.
pub const IDLE: Duration = Duration::from_secs(10);

/// The index page, exactly as served.
pub const INDEX: &str = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>NetLab sample site</title></head>\n<body><h1>Hello from the sample site</h1>\n<p>This page came over a real TCP connection on loopback.</p>\n<p><a href=\"/about.html\">About</a></p></body></html>\n";
/// The second page.
pub const ABOUT: &str = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>About</title></head>\n<body><h1>About</h1><p>A tiny HTTP/1.1 server written for the tutorial.</p></body></html>\n";
const NOT_FOUND: &str = "404 Not Found: this sample site has / and /about.html\n";

/// The running site; dropping it stops it and frees its port.
pub type SampleSite = LoopbackServer;

/// Starts the site on 127.0.0.1 on a port the OS picks.
pub async fn start() -> io::Result<SampleSite> {
    LoopbackServer::start("sample site", MAX_CLIENTS, client).await
}

/// One connection: request, response, and again while the client keeps it alive.
async fn client(mut stream: TcpStream) -> io::Result<()> {
    let _ = stream.set_nodelay(true);
    let mut buf: Vec<u8> = Vec::new();
    loop {
        let head = loop {
            if let Some(end) = find_head_end(&buf) {
                let head = String::from_utf8_lossy(&buf[..end]).into_owned();
                buf.drain(..end + 4);
                break head;
            }
            if buf.len() > MAX_HEAD {
                let resp = response(
                    431,
                    "Request Header Fields Too Large",
                    "text/plain",
                    "too large\n",
                    false,
                );
                stream.write_all(&resp).await?;
                return stream.shutdown().await;
            }
            let mut chunk = [0u8; 2048];
            let n = match tokio::time::timeout(IDLE, stream.read(&mut chunk)).await {
                Ok(r) => r?,
                Err(_) => 0, // silent too long: close like a real server
            };
            if n == 0 {
                return stream.shutdown().await;
            }
            buf.extend_from_slice(&chunk[..n]);
        };
        let (resp, keep) = answer(&head);
        stream.write_all(&resp).await?;
        if !keep {
            return stream.shutdown().await;
        }
    }
}

fn find_head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n")
}

/// The response to one request head, and whether to keep the connection.
pub fn answer(head: &str) -> (Vec<u8>, bool) {
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let parts: Vec<&str> = request_line.split(' ').collect();
    let [method, target, version] = parts[..] else {
        return (
            response(
                400,
                "Bad Request",
                "text/plain",
                "bad request line\n",
                false,
            ),
            false,
        );
    };
    let mut keep = version == "HTTP/1.1";
    for line in lines {
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("connection")
        {
            let value = value.trim();
            if value.eq_ignore_ascii_case("close") {
                keep = false;
            } else if value.eq_ignore_ascii_case("keep-alive") {
                keep = true;
            }
        }
    }
    if method != "GET" && method != "HEAD" {
        return (
            response(
                405,
                "Method Not Allowed",
                "text/plain",
                "only GET and HEAD\n",
                keep,
            ),
            keep,
        );
    }
    let (status, reason, ctype, body) = match target {
        "/" | "/index.html" => (200, "OK", "text/html; charset=utf-8", INDEX),
        "/about.html" => (200, "OK", "text/html; charset=utf-8", ABOUT),
        _ => (404, "Not Found", "text/plain; charset=utf-8", NOT_FOUND),
    };
    let mut resp = response(status, reason, ctype, body, keep);
    if method == "HEAD" {
        resp.truncate(resp.len() - body.len());
    }
    (resp, keep)
}

fn response(status: u16, reason: &str, ctype: &str, body: &str, keep: bool) -> Vec<u8> {
    let connection = if keep { "keep-alive" } else { "close" };
    format!(
        "HTTP/1.1 {status} {reason}\r\nServer: netlab-sample-site\r\nContent-Type: {ctype}\r\n\
         Content-Length: {}\r\nConnection: {connection}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_has_status_length_and_body() {
        let (resp, keep) = answer("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close");
        let text = String::from_utf8(resp).unwrap();
        assert!(!keep);
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(text.contains(&format!("Content-Length: {}\r\n", INDEX.len())));
        assert!(text.ends_with(INDEX));
    }

    #[test]
    fn keep_alive_unknown_paths_and_methods() {
        assert!(answer("GET / HTTP/1.1\r\nHost: x").1);
        assert!(!answer("GET / HTTP/1.0").1);
        let (resp, _) = answer("GET /nope HTTP/1.1");
        assert!(resp.starts_with(b"HTTP/1.1 404 Not Found\r\n"));
        let (resp, _) = answer("POST / HTTP/1.1");
        assert!(resp.starts_with(b"HTTP/1.1 405 "));
        let (resp, _) = answer("nonsense");
        assert!(resp.starts_with(b"HTTP/1.1 400 "));
        let (resp, _) = answer("HEAD / HTTP/1.1");
        assert!(String::from_utf8(resp).unwrap().ends_with("\r\n\r\n"));
    }
}
