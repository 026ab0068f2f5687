//go:build !(js && wasm)

package web

import (
	"slices"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/catalog"
)

func parseObj(t *testing.T, src string) *asl.Value {
	t.Helper()
	v, err := asl.ParseJSON([]byte(src))
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return v
}

func compact(v *asl.Value) string { return string(asl.AppendCompactJSON(nil, v)) }

func TestParseOperandTypes(t *testing.T) {
	for _, c := range []struct {
		op, text string
		kind     asl.Kind
		want     string // compact JSON; "" means an error
	}{
		{"NumericGreaterThan", "500", asl.Number, "500"},
		{"NumericEquals", "-2.50", asl.Number, "-2.50"},
		{"NumericEquals", "007", asl.Number, "7"},
		{"NumericLessThan", "1e3", asl.Number, "1e3"},
		{"NumericEquals", "lots", 0, ""},
		{"NumericEquals", "0x10", 0, ""},
		{"NumericEquals", "", 0, ""},
		{"BooleanEquals", "false", asl.Bool, "false"},
		{"BooleanEquals", "TRUE", asl.Bool, "true"},
		{"BooleanEquals", "maybe", 0, ""},
		{"IsPresent", "", asl.Bool, "true"},
		{"IsNull", "false", asl.Bool, "false"},
		{"StringEquals", "42", asl.String, `"42"`},
		{"StringMatches", "log-*.txt", asl.String, `"log-*.txt"`},
		{"TimestampEquals", "2024-01-01T00:00:00Z", asl.String, `"2024-01-01T00:00:00Z"`},
		{"NumericEqualsPath", "$.limit", asl.String, `"$.limit"`},
		{"StringEqualsPath", "limit", 0, ""},
		{"BooleanEqualsPath", "$.flag", asl.String, `"$.flag"`},
	} {
		v, err := parseOperand(c.op, c.text)
		if c.want == "" {
			if err == nil {
				t.Errorf("%s %q: got %s, want an error", c.op, c.text, compact(v))
			} else if !strings.Contains(err.Error(), c.op) {
				t.Errorf("%s %q: the error %q does not name the operator", c.op, c.text, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %q: %v", c.op, c.text, err)
			continue
		}
		if v.Kind != c.kind || compact(v) != c.want {
			t.Errorf("%s %q = %s (%s), want %s (%s)", c.op, c.text, compact(v), v.Kind, c.want, c.kind)
		}
	}
}

func TestEveryOperatorHasAGroup(t *testing.T) {
	var all []string
	for _, g := range operatorGroups {
		all = append(all, g.ops...)
	}
	if len(all) != len(asl.ComparisonOperators) {
		t.Fatalf("the operator menu has %d operators, ASL %d", len(all), len(asl.ComparisonOperators))
	}
	for _, op := range asl.ComparisonOperators {
		if !slices.Contains(all, op) {
			t.Errorf("%s is missing from the operator menu", op)
		}
		// Every operator gets a default operand that it accepts.
		v := convertOperand(nil, op)
		if _, err := parseOperand(op, operandText(v)); err != nil {
			t.Errorf("%s: its default operand %s is refused: %v", op, compact(v), err)
		}
	}
}

func TestSetRuleOperatorKeepsVariableValueAndNext(t *testing.T) {
	r := parseObj(t, `{"Variable": "$.total", "NumericLessThan": 100, "Next": "Small"}`)
	if err := setRuleOperator(r, "NumericGreaterThanEquals"); err != nil {
		t.Fatal(err)
	}
	if got := compact(r); got != `{"Variable":"$.total","NumericGreaterThanEquals":100,"Next":"Small"}` {
		t.Errorf("after the operator change: %s", got)
	}
	// A number cannot be a boolean: the type test starts at true.
	setRuleOperator(r, "IsNumeric")
	if got := compact(r); got != `{"Variable":"$.total","IsNumeric":true,"Next":"Small"}` {
		t.Errorf("IsNumeric: %s", got)
	}
	// To a string comparison: a string.
	setRuleOperator(r, "StringEquals")
	if v := r.Get("StringEquals"); v.Kind != asl.String {
		t.Errorf("StringEquals after IsNumeric is a %s", v.Kind)
	}
	if err := setRuleOperator(r, "Equals"); err == nil {
		t.Error("an unknown operator was accepted")
	}
	if err := setRuleOperand(r, "gold"); err != nil || compact(r.Get("StringEquals")) != `"gold"` {
		t.Errorf("setRuleOperand: %v, %s", err, compact(r))
	}
	setRuleOperator(r, "NumericEquals")
	if err := setRuleOperand(r, "gold"); err == nil {
		t.Error("a word was accepted as a number")
	}
	if err := setRuleVariable(r, "total"); err == nil {
		t.Error("a Variable without $ was accepted")
	}
	if err := setRuleVariable(r, " $.order.total "); err != nil || compact(r.Get("Variable")) != `"$.order.total"` {
		t.Errorf("setRuleVariable: %v, %s", err, compact(r))
	}
}

func TestSetRuleKindRoundTrip(t *testing.T) {
	r := parseObj(t, `{"Variable": "$.total", "NumericLessThan": 100, "Next": "Small", "Comment": "c"}`)
	if err := setRuleKind(r, ruleAnd); err != nil {
		t.Fatal(err)
	}
	want := `{"And":[{"Variable":"$.total","NumericLessThan":100},{"Variable":"$.value","IsPresent":true}],"Next":"Small","Comment":"c"}`
	if got := compact(r); got != want {
		t.Errorf("to And:\n got %s\nwant %s", got, want)
	}
	if err := addNestedCondition(r, ""); err != nil || len(r.Get("And").Items) != 3 {
		t.Errorf("addNestedCondition: %v, %s", err, compact(r))
	}
	setRuleKind(r, ruleOr)
	if len(items(r.Get("Or"))) != 3 || r.Has("And") {
		t.Errorf("And to Or keeps the conditions: %s", compact(r))
	}
	setRuleKind(r, ruleCompare)
	if got := compact(r); got != `{"Variable":"$.total","NumericLessThan":100,"Next":"Small","Comment":"c"}` {
		t.Errorf("back to a comparison: %s", got)
	}
	setRuleKind(r, ruleNot)
	if got := compact(r); got != `{"Not":{"Variable":"$.total","NumericLessThan":100},"Next":"Small","Comment":"c"}` {
		t.Errorf("to Not: %s", got)
	}
	setRuleKind(r, ruleCompare)
	if got := compact(r); got != `{"Variable":"$.total","NumericLessThan":100,"Next":"Small","Comment":"c"}` {
		t.Errorf("Not back to a comparison: %s", got)
	}
	if err := setRuleKind(r, "Xor"); err == nil {
		t.Error("an unknown kind was accepted")
	}
}

func TestSetRuleJSONata(t *testing.T) {
	r := parseObj(t, `{"Condition": "{% true %}", "Next": "A"}`)
	for text, want := range map[string]string{
		"$states.input.total > 100":        `"{% $states.input.total > 100 %}"`,
		"{% $states.input.vip %}":          `"{% $states.input.vip %}"`,
		"false":                            `false`,
		"  $exists($states.input.coupon) ": `"{% $exists($states.input.coupon) %}"`,
	} {
		if err := setRuleJSONata(r, text); err != nil {
			t.Fatal(err)
		}
		if got := compact(r.Get("Condition")); got != want {
			t.Errorf("%q: Condition = %s, want %s", text, got, want)
		}
		if keys := r.Keys(); !slices.Equal(keys, []string{"Condition", "Next"}) {
			t.Errorf("keys %v", keys)
		}
	}
	if err := setRuleJSONata(r, " "); err == nil {
		t.Error("an empty Condition was accepted")
	}
}

func TestChoiceListEdits(t *testing.T) {
	st := parseObj(t, `{"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "A"}], "Default": "D"}`)
	addChoiceRule(st, "B", false)
	addChoiceRule(st, "C", true)
	cs := st.Get("Choices").Items
	if len(cs) != 3 || compact(cs[1]) != `{"Variable":"$.value","IsPresent":true,"Next":"B"}` || compact(cs[2]) != `{"Condition":"{% true %}","Next":"C"}` {
		t.Fatalf("added rules: %s", compact(st.Get("Choices")))
	}
	if err := moveItem(st, "/Choices", 2, -1); err != nil {
		t.Fatal(err)
	}
	if n, _ := st.Get("Choices").Items[1].Get("Next").StringValue(); n != "C" {
		t.Errorf("after moving rule 3 up, rule 2 goes to %q", n)
	}
	if err := moveItem(st, "/Choices", 0, -1); err == nil {
		t.Error("moved the first rule up")
	}
	if err := removeItem(st, "/Choices", 0, false); err != nil {
		t.Fatal(err)
	}
	if err := removeItem(st, "/Choices", 5, false); err == nil {
		t.Error("removed a rule that does not exist")
	}
	if got := len(st.Get("Choices").Items); got != 2 {
		t.Errorf("%d rules after removing one of 3", got)
	}
}

func TestRetryCatchEdits(t *testing.T) {
	st := parseObj(t, `{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}`)
	appendItem(st, "Retry", newRetrier(st))
	appendItem(st, "Retry", newRetrier(st))
	rs := st.Get("Retry").Items
	if got := errorNames(rs[0]); !slices.Equal(got, []string{"States.ALL"}) {
		t.Errorf("first retrier: %v", got)
	}
	if got := errorNames(rs[1]); slices.Contains(got, "States.ALL") {
		t.Errorf("second retrier catches States.ALL too: %v", got)
	}
	if err := setErrorEquals(rs[0], []string{" Lambda.ServiceException ", "", "Lambda.ServiceException", "States.Timeout"}); err != nil {
		t.Fatal(err)
	}
	if got := errorNames(rs[0]); !slices.Equal(got, []string{"Lambda.ServiceException", "States.Timeout"}) {
		t.Errorf("ErrorEquals = %v", got)
	}
	if err := setErrorEquals(rs[0], nil); err == nil {
		t.Error("an empty ErrorEquals was accepted")
	}
	for _, c := range []struct {
		key, text string
		integer   bool
		want      string
	}{
		{"MaxAttempts", "5", true, "5"},
		{"BackoffRate", "1.5", false, "1.5"},
		{"MaxAttempts", "2.5", true, ""},
		{"IntervalSeconds", "ten", true, ""},
	} {
		err := setNumberField(rs[0], c.key, c.text, c.integer)
		if c.want == "" {
			if err == nil {
				t.Errorf("%s %q accepted", c.key, c.text)
			}
			continue
		}
		if err != nil || rs[0].Get(c.key).Kind != asl.Number || rs[0].Get(c.key).Str != c.want {
			t.Errorf("%s %q: %v, %s", c.key, c.text, err, compact(rs[0]))
		}
	}
	setNumberField(rs[0], "MaxAttempts", "", true)
	if rs[0].Has("MaxAttempts") {
		t.Error("an empty box did not remove MaxAttempts")
	}

	appendItem(st, "Catch", newCatcher(st, "Handle", false))
	c := st.Get("Catch").Items[0]
	if got := compact(c); got != `{"ErrorEquals":["States.ALL"],"Next":"Handle","ResultPath":"$.error"}` {
		t.Errorf("new catcher %s", got)
	}
	if got := compact(newCatcher(asl.NewObject(), "H", true)); got != `{"ErrorEquals":["States.ALL"],"Next":"H"}` {
		t.Errorf("a JSONata catcher has no ResultPath: %s", got)
	}
	if err := setPathField(c, "ResultPath", "null"); err != nil || c.Get("ResultPath").Kind != asl.Null {
		t.Errorf("ResultPath null: %v %s", err, compact(c))
	}
	if err := setPathField(c, "ResultPath", "error"); err == nil {
		t.Error("a ResultPath without $ was accepted")
	}
	// States.ALL stays last: a new entry goes before it.
	if i := addErrorEntry(st, "Catch", newCatcher(st, "Other", false)); i != 0 {
		t.Errorf("the new catcher is at %d, want 0 (before the States.ALL one)", i)
	}
	if got := errorNames(st.Get("Catch").Items[1]); !slices.Equal(got, []string{"States.ALL"}) {
		t.Errorf("the last catcher catches %v, want States.ALL", got)
	}
	if got := errorNames(st.Get("Catch").Items[0]); !slices.Equal(got, []string{"States.TaskFailed"}) {
		t.Errorf("the new catcher catches %v", got)
	}
	if i := addErrorEntry(st, "Catch", newCatcher(st, "Other", false)); i != 1 || len(st.Get("Catch").Items) != 3 {
		t.Errorf("the third catcher is at %d", i)
	}
	removeItem(st, "/Catch", 0, true)
	removeItem(st, "/Catch", 0, true)
	c = st.Get("Catch").Items[0]
	if err := removeItem(st, "/Catch", 0, true); err != nil || st.Has("Catch") {
		t.Errorf("removing the last catcher leaves %s (%v)", compact(st), err)
	}
	if err := removeItem(st, "/Retry", 1, true); err != nil || !st.Has("Retry") {
		t.Errorf("removing one of two retriers: %s (%v)", compact(st), err)
	}
}

func TestParseJSONField(t *testing.T) {
	if v, err := parseJSONField("Parameters", ""); v != nil || err != nil {
		t.Errorf("empty text: %v %v (want the field removed)", v, err)
	}
	_, err := parseJSONField("Parameters", `{"a": `)
	if err == nil || !strings.Contains(err.Error(), "Parameters is not valid JSON") || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("a syntax error: %v (want what and where)", err)
	}
	if _, err := parseJSONField("Parameters", `[1]`); err == nil || !strings.Contains(err.Error(), "object") {
		t.Errorf("an array as Parameters: %v", err)
	}
	if _, err := parseJSONField("Arguments", `"{% $states.input %}"`); err != nil {
		t.Errorf("a JSONata string as Arguments: %v", err)
	}
	if v, err := parseJSONField("Output", `42`); err != nil || compact(v) != "42" {
		t.Errorf("any JSON as Output: %v %v", v, err)
	}
}

func TestMemberSuggestionsFromTheCatalog(t *testing.T) {
	useCatalogFixture(t)
	dir, err := catalogDir()
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	const res = "arn:aws:states:::dynamodb:putItem"
	members, err := c.InputMembers(res)
	if err != nil {
		t.Fatal(err)
	}
	payload := parseObj(t, `{"TableName": "orders", "Item.$": "$.item"}`)
	all := memberChoices(members, payload, "")
	byName := map[string]memberChoice{}
	for _, m := range all {
		byName[m.Name] = m
	}
	for _, n := range []string{"TableName", "Item"} {
		if m := byName[n]; !m.Required || !m.Present {
			t.Errorf("%s: required %v, present %v (want both)", n, m.Required, m.Present)
		}
	}
	rv, ok := byName["ReturnValues"]
	if !ok || rv.Present || rv.Required || !slices.Contains(rv.Enum, "ALL_OLD") {
		t.Fatalf("ReturnValues: %+v", rv)
	}
	if !all[0].Required {
		t.Errorf("the first suggestion %s is not a required member", all[0].Name)
	}
	// Filtering: names starting with the text come first.
	f := memberChoices(members, payload, "return")
	if len(f) == 0 || !strings.HasPrefix(strings.ToLower(f[0].Name), "return") {
		t.Errorf("filter return: %v", f)
	}
	for _, m := range memberChoices(members, payload, "cond") {
		if !strings.Contains(strings.ToLower(m.Name), "cond") {
			t.Errorf("filter cond kept %s", m.Name)
		}
	}

	st := parseObj(t, `{"Type": "Task", "Parameters": {"TableName": "orders", "Item.$": "$.item"}}`)
	if err := addMember(st, "Parameters", rv.Member); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Get("Parameters").Get("ReturnValues").StringValue(); got != rv.Enum[0] {
		t.Errorf("ReturnValues added as %q, want its first value %q", got, rv.Enum[0])
	}
	if err := addMember(st, "Parameters", byName["Item"].Member); err != nil || st.Get("Parameters").Has("Item") {
		t.Errorf("adding Item beside Item.$: %v %s", err, compact(st))
	}
	if err := setMemberValue(st, "Parameters", "ReturnValues", "ALL_OLD"); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Get("Parameters").Get("ReturnValues").StringValue(); got != "ALL_OLD" {
		t.Errorf("ReturnValues = %q", got)
	}
	// A Task with no Parameters gets them.
	empty := parseObj(t, `{"Type": "Task"}`)
	if err := addMember(empty, "Parameters", byName["TableName"].Member); err != nil || compact(empty.Get("Parameters")) != `{"TableName":""}` {
		t.Errorf("first member: %v %s", err, compact(empty))
	}
	// A JSONata string payload is not an object to add to.
	jsonata := parseObj(t, `{"Type": "Task", "Arguments": "{% $states.input %}"}`)
	if err := addMember(jsonata, "Arguments", byName["TableName"].Member); err == nil {
		t.Error("added a member to a JSONata string")
	}
	// Errors of the action for Retry and Catch.
	errs, err := c.Errors(res)
	if err != nil || !slices.Contains(errs, "DynamoDB.ConditionalCheckFailedException") {
		t.Errorf("errors of %s: %v %v", res, errs, err)
	}
}
