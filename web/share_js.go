//go:build js && wasm

package web

import (
	"errors"
	"syscall/js"
)

// deflate compresses b as raw DEFLATE with the browser's CompressionStream
// (no compressor of our own in app.wasm). It blocks: call it off the UI
// goroutine.
func deflate(b []byte) ([]byte, error) { return throughStream(b, "CompressionStream") }

// inflate undoes deflate with the browser's DecompressionStream.
func inflate(b []byte) ([]byte, error) { return throughStream(b, "DecompressionStream") }

func throughStream(b []byte, ctor string) ([]byte, error) {
	g := js.Global()
	if !g.Get(ctor).Truthy() {
		return nil, errors.New("this browser has no " + ctor)
	}
	arr := g.Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(arr, b)
	stream := g.Get("Blob").New([]any{arr}).Call("stream").Call("pipeThrough", g.Get(ctor).New("deflate-raw"))
	return responseBytes(g.Get("Response").New(stream))
}

// serviceRequest sends a request to the share service at path, relative
// to the page, and returns the status and body of its answer. It blocks:
// call it off the UI goroutine.
func serviceRequest(method, path string, body []byte) (int, []byte, error) {
	g := js.Global()
	url := g.Get("URL").New(path, g.Get("document").Get("baseURI")).Call("toString").String()
	opts := map[string]any{"method": method, "cache": "no-store"}
	if body != nil {
		opts["headers"] = map[string]any{"Content-Type": "application/json"}
		opts["body"] = string(body)
	}
	resp, err := await(g.Call("fetch", url, opts))
	if err != nil {
		return 0, nil, err
	}
	b, err := responseBytes(resp)
	return resp.Get("status").Int(), b, err
}
