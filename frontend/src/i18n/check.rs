//! Text keys checked while the crate compiles. `key!("udp.bind.title")` looks the key up in the
//! Chinese and the English tables inside a `const`, so a key missing from either language is a
//! compile error naming it, not `⟦missing text⟧` in a learner's page. `fill!` checks the
//! placeholder names it is given against the text's `{placeholders}` the same way.
//!
//! The lookups run in the compiler's const evaluator, once per call site (about a thousand), so
//! each language's keys are hashed once into an open-addressing table (`ZH_SLOTS`, `EN_SLOTS`)
//! and a lookup is a hash and a probe or two, not a scan of every key.
//!
//! A misspelled key does not compile:
//!
//! ```compile_fail
//! let _ = frontend::key!("udp.bind.titel");
//! ```
//!
//! while the right one does:
//!
//! ```
//! let _ = frontend::key!("udp.bind.title");
//! ```
//!
//! Placeholders must be the text's: each one of both languages given, and no name that neither
//! language uses (English alone may use one, for a `{n:one|other}` plural form): `tcp.log.connected` has `{id}`,
//! `{local}`, `{peer}` and `{us}`.
//!
//! ```compile_fail
//! let _ = frontend::key!("tcp.log.connected"; id, local, peer);
//! ```
//!
//! ```
//! let _ = frontend::key!("tcp.log.connected"; id, local, peer, us);
//! let _ = frontend::fill!("tcp.log.connected", id = "1", local = "x", peer = "y", us = "42");
//! ```

use super::{EN, Tables, ZH};

/// A text key that exists in both languages. `key!` makes one, and the compiler checks it;
/// [`Key::lookup`] finds one by a name that arrives as data, or says there is none.
///
/// The key carries its two texts, found while the crate compiles: showing one is a field read,
/// and a text no reachable code names is not in the wasm at all (each lesson group's bundle
/// holds only its own texts; the tables themselves are only read at run time by
/// [`Key::lookup`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    name: &'static str,
    zh: &'static str,
    en: &'static str,
}

/// A key and the values of its `{placeholders}`, made by `fill!`.
#[derive(Clone, Copy, Debug)]
pub struct Fill<'a> {
    pub(super) key: Key,
    pub(super) args: &'a [(&'a str, &'a str)],
}

impl Key {
    /// Used by `key!` inside a `const`: the key, or a compile error. `names` are the
    /// placeholders the caller fills in (`None`: not checked). Not for other callers: a
    /// run-time call with a wrong key panics.
    #[doc(hidden)]
    pub const fn checked(
        key: &'static str,
        names: Option<&[&str]>,
        missing: &'static str,
        mismatch: &'static str,
    ) -> Key {
        let (Some(zh), Some(en)) = (text(ZH, &ZH_SLOTS, key), text(EN, &EN_SLOTS, key)) else {
            panic!("{}", missing);
        };
        if let Some(names) = names
            && !(all_given(zh, names) && all_given(en, names) && all_used(zh, en, names))
        {
            panic!("{}", mismatch);
        }
        Key { name: key, zh, en }
    }

    /// The key named `name`, if both languages have it: only for a name that arrives as data
    /// and cannot be a `match` (a check id the relay sends), so the caller must say what to
    /// show for a name no table has. Everything the page's own code names is `key!`.
    ///
    /// Only the challenges' texts (`challenges_zh.rs`, `challenges_en.rs`: `chal.*`) can be
    /// named so: a run-time lookup keeps every text of the tables it reads in the bundle, so
    /// it reads only those (they are in the challenges bundle anyway).
    pub fn lookup(name: &str) -> Option<Key> {
        let find = |table: &'static [(&'static str, &'static str)]| {
            table.iter().copied().find(|(k, _)| *k == name)
        };
        let (key, zh) = find(super::NAMED_ZH)?;
        let (_, en) = find(super::NAMED_EN)?;
        Some(Key { name: key, zh, en })
    }

    /// For tests that walk the tables: the key named `key`, from any table. A name no table
    /// has still makes a `Key`; it shows `⟦missing text⟧`.
    #[cfg(test)]
    pub fn built(key: &str) -> Key {
        match (entry(ZH, &ZH_SLOTS, key), entry(EN, &EN_SLOTS, key)) {
            (Some((name, zh)), Some((_, en))) => Key { name, zh, en },
            _ => Key {
                name: "",
                zh: super::MISSING,
                en: super::MISSING,
            },
        }
    }

    /// The key itself (`"udp.bind.title"`).
    pub fn name(self) -> &'static str {
        self.name
    }

    /// The key's text in `lang`.
    pub fn text(self, lang: super::Lang) -> &'static str {
        match lang {
            super::Lang::ZhCn => self.zh,
            super::Lang::En => self.en,
        }
    }

    /// This key with placeholder values given at run time, unchecked: for a key chosen among
    /// several (`let key = key!("a.b"; n, m)` checks them where it is chosen).
    pub fn fill<'a>(self, args: &'a [(&'a str, &'a str)]) -> Fill<'a> {
        Fill { key: self, args }
    }
}

/// `key!("a.b")`: the checked [`Key`]. `key!("a.b"; n, m)` also checks that the text's
/// placeholders in both languages are exactly `{n}` and `{m}` (a `{n:one|other}` form counts as
/// `n`).
#[macro_export]
macro_rules! key {
    ($key:literal) => {{
        const KEY: $crate::i18n::Key = $crate::i18n::Key::checked(
            $key,
            None,
            concat!("no text has the key \"", $key, "\" in both zh and en (frontend/src/i18n)"),
            "",
        );
        KEY
    }};
    ($key:literal; $($name:ident),* $(,)?) => {{
        const KEY: $crate::i18n::Key = $crate::i18n::Key::checked(
            $key,
            Some(&[$(stringify!($name)),*]),
            concat!("no text has the key \"", $key, "\" in both zh and en (frontend/src/i18n)"),
            concat!(
                "the placeholders given for \"", $key, "\" (", $(stringify!($name), " ",)*
                ") do not match the {placeholders} of its zh and en texts"
            ),
        );
        KEY
    }};
}

/// `fill!("udp.sent", n = &n.to_string(), peer = peer)`: the checked key with every
/// placeholder's value, for `LangCtx::tf` and `i18n::trf`. A value is anything that is
/// `AsRef<str>` behind a reference (`&String`, `&str`).
#[macro_export]
macro_rules! fill {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Key::fill(
            $crate::key!($key; $($name),*),
            &[$((stringify!($name), ::core::convert::AsRef::<str>::as_ref($value))),*],
        )
    };
}

/// Slots in each language's hash table: a power of two, over twice the number of keys (about
/// a thousand), so probe runs stay short.
const SLOTS: usize = 4096;

const ZH_SLOTS: [u32; SLOTS] = slots(ZH);
const EN_SLOTS: [u32; SLOTS] = slots(EN);

/// FNV-1a: simple enough for the const evaluator.
const fn hash(bytes: &[u8]) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    h as usize
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Each slot holds 0 (empty) or 1 + (table << 16 | row) of one key.
const fn slots(tables: Tables) -> [u32; SLOTS] {
    let mut slots = [0u32; SLOTS];
    let mut t = 0;
    while t < tables.len() {
        let mut row = 0;
        while row < tables[t].len() {
            let mut at = hash(tables[t][row].0.as_bytes()) % SLOTS;
            while slots[at] != 0 {
                at = (at + 1) % SLOTS;
            }
            slots[at] = 1 + ((t as u32) << 16 | row as u32);
            row += 1;
        }
        t += 1;
    }
    slots
}

/// The text of `key` in `tables`, if any.
pub(super) const fn text(tables: Tables, slots: &[u32; SLOTS], key: &str) -> Option<&'static str> {
    match entry(tables, slots, key) {
        Some((_, text)) => Some(text),
        None => None,
    }
}

/// The `(key, text)` row of `key` in `tables`, if any.
const fn entry(
    tables: Tables,
    slots: &[u32; SLOTS],
    key: &str,
) -> Option<(&'static str, &'static str)> {
    let mut at = hash(key.as_bytes()) % SLOTS;
    while slots[at] != 0 {
        let entry = slots[at] - 1;
        let row = tables[(entry >> 16) as usize][(entry & 0xffff) as usize];
        if same(row.0.as_bytes(), key.as_bytes()) {
            return Some(row);
        }
        at = (at + 1) % SLOTS;
    }
    None
}

const fn name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether every placeholder of `text` (`{name}` or `{name:one|other}`) is among `names`.
const fn all_given(text: &str, names: &[&str]) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' {
            let mut end = i + 1;
            while end < b.len() && name_byte(b[end]) {
                end += 1;
            }
            if end > i + 1 && end < b.len() && (b[end] == b'}' || b[end] == b':') {
                let mut known = false;
                let mut n = 0;
                while n < names.len() {
                    known |= same_at(b, i + 1, end, names[n].as_bytes());
                    n += 1;
                }
                if !known {
                    return false;
                }
            }
        }
        i += 1;
    }
    true
}

/// Whether every name given is a placeholder in at least one language (an English
/// `{n:one|other}` form may be the only use of `n`: Chinese has no plural forms).
const fn all_used(zh: &str, en: &str, names: &[&str]) -> bool {
    let mut n = 0;
    while n < names.len() {
        let name = names[n].as_bytes();
        if !has_placeholder(zh.as_bytes(), name) && !has_placeholder(en.as_bytes(), name) {
            return false;
        }
        n += 1;
    }
    true
}

/// Whether `b[from..to]` is `name`.
const fn same_at(b: &[u8], from: usize, to: usize, name: &[u8]) -> bool {
    if to - from != name.len() {
        return false;
    }
    let mut i = 0;
    while i < name.len() {
        if b[from + i] != name[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `b` holds `{name}` or `{name:`.
const fn has_placeholder(b: &[u8], name: &[u8]) -> bool {
    let mut i = 0;
    while i + name.len() + 1 < b.len() {
        if b[i] == b'{'
            && same_at(b, i + 1, i + 1 + name.len(), name)
            && (b[i + 1 + name.len()] == b'}' || b[i + 1 + name.len()] == b':')
        {
            return true;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compile_time_lookup_finds_every_key_and_only_those() {
        for (key, zh) in super::super::all(super::super::Lang::ZhCn) {
            assert_eq!(text(ZH, &ZH_SLOTS, key), Some(zh), "{key}");
            assert!(text(EN, &EN_SLOTS, key).is_some(), "{key}");
        }
        assert_eq!(text(EN, &EN_SLOTS, "udp.bind.titel"), None);
        assert_eq!(text(EN, &EN_SLOTS, "udp.bind.title."), None);
        assert_eq!(text(EN, &EN_SLOTS, ""), None);
    }

    #[test]
    fn placeholders_must_match() {
        let ok = |zh: &str, en: &str, names: &[&str]| {
            all_given(zh, names) && all_given(en, names) && all_used(zh, en, names)
        };
        assert!(ok(
            "{n} 台，在 {addr}",
            "{n} {n:host|hosts} on {addr}",
            &["n", "addr"]
        ));
        assert!(ok("没有", "none", &[]));
        // Chinese needs no count where English only uses it for the plural form.
        assert!(ok(
            "{hosts} 收下",
            "{hosts} {n:keeps|keep}",
            &["hosts", "n"]
        ));
        assert!(!ok("{n} 台", "{n} hosts", &[]));
        assert!(!ok("{n} 台", "{n} hosts", &["n", "m"]));
        assert!(!ok("{n} 台", "{n} hosts", &["m"]));
        assert!(!ok("{nn} 台", "{nn} hosts", &["n"]));
        assert!(!ok("{n} 台", "hosts", &["m"]));
        // JSON-like braces are no placeholders.
        assert!(ok(
            r#"{"type":"hello"} 给 {peer}"#,
            r#"{"type":"hello"} to {peer}"#,
            &["peer"]
        ));
    }

    #[test]
    fn keys_looked_up_at_run_time_are_found_or_none() {
        assert_eq!(Key::lookup("chal.solved"), Some(key!("chal.solved")));
        assert_eq!(Key::lookup("chal.solvd"), None);
        // Only the challenges' texts are named by data.
        assert_eq!(Key::lookup("udp.bind.title"), None);
        assert_eq!(Key::built("udp.bind.title"), key!("udp.bind.title"));
        assert_eq!(
            super::super::tr(protocol::Lang::En, Key::built("no.such.key")),
            "⟦missing text⟧"
        );
    }
}
