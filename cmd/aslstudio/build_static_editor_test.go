//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// With --editor, the CodeMirror bundle is published as /web/editor.js, every
// page loads it, the service worker caches it, and it takes part in the
// version; without it, no page refers to it.
func TestBuildStaticPublishesEditorBundle(t *testing.T) {
	dir := t.TempDir()
	wasm := filepath.Join(dir, "app.wasm")
	bundle := filepath.Join(dir, "editor.js")
	if err := os.WriteFile(wasm, fakeWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	build := func(name string, extra ...string) (string, string) {
		out := filepath.Join(dir, name)
		var stdout, stderr bytes.Buffer
		args := append([]string{"build-static", "--wasm", wasm, "--out", out}, extra...)
		if code := run(args, &stdout, &stderr); code != exitOK {
			t.Fatalf("build-static %v exit %d: %s", extra, code, stderr.String())
		}
		return out, stdout.String()
	}
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	plain, plainOut := build("plain")
	if strings.Contains(read(filepath.Join(plain, "index.html")), "editor.js") {
		t.Error("without --editor the page still loads editor.js")
	}

	src := "window.aslEditor = {mount() {}};"
	os.WriteFile(bundle, []byte(src), 0o644)
	site, out1 := build("a", "--editor", bundle)
	if got := read(filepath.Join(site, "web", "editor.js")); got != src {
		t.Errorf("web/editor.js = %q, want the bundle", got)
	}
	// Served pre-compressed when the browser accepts it, as it is otherwise.
	h := newSiteHandler(site, "", nil)
	for _, tc := range []struct{ accept, encoding string }{{"gzip, deflate, br", "br"}, {"gzip", "gzip"}, {"", ""}} {
		resp := get(t, h, "/web/editor.js", tc.accept)
		body, _ := io.ReadAll(resp.Body)
		if ce := resp.Header.Get("Content-Encoding"); ce != tc.encoding {
			t.Errorf("editor.js with Accept-Encoding %q: Content-Encoding %q, want %q", tc.accept, ce, tc.encoding)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
			t.Errorf("editor.js Content-Type %q", ct)
		}
		var plain []byte
		switch tc.encoding {
		case "br":
			plain, _ = io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
		case "gzip":
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			plain, _ = io.ReadAll(zr)
		default:
			plain = body
		}
		if string(plain) != src {
			t.Errorf("editor.js with Accept-Encoding %q decodes to %q", tc.accept, plain)
		}
	}
	if tag := regexp.MustCompile(`<script[^>]*src="/web/editor.js"[^>]*>`).FindString(read(filepath.Join(site, "index.html"))); !strings.Contains(tag, "defer") {
		t.Error("index.html does not load /web/editor.js (deferred)")
	}
	if !strings.Contains(read(filepath.Join(site, "app-worker.js")), `"/web/editor.js"`) {
		t.Error("the service worker does not cache /web/editor.js")
	}
	os.WriteFile(bundle, []byte(src+"// changed"), 0o644)
	_, out2 := build("b", "--editor", bundle)
	if version(out1) == version(out2) || version(out1) == version(plainOut) {
		t.Errorf("versions %q, %q, %q: a changed bundle must change the version", version(plainOut), version(out1), version(out2))
	}

	var stderr bytes.Buffer
	if code := run([]string{"build-static", "--wasm", wasm, "--out", filepath.Join(dir, "c"), "--editor", filepath.Join(dir, "missing.js")}, &bytes.Buffer{}, &stderr); code != exitFail || !strings.Contains(stderr.String(), "editor bundle") {
		t.Errorf("a missing bundle: exit %d, %q", code, stderr.String())
	}
}

// version extracts "(version X)" from build-static's report.
func version(out string) string {
	_, v, _ := strings.Cut(out, "(version ")
	v, _, _ = strings.Cut(v, ")")
	return v
}
