package asl

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/internal/corpus"
)

// stdDecode decodes with encoding/json, numbers converted like ToAny does.
func stdDecode(t *testing.T, src []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(src))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	return convertNumbers(x)
}

func convertNumbers(x any) any {
	switch t := x.(type) {
	case json.Number:
		return numberToAny(string(t))
	case []any:
		for i := range t {
			t[i] = convertNumbers(t[i])
		}
	case map[string]any:
		for k := range t {
			t[k] = convertNumbers(t[k])
		}
	}
	return x
}

func TestParseJSONValues(t *testing.T) {
	cases := []string{
		`null`, `true`, `false`, `0`, `-0`, `1.50`, `-12e+3`, `1E-2`, `9223372036854775807`,
		`9223372036854775808`, `""`, `"a\"b\\c\/d\b\f\n\r\t"`, `"\u00e9\u4e2d\ud83d\ude00"`,
		`"\ud800x"`, `"é中😀"`, `[]`, `{}`, `[1,[2,[3]],{"a":{}}]`,
		" \n\t{ \"a\" : 1 , \"b\" : [ true , null ] }\r\n",
		`{"States":{"A":{"Type":"Pass","End":true}},"StartAt":"A"}`,
	}
	for _, src := range cases {
		v, err := ParseJSON([]byte(src))
		if err != nil {
			t.Errorf("ParseJSON(%q): %v", src, err)
			continue
		}
		got := ToAny(v)
		want := stdDecode(t, []byte(src))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ParseJSON(%q) = %#v, want %#v", src, got, want)
		}
	}
}

func TestParseJSONNumbersKeepLiteral(t *testing.T) {
	v, err := ParseJSON([]byte(`[1.0, 1, 1e2, -0.50]`))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"1.0", "1", "1e2", "-0.50"} {
		if got := v.Items[i].Str; got != want || v.Items[i].Kind != Number {
			t.Errorf("item %d = %v %q, want number %q", i, v.Items[i].Kind, got, want)
		}
	}
	if n, ok := v.Items[1].Int(); !ok || n != 1 {
		t.Errorf("Int() = %d, %v", n, ok)
	}
	if _, ok := v.Items[0].Int(); ok {
		t.Errorf("1.0 must not be an integer literal")
	}
}

func TestParseJSONPositions(t *testing.T) {
	src := "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": [1, \"x\"]\n  }\n}\n"
	v, err := ParseJSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, got, want Pos) {
		t.Helper()
		if got != want {
			t.Errorf("%s at %+v, want %+v", what, got, want)
		}
		lineStart := strings.LastIndex(src[:want.Offset], "\n") + 1
		if want.Col != want.Offset-lineStart+1 || want.Line != strings.Count(src[:want.Offset], "\n")+1 {
			t.Fatalf("bad test data for %s", what)
		}
	}
	check("root", v.Pos, Pos{1, 1, 0})
	check("root end", v.End, Pos{6, 2, len(src) - 1})
	check("StartAt key", v.Fields[0].KeyPos, Pos{2, 3, 4})
	check("StartAt value", v.Fields[0].Value.Pos, Pos{2, 14, 15})
	check("StartAt value end", v.Fields[0].Value.End, Pos{2, 17, 18})
	states := v.Get("States")
	check("States", states.Pos, Pos{3, 13, 32})
	a := states.Fields[0]
	check("A key", a.KeyPos, Pos{4, 5, 38})
	check("A value", a.Value.Pos, Pos{4, 10, 43})
	check("A[1]", a.Value.Items[1].Pos, Pos{4, 14, 47})
	check("A end", a.Value.End, Pos{4, 18, 51})
}

func TestParseJSONDuplicateKeys(t *testing.T) {
	v, err := ParseJSON([]byte(`{"a":1,"b":2,"a":3}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(v.Keys(), ","); got != "a,b,a" {
		t.Errorf("keys = %s, want a,b,a", got)
	}
	if got := ToAny(v).(map[string]any)["a"]; got != int64(3) {
		t.Errorf("ToAny: last duplicate must win, got %v", got)
	}
}

func TestParseJSONSyntaxErrors(t *testing.T) {
	cases := []struct {
		src       string
		line, col int
		msg       string
	}{
		{``, 1, 1, "unexpected end"},
		{`{`, 1, 2, "unexpected end"},
		{"{\n  \"a\": 1,\n  \"b\" 2\n}", 3, 7, "after object key"},
		{"{\"a\": 1,}", 1, 9, "beginning of object key"},
		{"[1,\n 2,\n ]", 3, 2, "beginning of value"},
		{`[1 2]`, 1, 4, "after array element"},
		{`{"a":1 "b":2}`, 1, 8, "after object key:value pair"},
		{`tru`, 1, 4, "unexpected end"},
		{`trux`, 1, 4, "in literal true"},
		{`01`, 1, 2, "after top-level value"},
		{`1.`, 1, 3, "unexpected end"},
		{`1.x`, 1, 3, "after decimal point"},
		{`1e`, 1, 3, "unexpected end"},
		{`-`, 1, 2, "unexpected end"},
		{`"abc`, 1, 5, "unexpected end"},
		{"\"a\nb\"", 1, 3, "in string literal"},
		{`"\x"`, 1, 3, "string escape"},
		{`"\u12"`, 1, 3, "four hex digits"},
		{`{} {}`, 1, 4, "after top-level value"},
		{`'a'`, 1, 1, "beginning of value"},
		{strings.Repeat("[", maxDepth+2), 1, maxDepth + 2, "max depth"},
	}
	for _, c := range cases {
		_, err := ParseJSON([]byte(c.src))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("ParseJSON(%.20q): error %v, want *SyntaxError", c.src, err)
			continue
		}
		if se.Line != c.line || se.Col != c.col || !strings.Contains(se.Msg, c.msg) {
			t.Errorf("ParseJSON(%.20q) = %d:%d %q, want %d:%d containing %q", c.src, se.Line, se.Col, se.Msg, c.line, c.col, c.msg)
		}
		if prefix := "line " + itoa(c.line) + ", column " + itoa(c.col) + ": "; !strings.HasPrefix(se.Error(), prefix) {
			t.Errorf("Error() = %q, want prefix %q", se.Error(), prefix)
		}
		if json.Valid([]byte(c.src)) {
			t.Errorf("%.20q is valid for encoding/json", c.src)
		}
	}
}

func itoa(n int) string { return string(FromAny(int64(n)).Str) }

// TestParseJSONCorpus parses every execution definition of the conformance
// corpus and checks the value against encoding/json's.
func TestParseJSONCorpus(t *testing.T) {
	files := corpusDefinitions(t)
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		v, err := ParseJSON(src)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if got, want := ToAny(v), stdDecode(t, src); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: value differs from encoding/json's", file)
		}
	}
}

// corpusDoc is one definition of the corpus, parsed.
type corpusDoc struct {
	file string
	doc  *Value
}

// corpusDocuments reads and parses every definition of the corpus.
func corpusDocuments(t testing.TB) []corpusDoc {
	t.Helper()
	var out []corpusDoc
	for _, file := range corpusDefinitions(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ParseJSON(src)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		out = append(out, corpusDoc{file, doc})
	}
	return out
}

// corpusDefinitions lists every definition.json under conformance/exec; it
// fails the test when the corpus is missing.
func corpusDefinitions(t testing.TB) []string {
	t.Helper()
	dir, cases, err := corpus.Cases("exec")
	if err != nil {
		t.Fatalf("conformance corpus: %v", err)
	}
	if len(cases) == 0 {
		t.Fatalf("conformance corpus %s is empty", dir)
	}
	files := make([]string, len(cases))
	for i, c := range cases {
		files[i] = filepath.Join(dir, c, "definition.json")
	}
	return files
}
