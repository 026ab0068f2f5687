package validate

import "testing"

// FuzzValidate feeds arbitrary bytes to ValidateBytes: any input gives
// diagnostics (or a syntax error), never a panic or a hang, and the
// diagnostics are well-formed and sorted.
func FuzzValidate(f *testing.F) {
	seeds := []string{
		``, `{}`, `[]`, `null`, `"x"`, `{"StartAt":`,
		sm(`"A":{"Type":"Pass","End":true}`),
		sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["States.ALL"],"BackoffRate":0.5}],"Catch":[{"ErrorEquals":["X"],"Next":"B"}],"Next":"B"},"B":{"Type":"Succeed"}`),
		choiceSM(`{"And":[{"Variable":"$.a","IsNull":true},{"Not":{"Variable":"$.b","StringEqualsPath":"$.c"}}],"Next":"B"}`),
		mapSM(distProc + `,"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"MaxItems":1}},"Label":"a b"`),
		sm(`"A":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","Next":"A"}}}]}`),
		sm(`"A":{"Type":"Pass","Output":"{% $states.input.x[ %}","End":true}`, `"QueryLanguage":"JSONata"`),
		sm(`"A":{"Type":"Pass","Parameters":{"x.$":"States.Format('{}', States.ArrayLength($.a))","y.$":"$..b[?(@.c>1)]"},"End":true}`),
		sm(`"A":{"Type":"Wait","Timestamp":"2016-03-14T01:59:00Z","Seconds":"${S}","End":true}`),
		"StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n",
		"StartAt: A\nStates:\n  A: &x\n    Type: Pass\n    Next: *x\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		diags, err := ValidateBytes(src, Options{})
		if err != nil && (len(diags) != 1 || diags[0].Code != CodeInvalidJSON) {
			t.Fatalf("a syntax error must give one INVALID_JSON_DESCRIPTION diagnostic, got %v", diags)
		}
		for i, d := range diags {
			if (d.Severity != Error && d.Severity != Warning) || d.Code == "" || d.Message == "" {
				t.Fatalf("malformed diagnostic %+v", d)
			}
			if i > 0 {
				p := diags[i-1]
				if p.Line > d.Line || (p.Line == d.Line && p.Column > d.Column) {
					t.Fatalf("diagnostics not sorted: %v before %v", p, d)
				}
			}
		}
		// The other option combinations must not panic either.
		ValidateBytes(src, Options{RejectPlaceholders: true, NoWarnings: true, Type: "EXPRESS", SkipPathChecks: true, SkipResourceChecks: true})
	})
}
