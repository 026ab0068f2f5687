//go:build e2e && bench && perfprobe

package e2e

// Profiling probes for the web figures of issue 6 (not part of make test or
// make bench; they assert nothing, they explain). Run against a site:
//
//	ASLSTUDIO_WEB=/tmp/x-build/web go test -count=1 -tags 'e2e bench perfprobe' -run 'TestProbeLoad|TestProbeEdit' -v ./e2e/
//
// TestProbeLoad prints, for a first visit and two reloads, when app.wasm
// was fetched, compiled (instantiated), when Go's main ran and when the
// studio was ready, with the renderer's CPU time; TestProbeEdit times seven
// deletes on a 200-state workflow with the main thread's CPU time of each.
// PROBE_PROFILE=1 adds a V8 CPU profile (self and inclusive time per
// function; build app.wasm without -ldflags=-s to see Go function names),
// PROBE_OUT=DIR writes the .cpuprofile files (Chrome DevTools opens them).
// PROBE_UNTIL=NAME ends each profile at the first sample with NAME on its
// stack (markReady: until the canvas is ready).
// PROBE_CALLERS=NAME prints who called into functions named NAME.
// PROBE_TREE=NAME prints the call tree under the first function whose
// name contains NAME.
// PROBE_MARK=1 compiles a one-function module when the canvas is ready
// (probeReadyMark), a mark in the compilation trace.
// PROBE_GC=1 prints what the Go runtime wrote to the console, when the
// site's app.js was edited to collect it: after "const go = new Go();" set
// go.env = {GODEBUG: "gctrace=1,inittrace=1"} and wrap console.log to push
// each line onto window.__gc.
// ASLSTUDIO_E2E_JSFLAGS passes V8 flags to chromium and
// ASLSTUDIO_E2E_CHROMELOG=FILE keeps chromium's own output, e.g.
// --trace-wasm-compilation-times to see which functions V8 compiles, when
// and for how long (Liftoff on first call, TurboFan once hot).

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

const probeHooks = `(() => {
  const p = window.__p = {marks: []};
  const mark = (n) => p.marks.push([n, performance.now()]);
  const is = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = function(r, io) {
    mark('instantiateStreaming called');
    return is.call(this, r, io).then(x => { mark('instantiated'); return x; }, e => { mark('instantiate failed ' + e); throw e; });
  };
  const ins = WebAssembly.instantiate;
  WebAssembly.instantiate = function(b, io) {
    mark('instantiate(buffer) called');
    return ins.call(this, b, io).then(x => { mark('instantiated(buffer)'); return x; });
  };
  let G;
  Object.defineProperty(window, 'Go', {configurable: true, get() { return G; }, set(v) {
    G = v; mark('wasm_exec loaded');
    const run = v.prototype.run;
    v.prototype.run = function(i) { mark('go.run'); return run.call(this, i); };
  }});
  document.addEventListener('DOMContentLoaded', () => mark('DOMContentLoaded'));
  window.addEventListener('load', () => mark('load'));
})();`

// probeReadyMark (PROBE_MARK=1) compiles and calls a one-function module
// the moment body[data-ready] is set: with --trace-wasm-compilation-times
// its line, of another module, tells in chromium's output (CHROMELOG) the
// compilations before the canvas was ready from those after.
const probeReadyMark = `(() => {
  const mark = () => {
    const bytes = new Uint8Array([0,97,115,109,1,0,0,0,1,5,1,96,0,1,127,3,2,1,0,7,5,1,1,102,0,0,10,6,1,4,0,65,42,11]);
    new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.f();
  };
  new MutationObserver((_, obs) => {
    if (document.body && document.body.dataset.ready === "true") { obs.disconnect(); mark(); }
  }).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-ready"]});
})();`

func (b *browser) profile(what string, f func()) *profiler.Profile {
	b.do("profiler start", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
			return err
		}
		if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 200}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{})
		return err
	}))
	f()
	var prof *profiler.Profile
	b.do("profiler stop", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		r, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
		prof = r.Profile
		return err
	}))
	if dir := os.Getenv("PROBE_OUT"); dir != "" {
		j, _ := json.Marshal(prof)
		os.WriteFile(dir+"/"+what+".cpuprofile", j, 0o644)
	}
	return prof
}

// summarize prints self and inclusive time per function.
func summarize(t *testing.T, prof *profiler.Profile, top int) {
	summarizeAll(t, []*profiler.Profile{prof}, top)
}

func summarizeAll(t *testing.T, profs []*profiler.Profile, top int) {
	self := map[string]float64{}
	incl := map[string]float64{}
	total := 0.0
	for _, prof := range profs {
		total += summarize1(prof, self, incl)
	}
	t.Logf("profile: %.0f ms sampled", total)
	printTop(t, self, incl, top)
}

func summarize1(prof *profiler.Profile, self, incl map[string]float64) float64 {
	nodes := map[int64]*profiler.ProfileNode{}
	parent := map[int64]int64{}
	for _, n := range prof.Nodes {
		nodes[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	// PROBE_UNTIL=NAME counts only the samples before the first one with a
	// function whose name contains NAME on its stack (e.g. markReady: up to
	// the canvas being ready).
	until := os.Getenv("PROBE_UNTIL")
	reached := func(id int64) bool {
		for ok := true; ok; id, ok = parent[id] {
			if strings.Contains(nodes[id].CallFrame.FunctionName, until) {
				return true
			}
		}
		return false
	}
	dt := map[int64]float64{}
	// PROBE_TIMELINE=1 prints, per 100 ms of the profile, the time of its
	// (program), (idle), wasm and script samples.
	timeline := os.Getenv("PROBE_TIMELINE") != ""
	type bucket struct{ program, idle, wasm, script float64 }
	var buckets []bucket
	at := 0.0
	for i, s := range prof.Samples {
		if until != "" && reached(s) {
			break
		}
		if timeline && i < len(prof.TimeDeltas) {
			at += float64(prof.TimeDeltas[i]) / 1000
			for int(at/100) >= len(buckets) {
				buckets = append(buckets, bucket{})
			}
			d := 0.0
			if i+1 < len(prof.TimeDeltas) {
				d = float64(prof.TimeDeltas[i+1]) / 1000
			}
			b := &buckets[int(at/100)]
			switch f := nodes[s].CallFrame; {
			case f.FunctionName == "(program)":
				b.program += d
			case f.FunctionName == "(idle)":
				b.idle += d
			case strings.HasPrefix(f.URL, "wasm://"):
				b.wasm += d
			default:
				b.script += d
			}
		}
		d := 0.0
		if i+1 < len(prof.TimeDeltas) {
			d = float64(prof.TimeDeltas[i+1]) / 1000
		}
		dt[s] += d
	}
	name := func(n *profiler.ProfileNode) string {
		f := n.CallFrame.FunctionName
		if f == "" {
			f = "(anon)"
		}
		u := n.CallFrame.URL
		if i := strings.LastIndex(u, "/"); i >= 0 {
			u = u[i+1:]
		}
		if strings.HasPrefix(n.CallFrame.URL, "wasm://") {
			u = "wasm"
		}
		return f + " [" + u + "]"
	}
	for i, b := range buckets {
		fmt.Printf("timeline %5d ms: program %3.0f idle %3.0f wasm %3.0f script %3.0f\n", i*100, b.program, b.idle, b.wasm, b.script)
	}
	onStack := map[string]int{}
	var walk func(id int64) float64
	walk = func(id int64) float64 {
		n := nodes[id]
		nm := name(n)
		onStack[nm]++
		tot := dt[id]
		self[nm] += dt[id]
		for _, c := range n.Children {
			tot += walk(c)
		}
		onStack[nm]--
		if onStack[nm] == 0 {
			incl[nm] += tot
		}
		return tot
	}
	total := walk(prof.Nodes[0].ID)
	if callee := os.Getenv("PROBE_CALLERS"); callee != "" {
		printCallers(nodes, parent, dt, callee)
	}
	if root := os.Getenv("PROBE_TREE"); root != "" {
		printTree(prof, nodes, dt, root)
	}
	return total
}

// printCallers prints, for PROBE_CALLERS=NAME, the time spent in functions
// whose name contains NAME by the caller (two frames) that called into them.
func printCallers(nodes map[int64]*profiler.ProfileNode, parent map[int64]int64, dt map[int64]float64, callee string) {
	by := map[string]float64{}
	for id, d := range dt {
		// The outermost frame on the stack that matches, then its callers.
		var hit int64 = -1
		for n, ok := id, true; ok; n, ok = parent[n] {
			if strings.Contains(nodes[n].CallFrame.FunctionName, callee) {
				hit = n
			}
		}
		if hit < 0 {
			continue
		}
		c1, ok1 := parent[hit]
		c2, ok2 := parent[c1]
		key := "?"
		if ok1 {
			key = nodes[c1].CallFrame.FunctionName
			if ok2 {
				key += " <- " + nodes[c2].CallFrame.FunctionName
			}
		}
		by[key] += d
	}
	type kv struct {
		k string
		v float64
	}
	var list []kv
	for k, v := range by {
		list = append(list, kv{k, v})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].v > list[j].v })
	for i, e := range list {
		if i == 25 {
			break
		}
		fmt.Printf("callers %6.1f %s\n", e.v, e.k)
	}
}

// printTree prints, for PROBE_TREE=NAME, the call tree under the first
// function whose name contains NAME: inclusive and self time per call path,
// down to 1 ms.
func printTree(prof *profiler.Profile, nodes map[int64]*profiler.ProfileNode, dt map[int64]float64, root string) {
	var incl func(id int64) float64
	incl = func(id int64) float64 {
		t := dt[id]
		for _, c := range nodes[id].Children {
			t += incl(c)
		}
		return t
	}
	var show func(id int64, depth int)
	show = func(id int64, depth int) {
		n := nodes[id]
		in := incl(id)
		if in < 1 || depth > 14 {
			return
		}
		fmt.Printf("tree %s%6.1f %5.1f %s\n", strings.Repeat("  ", depth), in, dt[id], n.CallFrame.FunctionName)
		kids := append([]int64(nil), n.Children...)
		sort.Slice(kids, func(i, j int) bool { return incl(kids[i]) > incl(kids[j]) })
		for _, c := range kids {
			show(c, depth+1)
		}
	}
	var find func(id int64) bool
	find = func(id int64) bool {
		if strings.Contains(nodes[id].CallFrame.FunctionName, root) {
			show(id, 0)
			return true
		}
		for _, c := range nodes[id].Children {
			if find(c) {
				return true
			}
		}
		return false
	}
	find(prof.Nodes[0].ID)
}

func printTop(t *testing.T, self, incl map[string]float64, top int) {
	type kv struct {
		k string
		v float64
	}
	list := func(m map[string]float64) []kv {
		var out []kv
		for k, v := range m {
			out = append(out, kv{k, v})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].v > out[j].v })
		if len(out) > top {
			out = out[:top]
		}
		return out
	}
	var sb strings.Builder
	sb.WriteString("SELF:\n")
	for _, e := range list(self) {
		fmt.Fprintf(&sb, "  %8.1f  %s\n", e.v, e.k)
	}
	sb.WriteString("INCLUSIVE:\n")
	for _, e := range list(incl) {
		fmt.Fprintf(&sb, "  %8.1f  %s\n", e.v, e.k)
	}
	t.Log("\n" + sb.String())
}

func TestProbeLoad(t *testing.T) {
	b := newBrowser(t)
	b.do("perf enable", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{TimeDomain: performance.EnableTimeDomainThreadTicks})
		return err
	}))
	b.do("hooks", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probeHooks})
		return err
	}))
	if os.Getenv("PROBE_MARK") != "" {
		b.do("mark hook", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probeReadyMark})
			return err
		}))
	}
	for i := range 3 {
		var prof *profiler.Profile
		f := func() {
			if i == 0 {
				b.open("/")
			} else {
				b.do("reload", chromedp.Reload())
				b.waitReady()
			}
		}
		if os.Getenv("PROBE_PROFILE") != "" {
			prof = b.profile("load"+strconv.Itoa(i), f)
		} else {
			f()
		}
		info := eval[string](b, `JSON.stringify({
			ready: document.body.dataset.readyMs, main: window.aslMainMs,
			marks: window.__p.marks.map(m => m[0] + ' ' + m[1].toFixed(0)),
			nav: (e => ({responseEnd: e.responseEnd.toFixed(0), dcl: e.domContentLoadedEventEnd.toFixed(0), load: e.loadEventEnd.toFixed(0)}))(performance.getEntriesByType('navigation')[0]),
			res: performance.getEntriesByType('resource').map(r => r.name.replace(location.origin, '') + ' start ' + r.startTime.toFixed(0) + ' reqStart ' + r.requestStart.toFixed(0) + ' respStart ' + r.responseStart.toFixed(0) + ' end ' + r.responseEnd.toFixed(0) + ' transfer ' + r.transferSize + ' enc ' + r.encodedBodySize + ' dec ' + r.decodedBodySize),
		}, null, 1)`)
		if os.Getenv("PROBE_VERBOSE") != "" {
			t.Logf("visit %d: %s", i, info)
		}
		sum := eval[string](b, `(() => {
			const m = Object.fromEntries(window.__p.marks.map(x => [x[0], x[1].toFixed(0)]));
			const w = performance.getEntriesByType('resource').find(r => r.name.endsWith('/web/app.wasm'));
			return 'ready ' + Number(document.body.dataset.readyMs).toFixed(0) + ' main ' + (window.aslMainMs||0).toFixed(0) + ' instantiated ' + m['instantiated'] +
			  ' | wasm fetch ' + (w ? w.startTime.toFixed(0) + '-' + w.responseEnd.toFixed(0) + ' enc ' + w.encodedBodySize : '?') + ' | scripts ' + m['wasm_exec loaded'] + ' dcl ' + m['DOMContentLoaded'] +
			  ' | marks ' + performance.getEntriesByType('mark').map(e => e.name + ' ' + e.startTime.toFixed(0)).join(', ');
		})()`)
		cpu, task, script, layout := b.metrics()
		t.Logf("SUMMARY visit %d: %s | renderer CPU %.0f ms, main-thread task CPU %.0f (script %.0f, layout %.0f)", i, sum, cpu, task, script, layout)
		if prof != nil {
			summarize(t, prof, 45)
		}
		if os.Getenv("PROBE_GC") != "" {
			t.Logf("gc: %s", eval[string](b, `(window.__gc || []).join("\n")`))
		}
	}
}

// metrics returns the renderer's CPU time (ProcessTime) and main-thread
// task time (TaskDuration), in ms.
func (b *browser) metrics() (cpu, task, script, layout float64) {
	b.do("metrics", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		r, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
		if err != nil {
			return err
		}
		for _, m := range r.Metrics {
			switch m.Name {
			case "ProcessTime":
				cpu = m.Value * 1000
			case "TaskDuration":
				task = m.Value * 1000
			case "ScriptDuration":
				script = m.Value * 1000
			case "LayoutDuration":
				layout = m.Value * 1000
			}
		}
		return nil
	}))
	return
}

func TestProbeEdit(t *testing.T) {
	b := newBrowser(t)
	b.do("perf enable", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{TimeDomain: performance.EnableTimeDomainThreadTicks})
		return err
	}))
	b.open("/")
	b.replaceCode(bigWorkflow(200))
	b.waitFor("200 states", `document.querySelectorAll('[data-state]').length === 200`)
	var edits, cpus, tasks []float64
	var profs []*profiler.Profile
	run := func() {
		for i := range 7 {
			name := "Step " + strconv.Itoa(2*i+1)
			eval[bool](b, `document.querySelector('[data-state="`+name+`"]').dispatchEvent(new PointerEvent('pointerdown', {bubbles: true})) || true`)
			b.waitFor("selection", `document.querySelector('[data-inspector] [data-field="Name"]')?.value === "`+name+`"`)
			b.do("blur", chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur && document.activeElement.blur()`))
			measure := func() float64 {
				return eval[float64](b, `new Promise(resolve => {
			const t0 = performance.now();
			document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'Delete', bubbles: true}));
			const t1 = performance.now();
			const code = document.querySelector('`+codeSel+`');
			const check = () => {
				if (!document.querySelector('[data-state="`+name+`"]') && !code.value.includes('"`+name+`"')) {
					window.__lastSync = t1 - t0;
					resolve(performance.now() - t0);
				} else {
					setTimeout(check, 0);
				}
			};
			check();
		})`, chromedp.EvalAwaitPromise)
			}
			var ms float64
			c0, t0, s0, l0 := b.metrics()
			if os.Getenv("PROBE_PROFILE") != "" {
				profs = append(profs, b.profile("edit"+strconv.Itoa(i), func() { ms = measure() }))
			} else {
				ms = measure()
			}
			c1, t1, s1, l1 := b.metrics()
			t.Logf("edit %d: renderer CPU %.1f ms, main-thread task CPU %.1f ms (script %.1f, layout %.1f)", i, c1-c0, t1-t0, s1-s0, l1-l0)
			cpus = append(cpus, c1-c0)
			tasks = append(tasks, t1-t0)
			sync := eval[float64](b, `window.__lastSync`)
			t.Logf("edit %d: %.1f ms (synchronous part of the keydown %.1f ms)", i, ms, sync)
			edits = append(edits, ms)
		}
	}
	run()
	if len(profs) > 0 {
		summarizeAll(t, profs, 70)
	}
	t.Logf("median %.1f", median(edits))
	t.Logf("CPUMEDIAN renderer CPU %.1f ms, main-thread tasks %.1f ms", median(cpus), median(tasks))
}
