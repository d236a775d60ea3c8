//! Every text the page shows, in zh-CN and English. Lesson text lives in `zh.rs` and `en.rs`
//! (and their siblings) as key -> text tables. Code names a text with `key!("udp.bind.title")`
//! and fills one in with `fill!("udp.sent", n = &n)`: both look the key up in both languages
//! while the crate compiles (`check.rs`), so a misspelled key, or placeholders that do not match
//! the text's, fail the build. A test fails when one language lacks a key the other has, or when
//! their `{placeholders}` differ.

pub use protocol::Lang;
use yew::prelude::*;

mod challenges_en;
mod challenges_zh;
#[macro_use]
mod check;
mod download_en;
mod download_zh;
mod en;
mod errors_en;
mod errors_zh;
#[cfg(test)]
pub mod glyphs;
mod ip_en;
mod ip_zh;
mod links_en;
mod links_zh;
mod panel_en;
mod panel_zh;
mod reliability_en;
mod reliability_zh;
mod tcp_en;
mod tcp_zh;
mod zh;

pub use check::{Fill, Key};

/// One language's texts: a list of `(key, text)` tables.
type Tables = [&'static [(&'static str, &'static str)]; 9];

/// Every table of a language. Each area of the tutorial has its own pair of files
/// (`zh.rs`/`en.rs` for the shell and the first lessons, `ip_zh.rs`/`ip_en.rs` for the address
/// lessons, `tcp_*` for ports and TCP, `panel_*` for the peer panel, `errors_*` for what each
/// relay error means), so they can be written side by side. `const`, so that `key!` can look a
/// key up while the crate compiles.
const ZH: Tables = [
    zh::TEXTS,
    ip_zh::TEXTS,
    tcp_zh::TEXTS,
    panel_zh::TEXTS,
    links_zh::TEXTS,
    download_zh::TEXTS,
    reliability_zh::TEXTS,
    errors_zh::TEXTS,
    challenges_zh::TEXTS,
];
const EN: Tables = [
    en::TEXTS,
    ip_en::TEXTS,
    tcp_en::TEXTS,
    panel_en::TEXTS,
    links_en::TEXTS,
    download_en::TEXTS,
    reliability_en::TEXTS,
    errors_en::TEXTS,
    challenges_en::TEXTS,
];

/// The only texts code may name by data ([`Key::lookup`], [`tr_named`]): the challenges'
/// checks, hints and starter comments, named by the relay's check ids.
const NAMED_ZH: &[(&str, &str)] = challenges_zh::TEXTS;
const NAMED_EN: &[(&str, &str)] = challenges_en::TEXTS;

fn tables(lang: Lang) -> Tables {
    match lang {
        Lang::ZhCn => ZH,
        Lang::En => EN,
    }
}

/// Every (key, text) of a language, across its tables.
pub fn all(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    tables(lang).into_iter().flat_map(|t| t.iter().copied())
}

/// What a text no table has shows.
const MISSING: &str = "⟦missing text⟧";

/// The text for `key`. A [`Key`] made by `key!` exists in both languages (the compiler
/// checked) and carries both texts; only a test's `Key::built` can name a missing one, which
/// shows `⟦missing text⟧`.
pub fn tr(lang: Lang, key: Key) -> &'static str {
    key.text(lang)
}

/// The text for `fill`'s key with its `{name}` placeholders filled in (see `fill!`).
///
/// English counts agree with their nouns and verbs through `{name:one|other}`: the `one` form
/// when the argument `name` is exactly "1", else the `other` form, so "{n} {n:host|hosts}" reads
/// "1 host" and "2 hosts". Chinese needs no such forms.
pub fn trf(lang: Lang, fill: Fill<'_>) -> String {
    let mut out = plural_forms(tr(lang, fill.key), fill.args);
    for (name, value) in fill.args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The text named `name` where the name arrives as data (a check id the relay sends) and cannot
/// be a `match` returning `key!`s; `⟦missing text⟧` when no table has it. Only the challenges'
/// texts (`chal.*`) can be named so (see [`Key::lookup`]). Everything the page's
/// own code names goes through `key!`, so grep for `_named` to find what the compiler does not
/// check.
pub fn tr_named(lang: Lang, name: &str) -> &'static str {
    Key::lookup(name).map_or(MISSING, |key| tr(lang, key))
}

/// [`tr_named`] with placeholders filled in, unchecked.
pub fn trf_named(lang: Lang, name: &str, args: &[(&str, &str)]) -> String {
    match Key::lookup(name) {
        Some(key) => trf(lang, key.fill(args)),
        None => MISSING.to_owned(),
    }
}

/// Replaces every `{name:one|other}` in `text` by the form that agrees with `name`'s value.
fn plural_forms(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let choice = after.find('}').and_then(|end| {
            let (name, forms) = after[..end].split_once(':')?;
            let (one, other) = forms.split_once('|')?;
            let value = args.iter().find(|(n, _)| *n == name)?.1;
            Some((if value == "1" { one } else { other }, end))
        });
        match choice {
            Some((form, end)) => {
                out.push_str(form);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A list of names as a sentence says it: "B, C and D" in English, "B、C、D" in Chinese.
pub fn list(lang: Lang, items: &[String]) -> String {
    match (lang, items) {
        (_, []) => String::new(),
        (_, [one]) => one.clone(),
        (Lang::ZhCn, _) => items.join("、"),
        (Lang::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
    }
}

/// The language context: the current language and how to change it.
#[derive(Clone, PartialEq)]
pub struct LangCtx {
    pub lang: Lang,
    pub set: Callback<Lang>,
}

impl LangCtx {
    pub fn t(&self, key: Key) -> &'static str {
        tr(self.lang, key)
    }
    pub fn tf(&self, fill: Fill<'_>) -> String {
        trf(self.lang, fill)
    }
    /// See [`tr_named`].
    pub fn t_named(&self, name: &str) -> &'static str {
        tr_named(self.lang, name)
    }
    /// See [`trf_named`].
    pub fn tf_named(&self, name: &str, args: &[(&str, &str)]) -> String {
        trf_named(self.lang, name, args)
    }
    pub fn list(&self, items: &[String]) -> String {
        list(self.lang, items)
    }
}

#[hook]
pub fn use_lang() -> LangCtx {
    use_context::<LangCtx>().expect("LangCtx is provided by App")
}

/// A number with thousands separators: 16777214 -> "16,777,214".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn placeholders(text: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            match after.find('}') {
                Some(end)
                    if after[..end]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
                {
                    out.insert(after[..end].to_owned());
                    rest = &after[end + 1..];
                }
                _ => rest = after,
            }
        }
        out
    }

    #[test]
    fn both_languages_have_the_same_keys_and_no_duplicates() {
        let zh: Vec<&str> = all(Lang::ZhCn).map(|(k, _)| k).collect();
        let en: Vec<&str> = all(Lang::En).map(|(k, _)| k).collect();
        let zh_set: BTreeSet<_> = zh.iter().copied().collect();
        let en_set: BTreeSet<_> = en.iter().copied().collect();
        assert_eq!(zh.len(), zh_set.len(), "duplicate key in zh.rs");
        assert_eq!(en.len(), en_set.len(), "duplicate key in en.rs");
        let only_zh: Vec<_> = zh_set.difference(&en_set).collect();
        let only_en: Vec<_> = en_set.difference(&zh_set).collect();
        assert!(only_zh.is_empty(), "keys missing in English: {only_zh:?}");
        assert!(only_en.is_empty(), "keys missing in Chinese: {only_en:?}");
    }

    #[test]
    fn texts_are_non_empty_translated_and_share_placeholders() {
        for (key, zh_text) in all(Lang::ZhCn) {
            let en_text = tr(Lang::En, Key::built(key));
            assert!(!zh_text.trim().is_empty(), "{key}: empty zh text");
            assert!(!en_text.trim().is_empty(), "{key}: empty en text");
            assert_eq!(
                placeholders(zh_text),
                placeholders(en_text),
                "{key}: placeholders differ"
            );
            assert_ne!(en_text, "⟦missing text⟧", "{key}: missing in English");
            let has_han = zh_text
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            let code_only = !zh_text.chars().any(|c| c.is_alphabetic()) || key.ends_with(".code");
            assert!(
                has_han || code_only || zh_text == en_text,
                "{key}: zh text has no Chinese"
            );
        }
    }

    /// Half-width punctuation in Chinese prose, as (mark, the text around it). Code spans
    /// and `{placeholders}` are left alone; a mark counts when a Chinese character (or
    /// Chinese punctuation) stands next to it, looking past spaces and `**`.
    fn halfwidth_in_chinese(text: &str) -> Vec<(char, String)> {
        fn chinese(c: char) -> bool {
            ('\u{4e00}'..='\u{9fff}').contains(&c) || "，。：；！？（）“”、《》…—".contains(c)
        }
        // Code spans and placeholders become a neutral letter, so their own punctuation
        // (`recv(1024)`, `127.0.0.1:{port}`) is not judged as prose.
        let mut prose = String::new();
        let mut in_code = false;
        let mut in_placeholder = false;
        for c in text.chars() {
            match c {
                '`' => {
                    in_code = !in_code;
                    prose.push('X');
                }
                '{' if !in_code => in_placeholder = true,
                '}' if in_placeholder => {
                    in_placeholder = false;
                    prose.push('X');
                }
                _ if in_code || in_placeholder => {}
                _ => prose.push(c),
            }
        }
        let chars: Vec<char> = prose.chars().collect();
        let skip = |c: char| c == ' ' || c == '*';
        let mut found = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            let before = chars[..i].iter().rev().copied().find(|&c| !skip(c));
            let after = chars[i + 1..].iter().copied().find(|&c| !skip(c));
            let near = |x: Option<char>| x.is_some_and(chinese);
            let bad = match c {
                ',' | ':' | ';' => near(before) || near(after),
                '(' => near(i.checked_sub(1).map(|j| chars[j])),
                ')' => near(chars.get(i + 1).copied()),
                '!' | '?' => !chars
                    .get(i + 1)
                    .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '='),
                _ => false,
            };
            if bad {
                let from = i.saturating_sub(8);
                let to = (i + 8).min(chars.len());
                found.push((c, chars[from..to].iter().collect()));
            }
        }
        found
    }

    #[test]
    fn chinese_prose_uses_full_width_punctuation() {
        let mut bad = Vec::new();
        for (key, text) in all(Lang::ZhCn) {
            if !text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                continue; // code or numbers only
            }
            for (mark, around) in halfwidth_in_chinese(text) {
                bad.push(format!("{key}: '{mark}' in …{around}…"));
            }
        }
        assert!(
            bad.is_empty(),
            "half-width punctuation in Chinese prose:\n{}",
            bad.join("\n")
        );
    }

    #[test]
    fn the_punctuation_check_catches_half_width_marks() {
        let marks = |t: &str| {
            halfwidth_in_chinese(t)
                .into_iter()
                .map(|(m, _)| m)
                .collect::<String>()
        };
        assert_eq!(marks("中继,它收到什么就发回什么:原样。"), ",:");
        assert_eq!(marks("端口(80)后"), "()");
        assert_eq!(marks("真的吗?"), "?");
        assert_eq!(marks("**回显**,然后"), ",");
        // Code, placeholders, numbers, addresses and URLs are not prose.
        assert_eq!(marks("调用 `recv(1024)`,然后"), ",");
        assert_eq!(marks("连接 127.0.0.1:{port}（回显）。"), "");
        assert_eq!(
            marks("共 16,777,214 台，比如 60, 30 或 http://a/?x=1。"),
            ""
        );
        assert_eq!(marks("中继，它收到什么就发回什么：原样。"), "");
    }

    #[test]
    fn english_counts_agree_with_their_nouns() {
        let say = |t: &str, n: &str| plural_forms(t, &[("n", n)]);
        assert_eq!(say("{n} {n:host|hosts}", "1"), "{n} host");
        assert_eq!(say("{n} {n:host|hosts}", "2"), "{n} hosts");
        assert_eq!(say("{n} {n:host|hosts}", "0"), "{n} hosts");
        assert_eq!(say("{n} {n:host|hosts}", "11"), "{n} hosts");
        // Unknown names and plain braces stay as they are.
        assert_eq!(say("{m:a|b} {x}", "1"), "{m:a|b} {x}");
        assert_eq!(
            list(Lang::En, &["B".into(), "C".into(), "D".into()]),
            "B, C and D"
        );
        assert_eq!(list(Lang::En, &["C".into(), "D".into()]), "C and D");
        assert_eq!(list(Lang::ZhCn, &["C".into(), "D".into()]), "C、D");
        assert_eq!(list(Lang::En, &["A".into()]), "A");
    }

    /// No English text says "1 hosts": every count placeholder directly followed by a plural
    /// noun uses a `{n:one|other}` form.
    #[test]
    fn english_counts_use_plural_forms() {
        let mut bad = Vec::new();
        for (key, text) in all(Lang::En) {
            for (i, _) in text.match_indices("} ") {
                let Some(open) = text[..i].rfind('{') else {
                    continue;
                };
                let name = &text[open + 1..i];
                if ["id", "who", "host", "peer"].contains(&name)
                    || name.contains(':')
                    || name.contains('|')
                {
                    continue;
                }
                let word: String = text[i + 2..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .collect();
                if COUNTED_NOUNS.contains(&word.as_str()) {
                    bad.push(format!("{key}: {{{name}}} {word}"));
                }
            }
        }
        assert!(
            bad.is_empty(),
            "counts without plural forms:\n{}",
            bad.join("\n")
        );
    }

    /// Plural nouns that follow a count somewhere in the texts.
    const COUNTED_NOUNS: &[&str] = &[
        "bytes",
        "hosts",
        "subnets",
        "zeros",
        "ones",
        "addresses",
        "networks",
        "characters",
        "calls",
        "segments",
        "datagrams",
        "steps",
        "bits",
        "entries",
        "clients",
        "seconds",
        "lines",
        "times",
        "ports",
        "recvs",
        "sends",
        "retransmissions",
    ];

    /// Claims a walk through every step found wrong, and words that mixed two ideas up. Each
    /// once stood in a text; none may come back.
    #[test]
    fn wrong_facts_and_confusing_words_stay_out() {
        let wrong: &[(Lang, &str, &str)] = &[
            (
                Lang::En,
                "they have since been released",
                "192.0.0.0/24 is still reserved (RFC 6890)",
            ),
            (
                Lang::ZhCn,
                "早年被保留过，后来已经放开",
                "192.0.0.0/24 is still reserved (RFC 6890)",
            ),
            (
                Lang::En,
                "Windows and macOS have dropped",
                "Windows never had the low-port rule",
            ),
            (
                Lang::ZhCn,
                "Windows 和 macOS 已经取消",
                "Windows never had the low-port rule",
            ),
            (
                Lang::En,
                "3457",
                "the course's 3457 is not in any OS's ephemeral range",
            ),
            (
                Lang::ZhCn,
                "3457",
                "the course's 3457 is not in any OS's ephemeral range",
            ),
            (
                Lang::En,
                "sliver",
                "65,534 hosts fill a class B; it is no sliver",
            ),
            (Lang::En, "port(s)", "plural forms say port or ports"),
            (Lang::ZhCn, "回声", "echo is 回显 everywhere"),
            (
                Lang::ZhCn,
                "中继器",
                "中继 is the relay program; the hub is no 中继器",
            ),
            (Lang::ZhCn, "上面的条形图", "the bar is below the text"),
        ];
        let mut found = Vec::new();
        for &(lang, text, why) in wrong {
            for (key, t) in all(lang) {
                if t.contains(text) {
                    found.push(format!("{key}: \"{text}\" ({why})"));
                }
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
        // One table shows both columns: they may not share a header.
        for lang in [Lang::En, Lang::ZhCn] {
            assert_ne!(
                tr(lang, key!("ipw.split.hosts_range")),
                tr(lang, key!("ipw.calc.usable"))
            );
        }
        // A widget's button beside the page's own "Next" says what it does.
        for lang in [Lang::En, Lang::ZhCn] {
            assert_ne!(
                tr(lang, key!("ipw.reach.next")),
                tr(lang, key!("lesson.next"))
            );
        }
    }

    #[test]
    fn texts_named_by_data_are_found_or_show_missing() {
        assert_eq!(
            tr_named(Lang::En, "chal.solved"),
            tr(Lang::En, key!("chal.solved"))
        );
        assert_eq!(tr_named(Lang::En, "chal.solvd"), "⟦missing text⟧");
        assert_eq!(
            trf_named(Lang::En, "chal.attempts", &[("n", "3")]),
            trf(Lang::En, fill!("chal.attempts", n = "3"))
        );
        assert_eq!(trf_named(Lang::En, "no.such", &[]), "⟦missing text⟧");
    }

    #[test]
    fn lookups_and_formatting() {
        assert_eq!(tr(Lang::En, Key::built("no.such.key")), "⟦missing text⟧");
        assert_eq!(thousands(16_777_214), "16,777,214");
        assert_eq!(thousands(254), "254");
        assert_eq!(thousands(1000), "1,000");
    }
}
