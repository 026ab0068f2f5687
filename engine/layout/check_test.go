package layout

import (
	"fmt"
	"math"
)

// Geometric invariants of a layout, shared by the tests.

const tol = 0.5

type rect struct{ x0, y0, x1, y1 float64 }

func nodeRect(n Node) rect { return rect{n.X, n.Y, n.X + n.W, n.Y + n.H} }

// overlaps reports whether the interiors of a and b intersect.
func overlaps(a, b rect) bool {
	return a.x0 < b.x1-tol && b.x0 < a.x1-tol && a.y0 < b.y1-tol && b.y0 < a.y1-tol
}

func contains(outer, inner rect) bool {
	return inner.x0 >= outer.x0-tol && inner.y0 >= outer.y0-tol && inner.x1 <= outer.x1+tol && inner.y1 <= outer.y1+tol
}

// segmentEnters reports whether segment p–q passes through the interior of r.
func segmentEnters(p, q [2]float64, r rect) bool {
	// shrink r by tol and clip the segment (Liang–Barsky)
	x0, y0, x1, y1 := r.x0+tol, r.y0+tol, r.x1-tol, r.y1-tol
	if x0 >= x1 || y0 >= y1 {
		return false
	}
	t0, t1 := 0.0, 1.0
	dx, dy := q[0]-p[0], q[1]-p[1]
	clip := func(den, num float64) bool {
		if den == 0 {
			return num >= 0
		}
		t := num / den
		if den > 0 {
			if t < t0 {
				return false
			}
			if t < t1 {
				t1 = t
			}
		} else {
			if t > t1 {
				return false
			}
			if t > t0 {
				t0 = t
			}
		}
		return true
	}
	return clip(-dx, p[0]-x0) && clip(dx, x1-p[0]) && clip(-dy, p[1]-y0) && clip(dy, y1-p[1]) && t0 < t1
}

func onBorder(p [2]float64, r rect) bool {
	inX := p[0] >= r.x0-tol && p[0] <= r.x1+tol
	inY := p[1] >= r.y0-tol && p[1] <= r.y1+tol
	return (inX && (math.Abs(p[1]-r.y0) <= tol || math.Abs(p[1]-r.y1) <= tol)) ||
		(inY && (math.Abs(p[0]-r.x0) <= tol || math.Abs(p[0]-r.x1) <= tol))
}

// checkGeometry returns every broken invariant: overlapping nodes, group
// boxes that do not hold exactly their descendants, edges through nodes,
// edges not ending on their nodes' borders, non-orthogonal segments.
func checkGeometry(g *Geometry) []string {
	var bad []string
	byID := map[string]int{}
	for i, n := range g.Nodes {
		if _, dup := byID[n.ID]; dup {
			bad = append(bad, "duplicate node id "+n.ID)
		}
		byID[n.ID] = i
	}
	ancestor := func(a, b string) bool { // a is an ancestor of b
		for p := g.Nodes[byID[b]].Parent; p != ""; p = g.Nodes[byID[p]].Parent {
			if p == a {
				return true
			}
		}
		return false
	}
	for i, a := range g.Nodes {
		if a.Parent != "" {
			if pi, ok := byID[a.Parent]; !ok {
				bad = append(bad, "unknown parent "+a.Parent)
			} else if !contains(nodeRect(g.Nodes[pi]), nodeRect(a)) {
				bad = append(bad, fmt.Sprintf("group %s does not contain its child %s", a.Parent, a.ID))
			}
		}
		for j := i + 1; j < len(g.Nodes); j++ {
			b := g.Nodes[j]
			if ancestor(a.ID, b.ID) || ancestor(b.ID, a.ID) {
				continue
			}
			if overlaps(nodeRect(a), nodeRect(b)) {
				bad = append(bad, fmt.Sprintf("nodes %s and %s overlap", a.ID, b.ID))
			}
		}
	}
	for _, e := range g.Edges {
		name := e.From + "|" + e.To
		if len(e.Points) < 2 {
			bad = append(bad, "edge "+name+" has fewer than 2 points")
			continue
		}
		fi, ok1 := byID[e.From]
		ti, ok2 := byID[e.To]
		if !ok1 || !ok2 {
			bad = append(bad, "edge "+name+" names an unknown node")
			continue
		}
		if !onBorder(e.Points[0], nodeRect(g.Nodes[fi])) {
			bad = append(bad, fmt.Sprintf("edge %s does not start on the border of %s: %v", name, e.From, e.Points[0]))
		}
		if !onBorder(e.Points[len(e.Points)-1], nodeRect(g.Nodes[ti])) {
			bad = append(bad, fmt.Sprintf("edge %s does not end on the border of %s: %v", name, e.To, e.Points[len(e.Points)-1]))
		}
		for k := 0; k+1 < len(e.Points); k++ {
			p, q := e.Points[k], e.Points[k+1]
			if math.Abs(p[0]-q[0]) > 1e-6 && math.Abs(p[1]-q[1]) > 1e-6 {
				bad = append(bad, fmt.Sprintf("edge %s segment %d is not orthogonal", name, k))
			}
			for _, n := range g.Nodes {
				if ancestor(n.ID, e.From) {
					continue // the edge lives inside this group
				}
				if segmentEnters(p, q, nodeRect(n)) {
					bad = append(bad, fmt.Sprintf("edge %s passes through %s", name, n.ID))
				}
			}
		}
	}
	return bad
}

// crossings counts proper intersections between segments of different edges,
// as measure.mjs does (shared endpoints, T-junctions and collinear overlaps
// are not crossings).
func crossings(g *Geometry) int {
	type seg struct {
		e              int
		ax, ay, bx, by float64
	}
	var segs []seg
	for ei, e := range g.Edges {
		for k := 0; k+1 < len(e.Points); k++ {
			p, q := e.Points[k], e.Points[k+1]
			segs = append(segs, seg{ei, p[0], p[1], q[0], q[1]})
		}
	}
	side := func(ax, ay, bx, by, cx, cy float64) int {
		l := math.Hypot(bx-ax, by-ay)
		if l == 0 {
			return 0
		}
		d := ((bx-ax)*(cy-ay) - (by-ay)*(cx-ax)) / l
		if math.Abs(d) < 1e-6 {
			return 0
		}
		if d < 0 {
			return -1
		}
		return 1
	}
	n := 0
	for i := range segs {
		for j := i + 1; j < len(segs); j++ {
			s, t := segs[i], segs[j]
			if s.e == t.e {
				continue
			}
			d1, d2 := side(s.ax, s.ay, s.bx, s.by, t.ax, t.ay), side(s.ax, s.ay, s.bx, s.by, t.bx, t.by)
			if d1 == 0 || d2 == 0 || d1 == d2 {
				continue
			}
			d3, d4 := side(t.ax, t.ay, t.bx, t.by, s.ax, s.ay), side(t.ax, t.ay, t.bx, t.by, s.bx, s.by)
			if d3 != 0 && d4 != 0 && d3 != d4 {
				n++
			}
		}
	}
	return n
}
