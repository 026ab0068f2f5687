package sim

import "github.com/aslstudio/aslstudio/engine/asl"

// runParallel runs a Parallel state: each branch gets the same input and
// runs in its own frame, all from the state's start time — interleaved as
// threads.go describes with Options.InterleaveBranches, else one after the
// other; the result is the array of branch outputs. A failing branch fails
// the state with its error.
func runParallel(r *stateRun, s *asl.ParallelState) outcome {
	return r.runAttempts(s.Retry, s.Catch, "ParallelStateFailed", func(eff any) outcome { return r.parallelAttempt(s, eff) })
}

func (r *stateRun) parallelAttempt(s *asl.ParallelState, eff any) outcome {
	f := r.f
	var in any
	var fl *failure
	switch {
	case r.jsonata() && s.Arguments != nil:
		in, fl = r.jsonataValue("Arguments", s.Arguments, r.jenv())
	case r.jsonata():
		in = r.input
	case s.Parameters != nil:
		in, fl = r.template(s.Parameters, eff, "Parameters")
	default:
		in = eff
	}
	if fl != nil {
		return outcome{fail: fl}
	}
	if ts := f.e.ts; ts != nil && (ts.hasMock || ts.mockErr != nil) {
		if ts.mockErr != nil {
			return outcome{fail: &failure{Error: ts.mockErr.Error, HasError: true, Cause: ts.mockErr.Cause, HasCause: ts.mockErr.HasCause}}
		}
		return r.processResult(ts.mock, s.ResultSelector, s.ResultPath)
	}
	f.emit("ParallelStateStarted", nil)
	var results []any
	var bfl *failure
	if f.e.opts.InterleaveBranches {
		results, bfl = r.runBranches(s.Branches, in)
	} else {
		results, bfl = r.runBranchesInOrder(s.Branches, in)
	}
	if bfl != nil {
		return outcome{fail: bfl}
	}
	// Like MapStateSucceeded, off the previousEventId chain.
	f.emitOff("ParallelStateSucceeded", nil)
	return r.processResult(results, s.ResultSelector, s.ResultPath)
}

// runBranchesInOrder runs the branches one after the other, each from the
// state's start time; the first failing branch ends the state.
func (r *stateRun) runBranchesInOrder(branches []*asl.StateMachine, in any) ([]any, *failure) {
	f := r.f
	results := make([]any, len(branches))
	end := f.now
	for i, b := range branches {
		cf := f.child()
		out, bfl := cf.runMachine(b, in, false)
		f.prev = cf.prev
		if cf.now.After(end) {
			end = cf.now
		}
		if bfl != nil {
			f.now = end
			return nil, bfl
		}
		results[i] = out
	}
	f.now = end
	return results, nil
}
