#!/usr/bin/env bash
# Installs what is missing, then serves a release build at http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh
exec trunk serve --release --offline
