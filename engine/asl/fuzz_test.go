package asl

import (
	"bytes"
	"testing"
)

// fuzzSeeds are small definitions in the shapes the corpus has, plus
// malformed and tricky inputs.
var fuzzSeeds = []string{
	`{"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"x":1.0},"End":true}}}`,
	`{"Comment":"c","StartAt":"T","TimeoutSeconds":5,"States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f","Payload.$":"$"},"Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":2,"BackoffRate":1.5,"JitterStrategy":"FULL"}],"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":null,"Next":"F"}],"End":true},"F":{"Type":"Fail","Error":"E","Cause":"C"}}}`,
	`{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"And":[{"Variable":"$.a","NumericGreaterThanEqualsPath":"$.b"},{"Not":{"Variable":"$.c","IsNull":true}}],"Next":"S"}],"Default":"S"},"S":{"Type":"Succeed"}}}`,
	`{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":"{% 1 %}","End":true}}}],"Output":"{% $states.result %}","Assign":{"v":"{% 1 %}"},"Next":"M"},"M":{"Type":"Map","Items":[1,2],"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}}`,
	`{"StartAt":"M","States":{"M":{"Type":"Map","Iterator":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"Parameters":{"x.$":"$$.Map.Item.Value"},"End":true}}}`,
	`{"a":"\u00e9\ud83d\ude00\"\\\/\b\f\n\r\t","b":[-0,1e-7,1E+2,12345678901234567890],"a":null}`,
	"{\n  \"a\": [\n    1,\n    2\n  ]\n}\n",
	`[]`, `""`, `nul`, `{"a" 1}`, `{"a":[1,]}`, "\"\xff\"", `"\ud800"`, `[[[[[[[[[[]]]]]]]]]]`,
	"StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n",
	"Resource: !GetAtt Fn.Arn\nName: !Sub \"${X}\"\nL: !Split [\",\", \"a,b\"]\n",
	"a: &a [1, 2]\nb: *a\nc:\n  <<: {x: 1}\n  y: 0x1F\n",
	"a: |\n  multi\n  line\nb: >-\n  folded\n  text\n",
	"a: b\n  c: d\n", "- [a, b\n", "? [a]\n: b\n", "a: !<tag:x> 1\n", "a: .inf\nb: 1_000\nc: 0o17\nd: yes\n",
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		v, err := ParseJSON(src)
		if err != nil {
			if _, ok := err.(*SyntaxError); !ok {
				t.Fatalf("error %T is not a *SyntaxError", err)
			}
			return
		}
		if v.Kind == Object {
			if _, err := Decode(v); err != nil {
				t.Fatalf("Decode: %v", err)
			}
		}
		out := PrintJSON(v)
		back, err := ParseJSON(out)
		if err != nil {
			t.Fatalf("PrintJSON output does not parse: %v\n%s", err, out)
		}
		if !Equal(v, back) {
			t.Fatalf("JSON round trip changed the value:\n%s\n%s", out, PrintJSON(back))
		}
		y := PrintYAML(v)
		yb, err := ParseYAML(y)
		if err != nil {
			t.Fatalf("PrintYAML output does not parse: %v\n%s", err, y)
		}
		if !Equal(v, yb) {
			t.Fatalf("JSON → YAML → JSON changed the value:\n%s\n%s", y, PrintJSON(yb))
		}
		if enc := EncodeJSON(ToAny(v)); !bytes.Equal(EncodeJSON(mustDecodeJSON(t, enc)), enc) {
			t.Fatalf("EncodeJSON is not stable: %s", enc)
		}
	})
}

func mustDecodeJSON(t *testing.T, src []byte) any {
	x, err := DecodeJSON(src)
	if err != nil {
		t.Fatalf("EncodeJSON output does not parse: %v\n%s", err, src)
	}
	return x
}

func FuzzParseYAML(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		v, err := Parse(src)
		if err != nil {
			if _, ok := err.(*SyntaxError); !ok {
				t.Fatalf("error %T is not a *SyntaxError: %v", err, err)
			}
			return
		}
		if v.Kind == Object {
			if _, err := Decode(v); err != nil {
				t.Fatalf("Decode: %v", err)
			}
		}
		checkExtents(t, v, len(src))
		y := PrintYAML(v)
		back, err := ParseYAML(y)
		if err != nil {
			t.Fatalf("PrintYAML output does not parse: %v\n%s\nfrom %q", err, y, src)
		}
		if !Equal(v, back) {
			t.Fatalf("YAML round trip changed the value:\n%s\nvs\n%s\nfrom %q", PrintJSON(v), PrintJSON(back), src)
		}
		if _, err := ParseJSON(PrintJSON(v)); err != nil {
			t.Fatalf("PrintJSON output does not parse: %v", err)
		}
	})
}

// checkExtents checks that every known position lies in the source and no
// node ends before it starts.
func checkExtents(t *testing.T, v *Value, n int) {
	t.Helper()
	if v.Pos.Offset < 0 || v.Pos.Offset > n || v.End.Offset > n {
		t.Fatalf("node at %+v–%+v outside a %d-byte source", v.Pos, v.End, n)
	}
	if v.End.IsValid() && v.End.Offset < v.Pos.Offset {
		t.Fatalf("node ends (%+v) before it starts (%+v)", v.End, v.Pos)
	}
	for _, it := range v.Items {
		checkExtents(t, it, n)
	}
	for _, f := range v.Fields {
		checkExtents(t, f.Value, n)
	}
}
