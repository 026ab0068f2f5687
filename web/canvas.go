package web

import (
	"math"
	"strings"

	"github.com/aslstudio/aslstudio/engine/layout"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// viewport is the canvas's pan and zoom: screen = world*K + (X, Y).
type viewport struct {
	X, Y, K float64
}

const (
	minZoom = 0.1
	maxZoom = 3
)

// kindColor is the accent bar of a state on the canvas.
var kindColor = map[string]string{
	"task": "var(--task)", "pass": "var(--flow)", "wait": "var(--flow)",
	"choice": "var(--choice)", "parallel": "var(--flow)", "map": "var(--flow)",
	"succeed": "var(--terminal)", "fail": "var(--fail)",
}

var kindLabel = map[string]string{
	"task": "Task", "pass": "Pass", "wait": "Wait", "choice": "Choice", "parallel": "Parallel",
	"map": "Map", "succeed": "Succeed", "fail": "Fail", "state": "State",
}

func (s *Studio) renderCanvas() app.UI {
	g := s.doc.Geom
	var body []app.UI
	if g != nil {
		body = append(body, s.renderGroups(g)...)
		body = append(body, s.renderEdges(g)...)
		body = append(body, s.renderNodes(g)...)
		body = append(body, s.renderDropzones(g)...)
	}
	cls := "canvas"
	if s.drag != nil {
		cls += " dragging"
	}
	return app.Main().Class(cls).ID("canvas").Aria("label", "Canvas").
		On("wheel", s.onWheel).
		On("pointerdown", s.onCanvasPointerDown).
		Body(
			svg("svg").ID("canvas-svg").Attr("role", "img").Attr("aria-label", "Workflow graph").Body(
				svg("defs").Body(
					svg("marker").ID("arrow").Attr("viewBox", "0 0 10 10").Attr("refX", "9").Attr("refY", "5").
						Attr("markerWidth", "7").Attr("markerHeight", "7").Attr("orient", "auto-start-reverse").Body(
						svg("path").Attr("d", "M0 0 L10 5 L0 10 z").Attr("fill", "var(--edge)"),
					),
				),
				svg("g").ID("viewport").
					Attr("transform", "translate("+num(s.view.X)+" "+num(s.view.Y)+") scale("+num(s.view.K)+")").
					Body(body...),
			),
			when(s.doc.ParseErr != nil, func() app.UI {
				return app.Div().Class("notice").DataSet("notice", "stale").Attr("role", "status").
					Text("The code has an error — the canvas shows the last valid version.")
			}),
			app.Div().Class("canvas-tools").Body(
				app.Button().Class("btn icon").Aria("label", "Zoom in").Title("Zoom in").Text("+").OnClick(func(ctx app.Context, e app.Event) { s.zoomBy(1.2) }),
				app.Button().Class("btn icon").Aria("label", "Zoom out").Title("Zoom out").Text("−").OnClick(func(ctx app.Context, e app.Event) { s.zoomBy(1 / 1.2) }),
				app.Button().Class("btn").Aria("label", "Fit to screen").Title("Fit (Alt+C)").Text("Fit").OnClick(func(ctx app.Context, e app.Event) { s.fit() }),
			),
		)
}

func (s *Studio) renderGroups(g *layout.Geometry) []app.UI {
	var out []app.UI
	for _, n := range g.Nodes {
		if !n.Group {
			continue
		}
		label := n.State
		if n.Kind == "branch" {
			label = ""
		} else {
			label = kindLabel[n.Kind] + " · " + n.State
		}
		grp := svg("g").Attr("data-part", "group "+n.Kind).Attr("transform", "translate("+num(n.X)+" "+num(n.Y)+")")
		if n.State != "" {
			grp = grp.DataSet("state", n.State).DataSet("kind", n.Kind)
			if n.State == s.selected {
				grp = grp.Attr("data-part", "group selected "+n.Kind)
			}
		}
		grp = grp.Body(
			svg("rect").Attr("width", num(n.W)).Attr("height", num(n.H)).Attr("rx", "10"),
			when(label != "", func() app.UI {
				return svg("text").Attr("x", "12").Attr("y", "17").Text(label)
			}),
		)
		out = append(out, grp)
	}
	return out
}

func (s *Studio) renderEdges(g *layout.Geometry) []app.UI {
	out := make([]app.UI, 0, len(g.Edges))
	for _, e := range g.Edges {
		cls := "edge " + e.Kind
		eg := svg("g").Attr("data-part", cls).DataSet("edge", e.From+"|"+e.To).Body(
			svg("path").Attr("data-part", "line").Attr("d", polyline(e.Points)).Attr("marker-end", "url(#arrow)"),
			when(e.Label != "" && e.LabelAt != nil, func() app.UI {
				return svg("text").Attr("x", num(e.LabelAt[0])).Attr("y", num(e.LabelAt[1])).Text(truncate(e.Label, 28))
			}),
		)
		out = append(out, eg)
	}
	return out
}

func (s *Studio) renderNodes(g *layout.Geometry) []app.UI {
	bad := s.statesWithErrors()
	out := make([]app.UI, 0, len(g.Nodes))
	for _, n := range g.Nodes {
		if n.Group {
			continue
		}
		switch n.Kind {
		case "start", "end":
			label := "Start"
			if n.Kind == "end" {
				label = "End"
			}
			out = append(out, svg("g").Attr("data-part", "marker "+n.Kind).Attr("transform", "translate("+num(n.X)+" "+num(n.Y)+")").Body(
				svg("rect").Attr("width", num(n.W)).Attr("height", num(n.H)).Attr("rx", num(n.H/2)).
					Attr("fill", "var(--panel)").Attr("stroke", "var(--node-border)"),
				svg("text").Attr("x", num(n.W/2)).Attr("y", num(n.H/2+4)).Attr("text-anchor", "middle").
					Attr("fill", "var(--muted)").Attr("font-size", "11").Text(label),
			))
			continue
		}
		name := n.State
		cls := "node " + n.Kind
		if name == s.selected {
			cls += " selected"
		}
		if bad[name] {
			cls += " has-error"
		}
		sub := n.Sub
		if sub == "" {
			sub = kindLabel[n.Kind]
		}
		color := kindColor[n.Kind]
		if color == "" {
			color = "var(--muted)"
		}
		out = append(out, svg("g").Attr("data-part", cls).DataSet("state", name).DataSet("kind", n.Kind).
			Attr("transform", "translate("+num(n.X)+" "+num(n.Y)+")").
			Attr("tabindex", "-1").
			Attr("aria-label", kindLabel[n.Kind]+" state "+name).
			Body(
				svg("rect").Attr("data-part", "box").Attr("width", num(n.W)).Attr("height", num(n.H)).Attr("rx", "8"),
				svg("rect").Attr("data-part", "bar").Attr("x", "0").Attr("y", "0").Attr("width", "4").Attr("height", num(n.H)).
					Attr("rx", "2").Attr("fill", color),
				svg("title").Text(name),
				svg("text").Attr("x", "12").Attr("y", "17").Text(truncate(name, 20)),
				svg("text").Attr("data-part", "kind").Attr("x", "12").Attr("y", num(n.H-8)).Text(truncate(sub, 24)),
			))
	}
	return out
}

// renderDropzones puts a drop target on every transition between two
// states. They are always in the DOM (so a test can find them before the
// drag starts) and show while something is dragged.
func (s *Studio) renderDropzones(g *layout.Geometry) []app.UI {
	var out []app.UI
	for _, e := range g.Edges {
		if e.Kind == "catch" || strings.Contains(e.From, ":") || strings.Contains(e.To, ":") {
			continue
		}
		x, y := midpoint(e.Points)
		zone := "edge:" + e.From + "|" + e.To
		cls := "dropzone"
		if s.drag != nil && s.drag.over == zone {
			cls += " over"
		}
		out = append(out, svg("circle").Attr("data-part", cls).DataSet("dropzone", zone).
			Attr("cx", num(x)).Attr("cy", num(y)).Attr("r", "9"))
	}
	return out
}

// statesWithErrors names the states that have an ERROR diagnostic.
func (s *Studio) statesWithErrors() map[string]bool {
	out := map[string]bool{}
	if s.doc.SM == nil {
		return out
	}
	for _, name := range stateNames(s.doc.SM) {
		for _, d := range s.doc.diagsFor(name) {
			if d.Severity == "ERROR" {
				out[name] = true
				break
			}
		}
	}
	return out
}

// canvasSize is the canvas element's size in CSS pixels (a default when
// not in a browser).
func canvasSize() (w, h float64) {
	if !app.IsClient {
		return 1000, 700
	}
	el := app.Window().GetElementByID("canvas")
	if !el.Truthy() {
		return 1000, 700
	}
	r := el.Call("getBoundingClientRect")
	return r.Get("width").Float(), r.Get("height").Float()
}

// fit zooms and centres the drawing in the canvas.
func (s *Studio) fit() {
	g := s.doc.Geom
	if g == nil || g.Width == 0 {
		s.view = viewport{K: 1}
		return
	}
	w, h := canvasSize()
	const pad = 32
	k := math.Min((w-2*pad)/g.Width, (h-2*pad)/g.Height)
	k = math.Max(minZoom, math.Min(k, 1.25))
	s.view = viewport{K: k, X: (w - g.Width*k) / 2, Y: math.Max(pad, (h-g.Height*k)/2)}
	if g.Height*k > h-2*pad {
		s.view.Y = pad
	}
}

// zoomBy zooms about the canvas centre.
func (s *Studio) zoomBy(f float64) {
	w, h := canvasSize()
	s.zoomAt(f, w/2, h/2)
}

// zoomAt zooms by f keeping the screen point (cx, cy) fixed.
func (s *Studio) zoomAt(f, cx, cy float64) {
	k := math.Max(minZoom, math.Min(maxZoom, s.view.K*f))
	f = k / s.view.K
	s.view.X = cx - (cx-s.view.X)*f
	s.view.Y = cy - (cy-s.view.Y)*f
	s.view.K = k
}

func (s *Studio) onWheel(ctx app.Context, e app.Event) {
	e.PreventDefault()
	r := ctx.JSSrc().Call("getBoundingClientRect")
	cx := e.Get("clientX").Float() - r.Get("left").Float()
	cy := e.Get("clientY").Float() - r.Get("top").Float()
	if e.Get("ctrlKey").Bool() || !e.Get("shiftKey").Bool() && math.Abs(e.Get("deltaX").Float()) < 1 && false {
		s.zoomAt(math.Exp(-e.Get("deltaY").Float()/300), cx, cy)
		return
	}
	// Plain wheel zooms (as in Workflow Studio); shift+wheel pans sideways.
	if e.Get("shiftKey").Bool() {
		s.view.X -= e.Get("deltaY").Float()
		return
	}
	s.zoomAt(math.Exp(-e.Get("deltaY").Float()/300), cx, cy)
}

// onCanvasPointerDown starts panning when the press is on the background.
func (s *Studio) onCanvasPointerDown(ctx app.Context, e app.Event) {
	t := e.Get("target")
	if t.Call("closest", ".canvas-tools,.notice").Truthy() {
		return
	}
	// A press on a state selects it (on press, as Workflow Studio does, so
	// a re-render before the release cannot swallow the click).
	if st := t.Call("closest", "[data-state]"); st.Truthy() {
		s.selectState(ctx, st.Call("getAttribute", "data-state").String())
		return
	}
	s.selected = ""
	s.pan = &panState{x0: e.Get("clientX").Float(), y0: e.Get("clientY").Float(), vx: s.view.X, vy: s.view.Y}
	s.startGesture(ctx)
}

// panState is a pan in progress.
type panState struct {
	x0, y0, vx, vy float64
}
