package layout

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestCorpusInvariants lays out every corpus definition and checks the
// geometric invariants and determinism.
func TestCorpusInvariants(t *testing.T) {
	defs := corpusDefinitions(t)
	if len(defs) < 100 {
		t.Fatalf("only %d corpus definitions found", len(defs))
	}
	zero, total := 0, 0
	for _, d := range defs {
		g := Layout(d.def, Options{})
		for _, p := range checkGeometry(g) {
			t.Errorf("%s: %s", d.name, p)
		}
		a, _ := json.Marshal(g)
		b, _ := json.Marshal(Layout(d.def, Options{}))
		if string(a) != string(b) {
			t.Errorf("%s: layout is not deterministic", d.name)
		}
		total++
		if c := crossings(g); c == 0 {
			zero++
		} else {
			t.Logf("%s: %d crossings", d.name, c)
		}
	}
	t.Logf("%d definitions, %d with 0 crossings (%.1f%%)", total, zero, 100*float64(zero)/float64(total))
	if float64(zero) < 0.995*float64(total) {
		t.Errorf("0 crossings on %d of %d definitions, want >= 99.5%%", zero, total)
	}
}

func TestSyntheticInvariants(t *testing.T) {
	for n, def := range syntheticDefinitions(t) {
		g := Layout(def, Options{})
		bad := checkGeometry(g)
		if len(bad) > 0 {
			t.Errorf("synth-%d: %d problems, first: %s", n, len(bad), strings.Join(bad[:min(5, len(bad))], "; "))
		}
		if c := crossings(g); c != 0 {
			t.Errorf("synth-%d: %d crossings", n, c)
		}
	}
}
