//! Step "recap": the course's two TCP programs, server and client, ready to run against each
//! other or against the page.

use yew::prelude::*;

use super::server::{DEFAULT_BACKLOG, DEFAULT_PORT};
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
                    <h3>{ lang.t(key!("tcp.recap.server")) }</h3>
                    <PythonCode code={python::tcp_server_program("", DEFAULT_PORT, DEFAULT_BACKLOG, Encoding::Utf8)} />
                </div>
                <div>
                    <h3>{ lang.t(key!("tcp.recap.client")) }</h3>
                    <PythonCode code={python::tcp_client_program("你好", Encoding::Utf8, "127.0.0.1", DEFAULT_PORT)} />
                </div>
            </div>
        </div>
    }
}
