//! `cargo xtask <command>`: the project's commands, in Rust instead of shell scripts, so that a
//! learner on Windows runs exactly what CI runs on Linux, from PowerShell, cmd or bash.
//!
//! - `cargo xtask run [relay flags]`: build the page, embed it in the relay, start the relay
//!   and open the browser.
//! - `cargo xtask test`: every check and test; the last line is `N passed, N failed`.
//!   `cargo xtask test-windows`: only its Windows-under-Wine step.
//! - `cargo xtask bench [bench flags]`: the benchmark figures (see `bench.rs`).
//! - `cargo xtask dist`: the download-and-double-click programs in `dist/`.
//! - `cargo xtask build-frontend [crate] [out dir]`: only the page (or the benchmark's baseline).
//!
//! Each command lives in its own file; `tools.rs` installs what is missing, `cmd.rs` runs
//! programs. `cargo xtask` is an alias in `.cargo/config.toml`.

mod bench;
mod cmd;
mod dist;
mod frontend;
mod run;
mod summary;
mod test;
mod tools;
mod wine;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [arguments]

  run [relay flags]        build the page and the relay, start it, open the browser
                           (flags: --no-open, --port N, --allow-target CIDR, --allow-bind-all)
  test                     every check and test (the README's test command; CI runs it)
  test-windows             only its last step: the Windows relay under Wine (Linux)
  bench [bench flags]      the benchmark figures (--page, --download, --loads N, --round-trips N)
  dist                     release programs for learners, in dist/
  build-frontend [crate] [out dir]
                           only the page (default: frontend -> frontend/dist)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match command {
        "run" => run::run(rest),
        "test" => test::test(rest),
        "test-windows" => test::test_windows(rest),
        "bench" => bench::bench(rest),
        "dist" => dist::dist(rest),
        "build-frontend" => frontend::command(rest),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(anyhow::anyhow!("unknown command {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
