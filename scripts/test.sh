#!/usr/bin/env bash
# The one test command (README; `.ci/run` runs exactly this):  bash scripts/test.sh
#
# Installs what is missing (toolchain + wasm target, wasm-bindgen, wasm-opt, Chromium), checks
# formatting, runs clippy with warnings denied (native crates, and the wasm crates for
# wasm32), builds the page and the relay that embeds it, then runs every native test: unit
# tests, the relay's integration tests and the end-to-end tests in real headless Chromium.
# Stops at the first failing step. The last line is the summary: `N passed, N failed`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$NETLAB_ROOT"

if [ "${CI:-}" = true ]; then
    # A clean clone builds everything once: incremental caches and debug info only cost time.
    export CARGO_INCREMENTAL=0 CARGO_PROFILE_DEV_DEBUG=0 CARGO_TERM_COLOR=never
fi

script_start=$SECONDS
step_no=0
step_start=$SECONDS
step_name=""

# Announces a step, and how long the previous one took.
step() {
    finish_step
    step_no=$((step_no + 1))
    step_name="$1"
    step_start=$SECONDS
    printf '\n==> [%d] %s\n' "$step_no" "$step_name" >&2
}
finish_step() {
    if [ -n "$step_name" ]; then
        printf '<== [%d] %s: %ds\n' "$step_no" "$step_name" $((SECONDS - step_start)) >&2
    fi
}
trap 'status=$?; if [ $status -ne 0 ]; then printf "\nFAILED at step [%d] %s (exit %d)\n" "$step_no" "$step_name" "$status" >&2; fi' EXIT

step "tools: Rust toolchain, wasm-bindgen, wasm-opt, Chromium"
ensure_build_tools
ensure_chromium

step "cargo fmt --check"
cargo fmt --all -- --check

step "build the page (frontend -> frontend/dist)"
bash scripts/build-frontend.sh frontend frontend/dist

step "clippy, native crates (warnings denied)"
cargo clippy --workspace --exclude frontend --exclude yew-hello --all-targets -- -D warnings

step "clippy, wasm crates for wasm32 (warnings denied)"
cargo clippy -p frontend -p yew-hello --target wasm32-unknown-unknown --all-targets -- -D warnings

step "build the relay (embeds frontend/dist)"
cargo build -p relay
target_dir="$(cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
export NETLAB_RELAY_BIN="$target_dir/debug/relay"

step "cargo test --workspace (unit, integration, end-to-end in headless Chromium)"
log="$(mktemp)"
set +e
cargo test --workspace --no-fail-fast 2>&1 | tee "$log"
test_status=${PIPESTATUS[0]}
set -e
finish_step

# Sum every `test result: ok. 12 passed; 0 failed; ...` line cargo printed.
read -r passed failed < <(awk '
    /^test result:/ {
        for (i = 1; i <= NF; i++) {
            if ($(i + 1) ~ /^passed/) p += $i
            if ($(i + 1) ~ /^failed/) f += $i
        }
    }
    END { printf "%d %d\n", p, f }' "$log")
rm -f "$log"
if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # A test binary did not build or crashed before reporting: count it as a failure.
    say "cargo test failed (exit $test_status) outside the counted test results"
    failed=1
fi
say "total time: $((SECONDS - script_start))s"
echo "$passed passed, $failed failed"
[ "$test_status" -eq 0 ]
