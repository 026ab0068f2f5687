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

// wasmEarlyCompile starts compiling app.wasm from the page's head, in a
// dedicated worker: the worker downloads and compiles it (a WebAssembly
// module posts to the page as it is), so the 13.6 MB of code never pass
// through the page's main thread, which meanwhile parses the page and runs
// its scripts. Compiled on the main thread, a first visit finished parsing
// the page only when the download was done. go-app's loader (app.js,
// deferred) instantiates the module (earlyInstantiate); the marks
// asl-compiled, asl-instantiate and asl-instantiated time it (bench/web
// prints them). When the worker fails, app.js compiles as before.
const wasmEarlyCompile = `<script>window.aslWasm = new Promise((resolve, reject) => {
  const src = "onmessage = async (e) => { try { postMessage(await WebAssembly.compileStreaming(fetch(e.data))); } catch (err) { postMessage(String(err)); } };";
  const w = new Worker(URL.createObjectURL(new Blob([src], { type: "text/javascript" })));
  w.onmessage = (e) => {
    w.terminate();
    if (e.data instanceof WebAssembly.Module) {
      performance.mark("asl-compiled");
      resolve(e.data);
    } else {
      reject(new Error(e.data));
    }
  };
  w.onerror = (e) => { w.terminate(); reject(new Error(e.message)); };
  w.postMessage(new URL("` + wasmURL + `", location.href).href);
});</script>`

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

// earlyInstantiateOld is app.js's instantiation once streamedLoaderNew is
// in; earlyInstantiateNew takes the module compiled from the head
// (wasmEarlyCompile) and falls back to compiling there when that failed.
const (
	earlyInstantiateOld = "instantiateStreaming(\n      " + streamedLoaderNew + ",\n      go.importObject\n    )"
	earlyInstantiateNew = "goappInstantiate(go.importObject, instantiateStreaming)"
	earlyInstantiateFn  = `
// build-static: instantiate the module whose compile the page's head started.
async function goappInstantiate(importObject, instantiateStreaming) {
  const early = window.aslWasm;
  const module = early && await early.catch((err) => {
    console.warn("compiling app.wasm from the page's head failed", err);
    return null;
  });
  if (module) {
    performance.mark("asl-instantiate");
    const instance = await WebAssembly.instantiate(module, importObject);
    performance.mark("asl-instantiated");
    return { instance };
  }
  return instantiateStreaming(` + streamedLoaderNew + `, importObject);
}
`
)

// On a first visit the service worker's install downloads and caches the
// whole site again, app.wasm included, while the page is still compiling and
// starting it: go-app's app.js registers it as it starts (workerInitOld).
// workerInitNew registers it once the studio is ready (body[data-ready]),
// or after workerDelayMs when the app never gets there.
const (
	workerInitOld   = "\ngoappInitServiceWorker();\n"
	workerInitNew   = "\ngoappInitServiceWorkerWhenReady();\n"
	workerDelayMs   = "10000"
	workerWhenReady = `
// build-static: register the service worker once the app is ready.
function goappInitServiceWorkerWhenReady() {
  let started = false;
  const start = () => {
    if (!started) {
      started = true;
      goappInitServiceWorker();
    }
  };
  const ready = () => document.body && document.body.dataset.ready === "true";
  if (ready()) {
    start();
    return;
  }
  const obs = new MutationObserver(() => {
    if (ready()) {
      obs.disconnect();
      start();
    }
  });
  const watch = () => obs.observe(document.body, { attributes: true, attributeFilter: ["data-ready"] });
  if (document.body) {
    watch();
  } else {
    document.addEventListener("DOMContentLoaded", watch);
  }
  setTimeout(start, ` + workerDelayMs + `);
}
`
)

// streamWasmLoader rewrites the app.js that GenerateStaticWebsite wrote in
// out to instantiate the app.wasm the page's head compiles from its
// response, and to register the service worker once the app is ready.
func streamWasmLoader(out string) error {
	p := filepath.Join(out, "app.js")
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	for _, r := range []struct{ old, new, add string }{
		{streamedLoaderOld, streamedLoaderNew, ""},
		{earlyInstantiateOld, earlyInstantiateNew, earlyInstantiateFn},
		{workerInitOld, workerInitNew, workerWhenReady},
	} {
		if bytes.Contains(b, []byte(r.new)) && !bytes.Contains(b, []byte(r.old)) {
			continue
		}
		if bytes.Count(b, []byte(r.old)) != 1 {
			return fmt.Errorf("%s: go-app's app.js no longer has %q once; update build_static_loader.go", p, r.old)
		}
		b = append(bytes.Replace(b, []byte(r.old), []byte(r.new), 1), r.add...)
	}
	return os.WriteFile(p, b, 0o644)
}
