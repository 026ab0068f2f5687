package layout

import (
	"encoding/xml"
	"strings"
	"testing"
)

// esc writes what encoding/xml's EscapeText writes.
func TestEscMatchesEncodingXML(t *testing.T) {
	for _, s := range []string{"", "plain", `a<b>&"c"'d'`, "tab\there\nline\rcr", "bad\x00\x07\x1f", "\xff\xfe invalid utf-8",
		"ok \uFFFD replacement", "\uFFFE\uFFFF", "emoji 🚀 and ü", "mix <\x01> & \xc3"} {
		var want strings.Builder
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got := esc(s); got != want.String() {
			t.Errorf("esc(%q) = %q, encoding/xml writes %q", s, got, want.String())
		}
	}
}
