//! The challenges (issue 15): the learner writes the course's programs, and the relay's
//! checker plays the other side, check by check, live on the learner's own machine. This
//! module is the page's side: the list (`list.rs`), one challenge with its starter file and
//! its streamed checks (`page.rs`, `run.rs`, `state.rs`), challenge 7's questions about the
//! learner's own network (`network.rs`), and the printable "what I did" page (`report.rs`).
//! Progress is kept in `storage::Challenges`.

mod list;
mod network;
mod page;
mod programs;
mod quiz;
mod report;
mod run;
mod starter;
mod state;
mod wire;

pub use list::{ChallengesHome, ChallengesPage, TryLink};
pub use network::MyAddressButton;
pub use page::ChallengePage;
pub use report::ReportPage;

/// What kind of screen a challenge has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The learner runs a program; the relay's checker plays the other side.
    Program,
    /// Questions about the learner's own network, answered in the page (challenge 7).
    Network,
}

/// One challenge of the catalogue.
#[derive(Debug, PartialEq, Eq)]
pub struct Challenge {
    /// The course's number (1..=7).
    pub number: u8,
    /// In URLs, text keys (`chal.<slug>.title`) and the progress record.
    pub slug: &'static str,
    /// The lesson it practises (its last step links here).
    pub lesson: &'static str,
    pub kind: Kind,
    pub title: crate::i18n::Key,
    pub goal: crate::i18n::Key,
    /// How to run the program against the checker (challenge 7 has no program).
    pub how: Option<crate::i18n::Key>,
}

/// Every challenge, in the course's order.
pub static CHALLENGES: &[Challenge] = &[
    Challenge {
        number: 1,
        slug: "udp-sender",
        lesson: "udp",
        kind: Kind::Program,
        title: key!("chal.udp-sender.title"),
        goal: key!("chal.udp-sender.goal"),
        how: Some(key!("chal.udp-sender.how")),
    },
    Challenge {
        number: 2,
        slug: "udp-receiver",
        lesson: "udp",
        kind: Kind::Program,
        title: key!("chal.udp-receiver.title"),
        goal: key!("chal.udp-receiver.goal"),
        how: Some(key!("chal.udp-receiver.how")),
    },
    Challenge {
        number: 3,
        slug: "tcp-client",
        lesson: "tcp",
        kind: Kind::Program,
        title: key!("chal.tcp-client.title"),
        goal: key!("chal.tcp-client.goal"),
        how: Some(key!("chal.tcp-client.how")),
    },
    Challenge {
        number: 4,
        slug: "tcp-echo",
        lesson: "tcp",
        kind: Kind::Program,
        title: key!("chal.tcp-echo.title"),
        goal: key!("chal.tcp-echo.goal"),
        how: Some(key!("chal.tcp-echo.how")),
    },
    Challenge {
        number: 5,
        slug: "file-client",
        lesson: "download",
        kind: Kind::Program,
        title: key!("chal.file-client.title"),
        goal: key!("chal.file-client.goal"),
        how: Some(key!("chal.file-client.how")),
    },
    Challenge {
        number: 6,
        slug: "file-server",
        lesson: "download",
        kind: Kind::Program,
        title: key!("chal.file-server.title"),
        goal: key!("chal.file-server.goal"),
        how: Some(key!("chal.file-server.how")),
    },
    Challenge {
        number: 7,
        slug: "my-network",
        lesson: "subnets",
        kind: Kind::Network,
        title: key!("chal.my-network.title"),
        goal: key!("chal.my-network.goal"),
        how: None,
    },
];

pub fn find(slug: &str) -> Option<&'static Challenge> {
    CHALLENGES.iter().find(|c| c.slug == slug)
}

/// Failed attempts after which "show solution" appears (as in Learn Git Branching).
pub const SOLUTION_AFTER: u32 = 3;

/// Now, in milliseconds since 1970, by the browser's clock (for the report's dates).
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A date as the learner's language writes it: "2026-11-30 23:05".
pub fn date_text(ms: u64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

#[cfg(test)]
mod tests {
    use protocol::Lang;

    use super::*;

    #[test]
    fn every_challenge_has_its_texts_and_a_real_lesson() {
        for (i, c) in CHALLENGES.iter().enumerate() {
            assert_eq!(usize::from(c.number), i + 1);
            assert!(crate::lessons::listed(c.lesson).is_some(), "{}", c.slug);
            for lang in Lang::ALL {
                for key in [
                    format!("chal.{}.title", c.slug),
                    format!("chal.{}.goal", c.slug),
                ] {
                    assert_ne!(
                        crate::i18n::tr_named(lang, &key),
                        "⟦missing text⟧",
                        "{lang:?} lacks {key}"
                    );
                }
            }
        }
        assert_eq!(find("tcp-echo").map(|c| c.number), Some(4));
        assert!(find("report").is_none());
    }
}
