//! The HTTP side: the router (`/ws` and the embedded page), the Host check on every route
//! (against DNS rebinding: a foreign web site whose name resolves to 127.0.0.1 still sends its
//! own name as Host) and the Origin check before a WebSocket upgrade (against other sites'
//! pages opening a WebSocket to the relay).

use std::sync::Arc;

use axum::Router;
use axum::extract::ws::{WebSocketUpgrade, rejection::WebSocketUpgradeRejection};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::assets::{self, Asset, Encoding};
use crate::session::{self, SessionCtx};

/// The body of the 403 answer to a request whose Host is not this relay.
pub const HOST_REFUSED: &str = "403 Forbidden: the Host header does not name this relay\n";
/// The body of the 403 answer to a WebSocket upgrade from a page that is not this relay's.
pub const ORIGIN_REFUSED: &str = "403 Forbidden: the Origin header does not name this relay\n";
/// The body of the 503 answer to a WebSocket upgrade when too many have not said hello yet.
pub const HELLOS_BUSY: &str =
    "503 Service Unavailable: too many WebSocket connections are waiting to say hello\n";
/// How much the WebSocket reads from the page at a time. tungstenite zeroes this much of its
/// buffer before every read, and a page's request is a few hundred bytes: at the default
/// (128 KiB) every message the page sent cost two 128 KiB `memset`s (the read, and the one
/// that finds nothing more). A larger message is still read whole, in reads of this size.
pub const WS_READ_BUFFER: usize = 16 * 1024;

/// Everything the routes need.
#[derive(Clone, Debug)]
pub struct AppState {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    hosts: Vec<String>,
    origins: Vec<String>,
    csp: String,
    session: Arc<SessionCtx>,
}

impl AppState {
    /// The state for a relay listening on 127.0.0.1:`port`, and on [::1]:`port` when `ipv6`.
    /// Without [::1], neither `[::1]` nor `localhost` (which browsers may try on [::1] first)
    /// is accepted: another program may hold [::1]:PORT, and its pages would share the
    /// relay's Origin.
    pub fn new(port: u16, ipv6: bool, session: Arc<SessionCtx>) -> AppState {
        let mut hosts = vec![format!("127.0.0.1:{port}")];
        if ipv6 {
            hosts.push(format!("localhost:{port}"));
            hosts.push(format!("[::1]:{port}"));
        }
        let origins: Vec<String> = hosts.iter().map(|h| format!("http://{h}")).collect();
        // CSP's grammar has no IPv6 literals (Chromium ignores `ws://[::1]:PORT` with a
        // warning); a page loaded from [::1] is covered by 'self'.
        let ws: Vec<String> = hosts
            .iter()
            .filter(|h| !h.starts_with('['))
            .map(|h| format!("ws://{h}"))
            .collect();
        let mut scripts = vec!["'self'", "'wasm-unsafe-eval'"];
        scripts.extend(assets::inline_script_hashes());
        let csp = format!(
            "default-src 'none'; script-src {}; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data:; font-src 'self' data:; connect-src 'self' {}; \
             manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            scripts.join(" "),
            ws.join(" ")
        );
        AppState {
            inner: Arc::new(Inner {
                hosts,
                origins,
                csp,
                session,
            }),
        }
    }
}

/// The relay's routes: `/ws`, the embedded files, and for every other GET path the page drawn
/// ahead of time for it, else index.html (the page routes itself: `/`, `/lesson/udp/3`, ...).
/// Every route checks Host first.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route(protocol::WS_PATH, get(websocket))
        .fallback(page)
        .layer(middleware::from_fn_with_state(state.clone(), check_host))
        .with_state(state)
}

/// Exactly one Host header, exactly one of `127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`
/// (the last two only when the relay listens on [::1]).
async fn check_host(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut hosts = req.headers().get_all(header::HOST).iter();
    let ok = match (hosts.next(), hosts.next()) {
        (Some(host), None) => state.inner.hosts.iter().any(|h| host == h.as_str()),
        _ => false,
    };
    if !ok {
        tracing::info!("refused a request with a foreign Host header");
        return forbidden(HOST_REFUSED);
    }
    next.run(req).await
}

async fn websocket(
    State(state): State<AppState>,
    headers: HeaderMap,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let mut origins = headers.get_all(header::ORIGIN).iter();
    let ok = match (origins.next(), origins.next()) {
        (Some(origin), None) => state.inner.origins.iter().any(|o| origin == o.as_str()),
        _ => false,
    };
    if !ok {
        tracing::info!("refused a WebSocket upgrade with a missing or foreign Origin");
        return forbidden(ORIGIN_REFUSED);
    }
    let upgrade = match upgrade {
        Ok(u) => u,
        Err(rejection) => return rejection.into_response(),
    };
    let ctx = state.inner.session.clone();
    // Bounded before the upgrade: a WebSocket that never says hello holds a place until its
    // hello timeout, and there are only so many places.
    let Some(pending) = ctx.slots.pending() else {
        tracing::info!("refused a WebSocket upgrade: too many are waiting for their hello");
        let mut res = (StatusCode::SERVICE_UNAVAILABLE, HELLOS_BUSY).into_response();
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        // Close after the answer: a refused upgrade must not keep a connection place.
        res.headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
        security_headers(res.headers_mut());
        return res;
    };
    upgrade
        // The session answers messages over MAX_MESSAGE_BYTES itself (see WS_READ_LIMIT).
        .max_message_size(session::WS_READ_LIMIT)
        .max_frame_size(session::WS_READ_LIMIT)
        .read_buffer_size(WS_READ_BUFFER)
        .on_upgrade(move |ws| session::run(ws, ctx, pending))
}

async fn page(State(state): State<AppState>, req: Request) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut res = (StatusCode::METHOD_NOT_ALLOWED, "405 Method Not Allowed\n").into_response();
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return res;
    }
    let asset = assets::for_path(req.uri().path());
    let picked = asset.pick(accepts(req.headers(), "gzip"), accepts(req.headers(), "br"));
    serve_asset(asset, picked, &state.inner.csp)
}

fn serve_asset(
    asset: &'static Asset,
    (encoding, body): (Encoding, &'static [u8]),
    csp: &str,
) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    match encoding {
        Encoding::Gzip => {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        }
        Encoding::Brotli => {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
        }
        Encoding::Identity => {}
    }
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    security_headers(h);
    if asset.content_type.starts_with("text/html")
        && let Ok(csp) = HeaderValue::from_str(csp)
    {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    res
}

fn security_headers(h: &mut HeaderMap) {
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    );
}

fn forbidden(body: &'static str) -> Response {
    let mut res = (StatusCode::FORBIDDEN, body).into_response();
    security_headers(res.headers_mut());
    res
}

/// Whether Accept-Encoding lists `coding` (and does not refuse it with `q=0`).
fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            name.eq_ignore_ascii_case(coding) && !refused
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(accept: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).unwrap(),
        );
        h
    }

    #[test]
    fn gzip_is_recognized_in_accept_encoding() {
        assert!(accepts(&headers("gzip, deflate, br, zstd"), "gzip"));
        assert!(accepts(&headers("br;q=1.0, gzip;q=0.8"), "gzip"));
        assert!(!accepts(&headers("gzip;q=0"), "gzip"));
        assert!(!accepts(&headers("br, deflate"), "gzip"));
        assert!(!accepts(&headers("x-gzip-not"), "gzip"));
        assert!(!accepts(&HeaderMap::new(), "gzip"));
    }

    #[test]
    fn brotli_is_recognized_in_accept_encoding() {
        assert!(accepts(&headers("gzip, deflate, br, zstd"), "br"));
        assert!(accepts(&headers("BR;q=0.5"), "br"));
        assert!(!accepts(&headers("gzip, br;q=0"), "br"));
        assert!(!accepts(&headers("gzip, brotli"), "br"));
    }
}
