package expr

import "testing"

// TestJSONataSortedOrder: the wildcard, the descendant operator and $sift
// visit object members in sorted key order, the same on every run (Go's map
// order changes from run to run, so 20 runs would expose it).
func TestJSONataSortedOrder(t *testing.T) {
	input := `{"a":{"z":1,"b":2,"m":[3,4],"c":{"k":5}},"arr":[{"x":1,"y":2},{"y":3,"x":4}],"o":{"d":4,"a":1,"c":3,"b":2,"e":5}}`
	tests := []struct{ expr, want string }{
		{"$states.input.a.*", `[2,{"k":5},3,4,1]`},
		{"$states.input.arr.*", `[1,2,4,3]`},
		{"$states.input.o.*", `[1,2,3,4,5]`},
		{"$string($states.input.o.*)", `"[1,2,3,4,5]"`},
		{"$states.input.o.* ~> $count()", `5`},
		{"[$states.input.o.*][1]", `2`},
		{"$states.input.a.*.k", `5`},
		{"$filter($states.input.a.**, function($v){$type($v) = 'number'})", `[2,5,3,4,1]`},
		{"$states.input.**.k", `5`},
		{"$sift($states.input.o, function($v, $k){$k != 'c'})", `{"a":1,"b":2,"d":4,"e":5}`},
		// $random() answers 0.9, 0.1, 0.9, … (Rand below): $sift keeps the
		// members it visits first, third and fifth, so only sorted visits
		// give the same object every time.
		{"$sift($states.input.o, function($v){$random() > 0.5})", `{"a":1,"c":3,"e":5}`},
		// Multiplication, strings and regular expressions are untouched.
		{"2 * 3", `6`},
		{"$sum($states.input.arr.(x*y))", `14`},
		{"$states.input.arr[0].x*$states.input.arr[0].y", `2`},
		{"[1,2,3].($ * 2)", `[2,4,6]`},
		{`"a*b" & '**'`, `"a*b**"`},
		{`$match("aab", /a*b/).match`, `"aab"`},
		{"$states.input.o.c*2", `6`},
		{"($states.input.o.b)*($states.input.o.c)", `6`},
		{"$states.input.o.b and *", `false`},
	}
	for run := 0; run < 20; run++ {
		for _, tc := range tests {
			n := 0
			env := &Env{Input: js(t, input), Rand: func() float64 {
				n++
				if n%2 == 1 {
					return 0.9
				}
				return 0.1
			}}
			got, err := EvalJSONata(tc.expr, env)
			if err != nil {
				t.Fatalf("run %d: %s: %v", run, tc.expr, err)
			}
			wantJSON(t, tc.expr, got, tc.want)
		}
		if t.Failed() {
			t.Fatalf("run %d differs", run)
		}
	}
}

func TestRewriteWildcards(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a.*", "a.$__values()"},
		{"a.**.b", "a.$__descendants().b"},
		{"*", "$__values()"},
		{"a * b", "a * b"},
		{"(a)*2", "(a)*2"},
		{"[1]*2", "[1]*2"},
		{"x and *.y", "x and $__values().y"},
		{`"*" & '*'`, `"*" & '*'`},
		{"`a*`.*", "`a*`.$__values()"},
		{"$match(s, /a*/)", "$match(s, /a*/)"},
		{"a / 2 * 3", "a / 2 * 3"},
		{"{'k': *}", "{'k': $__values()}"},
		{"a.*[0]", "a.$__values()[0]"},
	}
	for _, tc := range tests {
		if got, _ := rewriteWildcards(tc.in); got != tc.want {
			t.Errorf("rewriteWildcards(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
