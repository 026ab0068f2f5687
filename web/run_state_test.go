package web

import (
	"reflect"
	"testing"

	"github.com/aslstudio/aslstudio/assets"
	"github.com/aslstudio/aslstudio/engine/sim"
)

// runExample runs a gallery example natively with its input and mocks.
func runExample(t *testing.T, id string) *sim.Execution {
	t.Helper()
	ex, ok := assets.Lookup(id)
	if !ok {
		t.Fatalf("no example %s", id)
	}
	mc, err := sim.ParseMockConfig(ex.Mocks())
	if err != nil {
		t.Fatal(err)
	}
	e, err := sim.NewExecution(ex.Definition(), ex.Input(), sim.Options{Mocks: mc, MockStateMachine: ex.StateMachine, TestCase: ex.TestCase, Seed: runSeed})
	if err != nil {
		t.Fatal(err)
	}
	e.Run()
	return e
}

// The canvas statuses computed from the whole history are the engine's.
func TestRunStatusesMatchTheEngine(t *testing.T) {
	for _, id := range []string{"retry-and-catch", "saga-compensation", "parallel-fan-out", "human-approval"} {
		e := runExample(t, id)
		paused := ""
		if tok, st := e.WaitingToken(); tok != "" {
			paused = st
		}
		got := map[string]string{}
		for n, sr := range runStatuses(e.Events(), e.Done(), paused) {
			got[n] = sr.Status
		}
		if want := e.StateStatuses(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: statuses %v, engine says %v", id, got, want)
		}
	}
}

// Time travel: a prefix of the history shows the states as they were.
func TestRunStatusesOfAPrefix(t *testing.T) {
	e := runExample(t, "retry-and-catch")
	events := e.Events()
	firstFail := 0
	for i, ev := range events {
		if ev.Type == "TaskFailed" {
			firstFail = i + 1
			break
		}
	}
	st := runStatuses(events[:firstFail], false, "")
	if st["Reserve inventory"].Status != sim.StateRunning {
		t.Errorf("at the first failure Reserve inventory is %q, want running", st["Reserve inventory"].Status)
	}
	if st["Charge card"] != nil {
		t.Errorf("Charge card is %v before it was entered", st["Charge card"])
	}
	all := runStatuses(events, true, "")
	if a := all["Reserve inventory"]; a.Status != sim.StateRetried || a.Attempts != 3 {
		t.Errorf("Reserve inventory %+v, want retried after 3 attempts", a)
	}
	edges := takenEdges(events)
	if !edges["Charge card|Manual payment"] || edges["Charge card|Confirm order"] {
		t.Errorf("taken edges %v", edges)
	}
}

// The inspector's trace of a retried state lists every attempt and the
// result the task returned last.
func TestTraceStateAttempts(t *testing.T) {
	e := runExample(t, "retry-and-catch")
	tr := traceState(e.Events(), "Reserve inventory")
	if tr == nil || !tr.exited || len(tr.attempts) != 3 || tr.attempts[0].ok || !tr.attempts[2].ok {
		t.Fatalf("trace %+v", tr)
	}
	if tr.attempts[0].err != "Inventory.Busy" {
		t.Errorf("first attempt failed with %q", tr.attempts[0].err)
	}
	caught := traceState(e.Events(), "Charge card")
	if caught == nil || caught.failure == nil || caught.failure.Error != "Payment.Declined" {
		t.Errorf("Charge card trace %+v, want its Payment.Declined failure", caught)
	}
}
