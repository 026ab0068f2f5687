package web

import (
	"fmt"
	"html"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/validate"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func (s *Studio) renderInspector() app.UI {
	var body app.UI
	if st := s.doc.state(s.selected); st != nil {
		body = s.renderStateInspector(st)
	} else {
		body = s.renderWorkflowInspector()
	}
	return app.Aside().Class("panel inspector").Aria("label", "Inspector").DataSet("inspector", "true").Body(body)
}

// field is one labelled control; key is the ASL key it edits.
func field(key, label string, control app.UI, extra ...app.UI) app.UI {
	return app.Div().Class("field").DataSet("field-row", key).Body(
		append([]app.UI{app.Label().Text(label), control}, extra...)...,
	)
}

// selectOption is one option of a rawSelect.
type selectOption struct{ Value, Text string }

// rawSelect is a select of options (one per state, so possibly hundreds)
// written as one piece of HTML: go-app would create and fill every option
// element through a call out of WebAssembly each time the panel mounts
// (13 ms for 200 states). The change event bubbles to a wrapper that
// commits the chosen value; scope is what commit depends on (textInput).
func rawSelect(key, label, selected string, options []selectOption, commit func(ctx app.Context, v string), scope ...any) app.UI {
	var b strings.Builder
	b.WriteString(`<select data-field="`)
	b.WriteString(html.EscapeString(key))
	b.WriteString(`" aria-label="`)
	b.WriteString(html.EscapeString(label))
	b.WriteString(`">`)
	for _, o := range options {
		b.WriteString(`<option value="`)
		b.WriteString(html.EscapeString(o.Value))
		if o.Value == selected {
			b.WriteString(`" selected>`)
		} else {
			b.WriteString(`">`)
		}
		b.WriteString(html.EscapeString(o.Text))
		b.WriteString(`</option>`)
	}
	b.WriteString(`</select>`)
	return app.Div().Class("select-wrap").OnChange(func(ctx app.Context, e app.Event) {
		commit(ctx, e.Get("target").Get("value").String())
	}, append(scope, key)...).Body(app.Raw(b.String()))
}

// namesAsOptions makes an option of each name.
func namesAsOptions(first []selectOption, names []string) []selectOption {
	out := append(make([]selectOption, 0, len(first)+len(names)), first...)
	for _, n := range names {
		out = append(out, selectOption{n, n})
	}
	return out
}

// textInput is an input that commits on change (blur or Enter). go-app
// keeps an event handler whose code is unchanged, so scope names what the
// commit closure depends on (the state), making go-app take the new one.
func textInput(key, label, value string, commit func(ctx app.Context, v string), scope ...any) app.UI {
	return app.Input().Type("text").Value(value).DataSet("field", key).Aria("label", label).
		OnChange(func(ctx app.Context, e app.Event) { commit(ctx, ctx.JSSrc().Get("value").String()) }, append(scope, key)...)
}

func (s *Studio) renderStateInspector(st asl.State) app.UI {
	b := st.Common()
	name := b.Name
	ql := s.effectiveQL(st)
	type tabDef struct{ id, label, short string }
	tabs := []tabDef{{tabConfig, "Configuration", "Configuration"}}
	if hasIOTab(b.Type) {
		tabs = append(tabs, tabDef{tabIO, "Input/Output", "Input/Output"})
	}
	switch b.Type {
	case asl.TypeTask, asl.TypeParallel, asl.TypeMap:
		tabs = append(tabs, tabDef{tabErrors, "Error handling", "Errors"})
	}
	tab := tabConfig
	for _, t := range tabs {
		if t.id == s.insp.tab {
			tab = t.id
		}
	}
	counts, errs := s.tabDiagCounts(name)
	var body app.UI
	switch tab {
	case tabIO:
		body = s.renderIOTab(name, st, ql)
	case tabErrors:
		body = s.renderErrorHandling(name, st, ql == asl.JSONata)
	default:
		body = s.renderConfigTab(name, st, ql)
	}
	return app.Div().Body(
		app.H2().Text(b.Type+" state"),
		field("Name", "Name", textInput("Name", "State name", name, func(ctx app.Context, v string) { s.rename(ctx, name, v) }, name),
			app.Span().Class("hint").Text("Renaming updates every transition to it.")),
		app.Div().Class("insp-tabs").Attr("role", "tablist").Aria("label", "Inspector sections").Body(
			app.Range(tabs).Slice(func(i int) app.UI {
				t := tabs[i]
				return app.Button().Class("insp-tab"+map[bool]string{true: " active", false: ""}[t.id == tab]).
					Attr("role", "tab").Aria("selected", t.id == tab).DataSet("tab", t.id).
					Aria("label", t.label).Title(t.label).
					OnClick(func(ctx app.Context, e app.Event) {
						s.insp.tab = t.id
						s.forgetFailedShapes()
					}, t.id).
					Body(
						app.Text(t.short),
						when(counts[t.id] > 0, func() app.UI {
							cls := "tab-badge warning"
							if errs[t.id] {
								cls = "tab-badge"
							}
							return app.Span().Class(cls).Title("Problems in this section").Text(counts[t.id])
						}),
					)
			}),
		),
		app.Div().Class("insp-body").Attr("role", "tabpanel").DataSet("tab-panel", tab).Body(body),
		s.renderDiagnostics(s.doc.diagsFor(name), "Problems in this state"),
	)
}

// workflowDiags shows beside a workflow field the diagnostics about it.
func (s *Studio) workflowDiags(key string) app.UI {
	var out []validate.Diagnostic
	for _, d := range s.doc.Diags {
		if d.Path == "/"+key || strings.HasPrefix(d.Path, "/"+key+"/") {
			out = append(out, d)
		}
	}
	return inlineDiags("", out)
}

// workflowQL is the workflow's query language.
func (s *Studio) workflowQL() string {
	if s.doc.SM != nil && s.doc.SM.QueryLanguage != "" {
		return s.doc.SM.QueryLanguage
	}
	return asl.JSONPath
}

// tabDiagCounts counts the diagnostics of a state by the tab their field
// is on, and tells the tabs with an error among them.
func (s *Studio) tabDiagCounts(name string) (map[string]int, map[string]bool) {
	out, errs := map[string]int{}, map[string]bool{}
	base := s.doc.pointer(name)
	for _, d := range s.doc.diagsFor(name) {
		rest := strings.TrimPrefix(strings.TrimPrefix(d.Path, base), "/")
		key, _, _ := strings.Cut(rest, "/")
		tab := tabConfig
		switch {
		case ioTabKeys[key]:
			tab = tabIO
		case errorTabKeys[key]:
			tab = tabErrors
		}
		out[tab]++
		if d.Severity == validate.Error {
			errs[tab] = true
		}
	}
	return out, errs
}

// renderConfigTab is the Configuration tab: type, comment, the fields of
// the state's type (a Choice's rule builder), Next / End.
func (s *Studio) renderConfigTab(name string, st asl.State, ql string) app.UI {
	b := st.Common()
	var typeFields []app.UI
	switch t := st.(type) {
	case *asl.TaskState:
		typeFields = append(typeFields,
			s.inspField(name, "/Resource", "Resource", textInput("Resource", "Resource", t.Resource, func(ctx app.Context, v string) {
				s.setStateField(ctx, name, "Resource", asl.NewString(v))
			}, name)),
			s.inspField(name, "/Credentials", "Credentials — a role to assume (cross-account)",
				s.jsonEditor(name, "", "Credentials", b.Node.Get("Credentials"), credentialsPlaceholder(ql))),
		)
	case *asl.WaitState:
		typeFields = append(typeFields,
			s.inspField(name, "/Seconds", "Seconds", s.numInput(name, "", "Seconds", t.Seconds, "5", true)),
			when(ql != asl.JSONata, func() app.UI {
				return s.inspField(name, "/SecondsPath", "…or seconds from a path", s.pathInput(name, "", "SecondsPath", b.Node.Get("SecondsPath"), "$.delay"))
			}),
			s.inspField(name, "/Timestamp", "…or until a timestamp", textInput("Timestamp", "Timestamp", literal(t.Timestamp), func(ctx app.Context, v string) {
				s.editState(ctx, name, "/Timestamp", func(st *asl.Value) error {
					if v = strings.TrimSpace(v); v == "" {
						st.Delete("Timestamp")
					} else {
						st.Set("Timestamp", asl.NewString(v))
					}
					return nil
				})
			}, name)),
			when(ql != asl.JSONata, func() app.UI {
				return s.inspField(name, "/TimestampPath", "…or a timestamp from a path", s.pathInput(name, "", "TimestampPath", b.Node.Get("TimestampPath"), "$.until"))
			}),
		)
	case *asl.MapState:
		typeFields = append(typeFields, s.mapConfigFields(name, t, ql)...)
	case *asl.FailState:
		typeFields = append(typeFields,
			s.inspField(name, "/Error", "Error", textInput("Error", "Error", literal(t.Error), func(ctx app.Context, v string) {
				s.setStateField(ctx, name, "Error", optString(v))
			}, name)),
			s.inspField(name, "/Cause", "Cause", textInput("Cause", "Cause", literal(t.Cause), func(ctx app.Context, v string) {
				s.setStateField(ctx, name, "Cause", optString(v))
			}, name)),
		)
		if ql != asl.JSONata {
			typeFields = append(typeFields,
				s.inspField(name, "/ErrorPath", "…or the error from a path", s.pathInput(name, "", "ErrorPath", b.Node.Get("ErrorPath"), "$.error")),
				s.inspField(name, "/CausePath", "…or the cause from a path", s.pathInput(name, "", "CausePath", b.Node.Get("CausePath"), "$.cause")),
			)
		}
	case *asl.ChoiceState:
		typeFields = append(typeFields, section(countLabel("Rules", len(t.Choices)), s.renderChoiceRules(name, t, ql == asl.JSONata)))
	}
	next := app.UI(nil)
	switch st.(type) {
	case *asl.ChoiceState, *asl.SucceedState, *asl.FailState:
	default:
		next = s.inspField(name, "/Next", "Next state", s.targetSelect(name, "Next", b.Next, "End the workflow", func(ctx app.Context, v string) {
			s.setNext(ctx, name, v)
		}))
	}
	return app.Div().Body(
		field("Type", "Type", app.Select().DataSet("field", "Type").Aria("label", "State type").
			OnChange(func(ctx app.Context, e app.Event) {
				typ := ctx.JSSrc().Get("value").String()
				s.change(ctx, func(root *asl.Value) error { return asl.ChangeType(root, name, typ) })
			}, name).Body(app.Range(stateTypes).Slice(func(i int) app.UI {
			return app.Option().Value(stateTypes[i]).Selected(stateTypes[i] == b.Type).Text(stateTypes[i])
		}))),
		s.inspField(name, "/QueryLanguage", "Query language", app.Select().DataSet("field", "QueryLanguage").Aria("label", "State query language").
			OnChange(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("value").String()
				s.editState(ctx, name, "/QueryLanguage", func(st *asl.Value) error {
					if v == "" {
						st.Delete("QueryLanguage")
					} else {
						st.Set("QueryLanguage", asl.NewString(v))
					}
					return nil
				})
			}, name).Body(
			app.Option().Value("").Selected(b.QueryLanguage == "").Text("As the workflow ("+s.workflowQL()+")"),
			app.Option().Value(asl.JSONPath).Selected(b.QueryLanguage == asl.JSONPath).Text("JSONPath"),
			app.Option().Value(asl.JSONata).Selected(b.QueryLanguage == asl.JSONata).Text("JSONata"),
		)),
		s.inspField(name, "/Comment", "Comment", app.Textarea().DataSet("field", "Comment").Aria("label", "Comment").Text(b.Comment).
			OnChange(func(ctx app.Context, e app.Event) {
				s.setStateField(ctx, name, "Comment", optString(ctx.JSSrc().Get("value").String()))
			}, name)),
		app.Range(typeFields).Slice(func(i int) app.UI { return typeFields[i] }),
		when(next != nil, func() app.UI { return next }),
		app.Div().Class("field").Body(
			app.Div().Style("display", "flex").Style("gap", "6px").Body(
				app.Button().Class("btn").Aria("label", "Duplicate state").Text("Duplicate").
					OnClick(func(ctx app.Context, e app.Event) { s.duplicateState(ctx, name) }, name),
				app.Button().Class("btn").Aria("label", "Delete state").Text("Delete").
					OnClick(func(ctx app.Context, e app.Event) { s.removeState(ctx, name) }, name),
			),
		),
	)
}

var stateTypes = []string{asl.TypeTask, asl.TypePass, asl.TypeChoice, asl.TypeWait, asl.TypeParallel, asl.TypeMap, asl.TypeSucceed, asl.TypeFail}

// targetSelect picks a state of the same scope as a transition target.
func (s *Studio) targetSelect(state, key, value, none string, commit func(ctx app.Context, v string)) app.UI {
	opts := namesAsOptions([]selectOption{{"", none}}, s.siblings(state))
	return rawSelect(key, key, value, opts, commit, state)
}

// siblings lists the other states of the scope that holds state.
func (s *Studio) siblings(state string) []string {
	var out []string
	var walk func(m *asl.StateMachine) bool
	walk = func(m *asl.StateMachine) bool {
		if m == nil {
			return false
		}
		for _, st := range m.States {
			if st.Common().Name == state {
				for _, o := range m.States {
					if n := o.Common().Name; n != state {
						out = append(out, n)
					}
				}
				return true
			}
			switch t := st.(type) {
			case *asl.ParallelState:
				for _, b := range t.Branches {
					if walk(b) {
						return true
					}
				}
			case *asl.MapState:
				if walk(t.Processor) {
					return true
				}
			}
		}
		return false
	}
	walk(s.doc.SM)
	return out
}

func (s *Studio) renderWorkflowInspector() app.UI {
	sm := s.doc.SM
	comment, startAt, ql, timeout := "", "", "", ""
	if sm != nil {
		comment, startAt, ql = sm.Comment, sm.StartAt, sm.QueryLanguage
		if sm.TimeoutSeconds != nil {
			timeout = fmt.Sprint(*sm.TimeoutSeconds)
		}
	}
	var tops []string
	if sm != nil {
		for _, st := range sm.States {
			tops = append(tops, st.Common().Name)
		}
	}
	return app.Div().Body(
		app.H2().Text("Workflow"),
		field("Comment", "Comment", app.Textarea().DataSet("field", "Comment").Aria("label", "Workflow comment").Text(comment).
			OnChange(func(ctx app.Context, e app.Event) {
				s.setTopField(ctx, "Comment", optString(ctx.JSSrc().Get("value").String()))
			}), s.workflowDiags("Comment")),
		field("StartAt", "Start at", rawSelect("StartAt", "Start at", startAt, namesAsOptions(nil, tops), func(ctx app.Context, v string) {
			s.setTopField(ctx, "StartAt", asl.NewString(v))
		}), s.workflowDiags("StartAt")),
		field("QueryLanguage", "Query language", app.Select().DataSet("field", "QueryLanguage").Aria("label", "Query language").
			OnChange(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("value").String()
				if v == asl.JSONPath {
					s.setTopField(ctx, "QueryLanguage", nil)
					return
				}
				s.setTopField(ctx, "QueryLanguage", asl.NewString(v))
			}).Body(
			app.Option().Value(asl.JSONPath).Selected(ql != asl.JSONata).Text("JSONPath"),
			app.Option().Value(asl.JSONata).Selected(ql == asl.JSONata).Text("JSONata"),
		), s.workflowDiags("QueryLanguage")),
		field("TimeoutSeconds", "Timeout (seconds)", app.Input().Type("number").Attr("min", "1").Value(timeout).
			DataSet("field", "TimeoutSeconds").Aria("label", "Workflow timeout in seconds").
			OnChange(func(ctx app.Context, e app.Event) {
				v := strings.TrimSpace(ctx.JSSrc().Get("value").String())
				if v == "" {
					s.setTopField(ctx, "TimeoutSeconds", nil)
					return
				}
				s.setTopField(ctx, "TimeoutSeconds", asl.NewNumber(v))
			}), s.workflowDiags("TimeoutSeconds")),
		s.renderDiagnostics(s.doc.Diags, "Problems"),
	)
}

func (s *Studio) renderDiagnostics(diags []validate.Diagnostic, title string) app.UI {
	if len(diags) == 0 {
		return app.Div().Body(
			app.H2().Text(title),
			app.P().Class("empty").DataSet("diagnostics", "0").Text("No problems found."),
		)
	}
	return app.Div().Body(
		app.H2().Text(fmt.Sprintf("%s (%d)", title, len(diags))),
		app.Ul().Class("diags").DataSet("diagnostics", len(diags)).Body(
			app.Range(diags).Slice(func(i int) app.UI {
				d := diags[i]
				cls := "diag warning"
				if d.Severity == validate.Error {
					cls = "diag error"
				}
				return app.Li().Class(cls).Attr("tabindex", "0").Aria("label", d.Severity+" "+d.Message).
					OnClick(func(ctx app.Context, e app.Event) {
						if st := s.stateAt(d.Path); st != "" {
							s.selected = st
						}
						if d.Line > 0 {
							selectInCode(s.doc.Text, d.Line, d.Column)
						}
					}, d.Path, d.Code, d.Line, d.Column).Body(
					app.Div().Text(d.Message),
					app.Code().Text(fmt.Sprintf("%s · %d:%d", d.Code, d.Line, d.Column)),
				)
			}),
		),
	)
}

// stateAt returns the innermost state whose pointer contains ptr.
func (s *Studio) stateAt(ptr string) string {
	best, bestLen := "", -1
	for name, p := range s.doc.ptrs {
		if (ptr == p || strings.HasPrefix(ptr, p+"/")) && len(p) > bestLen {
			best, bestLen = name, len(p)
		}
	}
	return best
}

// literal is a scalar field's text as written ("" when absent).
func literal(v *asl.Value) string {
	if v == nil {
		return ""
	}
	switch v.Kind {
	case asl.String, asl.Number:
		return v.Str
	}
	return string(asl.AppendCompactJSON(nil, v))
}

// optString is a string value, or nil (remove the field) for "".
func optString(v string) *asl.Value {
	if v == "" {
		return nil
	}
	return asl.NewString(v)
}
