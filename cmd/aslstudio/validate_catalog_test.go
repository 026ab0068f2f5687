package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

var (
	catalogFixtureOnce sync.Once
	catalogFixtureDir  string
	catalogFixtureErr  error
)

// catalogFixture generates the catalog of engine/catalog's test fixture
// (trimmed models of DynamoDB, Lambda, S3, KMS and Step Functions) with the
// real generator, once per test run, and returns its directory.
func catalogFixture(t *testing.T) string {
	t.Helper()
	catalogFixtureOnce.Do(func() {
		dir, err := os.MkdirTemp("", "aslstudio-catalog-")
		if err != nil {
			catalogFixtureErr = err
			return
		}
		goBin, err := exec.LookPath("go")
		if err != nil {
			goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
		}
		models := filepath.Join("..", "..", "engine", "catalog", "testdata", "models")
		out, err := exec.Command(goBin, "run", "../../engine/catalog/gen",
			"-sdk", filepath.Join(models, "aws-sdk"), "-botocore", filepath.Join(models, "botocore"), "-out", dir).CombinedOutput()
		if err != nil {
			catalogFixtureErr = &fixtureError{err: err, out: string(out)}
			return
		}
		catalogFixtureDir = dir
	})
	if catalogFixtureErr != nil {
		t.Fatal(catalogFixtureErr)
	}
	return catalogFixtureDir
}

type fixtureError struct {
	err error
	out string
}

func (e *fixtureError) Error() string {
	return "generating the fixture catalog: " + e.err.Error() + "\n" + e.out
}

const putItemDef = `{
  "StartAt": "Put",
  "States": {
    "Put": {
      "Type": "Task",
      "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem",
      "TimeoutSeconds": 5,
      "Parameters": {"TableName": "t", "Itme": {}},
      "Catch": [{"ErrorEquals": ["DynamoDB.ConditionalCheckFailedException"], "Next": "Done"}],
      "Next": "Done"
    },
    "Done": {"Type": "Succeed"}
  }
}`

func TestValidateCommandCatalog(t *testing.T) {
	t.Setenv("ASLSTUDIO_CATALOG", catalogFixture(t))
	file := writeFile(t, t.TempDir(), "put.asl.json", putItemDef)

	var out, errb bytes.Buffer
	if code := run([]string{"validate", file}, &out, &errb); code != exitOK {
		t.Fatalf("warnings only: exit %d, want %d (stdout %q, stderr %q)", code, exitOK, out.String(), errb.String())
	}
	for _, want := range []string{
		file + `:8:40: warning UNKNOWN_PARAMETER aws-sdk:dynamodb:putItem has no parameter "Itme"`,
		file + `:8:7: warning MISSING_REQUIRED_PARAMETER aws-sdk:dynamodb:putItem requires the parameter "Item"`,
		file + `:9:34: warning UNKNOWN_ERROR_NAME aws-sdk:dynamodb:putItem cannot raise the error 'DynamoDB.ConditionalCheckFailedException' (did you mean 'DynamoDb.ConditionalCheckFailedException'?)`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	out.Reset()
	if code := run([]string{"validate", "--no-catalog", file}, &out, &errb); code != exitOK {
		t.Fatalf("--no-catalog: exit %d", code)
	}
	if strings.Contains(out.String(), "UNKNOWN_PARAMETER") || strings.Contains(out.String(), "UNKNOWN_ERROR_NAME") {
		t.Errorf("--no-catalog still checks against the catalog:\n%s", out.String())
	}
}

// An AWS SDK integration pattern AWS does not offer is an error, as
// CreateStateMachine rejects it.
func TestValidateCommandCatalogError(t *testing.T) {
	t.Setenv("ASLSTUDIO_CATALOG", catalogFixture(t))
	file := writeFile(t, t.TempDir(), "sync.asl.json", strings.Replace(putItemDef, "dynamodb:putItem", "dynamodb:putItem.sync", 1))
	var out, errb bytes.Buffer
	if code := run([]string{"validate", "--format", "json", file}, &out, &errb); code != exitFail {
		t.Fatalf("exit %d, want %d (stdout %q)", code, exitFail, out.String())
	}
	if !strings.Contains(out.String(), `"code": "SCHEMA_VALIDATION_FAILED"`) || !strings.Contains(out.String(), "is not recognized") {
		t.Errorf("json output lacks the error:\n%s", out.String())
	}
}

// Without a catalog the command still validates, and only skips those checks.
func TestValidateCommandCatalogMissing(t *testing.T) {
	t.Setenv("ASLSTUDIO_CATALOG", t.TempDir()) // no index.json
	file := writeFile(t, t.TempDir(), "put.asl.json", putItemDef)
	var out, errb bytes.Buffer
	if code := run([]string{"validate", file}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d, want %d (stderr %q)", code, exitOK, errb.String())
	}
	if strings.Contains(out.String(), "UNKNOWN_PARAMETER") {
		t.Errorf("checked against a catalog that is not there:\n%s", out.String())
	}
	if !strings.Contains(errb.String(), "service catalog checks skipped") {
		t.Errorf("stderr does not say the checks were skipped: %q", errb.String())
	}
}
