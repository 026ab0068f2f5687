package validate

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/aslstudio/aslstudio/engine/catalog"
	"github.com/aslstudio/aslstudio/internal/corpus"
)

var (
	fixtureOnce sync.Once
	fixtureCat  *catalog.Catalog
	fixtureErr  error
)

// fixtureCatalog builds the catalog of engine/catalog's test fixture (the
// trimmed AWS models of DynamoDB, Lambda, S3, KMS and Step Functions) with
// the real generator into a temporary directory, once per test run.
func fixtureCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	fixtureOnce.Do(func() {
		dir, err := os.MkdirTemp("", "validate-catalog-")
		if err != nil {
			fixtureErr = err
			return
		}
		goBin, err := exec.LookPath("go")
		if err != nil {
			goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
		}
		models := filepath.Join("..", "catalog", "testdata", "models")
		cmd := exec.Command(goBin, "run", "../catalog/gen",
			"-sdk", filepath.Join(models, "aws-sdk"), "-botocore", filepath.Join(models, "botocore"), "-out", dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			fixtureErr = fmt.Errorf("generating the fixture catalog: %v\n%s", err, out)
			return
		}
		fixtureCat, fixtureErr = catalog.LoadDir(dir)
		// The catalog reads service files lazily: keep the directory
		// until the process ends (it is a few kilobytes in the temp dir).
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureCat
}

// fullCatalog returns the generated catalog (make catalog), or nil when
// there is none and ASLSTUDIO_CATALOG_REQUIRED is not set.
func fullCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.LoadDefault()
	if err != nil {
		if os.Getenv("ASLSTUDIO_CATALOG_REQUIRED") == "1" {
			t.Fatalf("ASLSTUDIO_CATALOG_REQUIRED=1: %v", err)
		}
		return nil
	}
	return cat
}

// catalogTaskDef wraps one Task state (JSON members) in a definition.
func catalogTaskDef(members string) string {
	return "{\n  \"StartAt\": \"T\",\n  \"States\": {\n    \"T\": {\n      \"Type\": \"Task\",\n      \"TimeoutSeconds\": 5,\n" +
		members + ",\n      \"End\": true\n    }\n  }\n}\n"
}

// posOf is the 1-based line and column of the first occurrence of needle.
func posOf(t *testing.T, src, needle string) (int, int) {
	t.Helper()
	i := strings.Index(src, needle)
	if i < 0 {
		t.Fatalf("%q not in source", needle)
	}
	line := 1 + strings.Count(src[:i], "\n")
	return line, i - strings.LastIndex(src[:i], "\n")
}

type want struct {
	sev, code, path string
	at              string // text whose first occurrence the diagnostic points at
	msg             string // a part of the message
}

func catalogDiags(t *testing.T, src string, cat *catalog.Catalog) []Diagnostic {
	t.Helper()
	diags, err := ValidateBytes([]byte(src), Options{Catalog: cat})
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var out []Diagnostic
	for _, d := range diags {
		switch d.Code {
		case CodeUnknownParameter, CodeMissingParameter, CodeUnknownErrorName, CodeUnknownIntegrated:
			out = append(out, d)
		default:
			if d.Severity == Error {
				out = append(out, d)
			}
		}
	}
	return out
}

func checkWants(t *testing.T, src string, got []Diagnostic, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Fatalf("want %d diagnostics, got %d: %v", len(wants), len(got), got)
	}
	for _, w := range wants {
		found := false
		for _, d := range got {
			if d.Severity != w.sev || d.Code != w.code || d.Path != w.path {
				continue
			}
			found = true
			line, col := posOf(t, src, w.at)
			if d.Line != line || d.Column != col {
				t.Errorf("%s at %s: position %d:%d, want %d:%d (%q)", d.Code, d.Path, d.Line, d.Column, line, col, w.at)
			}
			if !strings.Contains(d.Message, w.msg) {
				t.Errorf("%s: message %q does not contain %q", d.Code, d.Message, w.msg)
			}
		}
		if !found {
			t.Errorf("want %s %s at %s, got %v", w.sev, w.code, w.path, got)
		}
	}
}

func TestCatalogChecks(t *testing.T) {
	cat := fixtureCatalog(t)
	const p = "/States/T"
	cases := []struct {
		name    string
		members string
		wants   []want
	}{
		{"sdk parameters fine", `      "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem",
      "Parameters": {"TableName.$": "$.table", "Item": {"pk": {"S": "x"}}}`, nil},
		{"sdk unknown and missing", `      "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem",
      "Parameters": {"TableName": "t", "Itme": {}}`, []want{
			{Warning, CodeUnknownParameter, p + "/Parameters/Itme", `"Itme"`, `has no parameter "Itme"`},
			{Warning, CodeMissingParameter, p + "/Parameters", `"Parameters"`, `requires the parameter "Item"`},
		}},
		{"camelCase member suggests PascalCase", `      "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
      "Parameters": {"Bucket": "b", "key": "k"}`, []want{
			{Warning, CodeUnknownParameter, p + "/Parameters/key", `"key"`, `did you mean "Key"`},
			{Warning, CodeMissingParameter, p + "/Parameters", `"Parameters"`, `"Key"`},
		}},
		{"nested unknown member", `      "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem",
      "Parameters": {"TableName": "t", "Item": {"pk": {"Str": "x"}}}`, []want{
			{Warning, CodeUnknownParameter, p + "/Parameters/Item/pk/Str", `"Str"`, `"Str"`},
		}},
		{"optimized lambda fine", `      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "f", "Payload.$": "$"}`, nil},
		{"optimized lambda missing FunctionName", `      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"Payload.$": "$"}`, []want{
			{Warning, CodeMissingParameter, p + "/Parameters", `"Parameters"`, `"FunctionName"`},
		}},
		{"JSONata Arguments object", `      "QueryLanguage": "JSONata",
      "Resource": "arn:aws:states:::aws-sdk:kms:encrypt",
      "Arguments": {"KeyId": "{% $k %}", "Plain": "x"}`, []want{
			{Warning, CodeUnknownParameter, p + "/Arguments/Plain", `"Plain"`, `"Plain"`},
			{Warning, CodeMissingParameter, p + "/Arguments", `"Arguments"`, `"Plaintext"`},
		}},
		{"JSONata Arguments expression is left alone", `      "QueryLanguage": "JSONata",
      "Resource": "arn:aws:states:::aws-sdk:kms:encrypt",
      "Arguments": "{% $states.input %}"`, nil},
		{"no Parameters is left alone", `      "Resource": "arn:aws:states:::aws-sdk:kms:encrypt"`, nil},
		{"placeholder Parameters is left alone", `      "Resource": "arn:aws:states:::aws-sdk:kms:encrypt",
      "Parameters": {"Ref": "EncryptParameters"}`, nil},
		{"Lambda function ARN is not an integration", `      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f",
      "Parameters": {"Anything": 1}`, nil},
		{"error names", `      "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem",
      "Parameters": {"TableName": "t", "Item": {}},
      "Retry": [{"ErrorEquals": ["DynamoDb.ThrottlingException", "DynamoDb.SdkClientException", "States.Timeout", "MyApp.Failure"]}],
      "Catch": [{"ErrorEquals": ["DynamoDB.ConditionalCheckFailedException", "S3.NoSuchKeyException", "DynamoDb.Nope"], "Next": "T"}]`, []want{
			{Warning, CodeUnknownErrorName, p + "/Catch/0/ErrorEquals/0", `"DynamoDB.ConditionalCheckFailedException"`, `did you mean 'DynamoDb.ConditionalCheckFailedException'`},
			{Warning, CodeUnknownErrorName, p + "/Catch/0/ErrorEquals/1", `"S3.NoSuchKeyException"`, `another service`},
			{Warning, CodeUnknownErrorName, p + "/Catch/0/ErrorEquals/2", `"DynamoDb.Nope"`, `DynamoDb.ConditionalCheckFailedException`},
		}},
		{"optimized error prefix", `      "Resource": "arn:aws:states:::dynamodb:putItem",
      "Parameters": {"TableName": "t", "Item": {}},
      "Retry": [{"ErrorEquals": ["DynamoDB.ConditionalCheckFailedException", "DynamoDb.ConditionalCheckFailedException"]}]`, []want{
			{Warning, CodeUnknownErrorName, p + "/Retry/0/ErrorEquals/1", `"DynamoDb.ConditionalCheckFailedException"`, `did you mean 'DynamoDB.ConditionalCheckFailedException'`},
		}},
		{"lambda may raise any function error", `      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "f"},
      "Retry": [{"ErrorEquals": ["Lambda.ServiceException", "Lambda.Unknown", "Lambda.TooManyRequestsException", "S3.NoSuchKeyException", "java.lang.RuntimeException"]}]`, nil},
		{"callback may fail with any name", `      "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken",
      "Parameters": {"TableName": "t", "Item": {}},
      "Retry": [{"ErrorEquals": ["DynamoDb.Rejected"]}]`, nil},
		{"sdk .sync is not offered", `      "Resource": "arn:aws:states:::aws-sdk:s3:getObject.sync",
      "Parameters": {"Bucket": "b", "Key": "k"}`, []want{
			{Error, CodeSchema, p + "/Resource", `"arn:aws:states:::aws-sdk:s3:getObject.sync"`, "The resource provided arn:aws:states:::aws-sdk:s3:getObject.sync is not recognized. The value is not a valid resource ARN, or the resource is not available in this region."},
		}},
		{"optimized pattern not offered", `      "Resource": "arn:aws:states:::lambda:invoke.sync",
      "Parameters": {"FunctionName": "f"}`, []want{
			{Error, CodeSchema, p + "/Resource", `"arn:aws:states:::lambda:invoke.sync"`, "is not recognized"},
		}},
		{"optimized integration whose service the catalog lacks", `      "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}}`, nil},
		{"its patterns are still checked", `      "Resource": "arn:aws:states:::sqs:sendMessage.sync",
      "Parameters": {"QueueUrl": "q", "MessageBody": "m"}`, []want{
			{Error, CodeSchema, p + "/Resource", `"arn:aws:states:::sqs:sendMessage.sync"`, "is not recognized"},
		}},
		{"unknown action suggests its case", `      "Resource": "arn:aws:states:::aws-sdk:dynamodb:PutItem",
      "Parameters": {"TableName": "t"}`, []want{
			{Warning, CodeUnknownIntegrated, p + "/Resource", `"arn:aws:states:::aws-sdk:dynamodb:PutItem"`, "did you mean arn:aws:states:::aws-sdk:dynamodb:putItem?"},
		}},
		{"unknown service", `      "Resource": "arn:aws:states:::aws-sdk:dynamo:putItem",
      "Parameters": {"TableName": "t"}`, []want{
			{Warning, CodeUnknownIntegrated, p + "/Resource", `"arn:aws:states:::aws-sdk:dynamo:putItem"`, "not in the service catalog"},
		}},
		{"SAM partition placeholder", `      "Resource": "arn:${AWS::Partition}:states:::aws-sdk:dynamodb:putItem",
      "Parameters": {"TableName": "t", "Item": {}}`, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := catalogTaskDef(tc.members)
			checkWants(t, src, catalogDiags(t, src, cat), tc.wants)
		})
	}
}

// Without a catalog, and with warnings off, none of these checks run.
func TestCatalogChecksOff(t *testing.T) {
	src := catalogTaskDef(`      "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem",
      "Parameters": {"Itme": {}},
      "Retry": [{"ErrorEquals": ["DynamoDB.Nope"]}]`)
	if got := catalogDiags(t, src, nil); len(got) != 0 {
		t.Errorf("without a catalog: %v", got)
	}
	diags, _ := ValidateBytes([]byte(src), Options{Catalog: fixtureCatalog(t), NoWarnings: true})
	if len(diags) != 0 {
		t.Errorf("with NoWarnings: %v", diags)
	}
	diags, _ = ValidateBytes([]byte(src), Options{Catalog: fixtureCatalog(t)})
	// Itme unknown, TableName and Item missing, DynamoDB.Nope unknown.
	if len(diags) != 4 {
		t.Errorf("with the catalog: want 4 warnings, got %v", diags)
	}
}

// An action Step Functions does not offer (AWS's list of unsupported
// operations, or an event-stream operation) is rejected like AWS does; the
// fixture has none, so this needs the generated catalog.
func TestCatalogUnavailableAction(t *testing.T) {
	cat := fullCatalog(t)
	if cat == nil {
		t.Skip("no generated catalog (make catalog); set ASLSTUDIO_CATALOG_REQUIRED=1 to require it")
	}
	res := "arn:aws:states:::aws-sdk:bedrockruntime:invokeModelWithResponseStream"
	info, err := cat.Lookup(res)
	if err != nil || info.Unavailable == "" {
		t.Fatalf("catalog: %s should be unavailable (%v, %+v)", res, err, info)
	}
	src := catalogTaskDef(`      "Resource": "` + res + `",
      "Parameters": {"ModelId": "m"}`)
	checkWants(t, src, catalogDiags(t, src, cat), []want{
		{Error, CodeSchema, "/States/T/Resource", `"` + res + `"`, "The resource provided " + res + " is not recognized."},
	})
}

// catalogForCorpus is the generated catalog when there is one, else the
// fixture.
func catalogForCorpus(t *testing.T) *catalog.Catalog {
	if cat := fullCatalog(t); cat != nil {
		return cat
	}
	return fixtureCatalog(t)
}

// The catalog adds warnings and the errors AWS reports for resources it does
// not offer: no definition AWS accepted or rejected may change verdict.
func TestCatalogConformanceUnchanged(t *testing.T) {
	cat := catalogForCorpus(t)
	t.Logf("catalog: %s (%d services, %d actions)", cat.Source(), len(cat.Services()), cat.ActionCount())
	warnings := map[string]int{}
	var examples []string
	for _, family := range []string{"validate", "exec"} {
		dir, cases, err := corpus.Cases(family)
		if err != nil {
			t.Fatalf("%s corpus: %v", family, err)
		}
		if len(cases) == 0 {
			t.Fatalf("%s corpus %s is empty", family, dir)
		}
		changed := 0
		for _, name := range cases {
			src, err := os.ReadFile(filepath.Join(dir, name, "definition.json"))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			typ := ""
			var meta struct {
				Type  string `json:"state_machine_type"`
				TypeV string `json:"type"`
			}
			for _, f := range []string{"meta.json", "expected.json"} {
				if b, err := os.ReadFile(filepath.Join(dir, name, f)); err == nil && json.Unmarshal(b, &meta) == nil {
					if meta.Type != "" {
						typ = meta.Type
					} else if meta.TypeV != "" {
						typ = meta.TypeV
					}
				}
			}
			without, _ := ValidateBytes(src, Options{Type: typ})
			with, _ := ValidateBytes(src, Options{Type: typ, Catalog: cat})
			if HasErrors(without) != HasErrors(with) {
				changed++
				t.Errorf("%s/%s: verdict changed with the catalog: %s", family, name, firstErrors(with))
			}
			for _, d := range with {
				switch d.Code {
				case CodeUnknownParameter, CodeMissingParameter, CodeUnknownErrorName, CodeUnknownIntegrated:
					warnings[d.Code]++
					examples = append(examples, fmt.Sprintf("%s/%s: %s", family, name, d))
				}
			}
		}
		t.Logf("%s: %d definitions, %d verdicts changed by the catalog", family, len(cases), changed)
	}
	codes := make([]string, 0, len(warnings))
	for c := range warnings {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		t.Logf("catalog warnings %s: %d", c, warnings[c])
	}
	for _, e := range examples {
		t.Logf("  %s", e)
	}
}
