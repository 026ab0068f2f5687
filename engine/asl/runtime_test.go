package asl

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

func TestDecodeJSONTypes(t *testing.T) {
	cases := []struct {
		src  string
		want any
	}{
		{`1`, int64(1)},
		{`-42`, int64(-42)},
		{`1.0`, 1.0},
		{`1e2`, 100.0},
		{`9223372036854775808`, 9223372036854775808.0},
		{`1e400`, math.MaxFloat64},
		{`"x"`, "x"},
		{`[true,null]`, []any{true, nil}},
		{`{"a":{"b":[0.5]}}`, map[string]any{"a": map[string]any{"b": []any{0.5}}}},
	}
	for _, c := range cases {
		got, err := DecodeJSON([]byte(c.src))
		if err != nil {
			t.Errorf("DecodeJSON(%s): %v", c.src, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("DecodeJSON(%s) = %#v, want %#v", c.src, got, c.want)
		}
	}
	if _, err := DecodeJSON([]byte(`{"a":}`)); err == nil {
		t.Error("DecodeJSON accepted invalid JSON")
	}
}

func TestEncodeJSON(t *testing.T) {
	cases := []struct {
		in   any
		want string
	}{
		{nil, `null`},
		{true, `true`},
		{int64(-3), `-3`},
		{1.0, `1.0`},
		{-0.0, `0.0`},
		{2.5, `2.5`},
		{1e21, `1e+21`},
		{1e-7, `1e-7`},
		{123456789.0, `123456789.0`},
		{math.NaN(), `null`},
		{"<a&b>", `"<a&b>"`},
		{"q\"\\\n\t\x01\u2028é", `"q\"\\\n\t\u0001\u2028é"`},
		{[]any{int64(1), 1.5, "s"}, `[1,1.5,"s"]`},
		{map[string]any{"b": int64(1), "a": map[string]any{"d": nil, "c": []any{}}}, `{"a":{"c":[],"d":null},"b":1}`},
		{[]string{"x", "y"}, `["x","y"]`},
		{map[string]int{"z": 1, "y": 2}, `{"y":2,"z":1}`},
	}
	for _, c := range cases {
		if got := string(EncodeJSON(c.in)); got != c.want {
			t.Errorf("EncodeJSON(%#v) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestEncodeJSONStringsMatchStdlib compares string escaping with
// encoding/json with HTML escaping off.
func TestEncodeJSONStringsMatchStdlib(t *testing.T) {
	var all []byte
	for i := 0; i < 0x80; i++ {
		all = append(all, byte(i))
	}
	for _, s := range []string{string(all), "\xff\xfe bad utf8", "\u2028\u2029\ufeff", "日本語 😀", `{% $x %}`} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		want := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		if got := EncodeJSON(s); !bytes.Equal(got, want) {
			t.Errorf("EncodeJSON(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestFromAnyRoundTrip(t *testing.T) {
	x := map[string]any{"n": int64(7), "f": 3.0, "s": "x", "l": []any{nil, false, 0.25}, "o": map[string]any{}}
	v := FromAny(x)
	if got := ToAny(v); !reflect.DeepEqual(got, x) {
		t.Errorf("ToAny(FromAny(x)) = %#v, want %#v", got, x)
	}
	if got := v.Get("f").Str; got != "3.0" {
		t.Errorf("FromAny(3.0) literal = %q, want 3.0", got)
	}
	if got := v.Keys(); !reflect.DeepEqual(got, []string{"f", "l", "n", "o", "s"}) {
		t.Errorf("FromAny keys = %v, want sorted", got)
	}
	back, err := DecodeJSON(EncodeJSON(x))
	if err != nil || !reflect.DeepEqual(back, x) {
		t.Errorf("DecodeJSON(EncodeJSON(x)) = %#v, %v", back, err)
	}
}
