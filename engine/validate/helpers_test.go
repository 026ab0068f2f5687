package validate

import (
	"strings"
	"testing"
)

// ruleCase is one table entry: a definition and either no ERROR (code
// empty) or an ERROR with code at path.
type ruleCase struct {
	name string
	src  string
	code string // expected error code; "" means the definition must have no ERROR
	path string // JSON pointer the error must point at (when code is set)
	opts Options
}

// runRules checks every case of a table.
func runRules(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			diags, err := ValidateBytes([]byte(tc.src), tc.opts)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			var errs []Diagnostic
			for _, d := range diags {
				if d.Severity == Error {
					errs = append(errs, d)
				}
			}
			if tc.code == "" {
				if len(errs) > 0 {
					t.Fatalf("want no errors, got %v", errs)
				}
				return
			}
			for _, d := range errs {
				if d.Code == tc.code && d.Path == tc.path {
					if d.Line == 0 || d.Column == 0 {
						t.Errorf("diagnostic %v has no position", d)
					}
					return
				}
			}
			t.Fatalf("want %s at %q, got %v", tc.code, tc.path, errs)
		})
	}
}

// warningsOf returns the warning codes of a definition.
func warningsOf(t *testing.T, src string) []Diagnostic {
	t.Helper()
	diags, err := ValidateBytes([]byte(src), Options{})
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var out []Diagnostic
	for _, d := range diags {
		if d.Severity == Warning {
			out = append(out, d)
		}
	}
	return out
}

// sm wraps states (the members of "States") in a definition starting at
// "A"; extra top-level members go in top.
func sm(states string, top ...string) string {
	return `{` + strings.Join(append(top, ""), ",") + `"StartAt":"A","States":{` + states + `}}`
}
