package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/catalog"
)

// runCatalogCmd runs "aslstudio catalog ARGS... --catalog FIXTURE".
func runCatalogCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	full := append(append([]string{"catalog"}, args...), "--catalog", catalogFixture(t))
	code = run(full, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCatalogSearchText(t *testing.T) {
	code, out, errb := runCatalogCmd(t, "search", "put", "item", "dynamo", "--limit", "3")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errb)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) == 0 || len(lines) > 3 {
		t.Fatalf("want 1 to 3 results, got %q", out)
	}
	found := false
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 0 && f[0] == "aws-sdk:dynamodb:putItem" {
			found = true
		}
	}
	if !found {
		t.Errorf("aws-sdk:dynamodb:putItem is not among the first three results:\n%s", out)
	}
}

func TestCatalogSearchJSON(t *testing.T) {
	code, out, errb := runCatalogCmd(t, "search", "--format", "json", "--limit", "1", "get object")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errb)
	}
	var got struct {
		Query   string         `json:"query"`
		Results []searchResult `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if got.Query != "get object" || len(got.Results) != 1 {
		t.Fatalf("want the query and one result, got %+v", got)
	}
	r := got.Results[0]
	if r.ID != "aws-sdk:s3:getObject" || r.Resource != catalog.ResourcePrefix+r.ID || r.Service != "s3" || r.Action != "getObject" {
		t.Errorf("first result for 'get object': %+v", r)
	}
}

func TestCatalogUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"search"},
		{"search", "--format", "xml", "put"},
		{"search", "--limit", "0", "put"},
		{"skeleton"},
		{"skeleton", "a", "b"},
		{"skeleton", "--query-language", "XPath", "lambda:invoke"},
		{"nosuch"},
	} {
		if code, _, errb := runCatalogCmd(t, args...); code != exitUsage || errb == "" {
			t.Errorf("%v: exit %d (want %d), stderr %q", args, code, exitUsage, errb)
		}
	}
	var out, errb bytes.Buffer
	if code := run([]string{"catalog", "search", "put", "--catalog", t.TempDir()}, &out, &errb); code != exitUsage || !strings.Contains(errb.String(), "index.json") {
		t.Errorf("no catalog: exit %d, stderr %q", code, errb.String())
	}
	if code, _, errb := runCatalogCmd(t, "search", "zzzqqqxx"); code != exitFail || !strings.Contains(errb, "nothing matches") {
		t.Errorf("no match: exit %d, stderr %q", code, errb)
	}
}

// The skeleton is a Task state that the validator, with the same catalog,
// finds no missing or unknown parameters in.
func TestCatalogSkeleton(t *testing.T) {
	for _, tc := range []struct {
		action, ql, key string
		members         []string
	}{
		{"aws-sdk:dynamodb:putItem", "JSONPath", "Parameters", []string{"TableName", "Item"}},
		{"arn:aws:states:::aws-sdk:s3:getObject", "JSONata", "Arguments", []string{"Bucket", "Key"}},
		{"lambda:invoke", "JSONPath", "Parameters", []string{"FunctionName"}},
	} {
		code, out, errb := runCatalogCmd(t, "skeleton", "--query-language", tc.ql, tc.action)
		if code != exitOK {
			t.Fatalf("%s: exit %d, stderr %q", tc.action, code, errb)
		}
		var st map[string]any
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatalf("%s: %v in %s", tc.action, err, out)
		}
		if st["Type"] != "Task" || st["Resource"] != catalog.ResourcePrefix+strings.TrimPrefix(tc.action, catalog.ResourcePrefix) {
			t.Errorf("%s: state %v", tc.action, st)
		}
		params, _ := st[tc.key].(map[string]any)
		for _, m := range tc.members {
			if _, ok := params[m]; !ok {
				t.Errorf("%s: %s lacks %s: %s", tc.action, tc.key, m, out)
			}
		}
		def := `{"StartAt": "S", "States": {"S": ` + out + `}}`
		file := writeFile(t, t.TempDir(), "skeleton.asl.json", def)
		var vout, verr bytes.Buffer
		t.Setenv("ASLSTUDIO_CATALOG", catalogFixture(t))
		if code := run([]string{"validate", file}, &vout, &verr); code != exitOK {
			t.Errorf("%s: the skeleton does not validate: %s%s", tc.action, vout.String(), verr.String())
		}
		if strings.Contains(vout.String(), "PARAMETER") {
			t.Errorf("%s: the validator finds parameter problems in the skeleton:\n%s", tc.action, vout.String())
		}
	}
	if code, _, errb := runCatalogCmd(t, "skeleton", "lambda:invoke.sync"); code != exitFail || !strings.Contains(errb, ".sync") {
		t.Errorf("unsupported pattern: exit %d, stderr %q", code, errb)
	}
	if code, _, errb := runCatalogCmd(t, "skeleton", "aws-sdk:dynamodb:noSuchAction"); code != exitFail || errb == "" {
		t.Errorf("unknown action: exit %d, stderr %q", code, errb)
	}
}

func TestCatalogErrorsCommand(t *testing.T) {
	code, out, errb := runCatalogCmd(t, "errors", "--format", "json", "aws-sdk:dynamodb:putItem")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errb)
	}
	var got struct {
		Action string   `json:"action"`
		Errors []string `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	cat, err := catalog.LoadDir(catalogFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := cat.Errors("aws-sdk:dynamodb:putItem")
	if strings.Join(got.Errors, ",") != strings.Join(want, ",") || !strings.Contains(out, "DynamoDb.ConditionalCheckFailedException") {
		t.Errorf("errors %v, want %v", got.Errors, want)
	}
	code, out, _ = runCatalogCmd(t, "errors", "dynamodb:putItem")
	if code != exitOK || !strings.Contains(out, "DynamoDB.ConditionalCheckFailedException\n") {
		t.Errorf("optimized errors: exit %d\n%s", code, out)
	}
}

// The sample result passes the TestState API's STRICT field validation of
// the same action.
func TestCatalogSampleCommand(t *testing.T) {
	cat, err := catalog.LoadDir(catalogFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, action := range []string{"aws-sdk:sfn:startExecution", "lambda:invoke", "aws-sdk:dynamodb:getItem"} {
		code, out, errb := runCatalogCmd(t, "sample", action)
		if code != exitOK {
			t.Fatalf("%s: exit %d, stderr %q", action, code, errb)
		}
		v, err := asl.DecodeJSON([]byte(out))
		if err != nil {
			t.Fatalf("%s: %v in %s", action, err, out)
		}
		if m, ok := v.(map[string]any); !ok || len(m) == 0 {
			t.Errorf("%s: sample is not a non-empty object: %s", action, out)
		}
		if err := cat.ValidateOutput(action, v, "STRICT"); err != nil {
			t.Errorf("%s: sample fails STRICT validation: %v\n%s", action, err, out)
		}
	}
}
