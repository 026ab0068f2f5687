package layout

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/internal/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs under testdata")

// goldens are corpus definitions whose drawings are checked in under
// testdata/<name>.svg: real applications with Choices that rejoin,
// Parallel branches, Maps, Catch handlers and polling loops.
var goldens = map[string]string{
	"quorum":     "sam/quorum-with-parallel-pattern/statemachine/statemachine.asl.json",
	"idempotent": "sam/idempotent-workflow-sam/statemachine/statemachine.asl.json",
	"either-or":  "sam/either-or-parallel-pattern/statemachine/statemachine.asl.json",
	"glacier":    "sam/s3-glacier-multi-file-restore-sam/statemachine/statemachine.asl.json",
	"isolation":  "sam/ec2-instance-isolation-sam/statemachine/statemachine.asl.json",
}

// wellFormed parses an SVG document with encoding/xml.
func wellFormed(svg []byte) error {
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestGoldenSVG(t *testing.T) {
	shared, err := corpus.Shared()
	if err != nil {
		t.Fatal(err)
	}
	for name, rel := range goldens {
		def := loadDefinition(t, filepath.Join(shared, "conformance", rel))
		svg := SVG(Layout(def, Options{}))
		if err := wellFormed(svg); err != nil {
			t.Errorf("%s: SVG not well-formed: %v", name, err)
		}
		path := filepath.Join("testdata", name+".svg")
		if *update {
			if err := os.WriteFile(path, svg, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run go test -run TestGoldenSVG -update)", name, err)
		}
		if !bytes.Equal(svg, want) {
			t.Errorf("%s: drawing differs from %s (run go test -run TestGoldenSVG -update, and look at it)", name, path)
		}
	}
}

// TestCorpusSVG renders every corpus definition and checks that the SVG is
// well-formed and carries a data-state and a <title> for every state.
// With LAYOUT_SVG_DIR set it also writes the drawings there.
func TestCorpusSVG(t *testing.T) {
	dir := os.Getenv("LAYOUT_SVG_DIR")
	for _, d := range corpusDefinitions(t) {
		g := Layout(d.def, Options{})
		svg := SVG(g)
		if err := wellFormed(svg); err != nil {
			t.Errorf("%s: SVG not well-formed: %v", d.name, err)
			continue
		}
		for _, n := range g.Nodes {
			if n.State == "" {
				continue
			}
			if !bytes.Contains(svg, []byte(`data-state="`+attr(n.State)+`"`)) {
				t.Errorf("%s: no data-state for %q", d.name, n.State)
			}
		}
		if got, want := bytes.Count(svg, []byte("<title>")), countStates(g)+len(g.Edges); got != want {
			t.Errorf("%s: %d <title> elements, want %d (one per state and edge)", d.name, got, want)
		}
		if dir != "" {
			name := strings.NewReplacer("/", "_", "#", "_").Replace(d.name) + ".svg"
			_ = os.WriteFile(filepath.Join(dir, name), svg, 0o644)
		}
	}
}

func countStates(g *Geometry) int {
	n := 0
	for _, nd := range g.Nodes {
		if nd.State != "" {
			n++
		}
	}
	return n
}
