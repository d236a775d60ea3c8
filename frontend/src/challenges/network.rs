//! Challenge 7, "your own network": the relay reports this machine's interfaces (from the
//! OS's own tables; nothing leaves the machine), and the learner answers questions about their
//! own subnet, graded in the page by `netmath` (`quiz.rs`). Also the subnet lessons' "use my
//! own address" button.

use protocol::{Interface, RelayError};
use yew::prelude::*;

use super::quiz::{Answers, Quiz, pick};
use crate::components::{ErrorBox, Prose, RelayGate, on_text};
use crate::i18n::{LangCtx, use_lang};
use crate::relay::use_relay;
use crate::storage::{Challenges, CheckRecord};

const SLUG: &str = "my-network";

fn interface_table(lang: &LangCtx, list: &[Interface]) -> Html {
    html! {
        <table class="chal-ifaces" data-testid="chal-interfaces">
            <tr><th>{ lang.t(key!("chal.net.iface")) }</th><th>{ lang.t(key!("chal.net.addr")) }</th><th>{ lang.t(key!("chal.net.gateway")) }</th></tr>
            { for list.iter().map(|i| html! {
                <tr>
                    <td>{ i.name.clone() }</td>
                    <td><code>{ format!("{}/{}", i.addr, i.prefix) }</code></td>
                    <td>{ i.gateway.map(|g| g.to_string()).unwrap_or_else(|| "—".to_owned()) }</td>
                </tr>
            }) }
        </table>
    }
}

/// A "direct or through the gateway?" question.
fn reach_question(
    lang: &LangCtx,
    addr: std::net::Ipv4Addr,
    name: &'static str,
    value: Option<bool>,
    set: Callback<bool>,
) -> Html {
    let choice = |direct: bool, key: crate::i18n::Key| {
        let set = set.clone();
        html! {
            <label class="choice">
                <input type="radio" name={name} checked={value == Some(direct)}
                    onchange={Callback::from(move |_| set.emit(direct))}
                    data-testid={format!("{name}-{}", if direct { "direct" } else { "gateway" })} />
                { lang.t(key) }
            </label>
        }
    };
    html! {
        <fieldset class="chal-question">
            <legend>{ lang.tf(fill!("chal.net.q_reach", addr = &addr.to_string())) }</legend>
            { choice(true, key!("chal.net.direct")) }
            { choice(false, key!("chal.net.via_gateway")) }
        </fieldset>
    }
}

#[function_component]
pub fn NetworkChallenge() -> Html {
    let lang = use_lang();
    let relay = use_relay();
    let list = use_state(|| None::<Vec<Interface>>);
    let error = use_state(|| None::<RelayError>);
    let network = use_state(String::new);
    let broadcast = use_state(String::new);
    let inside = use_state(|| None::<bool>);
    let outside = use_state(|| None::<bool>);
    let graded = use_state(|| None::<Vec<(&'static str, bool)>>);
    let record = use_state(|| Challenges::load().get(SLUG));

    let onask = {
        let (relay, list, error) = (relay.clone(), list.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let (relay, list, error) = (relay.clone(), list.clone(), error.clone());
            yew::platform::spawn_local(async move {
                match relay.interfaces().await {
                    Ok(l) => list.set(Some(l)),
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let quiz = list
        .as_deref()
        .and_then(pick)
        .map(|(cidr, gw)| Quiz::new(cidr, gw));
    let oncheck = {
        let answers = Answers {
            network: (*network).clone(),
            broadcast: (*broadcast).clone(),
            inside_direct: *inside,
            outside_direct: *outside,
        };
        let (quiz, graded, record) = (quiz.clone(), graded.clone(), record.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(q) = &quiz else { return };
            let result = q.grade(&answers);
            let mut all = Challenges::load();
            let rows = result
                .iter()
                .map(|(c, ok)| CheckRecord {
                    check: (*c).to_owned(),
                    passed: *ok,
                })
                .collect();
            all.record(SLUG, super::now_ms(), rows);
            all.save();
            record.set(all.get(SLUG));
            graded.set(Some(result));
        })
    };
    let set = |h: &UseStateHandle<Option<bool>>| {
        let h = h.clone();
        Callback::from(move |v: bool| h.set(Some(v)))
    };
    html! {
        <RelayGate>
            <div class="lab chal-network" data-testid="chal-network">
                <p class="hint">{ lang.t(key!("chal.net.private")) }</p>
                <div class="row">
                    <button class="primary" onclick={onask} disabled={!relay.connected()} data-testid="chal-ask-interfaces">{ lang.t(key!("chal.net.ask")) }</button>
                    { super::list::badge(&lang, &record) }
                </div>
                if let Some(e) = &*error {
                    <ErrorBox error={e.clone()} testid="chal-error" />
                }
                if let Some(l) = &*list {
                    { interface_table(&lang, l) }
                }
                if let Some(q) = &quiz {
                    <p data-testid="chal-net-mine">{ lang.tf(fill!("chal.net.yours", cidr = &q.cidr.to_string(), mask = &q.cidr.prefix().mask().to_string())) }</p>
                    <label class="ip-field">{ lang.t(key!("chal.net.q_network")) }
                        <input type="text" autocomplete="off" spellcheck="false" value={(*network).clone()} oninput={on_text(&network)} data-testid="chal-q-network" />
                    </label>
                    if q.network().broadcast().is_some() {
                        <label class="ip-field">{ lang.t(key!("chal.net.q_broadcast")) }
                            <input type="text" autocomplete="off" spellcheck="false" value={(*broadcast).clone()} oninput={on_text(&broadcast)} data-testid="chal-q-broadcast" />
                        </label>
                    }
                    { reach_question(&lang, q.inside, "chal-q-inside", *inside, set(&inside)) }
                    { reach_question(&lang, q.outside, "chal-q-outside", *outside, set(&outside)) }
                    <button class="primary" onclick={oncheck} data-testid="chal-net-check">{ lang.t(key!("chal.net.check")) }</button>
                } else if list.is_some() {
                    <p class="field-error">{ lang.t(key!("chal.net.no_ipv4")) }</p>
                }
                if let Some(result) = &*graded {
                    <ol class="check-list" data-testid="check-list">
                        { for result.iter().map(|(c, ok)| {
                            let outcome = if *ok { "pass" } else { "fail" };
                            html! {
                                <li class={classes!("check-row", outcome)} data-testid="check-row" data-check={*c} data-outcome={outcome}>
                                    <div class="check-head">
                                        <span class="check-mark" aria-hidden="true">{ if *ok { "✓" } else { "✗" } }</span>
                                        <strong class="check-title">{ lang.t_named(&format!("chal.check.{c}")) }</strong>
                                    </div>
                                    if !*ok {
                                        <div class="check-hint" data-testid="check-hint"><Prose text={lang.t_named(&format!("chal.hint.{c}"))} /></div>
                                    }
                                </li>
                            }
                        }) }
                    </ol>
                }
            </div>
        </RelayGate>
    }
}

#[derive(Properties, PartialEq)]
pub struct MyAddressButtonProps {
    /// Gets `addr/prefix` of the learner's own address.
    pub onpick: Callback<String>,
}

/// "Use my own address": asks the relay for this machine's interfaces and hands over the
/// address a lesson should show (the one with a default gateway first).
#[function_component]
pub fn MyAddressButton(props: &MyAddressButtonProps) -> Html {
    let lang = use_lang();
    let relay = use_relay();
    let note = use_state(|| None::<crate::i18n::Key>);
    let onclick = {
        let (relay, note, onpick) = (relay.clone(), note.clone(), props.onpick.clone());
        Callback::from(move |_: MouseEvent| {
            let (relay, note, onpick) = (relay.clone(), note.clone(), onpick.clone());
            yew::platform::spawn_local(async move {
                match relay.interfaces().await.map(|l| pick(&l)) {
                    Ok(Some((cidr, _))) => {
                        note.set(None);
                        onpick.emit(cidr.to_string());
                    }
                    Ok(None) => note.set(Some(key!("chal.net.no_ipv4"))),
                    Err(_) => note.set(Some(key!("chal.mine.failed"))),
                }
            });
        })
    };
    html! {
        <span class="my-address">
            <button type="button" class="chip" onclick={onclick} disabled={!relay.connected()}
                title={(!relay.connected()).then(|| lang.t(key!("chal.mine.needs_relay")))} data-testid="use-my-address">
                { lang.t(key!("chal.mine.button")) }
            </button>
            if let Some(k) = *note {
                <span class="hint">{ lang.t(k) }</span>
            }
        </span>
    }
}
