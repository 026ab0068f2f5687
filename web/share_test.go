package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/worker/designs"
)

// A share link carries the example's definition, input and mocks, and
// reads back as they were.
func TestShareLinkRoundTrip(t *testing.T) {
	ex := mustExample(t, "retry-and-catch")
	s := &Studio{doc: newDocument(ex.Title, ex.Definition())}
	defer delete(sessions, s)
	d := s.designOf()
	if d.Definition != string(ex.Definition()) || d.Mocks != string(ex.Mocks()) || d.Input != string(ex.Input()) || d.Title != ex.Title {
		t.Fatalf("design %+v", d)
	}
	frag, err := packDesign(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(frag, shareFragment) || strings.ContainsAny(frag[len(shareFragment):], "+/=#&?") {
		t.Errorf("fragment %q is not base64url after %s", frag, shareFragment)
	}
	if len(frag) > len(d.Definition)+len(d.Mocks)+len(d.Input) {
		t.Errorf("the link (%d bytes) is longer than what it holds", len(frag))
	}
	back, err := unpackDesign(frag)
	if err != nil || back != d {
		t.Fatalf("read back %+v (%v)", back, err)
	}
}

// A damaged or foreign fragment says what is wrong.
func TestShareLinkErrors(t *testing.T) {
	good, err := packDesign(sharedDesign{Definition: `{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}`})
	if err != nil {
		t.Fatal(err)
	}
	empty, _ := packDesign(sharedDesign{Title: "nothing"})
	for frag, want := range map[string]string{
		"#other=1":                "not a share link",
		shareFragment + "%%%":     "cut or damaged",
		good[:len(good)-12]:       "cut or damaged",
		shareFragment + "aGVsbG8": "cut or damaged",
		empty:                     "no definition",
	} {
		if _, err := unpackDesign(frag); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("unpackDesign(%.30q): %v, want %q", frag, err, want)
		}
	}
}

// The app's share client and the share service agree on where the API is
// and on the form of a link to a stored design.
func TestShareServiceContract(t *testing.T) {
	if "/"+serviceDesigns != designs.Path {
		t.Errorf("the app posts to %q, the service answers at %q", serviceDesigns, designs.Path)
	}
	if storedFragment != designs.Fragment {
		t.Errorf("the app opens %q links, the service makes %q ones", storedFragment, designs.Fragment)
	}
	// The service's answers, read as the app reads them.
	h := designs.Handler(&designs.Memory{}, "")
	body, _ := json.Marshal(sharedDesign{Title: "T", Definition: `{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}`, Input: "{}"})
	ask := func(method, path, ctype string, body []byte) (int, []byte) {
		req := httptest.NewRequest(method, "http://localhost/"+path, bytes.NewReader(body))
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code, rec.Body.Bytes()
	}
	m, err := serviceReply(ask("POST", serviceDesigns, "application/json", body))
	if err != nil || !designs.ValidID(m["id"]) {
		t.Fatalf("posting: %v %v", m, err)
	}
	status, reply := ask("GET", serviceDesigns+"/"+m["id"], "", nil)
	var back sharedDesign
	if _, err := serviceReply(status, reply); err != nil || json.Unmarshal(reply, &back) != nil || string(body) != mustMarshal(back) {
		t.Errorf("reading back: %s (%v)", reply, err)
	}
	// The service's own errors are shown as it says them.
	if _, err := serviceReply(ask("POST", serviceDesigns, "text/plain", body)); err == nil || !strings.Contains(err.Error(), "must be JSON") || !strings.Contains(err.Error(), "HTTP 415") {
		t.Errorf("a refused post: %v", err)
	}
	// What is not the service is no service.
	for _, tc := range []struct {
		status int
		body   string
	}{{404, "404 page not found"}, {405, ""}, {200, "<!doctype html><html>"}, {404, `{"message":"Not Found"}`}} {
		if _, err := serviceReply(tc.status, []byte(tc.body)); !errors.Is(err, errNoService) {
			t.Errorf("%d %q: %v, want errNoService", tc.status, tc.body, err)
		}
	}
}

func mustMarshal(v any) string { b, _ := json.Marshal(v); return string(b) }

// Without a service (native builds have none), Share makes the link that
// carries the design, with the usual note.
func TestShareWithoutService(t *testing.T) {
	d := sharedDesign{Definition: `{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}`}
	frag, note, err := shareDesign(d)
	if err != nil || !strings.HasPrefix(frag, shareFragment) || note != noteCarried {
		t.Fatalf("shareDesign: %q %q %v", frag, note, err)
	}
	if back, err := unpackDesign(frag); err != nil || back != d {
		t.Errorf("read back %+v (%v)", back, err)
	}
}
