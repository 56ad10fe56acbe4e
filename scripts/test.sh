#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, lints for both
# targets, native tests, browser unit tests, the release build, and the browser tests against it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh

step() { printf '\n== %s\n' "$*"; }

step "format"
cargo fmt --all -- --check
step "lint (native)"
cargo clippy --all-targets --locked -- -D warnings
step "lint (wasm)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
step "native tests"
cargo test --locked
step "browser unit tests (time zones from the engine's Intl data, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --test browser_zone
step "release build"
trunk build --release --offline
step "download size of dist/ (report against the 500 KB brotli budget)"
scripts/size.sh
step "browser tests (headless Chromium, release build)"
node --test --test-concurrency=1 tests/e2e/
