//! One check's judgement: pass, fail or information, the likely reason, and the values for
//! the reason's text.

use std::collections::BTreeMap;

use protocol::{CheckOutcome, HintId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub outcome: CheckOutcome,
    pub hint: Option<HintId>,
    pub args: BTreeMap<String, String>,
}

impl Verdict {
    pub fn pass() -> Verdict {
        Verdict {
            outcome: CheckOutcome::Pass,
            hint: None,
            args: BTreeMap::new(),
        }
    }

    pub fn fail(hint: HintId) -> Verdict {
        Verdict {
            outcome: CheckOutcome::Fail,
            hint: Some(hint),
            args: BTreeMap::new(),
        }
    }

    pub fn info(hint: HintId) -> Verdict {
        Verdict {
            outcome: CheckOutcome::Info,
            hint: Some(hint),
            args: BTreeMap::new(),
        }
    }

    /// "No answer within N s": the program did not do its part in time.
    pub fn no_answer(timeout_ms: u64) -> Verdict {
        Verdict::fail(HintId::NoAnswer).arg("seconds", timeout_ms.div_ceil(1000))
    }

    /// Adds one value for the hint's text.
    pub fn arg(mut self, name: &str, value: impl ToString) -> Verdict {
        self.args.insert(name.to_owned(), value.to_string());
        self
    }

    pub fn passed(&self) -> bool {
        self.outcome != CheckOutcome::Fail
    }
}
