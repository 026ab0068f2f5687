package web

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/validate"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// fieldKey names a field of a state for the inspector's drafts and errors:
// the state and the field's pointer relative to the state ("/Retry/0/MaxAttempts").
func fieldKey(state, rel string) string { return state + "\x00" + rel }

// editState runs op on a copy of state name's object; the edit goes
// through change (undo, autosave, code pane). An error of op shows next to
// the field at rel and the document stays as it was.
func (s *Studio) editState(ctx app.Context, name, rel string, op func(st *asl.Value) error) bool {
	var opErr error
	ok := s.change(ctx, func(root *asl.Value) error {
		n := s.stateNode(root, name)
		if n == nil {
			return &asl.EditError{Op: "Edit", Msg: "no state named " + strconv.Quote(name)}
		}
		opErr = op(n)
		return opErr
	})
	if s.insp.errs == nil {
		s.insp.errs = map[string]string{}
	}
	if opErr != nil {
		s.insp.errs[fieldKey(name, rel)] = opErr.Error()
		s.hint = ""
	} else {
		delete(s.insp.errs, fieldKey(name, rel))
	}
	return ok
}

// fieldError is the message of the last refused edit of a field ("" when none).
func (s *Studio) fieldError(name, rel string) string { return s.insp.errs[fieldKey(name, rel)] }

// effectiveQL is the query language of a state: its own, else the workflow's.
func (s *Studio) effectiveQL(st asl.State) string {
	if ql := st.Common().QueryLanguage; ql != "" {
		return ql
	}
	if s.doc.SM != nil && s.doc.SM.QueryLanguage != "" {
		return s.doc.SM.QueryLanguage
	}
	return asl.JSONPath
}

// diagsUnder returns the diagnostics of state name at the relative pointer
// rel or inside it.
func (s *Studio) diagsUnder(name, rel string) []validate.Diagnostic {
	base := s.doc.pointer(name) + rel
	var out []validate.Diagnostic
	for _, d := range s.doc.Diags {
		if d.Path == base || strings.HasPrefix(d.Path, base+"/") {
			out = append(out, d)
		}
	}
	return out
}

// diagsOfRule returns the diagnostics of a Choice rule itself and of its
// own fields, not those of the conditions nested in it.
func (s *Studio) diagsOfRule(name, rel string) []validate.Diagnostic {
	base := s.doc.pointer(name) + rel
	var out []validate.Diagnostic
	for _, d := range s.doc.Diags {
		if d.Path == base {
			out = append(out, d)
			continue
		}
		rest, ok := strings.CutPrefix(d.Path, base+"/")
		if !ok {
			continue
		}
		first, _, _ := strings.Cut(rest, "/")
		if first != "And" && first != "Or" && first != "Not" {
			out = append(out, d)
		}
	}
	return out
}

// inlineDiags shows diagnostics (and a refused edit's message) next to the
// field they concern.
func inlineDiags(editErr string, diags []validate.Diagnostic) app.UI {
	if editErr == "" && len(diags) == 0 {
		return app.If(false)
	}
	return app.Ul().Class("field-diags").Body(
		when(editErr != "", func() app.UI {
			return app.Li().Class("diag error").DataSet("field-error", "true").Attr("role", "alert").Text(editErr)
		}),
		app.Range(diags).Slice(func(i int) app.UI {
			d := diags[i]
			cls := "diag warning"
			if d.Severity == validate.Error {
				cls = "diag error"
			}
			return app.Li().Class(cls).DataSet("field-diag", d.Code).Title(d.Code + " · " + d.Path).Text(d.Message)
		}),
	)
}

// inspField is a labelled control with its inline diagnostics.
func (s *Studio) inspField(name, rel, label string, control app.UI, extra ...app.UI) app.UI {
	key := rel[strings.LastIndex(rel, "/")+1:]
	body := append([]app.UI{app.Label().Text(label), control}, extra...)
	body = append(body, inlineDiags(s.fieldError(name, rel), s.diagsUnder(name, rel)))
	return app.Div().Class("field").DataSet("field-row", key).Body(body...)
}

// pathInput edits a path field (InputPath, ResultPath, …) of a state or of
// an entry inside it (obj is the entry's relative pointer, "" for the state).
func (s *Studio) pathInput(name, obj, key string, v *asl.Value, placeholder string) app.UI {
	rel := obj + "/" + key
	return app.Input().Type("text").Value(pathText(v)).Placeholder(placeholder).
		DataSet("field", key).Aria("label", key).Attr("spellcheck", "false").
		OnChange(func(ctx app.Context, e app.Event) {
			text := ctx.JSSrc().Get("value").String()
			s.editState(ctx, name, rel, func(st *asl.Value) error {
				return setPathField(objAt(st, obj), key, text)
			})
		}, name, rel)
}

// pathText is a path field as its box shows it ("null" for JSON null).
func pathText(v *asl.Value) string {
	if v == nil {
		return ""
	}
	if v.Kind == asl.Null {
		return "null"
	}
	return literal(v)
}

// numInput edits a numeric field of a state or of an entry inside it.
func (s *Studio) numInput(name, obj, key string, v *asl.Value, placeholder string, integer bool) app.UI {
	rel := obj + "/" + key
	return app.Input().Type("text").Attr("inputmode", "decimal").Value(literal(v)).Placeholder(placeholder).
		DataSet("field", key).Aria("label", key).
		OnChange(func(ctx app.Context, e app.Event) {
			text := ctx.JSSrc().Get("value").String()
			s.editState(ctx, name, rel, func(st *asl.Value) error {
				return setNumberField(objAt(st, obj), key, text, integer)
			})
		}, name, rel, integer)
}

// objAt is the object at a relative pointer of a state ("" is the state).
func objAt(st *asl.Value, rel string) *asl.Value {
	if rel == "" {
		return st
	}
	if v := asl.Lookup(st, rel); v != nil && v.Kind == asl.Object {
		return v
	}
	return asl.NewObject() // edits of a vanished entry go nowhere
}

// jsonEditor edits a JSON field (Parameters, ResultSelector, Arguments,
// Output, Assign, …) of a state or of an entry inside it. The text is
// committed when the box loses focus and parses; text that does not parse
// stays in the box with its error inline, and the document is unchanged.
func (s *Studio) jsonEditor(name, obj, key string, v *asl.Value, placeholder string) app.UI {
	rel := obj + "/" + key
	dk := fieldKey(name, rel)
	shown := fieldJSON(v)
	d := s.insp.drafts[dk]
	if d != nil && d.base != shown {
		// The field changed under the draft (undo, a code edit): the model wins.
		delete(s.insp.drafts, dk)
		d = nil
	}
	text := shown
	if d != nil && d.text != "" {
		text = d.text
	}
	rows := strings.Count(text, "\n") + 2
	if rows < 3 {
		rows = 3
	}
	if rows > 14 {
		rows = 14
	}
	errText := ""
	if d != nil {
		errText = d.err
	}
	return app.Div().Class("json-editor").Body(
		app.Textarea().Class("json").Text(text).Rows(rows).Placeholder(placeholder).
			DataSet("field", key).DataSet("json-invalid", errText != "").Aria("label", key+" (JSON)").
			Aria("invalid", errText != "").Attr("spellcheck", "false").
			OnInput(func(ctx app.Context, e app.Event) {
				// Only the error follows each keystroke: the box keeps
				// what is typed (its value is not written back).
				typed := ctx.JSSrc().Get("value").String()
				_, err := parseJSONField(key, typed)
				s.setDraft(dk, shown, "", err)
			}, name, rel, shown).
			OnChange(func(ctx app.Context, e app.Event) {
				typed := ctx.JSSrc().Get("value").String()
				val, err := parseJSONField(key, typed)
				if err != nil {
					s.setDraft(dk, shown, typed, err)
					return
				}
				delete(s.insp.drafts, dk)
				if asl.Equal(val, v) {
					return
				}
				s.editState(ctx, name, rel, func(st *asl.Value) error {
					o := objAt(st, obj)
					if val == nil {
						o.Delete(key)
					} else {
						o.Set(key, val)
					}
					return nil
				})
			}, name, rel, shown),
		when(errText != "", func() app.UI {
			return app.Div().Class("json-error").DataSet("json-error", key).Attr("role", "alert").Text(errText)
		}),
	)
}

// setDraft records the state of a JSON field being typed into; text "" keeps
// the text recorded before (the box holds what is typed meanwhile).
func (s *Studio) setDraft(dk, base, text string, err error) {
	if s.insp.drafts == nil {
		s.insp.drafts = map[string]*jsonDraft{}
	}
	d := s.insp.drafts[dk]
	if err == nil && text == "" {
		if d != nil {
			d.err = ""
		}
		return
	}
	if d == nil {
		d = &jsonDraft{base: base}
		s.insp.drafts[dk] = d
	}
	if text != "" {
		d.text = text
	}
	d.err = ""
	if err != nil {
		d.err = err.Error()
	}
}

// section is a titled group of fields inside a tab.
func section(title string, body ...app.UI) app.UI {
	return app.Section().Class("insp-section").Body(
		append([]app.UI{app.H3().Text(title)}, body...)...,
	)
}

// iconButton is a small square button with an accessible label.
func iconButton(label, glyph string, disabled bool, onClick app.EventHandler, scope ...any) app.UI {
	return app.Button().Class("btn icon mini").Aria("label", label).Title(label).Disabled(disabled).
		Text(glyph).OnClick(onClick, scope...)
}

// countLabel is "title (n)" when n > 0.
func countLabel(title string, n int) string {
	if n == 0 {
		return title
	}
	return fmt.Sprintf("%s (%d)", title, n)
}
