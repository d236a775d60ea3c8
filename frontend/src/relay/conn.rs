//! The one WebSocket to the relay: says hello with the token, matches replies to requests by
//! id, fans events out to subscribers, and reconnects with backoff when the relay goes away.
//!
//! Events are not handed out as they arrive: they wait in a queue that is emptied on an
//! animation frame at least [`MIN_GAP_MS`] after the last time, so a peer flooding a socket
//! costs the page at most one round of updates (and one render) ten times a second, however
//! many messages come, while an event after a quiet spell goes out on the next frame. A
//! `batch` is opened into its events here; its `unshown` counts follow them as a `batch` with
//! no events. A reply first hands out the events queued before it, so the page sees
//! everything in the relay's order.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use protocol::{ClientMessage, ErrorCode, RelayError, Reply, Request, ServerMessage, Welcome};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{CloseEvent, MessageEvent, WebSocket};
use yew::Callback;

use super::{Status, backoff, token};

pub type ReplyCallback = Callback<Result<Reply, RelayError>>;

/// The events of one hand-out (an animation frame's), in order.
pub type Frame = Rc<Vec<Rc<ServerMessage>>>;

/// Most events waiting for a frame: past it they are handed out at once (a hidden tab gets no
/// animation frames, and its queue must not grow without bound).
const MAX_QUEUED: usize = 5_000;

/// Least time between two hand-outs, in ms. An event after a quiet spell goes out on the
/// next animation frame; under a flood the page draws about ten times a second instead of
/// sixty, which no one reading a log can tell apart, and the main thread stays mostly free.
const MIN_GAP_MS: f64 = 100.0;

/// A snapshot the provider renders from.
#[derive(Clone, PartialEq)]
pub struct Snapshot {
    pub status: Status,
    pub welcome: Option<Rc<Welcome>>,
    /// Counts successful welcomes: socket ids from an older session are void.
    pub session: u64,
    /// The close code of the relay's last refusal or ending of a session (see `close.rs`);
    /// cleared by the next welcome.
    pub closed: Option<u16>,
}

struct Handlers {
    _open: Closure<dyn FnMut()>,
    _message: Closure<dyn FnMut(MessageEvent)>,
    _close: Closure<dyn FnMut(CloseEvent)>,
}

pub struct Conn {
    ws: RefCell<Option<WebSocket>>,
    handlers: RefCell<Option<Handlers>>,
    next_id: Cell<u64>,
    hello_id: Cell<u64>,
    pending: RefCell<HashMap<u64, ReplyCallback>>,
    listeners: RefCell<Vec<(u64, Callback<Rc<ServerMessage>>)>>,
    frame_listeners: RefCell<Vec<(u64, Callback<Frame>)>>,
    next_listener: Cell<u64>,
    /// Events waiting for the next animation frame, and whether one is requested.
    queue: RefCell<Vec<Rc<ServerMessage>>>,
    frame_asked: Cell<bool>,
    /// When the queue was last handed out (ms), and the timer that waits for the next
    /// hand-out's turn.
    last_flush: Cell<f64>,
    gap: RefCell<Option<Timeout>>,
    attempt: Cell<u32>,
    retry: RefCell<Option<Timeout>>,
    snapshot: RefCell<Snapshot>,
    on_change: Callback<Snapshot>,
    stopped: Cell<bool>,
}

impl Conn {
    pub fn new(on_change: Callback<Snapshot>) -> Rc<Conn> {
        Rc::new(Conn {
            ws: RefCell::new(None),
            handlers: RefCell::new(None),
            next_id: Cell::new(1),
            hello_id: Cell::new(0),
            pending: RefCell::new(HashMap::new()),
            listeners: RefCell::new(Vec::new()),
            frame_listeners: RefCell::new(Vec::new()),
            next_listener: Cell::new(1),
            queue: RefCell::new(Vec::new()),
            frame_asked: Cell::new(false),
            last_flush: Cell::new(f64::NEG_INFINITY),
            gap: RefCell::new(None),
            attempt: Cell::new(0),
            retry: RefCell::new(None),
            snapshot: RefCell::new(Snapshot {
                status: Status::Connecting { attempt: 0 },
                welcome: None,
                session: 0,
                closed: None,
            }),
            on_change,
            stopped: Cell::new(false),
        })
    }

    fn set_status(&self, status: Status, welcome: Option<Rc<Welcome>>) {
        let snap = {
            let mut s = self.snapshot.borrow_mut();
            if matches!(status, Status::Connected) && !matches!(s.status, Status::Connected) {
                s.session += 1;
                s.closed = None;
            }
            s.status = status;
            s.welcome = welcome;
            s.clone()
        };
        self.on_change.emit(snap);
    }

    /// Opens the WebSocket now (dropping any old one).
    pub fn connect(self: &Rc<Self>) {
        if self.stopped.get() {
            return;
        }
        self.retry.borrow_mut().take();
        self.detach();
        let Some(token) = token::hello_secret() else {
            self.set_status(Status::NoToken, None);
            return;
        };
        let Some(url) = ws_url() else {
            self.set_status(Status::NoToken, None);
            return;
        };
        let ws = match WebSocket::new(&url) {
            Ok(ws) => ws,
            Err(_) => {
                self.schedule_retry();
                return;
            }
        };
        self.set_status(
            Status::Connecting {
                attempt: self.attempt.get(),
            },
            None,
        );

        let weak = Rc::downgrade(self);
        let open = {
            let weak = weak.clone();
            Closure::<dyn FnMut()>::new(move || {
                if let Some(conn) = weak.upgrade() {
                    conn.say_hello(&token);
                }
            })
        };
        let message = {
            let weak = weak.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                if let (Some(conn), Some(text)) = (weak.upgrade(), ev.data().as_string()) {
                    conn.on_text(&text);
                }
            })
        };
        let close = Closure::<dyn FnMut(CloseEvent)>::new(move |ev: CloseEvent| {
            if let Some(conn) = Weak::upgrade(&weak) {
                conn.on_close(ev.code());
            }
        });
        ws.set_onopen(Some(open.as_ref().unchecked_ref()));
        ws.set_onmessage(Some(message.as_ref().unchecked_ref()));
        ws.set_onclose(Some(close.as_ref().unchecked_ref()));
        *self.ws.borrow_mut() = Some(ws);
        *self.handlers.borrow_mut() = Some(Handlers {
            _open: open,
            _message: message,
            _close: close,
        });
    }

    /// Whether a session is up (welcomed).
    pub fn is_connected(&self) -> bool {
        matches!(self.snapshot.borrow().status, Status::Connected)
    }

    /// Reconnects at once, forgetting the backoff (a new token arrived, or the learner asked).
    pub fn reconnect_now(self: &Rc<Self>) {
        self.attempt.set(0);
        self.connect();
    }

    /// The page is being hidden (`pagehide`), maybe into the browser's back/forward cache,
    /// where it would stay alive with its WebSocket and keep every socket it opened (a bound
    /// 7788 would make the next page's bind fail with EADDRINUSE). Closing the WebSocket makes
    /// the relay end this page's session and close its sockets.
    pub fn suspend(&self) {
        self.stop();
    }

    /// The page is shown again from that cache (`pageshow`): a new session.
    pub fn resume(self: &Rc<Self>) {
        if self.stopped.replace(false) {
            self.reconnect_now();
        }
    }

    /// Closes for good (the provider is going away).
    pub fn stop(&self) {
        self.stopped.set(true);
        self.retry.borrow_mut().take();
        self.detach();
    }

    fn detach(&self) {
        if let Some(ws) = self.ws.borrow_mut().take() {
            ws.set_onopen(None);
            ws.set_onmessage(None);
            ws.set_onclose(None);
            let _ = ws.close();
        }
        self.handlers.borrow_mut().take();
        self.queue.borrow_mut().clear();
        self.fail_pending();
    }

    fn say_hello(&self, token: &str) {
        let id = self.take_id();
        self.hello_id.set(id);
        self.send_raw(&ClientMessage {
            id,
            request: Request::Hello {
                token: token.to_owned(),
            },
        });
    }

    fn take_id(&self) -> u64 {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        id
    }

    fn send_raw(&self, msg: &ClientMessage) -> bool {
        match self.ws.borrow().as_ref() {
            Some(ws) if ws.ready_state() == WebSocket::OPEN => {
                // What this bundle cannot write is not sent (the caller hears `Disconnected`).
                (super::wire::chosen().encode)(msg)
                    .is_some_and(|json| ws.send_with_str(&json).is_ok())
            }
            _ => false,
        }
    }

    /// Sends a request; `done` gets exactly one answer (a `Disconnected` error when the
    /// connection is not up or drops before the answer).
    pub fn request(&self, request: Request, done: ReplyCallback) {
        if !matches!(self.snapshot.borrow().status, Status::Connected) {
            done.emit(Err(RelayError::new(ErrorCode::Disconnected)));
            return;
        }
        let id = self.take_id();
        self.pending.borrow_mut().insert(id, done);
        if !self.send_raw(&ClientMessage { id, request })
            && let Some(done) = self.pending.borrow_mut().remove(&id)
        {
            done.emit(Err(RelayError::new(ErrorCode::Disconnected)));
        }
    }

    pub fn subscribe(&self, cb: Callback<Rc<ServerMessage>>) -> u64 {
        let key = self.next_listener.get();
        self.next_listener.set(key + 1);
        self.listeners.borrow_mut().push((key, cb));
        key
    }

    /// Every frame's events at once (one update per frame, not one per event).
    pub fn subscribe_frames(&self, cb: Callback<Frame>) -> u64 {
        let key = self.next_listener.get();
        self.next_listener.set(key + 1);
        self.frame_listeners.borrow_mut().push((key, cb));
        key
    }

    pub fn unsubscribe(&self, key: u64) {
        self.listeners.borrow_mut().retain(|(k, _)| *k != key);
        self.frame_listeners.borrow_mut().retain(|(k, _)| *k != key);
    }

    /// Queues an event (a batch's events one by one) for the next hand-out.
    fn enqueue(self: &Rc<Self>, msg: ServerMessage) {
        {
            let mut queue = self.queue.borrow_mut();
            match msg {
                ServerMessage::Batch { events, unshown } => {
                    queue.extend(events.into_iter().map(Rc::new));
                    if !unshown.is_empty() {
                        queue.push(Rc::new(ServerMessage::Batch {
                            events: Vec::new(),
                            unshown,
                        }));
                    }
                }
                other => queue.push(Rc::new(other)),
            }
        }
        if self.queue.borrow().len() >= MAX_QUEUED {
            self.flush();
        } else if !self.frame_asked.replace(true) {
            let wait = (self.last_flush.get() + MIN_GAP_MS - now()).min(MIN_GAP_MS);
            if wait <= 0.0 {
                self.ask_frame();
            } else {
                let weak = Rc::downgrade(self);
                *self.gap.borrow_mut() = Some(Timeout::new(wait.ceil() as u32, move || {
                    if let Some(conn) = weak.upgrade() {
                        conn.ask_frame();
                    }
                }));
            }
        }
    }

    /// Hands the queue out on the next animation frame.
    fn ask_frame(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let next = Closure::once_into_js(move || {
            if let Some(conn) = weak.upgrade() {
                conn.frame_asked.set(false);
                conn.flush();
            }
        });
        let asked =
            web_sys::window().and_then(|w| w.request_animation_frame(next.unchecked_ref()).ok());
        if asked.is_none() {
            self.frame_asked.set(false);
            self.flush();
        }
    }

    /// Hands every queued event out, in order.
    fn flush(&self) {
        let events = std::mem::take(&mut *self.queue.borrow_mut());
        if events.is_empty() {
            return;
        }
        self.last_flush.set(now());
        let listeners: Vec<_> = self
            .listeners
            .borrow()
            .iter()
            .map(|(_, cb)| cb.clone())
            .collect();
        for msg in &events {
            for cb in &listeners {
                cb.emit(msg.clone());
            }
        }
        let frame = Rc::new(events);
        let frame_listeners: Vec<_> = self
            .frame_listeners
            .borrow()
            .iter()
            .map(|(_, cb)| cb.clone())
            .collect();
        for cb in frame_listeners {
            cb.emit(frame.clone());
        }
    }

    fn on_text(self: &Rc<Self>, text: &str) {
        let Some(msg) = (super::wire::chosen().decode)(text) else {
            web_sys_log(&format!(
                "relay sent a message this page cannot read: {text:.200}"
            ));
            return;
        };
        match msg {
            ServerMessage::Welcome(w) => {
                if let Some(credential) = &w.credential {
                    token::keep_credential(credential);
                }
                self.attempt.set(0);
                self.set_status(Status::Connected, Some(Rc::new(w)));
            }
            ServerMessage::Reply { id, result } => self.answer(id, Ok(result)),
            ServerMessage::Error {
                id: Some(id),
                error,
            } if id == self.hello_id.get() => {
                let status = if error.code == ErrorCode::BadToken {
                    Status::BadToken
                } else {
                    Status::Waiting {
                        attempt: self.attempt.get(),
                        retry_ms: 0,
                    }
                };
                self.set_status(status, None);
            }
            ServerMessage::Error {
                id: Some(id),
                error,
            } => self.answer(id, Err(error)),
            other => self.enqueue(other),
        }
    }

    fn answer(&self, id: u64, result: Result<Reply, RelayError>) {
        // What came before the answer is handed out before it.
        self.flush();
        let done = self.pending.borrow_mut().remove(&id);
        if let Some(done) = done {
            done.emit(result);
        }
    }

    fn fail_pending(&self) {
        let pending: Vec<_> = self
            .pending
            .borrow_mut()
            .drain()
            .map(|(_, cb)| cb)
            .collect();
        for done in pending {
            done.emit(Err(RelayError::new(ErrorCode::Disconnected)));
        }
    }

    fn on_close(self: &Rc<Self>, code: u16) {
        self.ws.borrow_mut().take();
        self.handlers.borrow_mut().take();
        self.fail_pending();
        self.snapshot.borrow_mut().closed = Some(code);
        if code == protocol::limits::CLOSE_BAD_TOKEN {
            // Retrying with the same token is pointless: wait for a new one (the storage
            // listener reconnects when the learner opens the relay's new link).
            self.set_status(Status::BadToken, None);
            return;
        }
        self.schedule_retry();
    }

    fn schedule_retry(self: &Rc<Self>) {
        if self.stopped.get() {
            return;
        }
        let attempt = self.attempt.get() + 1;
        self.attempt.set(attempt);
        let retry_ms = backoff::delay_ms(attempt);
        self.set_status(Status::Waiting { attempt, retry_ms }, None);
        let weak = Rc::downgrade(self);
        *self.retry.borrow_mut() = Some(Timeout::new(retry_ms, move || {
            if let Some(conn) = weak.upgrade() {
                conn.connect();
            }
        }));
    }
}

fn ws_url() -> Option<String> {
    let host = web_sys::window()?.location().host().ok()?;
    Some(format!("ws://{host}{}", protocol::WS_PATH))
}

fn web_sys_log(text: &str) {
    web_sys::console::warn_1(&text.into());
}

/// Milliseconds since 1970 (a clock that can be set back: waits are capped at the gap).
fn now() -> f64 {
    js_sys::Date::now()
}
