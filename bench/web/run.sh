#!/usr/bin/env bash
# Web figures of issue 6, measured in headless Debian chromium on the built
# site (make build first): navigation to an interactive canvas, a canvas
# edit on a 200-state workflow until canvas and code are updated, and
# app.wasm's size raw and brotli; beside the first visit, the floor of any
# go-app page here (bench/web/floor).
set -euo pipefail
cd "$(dirname "$0")/../.."
site="${ASLSTUDIO_WEB:-$PWD/build/web}"
if [ ! -f "$site/web/app.wasm.br" ]; then
  echo "bench/web: $site has no app.wasm.br; run make build first" >&2
  exit 1
fi
# The floor: the same page and loader with the smallest go-app program in
# place of app.wasm (bench/web/floor), measured in the same run.
floor="$(mktemp -d)"
trap 'rm -rf "$floor"' EXIT
GOOS=js GOARCH=wasm go build -modfile "$PWD/build/wasm-mods/wasm.mod" -trimpath -ldflags="-s -w" -o "$floor/floor.wasm" ./bench/web/floor
build/aslstudio build-static --wasm "$floor/floor.wasm" --editor build/editor/editor.js --out "$floor/web" >/dev/null
# Only the BENCH lines are the figures; when the test fails, all its output
# is the explanation.
out="$floor/out.txt"
if ! ASLSTUDIO_BENCH_FLOOR="$floor/web" ASLSTUDIO_WEB="$site" go test -count=1 -tags 'e2e bench' -run '^TestBench$' -v ./e2e/ >"$out" 2>&1; then
  cat "$out" >&2
  exit 1
fi
sed -n 's/.*BENCH /web: /p' "$out"
