package web

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sim"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// stageOrder is the order of the data-processing stages of TestState's
// inspectionData, JSONPath and JSONata alike.
var stageOrder = []struct{ key, label string }{
	{"input", "Input"},
	{"afterInputPath", "After InputPath"},
	{"afterItemsPath", "After ItemsPath"},
	{"afterParameters", "After Parameters"},
	{"afterArguments", "After Arguments"},
	{"result", "Result"},
	{"afterResultSelector", "After ResultSelector"},
	{"afterResultPath", "After ResultPath"},
}

// stateTrace is what the shown history says about one state's latest visit.
type stateTrace struct {
	entered, exited bool
	input, output   any
	result          any
	hasResult       bool
	failure         *sim.MockThrow
	attempts        []attempt
	assigned        map[string]any
}

// attempt is one try of a task: its result or its failure.
type attempt struct {
	ok     bool
	output any
	err    string
	cause  string
}

// traceState reads the latest visit of a state from a history prefix:
// the events its previousEventId chain owns (visitsOf), which Parallel
// branches and Map iterations interleave with their own.
func traceState(events []*sim.Event, name string) *stateTrace {
	h := visitsOf(events, nil)
	v := h.latest(name)
	if v < 0 {
		return nil
	}
	entered := h.visits[v].entered
	t := &stateTrace{entered: true, input: events[entered].Details.Input}
	for i := entered + 1; i < len(events); i++ {
		ev := events[i]
		d, typ := ev.Details, ev.Type
		if int(h.owner[i]) != v || d == nil {
			continue
		}
		switch {
		case strings.HasSuffix(typ, "StateExited"):
			t.exited, t.output, t.assigned = true, d.Output, d.AssignedVariables
		case typ == "TaskSucceeded":
			t.result, t.hasResult, t.failure = d.Output, true, nil
			t.attempts = append(t.attempts, attempt{ok: true, output: d.Output})
		case typ == "TaskFailed" || typ == "TaskTimedOut":
			t.failure = &sim.MockThrow{Error: d.Error, Cause: d.Cause, HasCause: d.HasCause}
			t.attempts = append(t.attempts, attempt{err: d.Error, cause: d.Cause})
		case strings.HasSuffix(typ, "Failed") && d.HasError:
			t.failure = &sim.MockThrow{Error: d.Error, Cause: d.Cause, HasCause: d.HasCause}
		}
	}
	return t
}

// variablesAt are the workflow variables assigned in a history prefix.
func variablesAt(events []*sim.Event) map[string]any {
	vars := map[string]any{}
	for _, ev := range events {
		if ev.Details != nil {
			for k, v := range ev.Details.AssignedVariables {
				vars[k] = v
			}
		}
	}
	return vars
}

// renderStateData is the data inspector: the selected state's input,
// output, variables, every data-processing stage, error and attempts.
func (s *Studio) renderStateData() app.UI {
	r := s.runs()
	name := s.selected
	st := s.doc.state(name)
	if st == nil {
		return app.Div().Class("run-pane").Body(app.P().Class("run-hint").Text("Select a state on the canvas to see its data."))
	}
	head := app.Div().Class("run-row").Body(
		app.Strong().Class("run-state-name").Text(name),
		app.Span().Class("run-hint").Text(st.Common().Type),
		app.Div().Class("spacer"),
		app.Button().Class("btn").Aria("label", "Toggle breakpoint").Aria("pressed", r.breakpoints[name]).
			Title("Toggle breakpoint (F9)").Text(map[bool]string{true: "● Breakpoint", false: "○ Breakpoint"}[r.breakpoints[name]]).
			OnClick(func(ctx app.Context, e app.Event) { s.toggleBreakpoint(name) }, name),
		app.Button().Class("btn").Aria("label", "Test this state").Text("Test this state").
			OnClick(func(ctx app.Context, e app.Event) { s.openTestState(name) }, name),
	)
	if r.ex == nil {
		return app.Div().Class("run-pane").DataSet("run-inspector", name).Body(head,
			app.P().Class("run-hint").Text("Run the workflow to see this state's data."))
	}
	sv := s.scoped()
	events := sv.events
	pickers := s.renderScopePickers(name, sv)
	t := traceState(events, name)
	if t == nil {
		return app.Div().Class("run-pane").DataSet("run-inspector", name).Body(head, pickers,
			app.P().Class("run-hint").DataSet("run", "not-reached").Text("Not reached at this point of the run."))
	}
	stages := s.stagesOf(name, st, t, variablesAt(events))
	cards := []app.UI{}
	for _, sg := range stages {
		cards = append(cards, dataCard(sg.key, sg.label, sg.value))
	}
	if cr := sv.containers[name]; cr != nil {
		sc, _ := sv.picked(r, name)
		cards = append(cards, scopeCards(cr.Kind, sc)...)
	}
	if t.exited {
		cards = append(cards, dataCard("output", "Output", t.output))
	}
	if t.failure != nil {
		cards = append(cards, app.Div().Class("data-card bad").DataSet("stage", "error").Body(
			app.H4().Text("Error"),
			app.Code().DataSet("run", "state-error").Text(t.failure.Error),
			app.P().DataSet("run", "state-cause").Text(t.failure.Cause),
		))
	}
	if len(t.attempts) > 1 || (len(t.attempts) == 1 && !t.attempts[0].ok) {
		cards = append(cards, app.Div().Class("data-card").DataSet("stage", "attempts").Body(
			app.H4().Text("Attempts"),
			app.Ol().Class("attempts").Body(app.Range(t.attempts).Slice(func(i int) app.UI {
				a := t.attempts[i]
				if a.ok {
					return app.Li().Class("ok").DataSet("attempt", i+1).Text("succeeded: " + truncate(string(compactJSON(a.output)), 80))
				}
				return app.Li().Class("bad").DataSet("attempt", i+1).Text(a.err + ": " + a.cause)
			})),
		))
	}
	vars := variablesAt(events)
	if len(vars) > 0 {
		cards = append(cards, dataCard("variables", "Variables", vars))
	}
	return app.Div().Class("run-pane").DataSet("run-inspector", name).Body(
		head,
		pickers,
		app.Div().Class("data-cards").Body(cards...),
	)
}

type stage struct {
	key, label string
	value      any
}

// stagesOf replays the state with TestState at DEBUG, with the run's input
// and task result, to show every intermediate stage.
func (s *Studio) stagesOf(name string, st asl.State, t *stateTrace, vars map[string]any) []stage {
	out := []stage{{"input", "Input", t.input}}
	typ := st.Common().Type
	if typ == asl.TypeMap || typ == asl.TypeParallel {
		return out
	}
	opts := sim.TestStateOptions{StateName: name, InspectionLevel: "DEBUG", Variables: vars, Seed: runSeed}
	if typ == asl.TypeTask {
		switch {
		case t.hasResult:
			opts.Mock = &sim.TestStateMock{Result: string(compactJSON(t.result)), HasResult: true, FieldValidationMode: "NONE"}
		case t.failure != nil:
			opts.Mock = &sim.TestStateMock{ErrorOutput: t.failure}
		default:
			return out
		}
	}
	res, err := s.testStateOf(name, compactJSON(t.input), opts)
	if err != nil || res == nil {
		return out
	}
	return stagesFromInspection(res.InspectionData, true)
}

// stagesFromInspection lists inspectionData's stages in processing order.
func stagesFromInspection(data map[string]any, withInput bool) []stage {
	var out []stage
	for _, k := range stageOrder {
		if k.key == "input" && !withInput {
			continue
		}
		if v, ok := data[k.key]; ok {
			out = append(out, stage{k.key, k.label, decodeMaybe(v)})
		}
	}
	return out
}

// decodeMaybe turns JSON text (AWS's form of inspection values) into a value.
func decodeMaybe(v any) any {
	if str, ok := v.(string); ok {
		if d, err := asl.DecodeJSON([]byte(str)); err == nil {
			return d
		}
	}
	return v
}

func dataCard(key, label string, v any) app.UI {
	return app.Div().Class("data-card").DataSet("stage", key).Body(
		app.H4().Text(label),
		app.Pre().Class("run-json").Text(prettyJSON(v)),
	)
}

func compactJSON(v any) []byte { return asl.EncodeJSON(v) }

// testStateOf runs TestState on a state of the document. TestState finds
// top-level states only: a state in a Map or Parallel is tested on its
// own, with the machine's query language.
func (s *Studio) testStateOf(name string, input []byte, opts sim.TestStateOptions) (*sim.TestStateResult, error) {
	def := asl.PrintJSON(s.doc.Root)
	opts.StateName = name
	if _, nested := s.runs().parents(s.doc.SM)[name]; nested {
		if v := asl.Lookup(s.doc.Root, s.doc.pointer(name)); v != nil {
			v = v.Clone()
			if v.Get("QueryLanguage") == nil && s.doc.SM.QueryLanguage != "" {
				v.Set("QueryLanguage", asl.NewString(s.doc.SM.QueryLanguage))
			}
			def, opts.StateName = asl.PrintJSON(v), ""
		}
	}
	return sim.TestState(def, input, opts)
}
