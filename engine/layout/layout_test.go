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

// TestCollapsed collapses every Parallel and Map: each becomes one state-sized
// node without contents, and the invariants still hold.
func TestCollapsed(t *testing.T) {
	n := 0
	for _, d := range corpusDefinitions(t) {
		full := Layout(d.def, Options{})
		groups := map[string]bool{}
		for _, nd := range full.Nodes {
			if nd.Group && nd.Kind != "branch" {
				groups[nd.ID] = true
			}
		}
		if len(groups) == 0 {
			continue
		}
		n++
		g := Layout(d.def, Options{Collapsed: groups})
		for _, p := range checkGeometry(g) {
			t.Errorf("%s collapsed: %s", d.name, p)
		}
		for _, nd := range g.Nodes {
			if groups[nd.Parent] {
				t.Errorf("%s: %s is drawn inside collapsed %s", d.name, nd.ID, nd.Parent)
			}
			if groups[nd.ID] && (!nd.Collapsed || nd.Group || nd.W != StateW || nd.H != StateH) {
				t.Errorf("%s: collapsed %s drawn as %+v", d.name, nd.ID, nd)
			}
		}
		if len(g.Edges) >= len(full.Edges) {
			t.Errorf("%s: collapsing kept all %d edges", d.name, len(full.Edges))
		}
	}
	if n < 20 {
		t.Fatalf("only %d definitions with groups", n)
	}
}

// TestEmptyAndBroken lays out definitions with nothing or dangling names.
func TestEmptyAndBroken(t *testing.T) {
	g := Layout(nil, Options{})
	if len(g.Nodes) != 2 || len(g.Edges) != 0 {
		t.Errorf("nil definition: %d nodes, %d edges", len(g.Nodes), len(g.Edges))
	}
	def := decodeString(t, `{"StartAt":"Nope","States":{"A":{"Type":"Pass","Next":"A"},"B":{"Type":"Task","Next":"Missing","Catch":[{"ErrorEquals":["X"],"Next":"B"}]}}}`)
	g = Layout(def, Options{})
	for _, p := range checkGeometry(g) {
		t.Error(p)
	}
	if len(g.Edges) != 2 { // two self-loops; the dangling names draw nothing
		t.Errorf("%d edges, want 2", len(g.Edges))
	}
}
