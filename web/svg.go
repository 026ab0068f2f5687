package web

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

const svgNS = "http://www.w3.org/2000/svg"

// svg returns an SVG element. go-app needs the namespace on every SVG
// element (children do not inherit it), and its Class() does not reach SVG,
// so callers set "class" with Attr.
func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// num formats a coordinate compactly.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// writePolyline writes the SVG path of a polyline relative to (x0, y0).
func writePolyline(b *strings.Builder, points [][2]float64, x0, y0 float64) {
	for i, p := range points {
		if i == 0 {
			b.WriteString("M")
		} else {
			b.WriteString(" L")
		}
		b.WriteString(num(p[0] - x0))
		b.WriteString(" ")
		b.WriteString(num(p[1] - y0))
	}
}

// midpoint returns the middle of a polyline's longest segment, where a drop
// target for "insert on this transition" sits.
func midpoint(points [][2]float64) (x, y float64) {
	best := -1.0
	for i := 1; i < len(points); i++ {
		a, b := points[i-1], points[i]
		l := abs(a[0]-b[0]) + abs(a[1]-b[1])
		if l > best {
			best = l
			x, y = (a[0]+b[0])/2, (a[1]+b[1])/2
		}
	}
	if best < 0 && len(points) == 1 {
		return points[0][0], points[0][1]
	}
	return x, y
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// truncate shortens s to n runes with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// when renders f() when cond holds; f is not called otherwise, so it may
// use values that exist only under cond.
func when(cond bool, f func() app.UI) app.UI {
	if cond {
		return f()
	}
	return app.If(false)
}
