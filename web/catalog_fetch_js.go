//go:build js && wasm

package web

import (
	"fmt"
	"syscall/js"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// catalogCacheName is the Cache Storage bucket that keeps the catalog files
// the app fetched: go-app's service worker cache of this version of the site
// ("app-" + GOAPP_VERSION). Its fetch handler answers from there first, so
// what was loaded once works offline, and its activation deletes the bucket
// when a new version (build-static hashes the catalog into it) takes over.
func catalogCacheName() string {
	return "app-" + app.Getenv("GOAPP_VERSION")
}

// fetchCatalogFile fetches a file of the catalog the site serves under
// /web/catalog/ (path relative to it, e.g. "index.json"). The server sends
// the pre-compressed .br or .gz variant with a Content-Encoding, so the
// browser decompresses it. It asks the network first, so a new catalog is
// seen at once, and falls back to the copy kept in Cache Storage when the
// network fails. It blocks: call it off the UI goroutine.
func fetchCatalogFile(path string) ([]byte, error) {
	url := catalogURL + path
	resp, err := await(js.Global().Call("fetch", url))
	if err == nil && !resp.Get("ok").Bool() {
		err = fmt.Errorf("%s: HTTP %d", url, resp.Get("status").Int())
	}
	caches := js.Global().Get("caches")
	if err != nil {
		if caches.Truthy() {
			if c, cerr := await(caches.Call("match", url)); cerr == nil && c.Truthy() {
				return responseBytes(c)
			}
		}
		return nil, err
	}
	if caches.Truthy() {
		// Keep a copy for offline use; failures only cost offline use.
		copy := resp.Call("clone")
		if c, cerr := await(caches.Call("open", catalogCacheName())); cerr == nil {
			c.Call("put", url, copy)
		}
	}
	return responseBytes(resp)
}

// responseBytes reads a fetch Response's body.
func responseBytes(resp js.Value) ([]byte, error) {
	buf, err := await(resp.Call("arrayBuffer"))
	if err != nil {
		return nil, err
	}
	arr := js.Global().Get("Uint8Array").New(buf)
	b := make([]byte, arr.Get("length").Int())
	js.CopyBytesToGo(b, arr)
	return b, nil
}

// await waits for a JavaScript promise.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	var ok, fail js.Func
	ok = js.FuncOf(func(this js.Value, args []js.Value) any {
		var v js.Value
		if len(args) > 0 {
			v = args[0]
		}
		ch <- result{v: v}
		return nil
	})
	fail = js.FuncOf(func(this js.Value, args []js.Value) any {
		msg := "promise rejected"
		if len(args) > 0 {
			msg = args[0].Call("toString").String()
		}
		ch <- result{err: fmt.Errorf("%s", msg)}
		return nil
	})
	p.Call("then", ok, fail)
	r := <-ch
	ok.Release()
	fail.Release()
	return r.v, r.err
}

// nowMillis is the page's high-resolution clock (performance.now()).
func nowMillis() float64 {
	return js.Global().Get("performance").Call("now").Float()
}
