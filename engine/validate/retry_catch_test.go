package validate

import "testing"

func task(extra string) string {
	return sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":30,` + extra + `,"End":true},"H":{"Type":"Succeed"}`)
}

func TestRetryCatchRules(t *testing.T) {
	const catchH = `"Catch":[{"ErrorEquals":["States.ALL"],"Next":"H","ResultPath":"$.e"}]`
	runRules(t, []ruleCase{
		{name: "full retrier", src: task(`"Retry":[{"ErrorEquals":["Custom","States.Timeout"],"IntervalSeconds":2,"MaxAttempts":0,"BackoffRate":1.5,"MaxDelaySeconds":10,"JitterStrategy":"FULL"},{"ErrorEquals":["States.ALL"]}],` + catchH)},
		{name: "missing ErrorEquals", src: task(`"Retry":[{"MaxAttempts":1}],` + catchH), code: CodeSchema, path: "/States/A/Retry/0"},
		{name: "empty ErrorEquals", src: task(`"Retry":[{"ErrorEquals":[]}],` + catchH), code: CodeSchema, path: "/States/A/Retry/0/ErrorEquals"},
		{name: "negative MaxAttempts", src: task(`"Retry":[{"ErrorEquals":["X"],"MaxAttempts":-1}],` + catchH), code: CodeSchema, path: "/States/A/Retry/0/MaxAttempts"},
		{name: "BackoffRate below 1", src: task(`"Retry":[{"ErrorEquals":["X"],"BackoffRate":0.5}],` + catchH), code: CodeSchema, path: "/States/A/Retry/0/BackoffRate"},
		{name: "IntervalSeconds 0", src: task(`"Retry":[{"ErrorEquals":["X"],"IntervalSeconds":0}],` + catchH), code: CodeSchema, path: "/States/A/Retry/0/IntervalSeconds"},
		{name: "fractional IntervalSeconds", src: task(`"Retry":[{"ErrorEquals":["X"],"IntervalSeconds":1.5}],` + catchH), code: CodeSchema, path: "/States/A/Retry/0/IntervalSeconds"},
		{name: "bad JitterStrategy", src: task(`"Retry":[{"ErrorEquals":["X"],"JitterStrategy":"HALF"}],` + catchH), code: CodeSchema, path: "/States/A/Retry/0/JitterStrategy"},
		{name: "MaxDelaySeconds 0", src: task(`"Retry":[{"ErrorEquals":["X"],"MaxDelaySeconds":0}],` + catchH), code: CodeSchema, path: "/States/A/Retry/0/MaxDelaySeconds"},
		{name: "States.ALL not alone", src: task(`"Retry":[{"ErrorEquals":["States.ALL","X"]}],` + catchH), code: CodeSchema, path: "/States/A/Retry/0/ErrorEquals/0"},
		{name: "States.ALL not last", src: task(`"Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}],` + catchH), code: CodeSchema, path: "/States/A/Retry/0/ErrorEquals/0"},
		{name: "unknown retrier field", src: task(`"Retry":[{"ErrorEquals":["X"],"Error Equals":["Y"]}],` + catchH), code: CodeSchema, path: "/States/A/Retry/0/Error Equals"},
		{name: "catcher without Next", src: task(`"Catch":[{"ErrorEquals":["X"]}],"Next":"H"`), code: CodeSchema, path: "/States/A/Catch/0"},
		{name: "catcher ResultPath in JSONata", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"],"Next":"H","ResultPath":"$.e"}],"End":true},"H":{"Type":"Succeed"}`, `"QueryLanguage":"JSONata"`), code: CodeSchema, path: "/States/A/Catch/0/ResultPath"},
	})
}

func TestReservedErrorNameWarning(t *testing.T) {
	ws := warningsOf(t, task(`"Retry":[{"ErrorEquals":["States.MyError"]}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"H","ResultPath":"$.e"}]`))
	if len(ws) != 1 || ws[0].Code != CodeReservedErrorName || ws[0].Path != "/States/A/Retry/0/ErrorEquals/0" {
		t.Fatalf("want RESERVED_ERROR_NAME at /States/A/Retry/0/ErrorEquals/0, got %v", ws)
	}
}

func TestCatchWarnings(t *testing.T) {
	ws := warningsOf(t, task(`"Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}]`))
	if len(ws) != 1 || ws[0].Code != CodeCatchDropsInput || ws[0].Path != "/States/A/Catch/0" {
		t.Fatalf("want CATCH_REPLACES_INPUT at /States/A/Catch/0, got %v", ws)
	}
	if ws := warningsOf(t, task(`"Catch":[{"ErrorEquals":["States.ALL"],"Next":"H","ResultPath":null}]`)); len(ws) != 0 {
		t.Fatalf("ResultPath null keeps the input, got %v", ws)
	}
	toFail := sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":30,"Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}],"End":true},"F":{"Type":"Fail"}`)
	if ws := warningsOf(t, toFail); len(ws) != 0 {
		t.Fatalf("a catcher that goes to a Fail state loses nothing, got %v", ws)
	}
}
