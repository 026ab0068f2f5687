// Package static holds what the browser loads besides app.wasm: the style
// sheet, the icons (local, so that the service worker can cache them and the
// app works offline) and the page scripts. build-static copies them into the
// site's web/ folder.
package static

import "embed"

// Files are the static resources, served under /web/ by the built site.
//
//go:embed *.css *.png *.svg *.js *.html
var Files embed.FS
