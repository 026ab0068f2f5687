package sim

import (
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// Time is virtual: every frame (the execution, a Parallel branch, a Map
// iteration) has its own clock, which Wait states, retry back-off and task
// durations advance; a run never sleeps. Branches and iterations start at
// their state's time; the state then continues from the latest of them
// (iterations of a Map with MaxConcurrency 1 run one after the other).
// Event timestamps and $$.State.EnteredTime read these clocks.

// advance moves the frame's clock forward.
func (f *frame) advance(d time.Duration) {
	if d > 0 {
		f.now = f.now.Add(d)
	}
}

// isoTime formats a time the way the context object shows it.
func isoTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// setDeadline sets when the execution times out: the definition's
// TimeoutSeconds, and at most 5 minutes for EXPRESS executions.
func (e *Execution) setDeadline(m *asl.StateMachine) {
	if m.TimeoutSeconds != nil && *m.TimeoutSeconds > 0 {
		e.deadline = e.opts.StartTime.Add(time.Duration(*m.TimeoutSeconds) * time.Second)
	}
	if e.opts.Type == Express {
		d := e.opts.StartTime.Add(5 * time.Minute)
		if e.deadline.IsZero() || d.Before(e.deadline) {
			e.deadline, e.expressLimit = d, true
		}
	}
}

// pastDeadline reports whether t is after the execution's deadline.
func (e *Execution) pastDeadline(t time.Time) bool {
	return !e.deadline.IsZero() && t.After(e.deadline)
}

// timeoutFailure is the execution's own timeout (status TIMED_OUT); no
// Retry or Catch handles it.
func (e *Execution) timeoutFailure() *failure {
	fl := &failure{Error: ErrTimeout, HasError: true, executionTimeout: true}
	if e.expressLimit {
		fl.Cause, fl.HasCause = "The EXPRESS execution exceeded its 5-minute limit.", true
	}
	return fl
}

// sleep advances the frame's clock by d, or to the execution's deadline
// when that comes first (then the execution times out there, mid-state).
func (f *frame) sleep(d time.Duration) *failure {
	e := f.e
	if end := f.now.Add(d); e.pastDeadline(end) {
		f.now = e.deadline
		return e.timeoutFailure()
	}
	f.advance(d)
	// In a Parallel branch, waiting lets the other branches run.
	f.yieldPoint()
	return nil
}
