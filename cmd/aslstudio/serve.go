//go:build !wasm

package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/worker/designs"
)

func init() {
	register(&command{
		name:    "serve",
		summary: "serve the web app (built by build-static) on a local address",
		run:     runServe,
	})
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", "127.0.0.1:8080", "the address to listen on")
	dir := fl.String("dir", "build/web", "the site written by build-static")
	shareFlag := fl.String("share", "memory", "where the share service keeps designs: memory (until the server stops), a folder, or off")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 1 {
		fmt.Fprintln(stderr, "usage: aslstudio serve [--addr HOST:PORT] [--dir DIR] [--share memory|FOLDER|off] [FILE]")
		return exitUsage
	}
	var share http.Handler
	switch *shareFlag {
	case "off":
	case "memory":
		share = designs.Handler(&designs.Memory{}, "")
	case "":
		fmt.Fprintln(stderr, "serve: --share needs memory, a folder or off")
		return exitUsage
	default:
		share = designs.Handler(designs.Dir(*shareFlag), "")
	}
	var open string
	if fl.NArg() == 1 {
		open = fl.Arg(0)
		if _, err := os.Stat(open); err != nil {
			fmt.Fprintf(stderr, "serve: %v\n", err)
			return exitUsage
		}
	}
	if _, err := os.Stat(filepath.Join(*dir, "index.html")); err != nil {
		fmt.Fprintf(stderr, "serve: %s has no index.html; run `make web` (aslstudio build-static) first\n", *dir)
		return exitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "ASL Studio on http://%s/\n", ln.Addr())
	if err := http.Serve(ln, newSiteHandler(*dir, open, share)); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return exitFail
	}
	return exitOK
}

// openPath is where the app asks for the file given on serve's command
// line; it answers 204 when there is none (a static host answers 404).
const openPath = "/api/open"

// newSiteHandler serves a site written by build-static, and the share
// service's API (worker/designs) with share when it is not nil. app.wasm
// and the code editor's script go out pre-compressed (brotli or gzip, as
// the browser accepts) with their real type;
// everything is sent with no-cache so the service worker, which caches the
// site for offline use, always revalidates and sees a new version at once.
func newSiteHandler(dir, open string, share http.Handler) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		p := path.Clean("/" + r.URL.Path)
		file := filepath.Join(dir, filepath.FromSlash(p))
		switch {
		case p == openPath:
			serveOpen(w, open)
			return
		case share != nil && (p == designs.Path || strings.HasPrefix(p, designs.Path+"/")):
			share.ServeHTTP(w, r)
			return
		case isCatalogFile(p):
			serveCatalogFile(w, r, file)
			return
		case strings.HasSuffix(p, ".wasm"):
			serveWasm(w, r, file)
			return
		case strings.HasSuffix(p, ".js") && fileExists(file+".br"):
			// A script build-static pre-compressed (the code editor).
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			w.Header().Set("Vary", "Accept-Encoding")
			servePrecompressed(w, r, file)
			return
		case p == "/app-worker.js":
			w.Header().Set("Service-Worker-Allowed", "/")
		case p != "/" && path.Ext(p) == "":
			// A route pre-rendered by go-app: /foo is foo.html; unknown
			// routes get the app, which shows its own not-found page.
			page := file + ".html"
			if _, err := os.Stat(page); err != nil {
				page = filepath.Join(dir, "index.html")
			}
			http.ServeFile(w, r, page)
			return
		}
		files.ServeHTTP(w, r)
	})
}

func serveOpen(w http.ResponseWriter, open string) {
	if open == "" {
		// No Content, not 404: the app asks on every start, and a 404
		// shows as an error in the browser's console.
		w.WriteHeader(http.StatusNoContent)
		return
	}
	src, err := os.ReadFile(open)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"name": filepath.Base(open), "source": string(src)})
}

// serveWasm answers with app.wasm.br or app.wasm.gz when the client accepts
// that encoding and the file exists, else with the raw file.
func serveWasm(w http.ResponseWriter, r *http.Request, file string) {
	raw, err := os.Stat(file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Set("Vary", "Accept-Encoding")
	h.Set(wasmLengthHeader, strconv.FormatInt(raw.Size(), 10))
	servePrecompressed(w, r, file)
}

// servePrecompressed answers with file's .br or .gz form when the client
// accepts that encoding and the form exists, else with file itself; the
// caller has set Content-Type and Vary.
func servePrecompressed(w http.ResponseWriter, r *http.Request, file string) {
	name := file
	for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if acceptsEncoding(r.Header.Get("Accept-Encoding"), enc.token) && fileExists(file+enc.ext) {
			name = file + enc.ext
			w.Header().Set("Content-Encoding", enc.token)
			break
		}
	}
	f, err := os.Open(name)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, "", st.ModTime(), f)
}

// acceptsEncoding reports whether an Accept-Encoding header allows token
// (present with a q-value above zero).
func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		if q, ok := strings.CutPrefix(params, "q="); ok {
			if v, err := strconv.ParseFloat(q, 64); err == nil && v <= 0 {
				return false
			}
		}
		return true
	}
	return false
}
