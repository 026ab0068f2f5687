package validate

import "testing"

func jsonataPass(output string) string {
	return sm(`"A":{"Type":"Pass","Output":`+output+`,"End":true}`, `"QueryLanguage":"JSONata"`)
}

func TestJSONataRules(t *testing.T) {
	runRules(t, []ruleCase{
		{name: "states and variables", src: jsonataPass(`{"a":"{% $states.input.items[price > 10].name %}","b":"{% $x.y %}","c":"{% $map($states.input.v, function($v) { $v.a }) %}","d":"{% $states.input.orders{customer: $sum(total)} %}"}`)},
		{name: "syntax error", src: jsonataPass(`"{% 1 + %}"`), code: CodeInvalidJSONata, path: "/States/A/Output"},
		{name: "top-level name", src: jsonataPass(`{"v":"{% phone %}"}`), code: CodeUnsupportedJSONata, path: "/States/A/Output/v"},
		{name: "top-level path", src: jsonataPass(`"{% order.items %}"`), code: CodeUnsupportedJSONata, path: "/States/A/Output"},
		{name: "top-level name as an argument", src: jsonataPass(`"{% $sum(price) %}"`), code: CodeUnsupportedJSONata, path: "/States/A/Output"},
		{name: "dollar at the top level", src: jsonataPass(`"{% $.a %}"`), code: CodeUnsupportedJSONata, path: "/States/A/Output"},
		{name: "dollar inside a predicate", src: jsonataPass(`"{% $states.input.items[$.price > 1] %}"`)},
		{name: "double dollar", src: jsonataPass(`"{% $$.a %}"`), code: CodeUnsupportedJSONata, path: "/States/A/Output"},
		{name: "errorOutput outside a catcher", src: jsonataPass(`"{% $states.errorOutput %}"`), code: CodeUnsupportedJSONata, path: "/States/A/Output"},
		{name: "errorOutput in a catcher", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"],"Next":"B","Output":"{% $states.errorOutput %}","Assign":{"e":"{% $states.errorOutput.Error %}"}}],"End":true},"B":{"Type":"Succeed"}`, `"QueryLanguage":"JSONata"`)},
	})
}
