//go:build !(js && wasm)

package web

import (
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/validate"
)

// mapState parses a one-Map workflow and returns the root and the Map's node.
func mapState(t *testing.T, mapJSON string) (*asl.Value, *asl.Value) {
	t.Helper()
	root, err := asl.ParseJSON([]byte(`{"StartAt": "M", "States": {"M": ` + mapJSON + `}}`))
	if err != nil {
		t.Fatal(err)
	}
	return root, root.Get("States").Get("M")
}

func TestSetMapMode(t *testing.T) {
	const inline = `{"Type": "Map", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}`
	root, m := mapState(t, inline)
	if err := setMapMode(m, mapDistExpress); err != nil {
		t.Fatal(err)
	}
	got := string(asl.PrintJSON(m.Get("ItemProcessor").Get("ProcessorConfig")))
	if !strings.Contains(got, `"Mode": "DISTRIBUTED"`) || !strings.Contains(got, `"ExecutionType": "EXPRESS"`) {
		t.Fatalf("ProcessorConfig after distributed/express: %s", got)
	}
	if k := m.Get("ItemProcessor").Keys(); k[0] != "ProcessorConfig" {
		t.Errorf("ProcessorConfig should come first in ItemProcessor, keys are %v", k)
	}
	for _, d := range validate.Validate(root, validate.Options{}) {
		if d.Severity == validate.Error {
			t.Errorf("distributed Map does not validate: %v", d)
		}
	}
	sm, err := asl.Decode(root)
	if err != nil {
		t.Fatal(err)
	}
	if mp := sm.States[0].(*asl.MapState); mapModeOf(mp) != mapDistExpress {
		t.Errorf("mode read back as %q", mapModeOf(mp))
	}

	// Back to inline: the execution type goes, other members stay.
	m.Get("ItemProcessor").Get("ProcessorConfig").Set("Custom", asl.NewString("kept"))
	if err := setMapMode(m, mapInline); err != nil {
		t.Fatal(err)
	}
	got = string(asl.PrintJSON(m.Get("ItemProcessor").Get("ProcessorConfig")))
	if !strings.Contains(got, `"Mode": "INLINE"`) || strings.Contains(got, "ExecutionType") || !strings.Contains(got, "Custom") {
		t.Fatalf("ProcessorConfig after inline: %s", got)
	}

	// A legacy Iterator becomes ItemProcessor, in its place.
	_, legacy := mapState(t, `{"Type": "Map", "Iterator": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}`)
	if err := setMapMode(legacy, mapDistStandard); err != nil {
		t.Fatal(err)
	}
	if legacy.Has("Iterator") || legacy.Get("ItemProcessor").Get("ProcessorConfig").Get("ExecutionType") == nil {
		t.Fatalf("legacy Iterator not converted: %s", asl.PrintJSON(legacy))
	}
	if k := legacy.Keys(); k[1] != "ItemProcessor" {
		t.Errorf("ItemProcessor should take Iterator's place, keys are %v", k)
	}

	// No processor at all: a clear error, nothing changed.
	_, bare := mapState(t, `{"Type": "Map", "End": true}`)
	if err := setMapMode(bare, mapDistStandard); err == nil || !strings.Contains(err.Error(), "ItemProcessor") {
		t.Fatalf("want an error naming ItemProcessor, got %v", err)
	}
}

// The Configuration tab of a distributed Map shows where items come from,
// how they are batched and where results go; an inline Map shows the
// processing mode but not those; a Task offers Credentials, a JSONPath Fail
// ErrorPath and CausePath; a Choice rule its Comment and Assign.
func TestInspectorTypeFields(t *testing.T) {
	const doc = `{
  "StartAt": "Call",
  "States": {
    "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Each"},
    "Each": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
      "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"}, "Parameters": {"Bucket": "b", "Key": "k"}},
      "Next": "Inline"},
    "Inline": {"Type": "Map", "ItemProcessor": {"StartAt": "Q", "States": {"Q": {"Type": "Pass", "End": true}}}, "Next": "Route"},
    "Route": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Comment": "has x", "Assign": {"seen": true}, "Next": "Oops"}], "Default": "Oops"},
    "Oops": {"Type": "Fail", "ErrorPath": "$.error"}
  }
}`
	render := func(state string) string { return inspectorHTMLOf(t, doc, state, tabConfig) }
	row := func(page, key string) bool { return strings.Contains(page, `data-field-row="`+key+`"`) }

	dist := render("Each")
	for _, key := range []string{"ProcessorConfig", "ItemReader", "ItemBatcher", "ResultWriter", "Label", "MaxConcurrencyPath", "ToleratedFailureCountPath"} {
		if !row(dist, key) {
			t.Errorf("distributed Map: no %s field", key)
		}
	}
	if !strings.Contains(dist, `value="DISTRIBUTED/STANDARD" selected`) {
		t.Errorf("distributed Map: the processing mode select does not show Distributed, Standard")
	}
	if !strings.Contains(dist, "CSVHeaderLocation") {
		t.Errorf("distributed Map: the ItemReader box does not hold the reader")
	}
	inline := render("Inline")
	if !row(inline, "ProcessorConfig") || row(inline, "ItemReader") || row(inline, "ResultWriter") {
		t.Errorf("inline Map: want the mode and no S3 fields")
	}
	if !strings.Contains(inline, `value="INLINE" selected`) {
		t.Errorf("inline Map: the processing mode select does not show Inline")
	}
	if task := render("Call"); !row(task, "Credentials") {
		t.Errorf("Task: no Credentials field")
	}
	fail := render("Oops")
	if !row(fail, "ErrorPath") || !row(fail, "CausePath") || !strings.Contains(fail, `value="$.error"`) {
		t.Errorf("Fail: want ErrorPath (holding $.error) and CausePath")
	}
	choice := render("Route")
	if !strings.Contains(choice, `value="has x"`) || !strings.Contains(choice, "seen") {
		t.Errorf("Choice rule: its Comment and Assign are not shown")
	}
}
