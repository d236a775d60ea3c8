//! The page's side of the relay: one context provider owns the one WebSocket; components ask
//! through [`use_relay`] and never open sockets themselves.

mod backoff;
mod calls;
mod close;
mod conn;
pub mod token;
pub mod wire;

use std::cell::RefCell;
use std::rc::Rc;

use protocol::{RelayError, Reply, Request, ServerMessage, SocketId, Welcome};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

pub use calls::{Bound, Connected, FileServer, KernelView, Listening, Opened, Resolved, Sent};
use conn::{Conn, Snapshot};

/// Where the connection to the relay stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// The page has no token: it was not opened from the relay's link.
    NoToken,
    /// Opening the WebSocket and saying hello.
    Connecting { attempt: u32 },
    /// Welcomed: requests can go.
    Connected,
    /// Not reachable; the next attempt comes in `retry_ms`.
    Waiting { attempt: u32, retry_ms: u32 },
    /// The relay refused the token (it was restarted with a new one).
    BadToken,
}

impl Status {
    /// The `data-state` attribute tests and styles use.
    pub fn state_name(&self) -> &'static str {
        match self {
            Status::NoToken => "no-token",
            Status::Connecting { .. } => "connecting",
            Status::Connected => "connected",
            Status::Waiting { .. } => "offline",
            Status::BadToken => "bad-token",
        }
    }
}

/// The context value: the current snapshot plus the connection to act on.
#[derive(Clone)]
pub struct RelayHandle {
    conn: Rc<Conn>,
    snap: Snapshot,
}

impl PartialEq for RelayHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.conn, &other.conn) && self.snap == other.snap
    }
}

impl RelayHandle {
    pub fn status(&self) -> &Status {
        &self.snap.status
    }
    pub fn connected(&self) -> bool {
        self.snap.status == Status::Connected
    }
    pub fn welcome(&self) -> Option<&Welcome> {
        self.snap.welcome.as_deref()
    }
    /// Changes every time a new session is welcomed: socket ids from an older one are void.
    pub fn session(&self) -> u64 {
        self.snap.session
    }
    /// Why the relay closed the last session, in `lang`, when it said why (too many tabs, no
    /// answer to its ping, idle too long); None once a new session is welcomed.
    pub fn close_reason(&self, lang: protocol::Lang) -> Option<&'static str> {
        self.snap.closed.and_then(|code| close::reason(code, lang))
    }
    pub fn reconnect_now(&self) {
        self.conn.reconnect_now();
    }
    /// Sends a request and waits for its one answer.
    pub fn call(
        &self,
        request: Request,
    ) -> impl Future<Output = Result<Reply, RelayError>> + use<> {
        let (tx, rx) = futures::channel::oneshot::channel();
        let tx = RefCell::new(Some(tx));
        self.conn.request(
            request,
            Callback::from(move |r| {
                if let Some(tx) = tx.borrow_mut().take() {
                    let _ = tx.send(r);
                }
            }),
        );
        async move {
            rx.await
                .unwrap_or_else(|_| Err(RelayError::new(protocol::ErrorCode::Disconnected)))
        }
    }

    /// Closes a socket without waiting for the answer (the component asking is going away).
    pub fn close_detached(&self, socket: SocketId) {
        self.conn
            .request(Request::Close { socket }, Callback::noop());
    }
}

#[derive(Properties, PartialEq)]
pub struct RelayProviderProps {
    pub children: Html,
}

#[function_component]
pub fn RelayProvider(props: &RelayProviderProps) -> Html {
    let snap = use_state(|| Snapshot {
        status: Status::Connecting { attempt: 0 },
        welcome: None,
        session: 0,
        closed: None,
    });
    let conn = {
        let setter = snap.setter();
        use_memo((), move |_| {
            Conn::new(Callback::from(move |s| setter.set(s)))
        })
    };
    {
        let conn = (*conn).clone();
        use_effect_with((), move |_| {
            token::take_from_url();
            conn.connect();
            // A new token stored by another tab (the learner opened the relay's new link):
            // reconnect here too.
            let weak = Rc::downgrade(&conn);
            let on_storage = Closure::<dyn FnMut(web_sys::StorageEvent)>::new(
                move |ev: web_sys::StorageEvent| {
                    // A new token (a new launch), or the credential another tab just got
                    // while this one was refused: try again now.
                    let Some(conn) = weak.upgrade() else {
                        return;
                    };
                    let key = ev.key();
                    let new_token = key.as_deref() == Some(crate::storage::TOKEN_KEY);
                    let new_credential = key.as_deref() == Some(token::CREDENTIAL_KEY)
                        && ev.new_value().is_some_and(|v| !v.is_empty())
                        && !conn.is_connected();
                    if new_token || new_credential {
                        conn.reconnect_now();
                    }
                },
            );
            // Leaving the page (maybe into the back/forward cache) ends its relay session;
            // coming back from that cache starts a new one.
            let on_hide = {
                let weak = Rc::downgrade(&conn);
                Closure::<dyn FnMut()>::new(move || {
                    if let Some(conn) = weak.upgrade() {
                        conn.suspend();
                    }
                })
            };
            let on_show = {
                let weak = Rc::downgrade(&conn);
                Closure::<dyn FnMut()>::new(move || {
                    if let Some(conn) = weak.upgrade() {
                        conn.resume();
                    }
                })
            };
            let window = web_sys::window();
            let listeners: [(&str, &js_sys::Function); 3] = [
                ("storage", on_storage.as_ref().unchecked_ref()),
                ("pagehide", on_hide.as_ref().unchecked_ref()),
                ("pageshow", on_show.as_ref().unchecked_ref()),
            ];
            if let Some(w) = &window {
                for (name, f) in listeners {
                    let _ = w.add_event_listener_with_callback(name, f);
                }
            }
            move || {
                if let Some(w) = &window {
                    let listeners: [(&str, &js_sys::Function); 3] = [
                        ("storage", on_storage.as_ref().unchecked_ref()),
                        ("pagehide", on_hide.as_ref().unchecked_ref()),
                        ("pageshow", on_show.as_ref().unchecked_ref()),
                    ];
                    for (name, f) in listeners {
                        let _ = w.remove_event_listener_with_callback(name, f);
                    }
                }
                conn.stop();
            }
        });
    }
    let handle = RelayHandle {
        conn: (*conn).clone(),
        snap: (*snap).clone(),
    };
    html! {
        <ContextProvider<RelayHandle> context={handle}>
            { props.children.clone() }
        </ContextProvider<RelayHandle>>
    }
}

#[hook]
pub fn use_relay() -> RelayHandle {
    use_context::<RelayHandle>().expect("RelayProvider wraps the app")
}

/// Calls `on_event` with every event the relay sends while the component is mounted. The
/// latest `on_event` is used, so it may capture fresh state.
#[hook]
pub fn use_relay_events(on_event: Callback<Rc<ServerMessage>>) {
    let relay = use_relay();
    let latest = use_mut_ref(|| on_event.clone());
    *latest.borrow_mut() = on_event;
    let conn = relay.conn.clone();
    use_effect_with((), move |_| {
        let key = conn.subscribe(Callback::from(move |msg| {
            let cb = latest.borrow().clone();
            cb.emit(msg);
        }));
        move || conn.unsubscribe(key)
    });
}

/// Calls `on_frame` on an animation frame (at most ten times a second under a flood) with
/// every event the relay sent since the last call, in order, while the component is mounted
/// (see `conn.rs`): a screen that updates once per call stays fast under a flood.
#[hook]
pub fn use_relay_frames(on_frame: Callback<conn::Frame>) {
    let relay = use_relay();
    let latest = use_mut_ref(|| on_frame.clone());
    *latest.borrow_mut() = on_frame;
    let conn = relay.conn.clone();
    use_effect_with((), move |_| {
        let key = conn.subscribe_frames(Callback::from(move |frame| {
            let cb = latest.borrow().clone();
            cb.emit(frame);
        }));
        move || conn.unsubscribe(key)
    });
}

/// The sockets a component opened. They are closed when the component goes away (the learner
/// moves to another step), so nothing stays bound behind their back.
#[derive(Clone, Default)]
pub struct OwnedSockets(Rc<RefCell<Vec<(u64, SocketId)>>>);

impl OwnedSockets {
    pub fn adopt(&self, session: u64, socket: SocketId) {
        self.0.borrow_mut().push((session, socket));
    }
    pub fn forget(&self, socket: SocketId) {
        self.0.borrow_mut().retain(|(_, s)| *s != socket);
    }
}

#[hook]
pub fn use_owned_sockets() -> OwnedSockets {
    let relay = use_relay();
    let owned = use_memo((), |_| OwnedSockets::default());
    let latest = use_mut_ref(|| relay.clone());
    *latest.borrow_mut() = relay;
    {
        let owned = (*owned).clone();
        use_effect_with((), move |_| {
            move || {
                let relay = latest.borrow().clone();
                for (session, socket) in owned.0.borrow_mut().drain(..) {
                    if session == relay.session() && relay.connected() {
                        relay.close_detached(socket);
                    }
                }
            }
        });
    }
    (*owned).clone()
}
