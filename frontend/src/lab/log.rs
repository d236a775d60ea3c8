//! A lab's log: a bounded list of lines (a peer that floods must not grow the page without
//! bound) and the one component that draws any lab's log. Each kind of line draws itself
//! ([`LogLine`]), in the current language and encoding at display time, so switching either
//! redraws the whole log.

use std::ops::Deref;

use yew::prelude::*;

use crate::i18n::{LangCtx, use_lang};
use crate::text::codec::Encoding;

/// At most `MAX` lines; pushing one more drops the oldest.
#[derive(Clone, Debug, PartialEq)]
pub struct BoundedLog<T, const MAX: usize> {
    lines: Vec<T>,
}

impl<T, const MAX: usize> Default for BoundedLog<T, MAX> {
    fn default() -> Self {
        BoundedLog { lines: Vec::new() }
    }
}

impl<T, const MAX: usize> BoundedLog<T, MAX> {
    pub fn push(&mut self, line: T) {
        self.lines.push(line);
        if self.lines.len() > MAX {
            let extra = self.lines.len() - MAX;
            self.lines.drain(..extra);
        }
    }

    pub fn clear(&mut self) {
        self.lines.clear();
    }
}

impl<T, const MAX: usize> Deref for BoundedLog<T, MAX> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.lines
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
}

/// Any lab's log, newest last.
#[function_component]
pub fn LogView<L: LogLine>(props: &LogViewProps<L>) -> Html {
    let lang = use_lang();
    if props.lines.is_empty() {
        return html! { <p class="log-empty" data-testid={props.testid.clone()}>{ lang.t(L::EMPTY) }</p> };
    }
    let items = props
        .lines
        .iter()
        .map(|line| line.view(props.decode_as, &lang))
        .collect::<Html>();
    html! { <ol class={L::CLASS} data-testid={props.testid.clone()} aria-live="polite">{ items }</ol> }
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
        log.clear();
        assert!(log.is_empty());
    }
}
