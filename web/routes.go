// Package web holds the go-app components of ASL Studio: the shell, the
// canvas, the palette, the inspector and the code pane. It compiles both for
// the browser (GOOS=js) and natively, so components are tested with
// app.NewClientTester and the native command can pre-render the pages.
package web

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Routes registers the app's pages. Both the WASM entry point and the
// native static-site generator call it, so that the pre-rendered pages and
// the running app agree.
func Routes() {
	app.RouteFunc("/", func() app.Composer { return &Studio{} })
	app.RouteFunc(EmbedPath, func() app.Composer { return &Studio{embed: true} })
}

// EmbedPath is the page a documentation site frames (static/embed.js) to
// show and run a workflow in place: the studio's canvas, run panel and code
// views, on the design its #design= or #share= fragment names, without
// the editor's chrome. It keeps nothing in the browser: the user's own
// work in the studio, autosaved on the same origin, is left alone.
const EmbedPath = "/embed"
