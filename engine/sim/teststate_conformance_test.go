package sim

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/catalog"
	"github.com/aslstudio/aslstudio/internal/corpus"
)

// minTestStateRate is the share of TestState cases (outside AWS's
// API-model validation of mocks) whose response matches; the goal is 90%.
const minTestStateRate = 0.90

func TestConformanceTestState(t *testing.T) {
	dir, cases, err := corpus.Cases("teststate")
	if err != nil {
		t.Fatalf("conformance corpus: %v", err)
	}
	if len(cases) == 0 {
		t.Fatalf("conformance corpus %s is empty", dir)
	}
	// The catalog (generated from AWS's API models) checks mocked results
	// like the TestState API; without a generated catalog those cases only
	// count apart.
	cat, catErr := catalog.LoadDefault()
	if catErr != nil {
		t.Logf("no generated catalog (%v): mock schema checks off", catErr)
		cat = nil
	}
	n, ok, modelN, modelOK := 0, 0, 0, 0
	var fails, modelFails []string
	for _, c := range cases {
		cd := filepath.Join(dir, c)
		read := func(name string) []byte {
			b, _ := os.ReadFile(filepath.Join(cd, name))
			return b
		}
		diff := runTestStateCase(read("definition.json"), read("input.json"), read("request.json"), read("expected.json"), cat)
		// Cases about AWS's API-model (schema) validation of mocked results.
		model := strings.Contains(c, "field_validation_mode")
		if model {
			modelN++
			if diff == "" {
				modelOK++
			} else {
				modelFails = append(modelFails, c+": "+diff)
			}
			continue
		}
		n++
		if diff == "" {
			ok++
		} else {
			fails = append(fails, c+": "+diff)
		}
	}
	for _, f := range fails {
		t.Log("FAIL " + f)
	}
	for _, f := range modelFails {
		t.Log("FAIL (schema) " + f)
	}
	rate := float64(ok) / float64(n)
	t.Logf("teststate conformance: %d/%d (%.1f%%); mock schema-validation cases (AWS API models, through engine/catalog) %d/%d", ok, n, 100*rate, modelOK, modelN)
	if rate < minTestStateRate {
		t.Errorf("teststate rate %.3f below %.3f", rate, minTestStateRate)
	}
}

func runTestStateCase(def, input, request, expected []byte, cat *catalog.Catalog) string {
	opts, err := ParseTestStateRequest(request)
	if err != nil {
		return "request: " + err.Error()
	}
	opts.Catalog = cat
	exp, err := asl.ParseJSON(expected)
	if err != nil {
		return "expected: " + err.Error()
	}
	// The recordings use account 111111111111 in every ARN.
	opts.Account = "111111111111"
	if opts.RoleArn == "snf_role_arn" {
		// The recorder replaced the request's role ARN by this word.
		opts.RoleArn = "arn:aws:iam::111111111111:role/StepFunctionsRole"
	}
	res, err := TestState(def, input, opts)
	if e := exp.Get("Error"); e != nil {
		code, _ := e.Get("Code").StringValue()
		msg, _ := e.Get("Message").StringValue()
		tse, isTS := err.(*TestStateError)
		if !isTS {
			if err != nil {
				return fmt.Sprintf("error %v, want %s: %s", err, code, msg)
			}
			return fmt.Sprintf("status %s (output %.100s), want API error %s: %s", res.Status, asl.EncodeJSON(res.Output), code, msg)
		}
		if tse.Code != code || tse.Message != msg {
			return fmt.Sprintf("API error %s: %s, want %s: %s", tse.Code, tse.Message, code, msg)
		}
		return ""
	}
	if err != nil {
		return "error: " + err.Error()
	}
	st, _ := exp.Get("status").StringValue()
	if res.Status != st {
		return fmt.Sprintf("status %s, want %s (error %s cause %.150s)", res.Status, st, res.Error, res.Cause)
	}
	for _, k := range []string{"error", "cause", "nextState"} {
		want, _ := exp.Get(k).StringValue()
		got := map[string]string{"error": res.Error, "cause": res.Cause, "nextState": res.NextState}[k]
		if !placeholderMatch(want, got) {
			return fmt.Sprintf("%s %.150q, want %.150q", k, got, want)
		}
	}
	if w := exp.Get("output"); w != nil {
		if d := diffLoose(asl.FromAny(res.Output), w, "output"); d != "" {
			return d
		}
	} else if res.HasOutput && res.Status != TestSucceeded {
		return "unexpected output"
	}
	wi := exp.Get("inspectionData")
	if (wi == nil) != (res.InspectionData == nil) {
		return fmt.Sprintf("inspectionData present %v, want %v", res.InspectionData != nil, wi != nil)
	}
	if wi != nil {
		for _, f := range wi.Fields {
			g, has := res.InspectionData[f.Key]
			if !has {
				return "inspectionData lacks " + f.Key
			}
			want := f.Value
			if want.Kind == asl.String {
				if _, isStr := g.(string); !isStr {
					if v, err := asl.ParseJSON([]byte(want.Str)); err == nil {
						want = v
					}
				}
			}
			if d := diffLoose(asl.FromAny(g), want, "inspectionData/"+f.Key); d != "" {
				return d
			}
		}
		for k := range res.InspectionData {
			if wi.Get(k) == nil {
				return "inspectionData has extra " + k
			}
		}
	}
	return ""
}

// diffLoose compares like diffValues, with the recorder's placeholders
// (<...>, "date") matching any string.
func diffLoose(got, want *asl.Value, where string) string {
	if want.Kind == asl.String && got.Kind == asl.String {
		if want.Str == "date" || placeholderMatch(want.Str, got.Str) {
			return ""
		}
		return fmt.Sprintf("%s: got %.150q, want %.150q", where, got.Str, want.Str)
	}
	if got.Kind != want.Kind {
		return fmt.Sprintf("%s: got %.150s, want %.150s", where, asl.EncodeJSON(asl.ToAny(got)), asl.EncodeJSON(asl.ToAny(want)))
	}
	switch got.Kind {
	case asl.Object:
		if len(got.Fields) != len(want.Fields) {
			return fmt.Sprintf("%s: got keys %v, want %v", where, got.Keys(), want.Keys())
		}
		for _, f := range want.Fields {
			g := got.Get(f.Key)
			if g == nil {
				return fmt.Sprintf("%s: missing %q", where, f.Key)
			}
			if d := diffLoose(g, f.Value, where+"/"+f.Key); d != "" {
				return d
			}
		}
		return ""
	case asl.Array:
		if len(got.Items) != len(want.Items) {
			return fmt.Sprintf("%s: %d items, want %d", where, len(got.Items), len(want.Items))
		}
		for i := range got.Items {
			if d := diffLoose(got.Items[i], want.Items[i], fmt.Sprintf("%s/%d", where, i)); d != "" {
				return d
			}
		}
		return ""
	}
	return diffValues(got, want, nil, nil)
}
