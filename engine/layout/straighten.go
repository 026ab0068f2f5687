package layout

import (
	"math"
	"sort"
)

// straighten lines up vertical paths of one-to-one links (a state whose only
// centre edge below goes to a state whose only centre edge above comes from
// it, dummies of a long edge included) on one x, so that chains run
// straight instead of drifting by a few pixels per layer. A path that
// cannot be straight as a whole (its neighbours are in the way) is cut into
// segments that can. Each segment takes the x that aligns most of its links
// to the outside, within the room its layers leave.
func (l *lay) straighten() {
	n := len(l.items)
	next := make([]int, n)
	hasPrev := make([]bool, n)
	for i := range next {
		next[i] = -1
	}
	centreLinks := func(list []adj, dir int) (int, int) {
		count, only := 0, -1 // distinct neighbours (parallel edges count once)
		for _, a := range list {
			if l.portOff(a.chain, a.chainStep) == 0 && l.portOff(a.chain, a.chainStep+dir) == 0 && a.it != only {
				count++
				only = a.it
			}
		}
		return count, only
	}
	for v := range l.items {
		c, w := centreLinks(l.items[v].down, 1)
		if c != 1 {
			continue
		}
		if cu, u := centreLinks(l.items[w].up, -1); cu == 1 && u == v {
			next[v] = w
			hasPrev[w] = true
		}
	}
	var paths [][]int
	for v := range l.items {
		if hasPrev[v] {
			continue // a lone item is a path of one: it too may line up
		}
		var p []int
		for w := v; w >= 0; w = next[w] {
			p = append(p, w)
		}
		paths = append(paths, p)
	}
	sort.SliceStable(paths, func(i, j int) bool { return len(paths[i]) > len(paths[j]) })
	for _, p := range paths {
		start := 0
		lo, hi := math.Inf(-1), math.Inf(1)
		for k := 0; k <= len(p); k++ {
			if k < len(p) {
				a, b := l.room(p[k])
				if math.Max(lo, a) <= math.Min(hi, b) {
					lo, hi = math.Max(lo, a), math.Min(hi, b)
					continue
				}
			}
			l.alignSegment(p[start:k], lo, hi)
			if k < len(p) {
				start = k
				lo, hi = l.room(p[k])
			}
		}
	}
}

// room is the interval item v's x may take without moving its neighbours.
func (l *lay) room(v int) (float64, float64) {
	it := &l.items[v]
	layer := l.layers[it.layer]
	lo, hi := math.Inf(-1), math.Inf(1)
	if it.pos > 0 {
		u := layer[it.pos-1]
		lo = l.items[u].x + l.sep(u, v)
	}
	if it.pos+1 < len(layer) {
		w := layer[it.pos+1]
		hi = l.items[w].x - l.sep(v, w)
	}
	return lo, hi
}

// alignSegment moves the items of seg (one per layer, top to bottom) to the
// x in [lo, hi] that aligns the most links from the segment's top to the
// layer above and from its bottom to the layer below.
func (l *lay) alignSegment(seg []int, lo, hi float64) {
	if len(seg) == 0 || lo > hi {
		return
	}
	top, bottom := &l.items[seg[0]], &l.items[seg[len(seg)-1]]
	// the x each side would like: its one link's, or for a fan-out (a
	// merge) the median of its links', so that a Choice sits centred over
	// its branches
	var ends, weights []float64
	for _, side := range []struct {
		list []adj
		dir  int
	}{{top.up, -1}, {bottom.down, 1}} {
		var xs []float64
		for _, a := range side.list {
			xs = append(xs, l.items[a.it].x+l.portOff(a.chain, a.chainStep+side.dir)-l.portOff(a.chain, a.chainStep))
		}
		if len(xs) > 0 {
			// centring on a fan counts more than lining up with one link
			w := 1.0
			if len(xs) > 1 {
				w = 1.5
			}
			ends = append(ends, median(xs))
			weights = append(weights, w)
		}
	}
	var xs []float64
	for _, v := range seg {
		xs = append(xs, l.items[v].x)
	}
	cur := median(append([]float64(nil), xs...))
	cands := append([]float64{cur}, ends...)
	best, bestCost := math.NaN(), math.Inf(1)
	for _, c := range cands {
		c = math.Max(lo, math.Min(hi, c))
		cost := 0.0
		for i, e := range ends {
			if math.Abs(e-c) > eps {
				cost += weights[i]
			}
		}
		cost += 1e-4 * math.Abs(c-cur)
		if cost < bestCost {
			best, bestCost = c, cost
		}
	}
	for _, v := range seg {
		l.items[v].x = best
	}
}
