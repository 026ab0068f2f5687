package web

import (
	"html"
	"strings"

	"github.com/aslstudio/aslstudio/engine/layout"
)

// drawing renders the geometry as one SVG fragment (a nested <svg>, so
// that the HTML parser gives its children the SVG namespace): groups, then
// edges, then states, then the drop targets on top. Parts carry data-part
// for the style sheet and the test hooks of DESIGN.md: data-state,
// data-edge and data-dropzone.
func (s *Studio) drawing(g *layout.Geometry) string {
	var b strings.Builder
	b.Grow(512 * (len(g.Nodes) + len(g.Edges)))
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" overflow="visible" data-part="drawing" width="`)
	b.WriteString(num(g.Width))
	b.WriteString(`" height="`)
	b.WriteString(num(g.Height))
	b.WriteString(`">`)
	drawRun = s.canvasRunState()
	s.drawGroups(&b, g)
	s.drawEdges(&b, g)
	s.drawNodes(&b, g)
	s.drawDropzones(&b, g)
	b.WriteString(`</svg>`)
	return b.String()
}

func attr(b *strings.Builder, name, value string) {
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	b.WriteString(html.EscapeString(value))
	b.WriteByte('"')
}

func translate(x, y float64) string { return "translate(" + num(x) + " " + num(y) + ")" }

func (s *Studio) drawGroups(b *strings.Builder, g *layout.Geometry) {
	for _, n := range g.Nodes {
		if !n.Group {
			continue
		}
		part := "group " + n.Kind
		if n.State != "" && n.State == s.selected {
			part += " selected"
		}
		b.WriteString(`<g`)
		attr(b, "data-part", part)
		attr(b, "transform", translate(n.X, n.Y))
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
			b.WriteString(html.EscapeString(kindLabel[n.Kind] + " · " + n.State))
			b.WriteString(`</text>`)
		}
		drawRun.groupBadges(b, &n)
		b.WriteString(`</g>`)
	}
}

func (s *Studio) drawEdges(b *strings.Builder, g *layout.Geometry) {
	for _, e := range g.Edges {
		b.WriteString(`<g`)
		attr(b, "data-part", "edge "+e.Kind)
		attr(b, "data-edge", e.From+"|"+e.To)
		drawRun.edgeAttrs(b, e.From, e.To)
		b.WriteString(`><path data-part="line" marker-end="url(#arrow)"`)
		attr(b, "d", polyline(e.Points))
		b.WriteString(`/>`)
		if e.Label != "" && e.LabelAt != nil {
			b.WriteString(`<text`)
			attr(b, "x", num(e.LabelAt[0]))
			attr(b, "y", num(e.LabelAt[1]))
			b.WriteString(`><title>`)
			b.WriteString(html.EscapeString(e.Label))
			b.WriteString(`</title>`)
			b.WriteString(html.EscapeString(truncate(e.Label, 28)))
			b.WriteString(`</text>`)
		}
		b.WriteString(`</g>`)
	}
}

func (s *Studio) drawNodes(b *strings.Builder, g *layout.Geometry) {
	bad := s.statesWithErrors()
	for _, n := range g.Nodes {
		if n.Group {
			continue
		}
		if n.Kind == "start" || n.Kind == "end" {
			label := "Start"
			if n.Kind == "end" {
				label = "End"
			}
			b.WriteString(`<g`)
			attr(b, "data-part", "marker "+n.Kind)
			attr(b, "transform", translate(n.X, n.Y))
			b.WriteString(`><rect fill="var(--panel)" stroke="var(--node-border)"`)
			attr(b, "width", num(n.W))
			attr(b, "height", num(n.H))
			attr(b, "rx", num(n.H/2))
			b.WriteString(`/><text text-anchor="middle" fill="var(--muted)" font-size="11"`)
			attr(b, "x", num(n.W/2))
			attr(b, "y", num(n.H/2+4))
			b.WriteString(`>` + label + `</text></g>`)
			continue
		}
		part := "node " + n.Kind
		if n.State == s.selected {
			part += " selected"
		}
		if bad[n.State] {
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
		b.WriteString(`<g tabindex="-1"`)
		attr(b, "data-part", part)
		attr(b, "data-state", n.State)
		attr(b, "data-kind", n.Kind)
		attr(b, "transform", translate(n.X, n.Y))
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
	}
}

// drawDropzones puts a drop target on every transition between two
// states. They are always in the DOM (so a test can find them before the
// drag starts) and show while something is dragged.
func (s *Studio) drawDropzones(b *strings.Builder, g *layout.Geometry) {
	for _, e := range g.Edges {
		if e.Kind == "catch" || strings.Contains(e.From, ":") || strings.Contains(e.To, ":") {
			continue
		}
		x, y := midpoint(e.Points)
		zone := "edge:" + e.From + "|" + e.To
		part := "dropzone"
		if s.drag != nil && s.drag.over == zone {
			part += " over"
		}
		dropzone(b, part, zone, x, y)
	}
	// The start of every Parallel branch and of every Map processor.
	for _, n := range g.Nodes {
		var zone string
		var x, y float64
		switch {
		case n.Kind == "branch":
			p, i, ok := strings.Cut(n.ID, "#")
			if !ok {
				continue
			}
			zone, x, y = "branch:"+p+":"+i, n.X+n.W/2, n.Y+2
		case n.Kind == "map" && n.Group && n.State != "":
			zone, x, y = "processor:"+n.State, n.X+n.W-16, n.Y+13
		default:
			continue
		}
		part := "dropzone"
		if s.drag != nil && s.drag.over == zone {
			part += " over"
		}
		dropzone(b, part, zone, x, y)
	}
}

func dropzone(b *strings.Builder, part, zone string, x, y float64) {
	b.WriteString(`<circle r="9"`)
	attr(b, "data-part", part)
	attr(b, "data-dropzone", zone)
	attr(b, "cx", num(x))
	attr(b, "cy", num(y))
	b.WriteString(`/>`)
}
