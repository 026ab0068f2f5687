//go:build !(js && wasm)

package web

import (
	"os"
	"path/filepath"
	"time"

	"github.com/aslstudio/aslstudio/engine/catalog"
)

// catalogDir is where the native build reads the catalog's files from: the
// directory catalog.FindDir finds ($ASLSTUDIO_CATALOG, engine/catalog/data
// in the repository…). Tests point it at a fixture.
var catalogDir = func() (string, error) { return catalog.FindDir() }

// fetchCatalogFile reads a file of the catalog (path relative to its root,
// e.g. "index.json") outside the browser: in tests and pre-rendering.
func fetchCatalogFile(path string) ([]byte, error) {
	dir, err := catalogDir()
	if err != nil {
		return nil, err
	}
	return os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
}

var clockStart = time.Now()

// nowMillis is a monotonic clock in milliseconds.
func nowMillis() float64 {
	return float64(time.Since(clockStart).Nanoseconds()) / 1e6
}
