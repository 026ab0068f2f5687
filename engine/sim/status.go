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
	failedIn := map[string]bool{}
	attempts := map[string]int{}
	var stack []string // states entered and not yet exited, innermost last
	// owner is the state an event belongs to, through the previousEventId
	// chain (Parallel branches interleave their events).
	owner := map[int64]string{}
	open := func(name string) bool {
		for _, n := range stack {
			if n == name {
				return true
			}
		}
		return false
	}
	var ev *Event
	current := func() string {
		if o, ok := owner[ev.PreviousEventID]; ok && open(o) {
			return o
		}
		if len(stack) == 0 {
			return ""
		}
		return stack[len(stack)-1]
	}
	for _, ev = range e.events {
		t := ev.Type
		switch {
		case strings.HasSuffix(t, "StateEntered"):
			name := ev.Details.Name
			st[name] = StateRunning
			failedIn[name] = false
			attempts[name] = 0
			stack = append(stack, name)
			owner[ev.ID] = name
			continue
		case strings.HasSuffix(t, "StateAborted"):
			// A state a failing Parallel branch stopped.
			if name := current(); name != "" {
				st[name] = StateFailed
				for i := len(stack) - 1; i >= 0; i-- {
					if stack[i] == name {
						stack = append(stack[:i], stack[i+1:]...)
						break
					}
				}
			}
		case strings.HasSuffix(t, "StateExited"):
			name := ev.Details.Name
			switch {
			case failedIn[name]:
				st[name] = StateCaught
			case attempts[name] > 1:
				st[name] = StateRetried
			default:
				st[name] = StateSucceeded
			}
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == name {
					stack = append(stack[:i], stack[i+1:]...)
					break
				}
			}
		case strings.HasSuffix(t, "Scheduled"), t == "MapStateStarted", t == "ParallelStateStarted":
			// A new attempt: an earlier failure was retried.
			c := current()
			attempts[c]++
			failedIn[c] = false
			owner[ev.ID] = c
			continue
		case strings.HasSuffix(t, "Failed") && !strings.HasPrefix(t, "Execution") && !strings.HasPrefix(t, "MapIteration") && t != "MapRunFailed",
			strings.HasSuffix(t, "TimedOut") && !strings.HasPrefix(t, "Execution"),
			t == "EvaluationFailed":
			c := current()
			failedIn[c] = true
			owner[ev.ID] = c
			continue
		case strings.HasPrefix(t, "Execution") && (strings.HasSuffix(t, "Failed") || strings.HasSuffix(t, "TimedOut") || strings.HasSuffix(t, "Aborted")):
			for _, name := range stack {
				st[name] = StateFailed
			}
			stack = nil
		}
		if o, ok := owner[ev.PreviousEventID]; ok {
			owner[ev.ID] = o
		}
	}
	// A failed state inside a Map iteration or branch never exits.
	for name, f := range failedIn {
		if f && st[name] == StateRunning && e.finished {
			st[name] = StateFailed
		}
	}
	if tok, state := e.WaitingToken(); tok != "" {
		st[state] = StatePaused
	}
	return st
}
