//! Step "recap": the two whole programs of this lesson, sender and receiver, ready to run.

use yew::prelude::*;

use super::bind::DEFAULT_PORT;
use crate::components::PythonCode;
use crate::i18n::use_lang;
use crate::python;
use crate::text::codec::Encoding;

#[function_component]
pub fn Recap() -> Html {
    let lang = use_lang();
    html! {
        <div class="recap">
            <div class="two-col">
                <div>
                    <h3>{ lang.t(key!("udp.recap.receiver")) }</h3>
                    <PythonCode code={python::receiver_program("", DEFAULT_PORT, Encoding::Utf8)} />
                </div>
                <div>
                    <h3>{ lang.t(key!("udp.recap.sender")) }</h3>
                    <PythonCode code={python::sender_program("你好", Encoding::Utf8, "127.0.0.1", DEFAULT_PORT)} />
                </div>
            </div>
        </div>
    }
}
