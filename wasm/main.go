// Command wasm is ASL Studio's browser entry point (GOOS=js GOARCH=wasm): it
// registers the routes and starts the go-app client. The server side lives
// in cmd/aslstudio, so none of it is compiled into app.wasm.
package main

import (
	"runtime/debug"

	"github.com/aslstudio/aslstudio/web"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func main() {
	if app.IsClient {
		// When main starts (after the Go runtime and every package's init),
		// for the benchmark's breakdown of the time to an interactive canvas.
		w := app.Window()
		w.Set("aslMainMs", w.Get("performance").Call("now"))
	}
	// The heap of a large workflow's editor is mostly its document and
	// drawing, replaced on every edit: collecting less often (the browser
	// has memory to spare) keeps garbage collection out of most edits.
	debug.SetGCPercent(400)
	web.Routes()
	app.RunWhenOnBrowser()
}
