package web

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/validate"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderErrorHandling is the Error handling tab: Retry and Catch lists,
// then a Task's timeouts.
func (s *Studio) renderErrorHandling(name string, st asl.State, jsonata bool) app.UI {
	node := st.Common().Node
	retry, catch := node.Get("Retry"), node.Get("Catch")
	suggestions := s.errorSuggestions(st)
	listID := "error-names-" + strconv.Itoa(len(suggestions))
	var out []app.UI
	out = append(out, app.DataList().ID(listID).Body(app.Range(suggestions).Slice(func(i int) app.UI {
		return app.Option().Value(suggestions[i])
	})))
	out = append(out, section(countLabel("Retry", itemCount(retry)),
		app.P().Class("hint").Text("Tried in order; the first entry whose errors match retries the state."),
		app.Div().Class("entries").DataSet("retriers", itemCount(retry)).Body(
			app.Range(items(retry)).Slice(func(i int) app.UI {
				return s.renderRetrier(name, i, itemCount(retry), retry.Items[i], listID)
			}),
		),
		app.Div().Class("insp-actions").Body(
			app.Button().Class("btn").Aria("label", "Add a retrier").Text("+ Add retrier").
				OnClick(func(ctx app.Context, e app.Event) {
					s.editState(ctx, name, "/Retry", func(st *asl.Value) error {
						addErrorEntry(st, "Retry", newRetrier(st))
						return nil
					})
				}, name),
		),
		inlineDiags(s.fieldError(name, "/Retry"), s.diagsAt(name, "/Retry")),
	))
	out = append(out, section(countLabel("Catch", itemCount(catch)),
		app.P().Class("hint").Text("When retries are exhausted, the first matching catcher goes on to its state."),
		app.Div().Class("entries").DataSet("catchers", itemCount(catch)).Body(
			app.Range(items(catch)).Slice(func(i int) app.UI {
				return s.renderCatcher(name, i, itemCount(catch), catch.Items[i], listID, jsonata)
			}),
		),
		app.Div().Class("insp-actions").Body(
			app.Button().Class("btn").Aria("label", "Add a catcher").Text("+ Add catcher").
				OnClick(func(ctx app.Context, e app.Event) {
					next := s.catchTarget(name)
					s.editState(ctx, name, "/Catch", func(st *asl.Value) error {
						if next == "" {
							return fmt.Errorf("a catcher needs a state to go to: add one first")
						}
						addErrorEntry(st, "Catch", newCatcher(st, next, jsonata))
						return nil
					})
				}, name, jsonata),
		),
		inlineDiags(s.fieldError(name, "/Catch"), s.diagsAt(name, "/Catch")),
	))
	if _, ok := st.(*asl.TaskState); ok {
		out = append(out, section("Timeouts",
			s.inspField(name, "/TimeoutSeconds", "Timeout (seconds)", s.numInput(name, "", "TimeoutSeconds", node.Get("TimeoutSeconds"), "60", true)),
			when(!jsonata, func() app.UI {
				return s.inspField(name, "/TimeoutSecondsPath", "…or timeout from a path", s.pathInput(name, "", "TimeoutSecondsPath", node.Get("TimeoutSecondsPath"), "$.timeout"))
			}),
			s.inspField(name, "/HeartbeatSeconds", "Heartbeat (seconds)", s.numInput(name, "", "HeartbeatSeconds", node.Get("HeartbeatSeconds"), "none", true)),
			when(!jsonata, func() app.UI {
				return s.inspField(name, "/HeartbeatSecondsPath", "…or heartbeat from a path", s.pathInput(name, "", "HeartbeatSecondsPath", node.Get("HeartbeatSecondsPath"), "$.heartbeat"))
			}),
		))
	}
	return app.Div().Body(out...)
}

// items is an array's elements (none for nil or a non-array).
func items(v *asl.Value) []*asl.Value {
	if v == nil || v.Kind != asl.Array {
		return nil
	}
	return v.Items
}

func itemCount(v *asl.Value) int { return len(items(v)) }

// diagsAt returns the diagnostics exactly at a state's relative pointer.
func (s *Studio) diagsAt(name, rel string) (out []validate.Diagnostic) {
	base := s.doc.pointer(name) + rel
	for _, d := range s.doc.Diags {
		if d.Path == base {
			out = append(out, d)
		}
	}
	return out
}

// catchTarget is where a new catcher goes: a Fail state of the scope if
// there is one, else the first other state.
func (s *Studio) catchTarget(name string) string {
	sib := s.siblings(name)
	for _, n := range sib {
		if st := s.doc.state(n); st != nil && st.Common().Type == asl.TypeFail {
			return n
		}
	}
	if len(sib) > 0 {
		return sib[0]
	}
	return ""
}

// entryHead is the title row of a Retry or Catch entry with its buttons.
func (s *Studio) entryHead(name, list string, i, n int) app.UI {
	arr := "/" + list
	what := map[string]string{"Retry": "retrier", "Catch": "catcher"}[list]
	return app.Div().Class("card-head").Body(
		app.Span().Class("card-title").Text(fmt.Sprintf("%s %d", strings.ToUpper(what[:1])+what[1:], i+1)),
		app.Span().Class("card-tools").Body(
			iconButton(fmt.Sprintf("Move %s %d up", what, i+1), "↑", i == 0, func(ctx app.Context, e app.Event) {
				s.editState(ctx, name, arr, func(st *asl.Value) error { return moveItem(st, arr, i, -1) })
			}, name, arr, i),
			iconButton(fmt.Sprintf("Move %s %d down", what, i+1), "↓", i == n-1, func(ctx app.Context, e app.Event) {
				s.editState(ctx, name, arr, func(st *asl.Value) error { return moveItem(st, arr, i, 1) })
			}, name, arr, i),
			iconButton(fmt.Sprintf("Remove %s %d", what, i+1), "✕", false, func(ctx app.Context, e app.Event) {
				s.editState(ctx, name, arr, func(st *asl.Value) error { return removeItem(st, arr, i, true) })
			}, name, arr, i),
		),
	)
}

// renderRetrier is one Retry entry.
func (s *Studio) renderRetrier(name string, i, n int, r *asl.Value, listID string) app.UI {
	rel := "/Retry/" + strconv.Itoa(i)
	jitter, _ := r.Get("JitterStrategy").StringValue()
	return app.Div().Class("entry-card").DataSet("retrier", strconv.Itoa(i)).Body(
		s.entryHead(name, "Retry", i, n),
		s.errorEqualsEditor(name, rel, r, listID),
		app.Div().Class("grid2").Body(
			s.inspField(name, rel+"/IntervalSeconds", "Interval (s)", s.numInput(name, rel, "IntervalSeconds", r.Get("IntervalSeconds"), "1", true)),
			s.inspField(name, rel+"/MaxAttempts", "Max attempts", s.numInput(name, rel, "MaxAttempts", r.Get("MaxAttempts"), "3", true)),
			s.inspField(name, rel+"/BackoffRate", "Backoff rate", s.numInput(name, rel, "BackoffRate", r.Get("BackoffRate"), "2.0", false)),
			s.inspField(name, rel+"/MaxDelaySeconds", "Max delay (s)", s.numInput(name, rel, "MaxDelaySeconds", r.Get("MaxDelaySeconds"), "none", true)),
		),
		s.inspField(name, rel+"/JitterStrategy", "Jitter", app.Select().DataSet("field", "JitterStrategy").Aria("label", "JitterStrategy").
			OnChange(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("value").String()
				s.editState(ctx, name, rel+"/JitterStrategy", func(st *asl.Value) error {
					o := objAt(st, rel)
					if v == "" {
						o.Delete("JitterStrategy")
					} else {
						o.Set("JitterStrategy", asl.NewString(v))
					}
					return nil
				})
			}, name, rel).Body(
			app.Option().Value("").Selected(jitter == "").Text("Default (none)"),
			app.Option().Value("FULL").Selected(jitter == "FULL").Text("FULL — randomize delays"),
			app.Option().Value("NONE").Selected(jitter == "NONE").Text("NONE"),
		)),
		inlineDiags(s.fieldError(name, rel), s.diagsAt(name, rel)),
	)
}

// renderCatcher is one Catch entry.
func (s *Studio) renderCatcher(name string, i, n int, c *asl.Value, listID string, jsonata bool) app.UI {
	rel := "/Catch/" + strconv.Itoa(i)
	next, _ := c.Get("Next").StringValue()
	return app.Div().Class("entry-card").DataSet("catcher", strconv.Itoa(i)).Body(
		s.entryHead(name, "Catch", i, n),
		s.errorEqualsEditor(name, rel, c, listID),
		s.inspField(name, rel+"/Next", "Then go to", s.targetSelect(name, "Next", next, "(choose a state)", func(ctx app.Context, v string) {
			s.editState(ctx, name, rel+"/Next", func(st *asl.Value) error {
				if v == "" {
					return fmt.Errorf("a catcher needs a state to go to")
				}
				objAt(st, rel).Set("Next", asl.NewString(v))
				return nil
			})
		})),
		when(!jsonata, func() app.UI {
			return s.inspField(name, rel+"/ResultPath", "Error output at (ResultPath)", s.pathInput(name, rel, "ResultPath", c.Get("ResultPath"), "$ (replace the input)"))
		}),
		when(jsonata, func() app.UI {
			return s.inspField(name, rel+"/Output", "Output", s.jsonEditor(name, rel, "Output", c.Get("Output"), `"{% $states.errorOutput %}"`))
		}),
		s.inspField(name, rel+"/Assign", "Assign variables", s.jsonEditor(name, rel, "Assign", c.Get("Assign"), `{"error": "{% $states.errorOutput %}"}`)),
		inlineDiags(s.fieldError(name, rel), s.diagsAt(name, rel)),
	)
}

// errorEqualsEditor edits ErrorEquals: the names as removable chips, and a
// box (with suggestions) to add one.
func (s *Studio) errorEqualsEditor(name, rel string, entry *asl.Value, listID string) app.UI {
	names := errorNames(entry)
	fr := rel + "/ErrorEquals"
	add := func(ctx app.Context, v string) {
		v = strings.TrimSpace(v)
		if v == "" {
			return
		}
		s.editState(ctx, name, fr, func(st *asl.Value) error {
			o := objAt(st, rel)
			return setErrorEquals(o, append(errorNames(o), strings.Split(v, ",")...))
		})
	}
	return app.Div().Class("field").DataSet("field-row", "ErrorEquals").Body(
		app.Label().Text("Errors"),
		app.Div().Class("chips").DataSet("errors", strings.Join(names, ",")).Body(
			app.Range(names).Slice(func(j int) app.UI {
				n := names[j]
				return app.Span().Class("chip").DataSet("error-name", n).Body(
					app.Span().Text(n),
					app.Button().Class("chip-x").Aria("label", "Remove "+n).Title("Remove "+n).Text("×").
						OnClick(func(ctx app.Context, e app.Event) {
							s.editState(ctx, name, fr, func(st *asl.Value) error {
								o := objAt(st, rel)
								var keep []string
								for _, x := range errorNames(o) {
									if x != n {
										keep = append(keep, x)
									}
								}
								return setErrorEquals(o, keep)
							})
						}, name, rel, n),
				)
			}),
		),
		app.Input().Type("text").Class("chip-input").Attr("list", listID).Placeholder("Add an error name…").
			DataSet("field", "ErrorEquals").Aria("label", "Add an error name").Attr("spellcheck", "false").
			OnChange(func(ctx app.Context, e app.Event) {
				src := ctx.JSSrc()
				v := src.Get("value").String()
				src.Set("value", "")
				add(ctx, v)
			}, name, rel),
		inlineDiags(s.fieldError(name, fr), s.diagsUnder(name, fr)),
	)
}

// errorSuggestions are the error names a Retry or Catch of st proposes:
// those of Step Functions, then those of the Task's action from the
// catalog when its shapes are loaded.
func (s *Studio) errorSuggestions(st asl.State) []string {
	out := append([]string{}, stateErrorNames...)
	if t, ok := st.(*asl.TaskState); ok {
		if l := s.actionShapes(t.Resource); l != nil && l.done {
			out = append(out, l.errors...)
		}
	}
	return out
}
