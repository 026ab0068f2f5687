package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/sim"
	"github.com/aslstudio/aslstudio/internal/corpus"
)

func writeRunFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const approvalDef = `{"StartAt":"Ask","States":{
 "Ask":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:ask","ResultPath":"$.answer","Next":"Check",
   "Retry":[{"ErrorEquals":["Busy"],"MaxAttempts":2}]},
 "Check":{"Type":"Choice","Choices":[{"Variable":"$.answer.ok","BooleanEquals":true,"Next":"Done"}],"Default":"No"},
 "Done":{"Type":"Succeed"},
 "No":{"Type":"Fail","Error":"Rejected","Cause":"the answer was no"}}}`

const approvalMocks = `{"StateMachines":{"approval":{"TestCases":{"Yes":{"Ask":"BusyThenYes"},"No":{"Ask":"Nope"}}}},
 "MockedResponses":{
  "BusyThenYes":{"0":{"Throw":{"Error":"Busy","Cause":"try later"}},"1":{"Return":{"ok":true}}},
  "Nope":{"0-2":{"Return":{"ok":false}}}}}`

func TestRunJSONWithMocks(t *testing.T) {
	dir := t.TempDir()
	def := writeRunFile(t, dir, "approval.asl.json", approvalDef)
	mocks := writeRunFile(t, dir, "mocks.json", approvalMocks)
	for _, tc := range []struct{ testCase, status, errName string }{
		{"Yes", "SUCCEEDED", ""},
		{"No", "FAILED", "Rejected"},
	} {
		var out, errb bytes.Buffer
		code := run([]string{"run", def, "--mocks", mocks, "--state-machine", "approval", "--test-case", tc.testCase, "--input", `{"q":1}`, "--format", "json", "--history"}, &out, &errb)
		if code != exitOK {
			t.Fatalf("%s: exit %d, stderr %s", tc.testCase, code, errb.String())
		}
		var res struct {
			Status string            `json:"status"`
			Output map[string]any    `json:"output"`
			Error  *string           `json:"error"`
			Events []json.RawMessage `json:"events"`
		}
		if err := json.Unmarshal(out.Bytes(), &res); err != nil {
			t.Fatalf("%s: %v\n%s", tc.testCase, err, out.String())
		}
		if res.Status != tc.status {
			t.Errorf("%s: status %s, want %s", tc.testCase, res.Status, tc.status)
		}
		if tc.errName != "" && (res.Error == nil || *res.Error != tc.errName) {
			t.Errorf("%s: error %v, want %s", tc.testCase, res.Error, tc.errName)
		}
		if tc.status == "SUCCEEDED" {
			if ans, _ := res.Output["answer"].(map[string]any); ans["ok"] != true {
				t.Errorf("output %v: want answer.ok true", res.Output)
			}
			// The retry shows in the history: two LambdaFunctionScheduled events.
			if n := strings.Count(out.String(), `"type": "LambdaFunctionScheduled"`); n != 2 {
				t.Errorf("history has %d LambdaFunctionScheduled events, want 2 (one retry)", n)
			}
		}
		if len(res.Events) == 0 {
			t.Errorf("%s: --history gave no events", tc.testCase)
		}
	}
}

func TestRunTextAndDefaults(t *testing.T) {
	dir := t.TempDir()
	def := writeRunFile(t, dir, "approval.json", approvalDef)
	mocks := writeRunFile(t, dir, "mocks.json", approvalMocks)
	var out, errb bytes.Buffer
	// --state-machine defaults to the file's base name ("approval").
	code := run([]string{"run", "--mocks", mocks, "--test-case", "No", def}, &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"→ Ask (Task)", "→ Check (Choice)", "→ No (Fail)", "FAILED", "error: Rejected", "cause: the answer was no"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestRunCannotStart(t *testing.T) {
	dir := t.TempDir()
	bad := writeRunFile(t, dir, "bad.json", `{"StartAt":"Nope","States":{"A":{"Type":"Pass","End":true}}}`)
	syntax := writeRunFile(t, dir, "syntax.json", `{"StartAt": `)
	good := writeRunFile(t, dir, "good.json", `{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}`)
	badMocks := writeRunFile(t, dir, "mocks.json", `{"MockedResponses":{"R":{"x":{"Return":1}}}}`)
	for name, args := range map[string][]string{
		"invalid definition": {"run", bad},
		"syntax error":       {"run", syntax},
		"missing file":       {"run", filepath.Join(dir, "none.json")},
		"bad input":          {"run", good, "--input", "{"},
		"bad mock key":       {"run", good, "--mocks", badMocks},
		"no file":            {"run"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != exitUsage {
			t.Errorf("%s: exit %d, want %d (stderr %s)", name, code, exitUsage, errb.String())
		}
	}
	var out, errb bytes.Buffer
	run([]string{"run", good, "--mocks", badMocks}, &out, &errb)
	if !strings.Contains(errb.String(), "/MockedResponses/R/x") {
		t.Errorf("mock error does not name the JSON pointer: %s", errb.String())
	}
}

// TestRunCorpus runs every scorable exec case of the conformance corpus
// through the command line, with mocks.json converted to a MockConfigFile,
// and checks the status and error AWS recorded.
func TestRunCorpus(t *testing.T) {
	dir, cases, err := corpus.Cases("exec")
	if err != nil {
		t.Fatalf("conformance corpus: %v", err)
	}
	tmp := t.TempDir()
	n, ok := 0, 0
	for _, c := range cases {
		cd := filepath.Join(dir, c)
		var meta struct {
			Scorable *bool  `json:"scorable"`
			Type     string `json:"state_machine_type"`
		}
		mb, _ := os.ReadFile(filepath.Join(cd, "meta.json"))
		json.Unmarshal(mb, &meta)
		if meta.Scorable != nil && !*meta.Scorable {
			continue
		}
		n++
		args := []string{"run", filepath.Join(cd, "definition.json"), "--input", "@" + filepath.Join(cd, "input.json"), "--type", meta.Type, "--format", "json"}
		if src, err := os.ReadFile(filepath.Join(cd, "mocks.json")); err == nil {
			mc, err := sim.CorpusMocksToConfig(src, "definition", "recorded")
			if err != nil {
				t.Fatalf("%s: %v", c, err)
			}
			b, _ := json.Marshal(mc)
			args = append(args, "--mocks", writeRunFile(t, tmp, c+".mocks.json", string(b)), "--test-case", "recorded")
		}
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != exitOK {
			t.Errorf("%s: exit %d: %s", c, code, errb.String())
			continue
		}
		var got, want struct {
			Status string  `json:"status"`
			Error  *string `json:"error"`
		}
		json.Unmarshal(out.Bytes(), &got)
		eb, _ := os.ReadFile(filepath.Join(cd, "expected.json"))
		json.Unmarshal(eb, &want)
		if got.Status == want.Status && (want.Error == nil) == (got.Error == nil) && (want.Error == nil || *want.Error == *got.Error) {
			ok++
		}
	}
	rate := float64(ok) / float64(n)
	t.Logf("aslstudio run over the exec corpus: status and error match %d/%d (%.1f%%)", ok, n, 100*rate)
	if rate < 0.99 {
		t.Errorf("rate %.3f below 0.99", rate)
	}
}

func TestRunSubstitutions(t *testing.T) {
	dir := t.TempDir()
	def := writeRunFile(t, dir, "sub.json", `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"table":"${TableName}"},"End":true}}}`)
	var out, errb bytes.Buffer
	if code := run([]string{"run", def, "--substitute", "TableName=orders", "--format", "json"}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), `"table": "orders"`) {
		t.Errorf("substitution not applied: %s", out.String())
	}
}

func TestRunSAMTemplate(t *testing.T) {
	dir := t.TempDir()
	tpl := writeRunFile(t, dir, "template.yaml", `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  OrderFlow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: EXPRESS
      DefinitionSubstitutions:
        TableName: orders
      Definition:
        StartAt: Save
        States:
          Save:
            Type: Pass
            Parameters:
              table: ${TableName}
              name.$: $$.StateMachine.Name
            End: true
`)
	var out, errb bytes.Buffer
	if code := run([]string{"run", tpl, "--format", "json"}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{`"table": "orders"`, `"name": "OrderFlow"`, `"status": "SUCCEEDED"`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %s: %s", want, out.String())
		}
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"run", tpl, "--resource", "Nope"}, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), "OrderFlow") {
		t.Errorf("unknown resource: exit %d: %s", code, errb.String())
	}
}

// TestRunInterleavesBranches: by default both Parallel branches start before
// either ends, as in AWS's history; --sequential-branches runs the first to
// its end before the second starts.
func TestRunInterleavesBranches(t *testing.T) {
	dir := t.TempDir()
	def := writeRunFile(t, dir, "par.asl.json", `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
 {"StartAt":"A1","States":{"A1":{"Type":"Wait","Seconds":5,"Next":"A2"},"A2":{"Type":"Pass","End":true}}},
 {"StartAt":"B1","States":{"B1":{"Type":"Wait","Seconds":5,"Next":"B2"},"B2":{"Type":"Pass","End":true}}}]}}}`)
	order := func(extra ...string) string {
		var out, errb bytes.Buffer
		args := append([]string{"run", def, "--format", "json", "--history"}, extra...)
		if code := run(args, &out, &errb); code != exitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		var res struct {
			Status string `json:"status"`
			Events []struct {
				Type    string `json:"type"`
				Entered *struct {
					Name string `json:"name"`
				} `json:"stateEnteredEventDetails"`
			} `json:"events"`
		}
		if err := json.Unmarshal(out.Bytes(), &res); err != nil {
			t.Fatal(err)
		}
		if res.Status != "SUCCEEDED" {
			t.Fatalf("status %s", res.Status)
		}
		var names []string
		for _, e := range res.Events {
			if e.Entered != nil {
				names = append(names, e.Entered.Name)
			}
		}
		return strings.Join(names, " ")
	}
	got := order()
	if strings.Index(got, "B1") > strings.Index(got, "A2") {
		t.Errorf("default order %q: B1 should be entered before A2 (branches interleave)", got)
	}
	if got := order("--sequential-branches"); got != "P A1 A2 B1 B2" {
		t.Errorf("--sequential-branches order %q, want P A1 A2 B1 B2", got)
	}
}
