#!/bin/sh
# Simulator benchmark: the same workloads (workloads/*.json: a Pass/Choice
# loop of 20,000 iterations, a Map over 1,000 items × 3 states, a
# JSONata-heavy loop) run by ASL Studio's engine natively, by the same code
# compiled to WebAssembly under Node (Go's wasm_exec.js), and by
# aws-local-stepfunctions 3.0.0 under Node 22 (both pinned in
# package-lock.json), in one run. Prints state transitions per second of the
# best run of each (the machine is shared and noisy; the mean is shown too)
# and the ratios (goals: native >= 30x, WASM >= 5x the peer).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${SIM_BENCH_RUNS:-4}
peer_runs=${SIM_BENCH_PEER_RUNS:-2}
rounds=${SIM_BENCH_ROUNDS:-3}

if [ ! -x "$here/node_modules/.bin/node" ] || [ ! -d "$here/node_modules/aws-local-stepfunctions" ]; then
	(cd "$here" && npm ci --no-audit --no-fund --silent)
fi
node22="$here/node_modules/.bin/node"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
workloads="$here/workloads/loop.json $here/workloads/map.json $here/workloads/jsonata.json"

cd "$root"
go build -o "$tmp/simbench" ./bench/sim/wasm
GOOS=js GOARCH=wasm go build -o "$tmp/simbench.wasm" ./bench/sim/wasm

# Rounds alternate the three engines so that load from other processes on
# a shared machine hits them alike; each figure is the best run over all
# rounds (the mean is printed too).
: >"$tmp/native.jsonl"
: >"$tmp/wasm.jsonl"
: >"$tmp/peer.jsonl"
for round in $(seq "$rounds"); do
	# shellcheck disable=SC2086
	"$tmp/simbench" -runs "$runs" $workloads >>"$tmp/native.jsonl"
	# shellcheck disable=SC2086
	"$node22" "$(go env GOROOT)/lib/wasm/wasm_exec_node.js" "$tmp/simbench.wasm" -runs "$runs" $workloads >>"$tmp/wasm.jsonl"
	# shellcheck disable=SC2086
	(cd "$here" && "$node22" peer.mjs "$peer_runs" $workloads) >>"$tmp/peer.jsonl"
done

"$node22" -e '
const fs = require("fs");
// Merge the rounds: best run of all, mean of the means.
const load = (f) => {
  const out = {};
  for (const r of fs.readFileSync(f, "utf8").trim().split("\n").map((l) => JSON.parse(l))) {
    const o = out[r.workload];
    if (!o) { out[r.workload] = { ...r, n: 1 }; continue; }
    if (r.unsupported) continue;
    o.best_ms = Math.min(o.best_ms, r.best_ms);
    o.run_ms = (o.run_ms * o.n + r.run_ms) / (o.n + 1);
    o.n++;
  }
  return out;
};
const [nat, wasm, peer] = process.argv.slice(1).map(load);
const k = (x) => (x / 1000).toFixed(1) + "k";
console.log("sim: state transitions per second, best run (mean in brackets); peer constructor timed apart");
const met = [];
for (const w of Object.keys(nat)) {
  const n = nat[w], m = wasm[w], p = peer[w] || {};
  const tr = n.transitions;
  const tps = (ms) => tr / (ms / 1000);
  const both = (r) => k(tps(r.best_ms)) + "/s [" + k(tps(r.run_ms)) + "]";
  let line = "  " + w.padEnd(8) + " (" + tr + " transitions): native " + both(n) + ", wasm " + both(m);
  if (p.unsupported) {
    line += ", peer: not supported (" + p.unsupported + ")";
  } else {
    const rn = p.best_ms / n.best_ms, rw = p.best_ms / m.best_ms;
    line += ", aws-local-stepfunctions " + both(p) + " (new StateMachine() " + p.constructor_ms.toFixed(0) + " ms apart) => native " + rn.toFixed(1) + "x, wasm " + rw.toFixed(1) + "x";
    met.push([w, rn, rw, p.run_ms / n.run_ms, p.run_ms / m.run_ms]);
  }
  console.log(line);
}
for (const [w, rn, rw, mn, mw] of met) {
  console.log("  goals on " + w + " (best runs): native >= 30x " + (rn >= 30 ? "met" : "NOT met") + " (" + rn.toFixed(1) + "x), wasm >= 5x " + (rw >= 5 ? "met" : "NOT met") + " (" + rw.toFixed(1) + "x); on means: " + mn.toFixed(1) + "x, " + mw.toFixed(1) + "x");
}
' "$tmp/native.jsonl" "$tmp/wasm.jsonl" "$tmp/peer.jsonl"
