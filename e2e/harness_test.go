//go:build e2e

// Package e2e drives the built web app in headless Debian chromium through
// chromedp, as a person would: it starts `aslstudio serve` on a free local
// port against $ASLSTUDIO_WEB (the site build-static wrote) and waits for the
// WASM to mount (body[data-ready="true"]) before acting.
package e2e

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// baseURL is the address of the server TestMain started, and serverBin
// the aslstudio command it runs.
var baseURL, serverBin, siteDir string

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	site := os.Getenv("ASLSTUDIO_WEB")
	if site == "" {
		fmt.Fprintln(os.Stderr, "e2e: set ASLSTUDIO_WEB to the site built by `make web` (e.g. build/web)")
		return 1
	}
	site = resolveSite(site)
	bin, cleanup, err := aslstudioBinary(site)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer cleanup()
	serverBin, siteDir = bin, site
	url, stop, err := startServer(bin, site)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer stop()
	baseURL = url
	return m.Run()
}

// resolveSite makes a relative $ASLSTUDIO_WEB absolute: relative to the
// working directory when it exists there, else to the module root (go test
// runs in the package directory, make in the root).
func resolveSite(site string) string {
	if filepath.IsAbs(site) || fileExists(site) {
		abs, _ := filepath.Abs(site)
		return abs
	}
	dir, _ := os.Getwd()
	for d := dir; ; d = filepath.Dir(d) {
		if fileExists(filepath.Join(d, "go.mod")) {
			return filepath.Join(d, site)
		}
		if filepath.Dir(d) == d {
			abs, _ := filepath.Abs(site)
			return abs
		}
	}
}

// aslstudioBinary returns the command `make build` wrote next to the site
// (build/aslstudio), or builds one into a temporary directory.
func aslstudioBinary(site string) (string, func(), error) {
	if p := filepath.Join(filepath.Dir(site), "aslstudio"); fileExists(p) {
		return p, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "aslstudio-e2e-bin")
	if err != nil {
		return "", nil, err
	}
	bin := filepath.Join(dir, "aslstudio")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/aslstudio/aslstudio/cmd/aslstudio")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("building aslstudio: %w", err)
	}
	return bin, func() { os.RemoveAll(dir) }, nil
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// startServer runs `aslstudio serve` for site (with flags) on a free 127.0.0.1 port,
// waits until it answers and returns its address and how to stop it.
func startServer(bin, site string, flags ...string) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, append([]string{"serve", "--addr", addr, "--dir", site}, flags...)...)
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
		}
	}()
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	stop := func() {
		cmd.Process.Kill()
		<-exited
	}
	url := "http://" + addr
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return "", nil, fmt.Errorf("aslstudio serve exited before answering")
		default:
		}
		resp, err := http.Get(url + "/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return url, stop, nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	stop()
	return "", nil, fmt.Errorf("aslstudio serve did not answer on %s", addr)
}

// browser is one headless chromium with a fresh profile (so storage starts
// empty) and one tab; console messages are kept for failure reports.
type browser struct {
	t       *testing.T
	ctx     context.Context
	mu      sync.Mutex
	console []string
}

// newBrowser starts chromium for one test, in a 1440x900 window; it ends
// with the test.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	return newBrowserSized(t, 1440, 900)
}

// forWindows runs a scenario in a 1440x900 window and in headless
// chromium's own default window (800x600), as a test that sets no size
// gets.
func forWindows(t *testing.T, scenario func(t *testing.T, b *browser)) {
	t.Run("1440x900", func(t *testing.T) { scenario(t, newBrowser(t)) })
	t.Run("default-window", func(t *testing.T) { scenario(t, newBrowserSized(t, 0, 0)) })
}

// newBrowserSized is newBrowser with a w×h window (0, 0: chromium's default).
func newBrowserSized(t *testing.T, w, h int) *browser {
	t.Helper()
	profile := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("/usr/bin/chromium"),
		chromedp.NoSandbox,
		chromedp.Flag("headless", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
	)
	if w > 0 {
		opts = append(opts, chromedp.WindowSize(w, h))
	}
	if f := os.Getenv("ASLSTUDIO_E2E_JSFLAGS"); f != "" { // V8 flags, for profiling probes only
		opts = append(opts, chromedp.Flag("js-flags", f))
	}
	if f := os.Getenv("ASLSTUDIO_E2E_CHROMELOG"); f != "" { // chromium's own output, for profiling probes only
		w, err := os.Create(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { w.Close() })
		opts = append(opts, chromedp.CombinedOutput(w))
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	b := &browser{t: t, ctx: ctx}
	if err := chromedp.Do(ctx); err != nil { // start the browser with no timeout
		cancel()
		cancelAlloc()
		t.Fatalf("starting chromium: %v", err)
	}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.console = append(b.console, m.String())
			b.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		if t.Failed() || os.Getenv("ASLSTUDIO_E2E_CONSOLE") != "" {
			b.mu.Lock()
			for _, m := range b.console {
				t.Logf("console: %s", m)
			}
			b.mu.Unlock()
			b.screenshot("failure-" + sanitize(t.Name()))
		}
		cancel()
		cancelAlloc()
	})
	return b
}

// do runs actions with a time limit, failing the test on error.
func (b *browser) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](b *browser, expr string, opts ...chromedp.EvaluateOption) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 90*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript predicate until it is truthy.
func (b *browser) waitFor(what, predicate string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 90*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](predicate, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		b.t.Fatalf("waiting for %s (%s): %v", what, predicate, err)
	}
}

// waitForShowing is waitFor that, on a time-out, also reports what the
// JavaScript expression show evaluates to (the screen's state at the time).
func (b *browser) waitForShowing(what, predicate, show string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 90*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](predicate, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		seen := eval[string](b, `String(`+show+`)`)
		b.t.Fatalf("waiting for %s (%s): %v; the page shows: %s", what, predicate, err, seen)
	}
}

// open navigates to the app and waits until the WASM has mounted.
func (b *browser) open(path string) time.Duration {
	b.t.Helper()
	start := time.Now()
	b.do("navigate", chromedp.Navigate(baseURL+path))
	b.waitReady()
	return time.Since(start)
}

// openURL navigates to url and waits for data-ready alone (for pages
// other than the studio's, which have no code editor).
func (b *browser) openURL(url string) {
	b.t.Helper()
	b.do("navigate", chromedp.Navigate(url))
	b.waitFor("the page to mount", `document.body && document.body.dataset.ready === "true"`)
}

// waitReady waits for the signal the studio sets once mounted.
func (b *browser) waitReady() {
	b.t.Helper()
	b.waitFor("the app to mount", `document.body && document.body.dataset.ready === "true" && document.body.dataset.codeReady === "true"`)
}

// artifactDir is where screenshots go: $ASLSTUDIO_ARTIFACTS, or a
// directory under the system's temporary folder.
func artifactDir() string {
	dir := os.Getenv("ASLSTUDIO_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "aslstudio-e2e")
	}
	os.MkdirAll(dir, 0o755)
	return dir
}

// screenshot writes a PNG of the viewport and returns its path.
func (b *browser) screenshot(name string) string {
	ctx, cancel := context.WithTimeout(b.ctx, 90*time.Second)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return ""
	}
	p := filepath.Join(artifactDir(), name+".png")
	if err := os.WriteFile(p, buf, 0o644); err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return ""
	}
	b.t.Logf("screenshot: %s", p)
	return p
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == ' ' {
			return '_'
		}
		return r
	}, s)
}
