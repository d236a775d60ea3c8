//! The `ip` bundle (see `frontend::bundle`): `cargo xtask build-frontend` makes it
//! `frontend/dist/ip.js` and `ip_bg.wasm`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    frontend::start(&frontend::bundles::IP);
}
