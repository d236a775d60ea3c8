//! Every text in both languages uses only characters the learner's fonts draw: the control
//! pictures (␍␊, U+2400-243F) and the media symbols (⏸ ⏹ ⏺, U+23E9-23FA) are empty boxes in
//! many fonts, Chinese Windows' among them. The walk test checks what a step shows at once;
//! this checks the texts shown only after a click (a "Pause" button while playing) too.

use protocol::Lang;

/// The first character of `text` that many fonts lack, if any.
pub fn lacking(text: &str) -> Option<char> {
    text.chars()
        .find(|c| matches!(u32::from(*c), 0x2400..=0x243F | 0x23E9..=0x23FA))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_uses_a_character_many_fonts_lack() {
        let bad: Vec<String> = [Lang::ZhCn, Lang::En]
            .into_iter()
            .flat_map(super::super::all)
            .filter_map(|(key, text)| {
                lacking(text).map(|c| format!("{key}: U+{:04X}", u32::from(c)))
            })
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn the_check_catches_control_pictures_and_media_symbols() {
        assert_eq!(lacking("⏸ Pause"), Some('⏸'));
        assert_eq!(lacking("GET / HTTP/1.1␍␊"), Some('␍'));
        assert_eq!(lacking("▶ Play \\r\\n 暂停"), None);
    }
}
