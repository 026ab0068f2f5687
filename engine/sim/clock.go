package sim

import "time"

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
