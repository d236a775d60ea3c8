//! The `sockets` bundle (see `frontend::bundle`): `cargo xtask build-frontend` makes it
//! `frontend/dist/sockets.js` and `sockets_bg.wasm`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    frontend::start(&frontend::bundles::SOCKETS);
}
