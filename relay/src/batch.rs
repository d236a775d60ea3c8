//! Coalescing a session's events into batches, and the writer task that sends them.
//!
//! A learner's `while True: sendto(...)` makes thousands of datagrams a second. One WebSocket
//! message per datagram would make the page parse and draw thousands of times a second and
//! freeze the tab. So the writer gathers what arrives into [`Pending`] and sends it at most
//! once every [`BATCH_INTERVAL`]: events in one `batch` message, replies and other messages
//! as they are, all in the order they were queued (a reply is never overtaken by an event it
//! caused: the gate in `outbox.rs` orders the queue, and this keeps that order).
//!
//! The writer keeps draining the outbox while the WebSocket is slow, so the socket readers
//! behind it are not blocked and the kernel does not drop datagrams the relay could count.
//! What it keeps is bounded:
//! - datagrams beyond [`SHOWN_DATAGRAMS`] (or [`SHOWN_BYTES`]) in one batch, or beyond
//!   [`SHOWN_PER_SECOND`] over time, are counted, not kept (`unshown`: per socket and sender,
//!   exact counts and bytes);
//! - download progress keeps only the latest per download (each one says everything);
//! - TCP data keeps every `recv` (its boundaries are a lesson), and other messages are kept
//!   too, so once [`HELD_MESSAGES`] of them or [`HELD_TCP_BYTES`] wait, the writer stops
//!   draining: the readers wait, and TCP's flow control slows the sending peer (the
//!   backpressure the rest of the relay is built on).

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::task::Poll;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message};
use futures_util::{Sink, SinkExt as _};
use protocol::{ServerMessage, SocketId, Unshown};
use tokio::sync::{Notify, mpsc};
use tokio::time::Instant;

use crate::outbox::{OUTBOX_CAPACITY, Outgoing};

/// At most one batch per session this often.
pub const BATCH_INTERVAL: Duration = Duration::from_millis(8);

/// Most datagrams one batch carries with their bytes; later ones are only counted.
pub const SHOWN_DATAGRAMS: usize = 64;

/// Most datagram payload bytes one batch carries; later datagrams are only counted.
pub const SHOWN_BYTES: usize = 64 * 1024;

/// Most datagrams per second a session is sent with their bytes, after a burst of
/// [`SHOWN_DATAGRAMS`]: a learner's burst of a few dozen is shown whole, a flood at this rate
/// (no one reads faster, and drawing more would keep the page busy), the rest counted.
pub const SHOWN_PER_SECOND: f64 = 500.0;

/// Most kept messages (replies, TCP data, anything not summarised) waiting to be sent before
/// the writer stops draining the outbox.
pub const HELD_MESSAGES: usize = 64;

/// Most TCP payload bytes waiting to be sent before the writer stops draining the outbox.
pub const HELD_TCP_BYTES: usize = 128 * 1024;

/// Most (socket, sender) pairs counted apart in one batch; further senders of a socket are
/// counted together (`from` absent), so a sender that changes port every time cannot grow it.
pub const UNSHOWN_SENDERS: usize = 64;

/// What waits to be sent, in order.
#[derive(Debug)]
enum Item {
    Message(Outgoing),
    Batch(Batch),
}

/// Events gathered into one `batch` message.
#[derive(Debug, Default)]
pub struct Batch {
    events: Vec<ServerMessage>,
    datagrams: usize,
    datagram_bytes: usize,
    unshown: Vec<Unshown>,
}

impl Batch {
    /// The message to send: the event alone when it is the only one.
    pub fn into_message(mut self) -> ServerMessage {
        if self.events.len() == 1 && self.unshown.is_empty() {
            return self.events.pop().expect("one event");
        }
        ServerMessage::Batch {
            events: self.events,
            unshown: self.unshown,
        }
    }

    /// A datagram, shown when `may_show` (the session's rate allows it) and the batch has room.
    fn datagram(
        &mut self,
        msg: ServerMessage,
        from: SocketAddr,
        len: usize,
        may_show: bool,
    ) -> bool {
        let ServerMessage::UdpDatagram { socket, .. } = msg else {
            unreachable!("only datagrams")
        };
        if may_show && self.datagrams < SHOWN_DATAGRAMS && self.datagram_bytes + len <= SHOWN_BYTES
        {
            self.datagrams += 1;
            self.datagram_bytes += len;
            self.events.push(msg);
            return true;
        }
        let exact = self
            .unshown
            .iter()
            .position(|u| u.socket == socket && u.from == Some(from));
        let slot = exact.or_else(|| {
            (self.unshown.len() >= UNSHOWN_SENDERS).then(|| {
                match self
                    .unshown
                    .iter()
                    .position(|u| u.socket == socket && u.from.is_none())
                {
                    Some(i) => i,
                    None => self.new_unshown(socket, None),
                }
            })
        });
        let i = slot.unwrap_or_else(|| self.new_unshown(socket, Some(from)));
        self.unshown[i].datagrams += 1;
        self.unshown[i].bytes += len as u64;
        false
    }

    fn new_unshown(&mut self, socket: SocketId, from: Option<SocketAddr>) -> usize {
        self.unshown.push(Unshown {
            socket,
            from,
            datagrams: 0,
            bytes: 0,
        });
        self.unshown.len() - 1
    }

    /// Progress says everything so far: a newer one replaces the older in place.
    fn progress(&mut self, msg: ServerMessage) {
        let ServerMessage::DownloadProgress { download, .. } = &msg else {
            return self.events.push(msg);
        };
        let older = self.events.iter_mut().find(
            |e| matches!(e, ServerMessage::DownloadProgress { download: d, .. } if d == download),
        );
        match older {
            Some(older) => *older = msg,
            None => self.events.push(msg),
        }
    }
}

/// Everything queued and not yet sent (see the module docs for its bounds).
#[derive(Debug)]
pub struct Pending {
    items: VecDeque<Item>,
    /// Kept messages (not summarised, not coalesced) among `items`.
    held: usize,
    held_tcp_bytes: usize,
    /// How many datagrams may still be shown (a token bucket: [`SHOWN_DATAGRAMS`] at most,
    /// refilled at [`SHOWN_PER_SECOND`]), and when it was last refilled.
    tokens: f64,
    refilled: std::time::Instant,
}

impl Default for Pending {
    fn default() -> Self {
        Pending {
            items: VecDeque::new(),
            held: 0,
            held_tcp_bytes: 0,
            tokens: SHOWN_DATAGRAMS as f64,
            refilled: std::time::Instant::now(),
        }
    }
}

impl Pending {
    /// Whether the writer should stop draining the outbox until some is sent.
    pub fn full(&self) -> bool {
        self.held >= HELD_MESSAGES || self.held_tcp_bytes >= HELD_TCP_BYTES
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn push(&mut self, out: Outgoing) {
        let Outgoing::Message(msg) = out else {
            self.held += 1;
            return self.items.push_back(Item::Message(out));
        };
        match *msg {
            ServerMessage::UdpDatagram { from, ref data, .. } => {
                let len = data.0.len();
                let now = std::time::Instant::now();
                let since = now.duration_since(self.refilled).as_secs_f64();
                self.tokens = (self.tokens + since * SHOWN_PER_SECOND).min(SHOWN_DATAGRAMS as f64);
                self.refilled = now;
                let may_show = self.tokens >= 1.0;
                if self.batch().datagram(*msg, from, len, may_show) {
                    self.tokens -= 1.0;
                }
            }
            ServerMessage::TcpData { ref data, .. } => {
                self.held += 1;
                self.held_tcp_bytes += data.0.len();
                self.batch().events.push(*msg);
            }
            ServerMessage::DownloadProgress { .. } => self.batch().progress(*msg),
            _ => {
                // Each datagram the page itself sent earns one shown datagram back: an echo
                // or a reply to it is paced by the page's own requests (which the relay's
                // send rate limits bound), so a ping-pong faster than the flood budget, such
                // as the round-trip benchmark or a learner's request-reply loop, is shown
                // whole, while a peer that floods on its own still gets only the budget.
                if let ServerMessage::Reply {
                    result: protocol::Reply::Sent { .. },
                    ..
                } = *msg
                {
                    self.tokens = (self.tokens + 1.0).min(SHOWN_DATAGRAMS as f64);
                }
                self.held += 1;
                self.items.push_back(Item::Message(Outgoing::Message(msg)));
            }
        }
    }

    /// The batch at the end of the queue (a new one after a kept message, to keep the order).
    fn batch(&mut self) -> &mut Batch {
        if !matches!(self.items.back(), Some(Item::Batch(_))) {
            self.items.push_back(Item::Batch(Batch::default()));
        }
        match self.items.back_mut() {
            Some(Item::Batch(b)) => b,
            _ => unreachable!("just pushed"),
        }
    }

    /// Everything, in order, as what to send; the queue is left empty.
    pub fn take(&mut self) -> Vec<Outgoing> {
        self.held = 0;
        self.held_tcp_bytes = 0;
        self.items
            .drain(..)
            .map(|item| match item {
                Item::Message(out) => out,
                Item::Batch(b) => Outgoing::Message(Box::new(b.into_message())),
            })
            .collect()
    }
}

/// Drains the outbox into the WebSocket until a close frame is sent, the outbox is closed (and
/// what it held is sent) or the WebSocket fails. Two loops in one task: one keeps taking from
/// the outbox into [`Pending`], the other sends what is pending, at most one round per
/// [`BATCH_INTERVAL`].
///
/// The taking loop is polled first, every time the task is polled (`biased`), so the sending
/// loop, polled right after, sees whatever was just taken: it needs no wake-up of its own. A
/// wake-up from one loop to the other would be the task waking itself, which tokio reschedules
/// by waking a second worker thread, and that one then took the task over: one more context
/// switch per round trip through the relay, and the reply written from another thread.
pub async fn write_all<W>(mut sink: W, mut rx: mpsc::Receiver<Outgoing>)
where
    W: Sink<Message> + Unpin,
    W::Error: std::fmt::Display,
{
    let pending = Mutex::new(Pending::default());
    let closed = std::sync::atomic::AtomicBool::new(false);
    let room = Notify::new();
    let lock = || pending.lock().unwrap_or_else(|e| e.into_inner());

    let collect = async {
        // Messages taken since the outbox was last empty.
        let mut in_a_row = 0;
        loop {
            if lock().full() {
                // Made by the sending loop: the one wake-up between the two, and only when a
                // flood fills what may wait.
                room.notified().await;
                continue;
            }
            let Some(out) = rx.recv().await else { break };
            lock().push(out);
            in_a_row = if rx.is_empty() { 0 } else { in_a_row + 1 };
            if in_a_row >= OUTBOX_CAPACITY {
                // Each receive uses some of the task's budget for one poll (tokio's coop), and
                // so does each write: while readers keep the outbox full, let the sending loop
                // have some of it in this poll too.
                in_a_row = 0;
                tokio::task::yield_now().await;
            }
        }
        closed.store(true, std::sync::atomic::Ordering::Release);
        std::future::pending::<()>().await;
    };

    let send = async {
        let mut next = Instant::now();
        loop {
            // A busy session gets at most one round per interval; a quiet one (a reply, an
            // echo) is sent at once, so round trips through the relay stay fast.
            // Only a real wait goes through the timer: tokio rounds a deadline up to the next
            // millisecond, so even `sleep_until(now)` would hold every quiet reply about 1 ms
            // (the round trip through the relay measured 1.2 ms instead of 64 µs).
            if next > Instant::now() {
                tokio::time::sleep_until(next).await;
            }
            // Whatever the taking loop took in this poll of the task (see above); pending
            // registers no waker: the outbox's wakes this task, and the taking loop runs first.
            let taken = std::future::poll_fn(|_| {
                let mut p = lock();
                if !p.is_empty() {
                    return Poll::Ready(Some(p.take()));
                }
                if closed.load(std::sync::atomic::Ordering::Acquire) {
                    return Poll::Ready(None);
                }
                Poll::Pending
            })
            .await;
            let Some(items) = taken else { return };
            room.notify_one();
            let busy = items.iter().any(
                |o| matches!(o, Outgoing::Message(m) if matches!(**m, ServerMessage::Batch { .. })),
            );
            next = Instant::now() + if busy { BATCH_INTERVAL } else { Duration::ZERO };
            for out in items {
                if !send_one(&mut sink, out).await {
                    return;
                }
            }
            leave_a_waker_that_does_nothing(&mut sink);
        }
    };

    tokio::select! {
        biased;
        _ = collect => {}
        _ = send => {}
    }
}

/// Leaves a waker that does nothing with the sink, in place of this task's.
///
/// The WebSocket's two halves share one socket, and tokio-tungstenite wakes both of them when
/// it becomes readable: the reading half's waker, and whichever the writing half left on its
/// last write. Each message the page sent (every `udp_send_to`) woke this task as well as the
/// session's, for nothing, and two tasks woken by one event make tokio wake a second worker
/// thread, which took one of them over: more context switches per round trip through the relay.
/// Everything is written when this is called, so the flush has nothing to do but leave the
/// waker; the next write leaves this task's again, when it needs it. If the reading half holds
/// the socket at that moment, the flush returns `Pending` and leaves this task's waker: the
/// next message in wakes it once for nothing, as before.
fn leave_a_waker_that_does_nothing<W>(sink: &mut W)
where
    W: Sink<Message> + Unpin,
{
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    let _ = std::pin::Pin::new(sink).poll_flush(&mut cx);
}

/// Sends one thing; false when writing should stop (a close frame went, or the socket failed).
async fn send_one<W>(sink: &mut W, out: Outgoing) -> bool
where
    W: Sink<Message> + Unpin,
    W::Error: std::fmt::Display,
{
    let result = match out {
        Outgoing::Message(msg) => {
            sink.send(Message::Text(protocol::to_json(&msg).into()))
                .await
        }
        Outgoing::Ping => sink.send(Message::Ping(Default::default())).await,
        Outgoing::Close(code, reason) => {
            let frame = CloseFrame {
                code,
                reason: reason.into(),
            };
            let _ = sink.send(Message::Close(Some(frame))).await;
            return false;
        }
    };
    if let Err(e) = result {
        tracing::debug!("websocket write failed: {e}");
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use protocol::{Data, Reply};

    use super::*;

    fn datagram(socket: SocketId, port: u16, len: usize) -> Outgoing {
        Outgoing::Message(Box::new(ServerMessage::UdpDatagram {
            socket,
            from: SocketAddr::from(([127, 0, 0, 1], port)),
            local: SocketAddr::from(([127, 0, 0, 1], 7788)),
            data: Data(vec![b'x'; len]),
        }))
    }

    fn sent_reply(id: u64) -> Outgoing {
        Outgoing::Message(Box::new(ServerMessage::Reply {
            id,
            result: Reply::Done,
        }))
    }

    /// Counts the wake-ups of a waker it makes: the writer polled by hand.
    struct Wakes(std::sync::atomic::AtomicUsize);

    impl std::task::Wake for Wakes {
        fn wake(self: std::sync::Arc<Self>) {
            self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    }

    impl Wakes {
        fn waker() -> (std::sync::Arc<Wakes>, std::task::Waker) {
            let wakes = std::sync::Arc::new(Wakes(Default::default()));
            (wakes.clone(), std::task::Waker::from(wakes))
        }
    }

    /// (datagrams shown, bytes shown, datagrams unshown, bytes unshown) over the messages.
    fn totals(out: &[Outgoing]) -> (u64, u64, u64, u64) {
        let mut t = (0, 0, 0, 0);
        let mut count = |m: &ServerMessage| {
            if let ServerMessage::UdpDatagram { data, .. } = m {
                t.0 += 1;
                t.1 += data.0.len() as u64;
            }
        };
        for o in out {
            let Outgoing::Message(m) = o else { continue };
            match &**m {
                ServerMessage::Batch { events, unshown } => {
                    events.iter().for_each(&mut count);
                    for u in unshown {
                        t.2 += u.datagrams;
                        t.3 += u.bytes;
                    }
                }
                m => count(m),
            }
        }
        t
    }

    fn udp_sent(id: u64) -> Outgoing {
        let addr = SocketAddr::from(([127, 0, 0, 1], 7788));
        Outgoing::Message(Box::new(ServerMessage::Reply {
            id,
            result: Reply::Sent {
                socket: 1,
                bytes: 10,
                local: addr,
                to: SocketAddr::from(([127, 0, 0, 1], 9000)),
            },
        }))
    }

    /// A request-reply loop faster than the flood budget (the page sends, the peer answers,
    /// 5,000 times as fast as it goes): every answer is shown, because each `sent` reply earns
    /// one; without that credit all but the first burst would only be counted.
    #[test]
    fn a_ping_pong_faster_than_the_budget_is_shown_whole() {
        let mut p = Pending::default();
        let mut out = Vec::new();
        for i in 0..5_000 {
            p.push(udp_sent(i));
            p.push(datagram(1, 9000, 10));
            out.extend(p.take());
        }
        assert_eq!(totals(&out), (5_000, 50_000, 0, 0));
        // The credit is only the page's own sends: a flood on top of them is still cut.
        for _ in 0..1_000 {
            p.push(datagram(1, 9000, 10));
        }
        let (shown, _, unshown, _) = totals(&p.take());
        assert_eq!(shown + unshown, 1_000);
        assert!(shown <= SHOWN_DATAGRAMS as u64 + 1, "{shown}");
    }

    /// A quiet session's reply is written the moment it is queued. With the clock paused, any
    /// timer on the way (tokio rounds even `sleep_until(now)` up to the next millisecond) would
    /// show as time passed; it cost every reply and echo about 1 ms.
    #[tokio::test(start_paused = true)]
    async fn a_quiet_reply_is_written_at_once_without_a_timer() {
        let (tx, rx) = mpsc::channel(8);
        let (seen_tx, mut seen) = mpsc::unbounded_channel();
        let sink = Box::pin(futures_util::sink::unfold(
            seen_tx,
            |seen_tx, _msg: Message| async move {
                seen_tx.send(Instant::now()).unwrap();
                Ok::<_, std::convert::Infallible>(seen_tx)
            },
        ));
        let writer = tokio::spawn(write_all(sink, rx));
        for id in 0..3 {
            // Off the millisecond grid, where a rounded-up deadline would lie ahead.
            tokio::time::advance(Duration::from_micros(300)).await;
            let queued = Instant::now();
            tx.send(sent_reply(id)).await.unwrap();
            let written = seen.recv().await.unwrap();
            assert_eq!(written - queued, Duration::ZERO, "reply {id}");
        }
        drop(tx);
        writer.await.unwrap();
    }

    /// A queued message is written in the same poll of the writer task that takes it from the
    /// outbox, and the writer does not wake itself to do so: tokio reschedules a task that woke
    /// itself by waking a second worker thread, which then took the writer over (one more
    /// context switch per round trip through the relay, `bench --udp`).
    #[test]
    fn a_message_is_written_in_the_poll_that_takes_it_without_waking_itself() {
        use std::future::Future as _;
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
        use std::task::Context;

        let (wakes, waker) = Wakes::waker();
        let mut cx = Context::from_waker(&waker);

        let (tx, rx) = mpsc::channel(8);
        let written = Arc::new(AtomicUsize::new(0));
        let sink = Box::pin(futures_util::sink::unfold(
            written.clone(),
            |written, _msg: Message| async move {
                written.fetch_add(1, SeqCst);
                Ok::<_, std::convert::Infallible>(written)
            },
        ));
        let mut writer = Box::pin(write_all(sink, rx));
        assert!(writer.as_mut().poll(&mut cx).is_pending());
        // Past a queue's worth, one at a time: a quiet session never yields either.
        for id in 0..2 * OUTBOX_CAPACITY as u64 {
            tx.try_send(sent_reply(id)).unwrap();
            assert_eq!(wakes.0.swap(0, SeqCst), 1, "the outbox wakes the writer");
            assert!(writer.as_mut().poll(&mut cx).is_pending());
            assert_eq!(written.load(SeqCst), id as usize + 1, "reply {id} written");
            assert_eq!(
                wakes.0.load(SeqCst),
                0,
                "the writer woke itself for reply {id}"
            );
        }
    }

    /// What the writer leaves with the WebSocket after writing does not wake it: the socket's
    /// reading half wakes that waker on every message the page sends (see
    /// `leave_a_waker_that_does_nothing`), and it woke the writer for nothing each time.
    #[test]
    fn the_page_sending_does_not_wake_the_writer() {
        use std::future::Future as _;
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
        use std::task::{Context, Waker};

        /// Keeps the waker of its latest poll, as tokio-tungstenite does for both halves.
        struct Socket {
            left: Arc<std::sync::Mutex<Option<Waker>>>,
            written: Arc<AtomicUsize>,
        }
        impl Socket {
            fn poll(&self, cx: &mut Context<'_>) -> Poll<Result<(), std::convert::Infallible>> {
                *self.left.lock().unwrap() = Some(cx.waker().clone());
                Poll::Ready(Ok(()))
            }
        }
        impl Sink<Message> for Socket {
            type Error = std::convert::Infallible;
            fn poll_ready(
                self: std::pin::Pin<&mut Self>,
                cx: &mut Context<'_>,
            ) -> Poll<Result<(), Self::Error>> {
                self.poll(cx)
            }
            fn start_send(self: std::pin::Pin<&mut Self>, _: Message) -> Result<(), Self::Error> {
                self.written.fetch_add(1, SeqCst);
                Ok(())
            }
            fn poll_flush(
                self: std::pin::Pin<&mut Self>,
                cx: &mut Context<'_>,
            ) -> Poll<Result<(), Self::Error>> {
                self.poll(cx)
            }
            fn poll_close(
                self: std::pin::Pin<&mut Self>,
                cx: &mut Context<'_>,
            ) -> Poll<Result<(), Self::Error>> {
                self.poll(cx)
            }
        }

        let (wakes, waker) = Wakes::waker();
        let mut cx = Context::from_waker(&waker);
        let left = Arc::new(std::sync::Mutex::new(None));
        let written = Arc::new(AtomicUsize::new(0));
        let sink = Socket {
            left: left.clone(),
            written: written.clone(),
        };
        let (tx, rx) = mpsc::channel(8);
        let mut writer = Box::pin(write_all(sink, rx));
        assert!(writer.as_mut().poll(&mut cx).is_pending());
        for id in 0..3 {
            tx.try_send(sent_reply(id)).unwrap();
            wakes.0.store(0, SeqCst);
            assert!(writer.as_mut().poll(&mut cx).is_pending());
            assert_eq!(written.load(SeqCst), id as usize + 1, "reply {id} written");
            // The page's next message comes in.
            left.lock().unwrap().take().expect("a waker left").wake();
            assert_eq!(wakes.0.load(SeqCst), 0, "the writer woken after reply {id}");
        }
    }

    /// While readers keep the outbox full, the sending loop still writes: the taking loop is
    /// polled first, and each receive uses tokio's per-poll budget, as each write does (a
    /// socket's). Without the yield after a queue's worth, the taking loop would use it all
    /// in every poll and nothing would be written while the flood lasted. (The outbox holds
    /// 64; a queue of 300 here stands for readers on other threads refilling it meanwhile.)
    #[tokio::test]
    async fn a_full_outbox_does_not_starve_the_writes() {
        use std::future::Future as _;
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

        let (tx, rx) = mpsc::channel(300);
        for _ in 0..300 {
            tx.try_send(datagram(1, 9000, 10)).unwrap();
        }
        let written = Arc::new(AtomicUsize::new(0));
        let sink = Box::pin(futures_util::sink::unfold(
            written.clone(),
            |written, _msg: Message| async move {
                // What a socket's write does (tokio's coop budget).
                tokio::task::consume_budget().await;
                written.fetch_add(1, SeqCst);
                Ok::<_, std::convert::Infallible>(written)
            },
        ));
        let mut writer = Box::pin(write_all(sink, rx));
        // A fresh budget for the one poll below.
        tokio::task::yield_now().await;
        let polled = std::future::poll_fn(|cx| Poll::Ready(writer.as_mut().poll(cx))).await;
        assert!(polled.is_pending());
        assert!(
            written.load(SeqCst) > 0,
            "nothing written in a poll of a full outbox"
        );
    }

    #[test]
    fn a_flood_is_counted_exactly_and_kept_bounded() {
        let mut p = Pending::default();
        for i in 0..10_000u64 {
            p.push(datagram(3, 50_000 + (i % 3) as u16, 100 + (i % 7) as usize));
        }
        assert!(!p.full(), "datagrams never stop the draining");
        let out = p.take();
        assert_eq!(out.len(), 1, "one batch");
        let bytes: u64 = (0..10_000u64).map(|i| 100 + i % 7).sum();
        let (shown, shown_bytes, unshown, unshown_bytes) = totals(&out);
        assert_eq!(shown, SHOWN_DATAGRAMS as u64);
        assert_eq!(shown + unshown, 10_000);
        assert_eq!(shown_bytes + unshown_bytes, bytes);
        let Outgoing::Message(m) = &out[0] else {
            panic!("a message")
        };
        let ServerMessage::Batch { unshown, .. } = &**m else {
            panic!("a batch, got {m:?}")
        };
        assert_eq!(unshown.len(), 3, "one count per sender: {unshown:?}");
        assert!(p.is_empty());
    }

    #[test]
    fn senders_beyond_the_limit_are_counted_together() {
        let mut p = Pending::default();
        for _ in 0..SHOWN_DATAGRAMS {
            p.push(datagram(1, 9, 1));
        }
        for port in 0..1000u16 {
            p.push(datagram(1, 10_000 + port, 2));
        }
        let out = p.take();
        let Outgoing::Message(m) = &out[0] else {
            panic!()
        };
        let ServerMessage::Batch { unshown, .. } = &**m else {
            panic!()
        };
        assert_eq!(unshown.len(), UNSHOWN_SENDERS + 1);
        let rest = unshown.iter().find(|u| u.from.is_none()).unwrap();
        assert_eq!(rest.datagrams, 1000 - UNSHOWN_SENDERS as u64);
        assert_eq!(totals(&out), (SHOWN_DATAGRAMS as u64, 64, 1000, 2000));
    }

    #[test]
    fn a_reply_keeps_its_place_between_events() {
        let mut p = Pending::default();
        p.push(datagram(1, 9, 1));
        p.push(sent_reply(5));
        p.push(datagram(1, 9, 1));
        p.push(datagram(1, 9, 1));
        let out = p.take();
        let kinds: Vec<&str> = out
            .iter()
            .map(|o| match o {
                Outgoing::Message(m) => match &**m {
                    ServerMessage::Batch { .. } => "batch",
                    ServerMessage::UdpDatagram { .. } => "datagram",
                    ServerMessage::Reply { .. } => "reply",
                    _ => "other",
                },
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["datagram", "reply", "batch"]);
    }

    #[test]
    fn tcp_data_is_kept_whole_and_bounds_the_draining() {
        let mut p = Pending::default();
        for _ in 0..HELD_MESSAGES - 1 {
            p.push(Outgoing::Message(Box::new(ServerMessage::TcpData {
                socket: 2,
                data: Data(vec![1; 10]),
            })));
            assert!(!p.full());
        }
        p.push(Outgoing::Message(Box::new(ServerMessage::TcpData {
            socket: 2,
            data: Data(vec![1; 10]),
        })));
        assert!(p.full(), "the readers wait: TCP's flow control takes over");
        let out = p.take();
        let Outgoing::Message(m) = &out[0] else {
            panic!()
        };
        let ServerMessage::Batch { events, unshown } = &**m else {
            panic!()
        };
        assert_eq!(events.len(), HELD_MESSAGES, "every recv, boundaries kept");
        assert!(unshown.is_empty());
        assert!(!p.full());
    }

    #[test]
    fn progress_keeps_the_latest_per_download() {
        let mut p = Pending::default();
        for received in [10, 20, 30] {
            p.push(Outgoing::Message(Box::new(
                ServerMessage::DownloadProgress {
                    download: 1,
                    received,
                    total: None,
                    elapsed_ms: received,
                },
            )));
        }
        let out = p.take();
        let Outgoing::Message(m) = &out[0] else {
            panic!()
        };
        assert!(
            matches!(**m, ServerMessage::DownloadProgress { received: 30, .. }),
            "{m:?}"
        );
    }
}
