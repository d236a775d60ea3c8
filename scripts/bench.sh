#!/usr/bin/env bash
# Kept for old habits: the command is now `cargo xtask bench` (xtask/src/bench.rs), which also works
# from PowerShell and cmd.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec cargo xtask bench "$@"
