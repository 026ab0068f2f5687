package web

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// markReady sets data-ready="true" on <body>. The page is pre-rendered, so
// browser tests wait for this attribute (set once the WASM has mounted the
// studio) rather than for the first DOM.
func markReady() {
	if !app.IsClient {
		return
	}
	w := app.Window()
	body := w.Get("document").Get("body")
	// data-ready-ms is the time since navigation started, for the benchmark.
	body.Call("setAttribute", "data-ready-ms", w.Get("performance").Call("now").Float())
	body.Call("setAttribute", "data-ready", "true")
}

// markCodeReady sets data-code-ready="true" on <body> once the code pane
// has its final editor, CodeMirror (data-code-ready-ms: since navigation
// started); once per page.
func markCodeReady() {
	if !app.IsClient {
		return
	}
	w := app.Window()
	body := w.Get("document").Get("body")
	if body.Call("hasAttribute", "data-code-ready").Bool() {
		return
	}
	body.Call("setAttribute", "data-code-ready-ms", w.Get("performance").Call("now").Float())
	body.Call("setAttribute", "data-code-ready", "true")
}

// afterPaint runs fn on the UI goroutine in a browser task of its own once
// the next frame has been painted (an animation frame, then a timer). A Go
// timer would not do: while Go is busy the runtime runs due timers in the
// same browser task, before anything is painted. Outside a browser fn runs
// at once.
func afterPaint(ctx app.Context, fn func(app.Context)) {
	if !app.IsClient {
		fn(ctx)
		return
	}
	var frame app.Func
	frame = app.FuncOf(func(this app.Value, args []app.Value) any {
		frame.Release()
		afterDelay(ctx, 0, fn)
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
}

// afterDelay runs fn on the UI goroutine in a browser task of its own after
// d (a window timer). ctx.After's Go timer would not do for work that must
// not join the task in progress: while Go is busy (a large edit taking
// longer than d) the runtime runs due timers in the same browser task.
// Outside a browser it is ctx.After.
func afterDelay(ctx app.Context, d time.Duration, fn func(app.Context)) {
	if !app.IsClient {
		ctx.After(d, fn)
		return
	}
	var timer app.Func
	timer = app.FuncOf(func(this app.Value, args []app.Value) any {
		timer.Release()
		ctx.Dispatch(fn)
		return nil
	})
	app.Window().Call("setTimeout", timer, d.Milliseconds())
}
