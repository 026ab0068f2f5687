//go:build workerd

package main

// The share Worker as Cloudflare runs it: built by `make worker` into
// $ASLSTUDIO_WORKER and run in workerd through miniflare (test/serve.mjs,
// with a local KV namespace and a folder of static assets), asked over
// HTTP. `make worker-test` (part of make test) builds it and runs this.

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/worker/designs"
)

// startWorker runs the Worker with assets as its static assets and returns
// its address.
func startWorker(t *testing.T, assets string) string {
	t.Helper()
	dir := os.Getenv("ASLSTUDIO_WORKER")
	if dir == "" {
		t.Fatal("set ASLSTUDIO_WORKER to the Worker built by `make worker` (build/worker)")
	}
	cmd := exec.Command(filepath.Join("test", "node_modules", ".bin", "node"), filepath.Join("test", "serve.mjs"), dir, "0", assets)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting miniflare: %v (make worker-test installs it)", err)
	}
	t.Cleanup(func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() })
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if url, ok := strings.CutPrefix(sc.Text(), "listening "); ok {
				found <- strings.TrimSuffix(url, "/")
			}
		}
		close(found)
	}()
	select {
	case url, ok := <-found:
		if !ok {
			t.Fatal("miniflare stopped before it listened")
		}
		return url
	case <-time.After(60 * time.Second):
		t.Fatal("miniflare did not listen within 60 s")
	}
	return ""
}

func call(t *testing.T, method, url, ctype, body string) (*http.Response, map[string]string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var m map[string]string
	if len(b) > 0 && strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s %s: %v\n%s", method, url, err, b)
		}
	}
	if m == nil {
		m = map[string]string{"body": string(b)}
	}
	return res, m
}

func TestWorkerInWorkerd(t *testing.T) {
	assets := t.TempDir()
	os.WriteFile(filepath.Join(assets, "index.html"), []byte("<!doctype html><title>ASL Studio</title>"), 0o644)
	base := startWorker(t, assets)
	api := base + designs.Path
	const design = `{"title":"Hello","definition":"{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}","input":"{}"}`

	res, got := call(t, "POST", api, "application/json", design)
	if res.StatusCode != http.StatusCreated || !designs.ValidID(got["id"]) {
		t.Fatalf("POST: %d %v", res.StatusCode, got)
	}
	id := got["id"]
	if got["url"] != base+"/#share="+id {
		t.Errorf("url %q, want the Worker's own address with #share=%s", got["url"], id)
	}
	// Each request runs a new instance of the Go program: the design is in KV.
	res, back := call(t, "GET", api+"/"+id, "", "")
	if res.StatusCode != http.StatusOK || back["title"] != "Hello" || back["input"] != "{}" || !strings.Contains(back["definition"], "Succeed") {
		t.Errorf("GET: %d %v", res.StatusCode, back)
	}
	if res.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("GET: no CORS header: %v", res.Header)
	}
	if res, again := call(t, "POST", api, "application/json; charset=utf-8", " "+design+"\n"); res.StatusCode != http.StatusCreated || again["id"] != id {
		t.Errorf("the same design again: %d %v, want id %s", res.StatusCode, again, id)
	}
	for _, tc := range []struct {
		name, method, path, ctype, body string
		status                          int
		msg                             string
	}{
		{"bad JSON", "POST", "", "application/json", "{\n\"definition\": x}", 400, "line 2, column 15"},
		{"not JSON", "POST", "", "text/plain", design, 415, "must be JSON"},
		{"too big", "POST", "", "application/json", `{"definition":"` + strings.Repeat("x", designs.MaxBody) + `"}`, 413, "larger than"},
		{"unknown id", "GET", "/AAAAAAAAAAAAAAAAAAAAAA", "", "", 404, "no design"},
		{"read-only", "DELETE", "/" + id, "", "", 405, "cannot change"},
	} {
		res, got := call(t, tc.method, api+tc.path, tc.ctype, tc.body)
		if res.StatusCode != tc.status || !strings.Contains(got["error"], tc.msg) {
			t.Errorf("%s: %d %v, want %d with %q", tc.name, res.StatusCode, got, tc.status, tc.msg)
		}
	}
	if res, _ := call(t, "OPTIONS", api, "", ""); res.StatusCode != http.StatusNoContent || !strings.Contains(res.Header.Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("preflight: %d %v", res.StatusCode, res.Header)
	}
	// Everything else is the app, from the static assets.
	if res, page := call(t, "GET", base+"/", "", ""); res.StatusCode != http.StatusOK || !strings.Contains(page["body"], "ASL Studio") {
		t.Errorf("GET /: %d %v", res.StatusCode, page)
	}
}
