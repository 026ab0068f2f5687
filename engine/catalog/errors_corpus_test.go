package catalog_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/internal/corpus"
)

// taskResources maps every Task state's name in a definition to its Resource.
func taskResources(v any, out map[string]string) {
	switch x := v.(type) {
	case map[string]any:
		if states, ok := x["States"].(map[string]any); ok {
			for name, s := range states {
				if st, ok := s.(map[string]any); ok && st["Type"] == "Task" {
					if r, ok := st["Resource"].(string); ok {
						out[name] = r
					}
				}
			}
		}
		for _, e := range x {
			taskResources(e, out)
		}
	case []any:
		for _, e := range x {
			taskResources(e, out)
		}
	}
}

// The errors AWS raised in the recorded executions of the corpus are among
// those Errors lists for the task's resource, when the error is the
// service's (not a States.* error).
func TestErrorsCoverRecordedErrors(t *testing.T) {
	c := fullCatalog(t)
	dir, cases, err := corpus.Cases("exec")
	if err != nil {
		t.Fatalf("conformance corpus: %v", err)
	}
	checked, missed := 0, 0
	for _, cs := range cases {
		mb, err := os.ReadFile(filepath.Join(dir, cs, "mocks.json"))
		if err != nil {
			continue
		}
		db, err := os.ReadFile(filepath.Join(dir, cs, "definition.json"))
		if err != nil {
			t.Fatal(err)
		}
		var def any
		var mocks map[string][]struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(db, &def) != nil || json.Unmarshal(mb, &mocks) != nil {
			continue
		}
		res := map[string]string{}
		taskResources(def, res)
		for state, results := range mocks {
			r, ok := res[state]
			if !ok || !strings.HasPrefix(r, "arn:aws:states:::") {
				continue
			}
			for _, m := range results {
				if m.Error == "" || strings.HasPrefix(m.Error, "States.") || !strings.Contains(m.Error, ".") {
					continue
				}
				errs, err := c.Errors(r)
				if err != nil {
					continue // not a catalog integration (e.g. an activity)
				}
				checked++
				if !slices.Contains(errs, m.Error) {
					missed++
					t.Errorf("%s: %s raised %s, not among %d errors of %s", cs, state, m.Error, len(errs), r)
				}
			}
		}
	}
	t.Logf("recorded service errors checked: %d, missed: %d", checked, missed)
	if checked == 0 {
		t.Error("no recorded service error found in the exec corpus")
	}
}
