// Peer for the simulator benchmark: runs the same workloads with
// aws-local-stepfunctions 3.0.0 (pinned in package-lock.json) under Node 22
// and prints, per workload, the mean time of run() (the StateMachine
// constructor, which validates the definition, is timed separately).
//
//   usage: node peer.mjs RUNS WORKLOAD.json...
// Workloads the peer does not support (JSONata) are reported as such.
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

const runs = Number(process.argv[2]);
for (const path of process.argv.slice(3)) {
  const w = JSON.parse(readFileSync(path, 'utf8'));
  if (w.definition.QueryLanguage === 'JSONata') {
    console.log(JSON.stringify({ workload: w.name, unsupported: 'aws-local-stepfunctions 3.0.0 has no JSONata' }));
    continue;
  }
  let t0 = performance.now();
  const sm = new StateMachine(w.definition);
  const ctorMs = performance.now() - t0;
  let total = 0;
  let best = Infinity;
  for (let i = 0; i <= runs; i++) {
    t0 = performance.now();
    const ex = sm.run(structuredClone(w.input));
    await ex.result;
    const d = performance.now() - t0;
    if (i === 0) continue; // warm-up
    total += d;
    best = Math.min(best, d);
  }
  console.log(JSON.stringify({ workload: w.name, run_ms: total / runs, best_ms: best, constructor_ms: ctorMs }));
}
