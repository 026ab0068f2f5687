package web

import (
	"reflect"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/assets"
	"github.com/aslstudio/aslstudio/engine/sim"
)

// runExample runs a gallery example natively with its input and mocks, as
// the run panel does (branches interleaved); options adjust the run.
func runExample(t *testing.T, id string, options ...func(*sim.Options)) *sim.Execution {
	t.Helper()
	ex, ok := assets.Lookup(id)
	if !ok {
		t.Fatalf("no example %s", id)
	}
	mc, err := sim.ParseMockConfig(ex.Mocks())
	if err != nil {
		t.Fatal(err)
	}
	opts := sim.Options{Mocks: mc, MockStateMachine: ex.StateMachine, TestCase: ex.TestCase, Seed: runSeed, InterleaveBranches: true}
	for _, o := range options {
		o(&opts)
	}
	e, err := sim.NewExecution(ex.Definition(), ex.Input(), opts)
	if err != nil {
		t.Fatal(err)
	}
	e.Run()
	return e
}

// The canvas statuses of runs whose Parallel branches interleave: a
// failing branch fails its state, the branches that had finished stay
// succeeded, the Parallel's Catch shows it caught.
func TestRunStatusesOfInterleavedBranches(t *testing.T) {
	for _, c := range []struct {
		testCase string
		want     map[string]string
	}{
		{"HappyPath", map[string]string{"Gather customer data": sim.StateSucceeded, "Load orders": sim.StateSucceeded,
			"Check credit score": sim.StateSucceeded, "Count open tickets": sim.StateSucceeded, "Build profile": sim.StateSucceeded}},
		{"CreditServiceDown", map[string]string{"Gather customer data": sim.StateCaught, "Load orders": sim.StateSucceeded,
			"Check credit score": sim.StateFailed, "Count open tickets": sim.StateSucceeded, "Partial profile": sim.StateSucceeded}},
	} {
		e := runExample(t, "parallel-fan-out", func(o *sim.Options) { o.TestCase = c.testCase })
		got := map[string]string{}
		for n, sr := range runStatuses(e.Events(), e.Done(), "") {
			got[n] = sr.Status
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: statuses %v, want %v", c.testCase, got, c.want)
		}
		// The history interleaves: the second branch starts before the
		// first one's task is done.
		var order []string
		for _, ev := range e.Events() {
			if ev.Details != nil && ev.Details.Name != "" {
				order = append(order, ev.Type+" "+ev.Details.Name)
			}
		}
		if len(order) < 4 || order[2] != "TaskStateEntered Check credit score" {
			t.Errorf("%s: history %v, want the branches interleaved", c.testCase, order)
		}
	}
}

// A state waiting for a task token is paused; the others read as the
// engine reads them.
func TestRunStatusesPaused(t *testing.T) {
	e := runExample(t, "human-approval")
	tok, st := e.WaitingToken()
	if tok == "" {
		t.Fatal("human-approval does not wait for a token")
	}
	got := runStatuses(e.Events(), e.Done(), st)
	if got[st].Status != sim.StatePaused {
		t.Errorf("%s is %s, want paused", st, got[st].Status)
	}
	for n, want := range e.StateStatuses() {
		if got[n].Status != want {
			t.Errorf("%s: %s, engine says %s", n, got[n].Status, want)
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

func TestFmtSpan(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "0s", 45 * time.Second: "45s", 90 * time.Second: "1m30s",
		time.Hour: "1h", 90 * time.Minute: "1h30m", 604800 * time.Second: "168h", 3601 * time.Second: "1h1s"} {
		if got := fmtSpan(d); got != want {
			t.Errorf("fmtSpan(%v) = %q, want %q", d, got, want)
		}
	}
}
