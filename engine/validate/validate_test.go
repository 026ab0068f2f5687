package validate

import (
	"strings"
	"testing"
)

func TestValidateBytesSyntaxError(t *testing.T) {
	diags, err := ValidateBytes([]byte("{\n  \"StartAt\": \"A\",\n  \"States\": {,}\n}"), Options{})
	if err == nil {
		t.Fatal("want a parse error")
	}
	if len(diags) != 1 || diags[0].Code != CodeInvalidJSON || diags[0].Line != 3 || diags[0].Column == 0 {
		t.Fatalf("want one INVALID_JSON_DESCRIPTION on line 3, got %v", diags)
	}
}

func TestValidateBytesNotAnObject(t *testing.T) {
	for _, src := range []string{"", "  ", "[1,2]", `"text"`} {
		diags, _ := ValidateBytes([]byte(src), Options{})
		if !HasErrors(diags) {
			t.Errorf("%q: want an error, got %v", src, diags)
		}
	}
}

func TestValidateBytesNotJSON(t *testing.T) {
	diags, err := ValidateBytes([]byte("not a definition"), Options{})
	if err == nil || len(diags) != 1 || diags[0].Code != CodeInvalidJSON || diags[0].Line != 1 {
		t.Fatalf("want one INVALID_JSON_DESCRIPTION, got %v (err %v)", diags, err)
	}
}

func TestValidateYAML(t *testing.T) {
	src := "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Missing\n"
	diags, err := ValidateBytes([]byte(src), Options{})
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	for _, d := range diags {
		if d.Code == CodeMissingTarget && d.Line == 5 && d.Column == 11 && d.Path == "/States/A/Next" {
			return
		}
	}
	t.Fatalf("want MISSING_TRANSITION_TARGET at 5:11 /States/A/Next, got %v", diags)
}

func TestDiagnosticsSortedByPosition(t *testing.T) {
	src := `{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "Nope"},
    "B": {"Type": "Task", "Resource": "x", "End": true}
  }
}`
	diags, _ := ValidateBytes([]byte(src), Options{})
	if len(diags) < 3 {
		t.Fatalf("want several diagnostics, got %v", diags)
	}
	for i := 1; i < len(diags); i++ {
		a, b := diags[i-1], diags[i]
		if a.Line > b.Line || (a.Line == b.Line && a.Column > b.Column) {
			t.Fatalf("not sorted: %v before %v", a, b)
		}
	}
	if s := diags[0].String(); !strings.HasPrefix(s, "4:") || !strings.Contains(s, "error MISSING_TRANSITION_TARGET") {
		t.Fatalf("String() = %q", s)
	}
}

func TestValidateNil(t *testing.T) {
	if diags := Validate(nil, Options{}); !HasErrors(diags) {
		t.Fatalf("nil document: want an error, got %v", diags)
	}
}
