//! The `start` bundle (see `frontend::bundle`): `cargo xtask build-frontend` makes it
//! `frontend/dist/start.js` and `start_bg.wasm`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    frontend::start(&frontend::bundles::START);
}
