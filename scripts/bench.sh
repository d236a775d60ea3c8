#!/usr/bin/env bash
# The benchmarks of issue 2, both sides of each ratio in one run:  bash scripts/bench.sh
#   page weight (tutorial vs a Yew hello-world built the same way), first contentful paint in
#   headless Chromium, UDP echo round trip through the relay vs direct UDP.
# Extra arguments go to the bench binary (--loads N, --round-trips N).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$NETLAB_ROOT"

ensure_build_tools
target_dir="$(cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"

# --- issue 5: the file-download lab (bash scripts/bench.sh --download) ---
# 1 GiB over loopback, the relay's downloader vs a plain native client, and the relay's peak
# memory (VmHWM) for 10 MiB and 1 GiB; needs about 2 GiB free under the target folder.
if [[ "${1:-}" == "--download" ]]; then
    cargo build --release -p relay -p e2e --bin relay --bin bench
    exec "$target_dir/release/bench" --relay "$target_dir/release/relay" --download
fi

ensure_chromium
hello_dist="$target_dir/bench/hello-dist"

bash scripts/build-frontend.sh frontend frontend/dist
bash scripts/build-frontend.sh yew-hello "$hello_dist"
# Measured as a learner runs it: the release relay (it embeds frontend/dist, built above).
cargo build --release -p relay -p e2e --bin relay --bin bench
exec "$target_dir/release/bench" --relay "$target_dir/release/relay" \
    --tutorial-dist frontend/dist --hello-dist "$hello_dist" "$@"
