package asl

import (
	"bytes"
	"strings"
	"testing"
)

// Test documents, compact. Each edit case names one.
var editDocs = map[string]string{
	// Nested scopes whose States are not objects.
	"bad": `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"X","States":[]}],"Next":"M"},
		"M":{"Type":"Map","ItemProcessor":{"StartAt":"Y","States":"nope"},"End":true}}}`,
	// A Parallel whose branch holds a Choice and a Task with a Catch.
	"deep": `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"C","States":{
		"C":{"Type":"Choice","Choices":[{"Or":[{"Variable":"$.x","BooleanEquals":true}],"Next":"T"}],"Default":"S"},
		"T":{"Type":"Task","Resource":"r","TimeoutSeconds":5,"Retry":[{"ErrorEquals":["States.ALL"]}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"S"}],"Next":"S"},
		"S":{"Type":"Succeed"}}}],"End":true}}}`,
	// A → B → C(end)
	"line": `{"StartAt":"A","States":{
		"A":{"Type":"Pass","Next":"B"},
		"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},
		"C":{"Type":"Pass","End":true}}}`,
	// A → B → C → D → E(end)
	"long": `{"StartAt":"A","States":{
		"A":{"Type":"Pass","Next":"B"},
		"B":{"Type":"Pass","Next":"C"},
		"C":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"E"}],"Next":"D"},
		"D":{"Type":"Pass","Next":"E"},
		"E":{"Type":"Succeed"}}}`,
	// A → B → C → B, and X → Y apart.
	"loop": `{"StartAt":"A","States":{
		"A":{"Type":"Pass","Next":"B"},
		"B":{"Type":"Pass","Next":"C"},
		"C":{"Type":"Pass","Next":"B"},
		"X":{"Type":"Pass","Next":"Y"},
		"Y":{"Type":"Succeed"}}}`,
	// Ch: rule → X, rule → Y, Default → Y; X and Y end; T catches to Y.
	"choice": `{"StartAt":"Ch","States":{
		"Ch":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"X"},{"Not":{"Variable":"$.b","IsNull":true},"Next":"Y"}],"Default":"Y"},
		"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Y"}],"Next":"Y"},
		"Y":{"Type":"Succeed"}}}`,
	// P has two branches, M a processor, both followed by End.
	"nested": `{"StartAt":"P","States":{
		"P":{"Type":"Parallel","Branches":[
			{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}},
			{"StartAt":"C1","States":{}}],
			"Next":"M"},
		"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},
		"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},
		"Z":{"Type":"Map","End":true}}}`,
}

func pass(extra string) *Value {
	v, err := ParseJSON([]byte(`{"Type":"Pass"` + extra + `}`))
	if err != nil {
		panic(err)
	}
	return v
}

func TestEdits(t *testing.T) {
	cases := []struct {
		name string
		doc  string
		edit func(doc *Value) error
		want string // the document after, compact; "" when the edit must fail
		err  string // part of the error message
	}{
		// InsertAfter
		{"insert after middle", "line", func(d *Value) error { return InsertAfter(d, "A", "N", pass("")) },
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"N"},"N":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		{"insert after end", "line", func(d *Value) error { return InsertAfter(d, "C", "N", pass(`,"Next":"Old"`)) },
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","Next":"N"},"N":{"Type":"Pass","End":true}}}`, ""},
		{"insert after nested", "nested", func(d *Value) error { return InsertAfter(d, "B1", "N", pass("")) },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"N"},"N":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}},{"StartAt":"C1","States":{}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},"Z":{"Type":"Map","End":true}}}`, ""},
		{"insert after choice", "choice", func(d *Value) error { return InsertAfter(d, "Ch", "N", pass("")) }, "", "Choice state and has no Next"},
		{"insert after succeed", "choice", func(d *Value) error { return InsertAfter(d, "Y", "N", pass("")) }, "", "Succeed state"},
		{"insert after unknown", "line", func(d *Value) error { return InsertAfter(d, "Q", "N", pass("")) }, "", `no state named "Q"`},
		{"insert taken name", "nested", func(d *Value) error { return InsertAfter(d, "M", "I1", pass("")) }, "", `"I1" is already used`},
		{"insert empty name", "line", func(d *Value) error { return InsertAfter(d, "A", "", pass("")) }, "", "cannot be empty"},
		{"insert non-object", "line", func(d *Value) error { return InsertAfter(d, "A", "N", NewString("x")) }, "", "must be a JSON object"},
		{"insert with a clashing nested name", "line", func(d *Value) error {
			st, _ := ParseJSON([]byte(`{"Type":"Parallel","Branches":[{"StartAt":"C","States":{"C":{"Type":"Pass","End":true}}}]}`))
			return InsertAfter(d, "A", "N", st)
		}, "", `holds a state named "C"`},
		{"insert a parallel", "line", func(d *Value) error {
			st, _ := ParseJSON([]byte(`{"Type":"Parallel","Branches":[{"StartAt":"In","States":{"In":{"Type":"Pass","End":true}}}]}`))
			return InsertAfter(d, "A", "N", st)
		},
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"N"},"N":{"Type":"Parallel","Branches":[{"StartAt":"In","States":{"In":{"Type":"Pass","End":true}}}],"Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		{"insert existing node", "line", func(d *Value) error { return InsertAfter(d, "A", "N", d.Get("States").Get("C")) }, "", "already part"},

		// InsertBefore
		{"insert before start", "line", func(d *Value) error { return InsertBefore(d, "A", "N", pass(`,"End":true`)) },
			`{"StartAt":"N","States":{"N":{"Type":"Pass","Next":"A"},"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		{"insert before all predecessors", "choice", func(d *Value) error { return InsertBefore(d, "Y", "N", pass("")) },
			`{"StartAt":"Ch","States":{"Ch":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"X"},{"Not":{"Variable":"$.b","IsNull":true},"Next":"N"}],"Default":"N"},"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"N"}],"Next":"N"},"N":{"Type":"Pass","Next":"Y"},"Y":{"Type":"Succeed"}}}`, ""},
		{"insert choice before", "line", func(d *Value) error {
			return InsertBefore(d, "C", "N", &Value{Kind: Object, Fields: []*Field{{Key: "Type", Value: NewString("Choice")}, {Key: "End", Value: NewBool(true)}}})
		},
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"N"},"N":{"Type":"Choice","Default":"C"},"C":{"Type":"Pass","End":true}}}`, ""},

		// InsertOnTransition
		{"insert on choice rule and default", "choice", func(d *Value) error { return InsertOnTransition(d, "Ch", "Y", "N", pass("")) },
			`{"StartAt":"Ch","States":{"Ch":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"X"},{"Not":{"Variable":"$.b","IsNull":true},"Next":"N"}],"Default":"N"},"N":{"Type":"Pass","Next":"Y"},"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Y"}],"Next":"Y"},"Y":{"Type":"Succeed"}}}`, ""},
		{"insert on catch and next", "choice", func(d *Value) error { return InsertOnTransition(d, "X", "Y", "N", pass("")) },
			`{"StartAt":"Ch","States":{"Ch":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"X"},{"Not":{"Variable":"$.b","IsNull":true},"Next":"Y"}],"Default":"Y"},"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"N"}],"Next":"N"},"N":{"Type":"Pass","Next":"Y"},"Y":{"Type":"Succeed"}}}`, ""},
		{"insert on missing transition", "line", func(d *Value) error { return InsertOnTransition(d, "A", "C", "N", pass("")) }, "", `"A" has no transition to "C"`},

		// InsertIntoBranch / InsertIntoProcessor
		{"insert into non-empty branch", "nested", func(d *Value) error { return InsertIntoBranch(d, "P", 0, "N", pass("")) },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"N","States":{"N":{"Type":"Pass","Next":"B1"},"B1":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}},{"StartAt":"C1","States":{}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},"Z":{"Type":"Map","End":true}}}`, ""},
		{"insert into empty branch", "nested", func(d *Value) error { return InsertIntoBranch(d, "P", 1, "N", pass(`,"Next":"B1"`)) },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}},{"StartAt":"N","States":{"N":{"Type":"Pass","End":true}}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},"Z":{"Type":"Map","End":true}}}`, ""},
		{"insert into new branch", "nested", func(d *Value) error { return InsertIntoBranch(d, "P", 2, "N", pass("")) },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}},{"StartAt":"C1","States":{}},{"StartAt":"N","States":{"N":{"Type":"Pass","End":true}}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},"Z":{"Type":"Map","End":true}}}`, ""},
		{"insert into branch out of range", "nested", func(d *Value) error { return InsertIntoBranch(d, "P", 3, "N", pass("")) }, "", "branch index 3 is out of range"},
		{"insert into branch of a map", "nested", func(d *Value) error { return InsertIntoBranch(d, "M", 0, "N", pass("")) }, "", "not a Parallel"},
		{"insert into processor", "nested", func(d *Value) error { return InsertIntoProcessor(d, "M", "N", pass("")) },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}},{"StartAt":"C1","States":{}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"N","States":{"N":{"Type":"Pass","Next":"I1"},"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},"Z":{"Type":"Map","End":true}}}`, ""},
		{"insert into legacy iterator", "nested", func(d *Value) error { return InsertIntoProcessor(d, "E", "N", pass("")) },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}},{"StartAt":"C1","States":{}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"N","States":{"N":{"Type":"Pass","Next":"J"},"J":{"Type":"Pass","End":true}}},"End":true},"Z":{"Type":"Map","End":true}}}`, ""},
		{"insert into missing processor", "nested", func(d *Value) error { return InsertIntoProcessor(d, "Z", "N", pass("")) },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}},{"StartAt":"C1","States":{}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},"Z":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"N","States":{"N":{"Type":"Pass","End":true}}},"End":true}}}`, ""},
		{"insert into a branch with bad States", "bad", func(d *Value) error { return InsertIntoBranch(d, "P", 0, "N", pass("")) }, "", "is not an object"},
		{"insert into a processor with bad States", "bad", func(d *Value) error { return InsertIntoProcessor(d, "M", "N", pass("")) }, "", "is not an object"},
		{"insert into processor of a parallel", "nested", func(d *Value) error { return InsertIntoProcessor(d, "P", "N", pass("")) }, "", "not a Map"},

		// InsertDefault / RemoveBranch
		{"insert default", "choice", func(d *Value) error { return InsertDefault(d, "Ch", "N", pass("")) },
			`{"StartAt":"Ch","States":{"Ch":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"X"},{"Not":{"Variable":"$.b","IsNull":true},"Next":"Y"}],"Default":"N"},"N":{"Type":"Pass","Next":"Y"},"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Y"}],"Next":"Y"},"Y":{"Type":"Succeed"}}}`, ""},
		{"insert first default", "deep", func(d *Value) error {
			if err := ChangeType(d, "C", "Choice"); err != nil {
				return err
			}
			d.Get("States").Get("P").Get("Branches").Items[0].Get("States").Get("C").Delete("Default")
			return InsertDefault(d, "C", "N", pass(""))
		},
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Or":[{"Variable":"$.x","BooleanEquals":true}],"Next":"T"}],"Default":"N"},"N":{"Type":"Pass","End":true},"T":{"Type":"Task","Resource":"r","TimeoutSeconds":5,"Retry":[{"ErrorEquals":["States.ALL"]}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"S"}],"Next":"S"},"S":{"Type":"Succeed"}}}],"End":true}}}`, ""},
		{"insert default into a task", "line", func(d *Value) error { return InsertDefault(d, "A", "N", pass("")) }, "", "not a Choice"},
		{"remove branch", "nested", func(d *Value) error { return RemoveBranch(d, "P", 0) },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"C1","States":{}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},"Z":{"Type":"Map","End":true}}}`, ""},
		{"remove the only branch", "deep", func(d *Value) error { return RemoveBranch(d, "P", 0) }, "", "only one branch"},
		{"remove branch out of range", "nested", func(d *Value) error { return RemoveBranch(d, "P", 2) }, "", "out of range"},

		// Remove
		{"remove middle", "line", func(d *Value) error { return Remove(d, "B") },
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		{"remove start", "line", func(d *Value) error { return Remove(d, "A") },
			`{"StartAt":"B","States":{"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		{"remove end", "line", func(d *Value) error { return Remove(d, "C") },
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","End":true}}}`, ""},
		{"remove choice", "choice", func(d *Value) error { return Remove(d, "Ch") },
			`{"StartAt":"Y","States":{"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Y"}],"Next":"Y"},"Y":{"Type":"Succeed"}}}`, ""},
		{"remove task relinks choice", "choice", func(d *Value) error { return Remove(d, "X") },
			`{"StartAt":"Ch","States":{"Ch":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"Y"},{"Not":{"Variable":"$.b","IsNull":true},"Next":"Y"}],"Default":"Y"},"Y":{"Type":"Succeed"}}}`, ""},
		{"remove catch target", "choice", func(d *Value) error { return Remove(d, "Y") }, "", "dangling reference"},
		{"remove only nested state", "nested", func(d *Value) error { return Remove(d, "I1") },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}},{"StartAt":"C1","States":{}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"","States":{}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},"Z":{"Type":"Map","End":true}}}`, ""},
		{"remove unknown", "line", func(d *Value) error { return Remove(d, "Q") }, "", `no state named "Q"`},

		// Rename
		{"rename everywhere", "choice", func(d *Value) error { return Rename(d, "Y", "Done") },
			`{"StartAt":"Ch","States":{"Ch":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"X"},{"Not":{"Variable":"$.b","IsNull":true},"Next":"Done"}],"Default":"Done"},"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Done"}],"Next":"Done"},"Done":{"Type":"Succeed"}}}`, ""},
		{"rename start", "line", func(d *Value) error { return Rename(d, "A", "Start") },
			`{"StartAt":"Start","States":{"Start":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		{"rename nested start", "nested", func(d *Value) error { return Rename(d, "B1", "First") },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"First","States":{"First":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}},{"StartAt":"C1","States":{}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},"Z":{"Type":"Map","End":true}}}`, ""},
		{"rename to taken", "nested", func(d *Value) error { return Rename(d, "B1", "J") }, "", `"J" is already used`},
		{"rename to same", "line", func(d *Value) error { return Rename(d, "A", "A") },
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},

		{"rename inside a branch", "deep", func(d *Value) error { return Rename(d, "S", "Finish") },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Or":[{"Variable":"$.x","BooleanEquals":true}],"Next":"T"}],"Default":"Finish"},"T":{"Type":"Task","Resource":"r","TimeoutSeconds":5,"Retry":[{"ErrorEquals":["States.ALL"]}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"Finish"}],"Next":"Finish"},"Finish":{"Type":"Succeed"}}}],"End":true}}}`, ""},
		{"insert before in a branch", "deep", func(d *Value) error { return InsertBefore(d, "C", "N", pass("")) },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"N","States":{"N":{"Type":"Pass","Next":"C"},"C":{"Type":"Choice","Choices":[{"Or":[{"Variable":"$.x","BooleanEquals":true}],"Next":"T"}],"Default":"S"},"T":{"Type":"Task","Resource":"r","TimeoutSeconds":5,"Retry":[{"ErrorEquals":["States.ALL"]}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"S"}],"Next":"S"},"S":{"Type":"Succeed"}}}],"End":true}}}`, ""},
		{"task to parallel keeps retry and catch", "deep", func(d *Value) error { return ChangeType(d, "T", "Parallel") },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Or":[{"Variable":"$.x","BooleanEquals":true}],"Next":"T"}],"Default":"S"},"T":{"Type":"Parallel","Retry":[{"ErrorEquals":["States.ALL"]}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"S"}],"Next":"S"},"S":{"Type":"Succeed"}}}],"End":true}}}`, ""},
		{"remove a branch's terminal state", "deep", func(d *Value) error { return Remove(d, "S") }, "", "dangling reference"},
		{"wrap a whole branch", "deep", func(d *Value) error { return WrapInMap(d, []string{"T", "S"}, "W") }, "", "not the first state of the run"},

		// Connect
		{"connect", "line", func(d *Value) error { return Connect(d, "C", "A") },
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","Next":"A"}}}`, ""},
		{"connect choice default", "choice", func(d *Value) error { return Connect(d, "Ch", "X") },
			`{"StartAt":"Ch","States":{"Ch":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"X"},{"Not":{"Variable":"$.b","IsNull":true},"Next":"Y"}],"Default":"X"},"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Y"}],"Next":"Y"},"Y":{"Type":"Succeed"}}}`, ""},
		{"connect across scopes", "nested", func(d *Value) error { return Connect(d, "B2", "M") }, "", "not in the same scope"},
		{"connect from succeed", "choice", func(d *Value) error { return Connect(d, "Y", "X") }, "", "cannot have a transition"},

		// ChangeType
		{"task to pass", "line", func(d *Value) error { return ChangeType(d, "B", "Pass") },
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		{"task to choice", "line", func(d *Value) error { return ChangeType(d, "B", "Choice") },
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Choice","x-note":"kept","Default":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		{"choice to pass", "choice", func(d *Value) error { return ChangeType(d, "Ch", "Pass") },
			`{"StartAt":"Ch","States":{"Ch":{"Type":"Pass","Next":"Y"},"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Y"}],"Next":"Y"},"Y":{"Type":"Succeed"}}}`, ""},
		{"succeed to wait", "choice", func(d *Value) error { return ChangeType(d, "Y", "Wait") },
			`{"StartAt":"Ch","States":{"Ch":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"X"},{"Not":{"Variable":"$.b","IsNull":true},"Next":"Y"}],"Default":"Y"},"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Y"}],"Next":"Y"},"Y":{"Type":"Wait","End":true}}}`, ""},
		{"pass to fail", "line", func(d *Value) error { return ChangeType(d, "A", "Fail") },
			`{"StartAt":"A","States":{"A":{"Type":"Fail"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		{"to unknown type", "line", func(d *Value) error { return ChangeType(d, "A", "Lambda") }, "", "not a state type"},

		// Wrap
		{"wrap in parallel", "line", func(d *Value) error { return WrapInParallel(d, []string{"A", "B"}, "W") },
			`{"StartAt":"W","States":{"W":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","End":true}}}],"Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		{"wrap in map", "line", func(d *Value) error { return WrapInMap(d, []string{"B", "C"}, "W") },
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"W"},"W":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"B","States":{"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}},"End":true}}}`, ""},
		{"wrap non-linear", "line", func(d *Value) error { return WrapInParallel(d, []string{"A", "C"}, "W") }, "", "not a linear run"},
		{"wrap entered in the middle", "choice", func(d *Value) error { return WrapInParallel(d, []string{"X", "Y"}, "W") }, "", "not the first state of the run"},
		{"wrap catch leaving", "choice", func(d *Value) error { return WrapInParallel(d, []string{"X"}, "W") }, "", "Catcher of \"X\" goes to \"Y\""},
		{"wrap across scopes", "nested", func(d *Value) error { return WrapInParallel(d, []string{"B2", "M"}, "W") }, "", "not in the same scope"},
		{"wrap taken name", "line", func(d *Value) error { return WrapInMap(d, []string{"A"}, "C") }, "", "already used"},

		// Move
		{"move", "line", func(d *Value) error { return Move(d, "A", "C") },
			`{"StartAt":"B","States":{"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","Next":"A"},"A":{"Type":"Pass","End":true}}}`, ""},
		{"move into branch", "nested", func(d *Value) error { return Move(d, "J", "B1") },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"J"},"J":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}},{"StartAt":"C1","States":{}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"","States":{}},"End":true},"Z":{"Type":"Map","End":true}}}`, ""},
		{"move after a state inside itself", "nested", func(d *Value) error { return Move(d, "P", "B1") }, "", `no state named "B1"`},
		{"move after choice", "choice", func(d *Value) error { return Move(d, "X", "Ch") }, "", "no Next"},

		// Duplicate
		{"duplicate", "line", func(d *Value) error { return Duplicate(d, "B", "B copy") },
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"B copy":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		{"duplicate nested", "nested", func(d *Value) error { return Duplicate(d, "M", "M2") },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}},{"StartAt":"C1","States":{}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},"M2":{"Type":"Map","ItemProcessor":{"StartAt":"I1 (1)","States":{"I1 (1)":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},"Z":{"Type":"Map","End":true}}}`, ""},
		{"duplicate taken", "line", func(d *Value) error { return Duplicate(d, "B", "C") }, "", "already used"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := ParseJSON([]byte(editDocs[c.doc]))
			if err != nil {
				t.Fatal(err)
			}
			before := PrintJSON(doc)
			err = c.edit(doc)
			if c.want == "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error = %v, want one containing %q", err, c.err)
				}
				if after := PrintJSON(doc); !bytes.Equal(before, after) {
					t.Errorf("a failed edit changed the document:\n%s", after)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			want, err := ParseJSON([]byte(c.want))
			if err != nil {
				t.Fatalf("bad want: %v", err)
			}
			if !Equal(doc, want) {
				t.Errorf("got  %s\nwant %s", AppendCompactJSON(nil, doc), AppendCompactJSON(nil, want))
			}
			if _, err := Decode(doc); err != nil {
				t.Errorf("Decode after edit: %v", err)
			}
		})
	}
}

func TestUniqueName(t *testing.T) {
	doc, _ := ParseJSON([]byte(editDocs["nested"]))
	if got := UniqueName(doc, "Pass"); got != "Pass" {
		t.Errorf("UniqueName(Pass) = %q", got)
	}
	if got := UniqueName(doc, "B1"); got != "B1 (1)" {
		t.Errorf("UniqueName(B1) = %q", got)
	}
	if err := InsertAfter(doc, "B1", "B1 (1)", pass("")); err != nil {
		t.Fatal(err)
	}
	if got := UniqueName(doc, "B1"); got != "B1 (2)" {
		t.Errorf("UniqueName(B1) after insert = %q", got)
	}
}

// TestEditKeepsUntouchedStates: an edit leaves the text of the other states
// as it was, unknown fields and key order included.
func TestEditKeepsUntouchedStates(t *testing.T) {
	src := []byte(`{
  "StartAt": "A",
  "States": {
    "A": {
      "Comment": "first",
      "Next": "B",
      "Type": "Pass",
      "x-custom": {"z": 1, "a": 2}
    },
    "B": {
      "Type": "Pass",
      "End": true
    }
  }
}`)
	doc, err := ParseJSON(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := InsertAfter(doc, "B", "C", pass("")); err != nil {
		t.Fatal(err)
	}
	out := string(PrintJSON(doc))
	want := `    "A": {
      "Comment": "first",
      "Next": "B",
      "Type": "Pass",
      "x-custom": {
        "z": 1,
        "a": 2
      }
    },
    "B": {
      "Type": "Pass",
      "Next": "C"
    },
    "C": {
      "Type": "Pass",
      "End": true
    }`
	if !strings.Contains(out, want) {
		t.Errorf("PrintJSON after edit =\n%s", out)
	}
}
