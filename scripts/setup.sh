#!/usr/bin/env bash
# Installs whatever the build and the tests need and is not there yet. Safe to run again:
# every step checks first, so with everything in place it takes about a second.
# Source it (`. scripts/setup.sh`) to also get the tools on PATH.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The CLI must match the wasm-bindgen crate exactly; Cargo.toml pins it with "=".
wasm_bindgen_version="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' "$root/Cargo.toml")"
trunk_series="0.21"  # trunk 0.22 needs a newer rustc than this project's toolchain

say() { printf '[setup] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "^trunk ${trunk_series}\."; then
  say "installing trunk ${trunk_series} (builds from source, about 18 minutes on 2 cores)"
  cargo install trunk --version "~${trunk_series}" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " ${wasm_bindgen_version}\$"; then
  say "installing wasm-bindgen-cli ${wasm_bindgen_version}"
  # Its lock file names a crate version the registry lacks, so no --locked here.
  cargo install wasm-bindgen-cli --version "${wasm_bindgen_version}" --force
fi

# CJK fonts so Korean and Chinese cases render in the browser tests' screenshots.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
  || [ ! -d /usr/share/fonts/opentype/noto ]; then
  say "installing Chromium, ChromeDriver and CJK fonts"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q chromium chromium-driver fonts-noto-cjk
fi

# binaryen from npm: Debian's binaryen 108 corrupts the release build.
if [ ! -x "$root/node_modules/.bin/wasm-opt" ] || [ ! -d "$root/node_modules/playwright-core" ] \
  || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  # npm ci empties node_modules first; through a link that would empty another checkout's.
  if [ -L "$root/node_modules" ]; then
    say "node_modules is a link to another checkout; not reinstalling through it"
  else
    say "installing wasm-opt (binaryen) and playwright-core"
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
