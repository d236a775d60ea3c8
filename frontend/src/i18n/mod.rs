//! Every text the page shows, in zh-CN and English. Lesson text lives in `zh.rs` and `en.rs`
//! as key -> text tables; a test fails when one language lacks a key the other has, or when
//! their `{placeholders}` differ.

use std::collections::HashMap;
use std::sync::OnceLock;

pub use protocol::Lang;
use yew::prelude::*;

mod download_en;
mod download_zh;
mod en;
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

/// Every table of a language. Each area of the tutorial has its own pair of files
/// (`zh.rs`/`en.rs` for the shell and the first lessons, `ip_zh.rs`/`ip_en.rs` for the address
/// lessons, `tcp_*` for ports and TCP, `panel_*` for the peer panel), so they can be written
/// side by side.
fn tables(lang: Lang) -> [&'static [(&'static str, &'static str)]; 7] {
    match lang {
        Lang::ZhCn => [
            zh::TEXTS,
            ip_zh::TEXTS,
            tcp_zh::TEXTS,
            panel_zh::TEXTS,
            links_zh::TEXTS,
            download_zh::TEXTS,
            reliability_zh::TEXTS,
        ],
        Lang::En => [
            en::TEXTS,
            ip_en::TEXTS,
            tcp_en::TEXTS,
            panel_en::TEXTS,
            links_en::TEXTS,
            download_en::TEXTS,
            reliability_en::TEXTS,
        ],
    }
}

/// Every (key, text) of a language, across its tables.
pub fn all(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    tables(lang).into_iter().flat_map(|t| t.iter().copied())
}

fn index(lang: Lang) -> &'static HashMap<&'static str, &'static str> {
    static ZH: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    static EN: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    let cell = match lang {
        Lang::ZhCn => &ZH,
        Lang::En => &EN,
    };
    cell.get_or_init(|| all(lang).collect())
}

/// The text for `key`; the key itself when missing (the completeness test keeps that from
/// ever shipping).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    index(lang).get(key).copied().unwrap_or("⟦missing text⟧")
}

/// The text for `key` with `{name}` placeholders filled in.
pub fn trf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut out = tr(lang, key).to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The language context: the current language and how to change it.
#[derive(Clone, PartialEq)]
pub struct LangCtx {
    pub lang: Lang,
    pub set: Callback<Lang>,
}

impl LangCtx {
    pub fn t(&self, key: &str) -> &'static str {
        tr(self.lang, key)
    }
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        trf(self.lang, key, args)
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
            let en_text = tr(Lang::En, key);
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

    #[test]
    fn lookups_and_formatting() {
        assert_eq!(tr(Lang::En, "no.such.key"), "⟦missing text⟧");
        assert_eq!(thousands(16_777_214), "16,777,214");
        assert_eq!(thousands(254), "254");
        assert_eq!(thousands(1000), "1,000");
    }
}
