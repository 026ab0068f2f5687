package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// MockConfig is a Step Functions Local MockConfigFile:
//
//	{"StateMachines": {"<machine>": {"TestCases": {"<case>": {"<state>": "<response>"}}}},
//	 "MockedResponses": {"<response>": {"0": {"Return": …}, "1-2": {"Throw": {"Error": …, "Cause": …}}}}}
//
// Invocation keys count from 0 for each state of a test case; retries and
// Map iterations count as invocations, in the engine's deterministic order.
// A response may carry "DurationSeconds" (an ASL Studio extension): the
// virtual time the task takes, which TimeoutSeconds is checked against.
type MockConfig struct {
	StateMachines   map[string]*MockStateMachine
	MockedResponses map[string]*MockedResponse
}

// MockStateMachine is one entry of StateMachines: test case → state → response name.
type MockStateMachine struct {
	TestCases map[string]map[string]string
}

// MockedResponse is one entry of MockedResponses: the responses of
// successive invocations.
type MockedResponse struct {
	Ranges []MockRange
}

// MockRange is the response for the invocations From..To (inclusive).
type MockRange struct {
	From, To int
	// Return is the task result (HasReturn), or Throw the failure.
	Return    any
	HasReturn bool
	Throw     *MockThrow
	// DurationSeconds is how long the task takes on the virtual clock.
	DurationSeconds float64
}

// MockThrow is a mocked failure.
type MockThrow struct {
	Error, Cause string
	HasCause     bool
}

// MockError is a problem in a mock file, with the JSON pointer and source
// position of the offending value.
type MockError struct {
	Pointer   string
	Line, Col int
	Msg       string
}

func (e *MockError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("mocks:%d:%d: %s: %s", e.Line, e.Col, ptrOrRoot(e.Pointer), e.Msg)
	}
	return fmt.Sprintf("mocks: %s: %s", ptrOrRoot(e.Pointer), e.Msg)
}

func ptrOrRoot(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

func mockErr(v *asl.Value, ptr, format string, args ...any) *MockError {
	e := &MockError{Pointer: ptr, Msg: fmt.Sprintf(format, args...)}
	if v != nil {
		e.Line, e.Col = v.Pos.Line, v.Pos.Col
	}
	return e
}

func ptrEscape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// ParseMockConfig reads a MockConfigFile (JSON or YAML) and checks it:
// every test case must name existing responses, and every response key must
// be "N" or "N-M" with exactly one of Return or Throw.
func ParseMockConfig(src []byte) (*MockConfig, error) {
	root, err := asl.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("mocks: %w", err)
	}
	return DecodeMockConfig(root)
}

// DecodeMockConfig checks and decodes a parsed MockConfigFile.
func DecodeMockConfig(root *asl.Value) (*MockConfig, error) {
	if root == nil || root.Kind != asl.Object {
		return nil, mockErr(root, "", "a mock file must be a JSON object")
	}
	mc := &MockConfig{StateMachines: map[string]*MockStateMachine{}, MockedResponses: map[string]*MockedResponse{}}
	resp := root.Get("MockedResponses")
	if resp != nil {
		if resp.Kind != asl.Object {
			return nil, mockErr(resp, "/MockedResponses", "must be an object")
		}
		for _, f := range resp.Fields {
			r, err := decodeMockedResponse(f.Value, "/MockedResponses/"+ptrEscape(f.Key))
			if err != nil {
				return nil, err
			}
			mc.MockedResponses[f.Key] = r
		}
	}
	sms := root.Get("StateMachines")
	if sms != nil {
		if sms.Kind != asl.Object {
			return nil, mockErr(sms, "/StateMachines", "must be an object")
		}
		for _, f := range sms.Fields {
			p := "/StateMachines/" + ptrEscape(f.Key)
			if f.Value.Kind != asl.Object {
				return nil, mockErr(f.Value, p, "must be an object with TestCases")
			}
			tcs := f.Value.Get("TestCases")
			if tcs == nil || tcs.Kind != asl.Object {
				return nil, mockErr(f.Value, p+"/TestCases", "missing or not an object")
			}
			msm := &MockStateMachine{TestCases: map[string]map[string]string{}}
			for _, tc := range tcs.Fields {
				tp := p + "/TestCases/" + ptrEscape(tc.Key)
				if tc.Value.Kind != asl.Object {
					return nil, mockErr(tc.Value, tp, "a test case must map state names to response names")
				}
				m := map[string]string{}
				for _, sf := range tc.Value.Fields {
					sp := tp + "/" + ptrEscape(sf.Key)
					name, ok := sf.Value.StringValue()
					if !ok {
						return nil, mockErr(sf.Value, sp, "must be the name of a mocked response (a string)")
					}
					if _, ok := mc.MockedResponses[name]; !ok {
						return nil, mockErr(sf.Value, sp, "no mocked response named %q in MockedResponses", name)
					}
					m[sf.Key] = name
				}
				msm.TestCases[tc.Key] = m
			}
			mc.StateMachines[f.Key] = msm
		}
	}
	if sms == nil && resp == nil {
		return nil, mockErr(root, "", "a mock file needs StateMachines and MockedResponses")
	}
	return mc, nil
}

func decodeMockedResponse(v *asl.Value, p string) (*MockedResponse, error) {
	if v.Kind != asl.Object {
		return nil, mockErr(v, p, "a mocked response must be an object with invocation keys such as \"0\" or \"1-2\"")
	}
	r := &MockedResponse{}
	for _, f := range v.Fields {
		kp := p + "/" + ptrEscape(f.Key)
		from, to, ok := parseInvocationKey(f.Key)
		if !ok {
			return nil, mockErr(f.Value, kp, "invalid invocation key %q (expected \"N\" or \"N-M\" with N <= M)", f.Key)
		}
		if f.Value.Kind != asl.Object {
			return nil, mockErr(f.Value, kp, "must be an object with Return or Throw")
		}
		rg := MockRange{From: from, To: to}
		ret, thr := f.Value.Get("Return"), f.Value.Get("Throw")
		switch {
		case ret != nil && thr != nil:
			return nil, mockErr(f.Value, kp, "has both Return and Throw")
		case ret != nil:
			rg.Return, rg.HasReturn = asl.ToAny(ret), true
		case thr != nil:
			if thr.Kind != asl.Object {
				return nil, mockErr(thr, kp+"/Throw", "must be an object with Error and Cause")
			}
			e, ok := thr.Get("Error").StringValue()
			if !ok {
				return nil, mockErr(thr, kp+"/Throw/Error", "missing or not a string")
			}
			t := &MockThrow{Error: e}
			if c := thr.Get("Cause"); c != nil && c.Kind != asl.Null {
				if cs, ok := c.StringValue(); ok {
					t.Cause, t.HasCause = cs, true
				} else {
					// A structured cause (e.g. a Lambda error object) is
					// passed on as its JSON text, as AWS does.
					t.Cause, t.HasCause = string(asl.EncodeJSON(asl.ToAny(c))), true
				}
			}
			rg.Throw = t
		default:
			return nil, mockErr(f.Value, kp, "needs Return or Throw")
		}
		if d := f.Value.Get("DurationSeconds"); d != nil {
			fv, ok := d.Float()
			if !ok || fv < 0 {
				return nil, mockErr(d, kp+"/DurationSeconds", "must be a non-negative number")
			}
			rg.DurationSeconds = fv
		}
		for _, o := range r.Ranges {
			if from <= o.To && o.From <= to {
				return nil, mockErr(f.Value, kp, "invocations %d-%d overlap another key", from, to)
			}
		}
		r.Ranges = append(r.Ranges, rg)
	}
	sort.Slice(r.Ranges, func(i, j int) bool { return r.Ranges[i].From < r.Ranges[j].From })
	return r, nil
}

func parseInvocationKey(k string) (from, to int, ok bool) {
	a, b, dash := strings.Cut(k, "-")
	from, err := strconv.Atoi(a)
	if err != nil || from < 0 {
		return 0, 0, false
	}
	to = from
	if dash {
		to, err = strconv.Atoi(b)
		if err != nil || to < from {
			return 0, 0, false
		}
	}
	return from, to, true
}

// Response returns the response for the n-th invocation (0-based), or nil.
func (r *MockedResponse) Response(n int) *MockRange {
	if r == nil {
		return nil
	}
	for i := range r.Ranges {
		if n >= r.Ranges[i].From && n <= r.Ranges[i].To {
			return &r.Ranges[i]
		}
	}
	return nil
}

// TestCase returns the state → response mapping of a test case. machine may
// be empty when the file has exactly one state machine.
func (mc *MockConfig) TestCase(machine, testCase string) (map[string]string, error) {
	if mc == nil {
		return nil, nil
	}
	var sm *MockStateMachine
	if machine == "" {
		if len(mc.StateMachines) != 1 {
			names := make([]string, 0, len(mc.StateMachines))
			for n := range mc.StateMachines {
				names = append(names, n)
			}
			sort.Strings(names)
			return nil, fmt.Errorf("mocks: the file has %d state machines (%s): choose one", len(names), strings.Join(names, ", "))
		}
		for _, s := range mc.StateMachines {
			sm = s
		}
	} else {
		sm = mc.StateMachines[machine]
		if sm == nil {
			return nil, fmt.Errorf("mocks: no state machine %q under /StateMachines", machine)
		}
	}
	if testCase == "" {
		if len(sm.TestCases) != 1 {
			names := make([]string, 0, len(sm.TestCases))
			for n := range sm.TestCases {
				names = append(names, n)
			}
			sort.Strings(names)
			return nil, fmt.Errorf("mocks: %d test cases (%s): choose one", len(names), strings.Join(names, ", "))
		}
		for _, tc := range sm.TestCases {
			return tc, nil
		}
	}
	tc, ok := sm.TestCases[testCase]
	if !ok {
		return nil, fmt.Errorf("mocks: no test case %q", testCase)
	}
	return tc, nil
}

// CorpusMocksToConfig converts the conformance corpus's mocks.json (per
// state, the recorded results in order: {"output": …} or {"error", "cause"})
// into a MockConfig with one state machine and one test case.
func CorpusMocksToConfig(src []byte, machine, testCase string) (*MockConfig, error) {
	root, err := asl.ParseJSON(src)
	if err != nil {
		return nil, fmt.Errorf("mocks.json: %w", err)
	}
	if root.Kind != asl.Object {
		return nil, mockErr(root, "", "mocks.json must be an object of state name → results")
	}
	mc := &MockConfig{StateMachines: map[string]*MockStateMachine{}, MockedResponses: map[string]*MockedResponse{}}
	tc := map[string]string{}
	for _, f := range root.Fields {
		p := "/" + ptrEscape(f.Key)
		if f.Value.Kind != asl.Array {
			return nil, mockErr(f.Value, p, "must be an array of recorded results")
		}
		r := &MockedResponse{}
		for i, it := range f.Value.Items {
			rg := MockRange{From: i, To: i}
			if out := it.Get("output"); out != nil {
				rg.Return, rg.HasReturn = asl.ToAny(out), true
			} else {
				t := &MockThrow{}
				t.Error, _ = it.Get("error").StringValue()
				if c := it.Get("cause"); c != nil {
					switch c.Kind {
					case asl.String:
						t.Cause, t.HasCause = c.Str, true
					case asl.Null:
					default:
						t.Cause, t.HasCause = compactSource(src, c), true
					}
				}
				if t.Error == "" {
					if ev, _ := it.Get("event").StringValue(); strings.HasSuffix(ev, "TimedOut") {
						t.Error = "States.Timeout"
					}
				}
				rg.Throw = t
			}
			r.Ranges = append(r.Ranges, rg)
		}
		mc.MockedResponses[f.Key] = r
		tc[f.Key] = f.Key
	}
	mc.StateMachines[machine] = &MockStateMachine{TestCases: map[string]map[string]string{testCase: tc}}
	return mc, nil
}

// compactSource returns the compact JSON text of v as written in src (keys
// in their original order).
func compactSource(src []byte, v *asl.Value) string {
	if v.Pos.IsValid() && v.End.Offset > v.Pos.Offset && v.End.Offset <= len(src) {
		var b bytes.Buffer
		if json.Compact(&b, src[v.Pos.Offset:v.End.Offset]) == nil {
			return b.String()
		}
	}
	return string(asl.EncodeJSON(asl.ToAny(v)))
}

// mockSource resolves the response of each task invocation and counts
// invocations per state.
type mockSource struct {
	byState map[string]*MockedResponse
	counts  map[string]int
}

func newMockSource(o *Options) (*mockSource, error) {
	ms := &mockSource{byState: map[string]*MockedResponse{}, counts: map[string]int{}}
	if o.Mocks != nil {
		machine := o.MockStateMachine
		if machine == "" && len(o.Mocks.StateMachines) > 1 {
			if _, ok := o.Mocks.StateMachines[o.StateMachineName]; ok {
				machine = o.StateMachineName
			}
		}
		tc, err := o.Mocks.TestCase(machine, o.TestCase)
		if err != nil {
			return nil, err
		}
		for st, name := range tc {
			ms.byState[st] = o.Mocks.MockedResponses[name]
		}
	}
	for st, r := range o.StateMocks {
		ms.byState[st] = r
	}
	return ms, nil
}

// next returns the response for the next invocation of state, the 0-based
// invocation number, and whether the state is mocked at all.
func (ms *mockSource) next(state string) (*MockRange, int, bool) {
	r, ok := ms.byState[state]
	n := ms.counts[state]
	ms.counts[state] = n + 1
	if !ok {
		return nil, n, false
	}
	return r.Response(n), n, true
}

// MarshalJSON writes the MockConfigFile form.
func (mc *MockConfig) MarshalJSON() ([]byte, error) {
	type throw struct {
		Error string `json:"Error"`
		Cause string `json:"Cause,omitempty"`
	}
	sms := map[string]any{}
	for n, sm := range mc.StateMachines {
		sms[n] = map[string]any{"TestCases": sm.TestCases}
	}
	resps := map[string]any{}
	for n, r := range mc.MockedResponses {
		m := map[string]any{}
		for _, rg := range r.Ranges {
			key := strconv.Itoa(rg.From)
			if rg.To != rg.From {
				key += "-" + strconv.Itoa(rg.To)
			}
			e := map[string]any{}
			if rg.Throw != nil {
				e["Throw"] = throw{rg.Throw.Error, rg.Throw.Cause}
			} else {
				e["Return"] = json.RawMessage(asl.EncodeJSON(rg.Return))
			}
			if rg.DurationSeconds > 0 {
				e["DurationSeconds"] = rg.DurationSeconds
			}
			m[key] = e
		}
		resps[n] = m
	}
	return json.Marshal(map[string]any{"StateMachines": sms, "MockedResponses": resps})
}

// LooksLikeCorpusMocks reports whether src is in the conformance corpus's
// mocks.json format (state name → array of recorded results) rather than a
// MockConfigFile.
func LooksLikeCorpusMocks(src []byte) bool {
	root, err := asl.ParseJSON(src)
	if err != nil || root.Kind != asl.Object || len(root.Fields) == 0 {
		return false
	}
	for _, f := range root.Fields {
		if f.Value.Kind != asl.Array {
			return false
		}
	}
	return true
}

// ReturnMock is a MockedResponse whose every invocation returns v (for the
// UI's per-state mocks, Options.StateMocks).
func ReturnMock(v any) *MockedResponse {
	return &MockedResponse{Ranges: []MockRange{{From: 0, To: int(^uint(0) >> 1), Return: v, HasReturn: true}}}
}

// ThrowMock is a MockedResponse whose every invocation fails with errName
// and cause.
func ThrowMock(errName, cause string) *MockedResponse {
	return &MockedResponse{Ranges: []MockRange{{From: 0, To: int(^uint(0) >> 1), Throw: &MockThrow{Error: errName, Cause: cause, HasCause: cause != ""}}}}
}
