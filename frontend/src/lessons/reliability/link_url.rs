//! The lesson's scenario in the page's URL (`?seed=42&loss=10&dup=0&reorder=0&corrupt=0&
//! delay=100&faults=4l.9c&at=17`), so a teacher can put one run on the projector: a reload, or
//! the same link on another machine, shows the same link settings at the same event. Pure
//! string work; `query` does the reading and writing of the address bar.

use super::Scenario;
use super::sim::{Fate, Fault, LinkConfig};
use crate::lessons::ip::query;

/// One letter per fault kind in `faults=` (`4l` = transmission 4 lost).
fn letter(f: Fate) -> char {
    match f {
        Fate::Lost => 'l',
        Fate::Duplicated => 'd',
        Fate::Delayed => 'r',
        Fate::Corrupted => 'c',
        Fate::Delivered => 'o',
    }
}

fn fate(c: char) -> Option<Fate> {
    Fate::FAULTS.into_iter().find(|f| letter(*f) == c)
}

/// The URL parameters for a scenario, in a fixed order.
pub fn params(sc: &Scenario) -> Vec<(&'static str, String)> {
    let faults: Vec<String> = sc
        .faults
        .iter()
        .map(|f| format!("{}{}", f.tx, letter(f.fate)))
        .collect();
    vec![
        ("seed", sc.seed.to_string()),
        ("loss", sc.cfg.loss.to_string()),
        ("dup", sc.cfg.duplicate.to_string()),
        ("reorder", sc.cfg.reorder.to_string()),
        ("corrupt", sc.cfg.corrupt.to_string()),
        ("delay", sc.cfg.delay.to_string()),
        ("faults", faults.join(".")),
    ]
}

/// The scenario a query string describes, or None when it names none. Missing or unreadable
/// values fall back to the defaults, and numbers are held to the controls' limits, so a link
/// typed by hand can never build a link the controls could not.
pub fn from_search(search: &str) -> Option<Scenario> {
    let names = [
        "seed", "loss", "dup", "reorder", "corrupt", "delay", "faults",
    ];
    if !names.iter().any(|n| query::param(search, n).is_some()) {
        return None;
    }
    let d = Scenario::default();
    let num = |name: &str, default: u64, max: u64| {
        query::param(search, name)
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map_or(default, |v| v.min(max))
    };
    let pct = |name: &str, default: u8| num(name, default.into(), 90) as u8;
    let faults = query::param(search, "faults")
        .unwrap_or_default()
        .split('.')
        .filter_map(|f| {
            let kind = fate(f.chars().last()?)?;
            let tx: usize = f[..f.len() - 1].parse().ok()?;
            (tx >= 1).then_some(Fault { tx, fate: kind })
        })
        .collect();
    Some(Scenario {
        seed: num("seed", d.seed, u64::from(u32::MAX)),
        cfg: LinkConfig {
            loss: pct("loss", d.cfg.loss),
            duplicate: pct("dup", d.cfg.duplicate),
            reorder: pct("reorder", d.cfg.reorder),
            corrupt: pct("corrupt", d.cfg.corrupt),
            delay: (num("delay", d.cfg.delay.into(), 1000) as u32).max(10),
        },
        faults,
    })
}

/// The event position `at=` (1-based), if the URL has one.
pub fn position(search: &str) -> Option<usize> {
    query::param(search, "at")?.parse().ok().filter(|k| *k >= 1)
}

/// Writes the scenario into the address bar (no reload, no history entry).
pub fn show(sc: &Scenario) {
    for (name, value) in params(sc) {
        query::replace_param(name, &value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(sc: &Scenario) -> String {
        params(sc)
            .iter()
            .fold(String::new(), |s, (n, v)| query::with_param(&s, n, v))
    }

    #[test]
    fn a_scenario_survives_the_url() {
        let sc = Scenario {
            seed: 7,
            cfg: LinkConfig {
                loss: 10,
                duplicate: 5,
                reorder: 3,
                corrupt: 2,
                delay: 250,
            },
            faults: vec![
                Fault {
                    tx: 4,
                    fate: Fate::Lost,
                },
                Fault {
                    tx: 9,
                    fate: Fate::Corrupted,
                },
            ],
        };
        let s = search(&sc);
        assert_eq!(
            s,
            "?seed=7&loss=10&dup=5&reorder=3&corrupt=2&delay=250&faults=4l.9c"
        );
        assert_eq!(from_search(&s), Some(sc));
    }

    #[test]
    fn no_parameters_no_scenario_and_other_parameters_are_ignored() {
        assert_eq!(from_search(""), None);
        assert_eq!(from_search("?tree=10.0.0.0-8"), None);
        assert_eq!(position("?at=12&loss=1"), Some(12));
        assert_eq!(position("?at=0"), None);
        assert_eq!(position("?at=x"), None);
    }

    #[test]
    fn hand_typed_links_are_held_to_the_controls_limits() {
        let sc = from_search("?loss=100&delay=0&seed=x&faults=0l.3z.5d.l").unwrap();
        assert_eq!(sc.cfg.loss, 90);
        assert_eq!(sc.cfg.delay, 10);
        assert_eq!(sc.seed, Scenario::default().seed);
        assert_eq!(
            sc.faults,
            vec![Fault {
                tx: 5,
                fate: Fate::Duplicated
            }]
        );
    }
}
