package asl

import (
	"bytes"
	"testing"
)

// samePositions reports the first value or key whose position differs
// between a (printed with positions) and b (parsed from that text).
func samePositions(t *testing.T, where string, a, b *Value) bool {
	t.Helper()
	if a.Pos != b.Pos || a.End != b.End || a.Kind != b.Kind {
		t.Errorf("%s: value at %+v-%+v (%v), a parse gives %+v-%+v (%v)", where, a.Pos, a.End, a.Kind, b.Pos, b.End, b.Kind)
		return false
	}
	if len(a.Fields) != len(b.Fields) || len(a.Items) != len(b.Items) {
		t.Errorf("%s: shapes differ", where)
		return false
	}
	for i, f := range a.Fields {
		if f.KeyPos != b.Fields[i].KeyPos {
			t.Errorf("%s/%s: key at %+v, a parse gives %+v", where, f.Key, f.KeyPos, b.Fields[i].KeyPos)
			return false
		}
		if !samePositions(t, where+"/"+f.Key, f.Value, b.Fields[i].Value) {
			return false
		}
	}
	for i, it := range a.Items {
		if !samePositions(t, where+"/"+itoa(i), it, b.Items[i]) {
			return false
		}
	}
	return true
}

// Printing with positions gives PrintJSON's text and the positions a parse
// of that text gives, for every definition of the corpus, as parsed and
// after edits that add values without positions.
func TestPrintJSONPositionsMatchesAParse(t *testing.T) {
	check := func(name string, doc *Value) {
		t.Helper()
		want := PrintJSON(doc)
		got := PrintJSONPositions(doc)
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: text differs from PrintJSON:\n%s", name, got)
		}
		parsed, err := ParseJSON(got)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		samePositions(t, name, doc, parsed)
	}
	inserted := 0
	for _, c := range corpusDocuments(t) {
		file, doc := c.file, c.doc
		check(file, doc)
		names := StateNames(doc)
		if len(names) == 0 {
			continue
		}
		n := UniqueName(doc, "Inserted")
		if err := InsertAfter(doc, names[0], n, &Value{Kind: Object, Fields: []*Field{
			{Key: "Type", Value: &Value{Kind: String, Str: "Pass"}},
			{Key: "Comment", Value: &Value{Kind: String, Str: "ünïcode \"quoted\"\n"}},
			{Key: "Result", Value: &Value{Kind: Array, Items: []*Value{nil, {Kind: Number, Str: "1.50"}, {Kind: Object}}}},
		}}); err == nil {
			check(file+" (inserted)", doc)
			inserted++
		}
	}
	if inserted == 0 {
		t.Error("no edit of the corpus was checked")
	}
}
