//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
	"github.com/aslstudio/aslstudio/static"
	"github.com/aslstudio/aslstudio/web"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// wasmLengthHeader carries app.wasm's uncompressed size while the response
// is brotli or gzip encoded (go-app's progress counter reads it; the loader
// build-static writes compiles the response directly and counts nothing).
const wasmLengthHeader = "X-Wasm-Content-Length"

func init() {
	register(&command{
		name:    "build-static",
		summary: "generate the static web site (pages, service worker, icons, compressed app.wasm)",
		run:     runBuildStatic,
	})
}

// newHandler describes the app to go-app: names, local icons (a remote icon
// would make the service worker's install fail offline), styles and the
// version that names the service worker's cache.
func newHandler(version string, scripts ...string) *app.Handler {
	return &app.Handler{
		Name:                    "ASL Studio",
		ShortName:               "ASL Studio",
		Title:                   "ASL Studio",
		Description:             "Design, edit and run AWS Step Functions workflows in the browser.",
		Lang:                    "en",
		Icon:                    app.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png", SVG: "/web/icon.svg"},
		Styles:                  []string{"/web/app.css", "/web/run.css"},
		Scripts:                 scripts,
		BackgroundColor:         "#0f1319",
		ThemeColor:              "#1f3b73",
		LoadingLabel:            "Loading ASL Studio…",
		WasmContentLengthHeader: wasmLengthHeader,
		Version:                 version,
		RawHeaders: []string{
			`<meta name="color-scheme" content="light dark">`,
		},
	}
}

func runBuildStatic(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build-static", flag.ContinueOnError)
	fl.SetOutput(stderr)
	wasm := fl.String("wasm", "", "the compiled app.wasm (GOOS=js GOARCH=wasm go build ./wasm)")
	out := fl.String("out", "build/web", "the directory to write the site into")
	editor := fl.String("editor", "", "the code editor bundle (make editor: build/editor/editor.js); without it the code pane is a plain text area")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if *wasm == "" || fl.NArg() != 0 {
		fmt.Fprintln(stderr, "usage: aslstudio build-static --wasm FILE --out DIR")
		return exitUsage
	}
	res, err := buildStatic(*wasm, *out, *editor)
	if err != nil {
		fmt.Fprintf(stderr, "build-static: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "site written to %s (version %s)\n", *out, res.version)
	fmt.Fprintf(stdout, "app.wasm: %d bytes raw (%.2f MiB), %d bytes brotli (%.2f MiB), %d bytes gzip\n",
		res.raw, mib(res.raw), res.brotli, mib(res.brotli), res.gzip)
	return exitOK
}

func mib(n int) float64 { return float64(n) / (1 << 20) }

type buildResult struct {
	version           string
	raw, brotli, gzip int
}

// buildStatic writes the site: pre-rendered pages, go-app's scripts and
// manifest, the static resources under web/, and app.wasm with its .br and
// .gz forms next to it.
func buildStatic(wasmPath, out, editorPath string) (buildResult, error) {
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return buildResult{}, err
	}
	if err := os.MkdirAll(filepath.Join(out, "web"), 0o755); err != nil {
		return buildResult{}, err
	}
	// The version hashes everything the service worker caches, so a browser
	// updates exactly when something changed.
	h := sha256.New()
	h.Write(wasm)
	err = fs.WalkDir(static.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := static.Files.ReadFile(path)
		if err != nil {
			return err
		}
		h.Write([]byte(path))
		h.Write(b)
		return os.WriteFile(filepath.Join(out, "web", path), b, 0o644)
	})
	if err != nil {
		return buildResult{}, fmt.Errorf("copying static files: %w", err)
	}
	// The CodeMirror bundle, when built, is served as /web/editor.js and
	// loaded by every page (the code pane falls back to a text area).
	var scripts []string
	if editorPath != "" {
		b, err := os.ReadFile(editorPath)
		if err != nil {
			return buildResult{}, fmt.Errorf("reading the editor bundle: %w", err)
		}
		h.Write([]byte("editor.js"))
		h.Write(b)
		dst := filepath.Join(out, "web", "editor.js")
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return buildResult{}, err
		}
		// 400 KB of script is about 110 KB in brotli; serve sends the
		// form the browser accepts.
		if _, err := precompressed(dst+".br", b, compressBrotli); err != nil {
			return buildResult{}, err
		}
		if _, err := precompressed(dst+".gz", b, compressGzip); err != nil {
			return buildResult{}, err
		}
		scripts = append(scripts, "/web/editor.js defer")
	}
	if err := publishCatalog(h, out); err != nil {
		return buildResult{}, err
	}
	version := hex.EncodeToString(h.Sum(nil))[:16]

	web.Routes()
	if err := app.GenerateStaticWebsite(out, newHandler(version, scripts...)); err != nil {
		return buildResult{}, fmt.Errorf("generating pages: %w", err)
	}
	if err := streamWasmLoader(out); err != nil {
		return buildResult{}, err
	}
	if err := headFirst(out); err != nil {
		return buildResult{}, err
	}

	dst := filepath.Join(out, "web", "app.wasm")
	if !sameFile(wasmPath, dst) {
		if err := os.WriteFile(dst, wasm, 0o644); err != nil {
			return buildResult{}, err
		}
	}
	br, err := precompressed(dst+".br", wasm, compressBrotli)
	if err != nil {
		return buildResult{}, err
	}
	gz, err := precompressed(dst+".gz", wasm, compressGzip)
	if err != nil {
		return buildResult{}, err
	}
	return buildResult{version: version, raw: len(wasm), brotli: br, gzip: gz}, nil
}

// precompressed writes compress(data) to file and returns its size. Brotli
// at its best quality takes ~20 s on app.wasm, so when file exists and its
// sidecar file.src-sha256 names the same input, the file is kept as it is.
func precompressed(file string, data []byte, compress func([]byte) ([]byte, error)) (int, error) {
	sum := sha256.Sum256(data)
	want := hex.EncodeToString(sum[:])
	sidecar := file + ".src-sha256"
	if have, err := os.ReadFile(sidecar); err == nil && string(have) == want {
		if st, err := os.Stat(file); err == nil {
			return int(st.Size()), nil
		}
	}
	out, err := compress(data)
	if err != nil {
		return 0, err
	}
	if err := os.WriteFile(file, out, 0o644); err != nil {
		return 0, err
	}
	if err := os.WriteFile(sidecar, []byte(want), 0o644); err != nil {
		return 0, err
	}
	return len(out), nil
}

func sameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(sa, sb)
}

func compressBrotli(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: 11, LGWin: 24})
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func compressGzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
