//! Step "letter", for real: after the learner predicts what sendto does when nobody listens,
//! the relay sends a real datagram to a port where nothing listens, and sendto returns the
//! byte count without a word. (The TCP lesson's "refused" step puts connect beside it.)

use yew::prelude::*;

use crate::i18n::use_lang;
use crate::lab::{LogView, use_lab};
use crate::lessons::tcp::lab::{TcpLine, TcpState};

/// The port the datagram goes to: the course's, plus 11 (the TCP "refused" step uses it too).
pub const NOBODY_PORT: u16 = 7799;

#[function_component]
pub fn NobodyLab() -> Html {
    let lang = use_lang();
    let lab = use_lab::<TcpState>();
    // None: not tried yet; Some(None): sendto failed (see the log); Some(Some(n)): n bytes.
    let sent = use_state(|| None::<Option<usize>>);
    let onrun = {
        let (lab, sent) = (lab.clone(), sent.clone());
        Callback::from(move |_: MouseEvent| {
            let sent = sent.clone();
            lab.run(move |ops| async move {
                let Some(u) = ops.udp_open().await else {
                    sent.set(Some(None));
                    return;
                };
                let n = ops
                    .udp_send_to(u, "127.0.0.1", NOBODY_PORT, "b'hello'", b"hello".to_vec())
                    .await;
                ops.close("u", u).await;
                sent.set(Some(n));
            });
        })
    };
    let port = NOBODY_PORT.to_string();
    let result = match *sent {
        None => html! {},
        Some(Some(bytes)) => html! {
            <p class="verdict ok" role="status" data-testid="udp-nobody-result" data-bytes={bytes.to_string()}>
                { lang.tf(fill!("udp.nobody.sent", bytes = &bytes.to_string(), port = &port)) }
            </p>
        },
        Some(None) => {
            html! { <p class="hint" data-testid="udp-nobody-result">{ lang.t(key!("tcp.refused.udp_failed")) }</p> }
        }
    };
    html! {
        <div class="lab" data-testid="udp-nobody">
            <div class="actions">
                <button class="primary" onclick={onrun} disabled={lab.busy()} data-testid="udp-nobody-run">
                    { lang.tf(fill!("udp.nobody.run", port = &port)) }
                </button>
            </div>
            { result }
            <LogView<TcpLine> lines={lab.log.to_vec()} decode_as={lab.decode_as} testid="udp-nobody-log" />
        </div>
    }
}
