package sim

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/catalog"
)

// TestState statuses.
const (
	TestSucceeded   = "SUCCEEDED"
	TestFailed      = "FAILED"
	TestRetriable   = "RETRIABLE"
	TestCaughtError = "CAUGHT_ERROR"
)

// TestStateOptions are the parameters of a TestState request besides the
// definition and the input.
type TestStateOptions struct {
	// StateName picks the state when the definition is a whole machine.
	StateName string
	// InspectionLevel is INFO (default), DEBUG or TRACE; inspectionData is
	// returned at DEBUG and TRACE.
	InspectionLevel string
	// Mock is the task (or Map/Parallel) result or error.
	Mock *TestStateMock
	// Variables are the workflow variables visible to the state.
	Variables map[string]any
	// Context replaces the context object when HasContext is set.
	Context    any
	HasContext bool
	// RoleArn is the execution role; a Task state needs one unless mocked.
	RoleArn string
	// RetrierRetryCount is how many retries were already made
	// (stateConfiguration.retrierRetryCount).
	RetrierRetryCount int
	// MapIterationFailureCount is how many Map iterations fail
	// (stateConfiguration.mapIterationFailureCount), or -1.
	MapIterationFailureCount int
	// ErrorCausedByState names the state inside a Map that raised the mocked
	// error (stateConfiguration.errorCausedByState).
	ErrorCausedByState string
	// RevealSecrets asks for the HTTP request and response (unsupported with mocks).
	RevealSecrets bool
	Seed          int64
	// Account and Region go into the ARNs of the context object.
	Account, Region string
	// Catalog, when set, checks a mocked Task result against the action's
	// output shape (Mock.FieldValidationMode STRICT, PRESENT or NONE), as
	// the TestState API does with AWS's API models.
	Catalog *catalog.Catalog
}

// TestStateMock is the mock of a TestState request: a result (JSON text) or
// an error output.
type TestStateMock struct {
	Result      string
	HasResult   bool
	ErrorOutput *MockThrow
	// FieldValidationMode is STRICT (default), PRESENT or NONE: how a
	// mocked result is checked against the action's output shape (with
	// TestStateOptions.Catalog).
	FieldValidationMode string
}

// TestStateResult is the TestState API's response.
type TestStateResult struct {
	Status         string         `json:"status"`
	Output         any            `json:"output,omitempty"`
	HasOutput      bool           `json:"-"`
	Error          string         `json:"error,omitempty"`
	Cause          string         `json:"cause,omitempty"`
	NextState      string         `json:"nextState,omitempty"`
	InspectionData map[string]any `json:"inspectionData,omitempty"`
}

// TestStateError is an error the TestState API answers instead of running
// the state (ValidationException, InvalidDefinition).
type TestStateError struct {
	Code, Message string
}

func (e *TestStateError) Error() string { return e.Code + ": " + e.Message }

// testStateCtl is the TestState mode of an execution.
type testStateCtl struct {
	opts      *TestStateOptions
	data      map[string]any // inspectionData, nil at INFO
	mock      any            // parsed mock result
	hasMock   bool
	mockErr   *MockThrow
	retriable bool
	errDetail map[string]any
	caught    bool
}

// TestState runs one state the way the AWS TestState API does: def is a
// state definition (or a whole machine with opts.StateName), input the
// state input (JSON text).
func TestState(def, input []byte, opts TestStateOptions) (*TestStateResult, error) {
	root, err := asl.Parse(def)
	if err != nil {
		return nil, &TestStateError{"InvalidDefinition", err.Error()}
	}
	if root.Kind != asl.Object {
		return nil, &TestStateError{"InvalidDefinition", "the definition must be a JSON object"}
	}
	var machine *asl.StateMachine
	if root.Get("States") != nil {
		machine, _ = asl.Decode(root)
		if opts.StateName == "" {
			return nil, &TestStateError{"ValidationException", "stateName must be specified when the definition is a state machine"}
		}
		if machine.State(opts.StateName) == nil {
			return nil, &TestStateError{"ValidationException", fmt.Sprintf("State '%s' does not exist in the definition", opts.StateName)}
		}
	} else {
		wrapped := asl.NewObject()
		states := asl.NewObject()
		states.Set("StateName", root)
		wrapped.Set("StartAt", asl.NewString("StateName"))
		wrapped.Set("States", states)
		machine, _ = asl.Decode(wrapped)
		opts.StateName = "StateName"
	}
	st := machine.State(opts.StateName)
	var in any = map[string]any{}
	if len(input) > 0 {
		if in, err = asl.DecodeJSON(input); err != nil {
			return nil, &TestStateError{"ValidationException", "input: " + err.Error()}
		}
	}
	if in == nil {
		in = map[string]any{}
	}
	ts := &testStateCtl{opts: &opts}
	if err := ts.check(st); err != nil {
		return nil, err
	}
	level := opts.InspectionLevel
	if level == "DEBUG" || level == "TRACE" {
		ts.data = map[string]any{"input": in}
	}
	eo := Options{Type: Express, SyncExpress: true, Seed: opts.Seed, RoleArn: opts.RoleArn, Account: opts.Account, Region: opts.Region}
	eo.normalize()
	if opts.RoleArn == "" {
		eo.RoleArn = ""
	}
	if ts.hasMock || ts.mockErr != nil {
		r := &MockedResponse{Ranges: []MockRange{{From: 0, To: 1 << 30, Return: ts.mock, HasReturn: ts.hasMock}}}
		if ts.mockErr != nil {
			r.Ranges[0].Throw = ts.mockErr
		}
		eo.StateMocks = map[string]*MockedResponse{opts.StateName: r}
	}
	ex, err := NewExecutionFromModel(&asl.StateMachine{Node: machine.Node, StartAt: opts.StateName, States: machine.States, QueryLanguage: machine.QueryLanguage}, in, eo)
	if err != nil {
		return nil, &TestStateError{"ValidationException", err.Error()}
	}
	ex.arn = fmt.Sprintf("arn:aws:states:%s:%s:express:%s:%s", eo.Region, eo.Account, eo.StateMachineName, ex.opts.Name)
	ex.ctxExecution["Id"] = ex.arn
	if opts.RoleArn == "" {
		ex.ctxExecution["RoleArn"] = nil
	}
	ex.ts = ts
	// TestState names the state "StateName" in the context object.
	ex.ctxStateName = "StateName"
	if opts.HasContext {
		ex.ctxOverride, ex.hasCtxOverride = opts.Context, true
	}
	f := ex.top
	f.vars = map[string]any{}
	for k, v := range opts.Variables {
		f.vars[k] = v
	}
	ex.opts.NoHistory = true
	out := f.runState(st, in)
	res := &TestStateResult{}
	switch {
	case out.fail != nil && ts.retriable:
		res.Status = TestRetriable
	case out.fail != nil:
		res.Status = TestFailed
	case ts.caught:
		res.Status = TestCaughtError
	default:
		res.Status = TestSucceeded
	}
	if out.fail != nil {
		res.Error, res.Cause = out.fail.Error, out.fail.Cause
	} else {
		res.Output, res.HasOutput = out.output, true
		if !out.end {
			res.NextState = out.next
		}
		if ts.caught {
			res.Error, res.Cause = ts.errDetail["error"].(string), ts.errDetail["cause"].(string)
		}
	}
	if ts.data != nil {
		if ts.errDetail != nil {
			d := map[string]any{}
			for k, v := range ts.errDetail {
				if k != "error" && k != "cause" {
					d[k] = v
				}
			}
			ts.data["errorDetails"] = d
		}
		if len(opts.Variables) > 0 || len(f.vars) > 0 {
			ts.data["variables"] = f.vars
		}
		res.InspectionData = ts.data
	}
	return res, nil
}

// check answers the request validations of the TestState API.
func (ts *testStateCtl) check(st asl.State) error {
	o := ts.opts
	typ := st.Common().Type
	m := o.Mock
	if m != nil {
		if m.HasResult && m.ErrorOutput != nil {
			return &TestStateError{"ValidationException", "A test mock should have only one of the following fields: [result, errorOutput]."}
		}
		if o.RevealSecrets && (m.HasResult || m.ErrorOutput != nil) {
			return &TestStateError{"ValidationException", "TestState does not support RevealSecrets when a mock is specified."}
		}
		if (m.HasResult || m.ErrorOutput != nil) && (typ == asl.TypeFail || typ == asl.TypeSucceed || typ == asl.TypePass || typ == asl.TypeChoice || typ == asl.TypeWait) {
			return &TestStateError{"ValidationException", fmt.Sprintf("State type '%s' is not supported when a mock is specified", typ)}
		}
		if m.HasResult {
			v, err := asl.DecodeJSON([]byte(m.Result))
			if err != nil {
				return &TestStateError{"ValidationException", "Mocked result must be valid JSON"}
			}
			ts.mock, ts.hasMock = v, true
		}
		ts.mockErr = m.ErrorOutput
	}
	mocked := ts.hasMock || ts.mockErr != nil
	if (typ == asl.TypeMap || typ == asl.TypeParallel) && !mocked {
		if o.MapIterationFailureCount >= 0 && typ == asl.TypeMap && o.MapIterationFailureCount != -1 && o.mapFailureSet() {
			return &TestStateError{"ValidationException", "TestState does not support MapIterationFailureCount when a mock is not specified."}
		}
		return &TestStateError{"InvalidDefinition", "TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]"}
	}
	if typ == asl.TypeMap && ts.hasMock {
		ms := st.(*asl.MapState)
		if ms.ResultWriter != nil {
			if _, ok := ts.mock.(map[string]any); !ok {
				return &TestStateError{"ValidationException", "Mocked result must be a JSON object."}
			}
		} else {
			arr, ok := ts.mock.([]any)
			if !ok {
				return &TestStateError{"ValidationException", "Mocked result must be an array."}
			}
			if o.mapFailureSet() && o.MapIterationFailureCount > len(arr) {
				return &TestStateError{"ValidationException", "Map iteration failure count must be less than or equal to the number of Map iterations"}
			}
		}
	}
	if typ == asl.TypeTask && ts.hasMock && o.Catalog != nil {
		res := parseResource(st.(*asl.TaskState).Resource)
		if res.kind == "service" {
			action := res.typ + ":" + res.name
			err := o.Catalog.ValidateOutput(action, ts.mock, m.FieldValidationMode)
			var oe *catalog.OutputError
			if errors.As(err, &oe) {
				return &TestStateError{"ValidationException", oe.Error()}
			}
		}
	}
	if typ == asl.TypeTask && !mocked && o.RoleArn == "" {
		return &TestStateError{"ValidationException", "RoleArn must be specified when testing a Task state"}
	}
	return nil
}

func (o *TestStateOptions) mapFailureSet() bool { return o.MapIterationFailureCount >= 0 }

// testRetry decides, under TestState, what a failure leads to: RETRIABLE
// when a Retrier still has attempts (given RetrierRetryCount retries
// already made), else the catch or failure. It reports whether the
// failure ends the run as RETRIABLE.
func (ts *testStateCtl) testRetry(rules []*asl.Retrier, fl *failure) bool {
	if fl.terminal() {
		return false
	}
	for i, rule := range rules {
		if !errorMatches(rule.ErrorEquals, fl.Error) {
			continue
		}
		max := int64(defaultMaxAttempts)
		if rule.MaxAttempts != nil {
			max = *rule.MaxAttempts
		}
		ts.errDetail = map[string]any{"retryIndex": int64(i)}
		if int64(ts.opts.RetrierRetryCount) >= max {
			return false
		}
		d := retryDelay(&asl.Retrier{IntervalSeconds: rule.IntervalSeconds, BackoffRate: rule.BackoffRate, MaxDelaySeconds: rule.MaxDelaySeconds}, ts.opts.RetrierRetryCount, nil)
		ts.errDetail["retryBackoffIntervalSeconds"] = int64(d / time.Second)
		ts.retriable = true
		return true
	}
	return false
}

// MarshalJSON writes the TestState response (output and inspection values
// as JSON values rather than JSON text).
func (r *TestStateResult) MarshalJSON() ([]byte, error) {
	m := map[string]any{"status": r.Status}
	if r.HasOutput {
		m["output"] = json.RawMessage(asl.EncodeJSON(r.Output))
	}
	if r.Error != "" {
		m["error"] = r.Error
	}
	if r.Cause != "" {
		m["cause"] = r.Cause
	}
	if r.NextState != "" {
		m["nextState"] = r.NextState
	}
	if r.InspectionData != nil {
		m["inspectionData"] = json.RawMessage(asl.EncodeJSON(r.InspectionData))
	}
	return json.Marshal(m)
}
