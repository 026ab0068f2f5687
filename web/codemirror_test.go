package web

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// unitsOf is the UTF-16 offset of the first occurrence of sub in text.
func unitsOf(t *testing.T, text, sub string) int {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in the text", sub)
	}
	return utf16Len(text[:i])
}

// A syntax error is marked at its line:col in the editor's UTF-16 offsets,
// past any character outside the BMP before it.
func TestCodeDiagnosticsSyntaxError(t *testing.T) {
	text := "{\n  \"Comment\": \"🚀 rocket\",\n  \"StartAt\": \"A\" oops,\n  \"States\": {}\n}\n"
	d := newDocument("t", []byte(text))
	if d.ParseErr == nil {
		t.Fatal("the text parses; the test needs a syntax error")
	}
	line, col, ok := d.errorPos()
	if !ok {
		t.Fatalf("the syntax error has no position: %v", d.ParseErr)
	}
	ds := d.codeDiagnostics()
	if len(ds) != 1 {
		t.Fatalf("%d markers, want 1: %+v", len(ds), ds)
	}
	m := ds[0]
	if m.Line != line || m.Column != col || m.Severity != "error" || m.Message != d.ParseErr.Error() {
		t.Errorf("marker %+v, want error at %d:%d with the parse error's message", m, line, col)
	}
	if m.From != unitsOf(t, text, "oops") || m.To != m.From+len("oops") {
		t.Errorf("marker covers [%d,%d), want the word oops at %d", m.From, m.To, unitsOf(t, text, "oops"))
	}
}

// On a parsed document the validator's diagnostics are marked, each on the
// token at its position, with its severity and code.
func TestCodeDiagnosticsValidator(t *testing.T) {
	text := `{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "Nowhere"},
    "Lost": {"Type": "Succeed"}
  }
}
`
	d := newDocument("t", []byte(text))
	if d.ParseErr != nil {
		t.Fatal(d.ParseErr)
	}
	d.validate()
	if len(d.Diags) == 0 {
		t.Fatal("the validator finds nothing; the test needs a missing target and an unreachable state")
	}
	ds := d.codeDiagnostics()
	if len(ds) != len(d.Diags) {
		t.Fatalf("%d markers for %d diagnostics", len(ds), len(d.Diags))
	}
	lines := strings.Split(text, "\n")
	for i, m := range ds {
		dg := d.Diags[i]
		if m.Line != dg.Line || m.Column != dg.Column || !strings.Contains(m.Message, dg.Message) || !strings.HasPrefix(m.Message, dg.Code) {
			t.Errorf("marker %+v for diagnostic %+v", m, dg)
		}
		if (m.Severity == "error") != (dg.Severity == "ERROR") {
			t.Errorf("marker severity %s for %s", m.Severity, dg.Severity)
		}
		marked := text[byteOffset(text, m.From):byteOffset(text, m.To)]
		if marked == "" || !strings.Contains(lines[m.Line-1], marked) {
			t.Errorf("marker %+v covers %q, not a token of line %d", m, marked, m.Line)
		}
	}
}

// markAt marks a whole quoted string (escapes included), a bare word, or one
// character, and never runs past the end of its line.
func TestMarkAt(t *testing.T) {
	text := "{\"a\\\"b\": tru,\n x\n}"
	for _, c := range []struct {
		line, col int
		want      string
	}{
		{1, 2, `"a\"b"`},
		{1, 10, "tru"},
		{1, 1, "{"},
		{2, 2, "x"},
		{3, 1, "}"},
	} {
		m := markAt(text, c.line, c.col, "error", "m")
		if got := text[byteOffset(text, m.From):byteOffset(text, m.To)]; got != c.want {
			t.Errorf("markAt(%d:%d) marks %q, want %q", c.line, c.col, got, c.want)
		}
	}
}

// TestChangedSpan checks the part of the code sent to CodeMirror after an
// edit: applying it to the old text must give the new one, it must split
// no character, and it must be small when the change is.
func TestChangedSpan(t *testing.T) {
	cases := []struct{ old, new string }{
		{"", ""},
		{"", "abc"},
		{"abc", ""},
		{"abc", "abc"},
		{"abcdef", "abXdef"},
		{"aaaa", "aaaaaa"}, // repeated bytes: prefix and suffix must not overlap
		{"aaaaaa", "aaaa"},
		{"x é y", "x è y"}, // é and è share their first byte
		{"😀😀", "😀😁😀"},      // 4-byte runes sharing three bytes
		{"ab€", "ab₤"},
		{"{\n  \"A\": 1,\n  \"B\": 2\n}", "{\n  \"B\": 2\n}"},
	}
	for _, c := range cases {
		a, b := changedSpan(c.old, c.new)
		if a+b > len(c.old) || a+b > len(c.new) {
			t.Errorf("%q -> %q: prefix %d and suffix %d overlap", c.old, c.new, a, b)
			continue
		}
		got := c.old[:a] + c.new[a:len(c.new)-b] + c.old[len(c.old)-b:]
		if got != c.new {
			t.Errorf("%q -> %q: applying the span gives %q", c.old, c.new, got)
		}
		for _, s := range []string{c.old[:a], c.old[a : len(c.old)-b], c.old[len(c.old)-b:], c.new[a : len(c.new)-b]} {
			if !utf8.ValidString(s) {
				t.Errorf("%q -> %q: span (%d, %d) splits a character: %q", c.old, c.new, a, b, s)
			}
		}
	}
	// A one-state change in a long text sends a few bytes, not the text.
	long := strings.Repeat("{\"Type\": \"Pass\", \"Next\": \"S\"},\n", 2000)
	edited := long[:30000] + "X" + long[30000:]
	a, b := changedSpan(long, edited)
	if n := len(edited) - a - b; n != 1 {
		t.Errorf("one inserted byte: span of %d bytes", n)
	}
}
