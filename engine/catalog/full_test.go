package catalog_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/catalog"
)

// fullCatalog loads the generated catalog in engine/catalog/data. Without
// it the test is skipped, unless ASLSTUDIO_CATALOG_REQUIRED=1 (set by
// `make test`, which generates it first): then it fails.
func fullCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	dir := "data"
	if _, err := os.Stat(filepath.Join(dir, "index.json")); err != nil {
		if os.Getenv("ASLSTUDIO_CATALOG_REQUIRED") == "1" {
			t.Fatalf("no generated catalog in engine/catalog/%s (run `make catalog`): %v", dir, err)
		}
		t.Skip("no generated catalog in engine/catalog/data: run `make catalog` (make test requires it)")
	}
	c, err := catalog.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFullCatalog(t *testing.T) {
	c := fullCatalog(t)
	services, actions := len(c.Services()), c.ActionCount()
	t.Logf("full catalog (%s): %d services, %d actions", c.Source(), services, actions)
	// aws-sdk 2.1693.0 has 385 services (newest API versions) with 15,683 operations.
	if services < 380 || actions < 15000 {
		t.Errorf("catalog too small: %d services, %d actions", services, actions)
	}
	for _, s := range []string{"dynamodb", "sfn", "s3", "lambda", "sns", "sqs", "eventbridge", "bedrockruntime", "cloudwatchlogs", "cognitoidentityprovider", "elasticloadbalancingv2"} {
		if _, ok := c.Service(s); !ok {
			t.Errorf("no service %q", s)
		}
	}
	for q, want := range map[string]string{
		"put item dynamo":      "dynamodb:putItem",
		"start execution":      "states:startExecution",
		"get object s3":        "aws-sdk:s3:getObject",
		"invoke lambda":        "lambda:invoke",
		"send message queue":   "sqs:sendMessage",
		"bedrock invoke model": "bedrock:invokeModel",
		"describe instances":   "aws-sdk:ec2:describeInstances",
	} {
		var ids []string
		for _, r := range c.Search(q, 3) {
			ids = append(ids, r.ID)
		}
		if !slices.Contains(ids, want) {
			t.Errorf("Search(%q) top 3 = %v, want %s", q, ids, want)
		}
	}
	// AWS's list: unsupported operations and services are marked and
	// left out of search.
	for id, want := range map[string]bool{
		"aws-sdk:lambda:invokeWithResponseStream": true, // AWS lists it unsupported
		"aws-sdk:sts:assumeRole":                  true,
		"aws-sdk:cloudwatchevents:putEvents":      true, // not in AWS's list (use eventbridge)
		"aws-sdk:lambda:invoke":                   false,
		"aws-sdk:eventbridge:putEvents":           false,
	} {
		info, err := c.Lookup(id)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Unavailable != ""; got != want {
			t.Errorf("%s: unavailable %q, want %v", id, info.Unavailable, want)
		}
		for _, r := range c.Search(strings.ReplaceAll(id, ":", " "), 50) {
			if r.ID == id && want {
				t.Errorf("search offers %s, which Step Functions cannot call", id)
			}
		}
	}
	sk, err := c.Skeleton("dynamodb:putItem")
	if err != nil || sk["TableName"] == nil || sk["Item"] == nil {
		t.Errorf("dynamodb:putItem skeleton %v %v", sk, err)
	}
	// Every optimized integration resolves, and every action's sample
	// output passes its own strict validation.
	for _, o := range catalog.OptimizedIntegrations {
		if _, err := c.Lookup(o.ID); err != nil {
			t.Errorf("optimized %s: %v", o.ID, err)
		}
	}
	n := 0
	for _, s := range c.Services() {
		for _, a := range s.Actions {
			id := "aws-sdk:" + s.ID + ":" + a
			out, err := c.SampleOutput(id)
			if err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			if err := c.ValidateOutput(id, out, catalog.Strict); err != nil {
				t.Errorf("%s: its sample output fails: %v", id, err)
				if n++; n > 20 {
					t.Fatal("too many failures")
				}
			}
		}
	}
}

func TestFieldValidationCorpusFull(t *testing.T) {
	c := fullCatalog(t)
	pass, gaps, total := runFieldValidation(t, c)
	t.Logf("teststate field_validation_mode (full catalog): %d/%d pass, %d need min/max constraints the models lack", pass, total, gaps)
}
