// Package sim is the mock-execution engine of ASL Studio: it runs an Amazon
// States Language definition the way AWS Step Functions would, with task
// results taken from mocks instead of AWS services.
//
// An Execution is started with NewExecution and driven by Run, Step (one
// history event at a time) or RunUntil (to a breakpoint). Time is virtual:
// Wait states, retry back-off and timeouts advance a simulated clock, so a
// run never sleeps. The history is a list of AWS GetExecutionHistory events
// (same type names, ids, previousEventId and *EventDetails fields).
//
// The interpreter is deterministic for a given seed: Map iterations run one
// after the other in item order; Parallel branches too, or, with
// Options.InterleaveBranches, all at once as AWS runs them (coroutines under
// a deterministic scheduler ordered by virtual time, threads.go); UUIDs,
// States.MathRandom, execution names and retry jitter come from a seeded
// generator.
//
// Mocks use the Step Functions Local MockConfigFile format (see MockConfig).
// A .waitForTaskToken task without a mock pauses the execution (status
// PAUSED) until SendTaskSuccess or SendTaskFailure resumes it.
//
// TestState runs a single state the way the TestState API does.
//
// The API the UI drives:
//
//	ex, err := NewExecution(def, input, Options{Mocks: mc, TestCase: "HappyPath", Seed: 1})
//	ev := ex.Step()                      // one history event at a time
//	ev = ex.RunUntil(func(e *Event) bool { … }) // to a breakpoint
//	status := ex.Run()                   // to the end, or PAUSED on a task token
//	snap := ex.Snapshot()                // current state, data, variables, events
//	tok, state := ex.WaitingToken()
//	ex.SendTaskSuccess(tok, []byte(`{"ok":true}`)) // then Run again
//	d, errName, ok := ex.NextDeadline()  // when the paused task would time out
//	status, err = ex.ExpireWait()        // continue without a token: time out there
//	ex.StateStatuses()                   // per-state status for the canvas
//	ex.Abort()                           // also releases a paused execution
//
// An Execution is driven from one goroutine at a time.
package sim
