package web

import "github.com/maxence-charriere/go-app/v9/pkg/app"

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
