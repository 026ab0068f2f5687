package expr

import (
	"regexp"
	"strings"
	"testing"
)

// TestIntrinsics uses the examples of AWS's intrinsic functions page.
func TestIntrinsics(t *testing.T) {
	env := &Env{
		Input: js(t, `{"name":"Arnav","someString":"{\"number\": 20}","someJson":{"name":"Arnav"},
			"inputArray":[1,2,3,4,5,6,7,8,9],"dup":[1,2,3,3,3,3,3,3,4],"lookingFor":5,"index":5,
			"input":"Data to encode","base64":"RGF0YSB0byBlbmNvZGU=","Data":"input data","Algorithm":"SHA-1",
			"json1":{"a":{"a1":1,"a2":2},"b":2},"json2":{"a":{"a3":1,"a4":2},"c":3},
			"value1":111,"step":-1,"inputString":"1,2,3,4,5","splitter":",","f":1.5,"obj":{"k":[1,"s",null]}}`),
		Context: js(t, `{"StateMachine":{"Name":"my-state-machine"}}`),
		Vars:    map[string]any{"x": int64(7)},
	}
	tests := []struct{ call, want string }{
		{`States.Format('Hello, my name is {}.', $.name)`, `"Hello, my name is Arnav."`},
		{`States.Format('Welcome to {} {}\'s playlist.', $.name, 'X')`, `"Welcome to Arnav X's playlist."`},
		{`States.Format('literal \{\} and {}', 1)`, `"literal {} and 1"`},
		{`States.Format('{} {} {} {}', null, 1.5, true, $.obj)`, `"null 1.5 true {k=[1, s, null]}"`},
		{`States.Format('{}', $x)`, `"7"`},
		{`States.StringToJson($.someString)`, `{"number":20}`},
		{`States.JsonToString($.someJson)`, `"{\"name\":\"Arnav\"}"`},
		{`States.JsonToString($.f)`, `"1.5"`},
		{`States.Array('Foo', 2020, $.someJson, null)`, `["Foo",2020,{"name":"Arnav"},null]`},
		{`States.Array()`, `[]`},
		{`States.ArrayPartition($.inputArray,4)`, `[[1,2,3,4],[5,6,7,8],[9]]`},
		{`States.ArrayContains($.inputArray, $.lookingFor)`, `true`},
		{`States.ArrayContains($.inputArray, '5')`, `false`},
		{`States.ArrayRange(1, 9, 2)`, `[1,3,5,7,9]`},
		{`States.ArrayRange(0, 3, 1)`, `[0,1,2,3]`},
		{`States.ArrayRange(9, 1, -4)`, `[9,5,1]`},
		{`States.ArrayGetItem($.inputArray, $.index)`, `6`},
		{`States.ArrayLength($.inputArray)`, `9`},
		{`States.ArrayUnique($.dup)`, `[1,2,3,4]`},
		{`States.Base64Encode($.input)`, `"RGF0YSB0byBlbmNvZGU="`},
		{`States.Base64Decode($.base64)`, `"Data to encode"`},
		{`States.Hash($.Data, $.Algorithm)`, `"aaff4a450a104cd177d28d18d74485e8cae074b7"`},
		{`States.Hash('input data', 'SHA-256')`, `"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3"`},
		{`States.JsonMerge($.json1, $.json2, false)`, `{"a":{"a3":1,"a4":2},"b":2,"c":3}`},
		{`States.MathAdd($.value1, $.step)`, `110`},
		{`States.MathAdd(States.ArrayLength($.inputArray), -1)`, `8`},
		{`States.MathAdd(63, 4.3)`, `67`},
		{`States.MathAdd(1.49, 1.5)`, `3`},
		{`States.MathAdd(-1.49, -1.5)`, `-2`},
		{`States.MathAdd(-1.5, -1.51)`, `-3`},
		{`States.MathAdd(1.5, 1.51)`, `4`},
		{`States.MathAdd(-2.5, 0)`, `-2`},
		{`States.MathAdd(2.5, 0)`, `3`},
		{`States.StringToJson(' ')`, `null`},
		{`States.StringToJson('-0')`, `0`},
		{`States.ArrayRange(0.6, 2.4, 1)`, `[1,2]`},
		{`States.StringSplit($.inputString, $.splitter)`, `["1","2","3","4","5"]`},
		{`States.StringSplit('This.is+a,test=string', '.+,=')`, `["This","is","a","test","string"]`},
		{`States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))`, `"machine"`},
		{`  States.ArrayLength( $.inputArray )  `, `9`},
	}
	for _, tc := range tests {
		if err := CheckIntrinsic(tc.call); err != nil {
			t.Errorf("CheckIntrinsic(%s): %v", tc.call, err)
		}
		got, err := EvalIntrinsic(tc.call, env)
		if err != nil {
			t.Errorf("EvalIntrinsic(%s): %v", tc.call, err)
			continue
		}
		wantJSON(t, tc.call, got, tc.want)
	}
}

func TestIntrinsicRandomAndUUID(t *testing.T) {
	n := 0.0
	env := &Env{Rand: func() float64 { n += 0.1; return n }}
	for i := 0; i < 5; i++ {
		v, err := EvalIntrinsic("States.MathRandom(1, 11)", env)
		if err != nil {
			t.Fatal(err)
		}
		if v.(int64) != int64(2+i) {
			t.Errorf("MathRandom #%d = %v, want %d (from the seeded Rand)", i, v, 2+i)
		}
	}
	a, _ := EvalIntrinsic("States.MathRandom(0, 999, 3)", &Env{})
	b, _ := EvalIntrinsic("States.MathRandom(0, 999, 3)", &Env{})
	if a != b {
		t.Errorf("seeded MathRandom differs between runs: %v, %v", a, b)
	}
	u, err := EvalIntrinsic("States.UUID()", &Env{})
	if err != nil || !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(u.(string)) {
		t.Errorf("UUID() = %v, %v", u, err)
	}
	u, _ = EvalIntrinsic("States.UUID()", &Env{UUID: func() string { return "fixed" }})
	if u != "fixed" {
		t.Errorf("UUID() with Env.UUID = %v", u)
	}
}

func TestIntrinsicErrors(t *testing.T) {
	env := &Env{Input: js(t, `{"arr":[1,2],"s":"x","o":{"a":1}}`)}
	tests := []struct{ call, contains string }{
		{`States.Format('{} {}', 1)`, "more placeholders"},
		{`States.Format('{}', 1, 2)`, "1 placeholder(s) '{}' but 2 argument(s)"},
		{`States.ArrayPartition($.arr, 0)`, "chunk size must be greater than 0"},
		{`States.ArrayPartition($.s, 1)`, "argument 1 must be an array, but was string"},
		{`States.ArrayRange(1, 5, 0)`, "step must not be 0"},
		{`States.ArrayRange(0, 2000, 1)`, "more than the limit of 1000"},
		{`States.ArrayGetItem($.arr, 2)`, "index 2 is out of bounds"},
		{`States.JsonMerge($.o, $.o, true)`, "deep merging is not supported"},
		{`States.MathAdd(1, '-1')`, "argument 2 must be a number, but was string"},
		{`States.MathAdd(1, null)`, "argument 2 must be a number, but was null"},
		{`States.Base64Decode('%%%')`, "not valid Base64"},
		{`States.Hash('x', 'SHA-3')`, "unsupported hash algorithm 'SHA-3'"},
		{`States.StringToJson('{bad')`, "not valid JSON"},
		{`States.MathRandom(5, 5)`, "must be greater than the start"},
	}
	for _, tc := range tests {
		_, err := EvalIntrinsic(tc.call, env)
		e, ok := err.(*Error)
		if !ok || e.Name != ErrIntrinsicFailure || !strings.Contains(e.Cause, tc.contains) {
			t.Errorf("EvalIntrinsic(%s) error = %v, want States.IntrinsicFailure containing %q", tc.call, err, tc.contains)
		}
	}
	_, err := EvalIntrinsicField("r.$", `States.ArrayLength($.missing)`, env)
	wantErr(t, "missing path argument", err, ErrRuntime, `The JSONPath '$.missing' specified for the field 'r.$' could not be found in the input '{"arr":[1,2],"o":{"a":1},"s":"x"}'`)
	bad := []string{
		`States.Nope(1)`, `States.ArrayLength()`, `States.UUID(1)`, `States.Format()`, `States.MathRandom(1)`,
		`States.Array(`, `States.Array('x)`, `States.Array(1 2)`, `States.Array(foo)`, `Format('x')`,
		`States.Array() extra`, `States.ArrayLength('notarray')`, `States.MathAdd(1, 'x')`, `States.Array($.)`,
		`States.Hash(1, 'MD5')`,
		strings.Repeat("States.Array(", 11) + strings.Repeat(")", 11),
	}
	if err := CheckIntrinsic(strings.Repeat("States.Array(", 10) + strings.Repeat(")", 10)); err != nil {
		t.Errorf("10 nested calls: %v", err)
	}
	for _, s := range bad {
		if err := CheckIntrinsic(s); err == nil {
			t.Errorf("CheckIntrinsic(%s) = nil, want an error", s)
		}
	}
}

func TestJavaDouble(t *testing.T) {
	for f, want := range map[float64]string{1.1: "1.1", 2: "2.0", 1e7: "1.0E7", 1.5e-5: "1.5E-5", 0.001: "0.001", -3.25: "-3.25", 123456789.5: "1.234567895E8"} {
		if got := javaDouble(f); got != want {
			t.Errorf("javaDouble(%v) = %s, want %s", f, got, want)
		}
	}
}
