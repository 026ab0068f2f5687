package web

import (
	"fmt"
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// fakeEl is an element of fakeDOM: the markup it was parsed from, with its
// transform attribute kept apart so that setTransform can change it.
type fakeEl struct {
	markup    string
	transform string
}

var transformAttr = regexp.MustCompile(`^(<[a-z]+ transform=")([^"]*)(")`)

func (e *fakeEl) String() string {
	return transformAttr.ReplaceAllString(e.markup, "${1}"+e.transform+"${3}")
}

// fakeDOM is a drawing element's children, counting the work done.
type fakeDOM struct {
	children                           []*fakeEl
	parsed, transforms, moves, removed int
}

func (d *fakeDOM) parse(markup []string) []*fakeEl {
	out := make([]*fakeEl, len(markup))
	for i, m := range markup {
		sub := transformAttr.FindStringSubmatch(m)
		if sub == nil {
			panic("a piece does not start with its transform: " + m)
		}
		out[i] = &fakeEl{markup: m, transform: sub[2]}
	}
	d.parsed += len(markup)
	return out
}

func (d *fakeDOM) setTransform(el *fakeEl, t string) { el.transform = t; d.transforms++ }

func (d *fakeDOM) index(el *fakeEl) int {
	for i, c := range d.children {
		if c == el {
			return i
		}
	}
	return -1
}

func (d *fakeDOM) insertBefore(el, ref *fakeEl, last bool) {
	if i := d.index(el); i >= 0 {
		d.children = append(d.children[:i], d.children[i+1:]...)
	}
	d.moves++
	if last {
		d.children = append(d.children, el)
		return
	}
	j := d.index(ref)
	if j < 0 {
		panic("insertBefore: the reference is not in the drawing")
	}
	d.children = append(d.children[:j], append([]*fakeEl{el}, d.children[j:]...)...)
}

func (d *fakeDOM) remove(el *fakeEl) {
	i := d.index(el)
	if i < 0 {
		panic("remove: not in the drawing")
	}
	d.children = append(d.children[:i], d.children[i+1:]...)
	d.removed++
}

func (d *fakeDOM) String() string {
	var b strings.Builder
	for _, c := range d.children {
		b.WriteString(c.String())
	}
	return b.String()
}

func (d *fakeDOM) resetCounts() { d.parsed, d.transforms, d.moves, d.removed = 0, 0, 0, 0 }

// piecesOf is the markup of a drawing's pieces, in order.
func piecesOf(w *drawWriter) string {
	m := w.String()
	var b strings.Builder
	for _, p := range w.pieces {
		b.WriteString(m[p.start:p.end])
	}
	return b.String()
}

// chain is a workflow of n Pass states, each going to the next, without
// the states whose numbers are in skip.
func chain(n int, skip ...int) string {
	gone := map[int]bool{}
	for _, k := range skip {
		gone[k] = true
	}
	var names []string
	for i := 1; i <= n; i++ {
		if !gone[i] {
			names = append(names, fmt.Sprintf("Step %d", i))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `{"StartAt": %q, "States": {`, names[0])
	for i, name := range names {
		if i > 0 {
			b.WriteString(",")
		}
		if i == len(names)-1 {
			fmt.Fprintf(&b, `%q: {"Type": "Pass", "End": true}`, name)
		} else {
			fmt.Fprintf(&b, `%q: {"Type": "Pass", "Next": %q}`, name, names[i+1])
		}
	}
	b.WriteString("}}")
	return b.String()
}

// The pieces of a drawing are its whole content, each placed by a
// transform written first, under keys unique in the drawing.
func TestDrawingPieces(t *testing.T) {
	s := studioWith(t, `{"StartAt":"C","States":{
		"C":{"Type":"Choice","Choices":[
			{"Variable":"$.a","IsPresent":true,"Next":"T"},
			{"Variable":"$.c","IsPresent":true,"Next":"T"}],"Default":"P"},
		"P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}],"Next":"T"},
		"T":{"Type":"Pass","End":true}}}`)
	w := s.draw(s.doc.Geom)
	m := w.String()
	inner := m[strings.Index(m, ">")+1 : strings.LastIndex(m, "</svg>")]
	if got := piecesOf(w); got != inner {
		t.Fatalf("the pieces are not the drawing's content:\npieces  %s\ndrawing %s", got, inner)
	}
	keys := map[string]bool{}
	for _, p := range w.pieces {
		if keys[p.key] {
			t.Errorf("key %q twice", p.key)
		}
		keys[p.key] = true
		if !strings.HasPrefix(m[p.tStart:p.tEnd], "translate(") || !transformAttr.MatchString(m[p.start:p.end]) {
			t.Errorf("piece %q does not start with its translate: %.60s", p.key, m[p.start:p.end])
		}
	}
	for _, k := range []string{"state|C", "group|P", "state|B", "edge|C|T", "edge|C|T#1", "zone|default:C"} {
		if !keys[k] {
			t.Errorf("no piece %q in %v", k, keys)
		}
	}
}

// Deleting a state from the middle of a long chain moves the states below
// it (a new transform each) and rebuilds only the few pieces around it.
func TestDrawPatchDeleteMovesInsteadOfRebuilding(t *testing.T) {
	dom := &fakeDOM{}
	p := &drawPatcher[*fakeEl]{dom: dom}
	before := studioWith(t, chain(200)).draw(studioWith(t, chain(200)).doc.Geom)
	p.patch(before.String(), before.pieces)
	if dom.String() != piecesOf(before) {
		t.Fatal("the first patch does not give the drawing")
	}
	if dom.parsed != len(before.pieces) {
		t.Fatalf("the first patch parsed %d pieces of %d", dom.parsed, len(before.pieces))
	}
	dom.resetCounts()
	s := studioWith(t, chain(200, 100))
	after := s.draw(s.doc.Geom)
	p.patch(after.String(), after.pieces)
	if dom.String() != piecesOf(after) {
		t.Fatal("after the delete the page's drawing is not the new drawing")
	}
	t.Logf("delete: %d parsed, %d transforms, %d moves, %d removed of %d pieces", dom.parsed, dom.transforms, dom.moves, dom.removed, len(after.pieces))
	if dom.parsed > 6 || dom.moves > 6 {
		t.Errorf("deleting one state rebuilt %d pieces and moved %d: only those around it should change", dom.parsed, dom.moves)
	}
	if dom.transforms < 250 {
		t.Errorf("only %d transforms set: the states, edges and drop targets below the deleted state all moved", dom.transforms)
	}

	// Selecting a state redraws that state alone.
	dom.resetCounts()
	s.selected = "Step 150"
	sel := s.draw(s.doc.Geom)
	p.patch(sel.String(), sel.pieces)
	if dom.String() != piecesOf(sel) {
		t.Fatal("after selecting, the page's drawing is not the new drawing")
	}
	if dom.parsed != 1 || dom.transforms != 0 || dom.removed != 1 {
		t.Errorf("selecting one state: %d parsed, %d transforms, %d removed; want 1, 0, 1", dom.parsed, dom.transforms, dom.removed)
	}
}

// Any change of order, content and position gives the new drawing.
func TestDrawPatchRandomChanges(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	dom := &fakeDOM{}
	p := &drawPatcher[*fakeEl]{dom: dom}
	for round := range 300 {
		n := rng.Intn(30)
		w := &drawWriter{}
		for i := range n {
			k := rng.Intn(40)
			w.open("g", fmt.Sprintf("k%d", k), float64(rng.Intn(3)), 0)
			fmt.Fprintf(&w.Builder, ` v="%d"></g>`, rng.Intn(2))
			w.close()
			_ = i
		}
		p.patch(w.String(), w.pieces)
		if got, want := dom.String(), piecesOf(w); got != want {
			t.Fatalf("round %d:\n got %s\nwant %s", round, got, want)
		}
	}
}

// A warm-up round edits its scratch workflow without error and leaves no
// run state behind.
func TestWarmUpRound(t *testing.T) {
	n := len(sessions)
	for round := range 3 {
		warmUpRound(round)
	}
	if len(sessions) != n {
		t.Errorf("warm-up left %d run sessions", len(sessions)-n)
	}
	d := newDocument("w", []byte(scratchWorkflow(40)))
	if d.ParseErr != nil || len(d.SM.States) != 40 {
		t.Fatalf("the scratch workflow does not parse to 40 states: %v", d.ParseErr)
	}
}

// A Map container says whether it is distributed.
func TestDrawingNamesDistributedMaps(t *testing.T) {
	s := studioWith(t, `{"StartAt":"D","States":{
		"D":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},"Next":"I"},
		"I":{"Type":"Map","ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}},"End":true}}}`)
	m := s.draw(s.doc.Geom).String()
	if !strings.Contains(m, ">Distributed Map · D<") || !strings.Contains(m, ">Map · I<") {
		t.Fatalf("container labels: want \"Distributed Map · D\" and \"Map · I\" in\n%s", m)
	}
}
