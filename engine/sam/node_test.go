package sam

import "testing"

// TestNodeRanges checks that every node's byte range covers exactly its text.
func TestNodeRanges(t *testing.T) {
	src := "# c\nA: !Ref X\nB:\n  - 1\n  - 'it''s'   # x\n  - \"q\\\"\"\nC: {a: [1, 2 ], b: c }\nD: |-\n  line1\n   line2\n\nE: plain\n  folded\nF: !Sub\n  - s\n  - {}\n"
	s := newSource("t.yaml", []byte(src))
	n, err := parseTree(s)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"A": "!Ref X", "B": "- 1\n  - 'it''s'   # x\n  - \"q\\\"\"", "C": "{a: [1, 2 ], b: c }",
		"D": "|-\n  line1\n   line2", "E": "plain\n  folded", "F": "!Sub\n  - s\n  - {}",
	}
	for k, w := range want {
		v := n.get(k)
		if got := src[v.start:v.end]; got != w {
			t.Errorf("%s: range %q, want %q", k, got, w)
		}
	}
	if it := n.get("B").items[1]; src[it.start:it.end] != "'it''s'" {
		t.Errorf("B[1] = %q", src[it.start:it.end])
	}
}
