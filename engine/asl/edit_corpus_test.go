package asl

import "testing"

// TestEditsCorpus applies edits and their inverses to every state of every
// execution definition of the corpus and checks the document comes back
// the same: Rename there and back, InsertAfter then Remove, Duplicate then
// Remove. Failed edits must leave the document unchanged.
func TestEditsCorpus(t *testing.T) {
	ops := 0
	for _, c := range corpusDocuments(t) {
		file, doc := c.file, c.doc
		orig := doc.Clone()
		check := func(what string) {
			t.Helper()
			if !Equal(doc, orig) {
				t.Fatalf("%s: %s did not come back:\n%s", file, what, PrintJSON(doc))
			}
		}
		for _, name := range StateNames(doc) {
			tmp := UniqueName(doc, "Renamed")
			if err := Rename(doc, name, tmp); err != nil {
				t.Fatalf("%s: Rename(%q): %v", file, name, err)
			}
			if err := Rename(doc, tmp, name); err != nil {
				t.Fatalf("%s: Rename back: %v", file, err)
			}
			check("Rename " + name)

			n := UniqueName(doc, "Inserted")
			if err := InsertAfter(doc, name, n, pass("")); err == nil {
				if err := Remove(doc, n); err != nil {
					t.Fatalf("%s: Remove(%q) after InsertAfter(%q): %v", file, n, name, err)
				}
			}
			check("InsertAfter+Remove " + name)

			c := UniqueName(doc, name+" copy")
			if err := Duplicate(doc, name, c); err != nil {
				t.Fatalf("%s: Duplicate(%q): %v", file, name, err)
			}
			if err := Remove(doc, c); err != nil {
				t.Fatalf("%s: Remove(%q): %v", file, c, err)
			}
			check("Duplicate+Remove " + name)
			ops += 3
		}
	}
	t.Logf("%d edit round trips", ops)
}
