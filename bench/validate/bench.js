// Times asl-validator 4.0.0 on one definition file: the first call in a
// fresh process (which compiles its JSON schemas) and the mean of repeated
// calls after warm-up, each call parsing the JSON text and validating it
// (the same job as BenchmarkParseValidateLarge). Prints one JSON line.
"use strict";
const fs = require("fs");
const validator = require("asl-validator");

const file = process.argv[2];
const runs = Number(process.argv[3] || 10);
if (!file) {
  console.error("usage: node bench.js DEFINITION.json [RUNS]");
  process.exit(2);
}
const text = fs.readFileSync(file, "utf8");

function once() {
  const t0 = process.hrtime.bigint();
  const result = validator(JSON.parse(text));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, valid: result.isValid, errors: result.errors };
}

const first = once();
if (!first.valid) {
  console.error("asl-validator rejects the benchmark definition:", JSON.stringify(first.errors).slice(0, 500));
  process.exit(1);
}
for (let i = 0; i < 2; i++) once(); // warm-up
let total = 0;
for (let i = 0; i < runs; i++) total += once().ms;
console.log(JSON.stringify({ first_call_ms: first.ms, warm_mean_ms: total / runs, runs, bytes: text.length }));
