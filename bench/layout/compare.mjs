#!/usr/bin/env node
// compare.mjs — ASL Studio's layout (engine/layout, timed natively by ./geo)
// against @dagrejs/dagre 3.1.3 and elkjs 0.12.1 (default, and depth-first
// cycle breaking) on the conformance corpus and the synthetic scaling set,
// with the graph model of ../shared/bench/layout/asl_graph.mjs (imported)
// and the metric definitions of ../shared/bench/layout/measure.mjs (copied
// below, marked, because measure.mjs imports its peers from its own folder).
//
//   node --expose-gc compare.mjs --shared DIR --geo GEO_JSON_CMD ... (see run.sh)

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import dagre from '@dagrejs/dagre';
import YAML from 'yaml';

const require = createRequire(import.meta.url);
const args = { shared: null, geo: null, runs: 3, bigRuns: 1, out: 'out', sizes: [50, 200, 500, 1000], limit: Infinity, libs: ['dagre', 'elk', 'elkDfs'] };
for (let i = 2; i < process.argv.length; i++) {
  const v = process.argv[i];
  if (v === '--shared') args.shared = process.argv[++i];
  else if (v === '--geo') args.geo = process.argv[++i];
  else if (v === '--runs') args.runs = Number(process.argv[++i]);
  else if (v === '--big-runs') args.bigRuns = Number(process.argv[++i]);
  else if (v === '--out') args.out = process.argv[++i];
  else if (v === '--sizes') args.sizes = process.argv[++i].split(',').map(Number);
  else if (v === '--limit') args.limit = Number(process.argv[++i]);
  else if (v === '--only-ours') args.libs = []; // quick look at our figures, no peers
  else throw new Error('unknown option ' + v);
}
if (!args.shared || !args.geo) {
  console.error('usage: node --expose-gc compare.mjs --shared ../shared --geo path/to/geo [--runs 3] [--big-runs 1] [--out DIR]');
  process.exit(2);
}
const anchorDir = path.join(args.shared, 'bench', 'layout');
const { aslToGraph, toDagre, readDagre, toElk, readElk, ELK_OPTIONS, ELK_DFS_OPTIONS } = await import(pathToFileURL(path.join(anchorDir, 'asl_graph.mjs')).href);

// ------------------------------------------------------------------------
// Copied from ../shared/bench/layout/measure.mjs (corpus listing and
// loading, the synchronous ELK runner, timing, metrics), unchanged except
// for formatting.
const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

function listCorpus(root) {
  const files = [];
  const skipped = [];
  const execDir = path.join(root, 'exec');
  if (fs.existsSync(execDir)) {
    for (const d of fs.readdirSync(execDir).sort()) {
      const f = path.join(execDir, d, 'definition.json');
      if (fs.existsSync(f)) files.push({ rel: path.posix.join('exec', d, 'definition.json'), abs: f });
    }
  }
  const samDir = path.join(root, 'sam');
  if (fs.existsSync(samDir)) {
    for (const d of fs.readdirSync(samDir).sort()) {
      const mf = path.join(samDir, d, 'manifest.json');
      if (!fs.existsSync(mf)) continue;
      const man = JSON.parse(fs.readFileSync(mf, 'utf8'));
      for (const sm of man.state_machines || []) {
        const rel = sm.definition_file;
        if (!rel) {
          skipped.push({ rel: path.posix.join('sam', d, 'template.yaml') + '#' + sm.logical_id, reason: 'inline definition (' + sm.definition_via + ')' });
          continue;
        }
        const f = path.join(samDir, d, rel);
        const r = path.posix.join('sam', d, rel);
        if (!fs.existsSync(f)) skipped.push({ rel: r, reason: 'definition file missing upstream' });
        else files.push({ rel: r, abs: f });
      }
    }
  }
  return { files, skipped };
}

function loadCorpus(root) {
  const { files, skipped } = listCorpus(root);
  const byHash = new Map();
  for (const f of files) {
    const buf = fs.readFileSync(f.abs);
    const h = sha256(buf);
    if (byHash.has(h)) {
      byHash.get(h).sources.push(f.rel);
      continue;
    }
    let text = buf.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let def;
    try {
      def = /\.ya?ml$/i.test(f.rel) ? YAML.parse(text) : JSON.parse(text);
    } catch (e) {
      skipped.push({ rel: f.rel, reason: 'parse error: ' + String(e.message).split('\n')[0] });
      continue;
    }
    byHash.set(h, { sha: h, sources: [f.rel], abs: f.abs, def });
  }
  return { files, skipped, defs: [...byHash.values()] };
}

const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};
const ElkWorker = require('elkjs/lib/elk-worker.min.js').Worker;
const elkWorker = new ElkWorker();
let elkReply = null;
elkWorker.onmessage = (m) => { elkReply = m.data; };
let elkMsgId = 0;
function elkSync(msg) {
  elkReply = null;
  elkWorker.dispatcher.saveDispatch({ data: { ...msg, id: elkMsgId++ } });
  if (!elkReply) throw new Error('elk: no reply');
  if (elkReply.error) {
    const e = elkReply.error;
    throw new Error('elk: ' + (e.message || e.g || String(e)));
  }
  return elkReply.data;
}
elkSync({ cmd: 'register', algorithms: ['layered'] });

const LIBS = {
  dagre: {
    prepare: (model) => toDagre(model, dagre),
    run: (inp) => { dagre.layout(inp.g); return inp; },
    read: (model, inp) => readDagre(model, inp.g, inp.clip),
  },
  elk: {
    prepare: (model) => toElk(model),
    run: (inp) => elkSync({ cmd: 'layout', graph: inp, layoutOptions: ELK_OPTIONS, options: {} }),
    read: (model, out) => readElk(model, out),
  },
  elkDfs: {
    prepare: (model) => toElk(model),
    run: (inp) => elkSync({ cmd: 'layout', graph: inp, layoutOptions: ELK_DFS_OPTIONS, options: {} }),
    read: (model, out) => readElk(model, out),
  },
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return null;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
};

function measureLib(lib, model, runs) {
  const L = LIBS[lib];
  try {
    gc();
    const warm = L.run(L.prepare(model));
    const geom = L.read(model, warm);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const inp = L.prepare(model);
      const t0 = performance.now();
      L.run(inp);
      times.push(performance.now() - t0);
    }
    return { timeMs: round(median(times), 3), ...geometryMetrics(geom) };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e).slice(0, 300) };
  }
}

const round = (x, d = 1) => (x === null || x === undefined ? x : Math.round(x * 10 ** d) / 10 ** d);

function geometryMetrics(geom) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const n of geom.nodes) {
    x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y);
    x1 = Math.max(x1, n.x + n.w); y1 = Math.max(y1, n.y + n.h);
  }
  let length = 0;
  let bends = 0;
  const segs = [];
  geom.edges.forEach((e, ei) => {
    const p = e.points.filter((q, i, arr) => i === 0 || Math.hypot(q.x - arr[i - 1].x, q.y - arr[i - 1].y) > 1e-9);
    for (const q of p) {
      x0 = Math.min(x0, q.x); y0 = Math.min(y0, q.y);
      x1 = Math.max(x1, q.x); y1 = Math.max(y1, q.y);
    }
    for (let i = 0; i + 1 < p.length; i++) {
      const a = p[i], b = p[i + 1];
      length += Math.hypot(b.x - a.x, b.y - a.y);
      segs.push({ e: ei, ax: a.x, ay: a.y, bx: b.x, by: b.y, minx: Math.min(a.x, b.x), maxx: Math.max(a.x, b.x), miny: Math.min(a.y, b.y), maxy: Math.max(a.y, b.y) });
      if (i > 0) {
        const o = p[i - 1];
        const ux = a.x - o.x, uy = a.y - o.y, vx = b.x - a.x, vy = b.y - a.y;
        const cr = ux * vy - uy * vx;
        const dot = ux * vx + uy * vy;
        const sin = Math.abs(cr) / (Math.hypot(ux, uy) * Math.hypot(vx, vy));
        if (sin > 1e-3 || dot < 0) bends++;
      }
    }
  });
  const width = x1 - x0, height = y1 - y0;
  return {
    width: round(width), height: round(height), area: Math.round(width * height),
    edgeLength: round(length), crossings: countCrossings(segs), bends, edges: geom.edges.length,
  };
}

function countCrossings(segs) {
  segs.sort((s, t) => s.minx - t.minx);
  let crossings = 0;
  let active = [];
  for (const s of segs) {
    active = active.filter((t) => t.maxx >= s.minx);
    for (const t of active) {
      if (t.e === s.e || t.maxy < s.miny || s.maxy < t.miny) continue;
      if (properIntersect(s, t)) crossings++;
    }
    active.push(s);
  }
  return crossings;
}

function side(ax, ay, bx, by, cx, cy) {
  const len = Math.hypot(bx - ax, by - ay);
  const d = ((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) / len;
  return Math.abs(d) < 1e-6 ? 0 : Math.sign(d);
}

function properIntersect(s, t) {
  const d1 = side(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const d2 = side(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  if (d1 === 0 || d2 === 0 || d1 === d2) return false;
  const d3 = side(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const d4 = side(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  return d3 !== 0 && d4 !== 0 && d3 !== d4;
}

const bucketOf = (states) => (states <= 10 ? '≤10' : states <= 30 ? '11–30' : states <= 100 ? '31–100' : '>100');
const BUCKETS = ['≤10', '11–30', '31–100', '>100'];
// ------------------------------------------------------------------------ end of the copy

// Our geometry ({x,y,w,h} top-left; points [[x,y]]) in the metric shape.
function readOurs(model, g) {
  const nodes = g.nodes.map((n) => ({ id: n.id, kind: n.kind, x: n.x, y: n.y, w: n.w, h: n.h }));
  const edges = g.edges.map((e, i) => ({ id: 'e' + i, points: e.points.map(([x, y]) => ({ x, y })) }));
  return { nodes, edges };
}

function runGeo(files, runs) {
  const list = path.join(args.out, `geo-list-${runs}.txt`);
  fs.writeFileSync(list, files.join('\n') + '\n');
  const out = execFileSync(args.geo, ['-runs', String(runs), '-list', list], { maxBuffer: 1 << 30 });
  const res = JSON.parse(out.toString());
  return new Map(res.map((r) => [r.file, r]));
}

const CONFIGS = ['ours', 'dagre', 'elk', 'elkDfs'].filter((c) => c === 'ours' || args.libs.includes(c));

function scoreOurs(model, r) {
  if (!r || r.error) return { error: r ? r.error : 'no result' };
  const geom = readOurs(model, r.geometry);
  const m = geometryMetrics(geom);
  const modelMatch = geom.nodes.length === model.nodes.length && geom.edges.length === model.edges.length;
  return { timeMs: round(r.timeMs, 3), minMs: round(r.minMs, 3), ...m, modelMatch };
}

fs.mkdirSync(args.out, { recursive: true });
const t0 = performance.now();
// corpus
const { defs, skipped } = loadCorpus(path.join(args.shared, 'conformance'));
const rows = [];
for (const d of defs) {
  try {
    const model = aslToGraph(d.def);
    if (model.stats.states === 0) continue;
    rows.push({ ...d, model });
  } catch { /* not a definition */ }
}
const work = rows.slice(0, args.limit);
const geo = runGeo(work.map((r) => r.abs), args.runs);
for (const r of work) for (const lib of args.libs) { try { LIBS[lib].run(LIBS[lib].prepare(r.model)); } catch { /* measured below */ } }
const recs = [];
for (const r of work) {
  const rec = { sources: r.sources, states: r.model.stats.states, bucket: bucketOf(r.model.stats.states) };
  rec.ours = scoreOurs(r.model, geo.get(r.abs));
  for (const lib of args.libs) rec[lib] = measureLib(lib, r.model, args.runs);
  recs.push(rec);
}
console.error(`corpus: ${recs.length} definitions (${skipped.length} skipped) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// synthetic
const synth = [];
for (const n of args.sizes) {
  const file = path.join(anchorDir, 'synthetic', `synth-${n}.asl.json`);
  const model = aslToGraph(JSON.parse(fs.readFileSync(file, 'utf8')));
  const runs = n >= 500 ? args.bigRuns : args.runs;
  const rec = { states: n, stats: model.stats };
  rec.ours = scoreOurs(model, runGeo([file], 15).get(file));
  for (const lib of args.libs) {
    const ts = performance.now();
    rec[lib] = measureLib(lib, model, runs);
    console.error(`synthetic ${n}: ${lib} ${rec[lib].error || rec[lib].timeMs + ' ms'} (${((performance.now() - ts) / 1000).toFixed(1)} s)`);
  }
  synth.push(rec);
}
fs.writeFileSync(path.join(args.out, 'layout-compare.json'), JSON.stringify({ corpus: recs, synthetic: synth }, null, 1) + '\n');

// ------------------------------------------------------------------------ report
const fmt = (x, d = 0) => (x === null || x === undefined || Number.isNaN(x) ? '–' : Math.abs(x) >= 1e6 ? x.toExponential(2) : x.toFixed(d));
const ok = (rs, c) => rs.filter((r) => r[c] && !r[c].error);
const L = [];
L.push('Layout: ours (engine/layout, native Go) vs dagre 3.1.3 / elkjs 0.12.1 (elk, elkDfs = depth-first cycle breaking), same graph model and metrics.');
L.push('');
L.push('Corpus by size bucket (states) — median / p90; crossings also as total and 0-crossing share:');
L.push('');
L.push('| states | config | n | time ms | crossings total | 0-crossing share | area px² | edge length | bends |');
L.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const b of ['all', ...BUCKETS]) {
  const rs = b === 'all' ? recs : recs.filter((r) => r.bucket === b);
  if (!rs.length) continue;
  for (const c of CONFIGS) {
    const o = ok(rs, c);
    const col = (k, d = 0) => `${fmt(median(o.map((r) => r[c][k])), d)} / ${fmt(pct(o.map((r) => r[c][k]), 90), d)}`;
    const zero = o.filter((r) => r[c].crossings === 0).length;
    L.push(`| ${b} | ${c} | ${o.length} | ${col('timeMs', 2)} | ${o.reduce((a, r) => a + r[c].crossings, 0)} | ${fmt((100 * zero) / Math.max(1, o.length), 1)}% | ${col('area')} | ${col('edgeLength')} | ${col('bends')} |`);
  }
}
L.push('');
L.push('Synthetic scaling (../shared/bench/layout/synthetic):');
L.push('');
L.push('| states | config | time ms | crossings | area px² | edge length | bends | time vs elk | area vs elk | length vs elk |');
L.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const s of synth) {
  for (const c of CONFIGS) {
    const m = s[c];
    if (!m) continue;
    if (m.error) { L.push(`| ${s.states} | ${c} | ERR ${m.error} |`); continue; }
    const e = s.elk && !s.elk.error ? s.elk : null;
    const ratio = (k) => (e ? fmt(m[k] / e[k], 3) : '–');
    L.push(`| ${s.states} | ${c} | ${fmt(m.timeMs, 2)} | ${m.crossings} | ${fmt(m.area)} | ${fmt(m.edgeLength)} | ${m.bends} | ${ratio('timeMs')} | ${ratio('area')} | ${ratio('edgeLength')} |`);
  }
}
L.push('');
if (args.libs.length === 3) {
// goals
const both = recs.filter((r) => ['ours', 'dagre', 'elk'].every((c) => r[c] && !r[c].error));
const worse = both.filter((r) => r.ours.crossings > Math.min(r.dagre.crossings, r.elk.crossings));
const worseAll = recs.filter((r) => r.ours && !r.ours.error && ['dagre', 'elk', 'elkDfs'].some((c) => r[c] && !r[c].error) && r.ours.crossings > Math.min(...['dagre', 'elk', 'elkDfs'].filter((c) => r[c] && !r[c].error).map((c) => r[c].crossings)));
const zeroShare = ok(recs, 'ours').filter((r) => r.ours.crossings === 0).length / Math.max(1, ok(recs, 'ours').length);
const med = (c, k) => median(ok(recs, c).map((r) => r[c][k]));
const betterArea = Math.min(med('dagre', 'area'), med('elk', 'area'));
const betterLen = Math.min(med('dagre', 'edgeLength'), med('elk', 'edgeLength'));
const s1000 = synth.find((s) => s.states === 1000);
const mismatch = ok(recs, 'ours').filter((r) => !r.ours.modelMatch).length;
L.push('Goals:');
L.push(`- crossings: ours has more than the better of dagre/elk on ${worse.length} of ${both.length} definitions (more than the best of dagre/elk/elkDfs on ${worseAll.length}); 0 crossings on ${fmt(100 * zeroShare, 1)}% of real definitions (goal ≥ 99.5%); synthetic crossings ${synth.map((s) => `${s.states}: ${s.ours.crossings}`).join(', ')} (goal 0)`);
L.push(`- median area ours ${fmt(med('ours', 'area'))} vs better library ${fmt(betterArea)} (ratio ${fmt(med('ours', 'area') / betterArea, 3)}); median edge length ours ${fmt(med('ours', 'edgeLength'))} vs ${fmt(betterLen)} (ratio ${fmt(med('ours', 'edgeLength') / betterLen, 3)})`);
if (s1000) L.push(`- 1,000 states: ours ${fmt(s1000.ours.timeMs, 1)} ms native median, ${fmt(s1000.ours.minMs, 1)} ms min (goal ≤ 50 ms), elk ${fmt(s1000.elk.timeMs, 0)} ms → ${fmt(s1000.elk.timeMs / s1000.ours.timeMs, 0)}× faster (goal ≥ 50×); elkDfs ${fmt(s1000.elkDfs.timeMs, 0)} ms, dagre ${fmt(s1000.dagre.timeMs, 0)} ms`);
L.push(`- graph model: ${mismatch} definitions where our node/edge counts differ from asl_graph.mjs`);
if (worse.length) L.push(`- more crossings than the better library: ${worse.slice(0, 10).map((r) => `${r.sources[0]} (${r.ours.crossings} vs ${Math.min(r.dagre.crossings, r.elk.crossings)})`).join('; ')}`);
}
console.log(L.join('\n'));
fs.writeFileSync(path.join(args.out, 'layout-compare.md'), L.join('\n') + '\n');
