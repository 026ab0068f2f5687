//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"hash"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/aslstudio/aslstudio/engine/catalog"
)

// catalogSitePath is where the site holds the service catalog; the web app
// fetches it from there (web.catalogURL).
const catalogSitePath = "/web/catalog/"

// publishCatalog copies the generated catalog (the directory catalog.FindDir
// finds: $ASLSTUDIO_CATALOG or engine/catalog/data) into the site under
// web/catalog/, so that app.wasm carries none of it. index.json keeps the
// .br and .gz forms `make catalog` wrote; each service file gets a .gz form,
// so the server sends every file compressed (serveCatalogFile). Everything
// copied goes into h, the site's version: a new catalog is a new version of
// the service worker's cache. With no generated catalog it copies nothing
// and says so on stderr: the palette's action search then reports it.
func publishCatalog(h hash.Hash, out string) error {
	src, err := catalog.FindDir()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build-static: %v; the palette's action search will not work\n", err)
		return nil
	}
	// Files are overwritten in place, not the directory removed first: a
	// build running at the same time may be serving or writing it.
	dst := filepath.Join(out, filepath.FromSlash(strings.Trim(catalogSitePath, "/")))
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		h.Write([]byte(filepath.ToSlash(rel)))
		h.Write(b)
		target := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, b, 0o644); err != nil {
			return err
		}
		if filepath.Ext(p) != ".json" || fileExists(p+".gz") {
			return nil
		}
		gz, err := gzipDefault(b)
		if err != nil {
			return err
		}
		return os.WriteFile(target+".gz", gz, 0o644)
	})
	if err != nil {
		return fmt.Errorf("copying the catalog %s: %w", src, err)
	}
	return nil
}

// gzipDefault compresses at gzip's default level: 16 MB of service files
// take well under a second.
func gzipDefault(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// isCatalogFile reports whether a cleaned request path is a catalog file.
func isCatalogFile(p string) bool {
	return strings.HasPrefix(p, catalogSitePath) && path.Ext(p) == ".json"
}

// serveCatalogFile answers with the .br or .gz form of a catalog JSON file
// when the client accepts that encoding and the form exists, else with the
// file itself, as serveWasm does for app.wasm.
func serveCatalogFile(w http.ResponseWriter, r *http.Request, file string) {
	if !fileExists(file) {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Vary", "Accept-Encoding")
	servePrecompressed(w, r, file)
}
