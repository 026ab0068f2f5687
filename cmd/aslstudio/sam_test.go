package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const samTemplate = `# keep me
Resources:
  Fn:
    Type: AWS::Serverless::Function
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/machine.asl.json
      DefinitionSubstitutions:
        FnArn: !GetAtt Fn.Arn
        Table: {"Ref": "OrdersTable"}
  Inline:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition:
        StartAt: A   # start
        States:
          A: {Type: Pass, End: true}
`

const samDefinition = "{\n  \"StartAt\": \"Call\",\n  \"States\": {\n    \"Call\": {\n      \"Type\": \"Task\",\n      \"Resource\": \"${FnArn}\",\n      \"End\": true\n    }\n  }\n}\n"

func samFixture(t *testing.T) (dir, tpl string) {
	t.Helper()
	dir = t.TempDir()
	os.MkdirAll(filepath.Join(dir, "statemachine"), 0o755)
	os.WriteFile(filepath.Join(dir, "statemachine", "machine.asl.json"), []byte(samDefinition), 0o644)
	tpl = filepath.Join(dir, "template.yaml")
	os.WriteFile(tpl, []byte(samTemplate), 0o644)
	return dir, tpl
}

func TestSAMList(t *testing.T) {
	_, tpl := samFixture(t)
	var out, errb bytes.Buffer
	if code := run([]string{"sam", "list", tpl, "--format", "json"}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got struct {
		StateMachines []struct {
			ID, Type, DefinitionVia, File string
			Substitutions                 map[string]string
			Placeholders                  []string
		}
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.StateMachines) != 2 {
		t.Fatalf("listed %d machines: %s", len(got.StateMachines), out.String())
	}
	m := got.StateMachines[0]
	if m.ID != "Machine" || m.DefinitionVia != "DefinitionUri" || m.File != "statemachine/machine.asl.json" ||
		m.Substitutions["FnArn"] != "!GetAtt Fn.Arn" || m.Substitutions["Table"] != "!Ref OrdersTable" ||
		strings.Join(m.Placeholders, ",") != "FnArn" {
		t.Errorf("machine %+v", m)
	}
	if got.StateMachines[1].ID != "Inline" || got.StateMachines[1].DefinitionVia != "Definition" {
		t.Errorf("inline machine %+v", got.StateMachines[1])
	}
}

func TestSAMGetSet(t *testing.T) {
	dir, tpl := samFixture(t)
	var out, errb bytes.Buffer
	if code := run([]string{"sam", "get", tpl}, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), "--id") {
		t.Errorf("get without --id on two machines: exit %d, %s", code, errb.String())
	}
	out.Reset()
	if code := run([]string{"sam", "get", tpl, "--id", "Inline"}, &out, &errb); code != exitOK {
		t.Fatalf("get: exit %d %s", code, errb.String())
	}
	var def map[string]any
	if err := json.Unmarshal(out.Bytes(), &def); err != nil || def["StartAt"] != "A" {
		t.Fatalf("get printed %s", out.String())
	}
	var yml bytes.Buffer
	if code := run([]string{"sam", "get", "--id", "Inline", "--format", "yaml", tpl}, &yml, &errb); code != exitOK || !strings.Contains(yml.String(), "StartAt: A") {
		t.Errorf("get --format yaml: exit %d, %q", code, yml.String())
	}
	// Set the renamed definition in place: only the definition changes.
	renamed := strings.ReplaceAll(out.String(), `"A"`, `"Begin"`)
	defFile := filepath.Join(dir, "new.json")
	os.WriteFile(defFile, []byte(renamed), 0o644)
	out.Reset()
	if code := run([]string{"sam", "set", tpl, "--id", "Inline", "--definition", defFile, "-w"}, &out, &errb); code != exitOK {
		t.Fatalf("set: exit %d %s", code, errb.String())
	}
	b, _ := os.ReadFile(tpl)
	want := strings.Replace(strings.Replace(samTemplate, "StartAt: A ", "StartAt: Begin ", 1), "A: {Type", "Begin: {Type", 1)
	if string(b) != want {
		t.Errorf("template after set:\n%s\nwant\n%s", b, want)
	}
	// Setting the definition file's own content leaves it byte-identical.
	out.Reset()
	run([]string{"sam", "get", tpl, "--id", "Machine"}, &out, &errb)
	os.WriteFile(defFile, out.Bytes(), 0o644)
	out.Reset()
	if code := run([]string{"sam", "set", tpl, "--id", "Machine", "--definition", defFile}, &out, &errb); code != exitOK || out.String() != samDefinition {
		t.Errorf("set of the same definition printed %q (exit %d, %s)", out.String(), code, errb.String())
	}
}

func TestSAMBadInput(t *testing.T) {
	dir, tpl := samFixture(t)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{\"StartAt\": \"A\",\n  \"States\": {,}}"), 0o644)
	before, _ := os.ReadFile(tpl)
	var out, errb bytes.Buffer
	if code := run([]string{"sam", "set", tpl, "--id", "Inline", "--definition", bad, "-w"}, &out, &errb); code == exitOK || !strings.Contains(errb.String(), "bad.json:2:") {
		t.Errorf("bad definition: exit %d, %s", code, errb.String())
	}
	dup := filepath.Join(dir, "dup.json")
	os.WriteFile(dup, []byte("{\"StartAt\": \"A\",\n  \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true},\n    \"A\": {}}}"), 0o644)
	errb.Reset()
	if code := run([]string{"sam", "set", tpl, "--id", "Inline", "--definition", dup, "-w"}, &out, &errb); code == exitOK || !strings.Contains(errb.String(), "dup.json:3:5: duplicate key \"A\"") {
		t.Errorf("duplicate key in the definition: exit %d, %s", code, errb.String())
	}
	broken := filepath.Join(dir, "broken.yaml")
	os.WriteFile(broken, []byte("Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Type: x\n"), 0o644)
	errb.Reset()
	if code := run([]string{"sam", "list", broken}, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), "broken.yaml:4:5: duplicate key") {
		t.Errorf("duplicate key: exit %d, %s", code, errb.String())
	}
	if after, _ := os.ReadFile(tpl); !bytes.Equal(before, after) {
		t.Error("template written after a failure")
	}
}

func TestSAMNew(t *testing.T) {
	dir, _ := samFixture(t)
	def := filepath.Join(dir, "flow.asl.json")
	os.WriteFile(def, []byte(`{"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Worker", "End": true}}}`), 0o644)
	var out, errb bytes.Buffer
	if code := run([]string{"sam", "new", def, "--type", "EXPRESS"}, &out, &errb); code != exitOK {
		t.Fatalf("new: exit %d %s", code, errb.String())
	}
	for _, want := range []string{"FlowStateMachine:", "Type: EXPRESS", "DefinitionUri: " + filepath.ToSlash(def), "LambdaInvokePolicy:", "FunctionName: Worker", "AWS::Logs::LogGroup"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("template lacks %q:\n%s", want, out.String())
		}
	}
	outDir := filepath.Join(dir, "gen")
	out.Reset()
	if code := run([]string{"sam", "new", def, "--name", "Work", "--substitute-arns", "-o", outDir}, &out, &errb); code != exitOK {
		t.Fatalf("new -o: exit %d %s", code, errb.String())
	}
	out.Reset()
	if code := run([]string{"sam", "list", filepath.Join(outDir, "template.yaml"), "--format", "json"}, &out, &errb); code != exitOK ||
		!strings.Contains(out.String(), `"WorkerFunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:Worker"`) {
		t.Errorf("generated template lists %s (%s)", out.String(), errb.String())
	}
}
