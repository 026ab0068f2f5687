package sam_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/aslstudio/aslstudio/engine/sam"
	"github.com/aslstudio/aslstudio/engine/validate"
	"github.com/aslstudio/aslstudio/internal/corpus"
)

// TestConformanceValidate counts the corpus definitions that validate with
// ${Name} placeholders and intrinsics tolerated (the validator's default),
// and prints the errors of the others.
func TestConformanceValidate(t *testing.T) {
	dir, cases, err := corpus.Cases("sam")
	if err != nil {
		t.Fatalf("corpus: %v", err)
	}
	var total, valid int
	for _, c := range cases {
		var tpl string
		for _, n := range []string{"template.yaml", "template.yml", "template.json"} {
			if _, err := os.Stat(filepath.Join(dir, c, n)); err == nil {
				tpl = filepath.Join(dir, c, n)
			}
		}
		tp, err := sam.Load(tpl)
		if err != nil {
			t.Errorf("%s: %v", c, err)
			continue
		}
		for _, m := range tp.StateMachines {
			if m.Definition == nil {
				continue
			}
			total++
			diags := validate.Validate(m.Definition, validate.Options{Type: m.WorkflowType, NoWarnings: true})
			if !validate.HasErrors(diags) {
				valid++
				continue
			}
			for _, d := range diags {
				t.Logf("%s/%s: %s", c, m.ID, d)
			}
		}
	}
	t.Logf("sam validate: %d of %d extracted definitions valid with placeholders tolerated", valid, total)
	if total == 0 || valid == 0 {
		t.Error("no definition validated")
	}
}
