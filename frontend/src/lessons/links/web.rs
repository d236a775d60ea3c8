//! Step "web": a real web request through the relay, one stage at a time: resolve the name,
//! connect (the three-way handshake), send the HTTP request, receive the response, close. Each
//! stage shows what the relay reported, the bytes as text and hex, and a sequence diagram with
//! the real events next to the packets they stand for.

use std::net::{IpAddr, SocketAddr};
use std::rc::Rc;

use protocol::{Data, RelayError, Reply, Request, ServerMessage, SocketId};
use yew::prelude::*;

use super::on_text;
use super::url::{self, Url};
use crate::components::{BytesView, ErrorBox};
use crate::i18n::{LangCtx, use_lang};
use crate::relay::{use_owned_sockets, use_relay, use_relay_events};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Web {
    pub resolved: Option<(Vec<IpAddr>, u64)>,
    pub conn: Option<(SocketId, SocketAddr, SocketAddr, u64)>,
    pub sent: Option<Vec<u8>>,
    pub received: Vec<u8>,
    pub peer_closed: bool,
    pub closed: bool,
    pub error: Option<(&'static str, RelayError)>,
    pub busy: bool,
}

pub enum Action {
    Reset,
    Busy,
    Resolved(Vec<IpAddr>, u64),
    Connected(SocketId, SocketAddr, SocketAddr, u64),
    Sent(Vec<u8>),
    Data(SocketId, Vec<u8>),
    PeerClosed(SocketId),
    Closed,
    Failed(&'static str, RelayError),
}

impl Reducible for Web {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let ours = |id: SocketId| s.conn.as_ref().is_some_and(|c| c.0 == id);
        let done = !matches!(
            action,
            Action::Busy | Action::Data(..) | Action::PeerClosed(_)
        );
        match action {
            Action::Reset => s = Web::default(),
            Action::Busy => {
                s.busy = true;
                s.error = None;
            }
            Action::Resolved(a, us) => s.resolved = Some((a, us)),
            Action::Connected(id, l, p, us) => s.conn = Some((id, l, p, us)),
            Action::Sent(b) => s.sent = Some(b),
            Action::Data(id, b) if ours(id) => s.received.extend_from_slice(&b),
            Action::PeerClosed(id) if ours(id) => s.peer_closed = true,
            Action::Data(..) | Action::PeerClosed(_) => return self,
            Action::Closed => s.closed = true,
            Action::Failed(stage, e) => s.error = Some((stage, e)),
        }
        if done {
            s.busy = false;
        }
        Rc::new(s)
    }
}

#[function_component]
pub fn WebLab() -> Html {
    let lang = use_lang();
    let relay = use_relay();
    let owned = use_owned_sockets();
    let web = use_reducer(Web::default);
    let port = relay.welcome().map(|w| w.sample_site_port).unwrap_or(0);
    let text = use_state(|| format!("http://localhost:{port}/"));
    {
        let d = web.dispatcher();
        use_relay_events(Callback::from(move |msg: Rc<ServerMessage>| match &*msg {
            ServerMessage::TcpData { socket, data } => {
                d.dispatch(Action::Data(*socket, data.0.clone()))
            }
            ServerMessage::TcpPeerClosed { socket } => d.dispatch(Action::PeerClosed(*socket)),
            _ => {}
        }));
    }
    {
        let d = web.dispatcher();
        use_effect_with(relay.session(), move |_| d.dispatch(Action::Reset));
    }
    let parsed = url::parse(&text);
    let run = |stage: &'static str| {
        let (relay, web, owned) = (relay.clone(), web.clone(), owned.clone());
        let parsed = parsed.clone();
        Callback::from(move |_: MouseEvent| {
            let Ok(u) = parsed.clone() else { return };
            let (relay, d, owned, state) = (
                relay.clone(),
                web.dispatcher(),
                owned.clone(),
                (*web).clone(),
            );
            d.dispatch(Action::Busy);
            yew::platform::spawn_local(async move {
                let action = stage_call(&relay, &owned, stage, &u, &state).await;
                d.dispatch(action);
            });
        })
    };
    let onreset = {
        let (web, relay) = (web.clone(), relay.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((id, ..)) = web.conn
                && !web.closed
            {
                relay.close_detached(id);
            }
            web.dispatch(Action::Reset);
        })
    };
    let w = &*web;
    let status = url::status_line(&w.received);
    html! {
        <div class="lab web-lab" data-testid="web-lab">
            <div class="row">
                <label class="grow">{ lang.t("links.web.url") }
                    <input type="text" value={(*text).clone()} oninput={on_text(&text)} data-testid="web-url" spellcheck="false" disabled={w.resolved.is_some()} />
                </label>
                <button class="secondary" onclick={onreset} data-testid="web-reset">{ lang.t("links.ctl.reset") }</button>
            </div>
            { match &parsed {
                Err(e) => html! { <p class="field-error" role="alert" data-testid="web-url-error" data-error={format!("{e:?}")}>{ lang.t(e.key()) }</p> },
                Ok(u) if !url::looks_loopback(&u.host) => html! { <p class="hint warn" data-testid="web-url-warn">{ lang.t("links.url.not_loopback") }</p> },
                Ok(u) => html! { <p class="hint">{ lang.tf("links.url.parts", &[("host", &u.host), ("port", &u.port.to_string()), ("path", &u.path)]) }</p> },
            } }
            <ol class="web-stages">
                <li>
                    <button class="primary" onclick={run("resolve")} disabled={parsed.is_err() || w.busy || w.resolved.is_some()} data-testid="web-resolve">{ lang.t("links.web.resolve") }</button>
                    <code class="py-line">{ format!("socket.getaddrinfo({:?}, None)", parsed.as_ref().map(|u| u.host.clone()).unwrap_or_default()) }</code>
                    if let Some((addrs, us)) = &w.resolved {
                        <p data-testid="web-resolved" data-addrs={addrs.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(" ")}>
                            { lang.tf("links.web.resolved", &[("addrs", &addrs.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", ")), ("us", &us.to_string())]) }
                        </p>
                    }
                </li>
                <li>
                    <button class="primary" onclick={run("connect")} disabled={w.busy || w.resolved.is_none() || w.conn.is_some()} data-testid="web-connect">{ lang.t("links.web.connect") }</button>
                    if let Some((_, local, peer, us)) = &w.conn {
                        <p data-testid="web-connected" data-local={local.to_string()} data-peer={peer.to_string()}>
                            { lang.tf("links.web.connected", &[("local", &local.to_string()), ("peer", &peer.to_string()), ("us", &us.to_string())]) }
                        </p>
                    }
                </li>
                <li>
                    <button class="primary" onclick={run("send")} disabled={w.busy || w.conn.is_none() || w.sent.is_some() || w.closed} data-testid="web-send">{ lang.t("links.web.send") }</button>
                    if let Some(bytes) = &w.sent {
                        <pre class="http-text" data-testid="web-request-text">{ visible(bytes) }</pre>
                        <BytesView bytes={bytes.clone()} testid="web-request-hex" />
                    }
                </li>
                <li>
                    <h4>{ lang.t("links.web.response") }</h4>
                    if let Some(line) = &status {
                        <p class="status-line" data-testid="web-status">{ line.clone() }</p>
                    }
                    if !w.received.is_empty() {
                        <pre class="http-text" data-testid="web-response-text">{ visible(&w.received) }</pre>
                        <BytesView bytes={w.received.clone()} testid="web-response-hex" />
                    } else if w.sent.is_some() {
                        <p class="hint">{ lang.t("links.web.waiting") }</p>
                    }
                </li>
                <li>
                    <button class="secondary" onclick={run("close")} disabled={w.busy || w.conn.is_none() || w.closed} data-testid="web-close">{ lang.t("links.web.close") }</button>
                    if w.peer_closed {
                        <p data-testid="web-peer-closed">{ lang.t("links.web.peer_closed") }</p>
                    }
                </li>
            </ol>
            if let Some((stage, e)) = &w.error {
                <p class="hint">{ lang.t(stage) }</p>
                <ErrorBox error={e.clone()} testid="web-error" />
            }
            { sequence(&lang, w) }
        </div>
    }
}

/// Text with the invisible bytes made visible (`\r\n` as ␍␊).
fn visible(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .replace('\r', "␍")
        .replace('\n', "␊\n")
}

async fn stage_call(
    relay: &crate::relay::RelayHandle,
    owned: &crate::relay::OwnedSockets,
    stage: &'static str,
    u: &Url,
    state: &Web,
) -> Action {
    match stage {
        "resolve" => match relay
            .call(Request::Resolve {
                name: u.host.clone(),
            })
            .await
        {
            Ok(Reply::Resolved {
                addrs, elapsed_us, ..
            }) => Action::Resolved(addrs, elapsed_us),
            Ok(other) => Action::Failed("links.web.fail.resolve", unexpected(other)),
            Err(e) => Action::Failed("links.web.fail.resolve", e),
        },
        "connect" => {
            let req = Request::TcpConnect {
                host: u.host.clone(),
                port: u.port,
                recv_size: None,
            };
            match relay.call(req).await {
                Ok(Reply::Connected {
                    socket,
                    local,
                    peer,
                    handshake_us,
                }) => {
                    owned.adopt(relay.session(), socket);
                    Action::Connected(socket, local, peer, handshake_us)
                }
                Ok(other) => Action::Failed("links.web.fail.connect", unexpected(other)),
                Err(e) => Action::Failed("links.web.fail.connect", e),
            }
        }
        "send" => {
            let Some((socket, ..)) = state.conn else {
                return Action::Closed;
            };
            let bytes = url::request(u).into_bytes();
            match relay
                .call(Request::TcpSend {
                    socket,
                    data: Data(bytes.clone()),
                })
                .await
            {
                Ok(_) => Action::Sent(bytes),
                Err(e) => Action::Failed("links.web.fail.send", e),
            }
        }
        _ => {
            let Some((socket, ..)) = state.conn else {
                return Action::Closed;
            };
            match relay.call(Request::Close { socket }).await {
                Ok(_) => {
                    owned.forget(socket);
                    Action::Closed
                }
                Err(e) => Action::Failed("links.web.fail.close", e),
            }
        }
    }
}

fn unexpected(reply: Reply) -> RelayError {
    RelayError::new(protocol::ErrorCode::BadRequest)
        .with_detail(format!("unexpected reply: {reply:?}"))
}

/// The sequence diagram: the packets of one HTTP fetch over TCP, each lit when the relay
/// reported the event that proves it happened.
fn sequence(lang: &LangCtx, w: &Web) -> Html {
    let conn = w.conn.is_some();
    let rows: [(&str, bool, bool, String); 8] = [
        ("SYN", true, conn, String::new()),
        ("SYN-ACK", false, conn, String::new()),
        (
            "ACK",
            true,
            conn,
            w.conn
                .map(|c| lang.tf("links.seq.handshake", &[("us", &c.3.to_string())]))
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
        <svg class="picture sequence" viewBox="0 0 680 340" role="img" aria-label={lang.t("links.seq.alt")} data-testid="web-sequence">
            <defs><marker id="seq-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" /></marker></defs>
            <text x={cx.to_string()} y="30" text-anchor="middle" class="label">{ lang.t("links.seq.client") }</text>
            <text x={sx.to_string()} y="30" text-anchor="middle" class="label">{ lang.t("links.seq.server") }</text>
            <line class="lifeline" x1={cx.to_string()} y1="40" x2={cx.to_string()} y2="330" />
            <line class="lifeline" x1={sx.to_string()} y1="40" x2={sx.to_string()} y2="330" />
            { for arrows }
        </svg>
    }
}
