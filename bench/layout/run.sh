#!/usr/bin/env bash
# Layout benchmark: engine/layout (native) vs dagre 3.1.3 and elkjs 0.12.1 on
# the conformance corpus and ../shared/bench/layout/synthetic, in one run,
# with the graph model and metrics of ../shared/bench/layout. Prints per size
# bucket crossings, area, edge length, bends and time, and the ratios vs ELK.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${ASLSTUDIO_SHARED:-$(cd "$root/.." && pwd)/shared}"
out="${LAYOUT_BENCH_OUT:-$here/out}"
mkdir -p "$out"
cd "$here"
[ -d node_modules/elkjs ] || npm ci --no-audit --no-fund >/dev/null
(cd "$root" && go build -o "$out/geo" ./bench/layout/geo)
echo "-- go test -bench (native)"
(cd "$root" && go test -run '^$' -bench 'BenchmarkLayout' -benchtime 20x ./engine/layout/ | grep -E '^Benchmark')
node --expose-gc compare.mjs --shared "$shared" --geo "$out/geo" --out "$out" "$@"
