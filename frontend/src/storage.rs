//! What the page remembers in localStorage: language, the relay token, lesson progress.
//! Every access tolerates a browser that refuses storage (private mode): nothing panics, the
//! page just forgets.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub const LANG_KEY: &str = "netlab.lang";
pub const TOKEN_KEY: &str = "netlab.token";
pub const PROGRESS_KEY: &str = "netlab.progress";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok()?
}

pub fn set(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}

/// Progress through one lesson.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// The step the learner last looked at (1-based).
    pub last: usize,
    /// Every step seen at least once (1-based).
    pub seen: Vec<usize>,
}

/// Progress through every lesson, by slug.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress(pub BTreeMap<String, LessonProgress>);

impl Progress {
    pub fn parse(json: &str) -> Progress {
        serde_json::from_str(json).unwrap_or_default()
    }

    pub fn load() -> Progress {
        get(PROGRESS_KEY)
            .map(|s| Progress::parse(&s))
            .unwrap_or_default()
    }

    pub fn save(&self) {
        if let Ok(json) = serde_json::to_string(self) {
            set(PROGRESS_KEY, &json);
        }
    }

    /// Records that `step` of `slug` was shown.
    pub fn visit(&mut self, slug: &str, step: usize) {
        let p = self.0.entry(slug.to_owned()).or_default();
        p.last = step;
        if !p.seen.contains(&step) {
            p.seen.push(step);
            p.seen.sort_unstable();
        }
    }

    pub fn seen_count(&self, slug: &str, steps: usize) -> usize {
        self.0
            .get(slug)
            .map(|p| p.seen.iter().filter(|s| (1..=steps).contains(*s)).count())
            .unwrap_or(0)
    }

    pub fn last(&self, slug: &str) -> Option<usize> {
        self.0.get(slug).map(|p| p.last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visits_are_remembered_once_and_survive_json() {
        let mut p = Progress::default();
        p.visit("udp", 3);
        p.visit("udp", 1);
        p.visit("udp", 3);
        assert_eq!(p.seen_count("udp", 8), 2);
        assert_eq!(p.last("udp"), Some(3));
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(Progress::parse(&json), p);
    }

    #[test]
    fn corrupt_storage_is_forgotten_not_fatal() {
        assert_eq!(Progress::parse("{not json"), Progress::default());
        let mut p = Progress::parse(r#"{"udp":{"last":99,"seen":[1,99]}}"#);
        assert_eq!(p.seen_count("udp", 8), 1);
        p.visit("udp", 2);
        assert_eq!(p.seen_count("udp", 8), 2);
    }
}
