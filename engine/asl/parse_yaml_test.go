package asl

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseYAMLValues(t *testing.T) {
	cases := []struct {
		src  string
		want string // EncodeJSON of ToAny
		lit  string // literal of the first member when a number
	}{
		{"a: 1", `{"a":1}`, "1"},
		{"a: 1.50", `{"a":1.5}`, "1.50"},
		{"a: 0x1F", `{"a":31}`, "31"},
		{"a: 0o17", `{"a":15}`, "15"},
		{"a: 1_000", `{"a":1000}`, "1000"},
		{"a: +5", `{"a":5}`, "5"},
		{"a: 1e3", `{"a":1000.0}`, "1e3"},
		{"a: .5", `{"a":0.5}`, "0.5"},
		{"a: .inf", `{"a":".inf"}`, ""},
		{"a: ~", `{"a":null}`, ""},
		{"a:", `{"a":null}`, ""},
		{"a: true", `{"a":true}`, ""},
		{"a: yes", `{"a":"yes"}`, ""},
		{"a: '1'", `{"a":"1"}`, ""},
		{"a: !!str 1", `{"a":"1"}`, ""},
		{"a: 2020-01-01", `{"a":"2020-01-01"}`, ""},
		{"a: [1, {b: c}]", `{"a":[1,{"b":"c"}]}`, ""},
		{"a: |\n  x\n  y\n", `{"a":"x\ny\n"}`, ""},
		{"base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n", `{"base":{"x":1,"y":2},"d":{"x":1,"y":3}}`, ""},
		{"l: &l [1, 2]\nm: *l\n", `{"l":[1,2],"m":[1,2]}`, ""},
		{"- a\n- b\n", `["a","b"]`, ""},
		{"just a string", `"just a string"`, ""},
	}
	for _, c := range cases {
		v, err := ParseYAML([]byte(c.src))
		if err != nil {
			t.Errorf("ParseYAML(%q): %v", c.src, err)
			continue
		}
		if got := string(EncodeJSON(ToAny(v))); got != c.want {
			t.Errorf("ParseYAML(%q) = %s, want %s", c.src, got, c.want)
		}
		if c.lit != "" {
			if got := v.Fields[0].Value; got.Kind != Number || got.Str != c.lit {
				t.Errorf("ParseYAML(%q) literal = %v %q, want number %q", c.src, got.Kind, got.Str, c.lit)
			}
		}
	}
}

func TestParseYAMLPositions(t *testing.T) {
	src := "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Comment: \"é é\"\n    End: true\n"
	v, err := ParseYAML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a := v.Get("States").Fields[0]
	if a.KeyPos != (Pos{3, 3, 21}) {
		t.Errorf("key A at %+v", a.KeyPos)
	}
	end := a.Value.Fields[2]
	if end.KeyPos.Line != 6 || end.KeyPos.Col != 5 || src[end.KeyPos.Offset:end.KeyPos.Offset+3] != "End" {
		t.Errorf("End key at %+v", end.KeyPos)
	}
	if p := end.Value.Pos; src[p.Offset:p.Offset+4] != "true" || p.Col != 10 {
		t.Errorf("End value at %+v", p)
	}
}

func TestParseYAMLErrors(t *testing.T) {
	cases := []struct {
		src  string
		line int
	}{
		{"a: b\nc: [1, 2\n", 2}, // yaml reports where the flow sequence began
		{"a:\n  - x\n  y: 1\n", 2},
		{"a: b\nc: !<tag:x> [\n  - x\n", 3},
		{"a: b\n  c: d\n", 2},
		{"a: *nope\n", 1},
		{"", 1},
		{"{x: 1}: y\n", 1},
	}
	for _, c := range cases {
		_, err := ParseYAML([]byte(c.src))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("ParseYAML(%q): %v, want *SyntaxError", c.src, err)
			continue
		}
		if se.Line != c.line || se.Col < 1 || !strings.HasPrefix(se.Error(), "line ") {
			t.Errorf("ParseYAML(%q): %v at %d:%d, want line %d", c.src, se, se.Line, se.Col, c.line)
		}
	}
}

func TestParseYAMLAliasBomb(t *testing.T) {
	src := `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`
	start := time.Now()
	_, err := ParseYAML([]byte(src))
	if err == nil || !strings.Contains(err.Error(), "aliases expand") {
		t.Errorf("alias bomb: err = %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("alias bomb took %v", d)
	}
}

func TestParseAutodetect(t *testing.T) {
	for _, src := range []string{`{"a": [1]}`, "\n  {\"a\": [1]}", "\xef\xbb\xbf{\"a\": [1]}", "a:\n  - 1\n", "a: [1]"} {
		v, err := Parse([]byte(src))
		if err != nil {
			t.Errorf("Parse(%q): %v", src, err)
			continue
		}
		if got := string(EncodeJSON(ToAny(v))); got != `{"a":[1]}` {
			t.Errorf("Parse(%q) = %s", src, got)
		}
	}
	// JSON errors come from the JSON parser, with its column.
	_, err := Parse([]byte("{\"a\": tru}"))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Col != 10 {
		t.Errorf("Parse JSON error = %v", err)
	}
}

func TestPointerLookup(t *testing.T) {
	v, err := ParseJSON([]byte(`{"States":{"A/B":{"Next":"x","L":[1,{"m~n":true}]}},"":{"":0}}`))
	if err != nil {
		t.Fatal(err)
	}
	state := v.Get("States").Get("A/B")
	inner := state.Get("L").Items[1].Get("m~n")
	cases := []struct {
		node *Value
		ptr  string
	}{
		{v, ""},
		{state, "/States/A~1B"},
		{state.Get("Next"), "/States/A~1B/Next"},
		{inner, "/States/A~1B/L/1/m~0n"},
		{v.Get("").Get(""), "//"},
	}
	for _, c := range cases {
		if got := Pointer(c.node, v); got != c.ptr {
			t.Errorf("Pointer = %q, want %q", got, c.ptr)
		}
		if got := Pointer(v, c.node); got != c.ptr {
			t.Errorf("Pointer (root first) = %q, want %q", got, c.ptr)
		}
		if got := Lookup(v, c.ptr); got != c.node {
			t.Errorf("Lookup(%q) = %+v", c.ptr, got)
		}
	}
	for _, bad := range []string{"States", "/Nope", "/States/A~1B/L/2", "/States/A~1B/L/01", "/States/A~1B/L/-", "/States/A~1B/Next/x"} {
		if got := Lookup(v, bad); got != nil {
			t.Errorf("Lookup(%q) = %+v, want nil", bad, got)
		}
	}
	if got := Pointer(NewString("elsewhere"), v); got != "" {
		t.Errorf("Pointer of a foreign node = %q", got)
	}
	if got := JoinPointer("/States", "A/B", "Next"); got != "/States/A~1B/Next" {
		t.Errorf("JoinPointer = %q", got)
	}
}

func TestCloneEqual(t *testing.T) {
	v, err := ParseYAML([]byte("a: !Ref x\nb: [1, {c: d}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := v.Clone()
	if !Equal(v, c) || !reflect.DeepEqual(v, c) {
		t.Fatal("clone differs")
	}
	c.Get("b").Items[1].Set("c", NewString("changed"))
	if v.Get("b").Items[1].Get("c").Str != "d" {
		t.Error("clone shares nodes with the original")
	}
	if Equal(v, c) {
		t.Error("Equal missed a change")
	}
	c2 := v.Clone()
	c2.Get("a").Tag = ""
	if Equal(v, c2) {
		t.Error("Equal ignores tags")
	}
}
