package web

import (
	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// ioKeys are the fields the Input/Output tab edits, in the order data
// flows through a state; onlyPath / onlyJSONata mark the query language
// each belongs to.
var ioKeys = []struct {
	key, label, placeholder string
	json                    bool
	lang                    string // "" both, else asl.JSONPath or asl.JSONata
}{
	{"InputPath", "InputPath — the part of the input the state sees", "$", false, asl.JSONPath},
	{"ItemsPath", "ItemsPath — the array to iterate", "$.items", false, asl.JSONPath},
	{"Items", "Items — the array to iterate", `"{% $states.input.items %}"`, true, asl.JSONata},
	{"Parameters", "Parameters — the task's input", `{"key.$": "$.value"}`, true, asl.JSONPath},
	{"Arguments", "Arguments — the task's input", `{"key": "{% $states.input.value %}"}`, true, asl.JSONata},
	{"ItemSelector", "ItemSelector — each item's input", `{"item.$": "$$.Map.Item.Value"}`, true, ""},
	{"Result", "Result — the fixed output", `{"status": "ok"}`, true, asl.JSONPath},
	{"ResultSelector", "ResultSelector — reshape the result", `{"value.$": "$.Payload"}`, true, asl.JSONPath},
	{"ResultPath", "ResultPath — where the result goes in the input", "$ (replace), null (discard)", false, asl.JSONPath},
	{"OutputPath", "OutputPath — the part passed on", "$", false, asl.JSONPath},
	{"Output", "Output — the state's output", `"{% $states.result %}"`, true, asl.JSONata},
	{"Assign", "Assign — set variables", `{"total": "{% $states.input.total %}"}`, true, ""},
}

// ioFieldShown reports whether the Input/Output tab shows key for a state
// of type typ in query language ql (a field the state has is always shown,
// so that its diagnostics have a place).
func ioFieldShown(typ, ql, key, lang string, node *asl.Value) bool {
	if node.Has(key) {
		return true
	}
	if !asl.StateFieldAllowed(typ, key) || (lang != "" && lang != ql) {
		return false
	}
	// Map's legacy Parameters is ItemSelector now.
	return !(typ == asl.TypeMap && key == "Parameters")
}

// hasIOTab reports whether a state type has Input/Output fields.
func hasIOTab(typ string) bool { return typ != asl.TypeFail }

// renderIOTab is the Input/Output tab.
func (s *Studio) renderIOTab(name string, st asl.State, ql string) app.UI {
	b := st.Common()
	node := b.Node
	resource := ""
	if t, ok := st.(*asl.TaskState); ok {
		resource = t.Resource
	}
	var out []app.UI
	for _, f := range ioKeys {
		if !ioFieldShown(b.Type, ql, f.key, f.lang, node) {
			continue
		}
		rel := "/" + f.key
		if !f.json {
			out = append(out, s.inspField(name, rel, f.label, s.pathInput(name, "", f.key, node.Get(f.key), f.placeholder)))
			continue
		}
		var extra []app.UI
		if resource != "" && (f.key == "Parameters" || f.key == "Arguments") {
			extra = append(extra, s.renderMemberSuggestions(name, f.key, resource, node.Get(f.key)))
		}
		out = append(out, s.inspField(name, rel, f.label, s.jsonEditor(name, "", f.key, node.Get(f.key), f.placeholder), extra...))
	}
	if len(out) == 0 {
		out = append(out, app.P().Class("empty").Text("This state has no input or output fields."))
	}
	return app.Div().Body(out...)
}

// ioTabKeys are the fields whose diagnostics count on the Input/Output tab.
var ioTabKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range ioKeys {
		m[f.key] = true
	}
	return m
}()

// errorTabKeys are the fields whose diagnostics count on the Error handling tab.
var errorTabKeys = map[string]bool{
	"Retry": true, "Catch": true, "TimeoutSeconds": true, "TimeoutSecondsPath": true,
	"HeartbeatSeconds": true, "HeartbeatSecondsPath": true,
}
