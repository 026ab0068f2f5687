package sim

import (
	"strings"
	"time"
	"unsafe"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/expr"
)

// frame is one thread of execution: the top-level state machine, a Parallel
// branch or a Map iteration. It has its own variable scope, virtual clock
// and previous-event chain.
type frame struct {
	e       *Execution
	parent  *frame
	vars    map[string]any
	ownVars bool
	ql      string
	now     time.Time
	prev    int64

	curState string
	curData  any
	// hidden frames (child executions of a distributed Map) do not write
	// to the parent's history.
	hidden bool
	// free is a finished stateRun that the next state of this frame reuses.
	free *stateRun
	// clockFn is f.clock, bound once for expressions (JSONata $now, $millis).
	clockFn func() time.Time
	// th is the Parallel branch the frame runs in (nil outside branches).
	th *thread
	// active is the state entered and not exited (nil between states).
	active *asl.Base
	// owned is the current data when it is an object the previous state
	// made and nothing else refers to (no event, variable or result holds
	// it: the execution is quiet). A Pass state may then set its
	// ResultPath in place instead of copying the object (pass.go).
	owned map[string]any
}

// clock returns the frame's virtual time.
func (f *frame) clock() time.Time { return f.now }

// newRun returns a stateRun for the next state of the frame, reusing the
// frame's last one (and its expression environment) when it is free.
func (f *frame) newRun(b *asl.Base, info *stateInfo, input any) *stateRun {
	r := f.free
	if r == nil || r.f != f {
		r = &stateRun{f: f}
	} else {
		f.free = nil
		r.retryCount, r.token, r.mapItem = 0, "", nil
		r.envBuf.Forget()
	}
	r.base, r.info, r.input = b, info, input
	return r
}

// child returns a frame for a branch or iteration: it sees the variables of
// f (a snapshot; its own assignments stay inside it) and starts at f's time.
func (f *frame) child() *frame {
	return &frame{e: f.e, parent: f, vars: f.vars, ql: f.ql, now: f.now, prev: f.prev, hidden: f.hidden, th: f.th}
}

// childInto is child reusing cf (a finished child frame of f, or nil),
// with its free state record and bound clock.
func (f *frame) childInto(cf *frame) *frame {
	if cf == nil {
		return f.child()
	}
	free, clk := cf.free, cf.clockFn
	*cf = frame{e: f.e, parent: f, vars: f.vars, ql: f.ql, now: f.now, prev: f.prev, hidden: f.hidden, free: free, clockFn: clk, th: f.th}
	return cf
}

// quiet reports whether nobody looks at events (NoHistory, not stepping,
// no breakpoint): the hot path then skips building them.
func (e *Execution) quiet() bool {
	return e.opts.NoHistory && !e.stepping && e.breakpoint == nil
}

// emitID records an event like emit and returns its id; when the
// execution is quiet it only numbers it.
func (f *frame) emitID(typ string, d func() *Details) int64 {
	e := f.e
	if e.quiet() || f.hidden {
		if f.hidden {
			return 0
		}
		e.lastID++
		f.prev = e.lastID
		e.cur = f
		return e.lastID
	}
	return f.emit(typ, d()).ID
}

// emitOff records an event that AWS leaves out of the previousEventId
// chain: the next event of the frame links to the event before it.
func (f *frame) emitOff(typ string, d *Details) *Event {
	prev := f.prev
	ev := f.emit(typ, d)
	f.prev = prev
	return ev
}

// emitOffID is emitOff through emitID (no event is built when quiet).
func (f *frame) emitOffID(typ string, d func() *Details) {
	prev := f.prev
	f.emitID(typ, d)
	f.prev = prev
}

// emit appends a history event and, in step mode or at a breakpoint, hands
// control back to the driver.
func (f *frame) emit(typ string, d *Details) *Event {
	e := f.e
	if f.hidden {
		ev := &Event{Timestamp: f.now, Type: typ, Details: d}
		e.cur = f
		return ev
	}
	e.lastID++
	ev := &Event{ID: e.lastID, PreviousEventID: f.prev, Timestamp: f.now, Type: typ, Details: d}
	f.prev = ev.ID
	if !e.opts.NoHistory {
		e.events = append(e.events, ev)
	}
	e.lastEvent, e.cur = ev, f
	if e.stepping || (e.breakpoint != nil && e.breakpoint(ev)) {
		e.pause()
	}
	return ev
}

// setVars commits a state's assignments to the frame's scope.
func (f *frame) setVars(a map[string]any) {
	if len(a) == 0 {
		return
	}
	if !f.ownVars {
		m := make(map[string]any, len(f.vars)+len(a))
		for k, v := range f.vars {
			m[k] = v
		}
		f.vars, f.ownVars = m, true
	}
	for k, v := range a {
		f.vars[k] = v
	}
}

// runMachine runs a state machine (the definition, a branch or a processor)
// from StartAt to an end state, and returns its output.
func (f *frame) runMachine(m *asl.StateMachine, input any, top bool) (any, *failure) {
	if m.QueryLanguage != "" {
		f.ql = m.QueryLanguage
	}
	e := f.e
	name := m.StartAt
	data := input
	if top {
		e.setDeadline(m)
	}
	st := m.State(name)
	var info *stateInfo
	for {
		if st == nil {
			return nil, failuref(ErrRuntime, "The state machine has no state named '%s'.", name)
		}
		if info == nil {
			info = f.infoOf(st)
		}
		out := f.runStateInfo(st, info, data)
		if out.fail != nil {
			return nil, out.fail
		}
		if e.pastDeadline(f.now) {
			return nil, e.timeoutFailure()
		}
		if out.end {
			return out.output, nil
		}
		st, info = f.successor(m, info, out.next)
		name, data = out.next, out.output
	}
}

// successor returns the state named next of m, which follows st: each
// state remembers the few states it leads to, so that a hot loop does not
// look names up (string hashing is slow under WebAssembly).
func (f *frame) successor(m *asl.StateMachine, in *stateInfo, next string) (asl.State, *stateInfo) {
	for i := range in.succ {
		sc := &in.succ[i]
		if sc.m == m && len(sc.name) == len(next) && (unsafe.StringData(sc.name) == unsafe.StringData(next) || sc.name == next) {
			return sc.st, sc.info
		}
	}
	ns := m.State(next)
	if ns == nil {
		return nil, nil
	}
	ni := f.infoOf(ns)
	if len(in.succ) < 8 {
		in.succ = append(in.succ, successor{m: m, name: next, st: ns, info: ni})
	}
	return ns, ni
}

// successor is one entry of stateInfo.succ.
type successor struct {
	m    *asl.StateMachine
	name string
	st   asl.State
	info *stateInfo
}

// stateInfo is what the engine works out once per state.
type stateInfo struct {
	jsonata     bool
	usesContext bool
	entered     string
	exited      string
	constants   map[*asl.Value]any
	// selectsOnly: the state's output is a part of its input.
	selectsOnly bool
	// succ caches the states this one led to (see successor).
	succ []successor
}

func (f *frame) infoOf(st asl.State) *stateInfo {
	b := st.Common()
	if in := f.e.info[b.Node]; in != nil {
		return in
	}
	ql := b.QueryLanguage
	if ql == "" {
		ql = f.ql
	}
	in := &stateInfo{
		jsonata:     ql == asl.JSONata,
		usesContext: usesContext(b.Node),
		entered:     b.Type + "StateEntered",
		exited:      b.Type + "StateExited",
	}
	switch b.Type {
	case asl.TypeChoice, asl.TypeWait, asl.TypeSucceed:
		in.selectsOnly = !in.jsonata
	case asl.TypePass:
		// A JSONPath Pass without Result or Parameters whose ResultPath
		// keeps either the result or the input only selects too.
		if p, ok := st.(*asl.PassState); ok && !in.jsonata && p.Result == nil && p.Parameters == nil {
			in.selectsOnly = p.ResultPath == nil || *p.ResultPath == "$" || asl.IsNullPath(p.ResultPath)
		}
	}
	f.e.info[b.Node] = in
	return in
}

// usesContext reports whether any string under v may read the context
// object ($$ or $states.context), so the engine builds it only then.
func usesContext(v *asl.Value) bool {
	if v == nil {
		return false
	}
	switch v.Kind {
	case asl.String:
		s := v.Str
		return strings.Contains(s, "$$") || strings.Contains(s, "context") ||
			(strings.Contains(s, "$states") && strings.Contains(strings.NewReplacer("$states.input", "", "$states.result", "", "$states.errorOutput", "").Replace(s), "$states"))
	case asl.Array:
		for _, it := range v.Items {
			if usesContext(it) {
				return true
			}
		}
	case asl.Object:
		for _, fl := range v.Fields {
			if usesContext(fl.Value) {
				return true
			}
		}
	}
	return false
}

// stateRun is one visit of a state.
type stateRun struct {
	f          *frame
	base       *asl.Base
	info       *stateInfo
	input      any
	enteredID  int64
	entered    time.Time
	retryCount int
	token      string
	mapItem    map[string]any
	envBuf     expr.Env
	// envReady: envBuf holds the frame's clock and the execution's
	// random sources (set once per stateRun, which a frame reuses).
	envReady bool
	// enteredPrev is the previousEventId of the StateEntered event.
	enteredPrev int64
}

// outcome is how a state visit ended.
type outcome struct {
	next   string
	end    bool
	output any
	assign map[string]any
	fail   *failure
	// owned: output is an object the state made and nothing else refers
	// to (see frame.owned).
	owned bool
}

func (r *stateRun) jsonata() bool { return r.info.jsonata }

// env is the expression environment with data as $ / $states.input.
func (r *stateRun) env(data any) *expr.Env {
	env := &r.envBuf
	if !r.envReady {
		f := r.f
		if f.clockFn == nil {
			f.clockFn = f.clock
		}
		*env = expr.Env{Rand: f.e.randFn, UUID: f.e.uuidFn, Now: f.clockFn}
		r.envReady = true
	}
	// Only the fields that change are written: the Env is reused for every
	// expression of the visit (a fresh struct per call cost a copy with
	// write barriers each time).
	env.Rebind(data, r.context(), r.f.vars)
	return env
}

// jenv is the JSONata environment: $states.input is the state input.
func (r *stateRun) jenv() *expr.Env { return r.env(r.input) }

// fail turns an evaluation error into the state's failure, with AWS's
// prefix naming the state, and writes EvaluationFailed for JSONata query
// errors.
func (r *stateRun) fail(err error, field string) *failure {
	fl := fromExprError(err, field)
	if fl.evaluation && !fl.prefixed {
		fl.Cause = r.prefix() + fl.Cause
		fl.prefixed = true
		if fl.Error == ErrQueryEvaluation {
			ev := r.f.emit("EvaluationFailed", &Details{Name: r.base.Name, Error: fl.Error, HasError: true, Cause: fl.Cause, HasCause: true, Location: fl.location})
			// As AWS records it: linked to the event before the state's
			// StateEntered (Wait states: to the StateEntered itself).
			if r.base.Type == asl.TypeWait {
				ev.PreviousEventID = r.enteredID
			} else {
				ev.PreviousEventID = r.enteredPrev
			}
		}
	}
	return fl
}

func (r *stateRun) prefix() string {
	return "An error occurred while executing the state '" + r.base.Name + "' (entered at the event id #" + itoa(r.enteredID) + "). "
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// runState visits one state: StateEntered, the state's work, StateExited.
func (f *frame) runState(st asl.State, input any) outcome {
	return f.runStateInfo(st, f.infoOf(st), input)
}

// runStateInfo is runState with the state's info already looked up.
func (f *frame) runStateInfo(st asl.State, info *stateInfo, input any) outcome {
	e := f.e
	b := st.Common()
	e.steps++
	if e.steps > e.opts.MaxSteps {
		return outcome{fail: failuref(ErrRuntime, "The execution exceeded the step limit of %d state transitions at state '%s' (raise it with --max-steps / Options.MaxSteps).", e.opts.MaxSteps, b.Name)}
	}
	if e.opts.Type == Standard && e.lastID >= 25000 {
		return outcome{fail: failuref(ErrRuntime, "The execution reached the maximum number of history events (25000) at state '%s'.", b.Name)}
	}
	f.curState, f.curData = b.Name, input
	// A state's input is the execution input (checked at the start) or a
	// previous state's output (checked when it was produced).
	enteredPrev := f.prev
	id := f.emitID(info.entered, func() *Details { return &Details{Name: b.Name, Input: input, HasInput: true} })
	f.active = b
	r := f.newRun(b, info, input)
	r.enteredID, r.entered, r.enteredPrev = id, f.now, enteredPrev
	var out outcome
	switch s := st.(type) {
	case *asl.PassState:
		out = runPass(r, s)
	case *asl.TaskState:
		out = runTask(r, s)
	case *asl.ChoiceState:
		out = runChoice(r, s)
	case *asl.WaitState:
		out = runWait(r, s)
	case *asl.SucceedState:
		out = runSucceed(r, s)
	case *asl.FailState:
		out = runFail(r, s)
	case *asl.ParallelState:
		out = runParallel(r, s)
	case *asl.MapState:
		out = runMap(r, s)
	default:
		out = outcome{fail: failuref(ErrRuntime, "The state '%s' has an unknown Type '%s'.", b.Name, b.Type)}
	}
	if out.fail != nil {
		return out
	}
	// A JSONPath Choice, Wait or Succeed only selects from its (checked)
	// input, so its output cannot be larger.
	if !info.selectsOnly {
		if fl := checkSize(out.output, b.Name); fl != nil {
			return outcome{fail: fl}
		}
	}
	f.curData = out.output
	f.emitID(info.exited, func() *Details {
		return &Details{Name: b.Name, Output: out.output, HasOutput: true, AssignedVariables: out.assign}
	})
	f.free, f.active = r, nil
	f.owned = nil
	if out.owned {
		f.owned, _ = out.output.(map[string]any)
	}
	f.setVars(out.assign)
	if !out.end && out.next == "" {
		out.end = true
	}
	return out
}

// transition fills next/end from the state's Next or End.
func (r *stateRun) transition(o *outcome) {
	if r.base.End || r.base.Next == "" {
		o.end = true
		return
	}
	o.next = r.base.Next
}
