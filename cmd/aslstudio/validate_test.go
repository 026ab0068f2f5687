package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const validDef = `{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}`

const invalidDef = `{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "Nowhere"}
  }
}`

func TestValidateCommandText(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.asl.json", validDef)
	bad := writeFile(t, dir, "bad.asl.json", invalidDef)
	yml := writeFile(t, dir, "flow.asl.yaml", "StartAt: A\nStates:\n  A:\n    Type: Succeed\n")

	var out, errb bytes.Buffer
	if code := run([]string{"validate", good, yml}, &out, &errb); code != exitOK {
		t.Fatalf("valid files: exit %d, stdout %q stderr %q", code, out.String(), errb.String())
	}
	if out.Len() != 0 {
		t.Fatalf("valid files print nothing, got %q", out.String())
	}
	out.Reset()
	if code := run([]string{"validate", good, bad}, &out, &errb); code != exitFail {
		t.Fatalf("invalid file: exit %d, want %d", code, exitFail)
	}
	want := bad + ":4:35: error MISSING_TRANSITION_TARGET Missing 'Next' target: Nowhere"
	if !strings.Contains(out.String(), want) {
		t.Fatalf("output %q does not contain %q", out.String(), want)
	}
}

func TestValidateCommandJSON(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.json", validDef)
	bad := writeFile(t, dir, "bad.json", invalidDef)
	var out, errb bytes.Buffer
	code := run([]string{"validate", "--format", "json", good, bad}, &out, &errb)
	if code != exitFail {
		t.Fatalf("exit %d, want %d (stderr %q)", code, exitFail, errb.String())
	}
	var got struct {
		Files []struct {
			Path        string `json:"path"`
			Valid       bool   `json:"valid"`
			Diagnostics []struct {
				Severity, Code, Message, Path string
				Line, Column                  int
			} `json:"diagnostics"`
		} `json:"files"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if len(got.Files) != 2 || !got.Files[0].Valid || got.Files[1].Valid {
		t.Fatalf("want good valid and bad invalid, got %+v", got.Files)
	}
	if got.Files[0].Diagnostics == nil || len(got.Files[0].Diagnostics) != 0 {
		t.Fatalf("a valid file has an empty diagnostics array, got %+v", got.Files[0])
	}
	var found bool
	for _, d := range got.Files[1].Diagnostics {
		if d.Code == "MISSING_TRANSITION_TARGET" && d.Severity == "ERROR" && d.Path == "/States/A/Next" && d.Line == 4 {
			found = true
		}
	}
	if !found {
		t.Fatalf("missing diagnostic in %+v", got.Files[1].Diagnostics)
	}
}

func TestValidateCommandUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"validate"}, &out, &errb); code != exitUsage {
		t.Fatalf("no files: exit %d, want %d", code, exitUsage)
	}
	if code := run([]string{"validate", "--format", "xml", "x.json"}, &out, &errb); code != exitUsage {
		t.Fatalf("bad format: exit %d, want %d", code, exitUsage)
	}
	errb.Reset()
	missing := filepath.Join(t.TempDir(), "missing.json")
	if code := run([]string{"validate", missing}, &out, &errb); code != exitUsage {
		t.Fatalf("unreadable file: exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(errb.String(), "missing.json") {
		t.Fatalf("stderr %q does not name the file", errb.String())
	}
}

func TestValidateCommandSyntaxError(t *testing.T) {
	p := writeFile(t, t.TempDir(), "broken.json", "{\n  \"StartAt\": \"A\",\n  \"States\": {\n}")
	var out, errb bytes.Buffer
	if code := run([]string{"validate", p}, &out, &errb); code != exitFail {
		t.Fatalf("syntax error: exit %d, want %d", code, exitFail)
	}
	if !strings.Contains(out.String(), p+":4:") || !strings.Contains(out.String(), "INVALID_JSON_DESCRIPTION") {
		t.Fatalf("output %q lacks the syntax error position", out.String())
	}
}

func TestValidateCommandSAMTemplate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "flow.asl.json", invalidDef)
	tpl := writeFile(t, dir, "template.yaml", `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Inline:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: EXPRESS
      DefinitionSubstitutions:
        Fn: !GetAtt Fn.Arn
      Definition:
        StartAt: Call
        States:
          Call:
            Type: Task
            Resource: ${Fn}
            TimeoutSeconds: 5
            Next: Nowhere
  FromFile:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: flow.asl.json
`)
	var out, errb bytes.Buffer
	if code := run([]string{"validate", "--no-warnings", tpl}, &out, &errb); code != exitFail {
		t.Fatalf("exit %d, want %d (stderr %q)", code, exitFail, errb.String())
	}
	text := out.String()
	inline := tpl + ":17:19: error MISSING_TRANSITION_TARGET Missing 'Next' target: Nowhere [Inline]"
	fromFile := filepath.Join(dir, "flow.asl.json") + ":4:35: error MISSING_TRANSITION_TARGET Missing 'Next' target: Nowhere [FromFile]"
	if !strings.Contains(text, inline) || !strings.Contains(text, fromFile) {
		t.Fatalf("output %q lacks\n%s\nor\n%s", text, inline, fromFile)
	}
	if strings.Contains(text, "${Fn}") {
		t.Fatalf("the placeholder must not be reported: %q", text)
	}
}
