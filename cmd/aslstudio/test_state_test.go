package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestTestStateCommand(t *testing.T) {
	dir := t.TempDir()
	task := writeRunFile(t, dir, "task.json", `{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
	 "Parameters":{"FunctionName":"f","Payload.$":"$"},"ResultSelector":{"v.$":"$.Payload"},"ResultPath":"$.out",
	 "Retry":[{"ErrorEquals":["Busy"],"MaxAttempts":2}],
	 "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Handle"}],"Next":"After"}`)
	type resp struct {
		Status         string         `json:"status"`
		Output         map[string]any `json:"output"`
		Error          string         `json:"error"`
		NextState      string         `json:"nextState"`
		InspectionData map[string]any `json:"inspectionData"`
	}
	runTS := func(args ...string) (resp, int, string) {
		var out, errb bytes.Buffer
		code := run(append([]string{"test-state", task}, args...), &out, &errb)
		var r resp
		if code == exitOK {
			if err := json.Unmarshal(out.Bytes(), &r); err != nil {
				t.Fatalf("%v: %s", err, out.String())
			}
		}
		return r, code, out.String() + errb.String()
	}
	r, code, msg := runTS("--input", `{"a":1}`, "--mock-result", `{"Payload":7}`, "--inspection-level", "DEBUG")
	if code != exitOK || r.Status != "SUCCEEDED" || r.NextState != "After" {
		t.Fatalf("success: code %d %+v %s", code, r, msg)
	}
	if out, _ := r.Output["out"].(map[string]any); out["v"] != float64(7) {
		t.Errorf("output %v: want out.v 7", r.Output)
	}
	if _, ok := r.InspectionData["afterParameters"]; !ok {
		t.Errorf("DEBUG inspectionData lacks afterParameters: %v", r.InspectionData)
	}
	r, _, _ = runTS("--mock-error", "Busy", "--mock-cause", "later", "--retry-count", "1")
	if r.Status != "RETRIABLE" || r.Error != "Busy" {
		t.Errorf("retriable: %+v", r)
	}
	r, _, _ = runTS("--mock-error", "Busy", "--retry-count", "2")
	if r.Status != "CAUGHT_ERROR" || r.NextState != "Handle" {
		t.Errorf("caught after retries: %+v", r)
	}
	if _, code, msg := runTS("--mock-result", "not json"); code != exitUsage {
		t.Errorf("invalid mock: exit %d (%s)", code, msg)
	}
}
