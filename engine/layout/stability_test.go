package layout

import (
	"math"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// Stability after small edits of the top level: insert a Pass after the
// start state, remove a middle state (relinking its predecessors to its
// successor), rename a state. The mean displacement of the nodes present
// before and after is reported; a rename must move nothing.

// retarget replaces every transition to from (StartAt, Next, Default,
// Choices[].Next, Catch[].Next) in the level m by to.
func retarget(m *asl.Value, from, to string) {
	set := func(v *asl.Value, key string) {
		if s, ok := v.Get(key).StringValue(); ok && s == from {
			v.Set(key, asl.NewString(to))
		}
	}
	set(m, "StartAt")
	for _, f := range m.Get("States").Fields {
		s := f.Value
		set(s, "Next")
		set(s, "Default")
		for _, list := range []string{"Choices", "Catch"} {
			if a := s.Get(list); a != nil && a.Kind == asl.Array {
				for _, it := range a.Items {
					set(it, "Next")
				}
			}
		}
	}
}

func decodeValue(t *testing.T, v *asl.Value) *asl.StateMachine {
	d, err := asl.Decode(v)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// displacement is the mean distance moved by the nodes of a found in b
// (matched by ID, after mapping a's IDs through rename), and their count.
func displacement(a, b *Geometry, rename map[string]string) (float64, int) {
	pos := map[string][2]float64{}
	for _, n := range b.Nodes {
		pos[n.ID] = [2]float64{n.X, n.Y}
	}
	sum, count := 0.0, 0
	for _, n := range a.Nodes {
		id := n.ID
		if r, ok := rename[id]; ok {
			id = r
		}
		p, ok := pos[id]
		if !ok {
			continue
		}
		sum += math.Hypot(p[0]-n.X, p[1]-n.Y)
		count++
	}
	if count == 0 {
		return 0, 0
	}
	return sum / float64(count), count
}

func TestStability(t *testing.T) {
	var insSum, remSum float64
	var insN, remN, renamed int
	for _, d := range corpusDefinitions(t) {
		root := d.def.Node
		states := root.Get("States")
		if states == nil || states.Kind != asl.Object || len(states.Fields) < 3 {
			continue
		}
		before := Layout(d.def, Options{})
		src := asl.PrintJSON(root)
		parse := func() *asl.Value {
			v, err := asl.ParseJSON(src)
			if err != nil {
				t.Fatalf("%s: %v", d.name, err)
			}
			return v
		}

		// rename the first state: nothing may move
		v := parse()
		first := v.Get("States").Fields[0]
		old := first.Key
		first.Key = "Renamed " + strings.Repeat("x", 3) + old
		retarget(v, old, first.Key)
		after := Layout(decodeValue(t, v), Options{})
		if dm, _ := displacement(before, after, map[string]string{old: first.Key}); dm != 0 {
			t.Errorf("%s: renaming %q moved nodes by %.1f px on average", d.name, old, dm)
		}
		renamed++

		// insert a Pass after the start state
		v = parse()
		start, _ := v.Get("StartAt").StringValue()
		if s := v.Get("States").Get(start); s != nil && s.Kind == asl.Object {
			p := asl.NewObject()
			p.Set("Type", asl.NewString("Pass"))
			if next, ok := s.Get("Next").StringValue(); ok {
				p.Set("Next", asl.NewString(next))
				s.Set("Next", asl.NewString("Inserted Pass"))
			} else {
				p.Set("Next", asl.NewString(start))
				v.Set("StartAt", asl.NewString("Inserted Pass"))
			}
			v.Get("States").Set("Inserted Pass", p)
			dm, _ := displacement(before, Layout(decodeValue(t, v), Options{}), nil)
			insSum += dm
			insN++
		}

		// remove the middle simple state (not the start, not a Choice,
		// Parallel or Map) among those with a Next
		v = parse()
		fields := v.Get("States").Fields
		var cands []int
		for i, f := range fields {
			if _, ok := f.Value.Get("Next").StringValue(); ok && f.Key != start && !strings.Contains("Choice Parallel Map", f.Value.Get("Type").Str) {
				cands = append(cands, i)
			}
		}
		if len(cands) == 0 {
			continue
		}
		mid := fields[cands[len(cands)/2]]
		next, _ := mid.Value.Get("Next").StringValue()
		v.Get("States").Delete(mid.Key)
		retarget(v, mid.Key, next)
		dm, _ := displacement(before, Layout(decodeValue(t, v), Options{}), nil)
		if testing.Verbose() && dm > 150 {
			t.Logf("%s: removing %q moved nodes by %.1f px on average", d.name, mid.Key, dm)
		}
		remSum += dm
		remN++
	}
	if insN == 0 || remN == 0 {
		t.Fatal("no definitions to edit")
	}
	t.Logf("renamed %d definitions: 0 px moved", renamed)
	t.Logf("insert a Pass after the start state: mean displacement %.1f px over %d definitions", insSum/float64(insN), insN)
	t.Logf("remove a middle state: mean displacement %.1f px over %d definitions", remSum/float64(remN), remN)
	// one layer (a state and the gap below it) is 90 px: an edit should
	// move the rest of the drawing by about that much at most.
	if m := insSum / float64(insN); m > 90 {
		t.Errorf("insert: mean displacement %.1f px > 90", m)
	}
	if m := remSum / float64(remN); m > 90 {
		t.Errorf("remove: mean displacement %.1f px > 90", m)
	}
}
