package web

import (
	"html"
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/layout"
)

// drawing renders the geometry as one SVG fragment (a nested <svg>, so
// that the HTML parser gives its children the SVG namespace): groups, then
// edges, then states, then the drop targets on top. Parts carry data-part
// for the style sheet and the test hooks of DESIGN.md: data-state,
// data-edge and data-dropzone.
func (s *Studio) drawing(g *layout.Geometry) string {
	return s.draw(g).String()
}

// draw writes the drawing and notes where each of its top-level elements
// (pieces) is, for the browser's canvas to patch only what changed
// (drawpatch.go). Every piece is placed by a translate as its first
// attribute and draws the rest relative to it, so a state that only moved
// differs from its last drawing by that attribute alone.
func (s *Studio) draw(g *layout.Geometry) *drawWriter {
	// Pieces: a node or an edge each, and a drop zone for most edges.
	n := len(g.Nodes) + len(g.Edges)
	w := &drawWriter{pieces: make([]pieceSpan, 0, 2*n), seen: make(map[string]int, 2*n)}
	b := &w.Builder
	b.Grow(512 * n)
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" overflow="visible" data-part="drawing" width="`)
	b.WriteString(num(g.Width))
	b.WriteString(`" height="`)
	b.WriteString(num(g.Height))
	b.WriteString(`">`)
	drawRun = s.canvasRunState()
	drawSel = s.selectedSet()
	drawMoving = nil
	if s.cv.move != nil && s.cv.move.moved {
		drawMoving = map[string]bool{}
		for _, n := range s.cv.move.names {
			drawMoving[n] = true
		}
	}
	s.drawGroups(w, g)
	s.drawEdges(w, g)
	s.drawNodes(w, g)
	s.drawDropzones(w, g)
	b.WriteString(`</svg>`)
	return w
}

// drawWriter is a drawing being written and the pieces written so far.
type drawWriter struct {
	strings.Builder
	pieces []pieceSpan
	seen   map[string]int
}

// pieceSpan locates a top-level element of a drawing in its markup m:
// m[start:end] is the element, m[tStart:tEnd] its transform's value, and
// m[start:tStart] with m[tEnd:end] everything else.
type pieceSpan struct {
	key                      string
	start, tStart, tEnd, end int
}

// open starts a piece: "<tag transform="translate(x y)"", its key made
// unique within the drawing (two transitions may join the same states).
func (w *drawWriter) open(tag, key string, x, y float64) {
	if w.seen == nil {
		w.seen = map[string]int{}
	}
	if n := w.seen[key]; n > 0 {
		w.seen[key] = n + 1
		key += "#" + strconv.Itoa(n)
	} else {
		w.seen[key] = 1
	}
	p := pieceSpan{key: key, start: w.Len()}
	w.WriteByte('<')
	w.WriteString(tag)
	w.WriteString(` transform="`)
	p.tStart = w.Len()
	w.WriteString(translate(x, y))
	p.tEnd = w.Len()
	w.WriteByte('"')
	w.pieces = append(w.pieces, p)
}

// close ends the piece opened last, after its closing tag.
func (w *drawWriter) close() {
	w.pieces[len(w.pieces)-1].end = w.Len()
}

// drawSel is the selection while a drawing is written, and drawMoving the
// states being dragged to another place (nil when none).
var (
	drawSel    map[string]bool
	drawMoving map[string]bool
)

func attr(b *strings.Builder, name, value string) {
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	b.WriteString(html.EscapeString(value))
	b.WriteByte('"')
}

func translate(x, y float64) string { return "translate(" + num(x) + " " + num(y) + ")" }

func (s *Studio) drawGroups(w *drawWriter, g *layout.Geometry) {
	b := &w.Builder
	for _, n := range g.Nodes {
		if !n.Group {
			continue
		}
		part := "group " + n.Kind
		if n.State != "" && drawSel[n.State] {
			part += " selected"
		}
		if n.State != "" && drawMoving[n.State] {
			part += " moving"
		}
		w.open("g", "group|"+n.ID, n.X, n.Y)
		attr(b, "data-part", part)
		if n.State != "" {
			attr(b, "data-state", n.State)
			attr(b, "data-kind", n.Kind)
			drawRun.nodeAttrs(b, n.State)
		}
		drawRun.groupAttrs(b, &n)
		b.WriteString(`><rect rx="10"`)
		attr(b, "width", num(n.W))
		attr(b, "height", num(n.H))
		b.WriteString(`/>`)
		if n.Kind != "branch" {
			b.WriteString(`<text x="12" y="17">`)
			label := kindLabel[n.Kind]
			if n.Kind == "map" && n.Sub != "" && n.Sub != label {
				label = n.Sub // "Distributed Map"
			}
			b.WriteString(html.EscapeString(label + " · " + n.State))
			b.WriteString(`</text>`)
		}
		drawRun.groupBadges(b, &n)
		b.WriteString(`</g>`)
		w.close()
	}
}

func (s *Studio) drawEdges(w *drawWriter, g *layout.Geometry) {
	b := &w.Builder
	for _, e := range g.Edges {
		var x0, y0 float64
		if len(e.Points) > 0 {
			x0, y0 = e.Points[0][0], e.Points[0][1]
		}
		w.open("g", "edge|"+e.From+"|"+e.To, x0, y0)
		attr(b, "data-part", "edge "+e.Kind)
		attr(b, "data-edge", e.From+"|"+e.To)
		drawRun.edgeAttrs(b, e.From, e.To)
		b.WriteString(`><path data-part="line" marker-end="url(#arrow)" d="`)
		writePolyline(b, e.Points, x0, y0)
		b.WriteString(`"/>`)
		if e.Label != "" && e.LabelAt != nil {
			b.WriteString(`<text`)
			attr(b, "x", num(e.LabelAt[0]-x0))
			attr(b, "y", num(e.LabelAt[1]-y0))
			b.WriteString(`><title>`)
			b.WriteString(html.EscapeString(e.Label))
			b.WriteString(`</title>`)
			b.WriteString(html.EscapeString(truncate(e.Label, 28)))
			b.WriteString(`</text>`)
		}
		b.WriteString(`</g>`)
		w.close()
	}
}

// drawNodes draws the start and end markers and the states. Each is drawn
// by a function of its own: one function holding both bodies was among the
// largest the browser optimizes on a first visit, and the optimizing
// compiler's time grows faster than a function's size.
func (s *Studio) drawNodes(w *drawWriter, g *layout.Geometry) {
	bad := s.statesWithErrors()
	for i := range g.Nodes {
		n := &g.Nodes[i]
		switch {
		case n.Group:
		case n.Kind == "start" || n.Kind == "end":
			drawMarker(w, n)
		default:
			drawState(w, n, bad[n.State])
		}
	}
}

// drawMarker draws the start or end marker n.
func drawMarker(w *drawWriter, n *layout.Node) {
	b := &w.Builder
	label := "Start"
	if n.Kind == "end" {
		label = "End"
	}
	w.open("g", "marker|"+n.ID, n.X, n.Y)
	attr(b, "data-part", "marker "+n.Kind)
	b.WriteString(`><rect fill="var(--panel)" stroke="var(--node-border)"`)
	attr(b, "width", num(n.W))
	attr(b, "height", num(n.H))
	attr(b, "rx", num(n.H/2))
	b.WriteString(`/><text text-anchor="middle" fill="var(--muted)" font-size="11"`)
	attr(b, "x", num(n.W/2))
	attr(b, "y", num(n.H/2+4))
	b.WriteString(`>` + label + `</text></g>`)
	w.close()
}

// drawState draws the state n; bad marks it as having errors.
func drawState(w *drawWriter, n *layout.Node, bad bool) {
	b := &w.Builder
	part := "node " + n.Kind
	if drawSel[n.State] {
		part += " selected"
	}
	if drawMoving[n.State] {
		part += " moving"
	}
	if bad {
		part += " has-error"
	}
	sub := n.Sub
	if sub == "" {
		sub = kindLabel[n.Kind]
	}
	color := kindColor[n.Kind]
	if color == "" {
		color = "var(--muted)"
	}
	w.open("g", "state|"+n.State, n.X, n.Y)
	b.WriteString(` tabindex="-1"`)
	attr(b, "data-part", part)
	attr(b, "data-state", n.State)
	attr(b, "data-kind", n.Kind)
	attr(b, "aria-label", kindLabel[n.Kind]+" state "+n.State)
	drawRun.nodeAttrs(b, n.State)
	b.WriteString(`><rect data-part="box" rx="8"`)
	attr(b, "width", num(n.W))
	attr(b, "height", num(n.H))
	b.WriteString(`/><rect data-part="bar" x="0" y="0" width="4" rx="2"`)
	attr(b, "height", num(n.H))
	attr(b, "fill", color)
	b.WriteString(`/><title>`)
	b.WriteString(html.EscapeString(n.State))
	b.WriteString(`</title><text x="12" y="17">`)
	b.WriteString(html.EscapeString(truncate(n.State, 20)))
	b.WriteString(`</text><text data-part="kind" x="12"`)
	attr(b, "y", num(n.H-8))
	b.WriteString(`>`)
	b.WriteString(html.EscapeString(truncate(sub, 24)))
	b.WriteString(`</text>`)
	drawRun.nodeBadges(b, n.State, n.W)
	b.WriteString(`</g>`)
	w.close()
}

// drawDropzones puts a drop target on every transition between two
// states, a Choice's missing Default, and the start of every branch and Map
// processor (see dropZones). They are always in the DOM (so a test can find
// them before the drag starts) and show while something is dragged; during
// a state drag the ones it cannot go to are marked refused.
func (s *Studio) drawDropzones(w *drawWriter, g *layout.Geometry) {
	b := &w.Builder
	over := ""
	var refused map[string]string
	switch {
	case s.drag != nil:
		over = s.drag.over
	case s.cv.move != nil && s.cv.move.moved:
		over, refused = s.cv.move.over, s.cv.move.refused
	}
	for _, z := range s.dropZones(g) {
		part := "dropzone"
		if _, bad := refused[z.id]; bad {
			part += " refused"
		}
		if over == z.id {
			part += " over"
		}
		if z.label != "" {
			w.open("g", "zone|"+z.id, z.x, z.y)
			attr(b, "data-part", part+" labelled")
			attr(b, "data-dropzone", z.attr)
			b.WriteString(`><rect x="-30" y="-10" width="60" height="20" rx="10"/><text text-anchor="middle" y="4">`)
			b.WriteString(html.EscapeString(z.label))
			b.WriteString(`</text></g>`)
			w.close()
			continue
		}
		w.open("circle", "zone|"+z.id, z.x, z.y)
		b.WriteString(` r="9"`)
		attr(b, "data-part", part)
		attr(b, "data-dropzone", z.attr)
		if z.rule >= 0 {
			attr(b, "data-rule", strconv.Itoa(z.rule))
		}
		b.WriteString(`/>`)
		w.close()
	}
}
