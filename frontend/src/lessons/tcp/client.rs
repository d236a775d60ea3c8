//! Step "client": connect to a loopback port (the relay's TCP echo peer by default), send text
//! in UTF-8 or GBK, watch each recv arrive, close. The course's client, one call at a time.

use yew::prelude::*;

use super::diagram::StateDiagram;
use super::lab::Action;
use super::lab::{COURSE_RECV, TcpLine, TcpState};
use crate::components::{Composed, Composer, EncodingSelect, PyArgs, Target, on_text, parse_port};
use crate::i18n::use_lang;
use crate::lab::{LabHandle, LogView, use_lab};
use crate::python;
use crate::relay::use_relay;

/// The "show received bytes as" selector.
pub fn decode_select(lab: &LabHandle<TcpState>, testid: &'static str, label: &str) -> Html {
    html! {
        <label>{ label.to_owned() }
            <EncodingSelect value={lab.decode_as} onpick={lab.callback(Action::DecodeAs)} testid={testid} />
        </label>
    }
}

#[function_component]
pub fn ClientLab() -> Html {
    let lang = use_lang();
    let relay = use_relay();
    let lab = use_lab::<TcpState>();
    let echo = relay.welcome().map(|w| w.tcp_echo_port).unwrap_or(0);
    let host = use_state(|| "127.0.0.1".to_owned());
    let port = use_state(|| {
        if echo == 0 {
            String::new()
        } else {
            echo.to_string()
        }
    });
    let port_parsed = parse_port(&port);
    let client = lab.client().cloned();

    let onconnect = {
        let lab = lab.clone();
        let host = host.trim().to_owned();
        Callback::from(move |_: MouseEvent| {
            let Ok(port) = port_parsed else { return };
            let host = host.clone();
            lab.run(move |ops| async move {
                let _ = ops.connect("s", &host, port, Some(COURSE_RECV)).await;
            });
        })
    };
    let onsend = {
        let lab = lab.clone();
        Callback::from(move |out: Composed| {
            let Some(c) = lab.client() else { return };
            let socket = c.id;
            lab.run(move |ops| async move {
                ops.send("s", socket, &out.payload_expr(), out.bytes).await;
            });
        })
    };
    let onclose = {
        let lab = lab.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(c) = lab.client() else { return };
            let socket = c.id;
            lab.run(move |ops| async move {
                ops.close("s", socket).await;
            });
        })
    };
    let handshake = lab.log.iter().rev().find_map(|e| match e {
        TcpLine::Ok { key, args, .. } if *key == key!("tcp.log.connected") => args
            .iter()
            .find(|(k, _)| *k == "us")
            .map(|(_, v)| v.clone()),
        _ => None,
    });
    let connected = client.is_some();
    html! {
        <div class="lab" data-testid="tcp-client-lab">
            <p class="hint" data-testid="tcp-echo-hint">{ lang.tf(fill!("tcp.client.echo_hint", port = &echo.to_string())) }</p>
            <div class="row">
                <label>{ lang.t(key!("udp.field.host")) }
                    <input type="text" value={(*host).clone()} oninput={on_text(&host)} data-testid="tcp-connect-host" spellcheck="false" disabled={connected} />
                </label>
                <label>{ lang.t(key!("udp.field.port")) }
                    <input type="text" inputmode="numeric" class="port-input" value={(*port).clone()} oninput={on_text(&port)} data-testid="tcp-connect-port" disabled={connected} />
                </label>
                <button class="primary" onclick={onconnect} disabled={connected || lab.busy() || port_parsed.is_err()} data-testid="tcp-connect">
                    { lang.t(key!("tcp.button.connect")) }
                </button>
                <button class="secondary" onclick={onclose} disabled={!connected || lab.busy()} data-testid="tcp-close">
                    { lang.t(key!("udp.button.close")) }
                </button>
            </div>
            if let Err(e) = port_parsed {
                <p class="field-error" role="alert">{ lang.t(e.key()) }</p>
            }
            <code class="py-line">{ python::tcp_connect("s", host.trim(), port_parsed.unwrap_or(0)) }</code>
            if let (Some(c), Some(us)) = (&client, &handshake) {
                <p class="socket-state" data-testid="tcp-handshake" data-us={us.clone()}>
                    { lang.tf(fill!("tcp.client.handshake", us = us, local = &c.local.map(|a| a.to_string()).unwrap_or_default(), peer = &c.peer.map(|a| a.to_string()).unwrap_or_default())) }
                </p>
            }
            <StateDiagram socks={lab.socks.clone()} />
            <Composer
                prefix="tcp"
                fixed_target={client.as_ref().and_then(|c| c.peer).map(Target::from)}
                default_text="你好"
                button={lang.t(key!("tcp.button.send"))}
                disabled={!connected || lab.busy()}
                allow_hex={true}
                python={Callback::from(|a: PyArgs| python::send("s", &a.payload))}
                onsend={onsend}
            />
            if !connected {
                <p class="hint">{ lang.t(key!("tcp.client.connect_first")) }</p>
            }
            <div class="row">
                <h3 class="grow">{ lang.t(key!("udp.log.title")) }</h3>
                { decode_select(&lab, "tcp-decode", lang.t(key!("udp.field.decode_as"))) }
            </div>
            <LogView<TcpLine> lines={lab.log.to_vec()} decode_as={lab.decode_as} testid="tcp-client-log" />
        </div>
    }
}
