package expr

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/internal/corpus"
)

// corpusCase is one recorded execution of the exec corpus.
type corpusCase struct {
	name     string
	def      *asl.Value
	input    any
	expected struct {
		Status string          `json:"status"`
		Output json.RawMessage `json:"output"`
		Error  json.RawMessage `json:"error"`
		Cause  json.RawMessage `json:"cause"`
	}
	meta struct {
		Tags              []string `json:"tags"`
		Scorable          bool     `json:"scorable"`
		MaskedOutputPaths []string `json:"masked_output_paths"`
	}
}

var (
	corpusOnce  sync.Once
	corpusCases []*corpusCase
	corpusErr   string
)

// loadCorpus reads every exec case once; a missing corpus fails the test.
func loadCorpus(t *testing.T) []*corpusCase {
	t.Helper()
	corpusOnce.Do(func() { corpusCases, corpusErr = readCorpus() })
	if corpusErr != "" {
		t.Fatal(corpusErr)
	}
	return corpusCases
}

func readCorpus() (out []*corpusCase, failure string) {
	defer func() {
		if r := recover(); r != nil {
			failure = fmt.Sprint(r)
		}
	}()
	t := corpusFatal{}
	dir, names, err := corpus.Cases("exec")
	if err != nil {
		t.Fatalf("conformance corpus: %v", err)
	}
	if len(names) == 0 {
		t.Fatalf("conformance corpus %s is empty", dir)
	}
	for _, n := range names {
		c := &corpusCase{name: n}
		read := func(f string) []byte {
			b, err := os.ReadFile(filepath.Join(dir, n, f))
			if err != nil {
				t.Fatalf("%s: %v", n, err)
			}
			return b
		}
		if c.def, err = asl.ParseJSON(read("definition.json")); err != nil {
			t.Fatalf("%s/definition.json: %v", n, err)
		}
		if c.input, err = asl.DecodeJSON(read("input.json")); err != nil {
			t.Fatalf("%s/input.json: %v", n, err)
		}
		if err := json.Unmarshal(read("expected.json"), &c.expected); err != nil {
			t.Fatalf("%s/expected.json: %v", n, err)
		}
		if err := json.Unmarshal(read("meta.json"), &c.meta); err != nil {
			t.Fatalf("%s/meta.json: %v", n, err)
		}
		out = append(out, c)
	}
	return out, ""
}

// corpusFatal lets readCorpus report like a *testing.T outside a test.
type corpusFatal struct{}

func (corpusFatal) Fatalf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }

func (c *corpusCase) hasTag(tag string) bool {
	for _, t := range c.meta.Tags {
		if t == tag {
			return true
		}
	}
	return false
}

// jsonataStrings collects the text inside every "{% … %}" string of v.
func jsonataStrings(v *asl.Value, out *[]string) {
	if v == nil {
		return
	}
	switch v.Kind {
	case asl.String:
		if inner, ok := IsJSONata(v.Str); ok {
			*out = append(*out, inner)
		}
	case asl.Array:
		for _, it := range v.Items {
			jsonataStrings(it, out)
		}
	case asl.Object:
		for _, f := range v.Fields {
			jsonataStrings(f.Value, out)
		}
	}
}

// TestCorpusJSONataCompiles compiles every JSONata expression of the
// definitions tagged "jsonata" in the exec corpus.
func TestCorpusJSONataCompiles(t *testing.T) {
	var exprs []string
	for _, c := range loadCorpus(t) {
		if c.hasTag("jsonata") {
			jsonataStrings(c.def, &exprs)
		}
	}
	if len(exprs) == 0 {
		t.Fatal("no JSONata expressions found in the corpus")
	}
	ok := 0
	for _, e := range exprs {
		if err := CheckJSONata(e); err != nil {
			t.Errorf("%v", err)
			continue
		}
		ok++
	}
	t.Logf("JSONata expressions compiled: %d/%d (%.1f%%)", ok, len(exprs), 100*float64(ok)/float64(len(exprs)))
}

var causePrefix = regexp.MustCompile(`^An error occurred while executing the state '[^']*' \(entered at the event id #\d+\)\. `)

// runPass runs a definition made of one Pass state through this package:
// InputPath, Parameters/Result/Output, ResultPath, OutputPath, as the
// simulator does.
func runPass(def *asl.Value, input any) (any, error) {
	states := def.Get("States")
	name := states.Fields[0].Key
	st := states.Fields[0].Value
	jsonata := false
	if s, _ := def.Get("QueryLanguage").StringValue(); s == "JSONata" {
		jsonata = true
	}
	if s, ok := st.Get("QueryLanguage").StringValue(); ok {
		jsonata = s == "JSONata"
	}
	ctx := map[string]any{
		"Execution":    map[string]any{"Id": "arn:aws:states:us-east-1:111111111111:execution:sm:exec", "Input": input, "Name": "exec", "RoleArn": "arn:aws:iam::111111111111:role/r", "StartTime": "2024-01-01T00:00:00.000Z"},
		"StateMachine": map[string]any{"Id": "arn:aws:states:us-east-1:111111111111:stateMachine:sm", "Name": "sm"},
		"State":        map[string]any{"Name": name, "EnteredTime": "2024-01-01T00:00:00.000Z", "RetryCount": int64(0)},
	}
	env := &Env{Input: input, Context: ctx, Vars: map[string]any{}}
	if a := st.Get("Assign"); a != nil {
		if _, err := Assign(a, env, jsonata); err != nil {
			return nil, err
		}
	}
	if jsonata {
		out := input
		if o := st.Get("Output"); o != nil {
			return EvalJSONataValueField("Output", o, env)
		}
		return out, nil
	}
	data := input
	var err error
	if p, ok := st.Get("InputPath").StringValue(); ok {
		if data, err = Select(p, env); err != nil {
			return nil, err
		}
	}
	result := data
	if p := st.Get("Parameters"); p != nil {
		if result, err = EvalTemplate(p, &Env{Input: data, Context: ctx}); err != nil {
			return nil, err
		}
	}
	if r := st.Get("Result"); r != nil {
		result = asl.ToAny(r)
	}
	out := result
	if rp := st.Get("ResultPath"); rp != nil {
		if rp.Kind == asl.Null {
			out = input
		} else if out, err = SetResult(input, rp.Str, result); err != nil {
			return nil, err
		}
	}
	if p, ok := st.Get("OutputPath").StringValue(); ok {
		if out, err = Select(p, &Env{Input: out, Context: ctx}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// TestCorpusSinglePass runs every exec case whose definition is one Pass
// state (Parameters, Output, Result, ResultPath, OutputPath: payload
// templates, intrinsic functions, JSONPath and JSONata) and compares the
// output, or the error and cause, with what AWS recorded.
func TestCorpusSinglePass(t *testing.T) {
	total, passed, skipped := 0, 0, 0
	for _, c := range loadCorpus(t) {
		states := c.def.Get("States")
		if states == nil || len(states.Fields) != 1 {
			continue
		}
		if typ, _ := states.Fields[0].Value.Get("Type").StringValue(); typ != "Pass" {
			continue
		}
		if !c.meta.Scorable || len(c.meta.MaskedOutputPaths) > 0 || strings.Contains(string(c.expected.Output), "RandomNumberGenerated") {
			skipped++
			continue
		}
		var wantErr string
		json.Unmarshal(c.expected.Error, &wantErr)
		if c.expected.Status == "FAILED" && !strings.HasPrefix(wantErr, "States.") || wantErr == "States.DataLimitExceeded" {
			skipped++ // not an expression failure: the simulator's
			continue
		}
		total++
		out, err := runPass(c.def, c.input)
		switch c.expected.Status {
		case "SUCCEEDED":
			want, derr := asl.DecodeJSON(c.expected.Output)
			if derr != nil {
				t.Fatalf("%s: expected output: %v", c.name, derr)
			}
			if err != nil {
				t.Errorf("%s: error %v, want output %s", c.name, err, truncate(string(asl.EncodeJSON(want)), 300))
				continue
			}
			if got, w := string(asl.EncodeJSON(out)), string(asl.EncodeJSON(want)); got != w {
				t.Errorf("%s:\n got %s\nwant %s", c.name, truncate(got, 300), truncate(w, 300))
				continue
			}
		case "FAILED":
			var wantCause string
			json.Unmarshal(c.expected.Cause, &wantCause)
			e, ok := err.(*Error)
			if !ok {
				t.Errorf("%s: got output %s (err %v), want error %v: %v", c.name, truncate(string(asl.EncodeJSON(out)), 300), err, wantErr, wantCause)
				continue
			}
			wantCause = causePrefix.ReplaceAllString(wantCause, "")
			if e.Name != wantErr || !causeMatches(e.Cause, wantCause) {
				t.Errorf("%s:\n got %s: %s\nwant %s: %s", c.name, e.Name, e.Cause, wantErr, wantCause)
				continue
			}
		default:
			t.Errorf("%s: unexpected status %s", c.name, c.expected.Status)
			continue
		}
		passed++
	}
	if total == 0 {
		t.Fatal("no single-Pass cases found in the corpus")
	}
	t.Logf("single-Pass corpus cases: %d/%d passed (%d skipped: masked or unscorable)", passed, total, skipped)
}

// causeMatches compares causes, treating the recorder's placeholders
// ('<json-input:1>' etc.) as wildcards.
func causeMatches(got, want string) bool {
	parts := regexp.MustCompile(`<[A-Za-z_\-]+(:\d+)?>`).Split(want, -1)
	var re strings.Builder
	re.WriteString("^")
	for i, p := range parts {
		if i > 0 {
			re.WriteString(".*")
		}
		re.WriteString(regexp.QuoteMeta(p))
	}
	re.WriteString("$")
	return regexp.MustCompile(re.String()).MatchString(got)
}
