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
// the page only when the download was done. The worker starts on its own,
// with the module's URL in its source: a message from the page would reach
// it only once both threads got to it, 60-290 ms later on a first visit.
// headFirst puts the script first in the head, where it runs as soon as it
// is parsed: after the stylesheets it would wait for them to load. go-app's
// loader (app.js, deferred) instantiates the module (earlyInstantiate); the
// marks asl-compiled, asl-instantiate and asl-instantiated time it
// (bench/web prints them). When the worker fails, app.js compiles as before.
const wasmEarlyCompile = `<script>window.aslWasm = new Promise((resolve, reject) => {
  const url = new URL("` + wasmURL + `", location.href).href;
  const src = "WebAssembly.compileStreaming(fetch(" + JSON.stringify(url) + ")).then((m) => postMessage(m), (err) => postMessage(String(err)));";
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
});</script>`

// headStart is where wasmEarlyCompile goes in every page go-app writes: the
// head's first element.
const headStart = "<head>\n<meta charset=\"UTF-8\">\n"

// headFirst puts wasmEarlyCompile first in the head of every page in out.
func headFirst(out string) error {
	pages, err := filepath.Glob(filepath.Join(out, "*.html"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte(headStart+wasmEarlyCompile)) {
			continue
		}
		if bytes.Count(b, []byte(headStart)) != 1 {
			return fmt.Errorf("%s: go-app's page no longer starts its head with %q; update build_static_loader.go", p, headStart)
		}
		b = bytes.Replace(b, []byte(headStart), []byte(headStart+wasmEarlyCompile+"\n"), 1)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

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
