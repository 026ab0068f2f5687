package web

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sim"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// testForm is the single-state test of the run panel: a TestState request
// and its result.
type testForm struct {
	state              string
	input              string
	mock               string // "result", "error" or "none"
	result             string
	errName, cause     string
	variables, context string
	res                *sim.TestStateResult
	err                string
}

// openTestState switches to the test tab for a state, with the input the
// run last gave it (or the execution input).
func (s *Studio) openTestState(name string) {
	r := s.runs()
	f := &r.test
	if f.state != name {
		*f = testForm{state: name, input: r.input, mock: "none", result: "{}", variables: "{}", context: ""}
		if t := traceState(s.scoped().events, name); t != nil {
			f.input = prettyJSON(t.input)
			if t.hasResult {
				f.mock, f.result = "result", prettyJSON(t.result)
			}
		}
		if st := s.doc.state(name); st != nil && st.Common().Type == asl.TypeTask && f.mock == "none" {
			f.mock = "result"
		}
	}
	r.tab = runTabTest
	s.foldRun(false) // what it shows must be seen
	s.selected = name
}

// runTestState runs the form's request with sim.TestState at DEBUG level.
func (s *Studio) runTestState() {
	f := &s.runs().test
	f.res, f.err = nil, ""
	opts := sim.TestStateOptions{StateName: f.state, InspectionLevel: "DEBUG", Seed: runSeed}
	switch f.mock {
	case "result":
		opts.Mock = &sim.TestStateMock{Result: f.result, HasResult: true, FieldValidationMode: "NONE"}
	case "error":
		opts.Mock = &sim.TestStateMock{ErrorOutput: &sim.MockThrow{Error: f.errName, Cause: f.cause, HasCause: f.cause != ""}}
	}
	if v := strings.TrimSpace(f.variables); v != "" && v != "{}" {
		vars, err := asl.DecodeJSON([]byte(v))
		m, ok := vars.(map[string]any)
		if err != nil || !ok {
			f.err = "Variables must be a JSON object."
			return
		}
		opts.Variables = m
	}
	if c := strings.TrimSpace(f.context); c != "" {
		ctxv, err := asl.DecodeJSON([]byte(c))
		if err != nil {
			f.err = "Context: " + err.Error()
			return
		}
		opts.Context, opts.HasContext = ctxv, true
	}
	if s.doc.Root == nil {
		f.err = "The definition does not parse."
		return
	}
	res, err := s.testStateOf(f.state, []byte(f.input), opts)
	if err != nil {
		f.err = err.Error()
		return
	}
	f.res = res
}

// renderTestState is the test tab: the request on the left, the TestState
// result with every stage and the next state on the right.
func (s *Studio) renderTestState() app.UI {
	r := s.runs()
	f := &r.test
	if f.state == "" || s.doc.state(f.state) == nil {
		if s.doc.state(s.selected) != nil {
			s.openTestState(s.selected)
		} else {
			return app.Div().Class("run-pane").Body(app.P().Class("run-hint").Text("Select a state on the canvas, then test it here with any input and mock."))
		}
	}
	if f.state != s.selected && s.doc.state(s.selected) != nil {
		s.openTestState(s.selected)
	}
	area := func(label, val string, set func(string)) app.UI {
		return app.Div().Class("test-field").Body(
			app.Label().Class("run-label").Text(label),
			app.Textarea().Class("run-code short").Aria("label", label).Attr("spellcheck", "false").Text(val).
				OnInput(func(ctx app.Context, e app.Event) { set(ctx.JSSrc().Get("value").String()) }, label, f.state),
		)
	}
	form := []app.UI{
		app.Div().Class("run-row").Body(
			app.Strong().Class("run-state-name").Text(f.state),
			app.Div().Class("spacer"),
			app.Select().Aria("label", "Test mock").Body(
				app.Option().Value("none").Text("No mock").Selected(f.mock == "none"),
				app.Option().Value("result").Text("Mocked result").Selected(f.mock == "result"),
				app.Option().Value("error").Text("Mocked error").Selected(f.mock == "error"),
			).OnChange(func(ctx app.Context, e app.Event) { f.mock = ctx.JSSrc().Get("value").String() }, f.state),
			app.Button().Class("btn primary").Aria("label", "Test state").Text("Test state").
				OnClick(func(ctx app.Context, e app.Event) { s.runTestState() }),
		),
		area("Test input", f.input, func(v string) { f.input = v }),
	}
	switch f.mock {
	case "result":
		form = append(form, area("Mocked result", f.result, func(v string) { f.result = v }))
	case "error":
		form = append(form, app.Div().Class("run-row").Body(
			app.Input().Type("text").Placeholder("Error").Aria("label", "Mocked error").Value(f.errName).
				OnInput(func(ctx app.Context, e app.Event) { f.errName = ctx.JSSrc().Get("value").String() }, f.state),
			app.Input().Type("text").Placeholder("Cause").Aria("label", "Mocked cause").Value(f.cause).
				OnInput(func(ctx app.Context, e app.Event) { f.cause = ctx.JSSrc().Get("value").String() }, f.state),
		))
	}
	form = append(form,
		area("Test variables", f.variables, func(v string) { f.variables = v }),
		area("Test context", f.context, func(v string) { f.context = v }),
	)
	return app.Div().Class("run-pane test-pane").DataSet("test-state", f.state).Body(
		app.Div().Class("test-form").Body(form...),
		s.renderTestResult(),
	)
}

func (s *Studio) renderTestResult() app.UI {
	f := &s.runs().test
	if f.err != "" {
		return app.Div().Class("test-result").Body(app.Div().Class("run-err").DataSet("test", "error").Text(f.err))
	}
	if f.res == nil {
		return app.Div().Class("test-result").Body(app.P().Class("run-hint").Text("The TestState result, with every data-processing stage and the next state, shows here."))
	}
	res := f.res
	body := []app.UI{
		app.Div().Class("run-kv").Body(app.Span().Text("Status"),
			app.Strong().Class("s-"+strings.ToLower(res.Status)).DataSet("test", "status").Text(res.Status)),
	}
	if res.NextState != "" {
		body = append(body, app.Div().Class("run-kv").Body(app.Span().Text("Next state"),
			app.Strong().DataSet("test", "next-state").Text(res.NextState)))
	}
	if res.Error != "" {
		body = append(body, app.Div().Class("run-kv").Body(app.Span().Text("Error"),
			app.Code().DataSet("test", "error-name").Text(res.Error)))
		body = append(body, app.P().DataSet("test", "cause").Text(res.Cause))
	}
	var cards []app.UI
	for _, sg := range stagesFromInspection(res.InspectionData, true) {
		cards = append(cards, app.Div().Class("data-card").DataSet("test-stage", sg.key).Body(
			app.H4().Text(sg.label), app.Pre().Class("run-json").Text(prettyJSON(sg.value))))
	}
	if res.HasOutput {
		cards = append(cards, app.Div().Class("data-card").DataSet("test-stage", "output").Body(
			app.H4().Text("Output"), app.Pre().Class("run-json").Text(prettyJSON(res.Output))))
	}
	if v, ok := res.InspectionData["variables"]; ok {
		cards = append(cards, app.Div().Class("data-card").DataSet("test-stage", "variables").Body(
			app.H4().Text("Variables"), app.Pre().Class("run-json").Text(prettyJSON(decodeMaybe(v)))))
	}
	body = append(body, app.Div().Class("data-cards").Body(cards...))
	return app.Div().Class("test-result").DataSet("test", "result").Body(body...)
}
