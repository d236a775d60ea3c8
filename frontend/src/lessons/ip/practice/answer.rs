//! Practice answers as typed: field names for URLs and test ids, reading a learner's text into
//! a netmath `Answer` (a typo is "cannot read", not "wrong"), the score kept in localStorage.

use netmath::practice::{Answer, Field, Level};
use netmath::{Class, Delivery, ParseError, Special, parse_addr, parse_cidr, parse_prefix_or_mask};
use serde::{Deserialize, Serialize};

/// A short stable name for a field: `network`, `vlsm_2` (groups count from 1).
pub fn field_key(f: Field) -> String {
    match f {
        Field::Class => "class".into(),
        Field::Specials => "specials".into(),
        Field::Mask => "mask".into(),
        Field::NetworkAddress => "network".into(),
        Field::Broadcast => "broadcast".into(),
        Field::FirstHost => "first".into(),
        Field::LastHost => "last".into(),
        Field::UsableHosts => "usable".into(),
        Field::NetworkOfA => "net_a".into(),
        Field::NetworkOfBUnderMaskOfA => "net_b".into(),
        Field::Delivery => "delivery".into(),
        Field::VlsmBlock(i) => format!("vlsm_{}", i + 1),
    }
}

pub fn level_number(l: Level) -> u8 {
    match l {
        Level::One => 1,
        Level::Two => 2,
        Level::Three => 3,
    }
}

pub fn level_from(text: &str) -> Option<Level> {
    match text {
        "1" => Some(Level::One),
        "2" => Some(Level::Two),
        "3" => Some(Level::Three),
        _ => None,
    }
}

/// Why a typed answer could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Nothing chosen or typed.
    Blank,
    /// Not a whole number.
    NotANumber,
    Parse(ParseError),
}

/// Reads a text field's answer. Classes and deliveries come from `<select>` values
/// (`A`..`E`, `direct`/`gateway`).
pub fn read(field: Field, text: &str) -> Result<Answer, Unreadable> {
    if text.is_empty() {
        return Err(Unreadable::Blank);
    }
    match field {
        Field::Class => match text {
            "A" => Ok(Answer::Class(Class::A)),
            "B" => Ok(Answer::Class(Class::B)),
            "C" => Ok(Answer::Class(Class::C)),
            "D" => Ok(Answer::Class(Class::D)),
            "E" => Ok(Answer::Class(Class::E)),
            _ => Err(Unreadable::Blank),
        },
        Field::Delivery => match text {
            "direct" => Ok(Answer::Delivery(Delivery::Direct)),
            "gateway" => Ok(Answer::Delivery(Delivery::ViaGateway)),
            _ => Err(Unreadable::Blank),
        },
        Field::Mask => parse_prefix_or_mask(text)
            .map(Answer::Prefix)
            .map_err(Unreadable::Parse),
        Field::UsableHosts => {
            let digits: String = text
                .chars()
                .filter(|c| !matches!(c, ',' | '_' | '，'))
                .collect();
            digits
                .parse::<u64>()
                .map(Answer::Count)
                .map_err(|_| Unreadable::NotANumber)
        }
        Field::VlsmBlock(_) => parse_cidr(text)
            .map(Answer::Block)
            .map_err(Unreadable::Parse),
        Field::Specials => Err(Unreadable::Blank),
        Field::NetworkAddress
        | Field::Broadcast
        | Field::FirstHost
        | Field::LastHost
        | Field::NetworkOfA
        | Field::NetworkOfBUnderMaskOfA => parse_addr(text)
            .map(Answer::Addr)
            .map_err(Unreadable::Parse),
    }
}

/// The specials answer from the ticked boxes (nothing ticked cannot be checked).
pub fn read_specials(ticked: &[Special]) -> Result<Answer, Unreadable> {
    if ticked.is_empty() {
        Err(Unreadable::Blank)
    } else {
        Ok(Answer::Specials(ticked.to_vec()))
    }
}

/// The learner's running score on this browser.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    /// Problems checked at least once.
    pub tried: u32,
    /// Problems with every field right.
    pub solved: u32,
    /// Problems whose first check had every field right: what a learner knew, not what the
    /// marks taught them (a score kept before this existed reads as 0).
    #[serde(default)]
    pub first: u32,
}

impl Score {
    /// Counts one check of a problem: `first` when it is the problem's first check, `solved`
    /// when this check made it all right for the first time.
    pub fn count(&mut self, first: bool, solved: bool) {
        self.tried += u32::from(first);
        self.solved += u32::from(solved);
        self.first += u32::from(first && solved);
    }
}

pub const SCORE_KEY: &str = "netlab.practice.score";

impl Score {
    pub fn parse(json: &str) -> Score {
        serde_json::from_str(json).unwrap_or_default()
    }
    pub fn load() -> Score {
        crate::storage::get(SCORE_KEY)
            .map(|s| Score::parse(&s))
            .unwrap_or_default()
    }
    pub fn save(&self) {
        if let Ok(json) = serde_json::to_string(self) {
            crate::storage::set(SCORE_KEY, &json);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use netmath::practice::Problem;

    use super::*;

    #[test]
    fn typed_answers_are_read_or_refused_precisely() {
        assert_eq!(
            read(Field::NetworkAddress, "192.168.1.64"),
            Ok(Answer::Addr(Ipv4Addr::new(192, 168, 1, 64)))
        );
        assert_eq!(
            read(Field::Mask, "/26"),
            read(Field::Mask, "255.255.255.192")
        );
        assert_eq!(read(Field::UsableHosts, "1,022"), Ok(Answer::Count(1022)));
        assert_eq!(
            read(Field::UsableHosts, "many"),
            Err(Unreadable::NotANumber)
        );
        assert_eq!(read(Field::Broadcast, ""), Err(Unreadable::Blank));
        assert!(matches!(
            read(Field::FirstHost, "256.1.1.1"),
            Err(Unreadable::Parse(ParseError::OctetOutOfRange { .. }))
        ));
        assert_eq!(read(Field::Class, "C"), Ok(Answer::Class(Class::C)));
        assert_eq!(
            read(Field::Delivery, "gateway"),
            Ok(Answer::Delivery(Delivery::ViaGateway))
        );
        assert_eq!(read_specials(&[]), Err(Unreadable::Blank));
    }

    #[test]
    fn the_expected_answers_read_back_as_right() {
        for level in [Level::One, Level::Two, Level::Three] {
            for seed in 0..100 {
                let p = Problem::generate(level, seed);
                for f in p.fields() {
                    let text = match p.answer(f).unwrap() {
                        Answer::Class(c) => crate::lessons::ip::text::class_letter(c).to_owned(),
                        Answer::Prefix(x) => x.mask().to_string(),
                        Answer::Addr(a) => a.to_string(),
                        Answer::Count(n) => crate::i18n::thousands(n),
                        Answer::Delivery(Delivery::Direct) => "direct".into(),
                        Answer::Delivery(Delivery::ViaGateway) => "gateway".into(),
                        Answer::Block(c) => c.to_string(),
                        Answer::Specials(s) => {
                            assert!(p.check(f, &read_specials(&s).unwrap()));
                            continue;
                        }
                    };
                    assert!(
                        p.check(f, &read(f, &text).unwrap()),
                        "{level:?} {seed} {f:?} {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn keys_levels_and_score() {
        assert_eq!(field_key(Field::VlsmBlock(0)), "vlsm_1");
        assert_eq!(level_from("2").map(level_number), Some(2));
        assert_eq!(level_from("4"), None);
        assert_eq!(Score::parse("{bad"), Score::default());
        let s = Score {
            tried: 3,
            solved: 2,
            first: 1,
        };
        assert_eq!(Score::parse(&serde_json::to_string(&s).unwrap()), s);
        // A score saved before first tries were counted still loads.
        assert_eq!(
            Score::parse(r#"{"tried":4,"solved":3}"#),
            Score {
                tried: 4,
                solved: 3,
                first: 0
            }
        );
    }

    #[test]
    fn only_a_problem_right_at_its_first_check_counts_as_a_first_try() {
        let mut s = Score::default();
        // Problem 1: right at once.
        s.count(true, true);
        // Problem 2: wrong, then right.
        s.count(true, false);
        s.count(false, true);
        // Problem 3: wrong, never solved.
        s.count(true, false);
        assert_eq!(
            s,
            Score {
                tried: 3,
                solved: 2,
                first: 1
            }
        );
    }
}
