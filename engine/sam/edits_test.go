package sam

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/internal/corpus"
)

// TestCorpusEdits applies harder edits than the conformance rename to every
// corpus definition (rename every top-level state to a name that needs
// quoting, add a state, drop a field, replace the comment): each must come
// back from get exactly, leave the bytes outside the definition alone, and
// setting the original back must give the original definition.
func TestCorpusEdits(t *testing.T) {
	dir, cases, err := corpus.Cases("sam")
	if err != nil {
		t.Fatalf("corpus: %v", err)
	}
	kinds := map[string]func(d *asl.Value){
		"rename all": func(d *asl.Value) {
			for _, name := range stateNames(d) {
				renameState(d, name, name+": #x'\"")
			}
		},
		"add state": func(d *asl.Value) {
			s := asl.FromAny(map[string]any{"Type": "Pass", "Result": map[string]any{"k": []any{"a\nb", 1.5, nil}}, "End": true})
			d.Get("States").Set("Added", s)
		},
		"drop field": func(d *asl.Value) {
			for _, f := range d.Get("States").Fields {
				if st := f.Value; len(st.Fields) > 1 {
					st.Delete(st.Fields[len(st.Fields)-1].Key)
					return
				}
			}
		},
		"comment": func(d *asl.Value) { d.Set("Comment", asl.NewString("- new: comment #1")) },
		"append item": func(d *asl.Value) {
			if a := firstArray(d, 1); a != nil {
				a.Items = append(a.Items, asl.FromAny(map[string]any{"Added": []any{"x", int64(2)}}))
			}
		},
		"remove item": func(d *asl.Value) {
			if a := firstArray(d, 2); a != nil {
				a.Items = a.Items[1:]
			}
		},
	}
	var done int
	for _, c := range cases {
		work := t.TempDir()
		copyTree(t, filepath.Join(dir, c), work)
		tpl := findTemplate(work)
		orig := snapshot(t, work)
		tp, err := Load(tpl)
		if err != nil {
			t.Errorf("%s: %v", c, err)
			continue
		}
		for _, m := range tp.StateMachines {
			if m.Definition == nil {
				continue
			}
			for kind, do := range kinds {
				def, _ := asl.ParseJSON(asl.PrintJSON(m.Definition))
				nd, _ := asl.ParseJSON(asl.PrintJSON(m.Definition))
				do(nd)
				if equal(nd, def) {
					continue
				}
				tp, _ := Load(tpl)
				ch, err := tp.SetDefinition(m.ID, nd)
				if err != nil {
					if m.ReadOnly == "" {
						t.Errorf("%s/%s %s: %v", c, m.ID, kind, err)
					}
					continue
				}
				old, nw := orig[m.Span.Path], ch[0].Data
				tail := len(old) - m.Span.End
				if !bytes.Equal(nw[:m.Span.Start], old[:m.Span.Start]) || !bytes.Equal(nw[len(nw)-tail:], old[m.Span.End:]) {
					t.Errorf("%s/%s %s: bytes outside the definition changed", c, m.ID, kind)
					continue
				}
				WriteChanges(ch)
				tp2, err := Load(tpl)
				if err != nil {
					t.Errorf("%s/%s %s: reload: %v", c, m.ID, kind, err)
					restore(work, orig)
					continue
				}
				m2, _ := tp2.Get(m.ID)
				if m2.Err != nil || !equal(m2.Definition, nd) {
					t.Errorf("%s/%s %s: get after set differs (%v)", c, m.ID, kind, m2.Err)
				}
				ch, err = tp2.SetDefinition(m.ID, def)
				if err != nil {
					t.Errorf("%s/%s %s: restore: %v", c, m.ID, kind, err)
				}
				WriteChanges(ch)
				tp3, _ := Load(tpl)
				if m3, _ := tp3.Get(m.ID); m3 == nil || !equal(m3.Definition, def) {
					t.Errorf("%s/%s %s: restore does not give the original definition", c, m.ID, kind)
				}
				done++
				restore(work, orig)
			}
		}
	}
	t.Logf("corpus edits: %d edit round trips", done)
}

func stateNames(d *asl.Value) []string {
	var out []string
	if s := d.Get("States"); s != nil {
		for _, f := range s.Fields {
			out = append(out, f.Key)
		}
	}
	return out
}

func restore(dir string, files map[string][]byte) {
	for p, b := range files {
		os.WriteFile(p, b, 0o644)
	}
}

// firstArray returns the first array (depth first) with at least n items.
func firstArray(v *asl.Value, n int) *asl.Value {
	if v.Kind == asl.Array && len(v.Items) >= n {
		return v
	}
	for _, it := range v.Items {
		if a := firstArray(it, n); a != nil {
			return a
		}
	}
	for _, f := range v.Fields {
		if a := firstArray(f.Value, n); a != nil {
			return a
		}
	}
	return nil
}
