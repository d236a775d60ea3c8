//! The smallest Yew app worth measuring: one component rendered into `#app`, mounted the same
//! way the tutorial mounts itself. `scripts/bench.sh` compares the tutorial's page weight and
//! first paint against this.

use yew::prelude::*;

#[function_component]
fn App() -> Html {
    html! { <h1>{ "Hello, world! 你好，世界！" }</h1> }
}

fn main() {
    let root = app_root();
    yew::Renderer::<App>::with_root(root).render();
}

/// The `<div id="app">` in index.html (the loading text inside it is replaced).
fn app_root() -> web_sys::Element {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("index.html has a <div id=\"app\">")
}
