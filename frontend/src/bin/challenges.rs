//! The `challenges` bundle (see `frontend::bundle`): `cargo xtask build-frontend` makes it
//! `frontend/dist/challenges.js` and `challenges_bg.wasm`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    frontend::start(&frontend::bundles::CHALLENGES);
}
