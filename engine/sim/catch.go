package sim

import "github.com/aslstudio/aslstudio/engine/asl"

// catch looks for the first Catcher whose ErrorEquals matches the failure
// and, when found, returns the state's outcome: the catcher's Next, the
// error output placed by ResultPath (JSONPath) or shaped by Output
// (JSONata), and the catcher's Assign.
func (r *stateRun) catch(catchers []*asl.Catcher, fl *failure) (outcome, bool) {
	if fl.terminal() {
		return outcome{}, false
	}
	for i, c := range catchers {
		if !errorMatches(c.ErrorEquals, fl.Error) {
			continue
		}
		if ts := r.f.e.ts; ts != nil {
			ts.caught = true
			ts.errDetail = map[string]any{"catchIndex": int64(i), "error": fl.Error, "cause": fl.Cause}
		}
		errOut := fl.errorOutput()
		o := outcome{next: c.Next}
		if r.jsonata() {
			env := r.jsonataEnv(nil, false, errOut, true)
			a, f2 := r.assign(c.Assign, env)
			if f2 != nil {
				return outcome{fail: f2}, true
			}
			out, f2 := r.jsonataOutput(c.Output, env, errOut)
			if f2 != nil {
				return outcome{fail: f2}, true
			}
			o.output, o.assign = out, a
			return o, true
		}
		a, f2 := r.assignOn(c.Assign, errOut)
		if f2 != nil {
			return outcome{fail: f2}, true
		}
		out, f2 := r.resultPath(c.ResultPath, errOut)
		if f2 != nil {
			return outcome{fail: f2}, true
		}
		o.output, o.assign = out, a
		return o, true
	}
	return outcome{}, false
}

// recover handles a failed attempt of a Task, Parallel or Map: Retry (the
// caller runs the attempt again when again is true), then failedEvent
// (ParallelStateFailed / MapStateFailed, when not empty), then Catch.
// Under TestState a retriable failure ends the run as RETRIABLE.
func (r *stateRun) recover(rt *retrier, catchers []*asl.Catcher, o outcome, failedEvent string) (res outcome, again bool) {
	if ts := r.f.e.ts; ts != nil {
		if ts.testRetry(rt.rules, o.fail) {
			return o, false
		}
		if c, ok := r.catch(catchers, o.fail); ok {
			return c, false
		}
		return o, false
	}
	if o.fail.terminal() {
		return o, false
	}
	if rt.retry(r, o.fail) {
		return outcome{}, true
	}
	if failedEvent != "" {
		r.f.emit(failedEvent, nil)
	}
	if c, ok := r.catch(catchers, o.fail); ok {
		return c, false
	}
	return o, false
}

// runAttempts applies InputPath (JSONPath states) and runs attempt on the
// effective input until it succeeds, or until Retry gives up and Catch
// decides (failedEvent is written once retries are over). Map and Parallel
// share it.
func (r *stateRun) runAttempts(retry []*asl.Retrier, catch []*asl.Catcher, failedEvent string, attempt func(eff any) outcome) outcome {
	eff := r.input
	var fl *failure
	if !r.jsonata() {
		if eff, fl = r.inputPath(); fl != nil {
			return outcome{fail: fl}
		}
		r.inspect("afterInputPath", eff)
	}
	rt := newRetrier(retry)
	for {
		o := attempt(eff)
		if o.fail == nil {
			return o
		}
		if o, again := r.recover(rt, catch, o, failedEvent); !again {
			return o
		}
	}
}
