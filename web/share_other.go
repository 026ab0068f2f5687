//go:build !(js && wasm)

package web

import (
	"bytes"
	"compress/flate"
	"io"
)

// deflate compresses b as raw DEFLATE, as the browser's CompressionStream
// does (native builds and tests).
func deflate(b []byte) ([]byte, error) {
	var out bytes.Buffer
	w, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// inflate undoes deflate.
func inflate(b []byte) ([]byte, error) {
	return io.ReadAll(flate.NewReader(bytes.NewReader(b)))
}

// serviceRequest has no share service to ask outside the browser.
func serviceRequest(method, path string, body []byte) (int, []byte, error) {
	return 0, nil, errNoService
}
