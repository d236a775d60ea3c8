//! The `download` bundle (see `frontend::bundle`): `cargo xtask build-frontend` makes it
//! `frontend/dist/download.js` and `download_bg.wasm`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    frontend::start(&frontend::bundles::DOWNLOAD);
}
