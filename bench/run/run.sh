#!/usr/bin/env bash
# Run-mode figures of issue 7, measured in headless Debian chromium on the
# built site (make build first): the time from Run to the final state drawn
# for the 1,000-item Map example, and the longest main-thread task during a
# 25,000-event run.
set -euo pipefail
cd "$(dirname "$0")/../.."
site="${ASLSTUDIO_WEB:-$PWD/build/web}"
if [ ! -f "$site/web/app.wasm" ]; then
  echo "bench/run: $site has no app.wasm; run make build first" >&2
  exit 1
fi
ASLSTUDIO_WEB="$site" go test -count=1 -tags 'e2e bench' -run '^TestBenchRun$' -v ./e2e/ 2>&1 | sed -n 's/.*BENCH /run: /p'
test "${PIPESTATUS[0]}" -eq 0
