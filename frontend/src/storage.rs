//! What the page remembers in localStorage: language, the relay token, lesson and challenge
//! progress.
//! Every access tolerates a browser that refuses storage (private mode): nothing panics, the
//! page just forgets.
//!
//! Progress is JSON read and written by hand with `protocol::json` (the start bundle holds no
//! serde). The format is the one serde wrote before: the tests compare the two.

use std::fmt::Write as _;

use protocol::json::{Json, optional, quote};
#[cfg(test)]
use serde::{Deserialize, Serialize};

pub const LANG_KEY: &str = "netlab.lang";
pub const TOKEN_KEY: &str = "netlab.token";
pub const PROGRESS_KEY: &str = "netlab.progress";
pub const CHALLENGES_KEY: &str = "netlab.challenges";

/// The browser's localStorage. Off wasm (a page drawn ahead of time, unit tests) there is none:
/// nothing is remembered.
fn local() -> Option<web_sys::Storage> {
    #[cfg(not(target_arch = "wasm32"))]
    return None;
    #[cfg(target_arch = "wasm32")]
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct LessonProgress {
    /// The step the learner last looked at (1-based).
    pub last: usize,
    /// Every step seen at least once (1-based).
    pub seen: Vec<usize>,
}

/// Progress through every lesson, by slug.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct Progress(pub ByName<LessonProgress>);

impl Progress {
    /// The stored text's progress; anything unreadable is forgotten (an empty progress).
    pub fn parse(json: &str) -> Progress {
        let lesson = |v: &Json| {
            Some(LessonProgress {
                last: v.get("last")?.as_int()?,
                seen: ints(v.get("seen")?)?,
            })
        };
        map(json, lesson).map(Progress).unwrap_or_default()
    }

    /// `{"udp":{"last":3,"seen":[1,3]}}`.
    pub fn to_json(&self) -> String {
        write_map(&self.0, |out, p| {
            let _ = write!(out, r#"{{"last":{},"seen":["#, p.last);
            write_list(out, &p.seen, |out, s| {
                let _ = write!(out, "{s}");
            });
            out.push_str("]}");
        })
    }

    pub fn load() -> Progress {
        get(PROGRESS_KEY)
            .map(|s| Progress::parse(&s))
            .unwrap_or_default()
    }

    pub fn save(&self) {
        set(PROGRESS_KEY, &self.to_json());
    }

    /// Records that `step` of `slug` was shown.
    pub fn visit(&mut self, slug: &str, step: usize) {
        let p = self.0.entry(slug);
        p.last = step;
        // Kept in order by inserting in place (no sort: it would be the start bundle's only one).
        if let Err(at) = p.seen.binary_search(&step) {
            p.seen.insert(at, step);
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

/// One check of a challenge's last run, as the report prints it: the check's id (its text
/// key's last part) and whether it passed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct CheckRecord {
    pub check: String,
    pub passed: bool,
}

/// Where the learner stands with one challenge.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct ChallengeRecord {
    /// Runs that ended (passed or not); a cancelled run is no attempt.
    pub attempts: u32,
    /// When it was first solved (milliseconds since 1970, the browser's clock).
    pub solved_at: Option<u64>,
    /// Solved on the very first attempt.
    pub first_try: bool,
    /// When the last run ended, and its checks.
    pub last_at: Option<u64>,
    pub checks: Vec<CheckRecord>,
}

impl ChallengeRecord {
    pub fn solved(&self) -> bool {
        self.solved_at.is_some()
    }
    /// Failed attempts so far ("show solution" appears after three).
    pub fn failures(&self) -> u32 {
        self.attempts - u32::from(self.solved())
    }
}

/// Every challenge's record, by the challenge's slug; kept beside lesson progress.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct Challenges(pub ByName<ChallengeRecord>);

impl Challenges {
    /// The stored text's records; anything unreadable is forgotten (no records).
    pub fn parse(json: &str) -> Challenges {
        let check = |v: &Json| {
            Some(CheckRecord {
                check: v.get("check")?.as_str()?.to_owned(),
                passed: v.get("passed")?.as_bool()?,
            })
        };
        let record = |v: &Json| {
            Some(ChallengeRecord {
                attempts: v.get("attempts")?.as_int()?,
                solved_at: optional(v.get("solved_at"), Json::as_int)?,
                first_try: v.get("first_try")?.as_bool()?,
                last_at: optional(v.get("last_at"), Json::as_int)?,
                checks: v
                    .get("checks")?
                    .as_array()?
                    .iter()
                    .map(check)
                    .collect::<Option<_>>()?,
            })
        };
        map(json, record).map(Challenges).unwrap_or_default()
    }

    /// `{"udp-sender":{"attempts":2,"solved_at":5,"first_try":false,"last_at":5,
    /// "checks":[{"check":"bytes","passed":true}]}}` (`null` for a time not yet reached).
    pub fn to_json(&self) -> String {
        let time = |t: Option<u64>| t.map_or_else(|| "null".to_owned(), |t| t.to_string());
        write_map(&self.0, |out, r| {
            let _ = write!(
                out,
                r#"{{"attempts":{},"solved_at":{},"first_try":{},"last_at":{},"checks":["#,
                r.attempts,
                time(r.solved_at),
                r.first_try,
                time(r.last_at)
            );
            write_list(out, &r.checks, |out, c| {
                let _ = write!(
                    out,
                    r#"{{"check":{},"passed":{}}}"#,
                    quote(&c.check),
                    c.passed
                );
            });
            out.push_str("]}");
        })
    }

    pub fn load() -> Challenges {
        get(CHALLENGES_KEY)
            .map(|s| Challenges::parse(&s))
            .unwrap_or_default()
    }

    pub fn save(&self) {
        set(CHALLENGES_KEY, &self.to_json());
    }

    pub fn get(&self, slug: &str) -> ChallengeRecord {
        self.0.get(slug).cloned().unwrap_or_default()
    }

    /// Records a run of `slug` that ended at `at` with `checks`. Once solved, a challenge stays
    /// solved (a later failing run is still recorded as the last run).
    pub fn record(&mut self, slug: &str, at: u64, checks: Vec<CheckRecord>) {
        let r = self.0.entry(slug);
        let passed = !checks.is_empty() && checks.iter().all(|c| c.passed);
        r.attempts += 1;
        if passed && r.solved_at.is_none() {
            r.solved_at = Some(at);
            r.first_try = r.attempts == 1;
        }
        r.last_at = Some(at);
        r.checks = checks;
    }

    pub fn solved_count(&self) -> usize {
        self.0.values().filter(|r| r.solved()).count()
    }
}

/// Values by name, in the names' order (as a `BTreeMap<String, T>` keeps them, and as serde
/// wrote them): a sorted list, searched by halves. A map of the standard library would be the
/// start bundle's only one, and its code several KiB of the first visit's download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByName<T>(Vec<(String, T)>);

impl<T> Default for ByName<T> {
    fn default() -> Self {
        ByName(Vec::new())
    }
}

impl<T> ByName<T> {
    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(n, _)| n.as_str().cmp(name))
    }

    pub fn get(&self, name: &str) -> Option<&T> {
        self.find(name).ok().map(|i| &self.0[i].1)
    }

    /// Sets `name`'s value (a name given twice: the last counts).
    pub fn insert(&mut self, name: String, value: T) {
        match self.find(&name) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (name, value)),
        }
    }

    /// `name`'s value, made as the default first if there is none.
    pub fn entry(&mut self, name: &str) -> &mut T
    where
        T: Default,
    {
        let i = self.find(name).unwrap_or_else(|i| {
            self.0.insert(i, (name.to_owned(), T::default()));
            i
        });
        &mut self.0[i].1
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v))
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter().map(|(_, v)| v)
    }
}

/// In tests only, serde reads and writes it as the `BTreeMap` it replaced, so the tests can
/// compare the hand-written JSON with serde's.
#[cfg(test)]
impl<T: Serialize> Serialize for ByName<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

#[cfg(test)]
impl<'de, T: Deserialize<'de>> Deserialize<'de> for ByName<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<String, T>::deserialize(d)?;
        Ok(ByName(map.into_iter().collect()))
    }
}

/// A JSON object of `read` values by name (a name twice: the last counts, as with serde).
fn map<T>(json: &str, read: impl Fn(&Json) -> Option<T>) -> Option<ByName<T>> {
    let Json::Object(members) = Json::parse(json)? else {
        return None;
    };
    let mut map = ByName::default();
    for (name, v) in &members {
        map.insert(name.clone(), read(v)?);
    }
    Some(map)
}

fn ints(json: &Json) -> Option<Vec<usize>> {
    json.as_array()?.iter().map(Json::as_int).collect()
}

fn write_map<T>(map: &ByName<T>, write: impl Fn(&mut String, &T)) -> String {
    let mut out = String::from("{");
    for (i, (name, value)) in map.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote(name));
        out.push(':');
        write(&mut out, value);
    }
    out.push('}');
    out
}

fn write_list<T>(out: &mut String, items: &[T], write: impl Fn(&mut String, &T)) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
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
        assert_eq!(p.to_json(), json);
    }

    /// What earlier versions stored with serde is read the same, and written byte for byte
    /// as serde wrote it.
    #[test]
    fn the_format_is_the_one_serde_wrote() {
        let mut p = Progress::default();
        p.visit("ip", 2);
        p.visit("引\"号", 1);
        p.visit("udp", 7);
        p.visit("udp", 3);
        assert_eq!(p.to_json(), serde_json::to_string(&p).unwrap());
        assert_eq!(
            p.to_json(),
            r#"{"ip":{"last":2,"seen":[2]},"udp":{"last":3,"seen":[3,7]},"引\"号":{"last":1,"seen":[1]}}"#
        );
        let mut c = Challenges::default();
        c.record(
            "udp-sender",
            1,
            vec![check("by\"tes", false), check("order", true)],
        );
        c.record("tcp-echo", 1_764_561_600_000, vec![check("order", true)]);
        assert_eq!(c.to_json(), serde_json::to_string(&c).unwrap());
        assert_eq!(Challenges::parse(&c.to_json()), c);
        // serde reads a missing time as none, and refuses a missing count
        let old = r#"{"a":{"attempts":1,"first_try":false,"checks":[]}}"#;
        assert_eq!(
            Challenges::parse(old),
            serde_json::from_str::<Challenges>(old).unwrap()
        );
        assert_eq!(Challenges::parse(old).get("a").attempts, 1);
        for bad in [
            r#"{"a":{"first_try":false,"checks":[]}}"#,
            r#"{"u":{"last":1}}"#,
            "[]",
            "{\"u\":{\"last\":-1,\"seen\":[]}}",
        ] {
            assert_eq!(Challenges::parse(bad), Challenges::default(), "{bad}");
            assert_eq!(Progress::parse(bad), Progress::default(), "{bad}");
        }
    }

    fn check(name: &str, passed: bool) -> CheckRecord {
        CheckRecord {
            check: name.to_owned(),
            passed,
        }
    }

    #[test]
    fn a_challenge_solved_after_failures_is_not_first_try_and_stays_solved() {
        let mut c = Challenges::default();
        c.record("udp-sender", 1, vec![check("bytes", false)]);
        assert!(!c.get("udp-sender").solved());
        assert_eq!(c.get("udp-sender").failures(), 1);
        c.record("udp-sender", 2, vec![check("bytes", true)]);
        c.record("udp-sender", 3, vec![check("bytes", false)]);
        let r = c.get("udp-sender");
        assert_eq!((r.solved_at, r.first_try, r.attempts), (Some(2), false, 3));
        assert_eq!(r.failures(), 2);
        assert_eq!(r.last_at, Some(3));
        assert_eq!(r.checks, vec![check("bytes", false)]);
        // A run without checks (the checker stopped at once) solves nothing.
        c.record("tcp-client", 4, vec![]);
        assert!(!c.get("tcp-client").solved());
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(Challenges::parse(&json), c);
        assert_eq!(c.solved_count(), 1);
    }

    #[test]
    fn a_challenge_solved_at_once_is_first_try() {
        let mut c = Challenges::default();
        c.record(
            "tcp-echo",
            5,
            vec![check("order", true), check("close", true)],
        );
        assert!(c.get("tcp-echo").first_try);
        assert_eq!(Challenges::parse("[oops"), Challenges::default());
    }

    #[test]
    fn by_name_keeps_the_order_and_answers_of_a_btreemap() {
        let names = ["udp", "ip", "引号", "Z", "udp", "", "tcp", "ip", "a-b", "a"];
        let mut ours = ByName::default();
        let mut std = std::collections::BTreeMap::new();
        for (i, name) in names.iter().enumerate() {
            ours.insert((*name).to_owned(), i);
            std.insert((*name).to_owned(), i);
        }
        *ours.entry("new") += 100;
        *std.entry("new".to_owned()).or_default() += 100;
        *ours.entry("ip") += 1000;
        *std.entry("ip".to_owned()).or_default() += 1000;
        let ours_list: Vec<_> = ours.iter().map(|(n, v)| (n.to_owned(), *v)).collect();
        let std_list: Vec<_> = std.iter().map(|(n, v)| (n.clone(), *v)).collect();
        assert_eq!(ours_list, std_list);
        assert_eq!(ours.get("ip"), Some(&1007));
        assert_eq!(ours.get("nope"), None);
        assert_eq!(ours.values().count(), 9);
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
