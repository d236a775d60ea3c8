//! Pages drawn ahead of time (feature `ssr`, native only): the `prerender` crate writes each
//! of [`crate::bundle::prerendered`] into a document of its own at build, so a first visit
//! shows its page as soon as the HTML has arrived, before the wasm has loaded.
//!
//! The page is drawn by the same components, with the route and the language given
//! ([`AppProps`]) instead of read from the browser. Nothing from the browser is there:
//! localStorage reads nothing (`storage`), effects do not run, the relay is "connecting". When
//! the wasm starts it draws the page anew in place of this copy (`crate::start`), in the same
//! task, so no frame shows both.

use protocol::Lang;
use yew::LocalServerRenderer;

use crate::app::{App, AppProps};
use crate::bundle::{self, Bundle};
use crate::route::Route;

/// `route` as `bundle` draws it in `lang`: the HTML that goes inside `#app`.
pub fn draw(bundle: &'static Bundle, route: &Route, lang: Lang) -> String {
    bundle::set(bundle);
    let props = AppProps {
        path: Some(route.to_path().into()),
        lang: Some(lang),
    };
    let renderer = LocalServerRenderer::<App>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}
