package expr

import "testing"

// TestCheckJSONataNumberDot: a number literal ending with a decimal point
// is a syntax error in jsonata-js (which AWS runs); the library accepted it
// at the end of the text.
func TestCheckJSONataNumberDot(t *testing.T) {
	for _, s := range []string{"420.", " 420.", "1 + 420.", "[1, 2] ~> $count() + 3.", "0."} {
		if err := CheckJSONata(s); err == nil {
			t.Errorf("CheckJSONata(%q) = nil, want an error", s)
		}
		if _, err := EvalJSONata(s, nil); err == nil {
			t.Errorf("EvalJSONata(%q) succeeded, want an error", s)
		}
	}
	for _, s := range []string{"420", "4.5", "[1..3]", `"x."`, "`a.`", "$states.input.a", "420.5 + 1"} {
		if err := CheckJSONata(s); err != nil {
			t.Errorf("CheckJSONata(%q) = %v, want nil", s, err)
		}
	}
}
