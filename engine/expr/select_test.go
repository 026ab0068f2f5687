package expr

import (
	"strings"
	"testing"
)

func TestSelect(t *testing.T) {
	env := &Env{
		Input:   js(t, `{"a":{"b":[10,20,{"c":"x"}]},"delivery-partner":"ups","items":[{"k":0,"s":1},{"k":1,"s":0},{"k":2,"s":0}],"vals":[0,10,20,30,40,50],"x y":1,"Test\\\"\"Name\"":"v","n":null}`),
		Context: js(t, `{"Execution":{"Input":{"q":1},"Name":"e1"},"Map":{"Item":{"Index":2}}}`),
		Vars:    map[string]any{"v": js(t, `{"f":[1,2]}`), "s": "str", "nul": nil},
	}
	tests := []struct{ path, want string }{
		{"$", "" /* whole input, checked below */},
		{"$.a.b[0]", `10`},
		{"$.a.b[-1].c", `"x"`},
		{"$.a['b'][2]", `{"c":"x"}`},
		{`$.a["b"][1]`, `20`},
		{"$.delivery-partner", `"ups"`},
		{"$['x y']", `1`},
		{`$['Test\""Name"']`, `"v"`}, // backslash kept, as AWS does (corpus ESCAPE_SEQUENCES_JSONPATH)
		{"$.n", `null`},
		{"$.vals[3:]", `[30,40,50]`},
		{"$.vals[:2]", `[0,10]`},
		{"$.vals[0,2]", `[0,20]`},
		{"$.items[*].k", `[0,1,2]`},
		{"$.items[?(@.s == 0)].k", `[1,2]`},
		{"$..c", `["x"]`},
		{"$.a.*", `[[10,20,{"c":"x"}]]`},
		{"$$.Execution.Input.q", `1`},
		{"$$.Map.Item.Index", `2`},
		{"$$", `{"Execution":{"Input":{"q":1},"Name":"e1"},"Map":{"Item":{"Index":2}}}`},
		{"$v", `{"f":[1,2]}`},
		{"$v.f[1]", `2`},
		{"$s", `"str"`},
		{"$nul", `null`},
		{"$.nothing[*]", `[]`},
	}
	for _, tc := range tests {
		got, err := Select(tc.path, env)
		if err != nil {
			t.Errorf("Select(%q): %v", tc.path, err)
			continue
		}
		if tc.want == "" {
			if got == nil {
				t.Errorf("Select($) = nil")
			}
			continue
		}
		wantJSON(t, "Select("+tc.path+")", got, tc.want)
	}
}

// TestSelectErrors checks AWS's wording (recorded in the corpus) for paths
// that select nothing.
func TestSelectErrors(t *testing.T) {
	env := &Env{Input: js(t, `{"a":{"b":1},"arr":[1,2],"s":"x"}`), Context: js(t, `{"Execution":{"Input":{}}}`)}
	tests := []struct{ path, cause string }{
		{"$.NoSuchOutputPath", "Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']"},
		{"$.no.such.result.path", "Invalid path '$.no.such.result.path' : Missing property in path $['no']"},
		{"$.a.c", "Invalid path '$.a.c' : No results for path: $['a']['c']"},
		{"$.arr[5]", "Invalid path '$.arr[5]' : No results for path: $['arr'][5]"},
		{"$undefinedVar", "Invalid path '$undefinedVar' : The variable '$undefinedVar' is not defined"},
	}
	for _, tc := range tests {
		_, err := Select(tc.path, env)
		wantErr(t, tc.path, err, ErrRuntime, tc.cause)
	}
	_, err := SelectField("value.$", "$.no_such_jsonpath", env)
	wantErr(t, "SelectField", err, ErrRuntime, `The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"a":{"b":1},"arr":[1,2],"s":"x"}'`)
	_, err = SelectField("value.$", "$$.Execution.Input.no_such_jsonpath", env)
	wantErr(t, "SelectField $$", err, ErrRuntime, `The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"Execution":{"Input":{}}}'`)
	_, err = Select("$.s.x", env)
	if err == nil || !strings.Contains(err.Error(), "Expected to find an object with property ['x'] in path $['s']") {
		t.Errorf("Select($.s.x) error = %v", err)
	}
}

func TestCheckPaths(t *testing.T) {
	valid := []string{"$", "$.a", "$.a.b[0]", "$['a b']", "$$", "$$.Execution.Input", "$var", "$var.x[1]", "$.a-b", "$.items[*]", "$..x", "$.a[?(@.b > 1)]", "$.a[1:2]", "$[(@.length-1)].bar"}
	for _, p := range valid {
		if err := CheckPath(p); err != nil {
			t.Errorf("CheckPath(%q) = %v, want nil", p, err)
		}
	}
	invalid := []string{"", "a.b", "bug$.library.movies", "$.", "$.a.", "$[", "$['unterminated]", "()", ".guid", "..guid", "$[]", "$.items.length()", "$.a.b()"}
	for _, p := range invalid {
		if err := CheckPath(p); err == nil {
			t.Errorf("CheckPath(%q) = nil, want an error", p)
		}
	}
	refValid := []string{"$", "$.a.b", "$['x'][0]", "$$.Execution.Input", "$guess", "$.fooList[0]"}
	for _, p := range refValid {
		if err := CheckReferencePath(p); err != nil {
			t.Errorf("CheckReferencePath(%q) = %v, want nil", p, err)
		}
	}
	refInvalid := []string{"$.a[*]", "$..a", "$.a[?(@.x)]", "$.a[1:2]", "$.a[0,1]", "$.a.*", "$..."}
	for _, p := range refInvalid {
		if err := CheckReferencePath(p); err == nil {
			t.Errorf("CheckReferencePath(%q) = nil, want an error", p)
		}
	}
	if err := CheckResultPath("$$.Execution"); err == nil {
		t.Error("CheckResultPath($$.Execution) = nil, want an error")
	}
	if err := CheckResultPath("$foo"); err == nil {
		t.Error("CheckResultPath($foo) = nil, want an error")
	}
	if err := CheckResultPath("$.a.b"); err != nil {
		t.Errorf("CheckResultPath($.a.b) = %v", err)
	}
}

// TestSelectDeterministic: wildcards and descents visit object members in
// key order, the same on every run.
func TestSelectDeterministic(t *testing.T) {
	env := &Env{Input: js(t, `{"a":{"z":1,"b":2,"m":{"k":3},"c":4,"x":5,"y":6},"arr":[{"k":1},{"k":2,"j":{"k":5}}]}`)}
	for i := 0; i < 5; i++ {
		for path, want := range map[string]string{
			"$.a.*":               `[2,4,{"k":3},5,6,1]`,
			"$..k":                `[3,1,2,5]`,
			"$..[?(@.k)]":         `[{"k":3},{"k":1},{"j":{"k":5},"k":2},{"k":5}]`,
			"$.a['z','c']":        `{"c":4,"z":1}`,
			"$.arr[*]['j','k']":   `[{"k":1},{"j":{"k":5},"k":2}]`,
			"$.arr[*]['j','k'].k": `[5]`,
		} {
			got, err := Select(path, env)
			if err != nil {
				t.Fatalf("Select(%s): %v", path, err)
			}
			wantJSON(t, path, got, want)
		}
	}
}
