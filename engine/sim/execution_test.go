package sim

import (
	"strings"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
)

func mustExec(t *testing.T, def, input string, o Options) *Execution {
	t.Helper()
	ex, err := NewExecution([]byte(def), []byte(input), o)
	if err != nil {
		t.Fatalf("NewExecution: %v", err)
	}
	return ex
}

func eventTypes(ex *Execution) string {
	var b []string
	for _, e := range ex.Events() {
		b = append(b, e.Type)
	}
	return strings.Join(b, " ")
}

const waitDef = `{"StartAt":"W","States":{
  "W":{"Type":"Wait","Seconds":3600,"Next":"P"},
  "P":{"Type":"Pass","Parameters":{"t.$":"$$.State.EnteredTime"},"End":true}}}`

func TestVirtualClock(t *testing.T) {
	start := time.Now()
	ex := mustExec(t, waitDef, `{}`, Options{})
	if st := ex.Run(); st != StatusSucceeded {
		t.Fatalf("status %s: %s %s", st, ex.Error(), ex.Cause())
	}
	if time.Since(start) > 5*time.Second {
		t.Fatalf("a one-hour Wait took %v of real time", time.Since(start))
	}
	out := ex.Output().(map[string]any)
	if out["t"] != "2024-01-01T01:00:00.000Z" {
		t.Errorf("EnteredTime after a 1 h wait = %v, want 2024-01-01T01:00:00.000Z", out["t"])
	}
	evs := ex.Events()
	if got := evs[len(evs)-1].Timestamp.Sub(evs[0].Timestamp); got != time.Hour {
		t.Errorf("history spans %v, want 1h", got)
	}
}

func TestStepAndRunUntil(t *testing.T) {
	ex := mustExec(t, waitDef, `{}`, Options{})
	want := []string{"ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered"}
	for i, w := range want {
		ev := ex.Step()
		if ev == nil || ev.Type != w {
			t.Fatalf("step %d: %v, want %s", i, ev, w)
		}
		if int(ev.ID) != i+1 {
			t.Errorf("step %d: id %d", i, ev.ID)
		}
	}
	snap := ex.Snapshot()
	if snap.State != "P" || snap.Status != StatusRunning {
		t.Errorf("snapshot %+v", snap)
	}
	ev := ex.RunUntil(func(e *Event) bool { return e.Type == "ExecutionSucceeded" })
	if ev == nil || ev.Type != "ExecutionSucceeded" || ex.Status() != StatusSucceeded {
		t.Fatalf("RunUntil: %v status %s", ev, ex.Status())
	}
	if ex.Step() != nil {
		t.Errorf("Step after the end returned an event")
	}
}

const tokenDef = `{"StartAt":"Approve","States":{
 "Approve":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
   "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"Next":"Done",
   "Catch":[{"ErrorEquals":["Rejected"],"Next":"No"}]},
 "Done":{"Type":"Succeed"},
 "No":{"Type":"Fail","Error":"NotApproved"}}}`

func TestTaskTokenPauseResume(t *testing.T) {
	ex := mustExec(t, tokenDef, `{}`, Options{})
	if st := ex.Run(); st != StatusPaused {
		t.Fatalf("status %s, want PAUSED (%s %s)", st, ex.Error(), ex.Cause())
	}
	tok, state := ex.WaitingToken()
	if tok == "" || state != "Approve" {
		t.Fatalf("waiting token %q state %q", tok, state)
	}
	// The token reached the task's parameters.
	var params map[string]any
	for _, e := range ex.Events() {
		if e.Type == "TaskScheduled" {
			params = e.Details.Input.(map[string]any)
		}
	}
	if body, _ := params["MessageBody"].(map[string]any); body["token"] != tok {
		t.Errorf("TaskScheduled parameters %v do not carry the token %s", params, tok)
	}
	if err := ex.SendTaskHeartbeat(tok); err != nil {
		t.Fatal(err)
	}
	if st := ex.Run(); st != StatusPaused {
		t.Fatalf("after a heartbeat: %s, want still PAUSED", st)
	}
	if err := ex.SendTaskSuccess("nope", []byte(`{}`)); err == nil {
		t.Errorf("unknown token accepted")
	}
	if err := ex.SendTaskSuccess(tok, []byte(`{"approved":true}`)); err != nil {
		t.Fatal(err)
	}
	if st := ex.Run(); st != StatusSucceeded {
		t.Fatalf("after SendTaskSuccess: %s %s %s", st, ex.Error(), ex.Cause())
	}
	if out := ex.Output().(map[string]any); out["approved"] != true {
		t.Errorf("output %v", out)
	}

	ex = mustExec(t, tokenDef, `{}`, Options{})
	ex.Run()
	tok, _ = ex.WaitingToken()
	if err := ex.SendTaskFailure(tok, "Rejected", "no"); err != nil {
		t.Fatal(err)
	}
	if st := ex.Run(); st != StatusFailed || ex.Error() != "NotApproved" {
		t.Errorf("after SendTaskFailure: %s %s", st, ex.Error())
	}
}

func TestAbort(t *testing.T) {
	ex := mustExec(t, tokenDef, `{}`, Options{})
	ex.Run()
	ex.Abort()
	if ex.Status() != StatusAborted || !ex.Done() {
		t.Fatalf("status %s", ex.Status())
	}
	evs := ex.Events()
	if evs[len(evs)-1].Type != "ExecutionAborted" {
		t.Errorf("last event %s", evs[len(evs)-1].Type)
	}
}

func TestStepLimit(t *testing.T) {
	loop := `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}`
	ex := mustExec(t, loop, `{}`, Options{MaxSteps: 500, Type: Express})
	if st := ex.Run(); st != StatusFailed || !strings.Contains(ex.Cause(), "step limit of 500") {
		t.Errorf("status %s cause %q", st, ex.Cause())
	}
	ex = mustExec(t, loop, `{}`, Options{})
	if st := ex.Run(); st != StatusFailed || !strings.Contains(ex.Cause(), "25000") {
		t.Errorf("STANDARD history limit: %s %q", st, ex.Cause())
	}
}

func TestExpressTimeLimit(t *testing.T) {
	def := `{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":400,"End":true}}}`
	ex := mustExec(t, def, `{}`, Options{Type: Express})
	if st := ex.Run(); st != StatusTimedOut || ex.Error() != ErrTimeout {
		t.Errorf("EXPRESS 400 s wait: %s %s", st, ex.Error())
	}
	ex = mustExec(t, def, `{}`, Options{})
	if st := ex.Run(); st != StatusSucceeded {
		t.Errorf("STANDARD 400 s wait: %s", st)
	}
}

func TestRetryBackoffAndCatch(t *testing.T) {
	def := `{"StartAt":"T","States":{
	 "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f",
	   "Retry":[{"ErrorEquals":["States.TaskFailed"],"IntervalSeconds":2,"BackoffRate":3,"MaxAttempts":2}],
	   "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"C"}],"End":true},
	 "C":{"Type":"Pass","End":true}}}`
	mocks := `{"StateMachines":{"m":{"TestCases":{"t":{"T":"Boom"}}}},
	  "MockedResponses":{"Boom":{"0-9":{"Throw":{"Error":"Boom","Cause":"bad"}}}}}`
	mc, err := ParseMockConfig([]byte(mocks))
	if err != nil {
		t.Fatal(err)
	}
	ex := mustExec(t, def, `{"x":1}`, Options{Mocks: mc, TestCase: "t"})
	if st := ex.Run(); st != StatusSucceeded {
		t.Fatalf("%s %s %s", st, ex.Error(), ex.Cause())
	}
	out := ex.Output().(map[string]any)
	if e, _ := out["err"].(map[string]any); e["Error"] != "Boom" || e["Cause"] != "bad" || out["x"] != int64(1) {
		t.Errorf("output %v", out)
	}
	if n := strings.Count(eventTypes(ex), "LambdaFunctionFailed"); n != 3 {
		t.Errorf("%d failures, want 3 (1 + 2 retries): %s", n, eventTypes(ex))
	}
	evs := ex.Events()
	// Back-off: 2 s then 6 s of virtual time.
	if d := evs[len(evs)-1].Timestamp.Sub(evs[0].Timestamp); d != 8*time.Second {
		t.Errorf("retries took %v of virtual time, want 8s", d)
	}
}

func TestMockErrorsNamePointer(t *testing.T) {
	for src, ptr := range map[string]string{
		`{"MockedResponses":{"R":{"1-0":{"Return":1}}}}`:                                   "/MockedResponses/R/1-0",
		`{"MockedResponses":{"R":{"0":{}}}}`:                                               "/MockedResponses/R/0",
		`{"MockedResponses":{"R":{"0":{"Throw":{"Cause":"x"}}}}}`:                          "/MockedResponses/R/0/Throw/Error",
		`{"StateMachines":{"M":{"TestCases":{"T":{"S":"Missing"}}}},"MockedResponses":{}}`: "/StateMachines/M/TestCases/T/S",
	} {
		_, err := ParseMockConfig([]byte(src))
		if err == nil || !strings.Contains(err.Error(), ptr) {
			t.Errorf("%s: error %v, want pointer %s", src, err, ptr)
		}
	}
}

func TestNoMockNamesStateAndInvocation(t *testing.T) {
	def := `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","End":true}}}`
	ex := mustExec(t, def, `{"m":1}`, Options{})
	ex.Run()
	if ex.Status() != StatusFailed || !strings.Contains(ex.Cause(), "'T'") || !strings.Contains(ex.Cause(), "invocation #0") {
		t.Errorf("%s %q", ex.Status(), ex.Cause())
	}
	ex = mustExec(t, def, `{"m":1}`, Options{PassThrough: true})
	if ex.Run() != StatusSucceeded || ex.Output().(map[string]any)["m"] != int64(1) {
		t.Errorf("pass-through: %s %v", ex.Status(), ex.Output())
	}
}

func TestDeterministicSeed(t *testing.T) {
	def := `{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"u.$":"States.UUID()","r.$":"States.MathRandom(1, 1000000)","n.$":"$$.Execution.Name"},"End":true}}}`
	run := func(seed int64) string {
		ex := mustExec(t, def, `{}`, Options{Seed: seed})
		ex.Run()
		return jsonText(ex.Output())
	}
	if run(1) != run(1) {
		t.Errorf("same seed, different outputs")
	}
	if run(1) == run(2) {
		t.Errorf("different seeds, same output %s", run(1))
	}
}

func TestMapKeepsItemOrderAndCountsMocks(t *testing.T) {
	def := `{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"T","States":{
	  "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true}}},"End":true}}}`
	mc, err := ParseMockConfig([]byte(`{"StateMachines":{"m":{"TestCases":{"t":{"T":"R"}}}},
	 "MockedResponses":{"R":{"0":{"Return":"a"},"1-2":{"Return":"b"}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	ex := mustExec(t, def, `{"items":[1,2,3]}`, Options{Mocks: mc, TestCase: "t"})
	if ex.Run() != StatusSucceeded {
		t.Fatalf("%s %s", ex.Error(), ex.Cause())
	}
	if got := jsonText(ex.Output()); got != `["a","b","b"]` {
		t.Errorf("output %s", got)
	}
}

func TestVariablesScopes(t *testing.T) {
	def := `{"QueryLanguage":"JSONata","StartAt":"A","States":{
	 "A":{"Type":"Pass","Assign":{"x":1},"Next":"P"},
	 "P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","Assign":{"x":2,"y":3},"Output":"{% $x %}","End":true}}},
	   {"StartAt":"C","States":{"C":{"Type":"Pass","Output":"c","End":true}}}],
	   "Output":"{% {'r': $states.result, 'x': $x} %}","End":true}}}`
	ex := mustExec(t, def, `{}`, Options{})
	if ex.Run() != StatusSucceeded {
		t.Fatalf("%s %s", ex.Error(), ex.Cause())
	}
	// The branch sees x=1 (its assignment shows only after the state); the
	// outer x stays 1.
	if got := jsonText(ex.Output()); got != `{"r":[1,"c"],"x":1}` {
		t.Errorf("output %s, want {\"r\":[1,\"c\"],\"x\":1}", got)
	}
}

func TestDataLimit(t *testing.T) {
	def := `{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`
	big := `{"s":"` + strings.Repeat("x", MaxPayloadBytes) + `"}`
	ex := mustExec(t, def, big, Options{})
	if ex.Run() != StatusFailed || ex.Error() != ErrDataLimitExceeded {
		t.Errorf("%s %s", ex.Status(), ex.Error())
	}
}

func TestSubstitutions(t *testing.T) {
	def := `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"${Greeting}","End":true}}}`
	ex := mustExec(t, def, `{}`, Options{Substitutions: map[string]string{"Greeting": "hello"}})
	if ex.Run() != StatusSucceeded || ex.Output() != "hello" {
		t.Errorf("%s %v", ex.Status(), ex.Output())
	}
}

func TestStateStatuses(t *testing.T) {
	def := `{"StartAt":"T","States":{
	 "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f",
	   "Retry":[{"ErrorEquals":["Busy"],"IntervalSeconds":1}],"Next":"U"},
	 "U":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:g",
	   "Catch":[{"ErrorEquals":["States.ALL"],"Next":"V"}],"Next":"X"},
	 "V":{"Type":"Pass","End":true},
	 "X":{"Type":"Pass","End":true}}}`
	mc, err := ParseMockConfig([]byte(`{"StateMachines":{"m":{"TestCases":{"t":{"T":"BusyOnce","U":"Bad"}}}},
	 "MockedResponses":{"BusyOnce":{"0":{"Throw":{"Error":"Busy"}},"1":{"Return":1}},"Bad":{"0":{"Throw":{"Error":"Bad"}}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	ex := mustExec(t, def, `{}`, Options{Mocks: mc, TestCase: "t"})
	ex.Run()
	got := ex.StateStatuses()
	want := map[string]string{"T": StateRetried, "U": StateCaught, "V": StateSucceeded}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q (all %v)", k, got[k], v, got)
		}
	}
	if _, reached := got["X"]; reached {
		t.Errorf("X was not reached: %v", got)
	}
	ex = mustExec(t, tokenDef, `{}`, Options{})
	ex.Run()
	if s := ex.StateStatuses()["Approve"]; s != StatePaused {
		t.Errorf("Approve %q, want paused", s)
	}
}

func TestStateMocks(t *testing.T) {
	def := `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem",
	  "Retry":[{"ErrorEquals":["X"],"MaxAttempts":1,"IntervalSeconds":1}],"End":true}}}`
	ex := mustExec(t, def, `{}`, Options{StateMocks: map[string]*MockedResponse{"T": ReturnMock(map[string]any{"Item": "i"})}})
	if ex.Run() != StatusSucceeded || jsonText(ex.Output()) != `{"Item":"i"}` {
		t.Errorf("%s %v", ex.Status(), ex.Output())
	}
	ex = mustExec(t, def, `{}`, Options{StateMocks: map[string]*MockedResponse{"T": ThrowMock("X", "bad")}})
	if ex.Run() != StatusFailed || ex.Error() != "X" || strings.Count(eventTypes(ex), "TaskFailed") != 2 {
		t.Errorf("%s %s %s", ex.Status(), ex.Error(), eventTypes(ex))
	}
}

func TestExecutionTimeoutMidState(t *testing.T) {
	def := `{"TimeoutSeconds":5,"StartAt":"W","States":{
	  "W":{"Type":"Parallel","Branches":[{"StartAt":"X","States":{"X":{"Type":"Wait","Seconds":60,"End":true}}}],
	    "Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}],"End":true},
	  "C":{"Type":"Pass","End":true}}}`
	ex := mustExec(t, def, `{}`, Options{})
	if st := ex.Run(); st != StatusTimedOut || ex.Error() != ErrTimeout {
		t.Fatalf("%s %s (Catch must not handle the execution's timeout)", st, ex.Error())
	}
	evs := ex.Events()
	last := evs[len(evs)-1]
	if last.Type != "ExecutionTimedOut" || last.Timestamp.Sub(evs[0].Timestamp) != 5*time.Second {
		t.Errorf("last event %s at +%v, want ExecutionTimedOut at +5s", last.Type, last.Timestamp.Sub(evs[0].Timestamp))
	}
	if strings.Contains(eventTypes(ex), "WaitStateExited") {
		t.Errorf("the Wait state exited although the execution timed out during it: %s", eventTypes(ex))
	}
}

func TestTaskTokenTimeoutWhilePaused(t *testing.T) {
	def := `{"StartAt":"Approve","States":{
	 "Approve":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","TimeoutSeconds":3600,"HeartbeatSeconds":600,
	   "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},
	   "Catch":[{"ErrorEquals":["States.Timeout","States.HeartbeatTimeout"],"ResultPath":"$.err","Next":"Late"}],"End":true},
	 "Late":{"Type":"Pass","End":true}}}`
	ex := mustExec(t, def, `{}`, Options{})
	ex.Run()
	tok, _ := ex.WaitingToken()
	if out, err := ex.AdvanceClock(500 * time.Second); out || err != nil {
		t.Fatalf("timed out after 500 s: %v %v", out, err)
	}
	ex.SendTaskHeartbeat(tok)
	if out, _ := ex.AdvanceClock(500 * time.Second); out {
		t.Fatalf("a heartbeat 500 s ago should keep the task alive")
	}
	if out, _ := ex.AdvanceClock(200 * time.Second); !out {
		t.Fatalf("no heartbeat for 700 s: want States.HeartbeatTimeout")
	}
	if st := ex.Run(); st != StatusSucceeded {
		t.Fatalf("%s %s", st, ex.Error())
	}
	if e := ex.Output().(map[string]any)["err"].(map[string]any); e["Error"] != ErrHeartbeatTimeout {
		t.Errorf("caught %v", e)
	}
	if !strings.Contains(eventTypes(ex), "TaskTimedOut") {
		t.Errorf("no TaskTimedOut: %s", eventTypes(ex))
	}
	evs := ex.Events()
	// The heartbeat deadline (600 s after the heartbeat at 500 s) stops
	// the clock at 1100 s, though 1200 s were asked for.
	if d := evs[len(evs)-1].Timestamp.Sub(evs[0].Timestamp); d != 1100*time.Second {
		t.Errorf("virtual time %v, want 1100s", d)
	}
}

func TestExpireWait(t *testing.T) {
	def := func(limits, top string) string {
		return `{` + top + `"StartAt":"Approve","States":{
	 "Approve":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",` + limits + `
	   "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},
	   "Catch":[{"ErrorEquals":["States.Timeout","States.HeartbeatTimeout"],"ResultPath":"$.err","Next":"Late"}],"End":true},
	 "Late":{"Type":"Pass","End":true}}}`
	}
	elapsed := func(ex *Execution) time.Duration {
		evs := ex.Events()
		return evs[len(evs)-1].Timestamp.Sub(evs[0].Timestamp)
	}
	cases := []struct {
		name, limits, top string
		wantErr           string // caught error, "" for the execution's timeout
		wantAfter         time.Duration
	}{
		{"timeout before heartbeat", `"TimeoutSeconds":300,"HeartbeatSeconds":600,`, ``, ErrTimeout, 300 * time.Second},
		{"heartbeat before timeout", `"TimeoutSeconds":3600,"HeartbeatSeconds":600,`, ``, ErrHeartbeatTimeout, 600 * time.Second},
		{"execution timeout first", `"TimeoutSeconds":3600,`, `"TimeoutSeconds":120,`, "", 120 * time.Second},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := mustExec(t, def(c.limits, c.top), `{}`, Options{})
			if st := ex.Run(); st != StatusPaused {
				t.Fatalf("status %s, want PAUSED", st)
			}
			d, errName, ok := ex.NextDeadline()
			if !ok || d != c.wantAfter || errName != c.wantErr {
				t.Fatalf("NextDeadline %v %q %v, want %v %q", d, errName, ok, c.wantAfter, c.wantErr)
			}
			st, err := ex.ExpireWait()
			if err != nil {
				t.Fatal(err)
			}
			if c.wantErr == "" {
				if st != StatusTimedOut || ex.Error() != ErrTimeout || strings.Contains(eventTypes(ex), "TaskTimedOut") {
					t.Fatalf("%s %s: want TIMED_OUT by the execution's timeout, no TaskTimedOut: %s", st, ex.Error(), eventTypes(ex))
				}
			} else {
				if st != StatusSucceeded {
					t.Fatalf("%s %s", st, ex.Error())
				}
				if e := ex.Output().(map[string]any)["err"].(map[string]any); e["Error"] != c.wantErr {
					t.Errorf("caught %v, want %s", e, c.wantErr)
				}
				if !strings.Contains(eventTypes(ex), "TaskTimedOut") {
					t.Errorf("no TaskTimedOut: %s", eventTypes(ex))
				}
			}
			if got := elapsed(ex); got != c.wantAfter {
				t.Errorf("ended after %v of virtual time, want %v", got, c.wantAfter)
			}
		})
	}
	// Without any deadline the wait can only end with a token.
	ex := mustExec(t, def(``, ``), `{}`, Options{})
	ex.Run()
	if _, _, ok := ex.NextDeadline(); ok {
		t.Errorf("NextDeadline reports a deadline for a task without limits")
	}
	if _, err := ex.ExpireWait(); err == nil || ex.Status() != StatusPaused {
		t.Errorf("ExpireWait without a deadline: %v, status %s", err, ex.Status())
	}
	// A heartbeat moves the heartbeat deadline.
	ex = mustExec(t, def(`"HeartbeatSeconds":100,`, ``), `{}`, Options{})
	ex.Run()
	tok, _ := ex.WaitingToken()
	ex.AdvanceClock(60 * time.Second)
	if err := ex.SendTaskHeartbeat(tok); err != nil {
		t.Fatal(err)
	}
	if d, _, _ := ex.NextDeadline(); d != 100*time.Second {
		t.Errorf("after a heartbeat at 60 s: %v left, want 100s", d)
	}
	ex.ExpireWait()
	if got := elapsed(ex); got != 160*time.Second {
		t.Errorf("heartbeat timeout at %v, want 160s", got)
	}
}

// A quiet run (NoHistory) may set a Pass state's ResultPath in place; its
// results must equal those of a run that keeps the history.
func TestQuietRunSameResults(t *testing.T) {
	defs := []string{
		// The variable keeps the first Pass's object: the in-place
		// ResultPath must not show in it.
		`{"StartAt":"A","States":{
		  "A":{"Type":"Pass","Parameters":{"v.$":"$.n"},"Assign":{"keep.$":"$"},"Next":"B"},
		  "B":{"Type":"Pass","Result":{"seen":true},"ResultPath":"$.meta","Next":"C"},
		  "C":{"Type":"Pass","Parameters":{"kept.$":"$keep","now.$":"$"},"End":true}}}`,
		// Map iterations each get their own object.
		`{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","End":true,"ItemProcessor":{"StartAt":"A","States":{
		  "A":{"Type":"Pass","Parameters":{"v.$":"$"},"Next":"B"},
		  "B":{"Type":"Pass","Result":{"seen":true},"ResultPath":"$.meta","Next":"C"},
		  "C":{"Type":"Pass","Result":2,"ResultPath":"$.meta","End":true}}}}}}`,
		// A Choice in between, and a Parallel whose branches share the input.
		`{"StartAt":"A","States":{
		  "A":{"Type":"Pass","Parameters":{"v":1},"Next":"P"},
		  "P":{"Type":"Parallel","Next":"B","ResultPath":"$.branches","Branches":[
		    {"StartAt":"X","States":{"X":{"Type":"Pass","Result":"x","ResultPath":"$.b","End":true}}},
		    {"StartAt":"Y","States":{"Y":{"Type":"Pass","End":true}}}]},
		  "B":{"Type":"Pass","Result":true,"ResultPath":"$.done","End":true}}}`,
	}
	for _, def := range defs {
		in := `{"n":7,"items":[1,2,3]}`
		loud := mustExec(t, def, in, Options{})
		quiet := mustExec(t, def, in, Options{NoHistory: true})
		if loud.Run() != StatusSucceeded || quiet.Run() != StatusSucceeded {
			t.Fatalf("%s %s / %s %s", loud.Status(), loud.Cause(), quiet.Status(), quiet.Cause())
		}
		if a, b := string(asl.EncodeJSON(loud.Output())), string(asl.EncodeJSON(quiet.Output())); a != b {
			t.Errorf("outputs differ:\n with history %s\n quiet        %s", a, b)
		}
	}
}
