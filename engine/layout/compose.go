package layout

import (
	"math"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// Layout lays out a definition. It never fails: a nil or empty definition
// gives a Start and an End.
func Layout(def *asl.StateMachine, opts Options) *Geometry {
	b := &builder{opts: opts, used: map[string]bool{}}
	top := b.level(def, "")
	layoutTree(top)
	g := &Geometry{}
	emit(g, top, 0, 0)
	g.Width, g.Height = bounds(g)
	return g
}

// layoutTree lays out the inner levels of every group first, sizes the
// group blocks, then lays out sc.
func layoutTree(sc *scope) {
	for _, n := range sc.nodes {
		if len(n.inner) == 0 {
			continue
		}
		for _, in := range n.inner {
			layoutTree(in)
		}
		if n.kind == "parallel" {
			w, h := float64(groupPad), 0.0
			for i, in := range n.inner {
				if i > 0 {
					w += branchGap
				}
				w += in.w + 2*branchPad
				h = math.Max(h, in.h+2*branchPad)
			}
			n.w = w + groupPad
			n.h = groupHeader + h + groupPad
		} else {
			in := n.inner[0]
			n.w = in.w + 2*groupPad
			n.h = groupHeader + in.h + groupPad
		}
		// never sized by the name, so that renaming a state moves nothing
		// (the SVG cuts long names)
	}
	layoutLevel(sc)
}

// textWidth estimates the width of text in the UI font.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == 'i' || r == 'l' || r == 'j' || r == '.' || r == ',' || r == ':' || r == '|' || r == '\'':
			w += 0.28
		case r == 'm' || r == 'w' || r == 'M' || r == 'W':
			w += 0.85
		case r >= 'A' && r <= 'Z':
			w += 0.66
		case r == ' ':
			w += 0.3
		default:
			w += 0.55
		}
	}
	return w * size
}

// emit appends the nodes and edges of sc, whose origin is at (ox, oy), to g:
// group boxes before their contents.
func emit(g *Geometry, sc *scope, ox, oy float64) {
	for _, n := range sc.nodes {
		x, y := ox+n.x, oy+n.y
		g.Nodes = append(g.Nodes, Node{ID: n.id, State: n.state, Kind: n.kind, X: x, Y: y, W: n.w, H: n.h,
			Parent: n.parent, Sub: n.sub, Group: len(n.inner) > 0, Collapsed: n.collapsed})
		switch {
		case n.kind == "parallel" && len(n.inner) > 0:
			content := float64(2 * groupPad)
			for i, in := range n.inner {
				if i > 0 {
					content += branchGap
				}
				content += in.w + 2*branchPad
			}
			bx := x + groupPad + (n.w-content)/2
			bh := n.h - groupHeader - groupPad
			for i, in := range n.inner {
				bw := in.w + 2*branchPad
				g.Nodes = append(g.Nodes, Node{ID: n.branchIDs[i], Kind: "branch", X: bx, Y: y + groupHeader, W: bw, H: bh, Parent: n.id, Group: true})
				emit(g, in, bx+branchPad, y+groupHeader+branchPad)
				bx += bw + branchGap
			}
		case len(n.inner) > 0:
			in := n.inner[0]
			emit(g, in, x+(n.w-in.w)/2, y+groupHeader)
		}
	}
	for i, e := range sc.edges {
		pts := make([][2]float64, len(sc.routes[i]))
		for k, p := range sc.routes[i] {
			pts[k] = [2]float64{ox + p[0], oy + p[1]}
		}
		ge := Edge{From: sc.nodes[e.from].id, To: sc.nodes[e.to].id, Kind: e.kind, Label: e.label, Points: pts, Back: sc.back[i]}
		if at := sc.labelAt[i]; at != nil {
			ge.LabelAt = &[2]float64{ox + at.x, oy + at.y}
			ge.LabelWidth = math.Round(at.w)
		}
		g.Edges = append(g.Edges, ge)
	}
}

// bounds returns the size of the drawing (nodes, edges and labels; the
// origin is at 0,0 by construction).
func bounds(g *Geometry) (float64, float64) {
	w, h := 0.0, 0.0
	for _, n := range g.Nodes {
		w = math.Max(w, n.X+n.W)
		h = math.Max(h, n.Y+n.H)
	}
	for _, e := range g.Edges {
		for _, p := range e.Points {
			w = math.Max(w, p[0])
			h = math.Max(h, p[1])
		}
		if e.LabelAt != nil {
			w = math.Max(w, e.LabelAt[0]+e.LabelWidth)
		}
	}
	return w, h
}
