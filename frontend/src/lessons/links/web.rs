//! Step "web": a real web request through the relay, one stage at a time: resolve the name,
//! connect (the three-way handshake), send the HTTP request, receive the response, close. Each
//! stage shows what the relay reported, the bytes as text and hex, and a sequence diagram with
//! the real events next to the packets they stand for.

use std::rc::Rc;

use protocol::{RelayError, ServerMessage, SocketId};
use yew::prelude::*;

use super::url::{self, Url};
use crate::components::{BytesView, ErrorBox, on_text};
use crate::i18n::{LangCtx, use_lang};
use crate::lab::{LabState, Ops, use_lab};
use crate::relay::{Connected, Resolved};

/// The stages of one web request, each a button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Resolve,
    Connect,
    Send,
    Close,
}

impl Stage {
    /// What the page says when this stage fails.
    fn fail_key(self) -> crate::i18n::Key {
        match self {
            Stage::Resolve => key!("links.web.fail.resolve"),
            Stage::Connect => key!("links.web.fail.connect"),
            Stage::Send => key!("links.web.fail.send"),
            Stage::Close => key!("links.web.fail.close"),
        }
    }
}

/// A stage that failed, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct StageError {
    pub stage: Stage,
    pub error: RelayError,
}

/// How far the request has come.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WebRequest {
    pub resolved: Option<Resolved>,
    pub conn: Option<Connected>,
    pub sent: Option<Vec<u8>>,
    pub received: Vec<u8>,
    pub peer_closed: bool,
    pub closed: bool,
    pub error: Option<StageError>,
}

/// What the learner and the relay do to the request, as verbs.
pub enum Action {
    Reset,
    /// A stage starts: the last one's error goes.
    ClearError,
    Resolve(Resolved),
    Connect(Connected),
    Send(Vec<u8>),
    /// `tcp_data` on some socket (kept only when it is ours).
    Receive {
        socket: SocketId,
        data: Vec<u8>,
    },
    /// `tcp_peer_closed` on some socket (kept only when it is ours).
    SeePeerClose {
        socket: SocketId,
    },
    Close,
    Fail(StageError),
}

impl Reducible for WebRequest {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let ours = |id: SocketId| s.conn.is_some_and(|c| c.socket == id);
        match action {
            Action::Reset => s = WebRequest::default(),
            Action::ClearError => s.error = None,
            Action::Resolve(r) => s.resolved = Some(r),
            Action::Connect(c) => s.conn = Some(c),
            Action::Send(b) => s.sent = Some(b),
            Action::Receive { socket, data } if ours(socket) => s.received.extend_from_slice(&data),
            Action::SeePeerClose { socket } if ours(socket) => s.peer_closed = true,
            Action::Receive { .. } | Action::SeePeerClose { .. } => return self,
            Action::Close => s.closed = true,
            Action::Fail(e) => s.error = Some(e),
        }
        Rc::new(s)
    }
}

impl LabState for WebRequest {
    fn lose_session() -> Action {
        Action::Reset
    }

    fn on_event(msg: &ServerMessage) -> Option<Action> {
        match msg {
            ServerMessage::TcpData { socket, data } => Some(Action::Receive {
                socket: *socket,
                data: data.0.clone(),
            }),
            ServerMessage::TcpPeerClosed { socket } => {
                Some(Action::SeePeerClose { socket: *socket })
            }
            _ => None,
        }
    }
}

#[function_component]
pub fn WebLab() -> Html {
    let lang = use_lang();
    let web = use_lab::<WebRequest>();
    let port = web.relay().welcome().map_or(0, |w| w.sample_site_port);
    let text = use_state(|| format!("http://localhost:{port}/"));
    let parsed = url::parse(&text);
    let run = |stage: Stage| {
        let (web, parsed) = (web.clone(), parsed.clone());
        Callback::from(move |_: MouseEvent| {
            let Ok(u) = parsed.clone() else { return };
            let socket = web.conn.map(|c| c.socket);
            web.dispatch(Action::ClearError);
            web.run(move |ops| async move { ops.stage(stage, &u, socket).await });
        })
    };
    let onreset = {
        let web = web.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(c) = web.conn
                && !web.closed
            {
                let ops = web.ops();
                ops.forget(c.socket);
                ops.relay.close_detached(c.socket);
            }
            web.dispatch(Action::Reset);
        })
    };
    let w = &*web;
    let status = url::status_line(&w.received);
    html! {
        <div class="lab web-lab" data-testid="web-lab">
            <div class="row">
                <label class="grow">{ lang.t(key!("links.web.url")) }
                    <input type="text" value={(*text).clone()} oninput={on_text(&text)} data-testid="web-url" spellcheck="false" disabled={w.resolved.is_some()} />
                </label>
                <button class="secondary" onclick={onreset} data-testid="web-reset">{ lang.t(key!("links.ctl.reset")) }</button>
            </div>
            { match &parsed {
                Err(e) => html! { <p class="field-error" role="alert" data-testid="web-url-error" data-error={format!("{e:?}")}>{ lang.t(e.key()) }</p> },
                Ok(u) if !url::looks_loopback(&u.host) => html! { <p class="hint warn" data-testid="web-url-warn">{ lang.t(key!("links.url.not_loopback")) }</p> },
                Ok(u) => html! { <p class="hint">{ lang.tf(fill!("links.url.parts", host = &u.host, port = &u.port.to_string(), path = &u.path)) }</p> },
            } }
            <ol class="web-stages">
                <li>
                    <button class="primary" onclick={run(Stage::Resolve)} disabled={parsed.is_err() || web.busy() || w.resolved.is_some()} data-testid="web-resolve">{ lang.t(key!("links.web.resolve")) }</button>
                    <code class="py-line">{ format!("socket.getaddrinfo({:?}, None)", parsed.as_ref().map(|u| u.host.clone()).unwrap_or_default()) }</code>
                    if let Some(r) = &w.resolved {
                        <p data-testid="web-resolved" data-addrs={r.addrs.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(" ")}>
                            { lang.tf(fill!("links.web.resolved", addrs = &r.addrs.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", "), us = &r.elapsed_us.to_string())) }
                        </p>
                    }
                </li>
                <li>
                    <button class="primary" onclick={run(Stage::Connect)} disabled={web.busy() || w.resolved.is_none() || w.conn.is_some()} data-testid="web-connect">{ lang.t(key!("links.web.connect")) }</button>
                    if let Some(c) = &w.conn {
                        <p data-testid="web-connected" data-local={c.local.to_string()} data-peer={c.peer.to_string()}>
                            { lang.tf(fill!("links.web.connected", local = &c.local.to_string(), peer = &c.peer.to_string(), us = &c.handshake_us.to_string())) }
                        </p>
                    }
                </li>
                <li>
                    <button class="primary" onclick={run(Stage::Send)} disabled={web.busy() || w.conn.is_none() || w.sent.is_some() || w.closed} data-testid="web-send">{ lang.t(key!("links.web.send")) }</button>
                    if let Some(bytes) = &w.sent {
                        <pre class="http-text" data-testid="web-request-text">{ visible(bytes) }</pre>
                        <BytesView bytes={bytes.clone()} testid="web-request-hex" />
                    }
                </li>
                <li>
                    <h4>{ lang.t(key!("links.web.response")) }</h4>
                    if let Some(line) = &status {
                        <p class="status-line" data-testid="web-status">{ line.clone() }</p>
                    }
                    if !w.received.is_empty() {
                        <pre class="http-text" data-testid="web-response-text">{ visible(&w.received) }</pre>
                        <BytesView bytes={w.received.clone()} testid="web-response-hex" />
                    } else if w.sent.is_some() {
                        <p class="hint">{ lang.t(key!("links.web.waiting")) }</p>
                    }
                </li>
                <li>
                    <button class="secondary" onclick={run(Stage::Close)} disabled={web.busy() || w.conn.is_none() || w.closed} data-testid="web-close">{ lang.t(key!("links.web.close")) }</button>
                    if w.peer_closed {
                        <p data-testid="web-peer-closed">{ lang.t(key!("links.web.peer_closed")) }</p>
                    }
                </li>
            </ol>
            if let Some(e) = &w.error {
                <p class="hint">{ lang.t(e.stage.fail_key()) }</p>
                <ErrorBox error={e.error.clone()} testid="web-error" />
            }
            { sequence(&lang, w) }
        </div>
    }
}

/// Text with the invisible bytes made visible, written as Python writes them in bytes:
/// `\r\n` (every font has a backslash; the control pictures ␍␊ are empty boxes in many).
fn visible(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .replace('\r', "\\r")
        .replace('\n', "\\n\n")
}

impl Ops<WebRequest> {
    /// One stage's call; what it found (or how it failed) goes into the request.
    async fn stage(&self, stage: Stage, u: &Url, socket: Option<SocketId>) {
        let fail = |error| Action::Fail(StageError { stage, error });
        let action = match (stage, socket) {
            (Stage::Resolve, _) => match self.relay.resolve(&u.host).await {
                Ok(r) => Action::Resolve(r),
                Err(e) => fail(e),
            },
            (Stage::Connect, _) => match self.relay.tcp_connect(&u.host, u.port, None).await {
                Ok(c) => {
                    self.adopt(c.socket);
                    Action::Connect(c)
                }
                Err(e) => fail(e),
            },
            (Stage::Send, Some(socket)) => {
                let bytes = url::request(u).into_bytes();
                match self.relay.tcp_send(socket, bytes.clone()).await {
                    Ok(_) => Action::Send(bytes),
                    Err(e) => fail(e),
                }
            }
            (Stage::Close, Some(socket)) => match self.relay.close(socket).await {
                Ok(()) => {
                    self.forget(socket);
                    Action::Close
                }
                Err(e) => fail(e),
            },
            // Send or close before a connection: the buttons never allow it.
            (Stage::Send | Stage::Close, None) => Action::Close,
        };
        self.dispatch(action);
    }
}

/// The sequence diagram: the packets of one HTTP fetch over TCP, each lit when the relay
/// reported the event that proves it happened.
fn sequence(lang: &LangCtx, w: &WebRequest) -> Html {
    let conn = w.conn.is_some();
    let rows: [(&str, bool, bool, String); 8] = [
        ("SYN", true, conn, String::new()),
        ("SYN-ACK", false, conn, String::new()),
        (
            "ACK",
            true,
            conn,
            w.conn
                .map(|c| {
                    lang.tf(fill!(
                        "links.seq.handshake",
                        us = &c.handshake_us.to_string()
                    ))
                })
                .unwrap_or_default(),
        ),
        (
            "GET",
            true,
            w.sent.is_some(),
            w.sent
                .as_ref()
                .map(|b| format!("tcp_send: {} B", b.len()))
                .unwrap_or_default(),
        ),
        (
            "HTTP/1.1",
            false,
            !w.received.is_empty(),
            if w.received.is_empty() {
                String::new()
            } else {
                format!("tcp_data: {} B", w.received.len())
            },
        ),
        (
            "FIN",
            false,
            w.peer_closed,
            if w.peer_closed {
                "tcp_peer_closed".to_owned()
            } else {
                String::new()
            },
        ),
        ("ACK", true, w.peer_closed, String::new()),
        (
            "FIN / ACK",
            true,
            w.closed,
            if w.closed {
                "close".to_owned()
            } else {
                String::new()
            },
        ),
    ];
    let (cx, sx) = (90, 470);
    let arrows = rows.iter().enumerate().map(|(i, (label, to_server, done, event))| {
        let y = 60 + i as i32 * 34;
        let (x1, x2) = if *to_server { (cx, sx) } else { (sx, cx) };
        let class = if *done { "seq done" } else { "seq" };
        html! {
            <g class={class} data-testid="seq-row" data-done={done.to_string()}>
                <line x1={x1.to_string()} y1={y.to_string()} x2={x2.to_string()} y2={(y + 14).to_string()} marker-end="url(#seq-arrow)" />
                <text x="280" y={(y + 2).to_string()} text-anchor="middle" class="label">{ *label }</text>
                <text x={(sx + 12).to_string()} y={(y + 14).to_string()} class="sub">{ event.clone() }</text>
            </g>
        }
    });
    html! {
        <svg class="picture sequence" viewBox="0 0 680 340" role="img" aria-label={lang.t(key!("links.seq.alt"))} data-testid="web-sequence">
            <defs><marker id="seq-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" /></marker></defs>
            <text x={cx.to_string()} y="30" text-anchor="middle" class="label">{ lang.t(key!("links.seq.client")) }</text>
            <text x={sx.to_string()} y="30" text-anchor="middle" class="label">{ lang.t(key!("links.seq.server")) }</text>
            <line class="lifeline" x1={cx.to_string()} y1="40" x2={cx.to_string()} y2="330" />
            <line class="lifeline" x1={sx.to_string()} y1="40" x2={sx.to_string()} y2="330" />
            { for arrows }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn line_ends_show_as_python_writes_them_in_glyphs_every_font_has() {
        let shown = visible(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        assert_eq!(shown, "GET / HTTP/1.1\\r\\n\nHost: a\\r\\n\n\\r\\n\n");
        assert_eq!(crate::i18n::glyphs::lacking(&shown), None);
    }
}
