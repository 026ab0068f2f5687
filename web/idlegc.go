package web

import (
	"runtime"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Collecting garbage when the page is idle. Go's collector runs when the
// heap reaches its goal, which is whenever an edit happens to push it
// there: on a 200-state workflow every edit leaves megabytes of garbage
// (the old model, its drawing, its code), and the edit that met the goal
// paid for a collection of the whole heap (bench/web: edits with the
// collector off took a third less at the median). After an edit the page
// asks for an idle moment and collects then, once the heap is past
// idleGCShare of the way to the goal, so that an edit seldom meets it.

// idleGCShare is how far the heap must have grown towards the collector's
// goal (runtime.MemStats.NextGC) for an idle collection to be worth it.
const idleGCShare = 0.4

// gcWhenIdle asks the browser for an idle moment to collect garbage.
func (s *Studio) gcWhenIdle() {
	if !app.IsClient || s.gcAsked {
		return
	}
	s.gcAsked = true
	var fn app.Func
	fn = app.FuncOf(func(this app.Value, args []app.Value) any {
		fn.Release()
		s.gcAsked = false
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if m.NextGC > 0 && float64(m.HeapAlloc) > idleGCShare*float64(m.NextGC) {
			runtime.GC()
		}
		return nil
	})
	w := app.Window()
	if w.Get("requestIdleCallback").Truthy() {
		w.Call("requestIdleCallback", fn)
	} else {
		w.Call("setTimeout", fn, 300)
	}
}
