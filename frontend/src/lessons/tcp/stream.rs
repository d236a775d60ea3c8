//! Step "stream": TCP carries bytes, not messages. Two sends can come out of one recv, and one
//! big send out of several; the boundaries drawn here are the ones the relay's recv really
//! returned. The page holds both ends: a listener (every recv asks for 1024 bytes, as the
//! course does) and a client connected to it.

use std::time::Duration;

use protocol::SocketId;
use yew::prelude::*;

use super::lab::{TcpLine, TcpState};
use crate::components::PythonCode;
use crate::i18n::use_lang;
use crate::lab::{LogView, use_lab};

/// The bufsize of every recv on the receiving side.
pub const RECV_SIZE: u32 = 1024;
/// The two small sends.
pub const SMALL: [&[u8]; 2] = [b"hello", b"world"];
/// The one big send: "0123456789" 500 times.
pub const BIG_REPEAT: usize = 500;

pub fn big_payload() -> Vec<u8> {
    b"0123456789".repeat(BIG_REPEAT)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Experiment {
    TwoSends,
    BigSend,
}

impl Experiment {
    fn name(self) -> &'static str {
        match self {
            Experiment::TwoSends => "two_sends",
            Experiment::BigSend => "big_send",
        }
    }
    /// The sizes of the sends, in order.
    fn sends(self) -> Vec<usize> {
        match self {
            Experiment::TwoSends => SMALL.iter().map(|s| s.len()).collect(),
            Experiment::BigSend => vec![big_payload().len()],
        }
    }
}

/// The two ends of the connection: the client's socket and the one `accept` returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Pair {
    client: SocketId,
    conn: SocketId,
}

/// The pair, once both sockets exist and are open.
fn pair(lab: &TcpState) -> Option<Pair> {
    let client = lab.client()?.id;
    let conn = lab.open_with(|r| matches!(r, super::lab::Role::Accepted { .. }));
    Some(Pair {
        client,
        conn: conn.last()?.id,
    })
}

/// The experiment running, and how many recvs the receiver had before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Running {
    exp: Experiment,
    recvs_before: usize,
}

#[function_component]
pub fn StreamLab() -> Html {
    let lang = use_lang();
    let lab = use_lab::<TcpState>();
    let current = use_state(|| None::<Running>);
    let pair_now = pair(&lab);

    let onsetup = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            lab.run(move |ops| async move {
                let Ok(listening) = ops.listen("srv", "127.0.0.1", 0, 1, Some(RECV_SIZE)).await
                else {
                    return;
                };
                let _ = ops
                    .connect("s", "127.0.0.1", listening.local.port(), Some(RECV_SIZE))
                    .await;
            });
        })
    };
    let run = |exp: Experiment| {
        let (lab, current) = (lab.clone(), current.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(Pair { client, conn }) = pair(&lab) else {
                return;
            };
            let recvs_before = lab.sock(conn).map_or(0, |s| s.recvs.len());
            current.set(Some(Running { exp, recvs_before }));
            let conn_var = format!("conn{conn}");
            lab.run(move |ops| async move {
                match exp {
                    Experiment::TwoSends => {
                        if !ops.pause_reading(&conn_var, conn, true).await {
                            return;
                        }
                        for part in SMALL {
                            let expr = crate::text::hex::python_literal(part);
                            let expr = python_bytes(part).unwrap_or(expr);
                            ops.send("s", client, &expr, part.to_vec()).await;
                        }
                        // Let both sends land in the receiver's kernel buffer.
                        yew::platform::time::sleep(Duration::from_millis(300)).await;
                        ops.pause_reading(&conn_var, conn, false).await;
                    }
                    Experiment::BigSend => {
                        ops.send("s", client, "b\"0123456789\" * 500", big_payload())
                            .await;
                    }
                }
            });
        })
    };
    let result = match (*current, pair_now) {
        (Some(Running { exp, recvs_before }), Some(Pair { conn, .. })) => {
            let recvs: Vec<usize> = lab
                .sock(conn)
                .map(|s| s.recvs.iter().skip(recvs_before).map(Vec::len).collect())
                .unwrap_or_default();
            boundaries(exp, &recvs, &lang)
        }
        _ => html! {},
    };
    let receiver = format!(
        "conn, addr = srv.accept()\nwhile True:\n    data = conn.recv({RECV_SIZE})\n    if not data:\n        break\n    print(len(data), data)\n"
    );
    html! {
        <div class="lab" data-testid="tcp-stream-lab">
            <div class="actions">
                <button class="primary" onclick={onsetup} disabled={pair_now.is_some() || lab.busy()} data-testid="stream-setup">
                    { lang.t(key!("tcp.stream.setup")) }
                </button>
            </div>
            if let Some(Pair { client, conn }) = pair_now {
                <p class="socket-state" data-testid="stream-pair">{ lang.tf(fill!("tcp.stream.pair", client = &client.to_string(), conn = &conn.to_string())) }</p>
            }
            <PythonCode code={receiver} />
            <div class="actions">
                <button class="primary" onclick={run(Experiment::TwoSends)} disabled={pair_now.is_none() || lab.busy()} data-testid="stream-two-sends">
                    { lang.t(key!("tcp.stream.two_sends")) }
                </button>
                <button class="primary" onclick={run(Experiment::BigSend)} disabled={pair_now.is_none() || lab.busy()} data-testid="stream-big-send">
                    { lang.t(key!("tcp.stream.big_send")) }
                </button>
            </div>
            { result }
            <details>
                <summary>{ lang.t(key!("udp.log.title")) }</summary>
                <LogView<TcpLine> lines={lab.log.to_vec()} decode_as={lab.decode_as} testid="stream-log" />
            </details>
        </div>
    }
}

/// `b"hello"` for printable ASCII, else None.
fn python_bytes(bytes: &[u8]) -> Option<String> {
    bytes
        .iter()
        .all(|b| b.is_ascii_alphanumeric())
        .then(|| format!("b\"{}\"", String::from_utf8_lossy(bytes)))
}

/// Two bars over the same bytes: the sends above, the recvs below, each block as wide as its
/// share of the bytes.
fn boundaries(exp: Experiment, recvs: &[usize], lang: &crate::i18n::LangCtx) -> Html {
    let sends = exp.sends();
    let total: usize = sends.iter().sum();
    let got: usize = recvs.iter().sum();
    let bar = |sizes: &[usize],
               class: &'static str,
               testid: &'static str,
               key: crate::i18n::Key| {
        sizes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let width = format!("width: {:.3}%", *n as f64 * 100.0 / total.max(1) as f64);
                html! {
                    <span class={classes!("blk", class)} style={width} data-testid={testid} data-bytes={n.to_string()}
                        title={lang.tf(key.fill(&[("n", &(i + 1).to_string()), ("bytes", &n.to_string())]))}>
                        <span class="blk-label">{ n.to_string() }</span>
                    </span>
                }
            })
            .collect::<Html>()
    };
    let verdict = if got < total {
        lang.tf(fill!(
            "tcp.stream.waiting",
            got = &got.to_string(),
            total = &total.to_string()
        ))
    } else {
        let (sends, recvs, total) = (
            &sends.len().to_string(),
            &recvs.len().to_string(),
            &total.to_string(),
        );
        match exp {
            Experiment::TwoSends => lang.tf(fill!(
                "tcp.stream.verdict.two_sends",
                sends = sends,
                recvs = recvs,
                total = total
            )),
            Experiment::BigSend => lang.tf(fill!(
                "tcp.stream.verdict.big_send",
                sends = sends,
                recvs = recvs,
                total = total
            )),
        }
    };
    html! {
        <div class="stream-result" data-testid="stream-result" data-experiment={exp.name()} data-total={got.to_string()} data-done={(got >= total).to_string()}>
            <div class="stream-row">
                <span class="stream-label">{ lang.t(key!("tcp.stream.sends")) }</span>
                <div class="stream-bar">{ bar(&sends, "send", "stream-send", key!("tcp.stream.send_n")) }</div>
            </div>
            <div class="stream-row">
                <span class="stream-label">{ lang.t(key!("tcp.stream.recvs")) }</span>
                <div class="stream-bar">{ bar(recvs, "recv", "stream-recv", key!("tcp.stream.recv_n")) }</div>
            </div>
            <p class="verdict">{ verdict }</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_experiments_send_what_they_say() {
        assert_eq!(Experiment::TwoSends.sends(), vec![5, 5]);
        assert_eq!(Experiment::BigSend.sends(), vec![5000]);
        assert!(big_payload().starts_with(b"01234567890123"));
        assert_eq!(python_bytes(b"hello").as_deref(), Some("b\"hello\""));
        assert_eq!(python_bytes(b"a b"), None);
    }
}
