package catalog_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/catalog"
)

func TestFixtureCounts(t *testing.T) {
	c := fixture(t)
	if got := len(c.Services()); got != 5 {
		t.Errorf("services = %d, want 5", got)
	}
	if got := c.ActionCount(); got != 8 {
		t.Errorf("actions = %d, want 8", got)
	}
	s, ok := c.Service("sfn")
	if !ok {
		t.Fatal("no service sfn (StepFunctions' integration name)")
	}
	if s.Client != "StepFunctions" || s.ErrorPrefix != "Sfn" {
		t.Errorf("sfn: client %q prefix %q", s.Client, s.ErrorPrefix)
	}
	if !slices.Contains(s.Actions, "startExecution") {
		t.Errorf("sfn actions %v lack startExecution", s.Actions)
	}
}

func TestSearchRanksCommonFirst(t *testing.T) {
	c := fixture(t)
	for _, q := range []string{"put item dynamo", "put an item in DynamoDB", "ddb putItem", "dynamodb:putItem"} {
		res := c.Search(q, 3)
		var ids []string
		for _, r := range res {
			ids = append(ids, r.ID)
		}
		if !slices.Contains(ids, "dynamodb:putItem") {
			t.Errorf("Search(%q) top 3 = %v, want dynamodb:putItem", q, ids)
		}
	}
	res := c.Search("start execution", 5)
	if len(res) < 2 || res[0].ID != "states:startExecution" || res[1].ID != "aws-sdk:sfn:startExecution" {
		t.Errorf("start execution: %+v", res)
	}
	if res[0].Resource != "arn:aws:states:::states:startExecution" || !res[0].Optimized {
		t.Errorf("optimized result %+v", res[0])
	}
	if res := c.Search("get object", 1); len(res) != 1 || res[0].ID != "aws-sdk:s3:getObject" || res[0].Resource != "arn:aws:states:::aws-sdk:s3:getObject" {
		t.Errorf("get object: %+v", res)
	}
	if res := c.Search("zebra unicorn", 10); len(res) != 0 {
		t.Errorf("nonsense query found %+v", res)
	}
}

func TestSkeletonHoldsRequiredMembers(t *testing.T) {
	c := fixture(t)
	for _, id := range []string{"aws-sdk:dynamodb:putItem", "dynamodb:putItem", "arn:aws:states:::dynamodb:putItem"} {
		sk, err := c.Skeleton(id)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := sk["TableName"].(string); !ok {
			t.Errorf("%s: TableName = %#v", id, sk["TableName"])
		}
		if _, ok := sk["Item"].(map[string]any); !ok {
			t.Errorf("%s: Item = %#v", id, sk["Item"])
		}
		if len(sk) != 2 {
			t.Errorf("%s: skeleton %v has more than the required members", id, sk)
		}
	}
	sk, err := c.Skeleton("arn:aws:states:::states:startExecution.sync:2")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := sk["StateMachineArn"]; !ok || len(sk) != 1 {
		t.Errorf("startExecution skeleton %v", sk)
	}
	if sk, _ := c.Skeleton("http:invoke"); sk["Method"] != "GET" || sk["Authentication"] == nil {
		t.Errorf("http:invoke skeleton %v", sk)
	}
	if _, err := c.Skeleton("aws-sdk:dynamodb:noSuchThing"); err == nil {
		t.Error("unknown action: no error")
	}
}

func TestCheckParameters(t *testing.T) {
	c := fixture(t)
	params := map[string]any{
		"tableName": "T",
		"Item":      map[string]any{"pk": map[string]any{"S": "a", "Q": "b"}},
	}
	ws, err := c.CheckParameters("aws-sdk:dynamodb:putItem", params)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, w := range ws {
		kinds[w.Kind+" "+w.Path] = w.Message
	}
	if m, ok := kinds["unknown /tableName"]; !ok || !strings.Contains(m, `did you mean "TableName"`) {
		t.Errorf("no unknown-member warning with a suggestion: %v", ws)
	}
	if _, ok := kinds["missing "]; !ok {
		t.Errorf("no missing TableName warning: %v", ws)
	}
	if _, ok := kinds["unknown /Item/pk/Q"]; !ok {
		t.Errorf("nested AttributeValue member Q not flagged: %v", ws)
	}
	ws, _ = c.CheckParameters("dynamodb:putItem", map[string]any{"TableName.$": "$.t", "Item.$": "$.i"})
	if len(ws) != 0 {
		t.Errorf("path parameters: %v", ws)
	}
	ws, _ = c.CheckParameters("lambda:invoke", map[string]any{"FunctionName": "f", "Payload": map[string]any{"any": 1}})
	if len(ws) != 0 {
		t.Errorf("lambda:invoke with a JSON Payload: %v", ws)
	}
	ws, _ = c.CheckParameters("aws-sdk:dynamodb:putItem", "{% $states.input %}")
	if len(ws) != 0 {
		t.Errorf("JSONata Arguments: %v", ws)
	}
}

func TestErrorsUseStepFunctionsNames(t *testing.T) {
	c := fixture(t)
	sdk, _ := c.Errors("aws-sdk:dynamodb:putItem")
	for _, want := range []string{"DynamoDb.ConditionalCheckFailedException", "DynamoDb.ResourceNotFoundException", "DynamoDb.DynamoDbException"} {
		if !slices.Contains(sdk, want) {
			t.Errorf("aws-sdk:dynamodb:putItem errors %v lack %s", sdk, want)
		}
	}
	opt, _ := c.Errors("dynamodb:putItem")
	for _, want := range []string{"DynamoDB.ConditionalCheckFailedException", "DynamoDB.AmazonDynamoDBException"} {
		if !slices.Contains(opt, want) {
			t.Errorf("dynamodb:putItem errors %v lack %s", opt, want)
		}
	}
	s3, _ := c.Errors("aws-sdk:s3:getObject")
	if !slices.Contains(s3, "S3.NoSuchKeyException") {
		t.Errorf("s3 getObject errors %v lack S3.NoSuchKeyException", s3)
	}
	sfn, _ := c.Errors("aws-sdk:sfn:startExecution")
	if !slices.Contains(sfn, "Sfn.ExecutionAlreadyExistsException") {
		t.Errorf("sfn errors %v", sfn)
	}
}

// Every sample output fits its own shape, strictly.
func TestSampleOutputValidatesStrict(t *testing.T) {
	c := fixture(t)
	ids := []string{"lambda:invoke", "states:startExecution", "dynamodb:getItem"}
	for _, s := range c.Services() {
		for _, a := range s.Actions {
			ids = append(ids, "aws-sdk:"+s.ID+":"+a)
		}
	}
	for _, id := range ids {
		out, err := c.SampleOutput(id)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.ValidateOutput(id, out, catalog.Strict); err != nil {
			t.Errorf("%s: sample %v: %v", id, out, err)
		}
	}
}

func TestValidateOutputModes(t *testing.T) {
	c := fixture(t)
	cases := []struct {
		mode string
		v    any
		want string // "" for no error
	}{
		{"STRICT", map[string]any{}, "Required field 'ExecutionArn' is missing"},
		{"PRESENT", map[string]any{}, ""},
		{"NONE", map[string]any{"StartDate": true}, ""},
		{"STRICT", map[string]any{"ExecutionArn": "a", "StartDate": int64(5)}, "Field 'StartDate' must be a string"},
		{"PRESENT", map[string]any{"ExecutionArn": int64(5)}, "Field 'ExecutionArn' must be a string"},
		{"STRICT", map[string]any{"ExecutionArn": "a", "StartDate": "2024-01-01T00:00:00Z", "Extra": 1.5}, ""},
	}
	for _, tc := range cases {
		err := c.ValidateOutput("aws-sdk:sfn:startExecution", tc.v, tc.mode)
		var oe *catalog.OutputError
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s %v: %v", tc.mode, tc.v, err)
		case tc.want != "" && (!errors.As(err, &oe) || oe.Message != tc.want):
			t.Errorf("%s %v: got %v, want %s", tc.mode, tc.v, err, tc.want)
		}
	}
	if err := c.ValidateOutput("aws-sdk:sfn:startExecution", map[string]any{}, "LOOSE"); err == nil {
		t.Error("unknown mode accepted")
	}
}

// A limited search returns the head of the unlimited one.
func TestSearchLimitKeepsBest(t *testing.T) {
	c := fixture(t)
	for _, q := range []string{"get", "g", "e"} {
		all := c.Search(q, -1)
		if len(all) < 5 {
			t.Fatalf("%q: only %d results", q, len(all))
		}
		for _, k := range []int{1, 2} {
			got := c.Search(q, k)
			for i := range got {
				if got[i].ID != all[i].ID {
					t.Errorf("Search(%q, %d)[%d] = %s, want %s", q, k, i, got[i].ID, all[i].ID)
				}
			}
		}
	}
}

// The web app's path: the index from bytes, a service file fetched and
// added by hand.
func TestLoadIndexAndAddService(t *testing.T) {
	fixture(t)
	idx, err := os.ReadFile(filepath.Join(fixtureDir, "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.LoadIndex(nil, idx)
	if err != nil {
		t.Fatal(err)
	}
	id, file, loaded, err := c.ServiceFor("arn:aws:states:::dynamodb:putItem")
	if err != nil || id != "dynamodb" || file != "services/dynamodb.json" || loaded {
		t.Fatalf("ServiceFor: %q %q %v %v", id, file, loaded, err)
	}
	if _, err := c.Skeleton("dynamodb:putItem"); err == nil {
		t.Fatal("Skeleton without the service file: no error")
	}
	data, err := os.ReadFile(filepath.Join(fixtureDir, file))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddService(id, data); err != nil {
		t.Fatal(err)
	}
	if sk, err := c.Skeleton("dynamodb:putItem"); err != nil || sk["Item"] == nil {
		t.Errorf("Skeleton after AddService: %v %v", sk, err)
	}
	if _, _, loaded, _ := c.ServiceFor("aws-sdk:dynamodb:getItem"); !loaded {
		t.Error("dynamodb not reported loaded")
	}
	if _, err := catalog.LoadIndex(nil, []byte(`{"version":99}`)); err == nil {
		t.Error("wrong format version accepted")
	}
}

func TestInputMembersForCompletion(t *testing.T) {
	c := fixture(t)
	top, err := c.InputMembers("aws-sdk:dynamodb:putItem")
	if err != nil {
		t.Fatal(err)
	}
	if len(top) < 3 || top[0].Name != "Item" || !top[0].Required || top[1].Name != "TableName" || !top[1].Required {
		t.Fatalf("required members first: %+v", top[:3])
	}
	var rv *catalog.Member
	for i := range top {
		if top[i].Name == "ReturnValues" {
			rv = &top[i]
		}
	}
	if rv == nil || !slices.Contains(rv.Enum, "ALL_OLD") {
		t.Errorf("ReturnValues enum: %+v", rv)
	}
	// Item is a map of AttributeValue: its members are the type keys.
	av, err := c.InputMembers("aws-sdk:dynamodb:putItem", "Item")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range av {
		names = append(names, m.Name)
	}
	for _, want := range []string{"S", "N", "M", "L", "BOOL"} {
		if !slices.Contains(names, want) {
			t.Errorf("AttributeValue members %v lack %s", names, want)
		}
	}
	lam, _ := c.InputMembers("lambda:invoke")
	if lam[0].Name != "FunctionName" || !lam[0].Required {
		t.Errorf("lambda:invoke members %+v", lam)
	}
	for _, m := range lam {
		if m.Name == "Payload" && m.Type != "json" {
			t.Errorf("Payload %+v: the optimized integration takes JSON", m)
		}
	}
	if _, err := c.InputMembers("aws-sdk:dynamodb:putItem", "Nope"); err == nil {
		t.Error("unknown member path: no error")
	}
}

func TestWaitForCallbackResultIsFree(t *testing.T) {
	c := fixture(t)
	if err := c.ValidateOutput("arn:aws:states:::lambda:invoke.waitForTaskToken", map[string]any{"StatusCode": "x"}, catalog.Strict); err != nil {
		t.Errorf("callback result validated against the invoke output: %v", err)
	}
	if err := c.ValidateOutput("arn:aws:states:::lambda:invoke", map[string]any{"StatusCode": "x"}, catalog.Strict); err == nil {
		t.Error("request-response result not validated")
	}
	out, _ := c.SampleOutput("arn:aws:states:::states:startExecution.sync:2")
	m, _ := out.(map[string]any)
	if _, ok := m["Output"].(map[string]any); !ok {
		t.Errorf(".sync:2 sample Output should be JSON: %v", out)
	}
	if err := c.ValidateOutput("arn:aws:states:::states:startExecution.sync:2", m, catalog.Strict); err != nil {
		t.Errorf(".sync:2 sample: %v", err)
	}
}

func TestFindDirHonoursEnvironment(t *testing.T) {
	fixture(t)
	t.Setenv("ASLSTUDIO_CATALOG", fixtureDir)
	d, err := catalog.FindDir()
	if err != nil || d != fixtureDir {
		t.Fatalf("FindDir = %q, %v", d, err)
	}
	c, err := catalog.LoadDefault()
	if err != nil || c.ActionCount() != 8 {
		t.Fatalf("LoadDefault: %v", err)
	}
	t.Setenv("ASLSTUDIO_CATALOG", t.TempDir())
	if _, err := catalog.FindDir(); err == nil {
		t.Error("a directory without index.json accepted")
	}
}
