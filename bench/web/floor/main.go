// Command floor is the smallest go-app program: one component that marks
// the page ready when it mounts. bench/web serves it in place of app.wasm,
// with the studio's own page, loader and styles, to measure the floor a
// go-app page has on this machine and browser: the time to a first visit's
// ready mark that no work of ASL Studio's can remove.
package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// hello is the page: a text, and the ready marks the benchmark waits for.
type hello struct{ app.Compo }

// Render draws the page.
func (h *hello) Render() app.UI { return app.Div().Text("hello") }

// OnMount sets data-ready-ms and data-ready on <body>, as the studio does
// once its canvas is interactive, and data-code-ready, which the studio sets
// once its code editor is up (the e2e harness's waitReady waits for both).
func (h *hello) OnMount(ctx app.Context) {
	w := app.Window()
	body := w.Get("document").Get("body")
	body.Call("setAttribute", "data-ready-ms", w.Get("performance").Call("now").Float())
	body.Call("setAttribute", "data-ready", "true")
	body.Call("setAttribute", "data-code-ready", "true")
}

func main() {
	app.Route("/", &hello{})
	app.RunWhenOnBrowser()
}
