//! The HTTP accept loop, with the limits `axum::serve` does not have: at most
//! `max_http_connections` connections at once (a semaphore, one permit per connection), and a
//! header read timeout (hyper's own: a connection that sends no complete header in time, also
//! between kept-alive requests, is closed).
//!
//! Why not simply stop accepting at the cap: then a local program that opens many idle
//! connections would lock the page out. Instead, when every permit is taken, the oldest
//! connection that has not sent a single request yet is closed to make room (a browser's own
//! spare connection is reopened by the browser when needed). When no connection is idle at that
//! moment (every one is busy with a request, or the idle ones were all just closed for earlier
//! newcomers and their places are not back yet), the newcomer waits, up to a second, for a
//! place or for a connection to become idle; only then is it answered `503` with the reason.

use std::collections::BTreeMap;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper::service::{Service as _, service_fn};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, oneshot, watch};

/// Why a connection was refused, the body of the `503` answer.
pub const BUSY_REASON: &str = "503 Service Unavailable: the relay has too many open connections; \
try again in a moment\n";

/// The whole `503` answer, sent without reading the request.
pub fn busy_response() -> String {
    format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\nRetry-After: 1\r\n\r\n{BUSY_REASON}",
        BUSY_REASON.len()
    )
}

/// How long a newcomer waits for a place when every place is taken.
const EVICT_WAIT: Duration = Duration::from_secs(1);

/// How long a refused connection may take to read its answer.
const REFUSE_LINGER: Duration = Duration::from_secs(1);
/// Refused connections being answered at once; more are closed without an answer.
const MAX_REFUSING: usize = 32;

/// "Close now and hand your place to the sender of this": a newcomer's request to an idle
/// connection. The place goes straight to the newcomer that closed it, never back to the
/// common queue, so each newcomer gets exactly the place it freed.
type Evict = oneshot::Sender<oneshot::Sender<OwnedSemaphorePermit>>;

/// An idle connection's "close now" and "a byte has arrived".
type IdleConn = (Evict, Arc<AtomicBool>);

/// The connection places every listener of one relay shares.
#[derive(Debug)]
pub struct ConnSlots {
    permits: Arc<Semaphore>,
    /// Places for newcomers waiting for a place (as many as there are places).
    waiting: Arc<Semaphore>,
    /// A connection became idle (so it can be closed for a waiting newcomer).
    idle_added: Notify,
    refusing: Arc<Semaphore>,
    max: u32,
    header_timeout: Duration,
    /// Connections that have not sent a whole request yet, oldest first, with their "close
    /// now" and whether any byte has arrived on them.
    idle: Mutex<BTreeMap<u64, IdleConn>>,
    next_id: AtomicU64,
}

impl ConnSlots {
    pub fn new(max: usize, header_timeout: Duration) -> Arc<ConnSlots> {
        let max = u32::try_from(max).unwrap_or(u32::MAX).max(1);
        Arc::new(ConnSlots {
            permits: Arc::new(Semaphore::new(max as usize)),
            waiting: Arc::new(Semaphore::new(max as usize)),
            idle_added: Notify::new(),
            refusing: Arc::new(Semaphore::new(MAX_REFUSING)),
            max,
            header_timeout,
            idle: Mutex::default(),
            next_id: AtomicU64::new(0),
        })
    }

    /// Connections open now.
    pub fn open(&self) -> usize {
        self.max as usize - self.permits.available_permits()
    }

    /// Asks the oldest idle connection to close and hand its place over; `None` when no
    /// connection is idle. The connection that has sent nothing at all goes first (a flood of
    /// silent connections never pushes out a client whose request is on its way); else the
    /// oldest.
    fn evict_one(&self) -> Option<oneshot::Receiver<OwnedSemaphorePermit>> {
        loop {
            let evicted = {
                let mut idle = self.idle.lock().ok()?;
                let silent = idle
                    .iter()
                    .find(|(_, (_, spoke))| !spoke.load(Ordering::Relaxed))
                    .map(|(id, _)| *id);
                match silent {
                    Some(id) => idle.remove(&id),
                    None => idle.pop_first().map(|(_, v)| v),
                }
            };
            let (evict, _) = evicted?;
            let (hand_over, place) = oneshot::channel();
            if evict.send(hand_over).is_ok() {
                return Some(place);
            }
            // That connection ended meanwhile: its place went back to the queue; try the next.
        }
    }

    fn mark_idle(&self, id: u64, evict: Evict, spoke: Arc<AtomicBool>) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.insert(id, (evict, spoke));
        }
        self.idle_added.notify_waiters();
    }

    /// A place for a newcomer when every place is taken: closes the oldest idle connection and
    /// takes its place when it is given back. When none is idle now, waits for one to become
    /// idle (or for any place to free) instead: a flood of idle connections can have had every
    /// idle one closed for the newcomers before it, whose places are on their way. `None` after
    /// [`EVICT_WAIT`]: every connection is really busy.
    async fn wait_for_place(&self) -> Option<OwnedSemaphorePermit> {
        let deadline = tokio::time::Instant::now() + EVICT_WAIT;
        // One acquire for the whole wait: places that come free on their own (a connection
        // ended) are handed out first come, first served.
        let place = self.permits.clone().acquire_owned();
        tokio::pin!(place);
        let mut handed: Option<oneshot::Receiver<OwnedSemaphorePermit>> = None;
        loop {
            // Listen before looking, so an idle connection added in between is not missed.
            let added = self.idle_added.notified();
            tokio::pin!(added);
            added.as_mut().enable();
            if handed.is_none() {
                handed = self.evict_one();
            }
            tokio::select! {
                place = &mut place => return place.ok(),
                got = async { handed.as_mut().expect("checked").await }, if handed.is_some() => {
                    match got {
                        Ok(place) => return Some(place),
                        // It ended on its own first, its place back in the queue: close
                        // another.
                        Err(_) => handed = None,
                    }
                }
                () = &mut added, if handed.is_none() => {}
                () = tokio::time::sleep_until(deadline) => return None,
            }
        }
    }

    fn mark_busy(&self, id: u64) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.remove(&id);
        }
    }

    /// Waits until every connection has ended, at most `limit`.
    async fn drained(&self, limit: Duration) {
        let _ = tokio::time::timeout(limit, self.permits.acquire_many(self.max)).await;
    }
}

/// Serves `router` on `listener` until `stop` turns true; then lets connections finish their
/// current request (at most a few seconds) and returns.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    slots: Arc<ConnSlots>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            () = stopped(&mut stop) => break,
        };
        let tcp = match accepted {
            Ok((tcp, _)) => tcp,
            Err(e) => {
                // Out of file descriptors (EMFILE) or a client that reset before accept: wait a
                // little so the loop does not spin while the condition lasts.
                tracing::warn!("accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        if let Ok(permit) = slots.permits.clone().try_acquire_owned() {
            tokio::spawn(connection(
                tcp,
                permit,
                slots.clone(),
                router.clone(),
                stop.clone(),
            ));
        } else if let Ok(waiting) = slots.waiting.clone().try_acquire_owned() {
            // Wait for a place in a task of its own: the accept loop goes on at once, so a
            // flood of connections never queues a real client behind its evictions.
            let (slots, router, stop) = (slots.clone(), router.clone(), stop.clone());
            tokio::spawn(async move {
                let place = slots.wait_for_place().await;
                drop(waiting);
                match place {
                    Some(permit) => connection(tcp, permit, slots, router, stop).await,
                    None => turn_away(&slots, tcp),
                }
            });
        } else {
            turn_away(&slots, tcp);
        }
    }
    slots.drained(Duration::from_secs(3)).await;
}

/// Every connection is busy: answer `503` (or, in a flood of refusals, just close).
fn turn_away(slots: &ConnSlots, tcp: TcpStream) {
    tracing::info!("refused a connection: {} connections are busy", slots.max);
    if let Ok(place) = slots.refusing.clone().try_acquire_owned() {
        tokio::spawn(refuse(tcp, place));
    }
}

/// Answers `503` and closes. The request is read (and ignored) first for a moment: closing a
/// socket with unread bytes makes the OS send a reset, which can destroy the answer before
/// the client reads it.
async fn refuse(mut tcp: TcpStream, _place: OwnedSemaphorePermit) {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let answer = async {
        tcp.write_all(busy_response().as_bytes()).await?;
        tcp.shutdown().await?;
        let mut sink = [0u8; 4096];
        while tcp.read(&mut sink).await? > 0 {}
        Ok::<_, std::io::Error>(())
    };
    let _ = tokio::time::timeout(REFUSE_LINGER, answer).await;
}

/// One HTTP connection, holding its place until it ends (or upgrades to a WebSocket, which
/// `SessionSlots` counts from then on).
async fn connection(
    tcp: TcpStream,
    permit: OwnedSemaphorePermit,
    slots: Arc<ConnSlots>,
    router: Router,
    mut stop: watch::Receiver<bool>,
) {
    // TCP_NODELAY: a WebSocket answer is one small segment; without it Nagle's algorithm holds
    // it back until the page's delayed ACK (about 40 ms on Linux) for every echo.
    let _ = tcp.set_nodelay(true);
    let id = slots.next_id.fetch_add(1, Ordering::Relaxed);
    let (evict, mut evicted) = oneshot::channel();
    let spoke = Arc::new(AtomicBool::new(false));
    slots.mark_idle(id, evict, spoke.clone());
    let inner = TowerToHyperService::new(router);
    let service = {
        let slots = slots.clone();
        service_fn(move |req| {
            slots.mark_busy(id);
            inner.call(req)
        })
    };
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(slots.header_timeout);
    let hand_over = {
        let conn = builder
            .serve_connection(TokioIo::new(Spoke { tcp, spoke }), service)
            .with_upgrades();
        tokio::pin!(conn);
        let mut stopping = false;
        // Until the connection is no longer idle (its entry, and so the sender, is gone).
        let mut evictable = true;
        loop {
            tokio::select! {
                r = conn.as_mut() => {
                    if let Err(e) = r {
                        tracing::debug!("HTTP connection ended: {e}");
                    }
                    break None;
                }
                asked = &mut evicted, if evictable && !stopping => match asked {
                    Ok(hand_over) => {
                        tracing::debug!("closed an idle connection to make room");
                        break Some(hand_over);
                    }
                    Err(_) => evictable = false,
                },
                () = stopped(&mut stop), if !stopping => {
                    // Finish the request under way, then close.
                    conn.as_mut().graceful_shutdown();
                    stopping = true;
                }
            }
        }
        // The connection (and its socket) is dropped here, before its place is handed on.
    };
    slots.mark_busy(id);
    if let Some(hand_over) = hand_over {
        // When the newcomer has gone meanwhile, the place simply goes back to the queue.
        let _ = hand_over.send(permit);
    }
}

/// A connection's stream that notes when its first byte arrives (see [`ConnSlots::place`]).
struct Spoke {
    tcp: TcpStream,
    spoke: Arc<AtomicBool>,
}

impl tokio::io::AsyncRead for Spoke {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.tcp).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.spoke.store(true, Ordering::Relaxed);
        }
        polled
    }
}

impl tokio::io::AsyncWrite for Spoke {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.tcp).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.tcp).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.tcp).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.tcp).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.tcp.is_write_vectored()
    }
}

/// Completes when the relay shuts down (the guard `wait_for` returns is not `Send`).
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_busy_answer_is_well_formed_http() {
        let text = busy_response();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 503 Service Unavailable\r\n"));
        assert!(head.contains(&format!("\r\nContent-Length: {}", body.len())));
        assert_eq!(body, BUSY_REASON);
    }
}
