//! The `reliability` bundle (see `frontend::bundle`): `cargo xtask build-frontend` makes it
//! `frontend/dist/reliability.js` and `reliability_bg.wasm`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    frontend::start(&frontend::bundles::RELIABILITY);
}
