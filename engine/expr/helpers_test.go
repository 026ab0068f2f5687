package expr

import (
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// js parses JSON text into a runtime value (test inputs).
func js(t testing.TB, s string) any {
	t.Helper()
	v, err := asl.DecodeJSON([]byte(s))
	if err != nil {
		t.Fatalf("bad test JSON %s: %v", s, err)
	}
	return v
}

// tmpl parses JSON text into a template Value.
func tmpl(t testing.TB, s string) *asl.Value {
	t.Helper()
	v, err := asl.ParseJSON([]byte(s))
	if err != nil {
		t.Fatalf("bad test JSON %s: %v", s, err)
	}
	return v
}

// wantJSON compares a runtime value with JSON text, numbers as written.
func wantJSON(t testing.TB, what string, got any, want string) {
	t.Helper()
	w := string(asl.EncodeJSON(js(t, want)))
	if g := string(asl.EncodeJSON(got)); g != w {
		t.Errorf("%s = %s, want %s", what, g, w)
	}
}

// wantErr checks an *Error's name and cause.
func wantErr(t testing.TB, what string, err error, name, cause string) {
	t.Helper()
	e, ok := err.(*Error)
	if !ok {
		t.Errorf("%s: error %v (%T), want %s: %s", what, err, err, name, cause)
		return
	}
	if e.Name != name || e.Cause != cause {
		t.Errorf("%s: error\n  %s: %s\nwant\n  %s: %s", what, e.Name, e.Cause, name, cause)
	}
}
