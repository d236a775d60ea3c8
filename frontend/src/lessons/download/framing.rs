//! Framing shown live (download step 5). The page's own client connects to the lab's file
//! server and sends the name "poem.txt" either in one `send`, or in two with a visible pause
//! between them, as a slow sender would. The server's log then shows what it took as the name:
//! with the pause, only the first piece (the relay's server waits 0.1 s for more; the course's
//! server, with its one `recv`, does not wait at all). Then the file comes back in several
//! `recv`s, and only the `recv` returning 0 (the server closed) says it is complete: the
//! course's protocol has no other way to mark the end.

use gloo_timers::future::TimeoutFuture;
use yew::prelude::*;

use super::lab::{log_line, outcome_name};
use super::predict::Predict;
use super::shared::{server_port, start_server, use_download_lab};
use super::state::{Action, Turn};
use crate::components::ErrorBox;
use crate::i18n::{LangCtx, use_lang};

/// The name both ways send, and where the slow sender splits it.
pub const NAME: &str = "poem.txt";
const SPLIT: usize = 2;
/// The slow sender's pause: far longer than the 0.1 s the relay's server waits for more.
pub const PAUSE_MS: u32 = 1000;

#[function_component]
pub fn Framing() -> Html {
    let lang = use_lang();
    let lab = use_download_lab();
    let connected = lab.relay().connected();
    let port = server_port(&lab);

    let onstart = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| start_server(&lab, port, false))
    };
    let send = |pieces: Vec<String>| {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            let pieces = pieces.clone();
            // The last run's client is done with: close it before the next one.
            if let Some(old) = lab.client {
                lab.ops().forget(old);
                lab.relay().close_detached(old);
            }
            lab.run(move |ops| async move {
                let conn = match ops.relay.tcp_connect("127.0.0.1", port, Some(1024)).await {
                    Ok(conn) => conn,
                    Err(e) => return ops.dispatch(Action::Fail(e)),
                };
                ops.adopt(conn.socket);
                ops.dispatch(Action::OpenClient(conn.socket));
                for (i, piece) in pieces.into_iter().enumerate() {
                    if i > 0 {
                        ops.dispatch(Action::Say(Turn::Paused(PAUSE_MS)));
                        TimeoutFuture::new(PAUSE_MS).await;
                    }
                    let data = piece.clone().into_bytes();
                    match ops.relay.tcp_send(conn.socket, data).await {
                        Ok(_) => ops.dispatch(Action::Say(Turn::Sent(piece))),
                        Err(e) => return ops.dispatch(Action::Say(Turn::Failed(e))),
                    }
                }
            });
        })
    };
    let (head, tail) = NAME.split_at(SPLIT);
    let ontwo = send(vec![head.to_owned(), tail.to_owned()]);
    let onone = send(vec![NAME.to_owned()]);
    let ready = connected && lab.server.is_some() && !lab.busy();
    let pause = format!("{:.0}", f64::from(PAUSE_MS) / 1000.0);

    html! {
        <div class="lab download-framing" data-testid="download-framing">
            <Predict id="framing"
                question={lang.tf(fill!("download.framing.q", head = head, tail = tail, pause = &pause))}
                options={vec![
                    AttrValue::from(NAME),
                    AttrValue::from(head.to_owned()),
                    AttrValue::from(tail.to_owned()),
                ]}
                answer={1}
                explain={lang.t(key!("download.framing.q_explain"))} />
            <div class="row">
                if let Some(server) = &lab.server {
                    <span class="hint" data-testid="download-server-on">{ lang.tf(fill!("download.lab.server_on", addr = &server.local.to_string())) }</span>
                } else {
                    <button onclick={onstart} disabled={!connected || lab.busy()} data-testid="download-server-start">
                        { lang.t(key!("download.lab.start_server")) }
                    </button>
                }
            </div>
            <div class="row">
                <button class="primary" onclick={ontwo} disabled={!ready} data-testid="framing-two">
                    { lang.tf(fill!("download.framing.two", head = head, tail = tail, pause = &pause)) }
                </button>
                <button onclick={onone} disabled={!ready} data-testid="framing-one">
                    { lang.tf(fill!("download.framing.one", name = NAME)) }
                </button>
            </div>
            if let Some(e) = &lab.error {
                <ErrorBox error={e.clone()} testid="download-error" />
            }
            <h3>{ lang.t(key!("download.framing.client")) }</h3>
            <ol class="download-turns" data-testid="framing-turns" data-received={lab.client_bytes().to_string()}>
                { for lab.turns.iter().scan(0usize, |total, t| {
                    if let Turn::Recv(n) = t { *total += n; }
                    Some(turn_line(&lang, t, *total))
                }) }
            </ol>
            <h3>{ lang.t(key!("download.lab.log")) }</h3>
            <ul class="download-log" data-testid="download-log">
                { for lab.served.iter().map(|r| html! { <li data-outcome={outcome_name(r.outcome)} data-name={r.name.clone()}>{ log_line(&lang, r) }</li> }) }
            </ul>
            <p class="hint">{ lang.t(key!("download.framing.fix")) }</p>
            <pre><code>{ "sock.sendall(len(name).to_bytes(2, 'big') + name)   # length prefix\nsock.sendall(name + b'\\n')                            # or a delimiter" }</code></pre>
        </div>
    }
}

/// One line of the client's transcript; `total` is what recv has returned so far.
fn turn_line(lang: &LangCtx, turn: &Turn, total: usize) -> Html {
    let (kind, text) = match turn {
        Turn::Sent(piece) => (
            "sent",
            lang.tf(fill!("download.framing.turn_sent", piece = piece)),
        ),
        Turn::Paused(ms) => (
            "paused",
            lang.tf(fill!("download.framing.turn_paused", ms = &ms.to_string())),
        ),
        Turn::Recv(n) => (
            "recv",
            lang.tf(fill!(
                "download.framing.turn_recv",
                n = &n.to_string(),
                total = &total.to_string()
            )),
        ),
        Turn::End => (
            "end",
            lang.tf(fill!(
                "download.framing.turn_end",
                total = &total.to_string()
            )),
        ),
        Turn::Failed(e) => {
            return html! { <li data-turn="failed"><ErrorBox error={e.clone()} testid="framing-failed" /></li> };
        }
    };
    html! { <li data-turn={kind}><code>{ text }</code></li> }
}
