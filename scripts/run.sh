#!/usr/bin/env bash
# The one command that runs the tutorial:  bash scripts/run.sh [relay flags...]
# Builds the page (wasm), embeds it in the relay, starts the relay on 127.0.0.1 and opens the
# browser. Flags go to the relay: --no-open, --port N, --allow-target CIDR, --allow-bind-all.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$NETLAB_ROOT"

ensure_build_tools
bash scripts/build-frontend.sh frontend frontend/dist
exec cargo run --release -p relay -- "$@"
