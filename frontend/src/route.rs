//! The page's URLs: every lesson step has its own, so reload, bookmarks and back/forward work.
//!
//! A small router of our own (yew-router and what it pulled in cost every bundle about 25 KB):
//! [`Route::recognize`] and [`Route::to_path`] are plain string work, [`Router`] holds the
//! current route for the components under it ([`use_route`]), [`push`] and [`replace`] move
//! the page without reloading it, and [`Link`] is an `<a>` whose plain click does a [`push`].
//!
//! The path is read as index.html's loader reads it (`bundle::Group::of_path`): segment by
//! segment, without percent-decoding, so the page and the loader always agree on whose bundle
//! a URL is. One trailing slash is allowed (`/lesson/udp/` is `/lesson/udp`); an empty segment
//! (`/lesson//2`, `/practice//`) names no page.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`
    Home,
    /// `/lesson/<slug>`: a lesson without a step: continue where the learner left off.
    LessonStart { slug: String },
    /// `/lesson/<slug>/<step>`. Step numbers start at 1, as a learner counts.
    Step { slug: String, step: usize },
    /// `/practice`: address practice; `?level=1..3&seed=N` picks the problem.
    Practice,
    /// `/panel`: the peer panel on a page of its own (the other end of the learner's programs).
    Panel,
    /// `/challenges`: the learner's own programs, checked live by the relay.
    Challenges,
    /// `/challenges/report`: "what I did", printable for a teacher.
    ChallengesReport,
    /// `/challenges/<slug>`: one challenge (`udp-sender` ...).
    Challenge { slug: String },
    /// Any other path (and `/404`).
    NotFound,
}

impl Route {
    /// The route a path (`location.pathname`, without query or fragment) names.
    pub fn recognize(path: &str) -> Route {
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        if path.is_empty() {
            return Route::Home;
        }
        let parts: Vec<&str> = path.split('/').collect();
        if parts.contains(&"") {
            return Route::NotFound;
        }
        let slug = |s: &str| s.to_owned();
        match parts[..] {
            ["lesson", s] => Route::LessonStart { slug: slug(s) },
            ["lesson", s, n] if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                match n.parse() {
                    Ok(step) => Route::Step {
                        slug: slug(s),
                        step,
                    },
                    Err(_) => Route::NotFound,
                }
            }
            ["practice"] => Route::Practice,
            ["panel"] => Route::Panel,
            ["challenges"] => Route::Challenges,
            ["challenges", "report"] => Route::ChallengesReport,
            ["challenges", s] => Route::Challenge { slug: slug(s) },
            _ => Route::NotFound,
        }
    }

    /// The path of this route, as links and the address bar show it.
    pub fn to_path(&self) -> String {
        match self {
            Route::Home => "/".to_owned(),
            Route::LessonStart { slug } => format!("/lesson/{slug}"),
            Route::Step { slug, step } => format!("/lesson/{slug}/{step}"),
            Route::Practice => "/practice".to_owned(),
            Route::Panel => "/panel".to_owned(),
            Route::Challenges => "/challenges".to_owned(),
            Route::ChallengesReport => "/challenges/report".to_owned(),
            Route::Challenge { slug } => format!("/challenges/{slug}"),
            Route::NotFound => "/404".to_owned(),
        }
    }
}

/// The event [`push`] and [`replace`] send on `window` after changing the address, so the
/// [`Router`] reads it again (the browser sends `popstate` only for back and forward).
const MOVED: &str = "netlab-route";

/// The route in the address bar now.
fn current() -> Route {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    Route::recognize(&path)
}

/// Goes to `route` with a new history entry, without reloading (as following a link does).
/// The query string is left behind, as a link to `route` would.
pub fn push(route: &Route) {
    go(route, true);
}

/// Goes to `route` in place of the current history entry (a redirect: back does not return
/// to the address it replaced).
pub fn replace(route: &Route) {
    go(route, false);
}

fn go(route: &Route, new_entry: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let url = route.to_path();
    let state = wasm_bindgen::JsValue::NULL;
    let _ = if new_entry {
        history.push_state_with_url(&state, "", Some(&url))
    } else {
        history.replace_state_with_url(&state, "", Some(&url))
    };
    if let Ok(event) = web_sys::Event::new(MOVED) {
        let _ = window.dispatch_event(&event);
    }
}

#[derive(Properties, PartialEq)]
pub struct RouterProps {
    #[prop_or_default]
    pub children: Html,
    /// The path to start from, in place of `location.pathname` (a page drawn ahead of time).
    #[prop_or_default]
    pub path: Option<AttrValue>,
}

/// Holds the current route for everything under it: read from `location.pathname` at start,
/// again on `popstate` (back, forward) and after each [`push`] or [`replace`].
#[function_component]
pub fn Router(props: &RouterProps) -> Html {
    let route = {
        let path = props.path.clone();
        use_state_eq(move || path.map_or_else(current, |p| Route::recognize(&p)))
    };
    {
        let route = route.setter();
        let read_again = route.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn FnMut()>::new(move || route.set(current()));
            let window = web_sys::window();
            if let Some(w) = &window {
                for name in ["popstate", MOVED] {
                    let _ =
                        w.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
                }
            }
            // The pages' effects ran before this one (children first): a redirect among them
            // may have moved the address before anyone listened.
            read_again.set(current());
            move || {
                if let Some(w) = &window {
                    for name in ["popstate", MOVED] {
                        let _ = w.remove_event_listener_with_callback(
                            name,
                            listener.as_ref().unchecked_ref(),
                        );
                    }
                }
            }
        });
    }
    html! {
        <ContextProvider<Route> context={(*route).clone()}>
            { props.children.clone() }
        </ContextProvider<Route>>
    }
}

/// The current route (from the [`Router`] above; outside one, the address bar's).
#[hook]
pub fn use_route() -> Route {
    use_context::<Route>().unwrap_or_else(current)
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub classes: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// An `<a href>` to `to`. A plain left click moves the page without reloading it ([`push`]);
/// with a modifier key (new tab, new window, download) or another button the browser does
/// what it does for any link. Like yew-router's `Link`, it leaves scroll and focus alone.
#[function_component]
pub fn Link(props: &LinkProps) -> Html {
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() != 0 || e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
                return;
            }
            e.prevent_default();
            push(&to);
        })
    };
    html! {
        <a class={props.classes.clone()} href={props.to.to_path()} {onclick}>
            { props.children.clone() }
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(slug: &str, step: usize) -> Route {
        Route::Step {
            slug: slug.into(),
            step,
        }
    }

    fn every_route() -> Vec<Route> {
        let mut all = vec![
            Route::Home,
            Route::Practice,
            Route::Panel,
            Route::Challenges,
            Route::ChallengesReport,
        ];
        for lesson in crate::lessons::ALL {
            all.push(Route::LessonStart {
                slug: lesson.slug.into(),
            });
            for n in 1..=lesson.steps.len() {
                all.push(step(lesson.slug, n));
            }
        }
        for c in crate::challenges::CHALLENGES {
            all.push(Route::Challenge {
                slug: c.slug.into(),
            });
        }
        all
    }

    #[test]
    fn every_route_round_trips_through_its_path() {
        let all = every_route();
        assert!(all.len() > 60, "{} routes", all.len());
        for route in all {
            let path = route.to_path();
            assert!(path.starts_with('/'), "{path}");
            assert_eq!(Route::recognize(&path), route, "{path}");
            // With one trailing slash, the same page.
            if path != "/" {
                assert_eq!(Route::recognize(&format!("{path}/")), route, "{path}/");
            }
        }
        assert_eq!(
            Route::recognize(&Route::NotFound.to_path()),
            Route::NotFound
        );
    }

    #[test]
    fn paths_name_these_routes() {
        let lesson_start = |slug: &str| Route::LessonStart { slug: slug.into() };
        let challenge = |slug: &str| Route::Challenge { slug: slug.into() };
        let cases = [
            ("/", Route::Home),
            ("", Route::Home),
            ("//", Route::Home),
            ("/lesson/udp", lesson_start("udp")),
            ("/lesson/udp/", lesson_start("udp")),
            ("/lesson/udp/3", step("udp", 3)),
            ("/lesson/udp/3/", step("udp", 3)),
            ("/lesson/intro/1", step("intro", 1)),
            // An unknown lesson is a route: the lesson page says "not found".
            ("/lesson/nope/1", step("nope", 1)),
            ("/lesson/udp/0", step("udp", 0)),
            ("/lesson/udp/99", step("udp", 99)),
            ("/lesson/udp/007", step("udp", 7)),
            ("/lesson/a.b", lesson_start("a.b")),
            // Not decoded, as index.html's loader does not decode either.
            ("/lesson/%75dp/1", step("%75dp", 1)),
            ("/practice", Route::Practice),
            ("/practice/", Route::Practice),
            ("/panel", Route::Panel),
            ("/challenges", Route::Challenges),
            ("/challenges/", Route::Challenges),
            ("/challenges/report", Route::ChallengesReport),
            ("/challenges/report/", Route::ChallengesReport),
            ("/challenges/udp-sender", challenge("udp-sender")),
            ("/challenges/nope", challenge("nope")),
            ("/404", Route::NotFound),
            // Nothing else.
            ("/lesson", Route::NotFound),
            ("/lesson/", Route::NotFound),
            ("/lesson//", Route::NotFound),
            ("/lesson//1", Route::NotFound),
            ("/lesson/x/abc", Route::NotFound),
            ("/lesson/x/-1", Route::NotFound),
            ("/lesson/x/+1", Route::NotFound),
            ("/lesson/x/1.5", Route::NotFound),
            ("/lesson/x/ 1", Route::NotFound),
            ("/lesson/x/99999999999999999999999", Route::NotFound),
            ("/lesson/x/1/2", Route::NotFound),
            ("/lesson/udp/3//", Route::NotFound),
            ("/practice//", Route::NotFound),
            ("//practice", Route::NotFound),
            ("/practice/1", Route::NotFound),
            ("/Practice", Route::NotFound),
            ("/panel/x", Route::NotFound),
            ("/challenges/report/x", Route::NotFound),
            ("/challenges/a/b", Route::NotFound),
            ("/index.html", Route::NotFound),
            ("/no/such/page", Route::NotFound),
        ];
        for (path, route) in cases {
            assert_eq!(Route::recognize(path), route, "{path:?}");
        }
    }
}
