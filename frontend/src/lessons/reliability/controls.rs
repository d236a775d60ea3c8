//! The lossy link's controls: the seed, a chance for each fault, the delay, and the faults
//! set by hand on chosen transmissions.

use yew::prelude::*;

use super::goals::LoseOne;
use super::sim::Fate;
use super::{Scenario, use_scenario};
use crate::i18n::use_lang;

fn number(e: &InputEvent) -> Option<u64> {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
        .trim()
        .parse()
        .ok()
}

#[derive(Properties, PartialEq)]
pub struct LinkControlsProps {
    pub scenario: Scenario,
    pub onchange: Callback<Scenario>,
}

#[function_component]
pub fn LinkControls(props: &LinkControlsProps) -> Html {
    let lang = use_lang();
    let sc = &props.scenario;
    let field = |key: crate::i18n::Key,
                 testid: &'static str,
                 value: u64,
                 max: u64,
                 set: fn(&mut Scenario, u64)| {
        let (sc, onchange) = (sc.clone(), props.onchange.clone());
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(v) = number(&e) {
                let mut next = sc.clone();
                set(&mut next, v.min(max));
                onchange.emit(next);
            }
        });
        html! {
            <label>{ lang.t(key) }
                <input type="number" min="0" max={max.to_string()} value={value.to_string()} {oninput} data-testid={testid} />
            </label>
        }
    };
    let faults = sc
        .faults
        .iter()
        .map(|f| html! { <li>{ lang.tf(fill!("rel.fault.item", n = &f.tx.to_string(), fate = lang.t(super::fates::name(f.fate)))) }</li> })
        .collect::<Html>();
    let onclear = {
        let (sc, onchange) = (sc.clone(), props.onchange.clone());
        Callback::from(move |_: MouseEvent| {
            onchange.emit(Scenario {
                faults: Vec::new(),
                ..sc.clone()
            })
        })
    };
    html! {
        <fieldset class="rel-controls" data-testid="rel-controls">
            <legend>{ lang.t(key!("rel.controls.title")) }</legend>
            <div class="row">
                { field(key!("rel.field.seed"), "rel-seed", sc.seed, u64::from(u32::MAX), |s, v| s.seed = v) }
                { field(key!("rel.field.loss"), "rel-loss", sc.cfg.loss.into(), 90, |s, v| s.cfg.loss = v as u8) }
                { field(key!("rel.field.duplicate"), "rel-dup", sc.cfg.duplicate.into(), 90, |s, v| s.cfg.duplicate = v as u8) }
                { field(key!("rel.field.reorder"), "rel-reorder", sc.cfg.reorder.into(), 90, |s, v| s.cfg.reorder = v as u8) }
                { field(key!("rel.field.corrupt"), "rel-corrupt", sc.cfg.corrupt.into(), 90, |s, v| s.cfg.corrupt = v as u8) }
                { field(key!("rel.field.delay"), "rel-delay", sc.cfg.delay.into(), 1000, |s, v| s.cfg.delay = (v as u32).max(10)) }
            </div>
            if sc.faults.is_empty() {
                <p class="hint">{ lang.t(key!("rel.fault.none")) }</p>
            } else {
                <ul class="rel-faults" data-testid="rel-faults">{ faults }</ul>
                <button class="secondary" onclick={onclear} data-testid="rel-faults-clear">{ lang.t(key!("rel.fault.clear")) }</button>
            }
        </fieldset>
    }
}

/// Step "link": the controls alone, with what each fault means.
#[function_component]
pub fn LinkStep() -> Html {
    let lang = use_lang();
    let (sc, set) = use_scenario();
    let meanings = Fate::FAULTS
        .iter()
        .map(|f| html! { <li><b>{ lang.t(super::fates::name(*f)) }</b>{ ": " }{ lang.t(super::fates::means(*f)) }</li> })
        .collect::<Html>();
    html! {
        <div class="lab">
            <LinkControls scenario={sc.clone()} onchange={set} />
            <ul class="rel-meanings">{ meanings }</ul>
            <LoseOne run={std::rc::Rc::new(super::stepped::tcp_run(&sc))} />
        </div>
    }
}
