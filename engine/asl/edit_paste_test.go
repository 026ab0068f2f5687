package asl

import (
	"bytes"
	"strings"
	"testing"
)

// editCase is one edit on a document of editDocs: the document after it
// (compact JSON), or "" with a part of the error it must return.
type editCase struct {
	name string
	doc  string
	edit func(doc *Value) error
	want string
	err  string
}

func runEditCases(t *testing.T, cases []editCase) {
	t.Helper()
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

// clipOf reads a clip for a test.
func clipOf(t *testing.T, src string) (*Value, string) {
	t.Helper()
	states, entry, err := ReadClip([]byte(src))
	if err != nil {
		t.Fatalf("ReadClip(%s): %v", src, err)
	}
	return states, entry
}

func TestCopyStates(t *testing.T) {
	doc, _ := ParseJSON([]byte(editDocs["nested"]))
	// I1 is inside M: copying both copies M once; the order is the document's.
	clip, err := CopyStates(doc, []string{"M", "B2", "I1"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"StartAt":"B2","States":{"B2":{"Type":"Pass","End":true},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true}}}`
	if got := string(AppendCompactJSON(nil, clip)); got != want {
		t.Errorf("clip\n got %s\nwant %s", got, want)
	}
	// The entry is the state the others lead to from, not the first listed.
	line, _ := ParseJSON([]byte(editDocs["line"]))
	clip, _ = CopyStates(line, []string{"C", "B"})
	if s := str(clip.Get("StartAt")); s != "B" {
		t.Errorf("entry = %q, want B (B goes to C)", s)
	}
	if _, err := CopyStates(line, []string{"Nope"}); err == nil || !strings.Contains(err.Error(), `"Nope"`) {
		t.Errorf("copying a missing state: %v", err)
	}
	if _, err := CopyStates(line, nil); err == nil {
		t.Error("copying nothing did not fail")
	}
}

func TestReadClip(t *testing.T) {
	for _, c := range []struct {
		src, keys, entry, err string
	}{
		{`{"StartAt":"B","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}`, "A,B", "B", ""},
		{`{"X":{"Type":"Wait","Seconds":1,"Next":"Y"},"Y":{"Type":"Succeed"}}`, "X,Y", "X", ""},
		// Y goes to X: X is the entry although listed second.
		{`{"Y":{"Type":"Pass","Next":"X"},"X":{"Type":"Succeed"}}`, "Y,X", "Y", ""},
		{`{"Type":"Pass","End":true}`, "Pass state", "Pass state", ""},
		{"Type: Wait\nSeconds: 3\nEnd: true\n", "Wait state", "Wait state", ""},
		{`hello world`, "", "", "not ASL states"},
		{`[1,2]`, "", "", "expected a JSON object"},
		{`{"a":1}`, "", "", `"a" is not a state object`},
		{`{"a":{"Next":"b"}}`, "", "", `"a" has no "Type"`},
		{`{"States":[]}`, "", "", `"States" is not an object`},
		{`{"StartAt":"A","States":{}}`, "", "", "holds no state"},
		{`{"oops": `, "", "", "not ASL states"},
	} {
		states, entry, err := ReadClip([]byte(c.src))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ReadClip(%s) error = %v, want %q", c.src, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ReadClip(%s): %v", c.src, err)
			continue
		}
		if keys := strings.Join(states.Keys(), ","); keys != c.keys || entry != c.entry {
			t.Errorf("ReadClip(%s) = %s entry %s, want %s entry %s", c.src, keys, entry, c.keys, c.entry)
		}
	}
}

func TestPasteStates(t *testing.T) {
	paste := func(after, src string) func(*Value) error {
		return func(d *Value) error {
			states, entry, err := ReadClip([]byte(src))
			if err != nil {
				return err
			}
			_, err = PasteStates(d, after, states, entry)
			return err
		}
	}
	runEditCases(t, []editCase{
		// A copy of A → B pasted after A in the same document: both names are
		// taken, the link inside the set follows the rename, and the set's
		// exit goes to A's old Next.
		{"after, renamed and rewired", "line", paste("A", `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","Next":"C"}}}`),
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"A (1)"},"A (1)":{"Type":"Pass","Next":"B (1)"},"B (1)":{"Type":"Task","Resource":"r","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		// Pasted after the last state: the set's exit (which went to a state
		// of the scope) becomes the end, and a terminal pasted state stays so.
		{"after the end", "line", paste("C", `{"StartAt":"B","States":{"B":{"Type":"Pass","Next":"C"}}}`),
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","Next":"B (1)"},"B (1)":{"Type":"Pass","End":true}}}`, ""},
		// A terminal state pasted mid-flow goes on to the old Next.
		{"terminal state mid-flow", "line", paste("A", `{"Type":"Pass","End":true}`),
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Pass state"},"Pass state":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		// A Choice: rules to states of the scope are kept, a rule to a missing
		// state and the Default go to the old Next.
		{"choice after a state", "line", paste("A", `{"K":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"C"},{"Variable":"$.b","IsPresent":true,"Next":"Gone"}],"Default":"Elsewhere"}}`),
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"K"},"K":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"C"},{"Variable":"$.b","IsPresent":true,"Next":"B"}],"Default":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		// Loose (nothing selected): appended, links to existing states kept,
		// a Next to a missing state becomes End.
		{"loose", "line", paste("", `{"X":{"Type":"Pass","Next":"C"},"Y":{"Type":"Pass","Next":"Missing"}}`),
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true},"X":{"Type":"Pass","Next":"C"},"Y":{"Type":"Pass","End":true}}}`, ""},
		// After a Choice (no single Next): loose in its scope, after it.
		{"after a choice is loose", "choice", paste("Ch", `{"Type":"Pass","Next":"Y"}`),
			`{"StartAt":"Ch","States":{"Ch":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"X"},{"Not":{"Variable":"$.b","IsNull":true},"Next":"Y"}],"Default":"Y"},"Pass state":{"Type":"Pass","Next":"Y"},"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Y"}],"Next":"Y"},"Y":{"Type":"Succeed"}}}`, ""},
		// Into a Parallel branch, after B1; nested names of a pasted Map are
		// renamed too.
		{"nested names", "nested", paste("B1", `{"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","Next":"I2"},"I2":{"Type":"Pass","End":true}}},"End":true}}`),
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
				{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"M (1)"},"M (1)":{"Type":"Map","ItemProcessor":{"StartAt":"I1 (1)","States":{"I1 (1)":{"Type":"Pass","Next":"I2"},"I2":{"Type":"Pass","End":true}}},"Next":"B2"},"B2":{"Type":"Pass","End":true}}},
				{"StartAt":"C1","States":{}}],"Next":"M"},
			"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},
			"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},
			"Z":{"Type":"Map","End":true}}}`, ""},
		{"missing anchor", "line", paste("Nope", `{"Type":"Pass","End":true}`), "", `no state named "Nope"`},
	})

	// Into an empty document the entry becomes the StartAt.
	doc, _ := ParseJSON([]byte(`{"States":{}}`))
	states, entry := clipOf(t, `{"Q":{"Type":"Pass","Next":"R"},"R":{"Type":"Succeed"}}`)
	names, err := PasteStates(doc, "", states, entry)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(names, ",") != "Q,R" || str(doc.Get("StartAt")) != "Q" {
		t.Errorf("names %v, StartAt %q", names, str(doc.Get("StartAt")))
	}
	// The clip itself is not taken over: pasting it twice gives two copies.
	if _, err := PasteStates(doc, "", states, entry); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(doc.Get("States").Keys(), ","); got != "Q,R,Q (1),R (1)" {
		t.Errorf("after two pastes: %s", got)
	}
	if got := str(doc.Get("States").Get("Q (1)").Get("Next")); got != "R (1)" {
		t.Errorf("the second copy of Q goes to %q, want its own R", got)
	}
}

func TestRemoveStates(t *testing.T) {
	runEditCases(t, []editCase{
		{"two", "line", func(d *Value) error { return RemoveStates(d, []string{"A", "B"}) },
			`{"StartAt":"C","States":{"C":{"Type":"Pass","End":true}}}`, ""},
		// B1 goes with P; its removal is skipped.
		{"nested with its parent", "nested", func(d *Value) error { return RemoveStates(d, []string{"P", "B1", "Z"}) },
			`{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true}}}`, ""},
		// The second removal fails: nothing changes.
		{"all or nothing", "choice", func(d *Value) error { return RemoveStates(d, []string{"X", "Y"}) }, "", "dangling"},
		{"missing", "line", func(d *Value) error { return RemoveStates(d, []string{"A", "Nope"}) }, "", `"Nope"`},
		// One state: Remove itself, which changes nothing when refused.
		{"one", "line", func(d *Value) error { return RemoveStates(d, []string{"B"}) },
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		{"one refused", "choice", func(d *Value) error { return RemoveStates(d, []string{"Y"}) }, "", "dangling"},
	})
}

func TestMoves(t *testing.T) {
	runEditCases(t, []editCase{
		{"onto a transition", "line", func(d *Value) error { return MoveOnTransition(d, []string{"A"}, "B", "C") },
			`{"StartAt":"B","States":{"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"A"},"A":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","End":true}}}`, ""},
		{"onto its own incoming edge", "line", func(d *Value) error { return MoveOnTransition(d, []string{"B"}, "A", "B") }, "", "already on that transition"},
		{"onto its own outgoing edge", "line", func(d *Value) error { return MoveOnTransition(d, []string{"B"}, "B", "C") }, "", "already on that transition"},
		{"into a branch", "nested", func(d *Value) error { return MoveIntoBranch(d, []string{"Z"}, "P", 1) },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}},{"StartAt":"Z","States":{"Z":{"Type":"Map","End":true}}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true}}}`, ""},
		{"into its own branch", "nested", func(d *Value) error { return MoveIntoBranch(d, []string{"P"}, "P", 0) }, "", "next to itself"},
		{"into a processor it holds", "nested", func(d *Value) error { return MoveOnTransition(d, []string{"P"}, "B1", "B2") }, "", "into itself"},
		{"into a processor", "nested", func(d *Value) error { return MoveIntoProcessor(d, []string{"B2"}, "M") },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","End":true}}},{"StartAt":"C1","States":{}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"B2","States":{"B2":{"Type":"Pass","Next":"I1"},"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},"Z":{"Type":"Map","End":true}}}`, ""},
		// X leaves (Ch's first rule goes on to X's Next, Y) and becomes the
		// Default, going to the old Default.
		{"to a default", "choice", func(d *Value) error { return MoveToDefault(d, []string{"X"}, "Ch") },
			`{"StartAt":"Ch","States":{"Ch":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"Y"},{"Not":{"Variable":"$.b","IsNull":true},"Next":"Y"}],"Default":"X"},"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Y"}],"Next":"Y"},"Y":{"Type":"Succeed"}}}`, ""},
		{"already the default", "choice", func(d *Value) error { return MoveToDefault(d, []string{"Y"}, "Ch") }, "", "already the Default"},
		{"onto a rule", "choice", func(d *Value) error { return MoveOntoRule(d, []string{"X"}, "Ch", 1) },
			`{"StartAt":"Ch","States":{"Ch":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"Y"},{"Not":{"Variable":"$.b","IsNull":true},"Next":"X"}],"Default":"Y"},"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Y"}],"Next":"Y"},"Y":{"Type":"Succeed"}}}`, ""},
		{"already on the rule", "choice", func(d *Value) error { return MoveOntoRule(d, []string{"X"}, "Ch", 0) }, "", "already the target"},
		// Removing Y would leave Ch's rule dangling: refused, nothing changes.
		{"refused by remove", "choice", func(d *Value) error { return MoveOnTransition(d, []string{"Y"}, "Ch", "X") }, "", "dangling"},
	})
}

// TestMoveChains moves several states at once: a chain, given in any
// order, moves as one, its inner links and Catchers kept.
func TestMoveChains(t *testing.T) {
	runEditCases(t, []editCase{
		{"onto a transition", "long", func(d *Value) error { return MoveOnTransition(d, []string{"C", "B"}, "D", "E") },
			`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"D"},"D":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"C"},"C":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"E"}],"Next":"E"},"E":{"Type":"Succeed"}}}`, ""},
		{"the start, to the end", "long", func(d *Value) error { return MoveOnTransition(d, []string{"A", "B"}, "D", "E") },
			`{"StartAt":"C","States":{"C":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"E"}],"Next":"D"},"D":{"Type":"Pass","Next":"A"},"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"E"},"E":{"Type":"Succeed"}}}`, ""},
		{"into another branch", "nested", func(d *Value) error { return MoveIntoBranch(d, []string{"B2", "B1"}, "P", 1) },
			`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"","States":{}},{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"B2"},"B2":{"Type":"Pass","End":true}}}],"Next":"M"},"M":{"Type":"Map","ItemProcessor":{"StartAt":"I1","States":{"I1":{"Type":"Pass","End":true}}},"End":true},"E":{"Type":"Map","Iterator":{"StartAt":"J","States":{"J":{"Type":"Pass","End":true}}},"End":true},"Z":{"Type":"Map","End":true}}}`, ""},
		{"to a default", "long", func(d *Value) error {
			// A Choice first, so there is a Default to move onto.
			if err := ChangeType(d, "A", TypeChoice); err != nil {
				return err
			}
			return MoveToDefault(d, []string{"C", "D"}, "A")
		}, `{"StartAt":"A","States":{"A":{"Type":"Choice","Default":"C"},"C":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"E"}],"Next":"D"},"D":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"E"},"E":{"Type":"Succeed"}}}`, ""},
		{"not a chain", "long", func(d *Value) error { return MoveOnTransition(d, []string{"A", "C"}, "D", "E") }, "", "not a chain"},
		{"two heads", "long", func(d *Value) error { return MoveOnTransition(d, []string{"A", "B", "D"}, "C", "E") }, "", "not a chain"},
		{"onto its own transition", "long", func(d *Value) error { return MoveOnTransition(d, []string{"B", "C"}, "A", "B") }, "", "already on that transition"},
		// Ch's second rule and Default go to Y, after X.
		{"entered in the middle", "choice", func(d *Value) error { return MoveIntoBranch(d, []string{"X", "Y"}, "Ch", 0) }, "", "inside the chain"},
		{"a loop", "loop", func(d *Value) error { return MoveOnTransition(d, []string{"B", "C"}, "X", "Y") }, "", "a loop"},
		{"ending in a loop", "loop", func(d *Value) error { return MoveOnTransition(d, []string{"A", "B", "C"}, "X", "Y") }, "", "goes back"},
		{"next to itself", "long", func(d *Value) error { return MoveToDefault(d, []string{"B", "C"}, "C") }, "", "next to itself"},
		{"two scopes", "nested", func(d *Value) error { return MoveOnTransition(d, []string{"B1", "I1"}, "P", "M") }, "", "not in the same scope"},
		{"listed twice", "long", func(d *Value) error { return MoveOnTransition(d, []string{"B", "B"}, "D", "E") }, "", "listed twice"},
	})
}

func TestInsertOnRule(t *testing.T) {
	runEditCases(t, []editCase{
		// Only rule 1 changes, although the Default goes to Y too.
		{"second rule", "choice", func(d *Value) error { return InsertOnRule(d, "Ch", 1, "N", pass("")) },
			`{"StartAt":"Ch","States":{"Ch":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"X"},{"Not":{"Variable":"$.b","IsNull":true},"Next":"N"}],"Default":"Y"},"N":{"Type":"Pass","Next":"Y"},"X":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Y"}],"Next":"Y"},"Y":{"Type":"Succeed"}}}`, ""},
		{"out of range", "choice", func(d *Value) error { return InsertOnRule(d, "Ch", 2, "N", pass("")) }, "", "out of range"},
		{"not a choice", "line", func(d *Value) error { return InsertOnRule(d, "A", 0, "N", pass("")) }, "", "not a Choice"},
	})
}

func TestPasteStatesLoose(t *testing.T) {
	doc, _ := ParseJSON([]byte(editDocs["line"]))
	clip, err := CopyStates(doc, []string{"A", "B"})
	if err != nil {
		t.Fatal(err)
	}
	names, err := PasteStatesLoose(doc, "B", clip.Get("States"), str(clip.Get("StartAt")))
	if err != nil {
		t.Fatal(err)
	}
	// The copies sit after B with the same transitions (A's copy to B's
	// copy, B's copy to C), and nothing goes to them.
	want := `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"A (1)":{"Type":"Pass","Next":"B (1)"},"B (1)":{"Type":"Task","Resource":"r","x-note":"kept","Next":"C"},"C":{"Type":"Pass","End":true}}}`
	if got := string(AppendCompactJSON(nil, doc)); got != want || strings.Join(names, ",") != "A (1),B (1)" {
		t.Errorf("got %s (names %v)\nwant %s", got, names, want)
	}
}
