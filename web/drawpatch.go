package web

// drawDOM is what the drawing patcher needs of the page: N is an element.
type drawDOM[N any] interface {
	// parse makes elements of pieces of markup, in order, not yet placed.
	parse(markup []string) []N
	// setTransform sets an element's transform attribute.
	setTransform(el N, transform string)
	// insertBefore moves or inserts el before ref, or at the end when
	// last is set.
	insertBefore(el N, ref N, last bool)
	// remove takes el out of the drawing.
	remove(el N)
}

// placedPiece is a piece of the drawing in the page: its element and the
// markup it was made from, split around its transform.
type placedPiece[N any] struct {
	el                         N
	key, head, transform, tail string
	oldIndex                   int
	kept                       bool
}

// drawPatcher keeps the page's drawing equal to the last one written while
// touching only what changed: a piece whose markup is unchanged but for
// its transform keeps its element (the transform is set when it moved),
// pieces that changed or are new are parsed together in one go, those
// gone are removed, and elements are reordered with the fewest moves.
// Deleting a state of a 200-state workflow thus moves elements instead of
// rebuilding thousands of them.
type drawPatcher[N any] struct {
	dom    drawDOM[N]
	placed []*placedPiece[N]
}

// reset forgets what is in the page (its drawing element was replaced).
func (p *drawPatcher[N]) reset() { p.placed = nil }

// patch makes the page's drawing the pieces of markup m.
func (p *drawPatcher[N]) patch(m string, pieces []pieceSpan) {
	old := make(map[string]*placedPiece[N], len(p.placed))
	for i, pp := range p.placed {
		pp.oldIndex, pp.kept = i, false
		old[pp.key] = pp
	}
	next := make([]*placedPiece[N], len(pieces))
	var fresh []int
	var markup []string
	for i, sp := range pieces {
		head, transform, tail := m[sp.start:sp.tStart], m[sp.tStart:sp.tEnd], m[sp.tEnd:sp.end]
		if o := old[sp.key]; o != nil && !o.kept && o.head == head && o.tail == tail {
			o.kept = true
			if o.transform != transform {
				p.dom.setTransform(o.el, transform)
				o.transform = transform
			}
			next[i] = o
			continue
		}
		next[i] = &placedPiece[N]{key: sp.key, head: head, transform: transform, tail: tail, oldIndex: -1}
		fresh = append(fresh, i)
		markup = append(markup, m[sp.start:sp.end])
	}
	for _, o := range p.placed {
		if !o.kept {
			p.dom.remove(o.el)
		}
	}
	if len(markup) > 0 {
		els := p.dom.parse(markup)
		for k, i := range fresh {
			next[i].el = els[k]
		}
	}
	// Kept elements in the longest run that is already in order stay
	// where they are; every other element goes before its successor,
	// working from the end so that the successor is already in place.
	stay := longestIncreasing(next)
	var zero N
	for i := len(next) - 1; i >= 0; i-- {
		if stay[i] {
			continue
		}
		if i == len(next)-1 {
			p.dom.insertBefore(next[i].el, zero, true)
		} else {
			p.dom.insertBefore(next[i].el, next[i+1].el, false)
		}
	}
	p.placed = next
}

// longestIncreasing marks a longest subsequence of the kept pieces whose
// old indexes increase: they are in order already and need not move.
func longestIncreasing[N any](next []*placedPiece[N]) []bool {
	stay := make([]bool, len(next))
	// tails[k] is the position in next of the smallest last old index of
	// an increasing run of length k+1; prev links runs back.
	var tails []int
	prev := make([]int, len(next))
	for i, pp := range next {
		if pp.oldIndex < 0 {
			continue
		}
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if next[tails[mid]].oldIndex < pp.oldIndex {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo > 0 {
			prev[i] = tails[lo-1]
		} else {
			prev[i] = -1
		}
		if lo == len(tails) {
			tails = append(tails, i)
		} else {
			tails[lo] = i
		}
	}
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			stay[i] = true
		}
	}
	return stay
}
