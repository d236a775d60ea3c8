#!/usr/bin/env bash
# Builds a Yew crate into a folder a web server can serve as it is:
#   index.html, <crate>.js (renamed frontend.js), frontend_bg.wasm, style.css, static files.
#
#   bash scripts/build-frontend.sh                      # the tutorial  -> frontend/dist
#   bash scripts/build-frontend.sh yew-hello target/bench/hello-dist   # the benchmark baseline
#
# Both use the same cargo profile (wasm-release) and the same wasm-opt pass, so their sizes
# can be compared. The page template is <crate dir>/index.html when the crate has one, else
# the repository's index.html. style.css and static/* are copied from the crate dir if present.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

crate="${1:-frontend}"
outdir="${2:-frontend/dist}"
cd "$NETLAB_ROOT"
ensure_build_tools

# Where the crate lives, and where cargo puts its artifacts (cargo metadata knows both).
meta="$(cargo metadata --format-version 1 --no-deps)"
read -r crate_dir target_dir < <(python3 -c '
import json, os, sys
meta = json.load(sys.stdin)
pkg = [p for p in meta["packages"] if p["name"] == sys.argv[1]]
if not pkg:
    sys.exit("no package named " + sys.argv[1] + " in the workspace")
print(os.path.dirname(pkg[0]["manifest_path"]), meta["target_directory"])
' "$crate" <<<"$meta")

profile=wasm-release
say "building $crate for wasm32 (profile $profile)"
cargo build -p "$crate" --target wasm32-unknown-unknown --profile "$profile"

# A bin crate produces <name>.wasm; a cdylib produces <lib_name>.wasm (dashes become underscores).
art="$target_dir/wasm32-unknown-unknown/$profile"
wasm=""
for candidate in "$art/$crate.wasm" "$art/${crate//-/_}.wasm"; do
    if [ -f "$candidate" ] && { [ -z "$wasm" ] || [ "$candidate" -nt "$wasm" ]; }; then
        wasm="$candidate"
    fi
done
[ -n "$wasm" ] || die "no .wasm for $crate in $art (is it a bin or a cdylib?)"

# Build into a fresh staging folder, then swap it in, so a failed build never leaves a
# half-written dist behind for relay/build.rs to embed.
mkdir -p "$(dirname "$outdir")"
stage="$(mktemp -d "$(dirname "$outdir")/.dist-stage.XXXXXX")"
chmod 755 "$stage"
trap 'rm -rf "$stage"' EXIT

say "wasm-bindgen $(basename "$wasm")"
"$WASM_BINDGEN" --target web --no-typescript --out-dir "$stage" --out-name frontend "$wasm"

# rustc's wasm32 target emits these post-MVP features. wasm-opt also reads them from the
# module's target_features section; listing them keeps it valid if that section goes away.
say "wasm-opt -Oz"
"$WASM_OPT" -Oz \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o "$stage/frontend_bg.opt.wasm" "$stage/frontend_bg.wasm"
mv "$stage/frontend_bg.opt.wasm" "$stage/frontend_bg.wasm"

template="$NETLAB_ROOT/index.html"
[ -f "$crate_dir/index.html" ] && template="$crate_dir/index.html"
cp "$template" "$stage/index.html"
[ -f "$crate_dir/style.css" ] && cp "$crate_dir/style.css" "$stage/style.css"
if [ -d "$crate_dir/static" ]; then
    cp -R "$crate_dir/static/." "$stage/"
fi

rm -rf "$outdir"
mv "$stage" "$outdir"
trap - EXIT
say "built $crate into $outdir:"
(cd "$outdir" && find . -type f -printf '  %-28P %8s bytes\n' | sort) >&2
