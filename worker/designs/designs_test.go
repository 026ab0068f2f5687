package designs

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func do(t *testing.T, h http.Handler, method, path, contentType, body string) (*http.Response, map[string]string) {
	t.Helper()
	req := httptest.NewRequest(method, "http://share.example"+path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	if got := res.Header.Get("Access-Control-Allow-Origin"); got != "*" {
		t.Errorf("%s %s: Access-Control-Allow-Origin %q", method, path, got)
	}
	var m map[string]string
	if rec.Body.Len() > 0 {
		if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
			t.Fatalf("%s %s: the answer is not a JSON object of strings: %v\n%s", method, path, err, rec.Body)
		}
	}
	return res, m
}

const design = `{"title":"Hello","definition":"{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}","input":"{}","mocks":""}`

func TestPostThenGet(t *testing.T) {
	for _, tc := range []struct {
		name  string
		store Store
	}{{"memory", &Memory{}}, {"folder", Dir(t.TempDir())}} {
		t.Run(tc.name, func(t *testing.T) {
			h := Handler(tc.store, "")
			res, got := do(t, h, "POST", Path, "application/json; charset=utf-8", design)
			if res.StatusCode != http.StatusCreated {
				t.Fatalf("POST: %d %v", res.StatusCode, got)
			}
			id := got["id"]
			if !ValidID(id) {
				t.Fatalf("id %q", id)
			}
			if want := "http://share.example/#share=" + id; got["url"] != want {
				t.Errorf("url %q, want %q", got["url"], want)
			}
			// The same design, written otherwise, is the same design.
			res, again := do(t, h, "POST", Path, "application/json", "{\n  \"definition\": "+mustQuote(`{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}`)+",\n\"title\":\"Hello\", \"input\": \"{}\"}")
			if res.StatusCode != http.StatusCreated || again["id"] != id {
				t.Errorf("posting it again: %d %v, want id %s", res.StatusCode, again, id)
			}
			res, back := do(t, h, "GET", Path+"/"+id, "", "")
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET: %d %v", res.StatusCode, back)
			}
			if back["title"] != "Hello" || back["input"] != "{}" || !strings.Contains(back["definition"], `"Type":"Pass"`) {
				t.Errorf("GET gave %v", back)
			}
			if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
				t.Errorf("Cache-Control %q", cc)
			}
			// Another design, another id.
			_, other := do(t, h, "POST", Path, "application/json", strings.Replace(design, "Hello", "Bye", 1))
			if other["id"] == "" || other["id"] == id {
				t.Errorf("another design got id %q (first %q)", other["id"], id)
			}
		})
	}
}

func mustQuote(s string) string { b, _ := json.Marshal(s); return string(b) }

// A definition, input or mocks given as a JSON value is kept as its text.
func TestJSONValuesKeptAsText(t *testing.T) {
	h := Handler(&Memory{}, "https://studio.example/app/")
	res, got := do(t, h, "POST", Path, "application/json", `{"definition": {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}, "input": [1, 2]}`)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("POST: %d %v", res.StatusCode, got)
	}
	if want := "https://studio.example/app/#share=" + got["id"]; got["url"] != want {
		t.Errorf("url %q, want %q (the app's address)", got["url"], want)
	}
	_, back := do(t, h, "GET", Path+"/"+got["id"], "", "")
	if back["definition"] != `{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}` || back["input"] != "[1, 2]" {
		t.Errorf("GET gave %v", back)
	}
}

func TestErrors(t *testing.T) {
	h := Handler(&Memory{}, "")
	big := `{"definition":"` + strings.Repeat("x", MaxBody) + `"}`
	for _, tc := range []struct {
		name, method, path, ctype, body string
		status                          int
		msg                             string
	}{
		{"not JSON", "POST", Path, "application/json", "{\n  \"definition\": \"x\",\n  oops}", 400, "line 3, column 3: invalid JSON"},
		{"empty", "POST", Path, "application/json", "", 400, "the body is empty"},
		{"cut", "POST", Path, "application/json", `{"definition": "x"`, 400, "ends too soon"},
		{"not an object", "POST", Path, "application/json", `[1]`, 400, "a design is a JSON object, not array"},
		{"title not a string", "POST", Path, "application/json", `{"definition":"x","title":7}`, 400, `"title" must be a string`},
		{"unknown field", "POST", Path, "application/json", `{"definition":"x","colour":"red"}`, 400, `unknown field "colour"`},
		{"no definition", "POST", Path, "application/json", `{"title":"t"}`, 400, "no definition"},
		{"two objects", "POST", Path, "application/json", `{"definition":"x"} {}`, 400, "line 1, column 20: more after"},
		{"wrong type", "POST", Path, "text/plain", design, 415, "must be JSON"},
		{"no type", "POST", Path, "", design, 415, "must be JSON"},
		{"too big", "POST", Path, "application/json", big, 413, "larger than"},
		{"unknown id", "GET", Path + "/AAAAAAAAAAAAAAAAAAAAAA", "", "", 404, "no design"},
		{"malformed id", "GET", Path + "/not*an*id", "", "", 404, "an id is 22"},
		{"list", "GET", Path, "", "", 405, "designs are posted here"},
		{"overwrite", "PUT", Path + "/AAAAAAAAAAAAAAAAAAAAAA", "application/json", design, 405, "cannot change"},
		{"elsewhere", "GET", "/api/other", "", "", 404, "no such address"},
		{"prefix only", "GET", Path + "x", "", "", 404, "no such address"},
	} {
		res, got := do(t, h, tc.method, tc.path, tc.ctype, tc.body)
		if res.StatusCode != tc.status || !strings.Contains(got["error"], tc.msg) {
			t.Errorf("%s: %d %q, want %d with %q", tc.name, res.StatusCode, got["error"], tc.status, tc.msg)
		}
		if ct := res.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s: Content-Type %q", tc.name, ct)
		}
	}
}

func TestPreflight(t *testing.T) {
	res, _ := do(t, Handler(&Memory{}, ""), "OPTIONS", Path, "", "")
	if res.StatusCode != http.StatusNoContent || !strings.Contains(res.Header.Get("Access-Control-Allow-Methods"), "POST") ||
		res.Header.Get("Access-Control-Allow-Headers") != "Content-Type" {
		t.Errorf("preflight: %d %v", res.StatusCode, res.Header)
	}
}

// failing is a Store whose every call fails.
type failing struct{}

func (failing) Get(context.Context, string) ([]byte, bool, error) {
	return nil, false, errors.New("down")
}
func (failing) Put(context.Context, string, []byte) error { return errors.New("down") }

func TestStoreFailure(t *testing.T) {
	h := Handler(failing{}, "")
	if res, got := do(t, h, "POST", Path, "application/json", design); res.StatusCode != 500 || !strings.Contains(got["error"], "down") {
		t.Errorf("POST: %d %v", res.StatusCode, got)
	}
	if res, got := do(t, h, "GET", Path+"/AAAAAAAAAAAAAAAAAAAAAA", "", ""); res.StatusCode != 500 || !strings.Contains(got["error"], "down") {
		t.Errorf("GET: %d %v", res.StatusCode, got)
	}
}

// A folder store ignores what is not an id, so a path cannot leave it.
func TestDirRefusesOtherNames(t *testing.T) {
	d := Dir(t.TempDir())
	if err := d.Put(context.Background(), "../escape", []byte("{}")); err == nil {
		t.Error("Put took a name that is not an id")
	}
	if _, ok, err := d.Get(context.Background(), "../../etc/passwd"); ok || err != nil {
		t.Errorf("Get of a path: ok=%v err=%v", ok, err)
	}
}
