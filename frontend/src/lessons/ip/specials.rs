//! The special-purpose blocks in one table: what each means, its blocks, and the RFC that
//! defines it.

use netmath::Special;
use yew::prelude::*;

use super::text;
use crate::i18n::use_lang;

#[function_component]
pub fn SpecialTable() -> Html {
    let lang = use_lang();
    let rows = Special::ALL
        .iter()
        .filter(|&&s| s != Special::Public)
        .map(|&s| {
            let blocks = s
                .blocks()
                .iter()
                .map(|b| html! { <code>{ b.to_string() }</code> })
                .collect::<Vec<_>>();
            let blocks = blocks
                .into_iter()
                .enumerate()
                .map(|(i, b)| html! { <>{ if i > 0 { " " } else { "" } }{ b }</> })
                .collect::<Html>();
            html! {
                <tr data-testid="special-row" data-special={text::special_stem(s)}>
                    <th scope="row">{ text::special_name(lang.lang, s) }</th>
                    <td>{ blocks }</td>
                    <td>{ text::special_desc(lang.lang, s) }</td>
                    <td>{ s.rfc().map(|r| format!("RFC {r}")).unwrap_or_default() }</td>
                </tr>
            }
        })
        .collect::<Html>();
    html! {
        <div class="table-wrap">
            <table class="ip-table" data-testid="special-table">
                <caption class="visually-hidden">{ lang.t(key!("ipw.special.caption")) }</caption>
                <thead><tr>
                    <th scope="col">{ lang.t(key!("ipw.special.meaning")) }</th>
                    <th scope="col">{ lang.t(key!("ipw.special.blocks")) }</th>
                    <th scope="col">{ lang.t(key!("ipw.special.what")) }</th>
                    <th scope="col">{ lang.t(key!("ipw.special.rfc")) }</th>
                </tr></thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}
