package web

import (
	"strings"
	"testing"
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
