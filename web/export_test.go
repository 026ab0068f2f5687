package web

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sam"
)

const exportYAMLSrc = `Comment: Two steps
StartAt: First
States:
  First:
    Type: Pass
    Next: Done
  Done:
    Type: Succeed
`

// Every export of a YAML document holds the same definition.
func TestExportFormats(t *testing.T) {
	d := newDocument("Two steps", []byte(exportYAMLSrc))
	if d.Root == nil {
		t.Fatal(d.ParseErr)
	}
	name, mime, text, err := d.exportFile(exportJSON)
	if err != nil || name != "Two steps.asl.json" || mime != "application/json" {
		t.Fatalf("JSON export %q %q %v", name, mime, err)
	}
	var fromJSON map[string]any
	if err := json.Unmarshal([]byte(text), &fromJSON); err != nil || fromJSON["StartAt"] != "First" {
		t.Fatalf("JSON export %v does not parse as the definition: %s", err, text)
	}
	if _, _, text, err = d.exportFile(exportYAML); err != nil || !strings.Contains(text, "StartAt: First") {
		t.Fatalf("YAML export %v: %s", err, text)
	}
	if v, err := asl.ParseYAML([]byte(text)); err != nil || !asl.Equal(v, d.Root) {
		t.Errorf("the YAML export reads back as %v (%v)", v, err)
	}
	name, _, text, err = d.exportFile(exportSAM)
	if err != nil || name != "template.yaml" {
		t.Fatalf("SAM export %q %v", name, err)
	}
	tpl, err := sam.Parse(name, []byte(text), nil)
	if err != nil {
		t.Fatalf("the SAM export does not parse: %v\n%s", err, text)
	}
	ms := tpl.StateMachines
	if len(ms) != 1 || ms[0].ID != "TwoStepsStateMachine" {
		t.Fatalf("SAM export machines %+v", ms)
	}
	if !asl.Equal(ms[0].Definition, d.Root) {
		t.Errorf("the template's definition %v (%v), want the document's", ms[0].Definition, ms[0].Err)
	}
	name, mime, text, err = d.exportFile(exportSVG)
	if err != nil || name != "Two steps.svg" || mime != "image/svg+xml" || !strings.HasPrefix(text, "<svg") || !strings.Contains(text, ">First<") {
		t.Errorf("SVG export %q %q %v: %.200s", name, mime, err, text)
	}
	if name, _, _, _ = d.exportFile(exportPNG); name != "Two steps.png" {
		t.Errorf("PNG export named %q", name)
	}
}

// A document whose code does not parse cannot be converted, and says so.
func TestExportWithASyntaxError(t *testing.T) {
	d := newDocument("", []byte(`{"StartAt": "A", "States": {`))
	if d.ParseErr == nil {
		t.Fatal("the broken document parsed")
	}
	for _, f := range []string{exportJSON, exportYAML, exportSAM, exportSVG} {
		if _, _, _, err := d.exportFile(f); err == nil || !strings.Contains(err.Error(), "syntax error") {
			t.Errorf("%s export of a broken document: %v", f, err)
		}
	}
}

// A document opened from a template exports that template, byte for byte.
func TestExportOfATemplate(t *testing.T) {
	gen, err := sam.Generate(newDocument("x", []byte(exportYAMLSrc)).Root, sam.GenerateOptions{Name: "OrdersStateMachine", Inline: true})
	if err != nil {
		t.Fatal(err)
	}
	src := "# kept as written\n" + string(gen.Template)
	d := newDocument("template", []byte(src))
	if d.Sam == nil {
		t.Fatal("the template did not open as a template")
	}
	name, _, text, err := d.exportFile(exportSAM)
	if err != nil || text != src {
		t.Errorf("SAM export of a template %q %v:\n%s", name, err, text)
	}
	if _, _, text, err := d.exportFile(exportJSON); err != nil || !strings.Contains(text, `"StartAt": "First"`) {
		t.Errorf("JSON export of a template %v: %s", err, text)
	}
}

func TestDocNameOf(t *testing.T) {
	for file, want := range map[string]string{"orders.asl.json": "orders", "dir/Orders.ASL.yaml": "Orders", "flow.json": "flow",
		"my.workflow.yml": "my.workflow", ".asl.json": ".asl", "asl": "asl"} {
		if got := docNameOf(file); got != want {
			t.Errorf("docNameOf(%q) = %q, want %q", file, got, want)
		}
	}
}
