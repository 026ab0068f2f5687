package assets

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sim"
	"github.com/aslstudio/aslstudio/engine/validate"
)

// galleryEntry is an entry of examples/index.json with everything the
// gallery promises: the fields Example reads plus tags, file names, the
// execution type and the expected outcome of each test case.
type galleryEntry struct {
	ID            string              `json:"id"`
	Title         string              `json:"title"`
	Description   string              `json:"description"`
	Tags          []string            `json:"tags"`
	Files         galleryFiles        `json:"files"`
	StateMachine  string              `json:"stateMachine"`
	TestCase      string              `json:"testCase"`
	ExecutionType string              `json:"executionType"`
	Outcomes      map[string]*outcome `json:"outcomes"`
}

type galleryFiles struct {
	Definition string `json:"definition"`
	Input      string `json:"input"`
	Mocks      string `json:"mocks"`
}

// outcome is what a run of one test case must end with. Then, when set,
// is sent to the paused execution (SendTaskSuccess or SendTaskFailure) and
// describes how the resumed run ends.
type outcome struct {
	Status string `json:"status"`
	// Output is the whole expected output; OutputFields checks parts of it
	// by JSON pointer.
	Output       json.RawMessage            `json:"output"`
	OutputFields map[string]json.RawMessage `json:"outputFields"`
	Error        *string                    `json:"error"`
	Cause        *string                    `json:"cause"`
	// States lists, per status, the states that end up in it (compared
	// exactly when the list is present).
	States map[string][]string `json:"states"`
	// Attempts is the number of attempts (first try + retries) a state made
	// in its latest visit.
	Attempts map[string]int `json:"attempts"`
	// RetryDelays is, for a state's latest visit, the seconds of virtual
	// time between each failed attempt and the next one (the back-off).
	RetryDelays map[string][]float64 `json:"retryDelays"`
	// PausedAt is the state waiting for a task token when Status is PAUSED.
	PausedAt string `json:"pausedAt"`

	SendTaskSuccess json.RawMessage `json:"sendTaskSuccess"`
	SendTaskFailure *struct {
		Error string `json:"error"`
		Cause string `json:"cause"`
	} `json:"sendTaskFailure"`
	Then *outcome `json:"then"`
}

// The state statuses the run panel shows and the index promises.
var stateStatuses = []string{"succeeded", "failed", "caught", "retried", "paused"}

func loadGallery(t *testing.T) []galleryEntry {
	t.Helper()
	b, err := examples.ReadFile("examples/index.json")
	if err != nil {
		t.Fatalf("examples/index.json: %v", err)
	}
	var list []galleryEntry
	if err := json.Unmarshal(b, &list); err != nil {
		t.Fatalf("examples/index.json: %v", err)
	}
	// Other fields may be added for the gallery, but the outcomes are read
	// strictly so that a misspelt expectation cannot go unchecked.
	var raw []struct {
		Outcomes map[string]json.RawMessage `json:"outcomes"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatalf("examples/index.json: %v", err)
	}
	for i, r := range raw {
		for tc, o := range r.Outcomes {
			dec := json.NewDecoder(bytes.NewReader(o))
			dec.DisallowUnknownFields()
			if err := dec.Decode(new(outcome)); err != nil {
				t.Errorf("examples/index.json: %s outcome %s: %v", list[i].ID, tc, err)
			}
		}
	}
	return list
}

func readExample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := examples.ReadFile("examples/" + name)
	if err != nil {
		t.Fatalf("examples/%s: %v", name, err)
	}
	return b
}

func TestGalleryIndex(t *testing.T) {
	list := loadGallery(t)
	if len(list) < 12 {
		t.Errorf("the gallery has %d examples, want at least 12", len(list))
	}
	ids := map[string]bool{}
	used := map[string]bool{"index.json": true}
	for _, e := range list {
		if e.ID == "" || ids[e.ID] {
			t.Errorf("example id %q is empty or used twice", e.ID)
		}
		ids[e.ID] = true
		if e.Title == "" || e.Description == "" || len(e.Tags) == 0 {
			t.Errorf("%s: title, description and tags are required", e.ID)
		}
		want := galleryFiles{e.ID + ".asl.json", e.ID + ".input.json", e.ID + ".mocks.json"}
		if e.Files != want {
			t.Errorf("%s: files %+v, want %+v (Example reads its files by id)", e.ID, e.Files, want)
		}
		for _, f := range []string{want.Definition, want.Input, want.Mocks} {
			used[f] = true
			if b := readExample(t, f); !json.Valid(b) {
				t.Errorf("%s: examples/%s is not valid JSON", e.ID, f)
			}
		}
		if e.ExecutionType != sim.Standard && e.ExecutionType != sim.Express {
			t.Errorf("%s: executionType %q, want STANDARD or EXPRESS", e.ID, e.ExecutionType)
		}
		if e.StateMachine == "" || e.TestCase == "" {
			t.Errorf("%s: stateMachine and testCase are required", e.ID)
		}
		if e.Outcomes[e.TestCase] == nil {
			t.Errorf("%s: no outcome for the default test case %q", e.ID, e.TestCase)
		}
		ex, ok := Lookup(e.ID)
		if !ok || ex.StateMachine != e.StateMachine || ex.TestCase != e.TestCase || ex.Title != e.Title {
			t.Errorf("%s: Lookup gives %+v", e.ID, ex)
		}
	}
	if Default().ID != list[0].ID {
		t.Errorf("Default() is %q, want the first entry %q", Default().ID, list[0].ID)
	}
	entries, err := fs.ReadDir(examples, "examples")
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range entries {
		if !used[de.Name()] {
			t.Errorf("examples/%s is not part of any index entry", de.Name())
		}
	}
}

// stateNames returns every state name of a definition, nested ones included.
func stateNames(m *asl.StateMachine) map[string]bool {
	names := map[string]bool{}
	m.AllStates(func(s asl.State, _ *asl.StateMachine) bool {
		names[s.Common().Name] = true
		return true
	})
	return names
}

func decodeDefinition(t *testing.T, e galleryEntry) *asl.StateMachine {
	t.Helper()
	root, err := asl.Parse(readExample(t, e.Files.Definition))
	if err != nil {
		t.Fatalf("%s: %v", e.Files.Definition, err)
	}
	m, err := asl.Decode(root)
	if err != nil {
		t.Fatalf("%s: %v", e.Files.Definition, err)
	}
	return m
}

func TestGalleryDefinitionsValidate(t *testing.T) {
	for _, e := range loadGallery(t) {
		t.Run(e.ID, func(t *testing.T) {
			root, err := asl.Parse(readExample(t, e.Files.Definition))
			if err != nil {
				t.Fatalf("%s: %v", e.Files.Definition, err)
			}
			diags := validate.Validate(root, validate.Options{Type: e.ExecutionType})
			for _, d := range diags {
				if d.Severity == validate.Error {
					t.Errorf("%s:%s", e.Files.Definition, d)
				} else {
					t.Logf("%s:%s", e.Files.Definition, d)
				}
			}
			// The editor re-prints what it opens: an example already in that
			// form opens without a spurious change.
			if out := asl.PrintJSON(root); !bytes.Equal(out, readExample(t, e.Files.Definition)) {
				t.Errorf("%s is not in asl.PrintJSON's form (two-space JSON); print it with asl.PrintJSON", e.Files.Definition)
			}
			if m := decodeDefinition(t, e); m.Comment == "" {
				t.Errorf("%s: the definition needs a Comment explaining the pattern", e.Files.Definition)
			}
		})
	}
}

func TestGalleryMocksLoad(t *testing.T) {
	for _, e := range loadGallery(t) {
		t.Run(e.ID, func(t *testing.T) {
			mc, err := sim.ParseMockConfig(readExample(t, e.Files.Mocks))
			if err != nil {
				t.Fatalf("%s: %v", e.Files.Mocks, err)
			}
			sm := mc.StateMachines[e.StateMachine]
			if sm == nil {
				t.Fatalf("%s: no state machine %q under StateMachines", e.Files.Mocks, e.StateMachine)
			}
			names := stateNames(decodeDefinition(t, e))
			for tc, states := range sm.TestCases {
				for st := range states {
					if !names[st] {
						t.Errorf("%s: test case %s mocks %q, which is not a state of %s", e.Files.Mocks, tc, st, e.Files.Definition)
					}
				}
			}
			for tc := range e.Outcomes {
				if sm.TestCases[tc] == nil {
					t.Errorf("index.json promises an outcome for test case %q, which %s does not have", tc, e.Files.Mocks)
				}
			}
		})
	}
}

func TestGalleryOutcomes(t *testing.T) {
	for _, e := range loadGallery(t) {
		mc, err := sim.ParseMockConfig(readExample(t, e.Files.Mocks))
		if err != nil {
			t.Fatalf("%s: %v", e.Files.Mocks, err)
		}
		m := decodeDefinition(t, e)
		tcs := make([]string, 0, len(e.Outcomes))
		for tc := range e.Outcomes {
			tcs = append(tcs, tc)
		}
		sort.Strings(tcs)
		for _, tc := range tcs {
			t.Run(e.ID+"/"+tc, func(t *testing.T) {
				ex, err := sim.NewExecution(readExample(t, e.Files.Definition), readExample(t, e.Files.Input), sim.Options{
					Type:             e.ExecutionType,
					StateMachineName: e.StateMachine,
					Mocks:            mc,
					MockStateMachine: e.StateMachine,
					TestCase:         tc,
				})
				if err != nil {
					t.Fatalf("NewExecution: %v", err)
				}
				ex.Run()
				checkOutcome(t, ex, m, e.Outcomes[tc])
			})
		}
	}
}

// checkOutcome asserts that ex ended as want says, and follows want.Then
// through a task token when the run paused.
func checkOutcome(t *testing.T, ex *sim.Execution, m *asl.StateMachine, want *outcome) {
	if ex.Status() != want.Status {
		t.Fatalf("status %s (error %q, cause %q), want %s", ex.Status(), ex.Error(), ex.Cause(), want.Status)
	}
	if want.Error != nil && ex.Error() != *want.Error {
		t.Errorf("error %q, want %q", ex.Error(), *want.Error)
	}
	if want.Cause != nil && ex.Cause() != *want.Cause {
		t.Errorf("cause %q, want %q", ex.Cause(), *want.Cause)
	}
	if want.Output != nil {
		exp, err := asl.DecodeJSON(want.Output)
		if err != nil {
			t.Fatalf("index.json output: %v", err)
		}
		if !sameJSON(ex.Output(), exp) {
			t.Errorf("output\n got %s\nwant %s", asl.EncodeJSON(ex.Output()), asl.EncodeJSON(exp))
		}
	}
	for ptr, raw := range want.OutputFields {
		exp, err := asl.DecodeJSON(raw)
		if err != nil {
			t.Fatalf("index.json outputFields %s: %v", ptr, err)
		}
		got, ok := pointer(ex.Output(), ptr)
		if !ok {
			t.Errorf("output has nothing at %s: %s", ptr, asl.EncodeJSON(ex.Output()))
		} else if !sameJSON(got, exp) {
			t.Errorf("output at %s is %s, want %s", ptr, asl.EncodeJSON(got), asl.EncodeJSON(exp))
		}
	}
	names := stateNames(m)
	got := stateStatus(ex.Events(), m, ex.Status() == sim.StatusPaused)
	for status, states := range want.States {
		if !contains(stateStatuses, status) {
			t.Errorf("index.json: unknown state status %q", status)
			continue
		}
		for _, s := range states {
			if !names[s] {
				t.Errorf("index.json: %s lists %q, which is not a state", status, s)
			}
		}
		exp := append([]string(nil), states...)
		sort.Strings(exp)
		if g := got.list(status); !reflect.DeepEqual(g, exp) && !(len(g) == 0 && len(exp) == 0) {
			t.Errorf("%s states %q, want %q", status, g, exp)
		}
	}
	for s, n := range want.Attempts {
		if a := got.attempts[s]; a != n {
			t.Errorf("state %q made %d attempts, want %d", s, a, n)
		}
	}
	for s, d := range want.RetryDelays {
		if g := got.delays[s]; !reflect.DeepEqual(g, d) && !(len(g) == 0 && len(d) == 0) {
			t.Errorf("state %q was retried after %v seconds, want %v", s, g, d)
		}
	}
	if want.Status == sim.StatusPaused {
		token, state := ex.WaitingToken()
		if token == "" || state != want.PausedAt {
			t.Fatalf("paused at %q with token %q, want a token at %q", state, token, want.PausedAt)
		}
		if want.Then == nil {
			return
		}
		switch {
		case want.Then.SendTaskSuccess != nil:
			if err := ex.SendTaskSuccess(token, want.Then.SendTaskSuccess); err != nil {
				t.Fatalf("SendTaskSuccess: %v", err)
			}
		case want.Then.SendTaskFailure != nil:
			if err := ex.SendTaskFailure(token, want.Then.SendTaskFailure.Error, want.Then.SendTaskFailure.Cause); err != nil {
				t.Fatalf("SendTaskFailure: %v", err)
			}
		default:
			t.Fatalf("index.json: then needs sendTaskSuccess or sendTaskFailure")
		}
		if _, again := ex.WaitingToken(); again != "" {
			t.Fatalf("still waiting at %q after the task token was answered", again)
		}
		ex.Run()
		checkOutcome(t, ex, m, want.Then)
	} else if want.Then != nil {
		t.Errorf("index.json: then is only for a PAUSED run")
	}
}

// statuses is what the history says about each state, the way the run
// panel colours the canvas.
type statuses struct {
	sets     map[string]map[string]bool
	attempts map[string]int
	delays   map[string][]float64
}

func (s *statuses) add(status, state string) {
	if s.sets[status] == nil {
		s.sets[status] = map[string]bool{}
	}
	s.sets[status][state] = true
}

func (s *statuses) list(status string) []string {
	var out []string
	for n := range s.sets[status] {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// visit is one visit of a state: its attempts and whether the latest one
// failed.
type visit struct {
	name       string
	attempts   int
	lastFailed bool
	failedAt   time.Time
}

// stateStatus reads the history: a state that exited after its last
// attempt failed was caught; one that never exited after a failure failed
// (a Fail state always fails); one that made more than one attempt in a
// visit was retried; one that exited otherwise succeeded; while the run is
// paused, the states still open without a failure are paused. Task events are
// the latest Task state's (tasks do not nest); Parallel and Map events are
// the innermost open Parallel or Map's.
func stateStatus(events []*sim.Event, m *asl.StateMachine, paused bool) *statuses {
	types := map[string]string{}
	m.AllStates(func(s asl.State, _ *asl.StateMachine) bool {
		types[s.Common().Name] = s.Common().Type
		return true
	})
	st := &statuses{sets: map[string]map[string]bool{}, attempts: map[string]int{}, delays: map[string][]float64{}}
	open := map[string]*visit{}
	var task *visit
	var groups []*visit
	finish := func(v *visit) {
		if v.lastFailed {
			st.add("failed", v.name)
		}
	}
	for _, ev := range events {
		typ := ev.Type
		switch {
		case strings.HasSuffix(typ, "StateEntered"):
			name := ev.Details.Name
			if v := open[name]; v != nil {
				finish(v)
			}
			v := &visit{name: name}
			open[name] = v
			switch types[name] {
			case asl.TypeTask:
				task = v
			case asl.TypeParallel, asl.TypeMap:
				groups = append(groups, v)
			case asl.TypeFail:
				st.add("failed", name)
			}
		case strings.HasSuffix(typ, "StateExited"):
			name := ev.Details.Name
			v := open[name]
			if v == nil {
				continue
			}
			delete(open, name)
			if v.lastFailed {
				st.add("caught", name)
			} else {
				st.add("succeeded", name)
			}
			for i := len(groups) - 1; i >= 0; i-- {
				if groups[i] == v {
					groups = groups[:i]
					break
				}
			}
		case typ == "TaskScheduled" || typ == "LambdaFunctionScheduled" || typ == "ActivityScheduled":
			if task != nil {
				task.attempts++
				if task.attempts == 1 {
					st.delays[task.name] = nil
				} else {
					st.add("retried", task.name)
					st.delays[task.name] = append(st.delays[task.name], ev.Timestamp.Sub(task.failedAt).Seconds())
				}
				task.lastFailed = false
				st.attempts[task.name] = task.attempts
			}
		case typ == "ParallelStateStarted" || typ == "MapStateStarted":
			if n := len(groups); n > 0 {
				g := groups[n-1]
				g.attempts++
				g.lastFailed = false
				st.attempts[g.name] = g.attempts
				if g.attempts > 1 {
					st.add("retried", g.name)
				}
			}
		case typ == "ParallelStateFailed" || typ == "MapStateFailed":
			if n := len(groups); n > 0 {
				groups[n-1].lastFailed = true
			}
		case strings.HasPrefix(typ, "Task") || strings.HasPrefix(typ, "LambdaFunction") || strings.HasPrefix(typ, "Activity"):
			if task != nil && (strings.HasSuffix(typ, "Failed") || strings.HasSuffix(typ, "TimedOut")) {
				task.lastFailed = true
				task.failedAt = ev.Timestamp
			} else if task != nil && strings.HasSuffix(typ, "Succeeded") {
				task.lastFailed = false
			}
		}
	}
	for _, v := range open {
		finish(v)
		if paused && !v.lastFailed {
			st.add("paused", v.name)
		}
	}
	return st
}

// sameJSON compares runtime JSON values; numbers compare by value, so an
// expected 62 matches 62.0.
func sameJSON(a, b any) bool {
	switch x := a.(type) {
	case int64, float64:
		fa, fb, ok := numbers(a, b)
		return ok && fa == fb
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !sameJSON(v, w) {
				return false
			}
		}
		return true
	default:
		return a == b
	}
}

func numbers(a, b any) (float64, float64, bool) {
	f := func(v any) (float64, bool) {
		switch n := v.(type) {
		case int64:
			return float64(n), true
		case float64:
			return n, true
		}
		return 0, false
	}
	fa, ok1 := f(a)
	fb, ok2 := f(b)
	return fa, fb, ok1 && ok2
}

// pointer resolves a JSON pointer in a runtime value.
func pointer(v any, ptr string) (any, bool) {
	if ptr == "" {
		return v, true
	}
	if !strings.HasPrefix(ptr, "/") {
		return nil, false
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return nil, false
			}
		case []any:
			var i int
			if _, err := fmt.Sscanf(tok, "%d", &i); err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestDecodeIndexMatchesJSONTags checks that the ASL-parser reading of
// index.json fills Example as encoding/json would by its tags, and that a
// malformed index is refused with where.
func TestDecodeIndexMatchesJSONTags(t *testing.T) {
	b := readExample(t, "index.json")
	var want []Example
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	got, err := decodeIndex(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decodeIndex:\n%+v\nwant (encoding/json)\n%+v", got, want)
	}
	for src, msg := range map[string]string{
		`{"id": "x"}`:               "want an array, found object",
		`[{"id": "x"}, 3]`:          "/1: want an object, found number",
		`[{"id": "x", "title": 1}]`: "/0/title: want a string, found number",
		`[{"id": "x"`:               "",
	} {
		_, err := decodeIndex([]byte(src))
		if err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("decodeIndex(%s): error %v, want one containing %q", src, err, msg)
		}
	}
}
