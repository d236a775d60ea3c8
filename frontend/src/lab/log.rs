//! A lab's log: a bounded list of lines (a peer that floods must not grow the page without
//! bound) and the one component that draws any lab's log. Each kind of line draws itself
//! ([`LogLine`]), in the current language and encoding at display time, so switching either
//! redraws the whole log.

use std::ops::Deref;

use yew::prelude::*;

use crate::i18n::{LangCtx, thousands, use_lang};
use crate::text::codec::Encoding;

/// At most `MAX` lines; pushing one more drops the oldest. Also counts what arrived (the
/// [`Tally`]), including what was never a line, so the totals stay exact when lines do not.
#[derive(Clone, Debug, PartialEq)]
pub struct BoundedLog<T, const MAX: usize> {
    /// The newest `MAX` are the log; up to `MAX` older ones wait to be dropped all at once, so
    /// a push costs the same however full the log is.
    lines: Vec<T>,
    /// Lines ever pushed (since the last clear): the key of a line is its number.
    pushed: u64,
    tally: Tally,
}

impl<T, const MAX: usize> Default for BoundedLog<T, MAX> {
    fn default() -> Self {
        BoundedLog {
            lines: Vec::new(),
            pushed: 0,
            tally: Tally::default(),
        }
    }
}

impl<T, const MAX: usize> BoundedLog<T, MAX> {
    pub fn push(&mut self, line: T) {
        self.lines.push(line);
        self.pushed += 1;
        if self.lines.len() >= 2 * MAX.max(1) {
            let extra = self.lines.len() - MAX;
            self.lines.drain(..extra);
        }
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// `n` datagrams (or recvs) of `bytes` arrived at `at` (ms); each may also be a line.
    pub fn count(&mut self, at: u64, n: u64, bytes: u64) {
        self.tally.add(at, n, bytes);
    }

    /// `n` datagrams of `bytes` arrived that the relay only counted: never lines.
    pub fn count_unshown(&mut self, at: u64, n: u64, bytes: u64) {
        self.tally.add(at, n, bytes);
        self.tally.unshown += n;
    }

    /// The totals line for this log, counting in `unit` (a text key taking `{count}`, `{bytes}`,
    /// `{rate}`, `{shown}` and `{skipped}`); None while nothing has arrived.
    pub fn totals(&self, unit: crate::i18n::Key) -> Option<Totals> {
        (self.tally.count > 0).then(|| Totals {
            unit,
            tally: self.tally,
            shown: self.len() as u64,
            skipped: self.pushed - self.len() as u64 + self.tally.unshown,
            first: self.pushed - self.len() as u64,
        })
    }

    /// The number (key) of the oldest line shown.
    pub fn first(&self) -> u64 {
        self.pushed - self.len() as u64
    }
}

impl<T, const MAX: usize> Deref for BoundedLog<T, MAX> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.lines[self.lines.len().saturating_sub(MAX)..]
    }
}

/// What arrived, counted exactly, and how fast over the last whole second.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tally {
    pub count: u64,
    pub bytes: u64,
    /// Of `count`, those the relay only counted (no line was ever made for them).
    pub unshown: u64,
    /// Per second, over the last whole second that had arrivals.
    pub per_second: u64,
    second_start: u64,
    in_second: u64,
}

impl Tally {
    /// The rate to show at `now` (ms, the clock lines are stamped with): the last whole second
    /// that had arrivals while it is the latest one, and 0 once a whole second went by with
    /// nothing, so "3,000/s" does not stay up after a flood has stopped.
    pub fn rate_at(&self, now: u64) -> u64 {
        if now < self.second_start + 1000 {
            // The second under way (or a clock that went back, e.g. at midnight).
            self.per_second
        } else if now < self.second_start + 2000 {
            self.in_second
        } else {
            0
        }
    }

    fn add(&mut self, at: u64, n: u64, bytes: u64) {
        if at >= self.second_start + 1000 || at < self.second_start {
            self.per_second = if at < self.second_start + 2000 && at >= self.second_start {
                self.in_second
            } else {
                0
            };
            self.second_start = at;
            self.in_second = 0;
        }
        self.in_second += n;
        self.count += n;
        self.bytes += bytes;
    }
}

/// The line above a log that says what it holds: "12,345 datagrams, 1.2 MB, 3,000/s — showing
/// the latest 500 lines, 11,845 not shown".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Totals {
    pub unit: crate::i18n::Key,
    pub tally: Tally,
    pub shown: u64,
    pub skipped: u64,
    /// The number of the first line shown (the key of each line is its number).
    pub first: u64,
}

impl Totals {
    /// The line as it reads at `now` (see [`Tally::rate_at`]).
    pub fn text(&self, lang: &LangCtx, now: u64) -> String {
        let t = &self.tally;
        lang.tf(self.unit.fill(&[
            ("count", &thousands(t.count)),
            ("bytes", &size(t.bytes)),
            ("rate", &thousands(t.rate_at(now))),
            ("shown", &thousands(self.shown)),
            ("skipped", &thousands(self.skipped)),
        ]))
    }
}

/// The browser's local time of day, in milliseconds: what log lines are stamped with.
pub fn clock_ms() -> u64 {
    let d = js_sys::Date::new_0();
    let ms = d.get_time() - d.get_timezone_offset() * 60_000.0;
    ms.max(0.0) as u64 % 86_400_000
}

/// A byte count as people read it: "999 B", "1.2 kB", "12.3 MB" (powers of 1000).
pub fn size(bytes: u64) -> String {
    match bytes {
        0..1000 => format!("{bytes} B"),
        1000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", bytes as f64 / 1e6),
        _ => format!("{:.1} GB", bytes as f64 / 1e9),
    }
}

/// One line of some lab's log.
pub trait LogLine: Clone + PartialEq + 'static {
    /// The text key shown while the log is empty.
    const EMPTY: crate::i18n::Key;
    /// The class of the list (its look).
    const CLASS: &'static str;
    /// The line as one `<li>`; received bytes are shown as text in `decode_as`.
    fn view(&self, decode_as: Encoding, lang: &LangCtx) -> Html;
}

#[derive(Properties, PartialEq)]
pub struct LogViewProps<L: LogLine> {
    pub lines: Vec<L>,
    pub decode_as: Encoding,
    #[prop_or_default]
    pub testid: AttrValue,
    /// The totals line, and the number of the first line (each line's key), from
    /// [`BoundedLog::totals`].
    #[prop_or_default]
    pub totals: Option<Totals>,
}

/// Any lab's log, newest last: at most the log's bounded window of lines, each keyed by its
/// number (so a new line is one insertion, not a redraw of every line), under the totals.
#[function_component]
pub fn LogView<L: LogLine>(props: &LogViewProps<L>) -> Html {
    let lang = use_lang();
    // While a rate shows, the line is redrawn every half second, so that it falls to 0/s once
    // nothing arrives (otherwise it is drawn only when something arrives).
    let now = clock_ms();
    let ticking = props.totals.is_some_and(|t| t.tally.rate_at(now) > 0);
    let redraw = use_force_update();
    use_effect_with(ticking, move |ticking| {
        let tick = ticking
            .then(|| gloo_timers::callback::Interval::new(500, move || redraw.force_update()));
        move || drop(tick)
    });
    let totals = props.totals.map(|t| {
        let id = format!("{}-totals", props.testid);
        html! {
            <p class="log-totals" data-testid={id} data-count={t.tally.count.to_string()}
                data-bytes={t.tally.bytes.to_string()} data-rate={t.tally.rate_at(now).to_string()}>{ t.text(&lang, now) }</p>
        }
    });
    if props.lines.is_empty() {
        return html! {
            <>
                { totals }
                <p class="log-empty" data-testid={props.testid.clone()}>{ lang.t(L::EMPTY) }</p>
            </>
        };
    }
    let first = props.totals.map(|t| t.first).unwrap_or(0);
    let items = props
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let key = (first + i as u64).to_string();
            html! { <LogItem<L> {key} line={line.clone()} decode_as={props.decode_as} /> }
        })
        .collect::<Html>();
    html! {
        <>
            { totals }
            <ol class={classes!(L::CLASS, "log-window")} data-testid={props.testid.clone()} aria-live="polite">{ items }</ol>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct LogItemProps<L: LogLine> {
    line: L,
    decode_as: Encoding,
}

/// One line, drawn again only when it (or the encoding, or the language) changes: a new line
/// under a flood costs one line's drawing, not the whole log's.
#[function_component]
fn LogItem<L: LogLine>(props: &LogItemProps<L>) -> Html {
    let lang = use_lang();
    props.line.view(props.decode_as, &lang)
}

/// A call and what came of it: the Python line a learner would write, then the outcome.
pub fn call_line(python: &str, tone: &'static str, outcome: Html) -> Html {
    html! {
        <li class={classes!("call", tone)}>
            <code class="py">{ python.to_owned() }</code>
            <div class="outcome">{ outcome }</div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_lines_go_first() {
        let mut log = BoundedLog::<u32, 3>::default();
        for n in 1..=5 {
            log.push(n);
        }
        assert_eq!(&*log, &[3, 4, 5]);
        for n in 6..=100 {
            log.push(n);
        }
        assert_eq!(&*log, &[98, 99, 100]);
        assert_eq!(log.first(), 97);
        log.clear();
        assert!(log.is_empty());
    }

    #[test]
    fn totals_count_what_never_became_a_line() {
        let mut log = BoundedLog::<u32, 3>::default();
        assert_eq!(log.totals(key!("log.totals.datagrams")), None);
        for n in 0..5 {
            log.push(n);
            log.count(1000 + n as u64, 1, 100);
        }
        log.count_unshown(1500, 995, 99_500);
        log.count(2100, 1, 7);
        let t = log.totals(key!("log.totals.datagrams")).unwrap();
        assert_eq!((t.tally.count, t.tally.bytes), (1001, 100_007));
        assert_eq!((t.shown, t.skipped, t.first), (3, 2 + 995, 2));
        assert_eq!(t.tally.per_second, 1000, "the second from 1000 ms had 1000");
        log.count(5000, 1, 1);
        assert_eq!(
            log.totals(key!("log.totals.datagrams"))
                .unwrap()
                .tally
                .per_second,
            0,
            "a quiet second"
        );
    }

    /// After a flood the rate falls to 0 once a whole second had nothing, while the counts
    /// stay; during one, the last whole second is shown.
    #[test]
    fn the_rate_falls_to_zero_when_nothing_arrives() {
        let mut log = BoundedLog::<u32, 3>::default();
        for ms in (10_000..11_000).step_by(2) {
            log.count(ms, 1, 100);
        }
        let t = log.totals(key!("log.totals.datagrams")).unwrap().tally;
        assert_eq!(t.rate_at(10_998), 0, "no whole second yet");
        assert_eq!(t.rate_at(11_000), 500, "the second from 10,000 ms had 500");
        assert_eq!(t.rate_at(11_999), 500);
        assert_eq!(t.rate_at(12_000), 0, "a whole second with nothing");
        assert_eq!(t.rate_at(20_000), 0);
        assert_eq!(t.count, 500);
        log.count(11_500, 1, 100);
        let t = log.totals(key!("log.totals.datagrams")).unwrap().tally;
        assert_eq!(
            t.rate_at(11_600),
            500,
            "during the next second, the last whole one"
        );
        assert_eq!(t.rate_at(12_600), 1);
    }

    #[test]
    fn numbers_read_like_people_write_them() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(12_345), "12,345");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(size(999), "999 B");
        assert_eq!(size(1_234), "1.2 kB");
        assert_eq!(size(1_234_567), "1.2 MB");
    }
}
