package web

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sim"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// stateMock is a per-state mock set in the panel; it takes precedence over
// the MockConfigFile (sim.Options.StateMocks).
type stateMock struct {
	kind         string // "", "return" or "throw"
	value        string // the JSON result of "return"
	errName, cse string // the failure of "throw"
}

// stateMocks converts the panel's per-state mocks for the engine.
func (r *runSession) stateMocks() (map[string]*sim.MockedResponse, string) {
	out := map[string]*sim.MockedResponse{}
	for name, m := range r.perState {
		switch m.kind {
		case "return":
			v, err := asl.DecodeJSON([]byte(strings.TrimSpace(m.value)))
			if err != nil {
				return nil, "mock of " + name + ": " + err.Error()
			}
			out[name] = sim.ReturnMock(v)
		case "throw":
			out[name] = sim.ThrowMock(m.errName, m.cse)
		}
	}
	return out, ""
}

// taskStates lists the document's Task states (nested ones too).
func (s *Studio) taskStates() []string {
	var out []string
	for _, n := range stateNames(s.doc.SM) {
		if st := s.doc.state(n); st != nil && st.Common().Type == asl.TypeTask {
			out = append(out, n)
		}
	}
	return out
}

// renderStateMocks is the per-state mock editor of the Mocks tab.
func (s *Studio) renderStateMocks() app.UI {
	r := s.runs()
	tasks := s.taskStates()
	if len(tasks) == 0 {
		return nil
	}
	return app.Div().Class("state-mocks").Body(
		app.Label().Class("run-label").Text("Per-state mocks (override the file)"),
		app.Range(tasks).Slice(func(i int) app.UI {
			name := tasks[i]
			m := r.perState[name]
			if m == nil {
				m = &stateMock{}
			}
			set := func(f func(m *stateMock)) {
				if r.perState[name] == nil {
					r.perState[name] = &stateMock{value: "{}"}
				}
				f(r.perState[name])
			}
			row := []app.UI{
				app.Span().Class("state-mock-name").Text(name),
				app.Select().Aria("label", "Mock of "+name).DataSet("state-mock", name).Body(
					app.Option().Value("").Text("From the file").Selected(m.kind == ""),
					app.Option().Value("return").Text("Return").Selected(m.kind == "return"),
					app.Option().Value("throw").Text("Throw").Selected(m.kind == "throw"),
				).OnChange(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					set(func(m *stateMock) { m.kind = v })
				}, name, r),
			}
			switch m.kind {
			case "return":
				row = append(row, app.Input().Type("text").Class("mono").Aria("label", "Result of "+name).Value(m.value).
					OnInput(func(ctx app.Context, e app.Event) {
						v := ctx.JSSrc().Get("value").String()
						set(func(m *stateMock) { m.value = v })
					}, name, r))
			case "throw":
				row = append(row,
					app.Input().Type("text").Placeholder("Error").Aria("label", "Error of "+name).Value(m.errName).
						OnInput(func(ctx app.Context, e app.Event) {
							v := ctx.JSSrc().Get("value").String()
							set(func(m *stateMock) { m.errName = v })
						}, name, r),
					app.Input().Type("text").Placeholder("Cause").Aria("label", "Cause of "+name).Value(m.cse).
						OnInput(func(ctx app.Context, e app.Event) {
							v := ctx.JSSrc().Get("value").String()
							set(func(m *stateMock) { m.cse = v })
						}, name, r),
				)
			}
			return app.Div().Class("run-row state-mock").Body(row...)
		}),
	)
}
