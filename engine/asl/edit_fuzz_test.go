package asl

import (
	"bytes"
	"testing"
)

// FuzzEdits runs sequences of edit operations chosen by the input on the
// test documents: no panics, a failed edit leaves the document unchanged,
// and state names stay unique.
func FuzzEdits(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
	f.Add([]byte{3, 13, 0, 9, 9, 2, 5, 1, 7, 7, 7, 4, 4, 12, 11, 10, 6, 8})
	f.Add([]byte{2, 11, 3, 12, 1, 0, 1, 9, 4, 4, 2, 10, 0, 5, 3, 6})
	f.Add([]byte{1, 0, 15, 1, 2, 3, 0, 19, 1, 0, 2, 0, 21, 0, 1, 1, 1, 0, 22, 0, 2, 0, 18, 3, 0})
	f.Add([]byte{2, 0, 16, 1, 0, 1, 0, 17, 5, 1, 0, 20, 0, 1, 0, 21, 2, 3, 0, 1, 1})
	f.Fuzz(fuzzEditsBody)
}

// fuzzEditsBody is FuzzEdits' body: prog[0] picks the document, the rest
// the operations and their arguments.
func fuzzEditsBody(t *testing.T, prog []byte) {
	docs := []string{editDocs["line"], editDocs["choice"], editDocs["nested"], editDocs["deep"], editDocs["bad"]}
	if len(prog) == 0 {
		return
	}
	doc, err := ParseJSON([]byte(docs[int(prog[0])%len(docs)]))
	if err != nil {
		t.Fatal(err)
	}
	prog = prog[1:]
	next := func() int {
		if len(prog) == 0 {
			return 0
		}
		b := prog[0]
		prog = prog[1:]
		return int(b)
	}
	pick := func() string {
		names := append(StateNames(doc), "Nope")
		return names[next()%len(names)]
	}
	types := StateTypes
	for step := 0; len(prog) > 0 && step < 50; step++ {
		before := PrintJSON(doc)
		newName := UniqueName(doc, "New")
		state := &Value{Kind: Object, Fields: []*Field{{Key: "Type", Value: NewString(types[next()%len(types)])}}}
		var err error
		switch next() % 23 {
		case 0:
			err = InsertAfter(doc, pick(), newName, state)
		case 1:
			err = InsertBefore(doc, pick(), newName, state)
		case 2:
			err = InsertOnTransition(doc, pick(), pick(), newName, state)
		case 3:
			err = InsertIntoBranch(doc, pick(), next()%3, newName, state)
		case 4:
			err = InsertIntoProcessor(doc, pick(), newName, state)
		case 5:
			err = Remove(doc, pick())
		case 6:
			err = Rename(doc, pick(), newName)
		case 7:
			err = Connect(doc, pick(), pick())
		case 8:
			err = ChangeType(doc, pick(), types[next()%len(types)])
		case 9:
			err = WrapInParallel(doc, []string{pick(), pick()}[:1+next()%2], newName)
		case 10:
			err = WrapInMap(doc, []string{pick()}, newName)
		case 11:
			err = Move(doc, pick(), pick())
		case 12:
			err = Duplicate(doc, pick(), newName)
		case 13:
			err = Rename(doc, pick(), pick())
		case 14:
			err = InsertAfter(doc, pick(), pick(), state)
		case 15:
			err = MoveOnTransition(doc, []string{pick(), pick()}[:1+next()%2], pick(), pick())
		case 16:
			err = MoveIntoBranch(doc, []string{pick(), pick()}[:1+next()%2], pick(), next()%3)
		case 17:
			err = MoveIntoProcessor(doc, []string{pick(), pick()}[:1+next()%2], pick())
		case 18:
			err = MoveToDefault(doc, []string{pick(), pick()}[:1+next()%2], pick())
		case 19:
			err = MoveOntoRule(doc, []string{pick(), pick()}[:1+next()%2], pick(), next()%3)
		case 20:
			err = InsertOnRule(doc, pick(), next()%3, newName, state)
		case 21:
			var clip *Value
			if clip, err = CopyStates(doc, []string{pick(), pick()}[:1+next()%2]); err == nil {
				after := []string{"", pick()}[next()%2]
				if next()%2 == 0 {
					_, err = PasteStates(doc, after, clip.Get("States"), str(clip.Get("StartAt")))
				} else {
					_, err = PasteStatesLoose(doc, after, clip.Get("States"), str(clip.Get("StartAt")))
				}
			}
		case 22:
			err = RemoveStates(doc, []string{pick(), pick()})
		}
		after := PrintJSON(doc)
		if err != nil {
			if _, ok := err.(*EditError); !ok {
				t.Fatalf("error %T is not an *EditError: %v", err, err)
			}
			if !bytes.Equal(before, after) {
				t.Fatalf("failed edit (%v) changed the document:\n%s\n%s", err, before, after)
			}
			continue
		}
		seen := map[string]bool{}
		for _, n := range StateNames(doc) {
			if seen[n] {
				t.Fatalf("duplicate state name %q after an edit:\n%s", n, after)
			}
			seen[n] = true
		}
		if _, err := ParseJSON(after); err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(doc); err != nil {
			t.Fatal(err)
		}
	}
}
