package expr

import (
	"testing"
	"time"
)

func fuzzEnv() *Env {
	n := 0.0
	return &Env{
		Input:   map[string]any{"a": map[string]any{"b": []any{int64(1), "x", nil, 2.5}}, "s": "str", "n": nil, "arr": []any{map[string]any{"k": int64(1)}}},
		Context: map[string]any{"Execution": map[string]any{"Input": map[string]any{}}},
		Vars:    map[string]any{"v": []any{int64(1), int64(2)}, "o": map[string]any{"k": "v"}},
		Rand:    func() float64 { n += 0.37; return n - float64(int(n)) },
	}
}

// FuzzPath: CheckPath, CheckReferencePath, Select and SetResult never
// panic, and SetResult never modifies its input.
func FuzzPath(f *testing.F) {
	for _, s := range []string{"$", "$.a.b[0]", "$..b", "$.a.b[?(@ > 1)]", "$['a']['b'][-1]", "$$.Execution", "$v[1]", "$o.k", "$.a.b[1:3]", "$.a[*]", "$[", "$.a.", "$['x", "$.a[(@.length-1)]", "$.a[0,1]", "$.a.b[99]", "$.[*].['a', 'b']", "$[?(@.a==b)]", "$.s.[0]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = CheckPath(s)
		_ = CheckReferencePath(s)
		env := fuzzEnv()
		_, _ = Select(s, env)
		_, _ = SelectField("f.$", s, env)
		before := encode(env.Input)
		_, _ = SetResult(env.Input, s, "r")
		if after := encode(env.Input); after != before {
			t.Fatalf("SetResult(%q) modified its input: %s → %s", s, before, after)
		}
	})
}

// FuzzIntrinsic: parsing and evaluating any call never panics and errors
// are *Error.
func FuzzIntrinsic(f *testing.F) {
	for _, s := range []string{
		"States.Format('{} {}', $.s, 1.5)", "States.Array(1, 'a', null, true, $v)", "States.ArrayRange(1, 9, 2)",
		"States.ArrayPartition($v, 1)", "States.JsonMerge($o, $o, false)", "States.MathRandom(1, 100)",
		"States.Hash('x', 'MD5')", "States.StringSplit('a,b', ',')", "States.StringToJson('{\"a\":[1]}')",
		"States.ArrayGetItem(States.StringSplit('a-b', '-'), States.MathAdd(1, -1))", "States.UUID()",
		"States.Format('\\{\\}\\'')", "States.Array(", "States.(", "States.Base64Decode(States.Base64Encode('x'))",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = CheckIntrinsic(s)
		_, err := EvalIntrinsic(s, fuzzEnv())
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("EvalIntrinsic(%q) error %T %v is not *Error", s, err, err)
			}
		}
	})
}

// FuzzJSONata: compiling and evaluating any expression never panics or
// hangs, and errors are *Error.
func FuzzJSONata(f *testing.F) {
	for _, s := range []string{
		"$states.input.a.b[0]", "$sum([1,2]) + 1", "$partition($v, 1)", "$range(0, 5, 2)", "$hash('a', 'SHA-1')",
		"$parse('[1]')", "$uuid()", "$random()", "{'a': $o}", "$map($v, function($x){$x*2})", "$x := 1; $x",
		"$states.input.n", "$keys($o)", "$string(1/3)", "$error('e')", "(", "$$", "**", "[1..3]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 200 {
			return // keep each case fast: the library's range operator and recursion are bounded by input size
		}
		_ = CheckJSONata(s)
		done := make(chan error, 1)
		go func() {
			_, err := EvalJSONata(s, fuzzEnv())
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Fatalf("EvalJSONata(%q) error %T %v is not *Error", s, err, err)
				}
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("EvalJSONata(%q) did not finish in 5s", s)
		}
	})
}
