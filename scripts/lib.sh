# scripts/lib.sh: shared helpers for run.sh, test.sh, bench.sh and build-frontend.sh (source it).
#
# Every `ensure_*` function is idempotent: when the tool is already there (the usual case) it
# returns in well under a second; otherwise it installs it, from the package registries only,
# and says so on stderr. Installed tools are cached per version in ~/.cache/netlab, so several
# checkouts share them and a version bump installs the new version beside the old one.

# The repository root (this file lives in <root>/scripts).
NETLAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NETLAB_CACHE="${NETLAB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/netlab}"

# binaryen's wasm-opt from npm (Debian's is too old for what rustc emits).
BINARYEN_VERSION="132.0.0"

say() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command quietly; shows its output only when it fails.
quietly() {
    local log
    log="$(mktemp)"
    if "$@" >"$log" 2>&1; then
        rm -f "$log"
    else
        local status=$?
        cat "$log" >&2
        rm -f "$log"
        say "failed (exit $status): $*"
        return "$status"
    fi
}

# The Rust toolchain from rust-toolchain.toml, with its components (rustfmt, clippy) and its
# targets (wasm32-unknown-unknown). rustup does not add a listed target to a toolchain that is
# already installed until `rustup toolchain install` runs in the repository.
ensure_toolchain() {
    command -v rustup >/dev/null || die "rustup is missing: install it from https://rustup.rs"
    (cd "$NETLAB_ROOT" && quietly rustup toolchain install) || die "rustup toolchain install failed"
}

# The wasm-bindgen version the workspace pins (`wasm-bindgen = "=X.Y.Z"` in Cargo.toml).
# The CLI must be exactly this version or the generated JS does not match the library.
wasm_bindgen_version() {
    local v
    v="$(sed -nE 's/^wasm-bindgen[[:space:]]*=[[:space:]]*(\{[^}]*version[[:space:]]*=[[:space:]]*)?"=?([0-9]+\.[0-9]+\.[0-9]+)".*/\2/p' \
        "$NETLAB_ROOT/Cargo.toml" | head -n1)"
    [ -n "$v" ] || die "cannot find the wasm-bindgen pin in $NETLAB_ROOT/Cargo.toml"
    printf '%s\n' "$v"
}

# Sets WASM_BINDGEN to the pinned wasm-bindgen CLI, installing it (about 4 minutes) if needed.
ensure_wasm_bindgen() {
    local ver root
    ver="$(wasm_bindgen_version)"
    root="$NETLAB_CACHE/wasm-bindgen-$ver"
    WASM_BINDGEN="$root/bin/wasm-bindgen"
    if [ -x "$WASM_BINDGEN" ] && [ "$("$WASM_BINDGEN" --version 2>/dev/null)" = "wasm-bindgen $ver" ]; then
        return 0
    fi
    say "installing wasm-bindgen-cli $ver into $root (takes a few minutes, once)"
    # --locked is left off on purpose: the CLI's own lock file does not build on this toolchain.
    # Cargo uses a private target dir for `install`, so this does not touch ./target.
    quietly cargo install wasm-bindgen-cli --version "$ver" --root "$root" --force \
        || die "cargo install wasm-bindgen-cli $ver failed"
    [ "$("$WASM_BINDGEN" --version 2>/dev/null)" = "wasm-bindgen $ver" ] \
        || die "$WASM_BINDGEN does not report version $ver"
}

# Sets WASM_OPT to binaryen's wasm-opt (version $BINARYEN_VERSION, from npm).
ensure_wasm_opt() {
    local major dir
    major="${BINARYEN_VERSION%%.*}"
    dir="$NETLAB_CACHE/binaryen-$major"
    WASM_OPT="$dir/node_modules/.bin/wasm-opt"
    if [ -x "$WASM_OPT" ] && "$WASM_OPT" --version 2>/dev/null | grep -q "version $major"; then
        return 0
    fi
    command -v npm >/dev/null || die "npm is missing: it is needed to install binaryen's wasm-opt"
    say "installing binaryen@$BINARYEN_VERSION (wasm-opt) into $dir"
    mkdir -p "$dir"
    quietly npm install --prefix "$dir" --no-audit --no-fund --no-save "binaryen@$BINARYEN_VERSION" \
        || die "npm install binaryen@$BINARYEN_VERSION failed"
    "$WASM_OPT" --version 2>/dev/null | grep -q "version $major" \
        || die "$WASM_OPT does not report version $major"
}

# Chromium and its WebDriver, from the distribution's packages (never a browser download).
ensure_chromium() {
    if [ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null; then
        return 0
    fi
    command -v apt-get >/dev/null || die "chromium and chromedriver are missing and apt-get is not available"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "installing chromium needs root (or sudo)"
        sudo=(sudo -n)
    fi
    say "installing chromium and chromium-driver with apt-get"
    quietly "${sudo[@]}" apt-get update || die "apt-get update failed"
    quietly "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        chromium chromium-driver || die "apt-get install chromium chromium-driver failed"
    [ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null \
        || die "chromium or chromedriver still missing after apt-get install"
}

# Everything the build needs (not the browser).
ensure_build_tools() {
    ensure_toolchain
    ensure_wasm_bindgen
    ensure_wasm_opt
}
