//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildStaticStreamsWasm: the page starts compiling app.wasm from its
// head (in a worker), and app.js instantiates that module, falling
// back to compiling the fetch response itself (no progress-counting copy in
// JavaScript).
func TestBuildStaticStreamsWasm(t *testing.T) {
	out := buildSite(t)
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	head, _, _ := strings.Cut(string(index), "</head>")
	// No preload: the worker's download could not use it, and the page
	// would fetch app.wasm twice.
	if strings.Contains(head, `rel="preload" href="`+wasmURL+`"`) {
		t.Errorf("index.html's head preloads %s, which the worker downloads itself", wasmURL)
	}
	if !strings.Contains(head, wasmEarlyCompile) {
		t.Errorf("index.html's head does not start compiling app.wasm: no %s", wasmEarlyCompile)
	}
	// First in the head: after a stylesheet, the script would run only once
	// the stylesheet has loaded.
	if c, l := strings.Index(head, wasmEarlyCompile), strings.Index(head, `rel="stylesheet"`); c < 0 || l < 0 || c > l {
		t.Errorf("the compile script is at %d of the head, its first stylesheet at %d: want the script first", c, l)
	}
	if strings.Count(string(index), wasmEarlyCompile) != 1 {
		t.Errorf("index.html has the compile script %d times, want once", strings.Count(string(index), wasmEarlyCompile))
	}
	// The worker's source carries the module's URL: nothing to wait for.
	if !strings.Contains(wasmEarlyCompile, `new URL("`+wasmURL+`", location.href)`) || strings.Contains(wasmEarlyCompile, "w.postMessage(") {
		t.Error("the worker should fetch app.wasm as it starts, not on a message from the page")
	}
	js, _ := os.ReadFile(filepath.Join(out, "app.js"))
	if !strings.Contains(string(js), "const wasm = await "+earlyInstantiateNew) || !strings.Contains(string(js), "async function goappInstantiate(") {
		t.Errorf("app.js does not instantiate the module compiled from the head")
	}
	if !strings.Contains(string(js), "instantiateStreaming("+streamedLoaderNew+", importObject)") {
		t.Errorf("app.js's fallback does not hand instantiateStreaming %s", streamedLoaderNew)
	}
	if strings.Contains(string(js), streamedLoaderOld) {
		t.Errorf("app.js still calls %s", streamedLoaderOld)
	}
	// The service worker registers once the app is ready.
	if strings.Contains(string(js), workerInitOld) || !strings.Contains(string(js), workerInitNew) ||
		!strings.Contains(string(js), "function goappInitServiceWorkerWhenReady()") {
		t.Error("app.js does not defer the service worker's registration until the app is ready")
	}
	// A second build over the same site keeps the rewritten loader.
	if err := streamWasmLoader(out); err != nil {
		t.Errorf("rewriting a rewritten app.js: %v", err)
	}
	again, _ := os.ReadFile(filepath.Join(out, "app.js"))
	if string(again) != string(js) {
		t.Error("rewriting a rewritten app.js changed it")
	}
	if err := headFirst(out); err != nil {
		t.Errorf("rewriting a rewritten index.html: %v", err)
	}
	if again, _ := os.ReadFile(filepath.Join(out, "index.html")); string(again) != string(index) {
		t.Error("rewriting a rewritten index.html changed it")
	}
	// A loader or a page that changed shape is reported, not silently kept.
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "app.js"), []byte("instantiate(fetchSomehow())"), 0o644)
	if err := streamWasmLoader(other); err == nil || !strings.Contains(err.Error(), "build_static_loader.go") {
		t.Errorf("an unknown app.js: error %v, want one naming the file to update", err)
	}
	os.WriteFile(filepath.Join(other, "index.html"), []byte("<html><head><title>x</title></head></html>"), 0o644)
	if err := headFirst(other); err == nil || !strings.Contains(err.Error(), "build_static_loader.go") {
		t.Errorf("an unknown page: error %v, want one naming the file to update", err)
	}
}
