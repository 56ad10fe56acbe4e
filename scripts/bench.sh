#!/usr/bin/env bash
# Installs what is missing, then prints every benchmark figure: the native criterion
# benchmarks, duplicate-grouping quality on the shared labelled data, and the same engines
# timed in headless Chromium on a release build. Measurements, not pass/fail tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh

printf '\n== machine: %s, %s cores, %s\n' "$(uname -m)" "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for bench in triage sla import grouping inbox storage; do
  printf '\n== native: %s\n' "$bench"
  # Criterion's progress and outlier lines are noise here; names and times remain.
  cargo bench --bench "$bench" -- --warm-up-time 1 --measurement-time 3 2>&1 \
    | grep -vE '^(Benchmarking|Found|  [0-9]+ \(|Warning|$)|Compiling|Finished|Running' || true
done
printf '\n== duplicate grouping quality (../shared/data/duplicates)\n'
cargo bench --bench grouping_quality
printf '\n== in headless Chromium (release build)\n'
WASM_BINDGEN_TEST_TIMEOUT=900 CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --release --target wasm32-unknown-unknown --test browser_bench -- --nocapture
printf '\n== import timings in headless Chromium (release build)\n'
trunk build --release --offline
node --test tests/e2e/bench/import-timing.mjs
printf '\n== the page at 1k, 10k and 50k cases (headless Chromium, release build)\n'
node tests/e2e/bench/scale.mjs
printf '\n== inbox timings in headless Chromium (release build): open, search, scroll at 1k/10k/50k\n'
node --test tests/e2e/bench/inbox-timing.mjs
printf '\n== first and repeat visit at 1.6 Mbps / 150 ms (headless Chromium, release build, service worker)\n'
node tests/e2e/bench/visit-timing.mjs

printf '\n== dashboard open and period change at 1k / 10k / 50k cases (headless Chromium, release build)\n'
node tests/e2e/bench/dashboard.mjs

printf '\n== command palette while typing at 1k / 10k / 50k cases (headless Chromium, release build)\n'
node tests/e2e/bench/palette.mjs
