#!/usr/bin/env bash
# Triage Desk at 1k, 10k and 50k cases: builds the release, then prints one table from headless
# Chromium (load to interactive, save one edit, sort by score, filter, wasm memory) and the
# engines' score-and-sort and grouping times at the same sizes (tests/browser_bench.rs).
# SCALE_SIZES=1000,10000 and SCALE_RUNS=5 change the sizes and runs. A measurement, not a test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh

trunk build --release --offline
printf '\n== the page at scale (headless Chromium, release build)\n'
node tests/e2e/bench/scale.mjs
printf '\n== engines at scale (headless Chromium, release wasm)\n'
WASM_BINDGEN_TEST_TIMEOUT=900 CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --release --target wasm32-unknown-unknown --test browser_bench -- --nocapture engines_at_scale
