#!/usr/bin/env bash
# The service catalog: counts, compressed index size and Search latency.
# Generates the catalog first when engine/catalog/data is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f engine/catalog/data/index.json ]; then
  if [ ! -f engine/catalog/npm/node_modules/aws-sdk/apis/metadata.json ]; then
    (cd engine/catalog/npm && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
  fi
  go run ./engine/catalog/gen
fi
go run ./bench/catalog "$@"
# The same decode and search compiled to WebAssembly, under node (the
# browser's engine): what the palette pays on first use and per keystroke.
wasmexec="$(go env GOROOT)/lib/wasm"
if command -v node >/dev/null 2>&1 && [ -x "$wasmexec/go_js_wasm_exec" ]; then
  (cd engine/catalog && PATH="$PATH:$wasmexec" GOOS=js GOARCH=wasm go test -run '^$' -bench 'LoadIndex|Search' -count 1 . 2>/dev/null |
    awk '/^Benchmark/ { printf "wasm (node): %-18s %8.1f ms/op\n", $1, $3/1e6 }')
fi
