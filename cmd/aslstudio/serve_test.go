//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/aslstudio/aslstudio/worker/designs"
)

func get(t *testing.T, h http.Handler, path, acceptEncoding string) *http.Response {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestServeWasmEncodings(t *testing.T) {
	site := buildSite(t)
	h := newSiteHandler(site, "", nil)
	for _, tc := range []struct {
		accept, wantEncoding string
	}{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip;q=0.8", "gzip"},
		{"", ""},
	} {
		resp := get(t, h, "/web/app.wasm", tc.accept)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("Accept-Encoding %q: status %d", tc.accept, resp.StatusCode)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/wasm" {
			t.Errorf("Accept-Encoding %q: Content-Type %q", tc.accept, ct)
		}
		if ce := resp.Header.Get("Content-Encoding"); ce != tc.wantEncoding {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tc.accept, ce, tc.wantEncoding)
		}
		if n, _ := strconv.Atoi(resp.Header.Get(wasmLengthHeader)); n != len(fakeWasm) {
			t.Errorf("%s = %d, want the raw size %d", wasmLengthHeader, n, len(fakeWasm))
		}
		if resp.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("Cache-Control %q, want no-cache", resp.Header.Get("Cache-Control"))
		}
		if tc.wantEncoding == "br" {
			raw, err := io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
			if err != nil || !bytes.Equal(raw, fakeWasm) {
				t.Errorf("brotli body does not decode to app.wasm (err %v)", err)
			}
		}
		if tc.wantEncoding == "" && !bytes.Equal(body, fakeWasm) {
			t.Errorf("identity body differs from app.wasm")
		}
	}
}

func TestServePagesAndOpen(t *testing.T) {
	site := buildSite(t)
	file := filepath.Join(t.TempDir(), "flow.asl.json")
	def := `{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}`
	os.WriteFile(file, []byte(def), 0o644)
	h := newSiteHandler(site, file, nil)

	for _, p := range []string{"/", "/some/route", "/web/app.css", "/app-worker.js"} {
		if resp := get(t, h, p, ""); resp.StatusCode != 200 {
			t.Errorf("GET %s: status %d", p, resp.StatusCode)
		}
	}
	resp := get(t, h, openPath, "")
	var got struct{ Name, Source string }
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || got.Source != def || got.Name != "flow.asl.json" {
		t.Errorf("GET %s = %+v (err %v), want the served file", openPath, got, err)
	}
	if resp := get(t, newSiteHandler(site, "", nil), openPath, ""); resp.StatusCode != http.StatusNoContent {
		t.Errorf("GET %s with no file: status %d, want 204", openPath, resp.StatusCode)
	}
}

// The share service answers beside the site: a design posted can be read
// back, also by a server started again on the same folder.
func TestServeShareService(t *testing.T) {
	site := buildSite(t)
	store := t.TempDir()
	post := func(h http.Handler) string {
		req := httptest.NewRequest("POST", designs.Path, strings.NewReader(`{"definition":"{}","title":"T"}`))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var m map[string]string
		if rec.Code != http.StatusCreated || json.Unmarshal(rec.Body.Bytes(), &m) != nil || m["id"] == "" {
			t.Fatalf("POST %s: %d %s", designs.Path, rec.Code, rec.Body)
		}
		return m["id"]
	}
	id := post(newSiteHandler(site, "", designs.Handler(designs.Dir(store), "")))
	again := newSiteHandler(site, "", designs.Handler(designs.Dir(store), ""))
	resp := get(t, again, designs.Path+"/"+id, "")
	var d map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&d); err != nil || resp.StatusCode != 200 || d["title"] != "T" {
		t.Errorf("GET the design from a new server on the folder: %d %v (%v)", resp.StatusCode, d, err)
	}
	// Off, the address is a route of the app, as on a static host: the app
	// sees a page, not the service.
	if resp := get(t, newSiteHandler(site, "", nil), designs.Path+"/"+id, ""); !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("with the service off: %d %s, want the app's page", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

func TestServeUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"serve", "--dir", t.TempDir()}, &stdout, &stderr); code != exitUsage {
		t.Errorf("serve on a directory without a site: exit %d, want %d", code, exitUsage)
	}
	if code := run([]string{"serve", "--share", "", "--dir", t.TempDir()}, &stdout, &stderr); code != exitUsage {
		t.Errorf("an empty --share: exit %d, want %d", code, exitUsage)
	}
	if code := run([]string{"serve", "a", "b"}, &stdout, &stderr); code != exitUsage {
		t.Errorf("two files: exit %d, want %d", code, exitUsage)
	}
}

func TestAcceptsEncoding(t *testing.T) {
	for _, tc := range []struct {
		header, token string
		want          bool
	}{
		{"gzip, br", "br", true},
		{"gzip", "br", false},
		{"BR;q=0.5", "br", true},
		{"br; q=0", "br", false},
		{"brotli", "br", false},
	} {
		if got := acceptsEncoding(tc.header, tc.token); got != tc.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v, want %v", tc.header, tc.token, got, tc.want)
		}
	}
}
