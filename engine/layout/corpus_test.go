package layout

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/internal/corpus"
)

// corpusDef is one definition of the conformance corpus.
type corpusDef struct {
	name string
	def  *asl.StateMachine
}

// corpusDefinitions loads every definition under conformance/exec and every
// state machine of conformance/sam (definition files named by the
// manifests, and inline Definition objects of the templates). A missing
// corpus fails the test.
func corpusDefinitions(t testing.TB) []corpusDef {
	t.Helper()
	execDir, cases, err := corpus.Cases("exec")
	if err != nil || len(cases) == 0 {
		t.Fatalf("conformance corpus exec/ not found: %v", err)
	}
	var out []corpusDef
	seen := map[string]bool{}
	add := func(name string, src []byte) {
		if seen[string(src)] {
			return
		}
		seen[string(src)] = true
		v, err := asl.Parse(src)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return
		}
		d, err := asl.Decode(v)
		if err != nil {
			return // not an object: not a definition
		}
		out = append(out, corpusDef{name, d})
	}
	for _, c := range cases {
		src, err := os.ReadFile(filepath.Join(execDir, c, "definition.json"))
		if err != nil {
			continue
		}
		add("exec/"+c, src)
	}
	samDir, pats, err := corpus.Cases("sam")
	if err != nil || len(pats) == 0 {
		t.Fatalf("conformance corpus sam/ not found: %v", err)
	}
	for _, p := range pats {
		mf, err := os.ReadFile(filepath.Join(samDir, p, "manifest.json"))
		if err != nil {
			continue
		}
		var man struct {
			StateMachines []struct {
				LogicalID      string `json:"logical_id"`
				DefinitionVia  string `json:"definition_via"`
				DefinitionFile string `json:"definition_file"`
			} `json:"state_machines"`
		}
		if err := json.Unmarshal(mf, &man); err != nil {
			t.Errorf("sam/%s/manifest.json: %v", p, err)
			continue
		}
		for _, sm := range man.StateMachines {
			if sm.DefinitionFile != "" {
				src, err := os.ReadFile(filepath.Join(samDir, p, sm.DefinitionFile))
				if err == nil {
					add("sam/"+p+"/"+sm.DefinitionFile, src)
				}
				continue
			}
			if sm.DefinitionVia != "Definition" {
				continue
			}
			tsrc, err := os.ReadFile(filepath.Join(samDir, p, "template.yaml"))
			if err != nil {
				continue
			}
			tv, err := asl.Parse(tsrc)
			if err != nil {
				continue
			}
			dv := tv.Get("Resources").Get(sm.LogicalID).Get("Properties").Get("Definition")
			if dv == nil || dv.Kind != asl.Object {
				continue
			}
			if d, err := asl.Decode(dv); err == nil {
				out = append(out, corpusDef{"sam/" + p + "#" + sm.LogicalID, d})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// loadDefinition parses one definition file.
func loadDefinition(t testing.TB, path string) *asl.StateMachine {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := asl.Parse(src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	d, err := asl.Decode(v)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

// syntheticDefinitions loads ../shared/bench/layout/synthetic.
func syntheticDefinitions(t testing.TB) map[int]*asl.StateMachine {
	t.Helper()
	shared, err := corpus.Shared()
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]*asl.StateMachine{}
	for _, n := range []int{50, 200, 500, 1000} {
		p := filepath.Join(shared, "bench", "layout", "synthetic", "synth-"+strconv.Itoa(n)+".asl.json")
		out[n] = loadDefinition(t, p)
	}
	return out
}

func decodeString(t testing.TB, src string) *asl.StateMachine {
	t.Helper()
	v, err := asl.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, err := asl.Decode(v)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
