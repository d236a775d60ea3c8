//! The `links` bundle (see `frontend::bundle`): `cargo xtask build-frontend` makes it
//! `frontend/dist/links.js` and `links_bg.wasm`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    frontend::start(&frontend::bundles::LINKS);
}
