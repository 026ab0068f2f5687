package validate

import "testing"

func TestPathRules(t *testing.T) {
	runRules(t, []ruleCase{
		{name: "valid paths", src: sm(`"A":{"Type":"Pass","InputPath":"$.a","OutputPath":"$$.Execution.Id","ResultPath":"$.r","Parameters":{"x.$":"$.y","f.$":"States.Format('{}', $.z)"},"End":true}`)},
		{name: "null paths", src: sm(`"A":{"Type":"Pass","InputPath":null,"OutputPath":null,"ResultPath":null,"End":true}`)},
		{name: "bad InputPath", src: sm(`"A":{"Type":"Pass","InputPath":"bug$.x","End":true}`), code: CodeSchema, path: "/States/A/InputPath"},
		{name: "bad ResultPath", src: sm(`"A":{"Type":"Pass","ResultPath":"..guid","End":true}`), code: CodeSchema, path: "/States/A/ResultPath"},
		{name: "ResultPath into a variable", src: sm(`"A":{"Type":"Pass","ResultPath":"$foo","End":true}`), code: CodeSchema, path: "/States/A/ResultPath"},
		{name: "ResultPath with wildcard", src: sm(`"A":{"Type":"Pass","ResultPath":"$.a[*]","End":true}`), code: CodeSchema, path: "/States/A/ResultPath"},
		{name: "dynamic value not a path", src: sm(`"A":{"Type":"Pass","Parameters":{"x.$":"hello"},"End":true}`), code: CodeSchema, path: "/States/A/Parameters/x.$"},
		{name: "dynamic value nested", src: sm(`"A":{"Type":"Pass","Parameters":{"o":{"a":[{"x.$":"nope"}]}},"End":true}`), code: CodeSchema, path: "/States/A/Parameters/o/a/0/x.$"},
		{name: "intrinsic literal of the wrong type", src: sm(`"A":{"Type":"Pass","Parameters":{"x.$":"States.MathAdd(1,'-1')"},"End":true}`), code: CodeSchema, path: "/States/A/Parameters/x.$"},
		{name: "nested intrinsic", src: sm(`"A":{"Type":"Pass","Parameters":{"x.$":"States.MathAdd(States.ArrayLength($.a), -1)"},"End":true}`)},
		{name: "Fail ErrorPath intrinsic", src: sm(`"A":{"Type":"Fail","ErrorPath":"States.Format('{}', $.e)","CausePath":"$.c"}`)},
		{name: "JSONata unclosed", src: sm(`"A":{"Type":"Pass","Output":"{% 10 %","End":true}`, `"QueryLanguage":"JSONata"`), code: CodeSchema, path: "/States/A/Output"},
		{name: "JSONata in nested Output", src: sm(`"A":{"Type":"Pass","Output":{"a":["{% "]},"End":true}`, `"QueryLanguage":"JSONata"`), code: CodeSchema, path: "/States/A/Output/a/0"},
		{name: "JSONata comment is free text", src: sm(`"A":{"Type":"Pass","Comment":"{% not an expression","Output":"{% $states.input %}","End":true}`, `"QueryLanguage":"JSONata"`)},
		{name: "JSONata Assign", src: sm(`"A":{"Type":"Pass","Assign":{"x":"{% 1 %}","y":{"z":"{% $x %}"}},"End":true}`, `"QueryLanguage":"JSONata"`)},
		{name: "JSONPath Assign", src: sm(`"A":{"Type":"Pass","Assign":{"x.$":"$.a","y":1},"End":true}`)},
		{name: "JSONPath Assign bad path", src: sm(`"A":{"Type":"Pass","Assign":{"x.$":"a"},"End":true}`), code: CodeSchema, path: "/States/A/Assign/x.$"},
		{name: "duplicate after stripping .$", src: sm(`"A":{"Type":"Pass","Parameters":{"a":1,"a.$":"$.x"},"End":true}`), code: CodeSchema, path: "/States/A/Parameters/a.$"},
		{name: "skip path checks", src: sm(`"A":{"Type":"Pass","ResultPath":"..guid","End":true}`), opts: Options{SkipPathChecks: true}},
	})
}

func TestNoDollarWarning(t *testing.T) {
	ws := warningsOf(t, sm(`"A":{"Type":"Pass","Parameters":{"x":"$.y"},"End":true}`))
	if len(ws) != 1 || ws[0].Code != CodeNoDollar || ws[0].Path != "/States/A/Parameters/x" {
		t.Fatalf("want one NO_DOLLAR at /States/A/Parameters/x, got %v", ws)
	}
	if ws := warningsOf(t, sm(`"A":{"Type":"Pass","Parameters":{"x":"$ 5"},"End":true}`)); len(ws) != 0 {
		t.Fatalf("plain text must not warn, got %v", ws)
	}
}
