//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// fakeWasm is enough bytes to compress; build-static does not look inside.
var fakeWasm = bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00 ASL Studio "), 4096)

func buildSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	wasm := filepath.Join(dir, "app.wasm")
	if err := os.WriteFile(wasm, fakeWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "site")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build-static", "--wasm", wasm, "--out", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("build-static exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "bytes brotli") {
		t.Errorf("build-static does not report the brotli size: %q", stdout.String())
	}
	return out
}

func TestBuildStaticWritesSite(t *testing.T) {
	out := buildSite(t)
	for _, f := range []string{"index.html", "app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest",
		"web/app.css", "web/icon-192.png", "web/icon-512.png", "web/icon.svg", "web/app.wasm"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("site lacks %s: %v", f, err)
		}
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(index), `data-state="`) {
		t.Error("index.html is not pre-rendered with the default example's states")
	}
	// Offline installs fail on remote resources: nothing may point off-site.
	for _, f := range []string{"index.html", "app-worker.js", "manifest.webmanifest"} {
		b, _ := os.ReadFile(filepath.Join(out, f))
		if bytes.Contains(b, []byte("https://")) {
			t.Errorf("%s references a remote resource", f)
		}
	}
	br, err := os.ReadFile(filepath.Join(out, "web", "app.wasm.br"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
	if err != nil || !bytes.Equal(got, fakeWasm) {
		t.Errorf("app.wasm.br does not decompress to app.wasm (err %v)", err)
	}
	gz, err := os.ReadFile(filepath.Join(out, "web", "app.wasm.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, fakeWasm) {
		t.Errorf("app.wasm.gz does not decompress to app.wasm (err %v)", err)
	}
}

func TestBuildStaticUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build-static"}, &stdout, &stderr); code != exitUsage {
		t.Errorf("without --wasm: exit %d, want %d", code, exitUsage)
	}
	if code := run([]string{"build-static", "--wasm", filepath.Join(t.TempDir(), "missing.wasm")}, &stdout, &stderr); code != exitFail {
		t.Errorf("missing wasm: exit %d, want %d", code, exitFail)
	}
}
