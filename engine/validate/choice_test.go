package validate

import "testing"

func choiceSM(rules string, lang ...string) string {
	return sm(`"A":{"Type":"Choice","Choices":[`+rules+`],"Default":"B"},"B":{"Type":"Succeed"}`, lang...)
}

func TestChoiceRules(t *testing.T) {
	runRules(t, []ruleCase{
		{name: "nested boolean rules", src: choiceSM(`{"And":[{"Variable":"$.a","NumericGreaterThan":1},{"Not":{"Variable":"$.b","IsPresent":true}}],"Next":"B"},{"Or":[{"Variable":"$.c","StringMatches":"x*"},{"Variable":"$.d","TimestampLessThanPath":"$.e"}],"Next":"B"}`)},
		{name: "no Choices", src: sm(`"A":{"Type":"Choice","Default":"B"},"B":{"Type":"Succeed"}`), code: CodeSchema, path: "/States/A"},
		{name: "empty Choices", src: choiceSM(``), code: CodeSchema, path: "/States/A/Choices"},
		{name: "rule without Next", src: choiceSM(`{"Variable":"$.a","IsNull":true}`), code: CodeSchema, path: "/States/A/Choices/0"},
		{name: "Next in nested rule", src: choiceSM(`{"Not":{"Variable":"$.a","IsNull":true,"Next":"B"},"Next":"B"}`), code: CodeSchema, path: "/States/A/Choices/0/Not/Next"},
		{name: "two operators", src: choiceSM(`{"Variable":"$.a","IsNull":true,"IsPresent":true,"Next":"B"}`), code: CodeSchema, path: "/States/A/Choices/0/IsPresent"},
		{name: "no operator", src: choiceSM(`{"Variable":"$.a","Next":"B"}`), code: CodeSchema, path: "/States/A/Choices/0"},
		{name: "Variable is an intrinsic", src: choiceSM(`{"Variable":"States.ArrayContains($.a, 'x')","BooleanEquals":true,"Next":"B"}`), code: CodeSchema, path: "/States/A/Choices/0/Variable"},
		{name: "numeric operand type", src: choiceSM(`{"Variable":"$.a","NumericEquals":"1","Next":"B"}`), code: CodeSchema, path: "/States/A/Choices/0/NumericEquals"},
		{name: "timestamp operand", src: choiceSM(`{"Variable":"$.a","TimestampEquals":"yesterday","Next":"B"}`), code: CodeSchema, path: "/States/A/Choices/0/TimestampEquals"},
		{name: "path operand", src: choiceSM(`{"Variable":"$.a","StringEqualsPath":"nope","Next":"B"}`), code: CodeSchema, path: "/States/A/Choices/0/StringEqualsPath"},
		{name: "Next on Choice", src: sm(`"A":{"Type":"Choice","Choices":[{"Variable":"$.a","IsNull":true,"Next":"B"}],"Next":"B"},"B":{"Type":"Succeed"}`), code: CodeSchema, path: "/States/A/Next"},
		{name: "JSONata condition", src: choiceSM(`{"Condition":"{% $states.input.a > 1 %}","Next":"B"},{"Condition":true,"Next":"B"}`, `"QueryLanguage":"JSONata"`)},
		{name: "JSONata rule with Variable", src: choiceSM(`{"Variable":"$.a","IsNull":true,"Next":"B"}`, `"QueryLanguage":"JSONata"`), code: CodeSchema, path: "/States/A/Choices/0/Variable"},
		{name: "Condition in JSONPath", src: choiceSM(`{"Condition":true,"Next":"B"}`), code: CodeSchema, path: "/States/A/Choices/0/Condition"},
	})
}
