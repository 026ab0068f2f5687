package sim

import (
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// MaxDefinitionBytes is AWS's limit on the size of a definition.
const MaxDefinitionBytes = 1 << 20

// Execution is one run of a state machine. Drive it with Run, Step or
// RunUntil; inspect it with Snapshot, Status, Output and Events.
type Execution struct {
	opts  Options
	def   *asl.StateMachine
	input any
	arn   string
	smArn string

	ctxExecution    map[string]any
	ctxStateMachine map[string]any

	events []*Event
	lastID int64

	status  string
	output  any
	failure *failure

	mocks *mockSource
	rng   *rand.Rand
	steps int
	info  map[*asl.Value]*stateInfo
	top   *frame
	cur   *frame // the frame that ran the latest event

	// The interpreter runs as a coroutine so that Step and RunUntil can
	// stop it after any event and a task token can pause it.
	started    bool
	finished   bool
	resume     chan struct{}
	yield      chan struct{}
	stepping   bool
	breakpoint func(*Event) bool
	abortReq   bool
	lastEvent  *Event
	tokens     map[string]*tokenWait
	waiting    *tokenWait

	// deadline is when the execution times out (zero: never);
	// expressLimit marks EXPRESS's 5-minute limit.
	deadline     time.Time
	expressLimit bool

	// randFn and uuidFn are the bound methods handed to expressions.
	randFn func() float64
	uuidFn func() string

	// ts is set when the execution runs a single state for TestState.
	ts *testStateCtl
	// ctxOverride replaces the context object (TestState's context).
	ctxOverride    any
	hasCtxOverride bool
	ctxStateName   string
}

// tokenWait is a task waiting for SendTaskSuccess/Failure.
type tokenWait struct {
	token    string
	state    string
	done     bool
	output   any
	fail     *failure
	heartbts int
	// timeout and heartbeat are the task's limits (0: none); elapsed is
	// the virtual time the task has waited, sinceBeat since the last
	// heartbeat.
	timeout, heartbeat time.Duration
	elapsed, sinceBeat time.Duration
	// since is the virtual time the task began to wait.
	since time.Time
}

// abortSignal unwinds the interpreter when the execution is aborted.
type abortSignal struct{}

// NewExecution prepares an execution of def (an ASL definition as JSON or
// YAML text) with the given input (JSON text; empty means {}). It fails when
// the definition cannot be read or the options are inconsistent (e.g. a
// mock test case that does not exist).
func NewExecution(def []byte, input []byte, opts Options) (*Execution, error) {
	if len(def) > MaxDefinitionBytes {
		return nil, fmt.Errorf("the definition is %d bytes, over the 1 MB (%d bytes) limit", len(def), MaxDefinitionBytes)
	}
	if len(opts.Substitutions) > 0 {
		def = substitute(def, opts.Substitutions)
	}
	root, err := asl.Parse(def)
	if err != nil {
		return nil, err
	}
	m, err := asl.Decode(root)
	if err != nil {
		return nil, err
	}
	var in any = map[string]any{}
	if len(strings.TrimSpace(string(input))) > 0 {
		in, err = asl.DecodeJSON(input)
		if err != nil {
			return nil, fmt.Errorf("input: %w", err)
		}
	}
	return NewExecutionFromModel(m, in, opts)
}

// NewExecutionFromModel is NewExecution for an already decoded definition
// and runtime input value.
func NewExecutionFromModel(m *asl.StateMachine, input any, opts Options) (*Execution, error) {
	opts.normalize()
	if opts.Type != Standard && opts.Type != Express {
		return nil, fmt.Errorf("execution type %q: must be STANDARD or EXPRESS", opts.Type)
	}
	if m.State(m.StartAt) == nil {
		return nil, fmt.Errorf("StartAt %q does not name a state", m.StartAt)
	}
	ms, err := newMockSource(&opts)
	if err != nil {
		return nil, err
	}
	e := &Execution{
		opts:   opts,
		def:    m,
		input:  input,
		status: StatusRunning,
		mocks:  ms,
		rng:    rand.New(rand.NewSource(opts.Seed)),
		info:   map[*asl.Value]*stateInfo{},
		tokens: map[string]*tokenWait{},
	}
	e.randFn, e.uuidFn = e.rand01, e.uuid
	if e.opts.Name == "" {
		e.opts.Name = e.uuid()
	}
	e.smArn = fmt.Sprintf("arn:aws:states:%s:%s:stateMachine:%s", opts.Region, opts.Account, opts.StateMachineName)
	if opts.Type == Express {
		// EXPRESS execution ARNs: …:express:<machine>:<name>:<id>.
		e.arn = fmt.Sprintf("arn:aws:states:%s:%s:express:%s:%s:%s", opts.Region, opts.Account, opts.StateMachineName, e.opts.Name, e.uuid())
	} else {
		e.arn = fmt.Sprintf("arn:aws:states:%s:%s:execution:%s:%s", opts.Region, opts.Account, opts.StateMachineName, e.opts.Name)
	}
	e.ctxExecution = map[string]any{
		"Id":        e.arn,
		"Input":     input,
		"Name":      e.opts.Name,
		"RoleArn":   opts.RoleArn,
		"StartTime": isoTime(opts.StartTime),
	}
	if !opts.SyncExpress {
		// Synchronous EXPRESS executions cannot be redriven and have no RedriveCount.
		e.ctxExecution["RedriveCount"] = opts.RedriveCount
	}
	e.ctxStateMachine = map[string]any{"Id": e.smArn, "Name": opts.StateMachineName}
	e.top = &frame{e: e, vars: map[string]any{}, ownVars: true, now: opts.StartTime, ql: m.QueryLanguage}
	e.cur = e.top
	return e, nil
}

// substitute replaces ${Name} placeholders.
func substitute(def []byte, subs map[string]string) []byte {
	s := string(def)
	for k, v := range subs {
		s = strings.ReplaceAll(s, "${"+k+"}", v)
	}
	return []byte(s)
}

// Status is the execution status: RUNNING (not finished, or stopped at a
// step or breakpoint), PAUSED (a task token waits), SUCCEEDED, FAILED,
// TIMED_OUT or ABORTED.
func (e *Execution) Status() string { return e.status }

// Output is the execution's output once it SUCCEEDED.
func (e *Execution) Output() any { return e.output }

// Error is the error name of a FAILED/TIMED_OUT/ABORTED execution ("" when none).
func (e *Execution) Error() string {
	if e.failure == nil {
		return ""
	}
	return e.failure.Error
}

// Cause is the cause of a failed execution ("" when none).
func (e *Execution) Cause() string {
	if e.failure == nil {
		return ""
	}
	return e.failure.Cause
}

// HasError and HasCause tell an absent error or cause from an empty one.
func (e *Execution) HasError() bool { return e.failure != nil && e.failure.HasError }

// HasCause reports whether the execution failed with a cause.
func (e *Execution) HasCause() bool { return e.failure != nil && e.failure.HasCause }

// Events returns the history so far.
func (e *Execution) Events() []*Event { return e.events }

// Done reports whether the execution has finished.
func (e *Execution) Done() bool { return e.finished }

// Arn is the execution ARN ($$.Execution.Id).
func (e *Execution) Arn() string { return e.arn }

// Run runs until the execution finishes or pauses on a task token, and
// returns the status.
func (e *Execution) Run() string {
	e.stepping, e.breakpoint = false, nil
	e.advance()
	return e.status
}

// Step runs until the next history event and returns it; it returns nil
// when the execution has finished or is paused on a task token.
func (e *Execution) Step() *Event {
	if e.finished {
		return nil
	}
	e.stepping, e.breakpoint = true, nil
	n := len(e.events)
	last := e.lastEvent
	e.advance()
	e.stepping = false
	if e.lastEvent != last {
		return e.lastEvent
	}
	if len(e.events) > n {
		return e.events[len(e.events)-1]
	}
	return nil
}

// RunUntil runs until an event for which breakpoint returns true (returned),
// or until the execution finishes or pauses (nil).
func (e *Execution) RunUntil(breakpoint func(*Event) bool) *Event {
	if e.finished {
		return nil
	}
	e.stepping, e.breakpoint = false, breakpoint
	last := e.lastEvent
	e.advance()
	e.breakpoint = nil
	if e.lastEvent != last && breakpoint(e.lastEvent) && !e.finished {
		return e.lastEvent
	}
	if e.finished && e.lastEvent != last && breakpoint(e.lastEvent) {
		return e.lastEvent
	}
	return nil
}

// advance lets the interpreter run until it yields (an event in step mode,
// a breakpoint, a task token wait, or the end).
func (e *Execution) advance() {
	if e.finished {
		return
	}
	if e.waiting != nil && !e.waiting.done && !e.abortReq {
		e.status = StatusPaused
		return
	}
	if !e.started {
		e.started = true
		e.resume = make(chan struct{})
		e.yield = make(chan struct{})
		go e.main()
	} else {
		e.resume <- struct{}{}
	}
	<-e.yield
}

// pause hands control back to the driver and waits to be resumed.
func (e *Execution) pause() {
	e.yield <- struct{}{}
	<-e.resume
	if e.abortReq {
		panic(abortSignal{})
	}
}

func (e *Execution) main() {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(abortSignal); !ok {
				e.finishFailed(ErrRuntime, fmt.Sprintf("internal error: %v", r))
			} else {
				e.status = StatusAborted
				e.failure = &failure{}
				e.emitTop("ExecutionAborted", nil)
			}
		}
		e.finished = true
		e.waiting = nil
		e.yield <- struct{}{}
	}()
	e.runTop()
}

func (e *Execution) runTop() {
	f := e.top
	f.emit("ExecutionStarted", &Details{Input: e.input, HasInput: true, RoleArn: e.opts.RoleArn})
	f.prev = 0
	var out any
	fl := checkSize(e.input, "input")
	if fl == nil {
		out, fl = f.runMachine(e.def, e.input, true)
	}
	if fl != nil {
		if fl.Error == ErrTimeout && fl.executionTimeout {
			e.status = StatusTimedOut
			e.failure = fl
			d := &Details{}
			setErr(d, fl)
			f.emit("ExecutionTimedOut", d)
			return
		}
		e.status = StatusFailed
		e.failure = fl
		d := &Details{}
		setErr(d, fl)
		f.emit("ExecutionFailed", d)
		return
	}
	e.status = StatusSucceeded
	e.output = out
	f.emit("ExecutionSucceeded", &Details{Output: out, HasOutput: true})
}

func setErr(d *Details, fl *failure) {
	d.Error, d.HasError = fl.Error, fl.HasError
	d.Cause, d.HasCause = fl.Cause, fl.HasCause
}

func (e *Execution) finishFailed(name, cause string) {
	e.status = StatusFailed
	e.failure = newFailure(name, cause)
	d := &Details{}
	setErr(d, e.failure)
	e.emitTop("ExecutionFailed", d)
}

func (e *Execution) emitTop(typ string, d *Details) {
	e.top.emit(typ, d)
}

// Abort stops the execution (status ABORTED with an ExecutionAborted event).
func (e *Execution) Abort() {
	if e.finished {
		return
	}
	if !e.started {
		e.started, e.finished = true, true
		e.status = StatusAborted
		e.failure = &failure{}
		e.top.emit("ExecutionStarted", &Details{Input: e.input, HasInput: true, RoleArn: e.opts.RoleArn})
		e.top.emit("ExecutionAborted", nil)
		return
	}
	e.abortReq = true
	e.resume <- struct{}{}
	<-e.yield
}

// ErrUnknownToken is returned for a task token no task is waiting for.
var ErrUnknownToken = errors.New("sim: no task is waiting for this token (TaskDoesNotExist)")

// SendTaskSuccess completes the task waiting for token with output (JSON
// text); run the execution again to continue.
func (e *Execution) SendTaskSuccess(token string, output []byte) error {
	tw := e.tokens[token]
	if tw == nil || tw.done {
		return ErrUnknownToken
	}
	v, err := asl.DecodeJSON(output)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	tw.done, tw.output = true, v
	e.status = StatusRunning
	return nil
}

// SendTaskFailure fails the task waiting for token; run the execution
// again to continue.
func (e *Execution) SendTaskFailure(token, errName, cause string) error {
	tw := e.tokens[token]
	if tw == nil || tw.done {
		return ErrUnknownToken
	}
	tw.done = true
	tw.fail = &failure{Error: errName, Cause: cause, HasError: errName != "", HasCause: cause != ""}
	e.status = StatusRunning
	return nil
}

// SendTaskHeartbeat records a heartbeat for the task waiting for token.
func (e *Execution) SendTaskHeartbeat(token string) error {
	tw := e.tokens[token]
	if tw == nil || tw.done {
		return ErrUnknownToken
	}
	tw.heartbts++
	tw.sinceBeat = 0
	return nil
}

// AdvanceClock lets virtual time pass while the execution is PAUSED on a
// task token, so that the task's TimeoutSeconds or HeartbeatSeconds (or
// the execution's own timeout) can expire: States.Timeout /
// States.HeartbeatTimeout, or TIMED_OUT, when the execution runs again.
// Time stops at the first deadline d reaches. It reports whether the wait
// ended.
func (e *Execution) AdvanceClock(d time.Duration) (timedOut bool, err error) {
	tw := e.waiting
	if tw == nil || tw.done {
		return false, errors.New("sim: AdvanceClock: the execution is not waiting for a task token")
	}
	if rem, kind, ok := e.waitDeadline(tw); ok && d >= rem {
		e.expire(tw, rem, kind)
		return true, nil
	}
	tw.elapsed += d
	tw.sinceBeat += d
	return false, nil
}

// NextDeadline returns how much virtual time the task the execution is
// PAUSED on may still wait before it times out (its TimeoutSeconds, its
// HeartbeatSeconds since the last heartbeat, or the execution's timeout,
// whichever comes first), and the error it would fail with: States.Timeout,
// States.HeartbeatTimeout, or "" for the execution's own timeout. ok is
// false when the execution is not paused or the wait has no deadline.
func (e *Execution) NextDeadline() (d time.Duration, errName string, ok bool) {
	tw := e.waiting
	if tw == nil || tw.done {
		return 0, "", false
	}
	d, kind, ok := e.waitDeadline(tw)
	switch kind {
	case deadlineTask:
		errName = ErrTimeout
	case deadlineHeartbeat:
		errName = ErrHeartbeatTimeout
	}
	return d, errName, ok
}

// ExpireWait continues a PAUSED execution without a task token: the
// virtual clock moves to the waiting task's earliest deadline (see
// NextDeadline), the task fails there with States.Timeout or
// States.HeartbeatTimeout (or the execution times out), and the execution
// runs on until it finishes or pauses again; it returns the status. It
// fails when the execution is not paused or its wait has no deadline.
func (e *Execution) ExpireWait() (string, error) {
	tw := e.waiting
	if tw == nil || tw.done {
		return e.status, errors.New("sim: ExpireWait: the execution is not waiting for a task token")
	}
	rem, kind, ok := e.waitDeadline(tw)
	if !ok {
		return e.status, fmt.Errorf("sim: ExpireWait: the task of state '%s' has no TimeoutSeconds or HeartbeatSeconds and the execution no timeout: it waits until a token answers it", tw.state)
	}
	e.expire(tw, rem, kind)
	return e.Run(), nil
}

// Kinds of deadline of a task-token wait.
const (
	deadlineTask = iota
	deadlineHeartbeat
	deadlineExecution
)

// waitDeadline returns the time left before tw's earliest deadline.
func (e *Execution) waitDeadline(tw *tokenWait) (rem time.Duration, kind int, ok bool) {
	consider := func(d time.Duration, k int) {
		if d < 0 {
			d = 0
		}
		if !ok || d < rem {
			rem, kind, ok = d, k, true
		}
	}
	if tw.timeout > 0 {
		consider(tw.timeout-tw.elapsed, deadlineTask)
	}
	if tw.heartbeat > 0 {
		consider(tw.heartbeat-tw.sinceBeat, deadlineHeartbeat)
	}
	if !e.deadline.IsZero() {
		consider(e.deadline.Sub(tw.since.Add(tw.elapsed)), deadlineExecution)
	}
	return rem, kind, ok
}

// expire lets rem pass and ends tw with the failure of its deadline.
func (e *Execution) expire(tw *tokenWait, rem time.Duration, kind int) {
	tw.elapsed += rem
	tw.sinceBeat += rem
	tw.done = true
	switch kind {
	case deadlineTask:
		tw.fail = &failure{Error: ErrTimeout, HasError: true}
	case deadlineHeartbeat:
		tw.fail = &failure{Error: ErrHeartbeatTimeout, HasError: true}
	default:
		tw.fail = e.timeoutFailure()
	}
	e.status = StatusRunning
}

// WaitingToken returns the task token the execution is paused on, and the
// state that waits for it ("" when not paused).
func (e *Execution) WaitingToken() (token, state string) {
	if e.waiting == nil || e.waiting.done {
		return "", ""
	}
	return e.waiting.token, e.waiting.state
}

// Snapshot is what the UI shows of a running execution.
type Snapshot struct {
	Status string
	// State is the state the latest event belongs to, and Data its current
	// input or output.
	State     string
	Data      any
	Variables map[string]any
	Events    []*Event
	// Token is the task token the execution waits for when PAUSED.
	Token       string
	Output      any
	Error       string
	Cause       string
	Transitions int
	Now         time.Time
}

// Snapshot returns the current state of the execution.
func (e *Execution) Snapshot() Snapshot {
	f := e.cur
	s := Snapshot{Status: e.status, Events: e.events, Output: e.output, Transitions: e.steps}
	if f != nil {
		s.State, s.Data, s.Now = f.curState, f.curData, f.now
		s.Variables = make(map[string]any, len(f.vars))
		for k, v := range f.vars {
			s.Variables[k] = v
		}
	}
	if e.failure != nil {
		s.Error, s.Cause = e.failure.Error, e.failure.Cause
	}
	s.Token, _ = e.WaitingToken()
	return s
}
