package sim

import "strings"

// State statuses for the canvas (the data-status attribute of a state).
const (
	StateRunning   = "running"
	StateSucceeded = "succeeded"
	StateFailed    = "failed"
	StateCaught    = "caught"
	StateRetried   = "retried"
	StatePaused    = "paused"
)

// StateStatuses returns, for every state the execution has entered so far,
// its latest status: running, succeeded, failed, caught (it failed and a
// Catch handled it), retried (it succeeded after a retry) or paused (it
// waits for a task token). States not in the map were not reached.
func (e *Execution) StateStatuses() map[string]string {
	st := map[string]string{}
	for name, r := range HistoryStatuses(e.events, e.finished) {
		st[name] = r.Status
	}
	if tok, state := e.WaitingToken(); tok != "" {
		st[state] = StatePaused
	}
	return st
}

// StateRun is what a history did to one state: its latest status (see
// StateStatuses) and the attempts of its latest visit (retries + 1).
type StateRun struct {
	Status   string
	Attempts int
}

// HistoryStatuses reads the states' statuses from a history or a prefix of
// one (a run panel stepping back in time shows the canvas as it was);
// finished tells whether the events end the execution. A state's status is
// that of its latest visit: the one with the latest event (Map iterations
// of one state run at once; the one the history last speaks of is the one
// a person follows). Parallel branches
// and Map iterations interleave: an event belongs to the visit its
// previousEventId chain leads to. A state waiting for a task token reads
// as running (the caller knows the token).
func HistoryStatuses(events []*Event, finished bool) map[string]*StateRun {
	// visit is one entry of a state, by its StateEntered event's id.
	type visit struct {
		id             int64
		name           string
		run            StateRun
		failed, closed bool
	}
	visits := map[int64]*visit{}
	latest := map[string]int64{} // state name: its latest visit
	owner := map[int64]int64{}   // event id: the visit it belongs to
	var entered []int64          // visits in the order they began
	var ev *Event
	// current is the open visit the event belongs to: through the chain,
	// else the innermost open one.
	current := func() *visit {
		v := visits[owner[ev.PreviousEventID]]
		for i := len(entered) - 1; (v == nil || v.closed) && i >= 0; i-- {
			v = visits[entered[i]]
		}
		if v == nil || v.closed {
			return nil
		}
		owner[ev.ID], latest[v.name] = v.id, v.id
		return v
	}
	// named is the open visit of a state the event ends: through the
	// chain, else the latest.
	named := func(name string) *visit {
		v := visits[owner[ev.PreviousEventID]]
		for i := len(entered) - 1; (v == nil || v.closed || v.name != name) && i >= 0; i-- {
			v = visits[entered[i]]
		}
		if v == nil || v.closed || v.name != name {
			return nil
		}
		latest[name] = v.id
		return v
	}
	for _, ev = range events {
		t := ev.Type
		switch {
		case strings.HasSuffix(t, "StateEntered") && ev.Details != nil:
			name := ev.Details.Name
			visits[ev.ID] = &visit{id: ev.ID, name: name, run: StateRun{Status: StateRunning}}
			latest[name] = ev.ID
			owner[ev.ID] = ev.ID
			entered = append(entered, ev.ID)
		case strings.HasSuffix(t, "StateAborted"):
			// A state a failing Parallel branch or Map iteration stopped.
			if v := current(); v != nil {
				v.run.Status, v.closed = StateFailed, true
			}
		case strings.HasSuffix(t, "StateExited") && ev.Details != nil:
			if v := named(ev.Details.Name); v != nil {
				switch {
				case v.failed:
					v.run.Status = StateCaught
				case v.run.Attempts > 1:
					v.run.Status = StateRetried
				default:
					v.run.Status = StateSucceeded
				}
				v.closed = true
			}
		case strings.HasSuffix(t, "Scheduled"), t == "MapStateStarted", t == "ParallelStateStarted":
			// A new attempt: an earlier failure was retried.
			if v := current(); v != nil {
				v.run.Attempts++
				v.failed = false
			}
		case strings.HasSuffix(t, "Failed") && !strings.HasPrefix(t, "Execution") && !strings.HasPrefix(t, "MapIteration") && t != "MapRunFailed",
			strings.HasSuffix(t, "TimedOut") && !strings.HasPrefix(t, "Execution"),
			t == "EvaluationFailed":
			if v := current(); v != nil {
				v.failed = true
			}
		case strings.HasPrefix(t, "Execution") && (strings.HasSuffix(t, "Failed") || strings.HasSuffix(t, "TimedOut") || strings.HasSuffix(t, "Aborted")):
			for _, v := range visits {
				if !v.closed {
					v.run.Status, v.closed = StateFailed, true
				}
			}
		default:
			if o, ok := owner[ev.PreviousEventID]; ok {
				owner[ev.ID] = o
			}
		}
	}
	st := make(map[string]*StateRun, len(latest))
	for name, id := range latest {
		v := visits[id]
		// A state failed inside a Map iteration or a branch never exits.
		if v.failed && finished && v.run.Status == StateRunning {
			v.run.Status = StateFailed
		}
		r := v.run
		st[name] = &r
	}
	return st
}
