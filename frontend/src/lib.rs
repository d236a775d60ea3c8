//! The tutorial page: a Yew app compiled to WebAssembly. It teaches, and it asks the local relay
//! (over one WebSocket) to do real socket work; it never does I/O itself.

// First, so that its `key!` and `fill!` macros are in scope in every module after it.
#[macro_use]
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod ahead;
pub mod app;
pub mod bundle;
pub mod bundles;
pub mod challenges;
pub mod components;
pub mod lab;
pub mod lessons;
pub mod pages;
pub mod panel;
pub mod python;
pub mod relay;
pub mod route;
pub mod storage;
pub mod text;

/// Mounts the page as `bundle` (each `src/bin/<group>.rs` calls this with its own).
pub fn start(bundle: &'static bundle::Bundle) {
    bundle::set(bundle);
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
