package layout

import (
	"math"
	"sort"
)

// Orthogonal routing. Every edge runs vertically through the layers (at a
// node's port or at its dummies' x) and changes x only inside the gap
// between two layers, on a horizontal track. Tracks are assigned per gap so
// that a horizontal never crosses another edge's vertical when the order
// allows it: edges fanning out of one port share a track, edges merging
// into one port may share one, and otherwise the constraints "above"/
// "below" between overlapping segments are solved by longest path.

type gapSeg struct {
	chain, step int
	xt, xb      float64
	group       int
}

type segGroup struct {
	lo, hi     float64
	tops, bots []float64
	hasH       bool
	bottomNode int
	track      int
}

const eps = 1e-6

func (l *lay) runX(ci, step int) float64 {
	c := &l.chains[ci]
	return l.items[c.items[step]].x + l.portOff(ci, step)
}

func (l *lay) route() {
	sc := l.sc
	nL := len(l.layers)
	H := make([]float64, nL)
	for i := range l.items {
		it := &l.items[i]
		if it.h > H[it.layer] {
			H[it.layer] = it.h
		}
	}
	gaps := make([][]gapSeg, nL)
	label := make([]bool, nL)
	for ci := range l.chains {
		c := &l.chains[ci]
		if c.self {
			continue
		}
		for k := 0; k+1 < len(c.items); k++ {
			r := l.items[c.items[k]].layer
			gaps[r] = append(gaps[r], gapSeg{chain: ci, step: k, xt: l.runX(ci, k), xb: l.runX(ci, k+1)})
			if c.labelFirst && ((!c.rev && k == 0) || (c.rev && k+1 == len(c.items)-1)) {
				label[r] = true
			}
		}
	}
	tracks := make([]int, nL)
	segTrack := make([][]int, nL)
	for r := 0; r+1 < nL; r++ {
		segTrack[r], tracks[r] = l.assignTracks(gaps[r])
	}
	Y := make([]float64, nL)
	gapH := make([]float64, nL)
	for r := 0; r < nL; r++ {
		if r+1 < nL {
			g := math.Max(rankGap, float64(tracks[r]+1)*edgeGap)
			if label[r] {
				g += labelRoom
			}
			gapH[r] = g
			Y[r+1] = Y[r] + H[r] + g
		}
	}
	trackY := func(r, t int) float64 {
		area := gapH[r]
		if label[r] {
			area -= labelRoom
		}
		return Y[r] + H[r] + area*float64(t+1)/float64(tracks[r]+1)
	}
	// nodes
	w := 0.0
	for i := range l.items {
		it := &l.items[i]
		if e := it.x + it.halfw + it.rmargin; e > w {
			w = e
		}
		if it.node < 0 {
			continue
		}
		nd := sc.nodes[it.node]
		nd.x = it.x - it.halfw
		// centred in its layer, or at the top of a layer made tall by a
		// group, next to the edge that leads to it
		if H[it.layer] > 2*StateH {
			nd.y = Y[it.layer]
		} else {
			nd.y = Y[it.layer] + (H[it.layer]-it.h)/2
		}
	}
	sc.w = w
	sc.h = Y[nL-1] + H[nL-1]
	// edges
	sc.routes = make([][][2]float64, len(sc.edges))
	sc.labelAt = make([]*labelBox, len(sc.edges))
	sc.back = make([]bool, len(sc.edges))
	// trackOf[ci][k]: the track height of chain ci's step k
	trackOf := make([][]float64, len(l.chains))
	for r := 0; r+1 < nL; r++ {
		for si, s := range gaps[r] {
			if trackOf[s.chain] == nil {
				trackOf[s.chain] = make([]float64, len(l.chains[s.chain].items))
			}
			trackOf[s.chain][s.step] = trackY(r, segTrack[r][si])
		}
	}
	for ci := range l.chains {
		c := &l.chains[ci]
		var pts [][2]float64
		first := sc.nodes[c.items[0]]
		if c.self {
			it := &l.items[c.items[0]]
			xr := it.x + it.halfw
			xo := it.x + it.halfw + float64(c.selfSlot)*slotGap
			pts = [][2]float64{{xr, first.y + c.selfY[0]}, {xo, first.y + c.selfY[0]}, {xo, first.y + c.selfY[1]}, {xr, first.y + c.selfY[1]}}
			sc.routes[c.edge] = pts
			continue
		}
		a0 := &l.items[c.items[0]]
		if c.upper.side == 0 {
			pts = append(pts, [2]float64{a0.x, first.y + first.h})
		} else {
			y := first.y + c.upper.y
			pts = append(pts, [2]float64{a0.x + float64(c.upper.side)*a0.halfw, y}, [2]float64{l.runX(ci, 0), y})
		}
		for k := 0; k+1 < len(c.items); k++ {
			xt, xb := l.runX(ci, k), l.runX(ci, k+1)
			if math.Abs(xt-xb) > eps {
				ty := trackOf[ci][k]
				pts = append(pts, [2]float64{xt, ty}, [2]float64{xb, ty})
			}
		}
		last := len(c.items) - 1
		lastNode := sc.nodes[c.items[last]]
		bl := &l.items[c.items[last]]
		if c.lower.side == 0 {
			pts = append(pts, [2]float64{bl.x, lastNode.y})
		} else {
			y := lastNode.y + c.lower.y
			pts = append(pts, [2]float64{l.runX(ci, last), y}, [2]float64{bl.x + float64(c.lower.side)*bl.halfw, y})
		}
		pts = simplify(pts)
		if c.rev {
			for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
				pts[i], pts[j] = pts[j], pts[i]
			}
		}
		sc.routes[c.edge] = pts
		sc.back[c.edge] = c.rev
		if c.labelFirst && c.rev && sc.edges[c.edge].label != "" {
			p := pts[0]
			if len(pts) > 1 {
				p = pts[1]
			}
			sc.labelAt[c.edge] = &labelBox{x: p[0] + 5, y: p[1] - 5, w: textWidth(shorten(sc.edges[c.edge].label), 11)}
		}
	}
	for r := 0; r+1 < nL; r++ {
		if label[r] {
			l.placeLabels(gaps[r], Y[r+1]-5)
		}
	}
}

// placeLabels puts the labels of the Choice edges leaving through one gap
// just above the next layer, each beside its edge's vertical run in a free
// interval between two vertical runs (its right one if the label fits,
// else its left one), shortest labels first; a label that fits nowhere gets
// the larger free interval and is cut by the SVG.
func (l *lay) placeLabels(segs []gapSeg, y float64) {
	var xs []float64
	type want struct {
		edge int
		x, w float64
	}
	var wants []want
	for _, s := range segs {
		xs = append(xs, s.xb)
		c := &l.chains[s.chain]
		if c.labelFirst && !c.rev && s.step == 0 && l.sc.edges[c.edge].label != "" {
			wants = append(wants, want{c.edge, s.xb, textWidth(shorten(l.sc.edges[c.edge].label), 11)})
		}
	}
	xs = append(xs, 0, l.sc.w)
	sort.Float64s(xs)
	sort.SliceStable(wants, func(i, j int) bool { return wants[i].w < wants[j].w })
	claimed := map[float64]bool{} // by the left end of an interval
	interval := func(x float64, right bool) (float64, float64) {
		i := sort.SearchFloat64s(xs, x-eps)
		lo, hi := x, x
		if right {
			for j := i; j < len(xs); j++ {
				if xs[j] > x+eps {
					hi = xs[j]
					break
				}
			}
			return lo, hi
		}
		for j := i - 1; j >= 0; j-- {
			if xs[j] < x-eps {
				lo = xs[j]
				break
			}
		}
		return lo, hi
	}
	for _, w := range wants {
		rl, rh := interval(w.x, true)
		ll, lh := interval(w.x, false)
		roomR, roomL := rh-rl-11, lh-ll-14
		if claimed[rl] {
			roomR = -1
		}
		if claimed[ll] {
			roomL = -1
		}
		if w.w > roomR && w.w > roomL && math.Max(roomR, roomL) < 36 {
			continue // no room: the label is left to the edge's <title>
		}
		right := true
		switch {
		case w.w <= roomR:
		case w.w <= roomL:
			right = false
		default:
			right = roomR >= roomL
		}
		if right {
			claimed[rl] = true
			l.sc.labelAt[w.edge] = &labelBox{x: w.x + 5, y: y, w: math.Min(w.w, roomR)}
		} else {
			claimed[ll] = true
			ww := math.Min(w.w, roomL)
			l.sc.labelAt[w.edge] = &labelBox{x: w.x - 8 - ww, y: y, w: ww}
		}
	}
}

// labelBox is where a label's baseline starts and how wide it may be.
type labelBox struct{ x, y, w float64 }

// assignTracks gives every segment of one gap a track index (0 = top) and
// returns the number of tracks.
func (l *lay) assignTracks(segs []gapSeg) ([]int, int) {
	out := make([]int, len(segs))
	if len(segs) == 0 {
		return out, 0
	}
	var groups []segGroup
	fan := map[int]int{}
	for si := range segs {
		s := &segs[si]
		c := &l.chains[s.chain]
		g := -1
		if s.step == 0 && c.upper.side == 0 {
			if gi, ok := fan[c.items[0]]; ok {
				g = gi
			} else {
				fan[c.items[0]] = len(groups)
			}
		}
		bottom := -1
		if s.step+1 == len(c.items)-1 && c.lower.side == 0 {
			bottom = c.items[s.step+1]
		}
		if g < 0 {
			g = len(groups)
			groups = append(groups, segGroup{lo: math.Inf(1), hi: math.Inf(-1), bottomNode: bottom})
		} else if groups[g].bottomNode != bottom {
			groups[g].bottomNode = -1
		}
		s.group = g
		gr := &groups[g]
		gr.lo = math.Min(gr.lo, math.Min(s.xt, s.xb))
		gr.hi = math.Max(gr.hi, math.Max(s.xt, s.xb))
		gr.tops = append(gr.tops, s.xt)
		gr.bots = append(gr.bots, s.xb)
		if math.Abs(s.xt-s.xb) > eps {
			gr.hasH = true
		}
	}
	// constraints: track[to] >= track[from] + w
	type con struct{ from, to, w int }
	var cons []con
	inside := func(g *segGroup, x float64) bool { return x > g.lo+eps && x < g.hi-eps }
	for a := range groups {
		A := &groups[a]
		if !A.hasH {
			continue
		}
		for b := range groups {
			B := &groups[b]
			if a == b || !B.hasH {
				continue
			}
			for _, t := range B.tops {
				if inside(A, t) {
					w := 1
					if A.bottomNode >= 0 && A.bottomNode == B.bottomNode {
						w = 0
					}
					cons = append(cons, con{b, a, w})
					break
				}
			}
			for _, x := range B.bots {
				if inside(A, x) {
					cons = append(cons, con{a, b, 1})
					break
				}
			}
		}
	}
	n := len(groups)
	indeg := make([]int, n)
	outs := make([][]int, n)
	for i, c := range cons {
		indeg[c.to]++
		outs[c.from] = append(outs[c.from], i)
	}
	done := make([]bool, n)
	track := make([]int, n)
	for processed := 0; processed < n; {
		v := -1
		for i := 0; i < n; i++ {
			if !done[i] && indeg[i] == 0 {
				v = i
				break
			}
		}
		if v < 0 { // a cycle: the first remaining group ignores its constraints
			for i := 0; i < n; i++ {
				if !done[i] {
					v = i
					break
				}
			}
		}
		done[v] = true
		processed++
		for _, ci := range outs[v] {
			c := cons[ci]
			if done[c.to] {
				continue
			}
			if track[v]+c.w > track[c.to] {
				track[c.to] = track[v] + c.w
			}
			indeg[c.to]--
		}
	}
	T := 0
	for g := range groups {
		if groups[g].hasH && track[g]+1 > T {
			T = track[g] + 1
		}
	}
	for si := range segs {
		out[si] = track[segs[si].group]
	}
	return out, T
}

// simplify drops repeated points and the middle of collinear runs.
func simplify(pts [][2]float64) [][2]float64 {
	out := pts[:0:0]
	for _, p := range pts {
		if n := len(out); n > 0 && math.Abs(out[n-1][0]-p[0]) < eps && math.Abs(out[n-1][1]-p[1]) < eps {
			continue
		}
		if n := len(out); n >= 2 {
			a, b := out[n-2], out[n-1]
			if (math.Abs(a[0]-b[0]) < eps && math.Abs(b[0]-p[0]) < eps) || (math.Abs(a[1]-b[1]) < eps && math.Abs(b[1]-p[1]) < eps) {
				// b is between a and p on one line only when it does not reverse
				if (b[0]-a[0])*(p[0]-b[0]) >= 0 && (b[1]-a[1])*(p[1]-b[1]) >= 0 {
					out[n-1] = p
					continue
				}
			}
		}
		out = append(out, p)
	}
	return out
}
