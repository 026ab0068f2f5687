package sim

import (
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// indexOf returns the position of the first event of type typ (for a
// state named name when name is not ""), or -1.
func indexOf(ex *Execution, typ, name string) int {
	for i, ev := range ex.Events() {
		if (typ == "" || ev.Type == typ) && (name == "" || (ev.Details != nil && ev.Details.Name == name)) {
			return i
		}
	}
	return -1
}

const twoTaskBranches = `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
 {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"b":"a"},"Next":"A2"},"A2":{"Type":"Pass","End":true}}},
 {"StartAt":"B","States":{"B":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"b":"b"},"Next":"B2"},"B2":{"Type":"Pass","End":true}}}]}}}`

func TestParallelBranchesInterleave(t *testing.T) {
	run := func() *Execution {
		ex := mustExec(t, twoTaskBranches, `{}`, Options{InterleaveBranches: true, StateMocks: map[string]*MockedResponse{
			"A": ReturnMock(map[string]any{"r": "A"}), "B": ReturnMock(map[string]any{"r": "B"})}})
		if st := ex.Run(); st != StatusSucceeded {
			t.Fatalf("%s %s %s", st, ex.Error(), ex.Cause())
		}
		return ex
	}
	ex := run()
	got := eventTypes(ex)
	// Both tasks are scheduled before either starts, both start before
	// either succeeds (as AWS records concurrent tasks).
	want := "ExecutionStarted ParallelStateEntered ParallelStateStarted " +
		"TaskStateEntered TaskScheduled TaskStateEntered TaskScheduled TaskStarted TaskStarted TaskSucceeded"
	if !strings.HasPrefix(got, want) {
		t.Fatalf("events\n got %s\nwant prefix %s", got, want)
	}
	if a, b := indexOf(ex, "TaskStateEntered", "A"), indexOf(ex, "TaskStateEntered", "B"); a < 0 || b < 0 || a > b {
		t.Errorf("branch A entered at %d, B at %d: branches start in order", a, b)
	}
	out := ex.Output().([]any)
	if len(out) != 2 || out[0].(map[string]any)["r"] != "A" || out[1].(map[string]any)["r"] != "B" {
		t.Errorf("output %v: results keep branch order", out)
	}
	// Deterministic: a second run writes the same history.
	if again := eventTypes(run()); again != got {
		t.Errorf("second run differs:\n%s\n%s", got, again)
	}
	// Each branch's previousEventId chain stays within the branch: B's
	// TaskScheduled links to B's TaskStateEntered.
	evs := ex.Events()
	bEntered := evs[indexOf(ex, "TaskStateEntered", "B")]
	for _, ev := range evs {
		if ev.Type == "TaskScheduled" && ev.Details.Input.(map[string]any)["b"] == "b" && ev.PreviousEventID != bEntered.ID {
			t.Errorf("B's TaskScheduled links to #%d, want #%d", ev.PreviousEventID, bEntered.ID)
		}
	}
}

func TestParallelBranchesFollowVirtualTime(t *testing.T) {
	def := `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
	 {"StartAt":"Slow","States":{"Slow":{"Type":"Wait","Seconds":5,"Next":"S2"},"S2":{"Type":"Pass","End":true}}},
	 {"StartAt":"Fast","States":{"Fast":{"Type":"Wait","Seconds":2,"Next":"F2"},"F2":{"Type":"Pass","End":true}}}]}}}`
	ex := mustExec(t, def, `{}`, Options{InterleaveBranches: true})
	if st := ex.Run(); st != StatusSucceeded {
		t.Fatalf("%s %s", st, ex.Error())
	}
	if s, f := indexOf(ex, "PassStateEntered", "S2"), indexOf(ex, "PassStateEntered", "F2"); f < 0 || s < f {
		t.Errorf("F2 (after 2 s) at %d, S2 (after 5 s) at %d: the earlier clock goes first\n%s", f, s, eventTypes(ex))
	}
	evs := ex.Events()
	for i := 1; i < len(evs); i++ {
		if evs[i].Timestamp.Before(evs[i-1].Timestamp) {
			t.Errorf("event %d (%s) at %v is before event %d at %v", i+1, evs[i].Type, evs[i].Timestamp, i, evs[i-1].Timestamp)
		}
	}
	if d := evs[len(evs)-1].Timestamp.Sub(evs[0].Timestamp); d != 5*time.Second {
		t.Errorf("the Parallel state took %v, want the longest branch, 5s", d)
	}
}

func TestParallelFailingBranchAbortsOthers(t *testing.T) {
	// The failing branch comes first and fails at once: the others still
	// start (AWS launches all branches) and are stopped in flight.
	def := `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
	 {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Early","Cause":"first branch"}}},
	 {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{},"End":true}}},
	 {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"Next":"After"},"After":{"Type":"Pass","End":true}}}]}}}`
	ex := mustExec(t, def, `{}`, Options{InterleaveBranches: true, StateMocks: map[string]*MockedResponse{"T": ThrowMock("Boom", "task failed")}})
	if st := ex.Run(); st != StatusFailed || ex.Error() != "Early" {
		t.Fatalf("%s %s %s: want FAILED with the first branch's error\n%s", st, ex.Error(), ex.Cause(), eventTypes(ex))
	}
	got := eventTypes(ex)
	for _, name := range []string{"T", "W", "F"} {
		if indexOf(ex, "", name) < 0 {
			t.Errorf("branch state %s never entered: %s", name, got)
		}
	}
	if indexOf(ex, "PassStateEntered", "After") >= 0 {
		t.Errorf("the aborted branch went on after its Wait: %s", got)
	}
	wa, ta, pf := indexOf(ex, "WaitStateAborted", ""), indexOf(ex, "TaskStateAborted", ""), indexOf(ex, "ParallelStateFailed", "")
	if wa < 0 || ta < 0 || pf < 0 || wa > pf || ta > pf {
		t.Errorf("want TaskStateAborted and WaitStateAborted before ParallelStateFailed: %s", got)
	}
	evs := ex.Events()
	if d := evs[len(evs)-1].Timestamp.Sub(evs[0].Timestamp); d >= 60*time.Second {
		t.Errorf("the execution ended after %v: the aborted Wait still ran", d)
	}
	st := ex.StateStatuses()
	if st["W"] != StateFailed || st["T"] != StateFailed {
		t.Errorf("statuses %v: aborted states show as failed", st)
	}
}

func TestParallelTaskFailureCaught(t *testing.T) {
	def := `{"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"Done","Branches":[
	 {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{},"End":true}}},
	 {"StartAt":"Q","States":{"Q":{"Type":"Pass","End":true}}}],
	 "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}]},
	 "Caught":{"Type":"Pass","End":true},"Done":{"Type":"Pass","End":true}}}`
	ex := mustExec(t, def, `{}`, Options{InterleaveBranches: true, StateMocks: map[string]*MockedResponse{"T": ThrowMock("Boom", "c")}})
	if st := ex.Run(); st != StatusSucceeded || indexOf(ex, "PassStateEntered", "Caught") < 0 {
		t.Fatalf("%s: %s", st, eventTypes(ex))
	}
	want := "TaskFailed TaskStateAborted ParallelStateFailed ParallelStateExited PassStateEntered"
	if !strings.Contains(eventTypes(ex), want) {
		t.Errorf("events %s\nwant %s", eventTypes(ex), want)
	}
}

func TestParallelStepAndAbort(t *testing.T) {
	ref := mustExec(t, twoTaskBranches, `{}`, Options{InterleaveBranches: true, PassThrough: true})
	ref.Run()
	// Stepping one event at a time writes the same history as Run.
	ex := mustExec(t, twoTaskBranches, `{}`, Options{InterleaveBranches: true, PassThrough: true})
	var stepped []string
	for ev := ex.Step(); ev != nil; ev = ex.Step() {
		stepped = append(stepped, ev.Type)
	}
	if got := strings.Join(stepped, " "); got != eventTypes(ref) {
		t.Errorf("stepped %s\nran     %s", got, eventTypes(ref))
	}
	if !reflect.DeepEqual(ex.Output(), ref.Output()) {
		t.Errorf("stepped output %v, ran %v", ex.Output(), ref.Output())
	}
	// Aborting inside a branch stops every branch goroutine.
	before := runtime.NumGoroutine()
	for i := 0; i < 20; i++ {
		ex := mustExec(t, twoTaskBranches, `{}`, Options{InterleaveBranches: true, PassThrough: true})
		for ex.Step() != nil && indexOf(ex, "TaskScheduled", "") < 0 {
		}
		ex.Abort()
		if ex.Status() != StatusAborted {
			t.Fatalf("status %s after Abort", ex.Status())
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
		runtime.Gosched()
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+2 {
		t.Errorf("%d goroutines after 20 aborted runs, %d before", n, before)
	}
}

func TestParallelBranchesInOrderByDefault(t *testing.T) {
	ex := mustExec(t, twoTaskBranches, `{}`, Options{PassThrough: true})
	if st := ex.Run(); st != StatusSucceeded {
		t.Fatalf("%s %s", st, ex.Error())
	}
	// Without InterleaveBranches, branch A ends before branch B starts.
	if a, b := indexOf(ex, "PassStateExited", "A2"), indexOf(ex, "TaskStateEntered", "B"); a < 0 || b < a {
		t.Errorf("A2 exited at %d, B entered at %d: %s", a, b, eventTypes(ex))
	}
}

func TestMapIterationsInterleave(t *testing.T) {
	def := `{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},
	 "StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"n.$":"$"},"TimeoutSeconds":5,"End":true}}}}}}`
	// Every call outlasts its 5-second timeout: all four time out at the
	// same instant, as in the corpus case AWS recorded.
	slow := &MockedResponse{Ranges: []MockRange{{From: 0, To: 100, Return: map[string]any{}, HasReturn: true, DurationSeconds: 60}}}
	ex := mustExec(t, def, `[1,2,3,4]`, Options{InterleaveBranches: true, StateMocks: map[string]*MockedResponse{"T": slow}})
	if st := ex.Run(); st != StatusFailed || ex.Error() != ErrTimeout {
		t.Fatalf("%s %s: %s", st, ex.Error(), eventTypes(ex))
	}
	want := "ExecutionStarted MapStateEntered MapStateStarted" + strings.Repeat(" MapIterationStarted", 4) +
		strings.Repeat(" TaskStateEntered TaskScheduled", 4) + strings.Repeat(" TaskStarted", 4) + strings.Repeat(" TaskTimedOut", 4) +
		" MapIterationFailed TaskStateAborted" + strings.Repeat(" MapIterationAborted TaskStateAborted", 3) + " MapStateFailed ExecutionFailed"
	if got := eventTypes(ex); got != want {
		t.Errorf("events\n got %s\nwant %s", got, want)
	}
	// With MaxConcurrency 2, two iterations run at a time and the third
	// starts when one ends; results keep item order.
	def2 := `{"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,"End":true,"ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},
	 "StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}}}}}`
	ex = mustExec(t, def2, `[{"s":3},{"s":1},{"s":1}]`, Options{InterleaveBranches: true})
	if st := ex.Run(); st != StatusSucceeded {
		t.Fatalf("%s %s", st, ex.Error())
	}
	out := ex.Output().([]any)
	if len(out) != 3 || out[0].(map[string]any)["s"] != int64(3) || out[2].(map[string]any)["s"] != int64(1) {
		t.Errorf("output %v", out)
	}
	var started []int
	for _, ev := range ex.Events() {
		if ev.Type == "MapIterationStarted" {
			started = append(started, int(ev.ID))
		}
	}
	if len(started) != 3 {
		t.Fatalf("%d iterations started", len(started))
	}
	// The third iteration starts after the second (1 s) ends, and the Map
	// ends with the first, at 3 s.
	evs := ex.Events()
	third := evs[started[2]-1]
	if d := third.Timestamp.Sub(evs[0].Timestamp); d != time.Second {
		t.Errorf("third iteration started at +%v, want +1s (when a slot freed)", d)
	}
	if d := evs[len(evs)-1].Timestamp.Sub(evs[0].Timestamp); d != 3*time.Second {
		t.Errorf("the Map ended at +%v, want +3s", d)
	}
}
