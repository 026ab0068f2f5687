//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// wasmURL is where the site serves app.wasm (go-app's default).
const wasmURL = "/web/app.wasm"

// wasmPreload starts app.wasm's download with the page, while the browser
// is still parsing it and loading the style sheets and scripts, rather than
// once app.js runs. The fetch in app.js (same URL, same CORS mode and
// credentials) takes over the preloaded response.
const wasmPreload = `<link rel="preload" href="` + wasmURL + `" as="fetch" type="application/wasm" crossorigin="anonymous">`

// go-app's loader hands WebAssembly.instantiateStreaming a Response it
// builds around a ReadableStream that copies every chunk of app.wasm
// through JavaScript to count progress. That costs main-thread time on every
// chunk and, as such a Response has no URL, keeps the browser from caching
// the compiled code for the next visit. streamedLoaderOld is that call in
// the app.js go-app writes; streamedLoaderNew compiles the fetch response
// itself.
const (
	streamedLoaderOld = `fetchWithProgress("` + wasmURL + `", showProgress)`
	streamedLoaderNew = `fetch("` + wasmURL + `")`
)

// streamWasmLoader rewrites the app.js that GenerateStaticWebsite wrote in
// out to compile app.wasm straight from its response.
func streamWasmLoader(out string) error {
	p := filepath.Join(out, "app.js")
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if bytes.Contains(b, []byte(streamedLoaderNew)) && !bytes.Contains(b, []byte(streamedLoaderOld)) {
		return nil
	}
	if bytes.Count(b, []byte(streamedLoaderOld)) != 1 {
		return fmt.Errorf("%s: go-app's loader no longer calls %s once; update build_static_loader.go", p, streamedLoaderOld)
	}
	return os.WriteFile(p, bytes.Replace(b, []byte(streamedLoaderOld), []byte(streamedLoaderNew), 1), 0o644)
}
