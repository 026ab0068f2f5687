package sam

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/internal/corpus"
)

// manifest is the part of a conformance case's manifest.json the test uses.
type manifest struct {
	TemplatePath  string `json:"template_path"`
	StateMachines []struct {
		LogicalID          string            `json:"logical_id"`
		Type               string            `json:"type"`
		DefinitionVia      string            `json:"definition_via"`
		DefinitionKind     string            `json:"definition_value_kind"`
		DefinitionFile     string            `json:"definition_file"`
		DefinitionFound    *bool             `json:"definition_file_found"`
		Substitutions      map[string]string `json:"substitutions"`
		PlaceholdersInFile []string          `json:"placeholders_in_definition"`
	} `json:"state_machines"`
	MissingFiles []string `json:"missing_files"`
}

// TestConformanceSAM runs list / get / set / rename / restore over every
// template of the shared corpus (Serverless Land workflows), on copies.
func TestConformanceSAM(t *testing.T) {
	dir, cases, err := corpus.Cases("sam")
	if err != nil {
		t.Fatalf("corpus: %v", err)
	}
	if len(cases) == 0 {
		t.Fatal("corpus: no sam cases")
	}
	var templates, machines, listed, roundTrips, renames, restores, broken, brokenClear, s3 int
	for _, c := range cases {
		src := filepath.Join(dir, c)
		var man manifest
		data, err := os.ReadFile(filepath.Join(src, "manifest.json"))
		if err != nil {
			t.Errorf("%s: %v", c, err)
			continue
		}
		if err := json.Unmarshal(data, &man); err != nil {
			t.Errorf("%s: manifest: %v", c, err)
			continue
		}
		templates++
		work := t.TempDir()
		copyTree(t, src, work)
		tpl := findTemplate(work)
		orig := snapshot(t, work)
		tp, err := Load(tpl)
		if err != nil {
			t.Errorf("%s: load: %v", c, err)
			continue
		}
		for _, want := range man.StateMachines {
			machines++
			m, err := tp.Get(want.LogicalID)
			if err != nil {
				t.Errorf("%s: %v", c, err)
				continue
			}
			if m.Type != want.Type || m.DefinitionVia != want.DefinitionVia {
				t.Errorf("%s/%s: type %s via %s, manifest says %s via %s", c, m.ID, m.Type, m.DefinitionVia, want.Type, want.DefinitionVia)
				continue
			}
			for k := range want.Substitutions {
				if !hasSubstitution(m, k) {
					t.Errorf("%s/%s: substitution %s not listed", c, m.ID, k)
				}
			}
			listed++
			if want.DefinitionFound != nil && !*want.DefinitionFound {
				broken++
				if m.Err != nil && strings.Contains(m.Err.Error(), "not found") && strings.Contains(m.Err.Error(), want.DefinitionFile) {
					brokenClear++
				} else {
					t.Errorf("%s/%s: missing file should fail clearly, got %v", c, m.ID, m.Err)
				}
				continue
			}
			if want.DefinitionVia == ViaDefinitionURI && want.DefinitionKind == "mapping" {
				// The S3-object form: read-only, with a clear message.
				if m.ReadOnly == "" || m.Err == nil || !strings.Contains(m.Err.Error(), "S3 object") {
					t.Errorf("%s/%s: S3 DefinitionUri should be read-only with a clear message, got %v", c, m.ID, m.Err)
				} else if _, err := tp.SetDefinition(m.ID, asl.NewObject()); err == nil {
					t.Errorf("%s/%s: S3 DefinitionUri accepted a write", c, m.ID)
				} else {
					s3++
				}
				continue
			}
			if m.Err != nil {
				t.Errorf("%s/%s: %v", c, m.ID, m.Err)
				continue
			}
			if len(want.PlaceholdersInFile) > 0 && strings.Join(want.PlaceholdersInFile, ",") != strings.Join(m.Placeholders, ",") {
				t.Errorf("%s/%s: placeholders %v, manifest %v", c, m.ID, m.Placeholders, want.PlaceholdersInFile)
			}
			if checkMachine(t, c, tpl, m, orig, work, &roundTrips, &renames) {
				restores++
			}
		}
	}
	t.Logf("sam conformance: %d templates, %d state machines, %d listed, %d get→set byte-identical, %d renamed (only definition bytes changed, get returns it), %d restored byte-identical; %d upstream-broken (missing file), %d with a clear message; %d S3-object DefinitionUri (read-only)",
		templates, machines, listed, roundTrips, renames, restores, broken, brokenClear, s3)
	if templates != len(cases) || listed != machines || broken != brokenClear || restores+broken+s3 != machines {
		t.Errorf("not every case passed")
	}
}

// checkMachine runs get→set, rename→set→get and restore for one machine;
// it reports whether the original bytes came back.
func checkMachine(t *testing.T, c, tpl string, m *StateMachine, orig map[string][]byte, work string, roundTrips, renames *int) bool {
	t.Helper()
	tp := m.t
	// get → set of the same definition: nothing changes.
	def, err := asl.ParseJSON(asl.PrintJSON(m.Definition))
	if err != nil {
		t.Errorf("%s/%s: get output does not parse: %v", c, m.ID, err)
		return false
	}
	ch, err := tp.SetDefinition(m.ID, def)
	if err != nil || len(ch) != 0 {
		t.Errorf("%s/%s: set of the same definition: %d changes, %v", c, m.ID, len(ch), err)
		return false
	}
	*roundTrips++
	// Rename the start state and set it.
	renamed, _ := asl.ParseJSON(asl.PrintJSON(m.Definition))
	start, _ := renamed.Get("StartAt").StringValue()
	newName := start + " renamed"
	if err := asl.Rename(renamed, start, newName); err != nil {
		t.Errorf("%s/%s: asl.Rename: %v", c, m.ID, err)
		return false
	}
	ch, err = tp.SetDefinition(m.ID, renamed)
	if err != nil || len(ch) != 1 {
		t.Errorf("%s/%s: set renamed: %d changes, %v", c, m.ID, len(ch), err)
		return false
	}
	if ch[0].Path != m.Span.Path {
		t.Errorf("%s/%s: changed %s, definition lives in %s", c, m.ID, ch[0].Path, m.Span.Path)
		return false
	}
	old := orig[m.Span.Path]
	nw := ch[0].Data
	tail := len(old) - m.Span.End
	if !bytes.Equal(nw[:m.Span.Start], old[:m.Span.Start]) || len(nw) < m.Span.Start+tail || !bytes.Equal(nw[len(nw)-tail:], old[m.Span.End:]) {
		t.Errorf("%s/%s: bytes outside the definition changed", c, m.ID)
		return false
	}
	if err := WriteChanges(ch); err != nil {
		t.Fatal(err)
	}
	for p, b := range orig {
		if p == ch[0].Path {
			continue
		}
		if now, _ := os.ReadFile(p); !bytes.Equal(now, b) {
			t.Errorf("%s/%s: %s changed", c, m.ID, p)
		}
	}
	tp2, err := Load(tpl)
	if err != nil {
		t.Errorf("%s/%s: reload after rename: %v", c, m.ID, err)
		return false
	}
	m2, _ := tp2.Get(m.ID)
	if m2 == nil || m2.Err != nil || !equal(m2.Definition, renamed) {
		t.Errorf("%s/%s: get after rename does not return the renamed definition (%v)\n%s", c, m.ID, m2.Err, asl.PrintJSON(m2.Definition))
		return false
	}
	*renames++
	// Set the original back: every byte restored.
	ch, err = tp2.SetDefinition(m.ID, def)
	if err != nil {
		t.Errorf("%s/%s: restore: %v", c, m.ID, err)
		return false
	}
	if err := WriteChanges(ch); err != nil {
		t.Fatal(err)
	}
	now := snapshot(t, work)
	for p, b := range orig {
		if !bytes.Equal(now[p], b) {
			t.Errorf("%s/%s: %s not restored byte-identical", c, m.ID, p)
			return false
		}
	}
	return true
}

// renameState renames a top-level state and every reference to it at the
// top level (StartAt, Next, Default, Catch Next, Choice Next). It is the
// tests' own minimal rename, for inputs asl.Rename rejects (fuzzed ones).
func renameState(doc *asl.Value, from, to string) {
	if s, _ := doc.Get("StartAt").StringValue(); s == from {
		doc.Set("StartAt", asl.NewString(to))
	}
	states := doc.Get("States")
	if states == nil {
		return
	}
	for _, f := range states.Fields {
		if f.Key == from {
			f.Key = to
		}
		st := f.Value
		fix := func(v *asl.Value, key string) {
			if s, ok := v.Get(key).StringValue(); ok && s == from {
				v.Set(key, asl.NewString(to))
			}
		}
		fix(st, "Next")
		fix(st, "Default")
		for _, list := range []string{"Catch", "Choices"} {
			if l := st.Get(list); l != nil {
				for _, it := range l.Items {
					fix(it, "Next")
				}
			}
		}
	}
}

func hasSubstitution(m *StateMachine, name string) bool {
	for _, s := range m.Substitutions {
		if s.Name == name {
			return true
		}
	}
	return false
}

func findTemplate(dir string) string {
	for _, n := range []string{"template.yaml", "template.yml", "template.json"} {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			return filepath.Join(dir, n)
		}
	}
	return filepath.Join(dir, "template.yaml")
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
