// Package designs is the share service's API (DESIGN.md: worker/): a
// design (a workflow with its template, input, mocks and title) is stored
// under an id made from its content, behind
//
//	POST /api/designs       a design as JSON (≤ 1 MiB) → 201 {"id", "url"}
//	GET  /api/designs/{id}  → the design, or 404
//
// It is plain net/http over a Store, so the Cloudflare Worker (worker/,
// over KV) and `aslstudio serve` (in memory or in a folder) answer with the
// same code, and its tests run natively. Every answer is JSON (errors are
// {"error": "..."}) and may be read from any origin (CORS), so that an app
// hosted elsewhere can share through a service.
package designs

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// Path is where the API is mounted; a design's address is Path/{id}.
const Path = "/api/designs"

// MaxBody is the largest design accepted, in bytes.
const MaxBody = 1 << 20

// Design is what a share link stores. Every field is text as the user
// wrote it (JSON or YAML); a POST may also give definition, input or mocks
// as a JSON value, kept as its text.
type Design struct {
	Title      string `json:"title,omitempty"`
	Definition Text   `json:"definition"`
	Template   Text   `json:"template,omitempty"`
	Input      Text   `json:"input,omitempty"`
	Mocks      Text   `json:"mocks,omitempty"`
}

// Text is a field of a design: a JSON string, or any other JSON value,
// which is kept as the text it was written in.
type Text string

// UnmarshalJSON takes a string as its value and anything else as its text.
func (t *Text) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = Text(s)
		return nil
	}
	if string(b) == "null" {
		*t = ""
		return nil
	}
	*t = Text(b)
	return nil
}

// Store keeps designs by id. Get reports ok=false for an id it does not
// hold; a design, once put, never changes (its id is its content's hash).
type Store interface {
	Get(ctx context.Context, id string) (data []byte, ok bool, err error)
	Put(ctx context.Context, id string, data []byte) error
}

// Handler answers the API over store. appURL is the app a share link
// opens (the link is appURL#share={id}); empty means the root of the host
// the request came to, where the Worker serves the app.
func Handler(store Store, appURL string) http.Handler {
	return &handler{store: store, appURL: appURL}
}

type handler struct {
	store  Store
	appURL string
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Access-Control-Allow-Origin", "*")
	hd.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
	hd.Set("Access-Control-Allow-Headers", "Content-Type")
	// The body is read whole before any answer, also one that refuses it:
	// a connection whose request was not read to its end is closed, and a
	// client still sending (or sending the next request on it) would see a
	// reset instead of the answer.
	body, err := readBody(r.Body)
	rest, ok := strings.CutPrefix(r.URL.Path, Path)
	if !ok || (rest != "" && !strings.HasPrefix(rest, "/")) {
		fail(w, http.StatusNotFound, "no such address: %s (the API is %s)", r.URL.Path, Path)
		return
	}
	id := strings.TrimPrefix(rest, "/")
	switch {
	case r.Method == http.MethodOptions:
		w.WriteHeader(http.StatusNoContent)
	case id == "" && r.Method == http.MethodPost:
		h.post(w, r, body, err)
	case id != "" && (r.Method == http.MethodGet || r.Method == http.MethodHead):
		h.get(w, r, id)
	case id == "":
		hd.Set("Allow", "POST, OPTIONS")
		fail(w, http.StatusMethodNotAllowed, "%s %s: designs are posted here; read one at %s/{id}", r.Method, Path, Path)
	default:
		hd.Set("Allow", "GET, HEAD, OPTIONS")
		fail(w, http.StatusMethodNotAllowed, "%s %s: a design cannot change once stored; post a new one to %s", r.Method, r.URL.Path, Path)
	}
}

// errTooBig says a body is larger than MaxBody.
var errTooBig = fmt.Errorf("the design is larger than %d bytes (1 MiB)", MaxBody)

// readBody reads a request's body: up to MaxBody bytes, and past that
// (within reason) only to discard it, with errTooBig.
func readBody(r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, nil
	}
	b, err := io.ReadAll(io.LimitReader(r, MaxBody+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxBody {
		io.Copy(io.Discard, io.LimitReader(r, 16*MaxBody))
		return nil, errTooBig
	}
	return b, nil
}

func (h *handler) post(w http.ResponseWriter, r *http.Request, body []byte, err error) {
	if mt, _, perr := mime.ParseMediaType(r.Header.Get("Content-Type")); perr != nil || mt != "application/json" {
		fail(w, http.StatusUnsupportedMediaType, "the body must be JSON (Content-Type: application/json), not %q", r.Header.Get("Content-Type"))
		return
	}
	switch {
	case errors.Is(err, errTooBig):
		fail(w, http.StatusRequestEntityTooLarge, "%v", err)
		return
	case err != nil:
		fail(w, http.StatusBadRequest, "reading the body: %v", err)
		return
	}
	d, err := Parse(body)
	if err != nil {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	data, id := d.Encode()
	ctx := r.Context()
	if _, ok, err := h.store.Get(ctx, id); err != nil {
		fail(w, http.StatusInternalServerError, "the store cannot be read: %v", err)
		return
	} else if !ok {
		if err := h.store.Put(ctx, id, data); err != nil {
			fail(w, http.StatusInternalServerError, "the store cannot be written: %v", err)
			return
		}
	}
	reply(w, http.StatusCreated, map[string]string{"id": id, "url": h.link(r, id)})
}

func (h *handler) get(w http.ResponseWriter, r *http.Request, id string) {
	if !ValidID(id) {
		fail(w, http.StatusNotFound, "no design %q: an id is %d letters, digits, - or _", id, idLen)
		return
	}
	data, ok, err := h.store.Get(r.Context(), id)
	switch {
	case err != nil:
		fail(w, http.StatusInternalServerError, "the store cannot be read: %v", err)
	case !ok:
		fail(w, http.StatusNotFound, "no design %q", id)
	default:
		// An id names one content for ever.
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		w.Write(data)
	}
}

// link is the address that opens design id in the app.
func (h *handler) link(r *http.Request, id string) string {
	base := h.appURL
	if base == "" {
		scheme := "http"
		if r.TLS != nil || r.URL.Scheme == "https" || r.Header.Get("X-Forwarded-Proto") == "https" {
			scheme = "https"
		}
		host := r.Host
		if host == "" {
			host = r.URL.Host
		}
		base = scheme + "://" + host + "/"
	}
	return base + Fragment + id
}

// Fragment starts the fragment of a link to a stored design.
const Fragment = "#share="

// Parse reads a posted design: one JSON object with the fields of Design
// and nothing else, with a definition. Its errors say what is wrong and
// where (line and column).
func Parse(body []byte) (Design, error) {
	var d Design
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return d, jsonError(body, dec, err)
	}
	if dec.More() {
		off := dec.InputOffset()
		for off < int64(len(body)) && strings.ContainsRune(" \t\r\n", rune(body[off])) {
			off++
		}
		line, col := position(body, off)
		return d, fmt.Errorf("line %d, column %d: more after the design's JSON object", line, col)
	}
	if strings.TrimSpace(string(d.Definition)) == "" {
		return d, errors.New("the design has no definition")
	}
	return d, nil
}

func jsonError(body []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return errors.New("the body is empty: post a design as a JSON object")
	case errors.As(err, &syn):
		// Offset counts the bytes read, the bad one included.
		line, col := position(body, max(syn.Offset-1, 0))
		return fmt.Errorf("line %d, column %d: invalid JSON: %v", line, col, syn)
	case errors.As(err, &typ):
		line, col := position(body, typ.Offset)
		if typ.Field == "" {
			return fmt.Errorf("line %d, column %d: a design is a JSON object, not %s", line, col, typ.Value)
		}
		return fmt.Errorf("line %d, column %d: %q must be a string, not %s", line, col, typ.Field, typ.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		line, col := position(body, dec.InputOffset())
		return fmt.Errorf("line %d, column %d: %s: a design has title, definition, template, input and mocks", line, col, strings.TrimPrefix(err.Error(), "json: "))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the JSON ends too soon")
	}
	return err
}

// position is the 1-based line and column of byte offset off in b.
func position(b []byte, off int64) (line, col int) {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	before := b[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = 1 + len(before) - (bytes.LastIndexByte(before, '\n') + 1)
	return line, col
}

// idLen is the length of an id: 16 bytes of SHA-256, base64url.
const idLen = 22

// Encode returns the stored form of d and its id, the hash of that form:
// the same design always gets the same id.
func (d Design) Encode() (data []byte, id string) {
	data, _ = json.Marshal(d) // strings only: cannot fail
	sum := sha256.Sum256(data)
	return data, base64.RawURLEncoding.EncodeToString(sum[:16])
}

// ValidID reports whether id has the form of a design's id.
func ValidID(id string) bool {
	if len(id) != idLen {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func fail(w http.ResponseWriter, status int, format string, args ...any) {
	reply(w, status, map[string]string{"error": fmt.Sprintf(format, args...)})
}
