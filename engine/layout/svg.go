package layout

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// SVG drawing of a Geometry, shared by the canvas and `aslstudio render`:
// light theme, system-ui typography, state-type colours and icons, a
// <title> per state and per edge, data-state / data-edge attributes (see
// DESIGN.md), dashed Catch edges and labelled group boxes.

// typeStyle is the accent colour and the label of a state kind.
type typeStyle struct{ colour, name string }

var styles = map[string]typeStyle{
	"task":     {"#0972d3", "Task"},
	"pass":     {"#5f6b7a", "Pass"},
	"choice":   {"#8a4fd8", "Choice"},
	"wait":     {"#c77700", "Wait"},
	"succeed":  {"#1d8102", "Succeed"},
	"fail":     {"#d13212", "Fail"},
	"parallel": {"#00819c", "Parallel"},
	"map":      {"#0f8a6c", "Map"},
	"state":    {"#7d8998", "State"},
}

const svgMargin = 16

// SVG returns the drawing of g as a standalone SVG document.
func SVG(g *Geometry) []byte {
	var b bytes.Buffer
	_ = WriteSVG(&b, g)
	return b.Bytes()
}

// WriteSVG writes the drawing of g as a standalone SVG document.
func WriteSVG(w io.Writer, g *Geometry) error {
	var b bytes.Buffer
	W, H := g.Width+2*svgMargin, g.Height+2*svgMargin
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="%s %s %s %s" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" role="img" aria-label="Workflow graph">`+"\n",
		num(W), num(H), num(-svgMargin), num(-svgMargin), num(W), num(H))
	b.WriteString(`<defs>` +
		`<marker id="asl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,1 L9,5 L0,9 z" fill="#5f6b7a"/></marker>` +
		`<marker id="asl-arrow-catch" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,1 L9,5 L0,9 z" fill="#d13212"/></marker>` +
		`<filter id="asl-shadow" x="-10%" y="-20%" width="120%" height="150%"><feDropShadow dx="0" dy="1" stdDeviation="1.2" flood-color="#000f1f" flood-opacity="0.16"/></filter>` +
		"</defs>\n")
	fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="#ffffff"/>`+"\n", num(-svgMargin), num(-svgMargin), num(W), num(H))
	// group boxes first (outer before inner), then edges, then states
	for _, n := range g.Nodes {
		if n.Group {
			writeGroup(&b, n)
		}
	}
	for _, e := range g.Edges {
		writeEdge(&b, e)
	}
	for _, n := range g.Nodes {
		if !n.Group {
			writeNode(&b, n)
		}
	}
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

func num(f float64) string {
	f = math.Round(f*10) / 10
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// esc escapes text for XML as encoding/xml's EscapeText does (which
// would bring that whole package into app.wasm for this): markup
// characters and line breaks become references, characters XML cannot
// hold become U+FFFD.
func esc(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		case '\t':
			b.WriteString("&#x9;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			if !xmlChar(r) || r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
				r = '\uFFFD'
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlChar reports whether XML 1.0 can hold r (its Char production).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

func attr(s string) string {
	return strings.ReplaceAll(esc(s), `"`, "&quot;")
}

// fit cuts s so that it fits in width px at the given font size (bold
// text is about 15% wider than textWidth's estimate).
func fit(s string, width, size float64) string {
	if textWidth(s, size) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && textWidth(string(r)+"…", size) > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func writeGroup(b *bytes.Buffer, n Node) {
	if n.Kind == "branch" {
		fmt.Fprintf(b, `<g data-branch="%s"><rect x="%s" y="%s" width="%s" height="%s" rx="6" fill="#ffffff" stroke="#d1d5db" stroke-width="1"/></g>`+"\n",
			attr(n.ID), num(n.X), num(n.Y), num(n.W), num(n.H))
		return
	}
	st := styleOf(n.Kind)
	fmt.Fprintf(b, `<g data-state="%s" data-group="%s"><title>%s</title>`, attr(n.State), n.Kind, esc(n.State+" ("+st.name+")"))
	fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" rx="8" fill="%s" fill-opacity="0.06" stroke="%s" stroke-width="1.2" stroke-dasharray="5 3"/>`,
		num(n.X), num(n.Y), num(n.W), num(n.H), st.colour, st.colour)
	writeIcon(b, n.Kind, n.X+groupPad+7, n.Y+groupHeader/2+1, 7)
	room := n.W - 2*groupPad - 22
	sub := n.Sub
	subW := textWidth(sub, 11)*1.1 + 8
	if textWidth(n.State, 12)*1.15+subW > room {
		sub = "" // the name first; the type is in the <title>
	}
	if sub != "" {
		room -= subW
	}
	label := fit(n.State, room, 12*1.15)
	fmt.Fprintf(b, `<text x="%s" y="%s" font-size="12" font-weight="600" fill="#16191f">%s`, num(n.X+groupPad+20), num(n.Y+groupHeader/2+5), esc(label))
	if sub != "" {
		fmt.Fprintf(b, `<tspan dx="6" font-weight="400" font-size="11" fill="#5f6b7a">%s</tspan>`, esc(sub))
	}
	b.WriteString("</text>")
	b.WriteString("</g>\n")
}

func styleOf(kind string) typeStyle {
	if s, ok := styles[kind]; ok {
		return s
	}
	return styles["state"]
}

func writeNode(b *bytes.Buffer, n Node) {
	if n.Kind == "start" || n.Kind == "end" {
		label := "Start"
		if n.Kind == "end" {
			label = "End"
		}
		fmt.Fprintf(b, `<g data-marker="%s"><rect x="%s" y="%s" width="%s" height="%s" rx="%s" fill="#f2f3f3" stroke="#8d99a8" stroke-width="1"/><text x="%s" y="%s" font-size="12" font-weight="500" fill="#414d5c" text-anchor="middle">%s</text></g>`+"\n",
			attr(n.ID), num(n.X), num(n.Y), num(n.W), num(n.H), num(n.H/2), num(n.X+n.W/2), num(n.Y+n.H/2+4), label)
		return
	}
	st := styleOf(n.Kind)
	collapsed := ""
	if n.Collapsed {
		collapsed = ` data-collapsed="true"`
	}
	fmt.Fprintf(b, `<g data-state="%s" data-kind="%s"%s><title>%s</title>`, attr(n.State), n.Kind, collapsed, esc(n.State+" ("+st.name+")"))
	fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" rx="6" fill="#ffffff" stroke="#b6bec9" stroke-width="1" filter="url(#asl-shadow)"/>`,
		num(n.X), num(n.Y), num(n.W), num(n.H))
	fmt.Fprintf(b, `<path d="M%s,%s h3 v%s h-3 a3,3 0 0 1 -3,-3 v%s a3,3 0 0 1 3,-3 z" fill="%s"/>`,
		num(n.X+3), num(n.Y), num(n.H), num(-(n.H - 6)), st.colour)
	writeIcon(b, n.Kind, n.X+20, n.Y+n.H/2, 9)
	tx := n.X + 35
	avail := n.W - 35 - 8
	if n.Collapsed {
		avail -= 14
	}
	if n.Sub != "" && n.H >= 36 {
		fmt.Fprintf(b, `<text x="%s" y="%s" font-size="12.5" font-weight="600" fill="#16191f">%s</text>`, num(tx), num(n.Y+n.H/2-2), esc(fit(n.State, avail, 12.5*1.15)))
		fmt.Fprintf(b, `<text x="%s" y="%s" font-size="10.5" fill="#5f6b7a">%s</text>`, num(tx), num(n.Y+n.H/2+12), esc(fit(n.Sub, avail, 10.5)))
	} else {
		fmt.Fprintf(b, `<text x="%s" y="%s" font-size="12.5" font-weight="600" fill="#16191f">%s</text>`, num(tx), num(n.Y+n.H/2+4), esc(fit(n.State, avail, 12.5*1.15)))
	}
	if n.Collapsed {
		cx, cy := n.X+n.W-13, n.Y+n.H/2
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="12" height="12" rx="2" fill="none" stroke="#5f6b7a"/><path d="M%s,%s h6 M%s,%s v6" stroke="#5f6b7a" stroke-width="1.4"/>`,
			num(cx-6), num(cy-6), num(cx-3), num(cy), num(cx), num(cy-3))
	}
	b.WriteString("</g>\n")
}

// writeIcon draws the state type's icon: a coloured disc with a white glyph.
func writeIcon(b *bytes.Buffer, kind string, cx, cy, r float64) {
	st := styleOf(kind)
	fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="%s" fill="%s"/>`, num(cx), num(cy), num(r), st.colour)
	s := r / 9 // glyphs are drawn for r = 9
	p := func(x, y float64) string { return num(cx+x*s) + "," + num(cy+y*s) }
	var d string
	fill := false
	switch kind {
	case "task":
		d = "M" + p(-4, -3.5) + " L" + p(4, -3.5) + " M" + p(-4, 0) + " L" + p(4, 0) + " M" + p(-4, 3.5) + " L" + p(1.5, 3.5)
	case "pass":
		d = "M" + p(-4.5, 0) + " L" + p(4, 0) + " M" + p(1, -3) + " L" + p(4, 0) + " L" + p(1, 3)
	case "choice":
		d = "M" + p(0, -5) + " L" + p(5, 0) + " L" + p(0, 5) + " L" + p(-5, 0) + " Z"
	case "wait":
		fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="%s" fill="none" stroke="#fff" stroke-width="1.4"/>`, num(cx), num(cy), num(5*s))
		d = "M" + p(0, -3) + " L" + p(0, 0) + " L" + p(2.5, 1.5)
	case "succeed":
		d = "M" + p(-4, 0.5) + " L" + p(-1.2, 3.3) + " L" + p(4.2, -3)
	case "fail":
		d = "M" + p(-3.5, -3.5) + " L" + p(3.5, 3.5) + " M" + p(3.5, -3.5) + " L" + p(-3.5, 3.5)
	case "parallel":
		d = "M" + p(-3.5, -4) + " L" + p(-3.5, 4) + " M" + p(0, -4) + " L" + p(0, 4) + " M" + p(3.5, -4) + " L" + p(3.5, 4)
	case "map":
		d = "M" + p(-4, -4) + " h" + num(3.3*s) + " v" + num(3.3*s) + " h" + num(-3.3*s) + " Z M" + p(0.7, -4) + " h" + num(3.3*s) + " v" + num(3.3*s) + " h" + num(-3.3*s) + " Z M" +
			p(-4, 0.7) + " h" + num(3.3*s) + " v" + num(3.3*s) + " h" + num(-3.3*s) + " Z M" + p(0.7, 0.7) + " h" + num(3.3*s) + " v" + num(3.3*s) + " h" + num(-3.3*s) + " Z"
		fill = true
	default:
		d = "M" + p(-1.5, -2.5) + " a" + num(1.8*s) + "," + num(1.8*s) + " 0 1 1 " + num(2*s) + "," + num(2*s) + " L" + p(0, 1.5) + " M" + p(0, 3.5) + " L" + p(0, 4)
	}
	if fill {
		fmt.Fprintf(b, `<path d="%s" fill="#fff"/>`, d)
	} else {
		fmt.Fprintf(b, `<path d="%s" fill="none" stroke="#fff" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>`, d)
	}
}

// roundedPath is an SVG path through pts with rounded corners.
func roundedPath(pts [][2]float64, radius float64) string {
	var b strings.Builder
	b.WriteString("M" + num(pts[0][0]) + "," + num(pts[0][1]))
	for i := 1; i < len(pts); i++ {
		p := pts[i]
		if i == len(pts)-1 {
			b.WriteString(" L" + num(p[0]) + "," + num(p[1]))
			break
		}
		a, c := pts[i-1], pts[i+1]
		l1 := math.Hypot(p[0]-a[0], p[1]-a[1])
		l2 := math.Hypot(c[0]-p[0], c[1]-p[1])
		r := math.Min(radius, math.Min(l1/2, l2/2))
		if r < 0.5 {
			b.WriteString(" L" + num(p[0]) + "," + num(p[1]))
			continue
		}
		p1 := [2]float64{p[0] - (p[0]-a[0])/l1*r, p[1] - (p[1]-a[1])/l1*r}
		p2 := [2]float64{p[0] + (c[0]-p[0])/l2*r, p[1] + (c[1]-p[1])/l2*r}
		b.WriteString(" L" + num(p1[0]) + "," + num(p1[1]) + " Q" + num(p[0]) + "," + num(p[1]) + " " + num(p2[0]) + "," + num(p2[1]))
	}
	return b.String()
}

func writeEdge(b *bytes.Buffer, e Edge) {
	if len(e.Points) < 2 {
		return
	}
	stroke, marker, dash := "#5f6b7a", "asl-arrow", ""
	if e.Kind == "catch" {
		stroke, marker, dash = "#d13212", "asl-arrow-catch", ` stroke-dasharray="5 4"`
	}
	title := e.From + " → " + e.To
	switch e.Kind {
	case "catch":
		title += " (Catch " + e.Label + ")"
	case "choice", "default":
		title += " (" + e.Label + ")"
	}
	fmt.Fprintf(b, `<g data-edge="%s" data-kind="%s"><title>%s</title><path d="%s" fill="none" stroke="%s" stroke-width="1.4"%s marker-end="url(#%s)"/>`,
		attr(e.From+"|"+e.To), e.Kind, esc(title), roundedPath(e.Points, 8), stroke, dash, marker)
	if e.LabelAt != nil && e.Label != "" {
		style := ""
		if e.Kind == "default" {
			style = ` font-style="italic"`
		}
		fmt.Fprintf(b, `<text x="%s" y="%s" font-size="11" fill="#414d5c"%s stroke="#ffffff" stroke-width="3" paint-order="stroke">%s</text>`,
			num(e.LabelAt[0]), num(e.LabelAt[1]), style, esc(fit(shorten(e.Label), e.LabelWidth, 11)))
	}
	b.WriteString("</g>\n")
}
