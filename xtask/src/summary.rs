//! Counting `cargo test` results: every `test result: ok. 12 passed; 0 failed; ...` line, summed
//! over every run, becomes the summary line CI reads (`N passed, N failed`).

/// Passed and failed tests, summed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
}

impl Tally {
    /// Adds every `test result:` line of one `cargo test` output.
    pub fn add_output(&mut self, output: &str) {
        for line in output.lines() {
            let Some(rest) = line.trim_start().strip_prefix("test result:") else {
                continue;
            };
            // "ok. 12 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s"
            let words: Vec<&str> = rest.split_whitespace().collect();
            for pair in words.windows(2) {
                let Ok(n) = pair[0].parse::<u64>() else {
                    continue;
                };
                if pair[1].starts_with("passed") {
                    self.passed += n;
                } else if pair[1].starts_with("failed") {
                    self.failed += n;
                }
            }
        }
    }

    /// Adds one `cargo test` run: its output, and whether cargo said it succeeded. A run that
    /// failed without a failed test (a test binary that did not build, or crashed before
    /// reporting) counts as one failure, so the summary can never read "0 failed" then.
    pub fn add_run(&mut self, output: &str, success: bool) {
        let before = self.failed;
        self.add_output(output);
        if !success && self.failed == before {
            self.failed += 1;
        }
    }

    /// The last line of `cargo xtask test`.
    pub fn line(&self) -> String {
        format!("{} passed, {} failed", self.passed, self.failed)
    }
}

#[cfg(test)]
mod tests {
    use super::Tally;

    const RUN: &str = "\
running 3 tests
test a ... ok
test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s

running 2 tests
test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.20s
   Doc-tests relay
test result: ok. 0 passed; 0 failed; 4 ignored; 0 measured; 0 filtered out; finished in 0.00s
";

    #[test]
    fn sums_every_result_line() {
        let mut tally = Tally::default();
        tally.add_output(RUN);
        assert_eq!((tally.passed, tally.failed), (4, 1));
        assert_eq!(tally.line(), "4 passed, 1 failed");
    }

    #[test]
    fn sums_over_several_runs() {
        let mut tally = Tally::default();
        tally.add_run(RUN, false);
        tally.add_run("test result: ok. 10 passed; 0 failed; 0 ignored", true);
        assert_eq!(tally.line(), "14 passed, 1 failed");
    }

    #[test]
    fn a_failed_run_without_a_failed_test_counts_as_one_failure() {
        let mut tally = Tally::default();
        tally.add_run("error[E0425]: cannot find value `x` in this scope\n", false);
        assert_eq!(tally.line(), "0 passed, 1 failed");
        // A test named like a result line does not count.
        tally.add_run("test test_result_passed ... ok\n", true);
        assert_eq!(tally.line(), "0 passed, 1 failed");
    }
}
