package expr

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestIsJSONata(t *testing.T) {
	for s, want := range map[string]string{"{% $x %}": "$x", "{%1%}": "1", "{% %}": ""} {
		if got, ok := IsJSONata(s); !ok || got != want {
			t.Errorf("IsJSONata(%q) = %q, %v", s, got, ok)
		}
	}
	for _, s := range []string{" {% states.input %} ", "{% x", "x %}", "{%}", "$.a"} {
		if _, ok := IsJSONata(s); ok {
			t.Errorf("IsJSONata(%q) = true", s)
		}
	}
}

func TestEvalJSONata(t *testing.T) {
	env := &Env{
		Input:          js(t, `{"a":1,"f":1.5,"n":null,"arr":[1,2,3],"s":"x","input_values":[1,2,3],"empty":[],"o":{"e":[]},"objs":[{"b":[]},{"b":[1]}],"one":[5]}`),
		Context:        js(t, `{"State":{"Name":"S","EnteredTime":"2024-01-01T00:00:00Z"}}`),
		Vars:           map[string]any{"v": int64(3), "nv": nil, "obj": js(t, `{"k":"v"}`), "var_constant_1": int64(1)},
		Result:         js(t, `{"Payload":{"status":"ok"}}`),
		HasResult:      true,
		ErrorOutput:    js(t, `{"Error":"E","Cause":"C"}`),
		HasErrorOutput: true,
		Now:            func() time.Time { return time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC) },
	}
	tests := []struct{ expr, want string }{
		{"$states.input.a", `1`},
		{"$states.input.f", `1.5`},
		{"$states.input.n", `null`},
		{"$type($states.input.n)", `"null"`},
		{"$states.input.arr[0]", `1`},
		{"$sum($states.input.input_values) + $var_constant_1", `7`},
		{"1/2", `0.5`},
		{"3/1", `3`},
		{"$v", `3`},
		{"$nv", `null`},
		{"$obj.k", `"v"`},
		{"$states.context.State.Name", `"S"`},
		{"$states.result.Payload.status", `"ok"`},
		{"$states.errorOutput.Cause", `"C"`},
		{"{'foo': 'bar'}", `{"foo":"bar"}`},
		{"$partition([1,2,3], 2)", `[[1,2],[3]]`},
		{"$partition([0], 1)", `[[0]]`},
		{"$range(0, 9, 3)", `[0,3,6,9]`},
		{"$range(1, 1, 1)", `1`},
		{"$hash('input data', 'MD5')", `"812f45842bc6d66ee14572ce20db8e86"`},
		{"$parse('{\"a\":[1,null]}')", `{"a":[1,null]}`},
		{"$contains('hello$world', /^hello\\$/)", `true`},
		{"$number(\"2\")", `2`},
		{"$exists($nope) ? 'yes' : 'no'", `"no"`},
		{"$keys({'b':1,'a':2})", `["a","b"]`},
		{"$base64encode('Data to encode')", `"RGF0YSB0byBlbmNvZGU="`},
		{"$base64decode('RGF0YSB0byBlbmNvZGU=')", `"Data to encode"`},
		{"$now()", `"2024-05-06T07:08:09.000Z"`},
		{"$millis()", `1714979289000`},
		{"[$nope]", `[]`},
		{"$states.input.arr.($ * 2)", `[2,4,6]`},
		{"$variable := 1", `1`},
		// jsonata-js returns a selected empty array as [] (the library: undefined)
		{"$states.input.empty", `[]`},
		{"$states.input.o.e", `[]`},
		{"$states.input.objs[0].b", `[]`},
		{"$states.input.objs.b", `1`},
		{"$states.input.one", `[5]`},
		{"$distinct([$states.input.a, 1])", `[1]`},
		{"$states.input.arr[$states.input.a]", `2`},
		{"$states.input ~> $exists()", `true`},
	}
	for _, tc := range tests {
		if err := CheckJSONata(tc.expr); err != nil {
			t.Errorf("CheckJSONata(%s): %v", tc.expr, err)
		}
		got, err := EvalJSONata(tc.expr, env)
		if err != nil {
			t.Errorf("EvalJSONata(%s): %v", tc.expr, err)
			continue
		}
		wantJSON(t, tc.expr, got, tc.want)
	}
}

// TestJSONataErrors checks AWS's wording recorded in the corpus.
func TestJSONataErrors(t *testing.T) {
	env := &Env{Input: js(t, `{"FunctionInput":{"fst":1}}`)}
	_, err := EvalJSONataField("Output/result", "$doesNotExist", env)
	wantErr(t, "undefined", err, ErrQueryEvaluation, "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).")
	_, err = EvalJSONataField("Output/FunctionResult", "$randomSeeded($states.input.FunctionInput.fst)", env)
	wantErr(t, "non-function", err, ErrQueryEvaluation, "The JSONata expression '$randomSeeded($states.input.FunctionInput.fst)' specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function")
	_, err = EvalJSONata("'a' + 1", env)
	wantErr(t, "non-number", err, ErrQueryEvaluation, `The JSONata expression ''a' + 1' threw an error during evaluation. T2001: The left side of the "+" operator must evaluate to a number`)
	// No context document, as in AWS: top-level $ and bare names select nothing.
	for _, e := range []string{"$.FunctionInput", "FunctionInput", "$$.FunctionInput"} {
		if v, err := EvalJSONata(e, env); err == nil {
			t.Errorf("EvalJSONata(%s) = %v, want undefined", e, v)
		}
	}
	if v, ok, err := EvalJSONataOptional("$nope", env); ok || err != nil || v != nil {
		t.Errorf("EvalJSONataOptional($nope) = %v, %v, %v", v, ok, err)
	}
	for _, bad := range []string{"", "(", "$x :=", "{'a': }", "1 +"} {
		if err := CheckJSONata(bad); err == nil {
			t.Errorf("CheckJSONata(%q) = nil, want an error", bad)
		}
	}
	_, err = EvalJSONata("$partition([1], 0)", env)
	if e, ok := err.(*Error); !ok || !strings.Contains(e.Cause, "chunk size must be greater than 0") {
		t.Errorf("$partition([1], 0) error = %v", err)
	}
}

// TestJSONataVariablesDoNotLeak: a cached expression must not see the
// variables of an earlier evaluation.
func TestJSONataVariablesDoNotLeak(t *testing.T) {
	if v, err := EvalJSONata("$leak", &Env{Vars: map[string]any{"leak": "x"}}); err != nil || v != "x" {
		t.Fatalf("$leak = %v, %v", v, err)
	}
	if v, err := EvalJSONata("$leak", &Env{}); err == nil {
		t.Errorf("$leak after its variable was gone = %v, want undefined", v)
	}
}

func TestJSONataRandomAndUUID(t *testing.T) {
	env := &Env{Rand: func() float64 { return 0.25 }, UUID: func() string { return "u-1" }}
	if v, _ := EvalJSONata("$random()", env); v != 0.25 {
		t.Errorf("$random() = %v, want Env.Rand's 0.25", v)
	}
	a, _ := EvalJSONata("$random(7)", env)
	b, _ := EvalJSONata("$random(7)", &Env{})
	if a != b {
		t.Errorf("$random(7) not deterministic: %v vs %v", a, b)
	}
	if v, _ := EvalJSONata("$uuid()", env); v != "u-1" {
		t.Errorf("$uuid() = %v", v)
	}
}

// TestJSONataCompat checks the JSONata 2.x behaviour the adapter adds over
// the library (results as jsonata-js 2.0.6 gives them).
func TestJSONataCompat(t *testing.T) {
	tests := []struct{ expr, want string }{
		{"$number('0x10')", `16`},
		{"$number('0b101')", `5`},
		{"$number('1.5')", `1.5`},
		{"$number(true)", `1`},
		{"$single([7])", `7`},
		{"$single([1,2,3], function($v){$v > 2})", `3`},
		{"$encodeUrlComponent('a b+c/d')", `"a%20b%2Bc%2Fd"`},
		{"$encodeUrl('https://x.org/a b?q=1&r=é')", `"https://x.org/a%20b?q=1&r=%C3%A9"`},
		{"$decodeUrlComponent('a%20b+c')", `"a b+c"`},
		{"$keys({'a':1})", `"a"`},
		{"$distinct([1, 1.0, $parse('1')])", `[1]`},
		{"[$number('0x10'), 16] ~> $distinct()", `[16]`},
		// $formatInteger / $parseInteger (jsonata-js 2.0.6 documentation examples)
		{"$formatInteger(2789, 'w')", `"two thousand, seven hundred and eighty-nine"`},
		{"$formatInteger(1999, 'I')", `"MCMXCIX"`},
		{"$formatInteger(12, 'Ww')", `"Twelve"`},
		{"$formatInteger(21, 'w;o')", `"twenty-first"`},
		{"$formatInteger(1234567, '#,##0')", `"1,234,567"`},
		{"$formatInteger(7, '000')", `"007"`},
		{"$formatInteger(22, '0;o')", `"22nd"`},
		{"$formatInteger(12, '0;o')", `"12th"`},
		{"$formatInteger(28, 'A')", `"AB"`},
		{"$formatInteger(-5, '00')", `"-05"`},
		{"$parseInteger('twelve thousand, four hundred and seventy-six', 'w')", `12476`},
		{"$parseInteger('12,345,678', '#,##0')", `12345678`},
		{"$parseInteger('MCMXCIX', 'I')", `1999`},
		{"$parseInteger('ab', 'a')", `28`},
		{"$parseInteger('21st', '0;o')", `21`},
	}
	for _, tc := range tests {
		got, err := EvalJSONata(tc.expr, &Env{})
		if err != nil {
			t.Errorf("EvalJSONata(%s): %v", tc.expr, err)
			continue
		}
		wantJSON(t, tc.expr, got, tc.want)
	}
	for expr, code := range map[string]string{
		"$number('abc')":                     "D3030",
		"$single([1,2])":                     "D3138",
		"$single([1], function($v){$v > 5})": "D3139",
		"$assert(false, 'must be true')":     "D3141: must be true",
		"$decodeUrlComponent('%E0%A4%A')":    "D3140",
	} {
		_, err := EvalJSONata(expr, &Env{})
		if e, ok := err.(*Error); !ok || !strings.Contains(e.Cause, code) {
			t.Errorf("EvalJSONata(%s) error = %v, want %s", expr, err, code)
		}
	}
}

// TestJSONataApplyRepeatable: the library rewrites "x ~> $f()" in its
// syntax tree when it evaluates it; cached expressions must still give the
// same result every time.
func TestJSONataApplyRepeatable(t *testing.T) {
	env := &Env{Input: js(t, `{"s":"0x10","arr":[7],"u":"a b","a":{"z":1,"b":2}}`)}
	tests := []struct{ expr, want string }{
		{"$states.input.s ~> $number()", `16`},
		{"$states.input.arr ~> $single()", `7`},
		{"$states.input.u ~> $encodeUrlComponent()", `"a%20b"`},
		{"$states.input.arr ~> $partition(1)", `[[7]]`},
		{"$states.input.u ~> $uppercase() ~> $substring(0, 1)", `"A"`},
		{"$states.input.a ~> $spread()", `[{"b":2},{"z":1}]`},
		{"$states.input.a ~> $each(function($v, $k){$k & $v})", `["b2","z1"]`},
		{"$each($states.input.a, function($v){$v * 10})", `[20,10]`},
	}
	for i := 0; i < 3; i++ {
		for _, tc := range tests {
			got, err := EvalJSONata(tc.expr, env)
			if err != nil {
				t.Errorf("run %d: EvalJSONata(%s): %v", i, tc.expr, err)
				continue
			}
			wantJSON(t, tc.expr, got, tc.want)
		}
	}
}

// TestJSONataConcurrent: Parallel branches and Map iterations may evaluate
// the same cached expression at once (run with -race).
func TestJSONataConcurrent(t *testing.T) {
	done := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func(g int) {
			env := &Env{Input: map[string]any{"n": int64(g)}, Vars: map[string]any{"v": int64(g)}}
			for i := 0; i < 50; i++ {
				v, err := EvalJSONata("$states.input.n + $v", env)
				if err != nil || v != int64(2*g) {
					done <- fmt.Sprintf("goroutine %d: %v, %v", g, v, err)
					return
				}
				if _, err := EvalJSONata("$states.input ~> $keys()", env); err != nil {
					done <- err.Error()
					return
				}
			}
			done <- ""
		}(g)
	}
	for g := 0; g < 8; g++ {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}
