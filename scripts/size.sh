#!/usr/bin/env bash
# Download-size report for dist/: raw, gzip and brotli bytes of every file and the total,
# then the largest wasm contributors when twiggy is installed.
#   scripts/size.sh            build the release if dist/ is missing, then report
#   scripts/size.sh --build    always rebuild first
#   scripts/size.sh --check    also exit 1 when the brotli total exceeds the budget
# Compression is node's zlib at maximum levels (what a static host's precompression gives),
# so no extra tool is needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh >/dev/null

budget_kb=500
build=0
check=0
for arg in "$@"; do
  case "$arg" in
    --build) build=1 ;;
    --check) check=1 ;;
    *) echo "usage: $0 [--build] [--check]" >&2; exit 2 ;;
  esac
done

if [ "$build" = 1 ] || ! ls dist/*.wasm >/dev/null 2>&1; then
  trunk build --release --offline
fi

BUDGET_KB="$budget_kb" CHECK="$check" node - <<'EOF'
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const files = fs.readdirSync("dist").filter((f) => fs.statSync(path.join("dist", f)).isFile()).sort();
const rows = files.map((f) => {
  const data = fs.readFileSync(path.join("dist", f));
  const gzip = zlib.gzipSync(data, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  }).length;
  return { f, raw: data.length, gzip, brotli };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });
const pad = (s, n) => String(s).padStart(n);
const name = (f) => f.replace(/-[0-9a-f]{16}(?=[._])/, "");
console.log(`${"file".padEnd(24)} ${pad("raw", 10)} ${pad("gzip", 10)} ${pad("brotli", 10)}`);
for (const r of [...rows, { f: "total", ...total }]) {
  console.log(`${name(r.f).padEnd(24)} ${pad(r.raw, 10)} ${pad(r.gzip, 10)} ${pad(r.brotli, 10)}`);
}
const budget = Number(process.env.BUDGET_KB) * 1000;
console.log(`\nbrotli total ${(total.brotli / 1000).toFixed(1)} KB of a ${budget / 1000} KB budget`);
if (process.env.CHECK === "1" && total.brotli > budget) {
  console.error(`dist/ is over the download budget by ${total.brotli - budget} bytes (brotli)`);
  process.exit(1);
}
EOF

# The name section is stripped from dist/; wasm-bindgen's output (before wasm-opt) still has it.
named=${CARGO_TARGET_DIR:-target}/wasm-bindgen/release/triage-desk_bg.wasm
if command -v twiggy >/dev/null && [ -f "$named" ] && [ "$check" = 0 ]; then
  printf '\nLargest wasm items before wasm-opt (twiggy top, %s):\n' "$named"
  twiggy top -n 25 "$named"
fi
