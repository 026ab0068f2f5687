package web

import (
	"fmt"
	"testing"
)

// BenchmarkEditRound200 is what a canvas edit of a 200-state workflow
// runs in Go (editRound, as the warm-up): delete a state, print, lay out,
// validate, draw and diff the drawing; then render the studio's tree. The
// browser figure is bench/web's; this one shows where the time and the
// allocations go (go test -bench EditRound -benchmem -memprofile).
func BenchmarkEditRound200(b *testing.B) {
	d := newDocument("bench", []byte(scratchWorkflow(200)))
	if d.Root == nil {
		b.Fatal("the scratch workflow does not parse")
	}
	s := &Studio{doc: d, view: viewport{K: 1}}
	p := drawPatcher[int]{dom: discardDrawing{}}
	w := s.draw(d.Geom)
	p.patch(w.String(), w.pieces)
	base := d.Root.Clone()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := editRound(s, &p, base.Clone(), fmt.Sprintf("Step %d", 2+i%150)); err != nil {
			b.Fatal(err)
		}
		s.Render()
	}
}
