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
