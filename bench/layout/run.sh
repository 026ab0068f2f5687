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
if [ "${LAYOUT_BENCH_WASM:-1}" != 0 ]; then
  echo "-- WASM: the same engine as GOOS=js GOARCH=wasm under node $(node --version), synthetic set, 10 timed runs after a warm-up"
  (cd "$root" && GOOS=js GOARCH=wasm go build -o "$out/geo.wasm" ./bench/layout/geo)
  node "$(go env GOROOT)/lib/wasm/wasm_exec_node.js" "$out/geo.wasm" -runs 10 \
    "$shared"/bench/layout/synthetic/synth-{50,200,500,1000}.asl.json |
    node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{for(const r of JSON.parse(s))console.log(`${r.file.replace(/.*\//,"")}: median ${r.timeMs.toFixed(1)} ms, min ${r.minMs.toFixed(1)} ms (goal at 1,000 states: <= 200 ms)`)})'
fi
