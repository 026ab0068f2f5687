#!/bin/sh
# Validation benchmark: parse + validate a generated ~1 MB definition
# (asl.GenerateLarge, 2,000 states) with ASL Studio's validator and with asl-validator 4.0.0
# (pinned in package-lock.json), in the same run, and print the ratio.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ ! -d "$here/node_modules/asl-validator" ]; then
	(cd "$here" && npm ci --no-audit --no-fund --silent)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

cd "$root"
# The same generator the Go benchmark uses writes the input file.
ASLSTUDIO_LARGE_OUT="$tmp/large.json" go test -count=1 -run '^TestLargeDefinition$' -v ./engine/validate/ >"$tmp/gen.log"
size=$(grep -o 'benchmark definition: [0-9]* states, [0-9]* bytes' "$tmp/gen.log" | sed 's/benchmark definition: //')

go test -run '^$' -bench '^BenchmarkParseValidateLarge$' -benchtime 20x -count 1 ./engine/validate/ >"$tmp/go.txt"
ours_ns=$(awk '/^BenchmarkParseValidateLarge/ {print $3}' "$tmp/go.txt")
peer=$(node "$here/bench.js" "$tmp/large.json" 5)

node -e '
const ours = Number(process.argv[1]) / 1e6;
const p = JSON.parse(process.argv[2]);
const f = (x) => x.toFixed(1);
console.log("validate: parse + validate a generated definition (" + process.argv[3] + ")");
console.log("  aslstudio validate (Go, in-process):     " + f(ours) + " ms per call");
console.log("  asl-validator 4.0.0, first call:         " + f(p.first_call_ms) + " ms  (" + f(p.first_call_ms / ours) + "x slower)");
console.log("  asl-validator 4.0.0, after warm-up:      " + f(p.warm_mean_ms) + " ms  (" + f(p.warm_mean_ms / ours) + "x slower, mean of " + p.runs + ")");
const ratio = p.warm_mean_ms / ours;
console.log("  speed-up vs warm asl-validator: " + f(ratio) + "x (goal >= 10x: " + (ratio >= 10 ? "met" : "NOT met") + ")");
' "$ours_ns" "$peer" "$size"
