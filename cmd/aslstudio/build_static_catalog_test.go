//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestBuildStaticPublishesTheCatalogCompressed(t *testing.T) {
	fixture := catalogFixture(t)
	t.Setenv("ASLSTUDIO_CATALOG", fixture)
	site := buildSite(t)
	h := newSiteHandler(site, "", nil)
	for _, tc := range []struct {
		file, accept, encoding string
	}{
		{"index.json", "gzip, deflate, br", "br"},
		{"index.json", "gzip", "gzip"},
		{"index.json", "", ""},
		{"services/dynamodb.json", "gzip, deflate, br", "gzip"},
		{"services/dynamodb.json", "identity", ""},
	} {
		want, err := os.ReadFile(filepath.Join(fixture, filepath.FromSlash(tc.file)))
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest("GET", "/web/catalog/"+tc.file, nil)
		if tc.accept != "" {
			req.Header.Set("Accept-Encoding", tc.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Errorf("%s: HTTP %d", tc.file, rec.Code)
			continue
		}
		if got := rec.Header().Get("Content-Encoding"); got != tc.encoding {
			t.Errorf("%s with Accept-Encoding %q: Content-Encoding %q, want %q", tc.file, tc.accept, got, tc.encoding)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s: Content-Type %q", tc.file, ct)
		}
		body := rec.Body.Bytes()
		switch tc.encoding {
		case "br":
			body, err = io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
		case "gzip":
			var zr *gzip.Reader
			if zr, err = gzip.NewReader(bytes.NewReader(body)); err == nil {
				body, err = io.ReadAll(zr)
			}
		}
		if err != nil || !bytes.Equal(body, want) {
			t.Errorf("%s (%s): the body is not the catalog's file (err %v)", tc.file, tc.encoding, err)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/web/catalog/services/nosuch.json", nil))
	if rec.Code != 404 {
		t.Errorf("a missing service file: HTTP %d, want 404", rec.Code)
	}
}
