package layout

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// randomMachine builds a definition with n states per level whose
// transitions go anywhere in the level (forward, back, to themselves), with
// Choices, Catch handlers and nested Parallel and Map states.
func randomMachine(r *rand.Rand, prefix string, n, depth int) map[string]any {
	name := func(i int) string { return fmt.Sprintf("%s%d", prefix, i) }
	states := map[string]any{}
	for i := 0; i < n; i++ {
		s := map[string]any{}
		target := func() string { return name(r.Intn(n)) }
		switch k := r.Intn(10); {
		case k < 2:
			s["Type"] = "Choice"
			var rules []any
			for j := 0; j <= r.Intn(3); j++ {
				rules = append(rules, map[string]any{"Variable": "$.x", "NumericEquals": j, "Next": target()})
			}
			s["Choices"] = rules
			s["Default"] = target()
		case k == 2 && depth < 2:
			s["Type"] = "Parallel"
			var bs []any
			for j := 0; j <= r.Intn(3); j++ {
				bs = append(bs, randomMachine(r, fmt.Sprintf("%s%d_%d_", prefix, i, j), 1+r.Intn(4), depth+1))
			}
			s["Branches"] = bs
		case k == 3 && depth < 2:
			s["Type"] = "Map"
			s["ItemProcessor"] = randomMachine(r, fmt.Sprintf("%s%dm", prefix, i), 1+r.Intn(5), depth+1)
		case k == 4:
			s["Type"] = "Fail"
		default:
			s["Type"] = "Task"
			s["Resource"] = "arn:aws:states:::lambda:invoke"
		}
		if t := s["Type"]; t != "Choice" && t != "Fail" {
			if r.Intn(5) == 0 {
				s["End"] = true
			} else {
				s["Next"] = target()
			}
			if t != "Pass" && r.Intn(3) == 0 {
				s["Catch"] = []any{map[string]any{"ErrorEquals": []any{"States.ALL"}, "Next": target()}}
			}
		}
		states[name(i)] = s
	}
	return map[string]any{"StartAt": name(0), "States": states}
}

// TestRandomInvariants lays out seeded random definitions (loops, self
// loops, unreachable states, nesting) and checks the invariants and
// determinism.
func TestRandomInvariants(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for i := 0; i < 120; i++ {
		src, _ := json.Marshal(randomMachine(r, "S", 2+r.Intn(24), 0))
		v, err := asl.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		def, _ := asl.Decode(v)
		g := Layout(def, Options{})
		bad := checkGeometry(g)
		for _, p := range bad[:min(3, len(bad))] {
			t.Errorf("random %d: %s\n%s", i, p, src)
		}
		a, _ := json.Marshal(g)
		b, _ := json.Marshal(Layout(def, Options{}))
		if string(a) != string(b) {
			t.Errorf("random %d: not deterministic", i)
		}
	}
}
