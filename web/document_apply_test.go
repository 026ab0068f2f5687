package web

import (
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// An edit applied to a JSON document leaves the model where a parse of the
// new code would put it: the code pane's highlights and the diagnostics'
// line:col follow the printed text.
func TestApplyKeepsPositionsOfTheCode(t *testing.T) {
	d := newDocument("w", []byte(scratchWorkflow(12)))
	root := d.Root.Clone()
	if err := asl.RemoveStates(root, []string{"Step 3"}); err != nil {
		t.Fatal(err)
	}
	d.apply(root)
	if d.Root != root || d.ParseErr != nil {
		t.Fatalf("the edited model is not the document's (%v)", d.ParseErr)
	}
	parsed, err := asl.ParseJSON([]byte(d.Text))
	if err != nil || !asl.Equal(parsed, d.Root) {
		t.Fatalf("the code does not hold the model: %v", err)
	}
	for _, name := range []string{"Step 2", "Step 4", "Step 11"} {
		ptr := d.pointer(name)
		got, want := asl.Lookup(d.Root, ptr), asl.Lookup(parsed, ptr)
		if got == nil || want == nil || got.Pos != want.Pos || got.End != want.End {
			t.Errorf("%s at %s: model %+v, code %+v", name, ptr, got, want)
		}
	}
}
