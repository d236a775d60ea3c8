#!/usr/bin/env bash
# The benchmarks of issue 2, both sides of each ratio in one run:  bash scripts/bench.sh
#   page weight (tutorial vs a Yew hello-world built the same way), first contentful paint in
#   headless Chromium, UDP echo round trip through the relay vs direct UDP.
# Extra arguments go to the bench binary (--loads N, --round-trips N).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$NETLAB_ROOT"

ensure_build_tools
ensure_chromium
target_dir="$(cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
hello_dist="$target_dir/bench/hello-dist"

bash scripts/build-frontend.sh frontend frontend/dist
bash scripts/build-frontend.sh yew-hello "$hello_dist"
# Measured as a learner runs it: the release relay (it embeds frontend/dist, built above).
cargo build --release -p relay -p e2e --bin relay --bin bench
exec "$target_dir/release/bench" --relay "$target_dir/release/relay" \
    --tutorial-dist frontend/dist --hello-dist "$hello_dist" "$@"
