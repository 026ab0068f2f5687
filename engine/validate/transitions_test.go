package validate

import (
	"strings"
	"testing"
)

func TestTransitionRules(t *testing.T) {
	runRules(t, []ruleCase{
		{name: "chain", src: sm(`"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}`)},
		{name: "Next and End", src: sm(`"A":{"Type":"Pass","Next":"B","End":true},"B":{"Type":"Succeed"}`), code: CodeSchema, path: "/States/A/End"},
		{name: "neither Next nor End", src: sm(`"A":{"Type":"Pass"},"B":{"Type":"Succeed"}`), code: CodeSchema, path: "/States/A"},
		{name: "End false", src: sm(`"A":{"Type":"Pass","End":false}`), code: CodeSchema, path: "/States/A/End"},
		{name: "missing Next target", src: sm(`"A":{"Type":"Pass","Next":"Nope"}`), code: CodeMissingTarget, path: "/States/A/Next"},
		{name: "missing StartAt target", src: `{"StartAt":"Z","States":{"A":{"Type":"Succeed"}}}`, code: CodeMissingTarget, path: "/StartAt"},
		{name: "missing Default target", src: sm(`"A":{"Type":"Choice","Choices":[{"Variable":"$.x","IsNull":true,"Next":"B"}],"Default":"Zed"},"B":{"Type":"Succeed"}`), code: CodeMissingTarget, path: "/States/A/Default"},
		{name: "missing Catch target", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Zed"}],"End":true}`), code: CodeMissingTarget, path: "/States/A/Catch/0/Next"},
		{name: "state nothing targets", src: sm(`"A":{"Type":"Succeed"},"B":{"Type":"Succeed"}`), code: CodeMissingTarget, path: "/States/B"},
		{name: "no terminal state", src: sm(`"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}`), code: CodeMissingEnd, path: ""},
		{name: "duplicate state name", src: sm(`"A":{"Type":"Succeed"},"A":{"Type":"Succeed"}`), code: CodeDuplicateState, path: "/States/A"},
		{name: "duplicate name across branches", src: sm(`"A":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"X","States":{"X":{"Type":"Succeed"}}},{"StartAt":"X","States":{"X":{"Type":"Succeed"}}}]}`), code: CodeDuplicateState, path: "/States/A/Branches/1/States/X"},
		{name: "name over 80 characters", src: `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"` + long81 + `"},"` + long81 + `":{"Type":"Succeed"}}}`, code: CodeInvalidStateName, path: "/States/" + long81},
		{name: "transition out of a branch", src: sm(`"A":{"Type":"Parallel","Next":"B","Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","Next":"B"}}}]},"B":{"Type":"Succeed"}`), code: CodeMissingTarget, path: "/States/A/Branches/0/States/X/Next"},
		{name: "transition out of a processor", src: sm(`"A":{"Type":"Map","Next":"B","ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass","Next":"B"}}}},"B":{"Type":"Succeed"}`), code: CodeMissingTarget, path: "/States/A/ItemProcessor/States/X/Next"},
		{name: "branch without terminal", src: sm(`"A":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","Next":"X"}}}]}`), code: CodeMissingEnd, path: "/States/A/Branches/0"},
	})
}

func TestLeavingScopeMessageNamesTheOtherState(t *testing.T) {
	src := sm(`"A":{"Type":"Parallel","Next":"B","Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","Next":"B"}}}]},"B":{"Type":"Succeed"}`)
	diags, _ := ValidateBytes([]byte(src), Options{})
	for _, d := range diags {
		if d.Code == CodeMissingTarget && d.Path == "/States/A/Branches/0/States/X/Next" {
			if !strings.Contains(d.Message, "/States/B") {
				t.Fatalf("message %q does not say where B is", d.Message)
			}
			return
		}
	}
	t.Fatalf("no MISSING_TRANSITION_TARGET for X: %v", diags)
}

const long81 = "012345678901234567890123456789012345678901234567890123456789012345678901234567890"

func TestUnreachableCycleIsAWarning(t *testing.T) {
	src := sm(`"A":{"Type":"Succeed"},"B":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","Next":"B"}`)
	ws := warningsOf(t, src)
	found := 0
	for _, w := range ws {
		if w.Code == CodeUnreachable {
			found++
		}
	}
	if found != 2 {
		t.Fatalf("want 2 UNREACHABLE_STATE warnings, got %v", ws)
	}
}
