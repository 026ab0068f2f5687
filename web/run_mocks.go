package web

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/catalog"
	"github.com/aslstudio/aslstudio/engine/sim"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Kinds of a mocked response.
const (
	mockReturn = "return"
	mockThrow  = "throw"
)

// stateMock is a per-state mock set in the panel: a sequence of responses
// in the MockConfigFile's terms, which takes precedence over the file for
// that state (sim.Options.StateMocks). A state without one (or switched
// back to "From the file") takes its responses from the file.
type stateMock struct {
	on    bool
	resps []*mockResp
	// sample says how "Use sample result" went ("" when not used).
	sample string
}

// mockResp is one response of a sequence: for the invocations its key
// names ("0", "1-2"; invocations count from 0, retries and Map iterations
// included), a returned JSON result or a thrown error, and an optional
// duration on the virtual clock (checked against TimeoutSeconds).
type mockResp struct {
	key            string
	kind           string
	value          string
	errName, cause string
	duration       string
}

// mockKey parses an invocation key: "N" or "N-M" with N <= M.
func mockKey(k string) (from, to int, ok bool) {
	a, b, dash := strings.Cut(strings.TrimSpace(k), "-")
	from, err := strconv.Atoi(strings.TrimSpace(a))
	if err != nil || from < 0 {
		return 0, 0, false
	}
	to = from
	if dash {
		to, err = strconv.Atoi(strings.TrimSpace(b))
		if err != nil || to < from {
			return 0, 0, false
		}
	}
	return from, to, true
}

// mocked converts the sequence for the engine; the error says which
// response is wrong and why.
func (m *stateMock) mocked(state string) (*sim.MockedResponse, error) {
	out := &sim.MockedResponse{}
	for i, rp := range m.resps {
		where := fmt.Sprintf("mock of %s, response %d (key %q)", state, i+1, rp.key)
		from, to, ok := mockKey(rp.key)
		if !ok {
			return nil, fmt.Errorf("%s: the key must be an invocation number such as 0 or a range such as 1-2", where)
		}
		for _, o := range out.Ranges {
			if from <= o.To && o.From <= to {
				return nil, fmt.Errorf("%s: invocations %d-%d overlap another response", where, from, to)
			}
		}
		rg := sim.MockRange{From: from, To: to}
		switch rp.kind {
		case mockThrow:
			if strings.TrimSpace(rp.errName) == "" {
				return nil, fmt.Errorf("%s: a Throw needs an error name", where)
			}
			rg.Throw = &sim.MockThrow{Error: rp.errName, Cause: rp.cause, HasCause: rp.cause != ""}
		default:
			v, err := asl.DecodeJSON([]byte(strings.TrimSpace(rp.value)))
			if err != nil {
				return nil, fmt.Errorf("%s: the result is not valid JSON: %v", where, err)
			}
			rg.Return, rg.HasReturn = v, true
		}
		if d := strings.TrimSpace(rp.duration); d != "" {
			f, err := strconv.ParseFloat(d, 64)
			if err != nil || f < 0 {
				return nil, fmt.Errorf("%s: the duration must be a number of seconds (0 or more)", where)
			}
			rg.DurationSeconds = f
		}
		out.Ranges = append(out.Ranges, rg)
	}
	sort.Slice(out.Ranges, func(i, j int) bool { return out.Ranges[i].From < out.Ranges[j].From })
	return out, nil
}

// stateMocks converts the panel's per-state mocks for the engine.
func (r *runSession) stateMocks() (map[string]*sim.MockedResponse, string) {
	out := map[string]*sim.MockedResponse{}
	for _, name := range sortedKeys(r.perState) {
		m := r.perState[name]
		if !m.on {
			continue
		}
		mr, err := m.mocked(name)
		if err != nil {
			return nil, err.Error()
		}
		out[name] = mr
	}
	return out, ""
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// fileResponses returns the responses the mock file gives a state in the
// chosen test case, as editor rows (nil when it gives none).
func (r *runSession) fileResponses(state string) []*mockResp {
	mc, err := sim.ParseMockConfig([]byte(r.mocks))
	if err != nil || mc == nil {
		return nil
	}
	machine, tc := r.mockTarget(mc)
	m := mc.StateMachines[machine]
	if m == nil || m.TestCases[tc] == nil {
		return nil
	}
	mr := mc.MockedResponses[m.TestCases[tc][state]]
	if mr == nil {
		return nil
	}
	var out []*mockResp
	for _, rg := range mr.Ranges {
		rp := &mockResp{key: strconv.Itoa(rg.From)}
		if rg.To != rg.From {
			rp.key += "-" + strconv.Itoa(rg.To)
		}
		if rg.Throw != nil {
			rp.kind, rp.errName, rp.cause = mockThrow, rg.Throw.Error, rg.Throw.Cause
		} else {
			rp.kind, rp.value = mockReturn, string(compactJSON(rg.Return))
		}
		if rg.DurationSeconds > 0 {
			rp.duration = strconv.FormatFloat(rg.DurationSeconds, 'f', -1, 64)
		}
		out = append(out, rp)
	}
	return out
}

// mockTarget names the state machine and test case of the file the panel
// uses: the chosen ones, else the only ones, else new names.
func (r *runSession) mockTarget(mc *sim.MockConfig) (machine, testCase string) {
	machine = r.machine
	if _, ok := mc.StateMachines[machine]; !ok {
		machine = ""
		if len(mc.StateMachines) == 1 {
			for n := range mc.StateMachines {
				machine = n
			}
		}
	}
	if machine == "" {
		machine = r.machine
		if machine == "" {
			machine = "StateMachine"
		}
	}
	testCase = r.testCase
	if testCase == "" {
		testCase = "Default"
		if m := mc.StateMachines[machine]; m != nil && len(m.TestCases) == 1 {
			for n := range m.TestCases {
				testCase = n
			}
		}
	}
	return machine, testCase
}

// exportedMocks is the MockConfigFile the panel runs with: the file, with
// each state mocked in the panel given its own response in the chosen test
// case (named after the state, so other test cases keep theirs).
func (r *runSession) exportedMocks() (string, error) {
	mc := &sim.MockConfig{StateMachines: map[string]*sim.MockStateMachine{}, MockedResponses: map[string]*sim.MockedResponse{}}
	if strings.TrimSpace(r.mocks) != "" {
		parsed, err := sim.ParseMockConfig([]byte(r.mocks))
		if err != nil {
			return "", fmt.Errorf("the mock file is not valid: %v", err)
		}
		mc = parsed
	}
	machine, tc := r.mockTarget(mc)
	for _, name := range sortedKeys(r.perState) {
		m := r.perState[name]
		if !m.on {
			continue
		}
		mr, err := m.mocked(name)
		if err != nil {
			return "", err
		}
		if mc.StateMachines[machine] == nil {
			mc.StateMachines[machine] = &sim.MockStateMachine{TestCases: map[string]map[string]string{}}
		}
		sm := mc.StateMachines[machine]
		if sm.TestCases[tc] == nil {
			sm.TestCases[tc] = map[string]string{}
		}
		base := responseName(name)
		rn := base
		for i := 2; mc.MockedResponses[rn] != nil && sm.TestCases[tc][name] != rn; i++ {
			rn = base + strconv.Itoa(i)
		}
		mc.MockedResponses[rn] = mr
		sm.TestCases[tc][name] = rn
	}
	b, err := json.MarshalIndent(mc, "", "  ")
	if err != nil {
		return "", err
	}
	return string(b) + "\n", nil
}

// responseName is the MockedResponses name of a state's edited mock:
// its name in CamelCase, then "Mock" ("Charge card" → "ChargeCardMock").
func responseName(state string) string {
	var b strings.Builder
	up := true
	for _, c := range state {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			if up && c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
			}
			b.WriteRune(c)
			up = false
		default:
			up = true
		}
	}
	if b.Len() == 0 {
		b.WriteString("State")
	}
	return b.String() + "Mock"
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

// nextKey is the invocation key after the last response of a sequence.
func nextKey(resps []*mockResp) string {
	next := 0
	for _, rp := range resps {
		if _, to, ok := mockKey(rp.key); ok && to+1 > next {
			next = to + 1
		}
	}
	return strconv.Itoa(next)
}

// renderStateMocks is the per-state mock editor of the Mocks tab: for each
// Task, "From the file" or a sequence of responses edited here.
func (s *Studio) renderStateMocks() app.UI {
	tasks := s.taskStates()
	if len(tasks) == 0 {
		return app.Div().Class("state-mocks").Body(
			app.Label().Class("run-label").Text("Per-state mocks"),
			app.P().Class("run-hint").Text("The workflow has no Task state to mock."),
		)
	}
	return app.Div().Class("state-mocks").Body(
		app.Label().Class("run-label").Text("Per-state mocks (override the file)"),
		app.Range(tasks).Slice(func(i int) app.UI { return s.renderStateMock(tasks[i]) }),
	)
}

func (s *Studio) renderStateMock(name string) app.UI {
	r := s.runs()
	m := r.perState[name]
	on := m != nil && m.on
	id := fmt.Sprintf("%p", m)
	head := app.Div().Class("run-row state-mock-head").Body(
		app.Span().Class("state-mock-name").Title(name).Text(name),
		app.Select().Aria("label", "Mock of "+name).DataSet("state-mock", name).Body(
			app.Option().Value("").Text("From the file").Selected(!on),
			app.Option().Value("edit").Text("Mocked here").Selected(on),
		).OnChange(func(ctx app.Context, e app.Event) {
			s.setMockMode(name, ctx.JSSrc().Get("value").String() == "edit")
		}, name, on),
		when(on, func() app.UI {
			return app.Button().Class("btn").Aria("label", "Add response to "+name).Title("Add the response for the next invocation").
				Text("+ Response").OnClick(func(ctx app.Context, e app.Event) {
				m.resps = append(m.resps, &mockResp{key: nextKey(m.resps), kind: mockReturn, value: "{}"})
			}, name, id)
		}),
		when(on && s.catalogResource(name) != "", func() app.UI {
			return app.Button().Class("btn").Aria("label", "Use sample result for "+name).
				Title("Fill the first Return with a result built from the action's output shape").
				Text("Use sample result").OnClick(func(ctx app.Context, e app.Event) { s.useSampleResult(ctx, name) }, name)
		}),
		when(on && m.sample != "", func() app.UI {
			return app.Span().Class("run-note").DataSet("mock-sample", name).Text(m.sample)
		}),
	)
	if !on {
		return app.Div().Class("state-mock").DataSet("state-mock-card", name).Body(head)
	}
	rows := make([]app.UI, 0, len(m.resps))
	for i := range m.resps {
		rows = append(rows, s.renderMockResp(name, m, i))
	}
	return app.Div().Class("state-mock on").DataSet("state-mock-card", name).Body(head, app.Div().Class("mock-seq").Body(rows...))
}

// renderMockResp is one response of a sequence: key, Return/Throw, the
// result or the error and cause, the duration, and a remove button.
func (s *Studio) renderMockResp(name string, m *stateMock, i int) app.UI {
	rp := m.resps[i]
	id := fmt.Sprintf("%p", rp)
	n := ""
	if i > 0 {
		n = " #" + strconv.Itoa(i+1)
	}
	input := func(label, value, placeholder, class string, set func(string)) app.UI {
		return app.Input().Type("text").Class(class).Aria("label", label+n).Placeholder(placeholder).Value(value).
			OnInput(func(ctx app.Context, e app.Event) { set(ctx.JSSrc().Get("value").String()) }, name, i, id, label)
	}
	row := []app.UI{
		input("Invocations of "+name, rp.key, "0", "mock-key mono", func(v string) { rp.key = v }),
		app.Select().Class("mock-kind").Aria("label", "Response of "+name+n).Body(
			app.Option().Value(mockReturn).Text("Return").Selected(rp.kind != mockThrow),
			app.Option().Value(mockThrow).Text("Throw").Selected(rp.kind == mockThrow),
		).OnChange(func(ctx app.Context, e app.Event) { rp.kind = ctx.JSSrc().Get("value").String() }, name, i, id),
	}
	if rp.kind == mockThrow {
		row = append(row,
			input("Error of "+name, rp.errName, "Error (e.g. States.TaskFailed)", "mock-err", func(v string) { rp.errName = v }),
			input("Cause of "+name, rp.cause, "Cause", "mock-cause", func(v string) { rp.cause = v }))
	} else {
		row = append(row, app.Textarea().Class("mock-value mono").Aria("label", "Result of "+name+n).Attr("rows", 1).
			Attr("spellcheck", "false").Placeholder("JSON result").Text(rp.value).
			OnInput(func(ctx app.Context, e app.Event) { rp.value = ctx.JSSrc().Get("value").String() }, name, i, id))
	}
	row = append(row,
		input("Duration of "+name, rp.duration, "s", "mock-dur mono", func(v string) { rp.duration = v }),
		app.Span().Class("run-hint mock-unit").Text("s"),
		app.Button().Class("btn icon").Aria("label", "Remove response"+n+" of "+name).Title("Remove this response").Text("×").
			OnClick(func(ctx app.Context, e app.Event) {
				if i < len(m.resps) {
					m.resps = append(m.resps[:i], m.resps[i+1:]...)
				}
			}, name, i, len(m.resps), id),
	)
	return app.Div().Class("run-row mock-resp").DataSet("mock-resp", i).Body(row...)
}

// setMockMode switches a state between the file's responses and a
// sequence edited here, which starts as a copy of the file's responses
// (or one Return of {} when the file has none).
func (s *Studio) setMockMode(name string, on bool) {
	r := s.runs()
	m := r.perState[name]
	if m == nil {
		m = &stateMock{}
		r.perState[name] = m
	}
	m.on = on
	if on && len(m.resps) == 0 {
		m.resps = r.fileResponses(name)
		if len(m.resps) == 0 {
			m.resps = []*mockResp{{key: "0", kind: mockReturn, value: "{}"}}
		}
	}
}

// exportMocks downloads the MockConfigFile with the panel's mocks.
func (s *Studio) exportMocks() {
	r := s.runs()
	text, err := r.exportedMocks()
	if err != nil {
		r.mocksErr = "Cannot export: " + err.Error()
		return
	}
	downloadText("MockConfigFile.json", "application/json", text)
}

// catalogResource returns a Task's Resource when it is a Step Functions
// service integration (arn:aws:states:::…) the catalog may know, else "".
func (s *Studio) catalogResource(name string) string {
	st, ok := s.doc.state(name).(*asl.TaskState)
	if !ok || !strings.HasPrefix(st.Resource, "arn:aws:states:::") || strings.Contains(st.Resource, "${") {
		return ""
	}
	return st.Resource
}

// useSampleResult fills the first Return response of a state's sequence
// with a sample of its action's output shape (catalog.SampleOutput),
// loading the catalog index and the service's shapes on first use.
func (s *Studio) useSampleResult(ctx app.Context, name string) {
	r := s.runs()
	m := r.perState[name]
	res := s.catalogResource(name)
	if m == nil || res == "" {
		return
	}
	m.sample = "Loading the action's output shape…"
	if s.ctx != nil {
		ctx = s.ctx // the button may be gone when the shapes arrive (see continueRun)
	}
	actionsCatalog.load(ctx, func(c *catalog.Catalog, err error) {
		if err != nil {
			m.sample = err.Error()
			return
		}
		ctx.Async(func() {
			var text string
			err := actionsCatalog.ensureService(c, res)
			if err == nil {
				var v any
				if v, err = c.SampleOutput(res); err == nil {
					text = string(compactJSON(v))
				}
			}
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					m.sample = "No sample result: " + err.Error()
					return
				}
				var target *mockResp
				for _, rp := range m.resps {
					if rp.kind != mockThrow {
						target = rp
						break
					}
				}
				if target == nil {
					target = &mockResp{key: nextKey(m.resps), kind: mockReturn}
					m.resps = append(m.resps, target)
				}
				target.value = text
				m.sample = "Sample result of " + strings.TrimPrefix(res, "arn:aws:states:::") + " (key " + target.key + ")"
			})
		})
	})
}
