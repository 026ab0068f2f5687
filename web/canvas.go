package web

import (
	"math"

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
	switch {
	case g != nil && app.IsClient:
		// In the browser the drawing's elements are patched in place
		// (drawhost.go), now if the drawing's element is there, else when
		// it mounts; pan and zoom change only the transform around it.
		if k := s.drawingKey(g); k == nil || *k != s.drawnKey {
			s.drawn = s.draw(g)
			if k != nil {
				s.drawnKey = *k
			} else {
				s.drawnKey = drawKey{}
			}
			s.patchDrawing()
		}
		body = append(body, &drawingHost{Studio: s, W: num(g.Width), H: num(g.Height)})
	case g != nil:
		// Elsewhere (server-side rendering, tests) it is one piece of markup.
		body = append(body, app.Raw(s.drawing(g)))
	}
	cls := "canvas"
	if s.drag != nil || s.cv.move != nil && s.cv.move.moved {
		cls += " dragging"
	}
	if s.cv.move != nil && s.cv.move.moved {
		cls += " moving"
	}
	if s.cv.space || s.pan != nil {
		cls += " panning"
	}
	if s.cv.boxMode {
		cls += " box-mode"
	}
	return app.Main().Class(cls).ID("canvas").Aria("label", "Canvas").Title(canvasHelpTitle()).
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
			s.renderCanvasExtent(),
			when(s.doc.ParseErr != nil, func() app.UI {
				const msg = "The code has an error — the canvas shows the last valid version."
				return app.Div().Class("notice").DataSet("notice", "stale").Attr("role", "status").Title(msg).Text(msg)
			}),
			s.renderBand(),
			s.renderSelectionCount(),
			s.renderCanvasNotice(),
			s.renderCanvasHelp(),
			app.Div().Class("canvas-tools").Body(
				app.Button().Class(boxBtnClass(s.cv.boxMode)).Aria("label", "Box select").Aria("pressed", s.cv.boxMode).
					Title("Box select: drag on the background selects the states inside (Shift+drag does it anytime)").
					Text("⬚").OnClick(func(ctx app.Context, e app.Event) { s.cv.boxMode = !s.cv.boxMode }),
				app.Button().Class("btn icon").Aria("label", "Zoom in").Title("Zoom in").Text("+").OnClick(func(ctx app.Context, e app.Event) { s.zoomBy(1.2) }),
				app.Button().Class("btn icon").Aria("label", "Zoom out").Title("Zoom out").Text("−").OnClick(func(ctx app.Context, e app.Event) { s.zoomBy(1 / 1.2) }),
				app.Button().Class("btn").Aria("label", "Fit to screen").Title("Fit (Alt+C)").Text("Fit").OnClick(func(ctx app.Context, e app.Event) { s.fit() }),
				app.Button().Class(boxBtnClass(s.cv.help)).Aria("label", "Canvas help").Aria("expanded", s.cv.help).
					Title("Mouse and keyboard on the canvas").Text("?").OnClick(func(ctx app.Context, e app.Event) { s.cv.help = !s.cv.help }),
			),
		)
}

// statesWithErrors names the states that have an ERROR diagnostic (the
// innermost state whose pointer contains the diagnostic's).
func (s *Studio) statesWithErrors() map[string]bool {
	out := map[string]bool{}
	for _, d := range s.doc.Diags {
		if d.Severity == "ERROR" {
			if st := s.stateAt(d.Path); st != "" {
				out[st] = true
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

// fit zooms and centres the whole drawing in the canvas.
func (s *Studio) fit() {
	s.fitWith(func(gw, gh, w, h float64) float64 { return minZoom })
}

// fitReadable fits the drawing but keeps text readable: a large workflow
// opens at its top, centred, at no less than 60 %, and the rest is a pan
// or a Fit away (readableFloor).
func (s *Studio) fitReadable() {
	s.fitWith(readableFloor)
}

// fitWith fits the drawing at no less than the zoom floor gives for the
// drawing's size (gw×gh) and the canvas's (w×h).
func (s *Studio) fitWith(floor func(gw, gh, w, h float64) float64) {
	g := s.doc.Geom
	if g == nil || g.Width == 0 {
		s.view = viewport{K: 1}
		return
	}
	w, h := canvasSize()
	s.view = fitView(g.Width, g.Height, w, h, floor(g.Width, g.Height, w, h))
}

// Zooms of readableFloor: text stays readable down to readableZoom; a
// drawing that fits whole between leastWholeZoom and readableZoom is
// better seen whole, its labels small but every state on screen; in a
// small canvas (below smallCanvasW×smallCanvasH: a small window) that
// holds down to leastWholeZoomSmall, where a cut drawing would show
// little of the workflow.
const (
	readableZoom        = 0.6
	leastWholeZoom      = 0.45
	leastWholeZoomSmall = 0.2
	smallCanvasW        = 480
	smallCanvasH        = 320
)

// readableFloor is the least zoom a gw×gh drawing opens at in a w×h canvas:
// readableZoom, or less when that shows it whole.
func readableFloor(gw, gh, w, h float64) float64 {
	whole := math.Min((w-2*fitPad)/gw, (h-fitPad-fitToolsBand)/gh)
	least := leastWholeZoom
	if w < smallCanvasW || h < smallCanvasH {
		least = leastWholeZoomSmall
	}
	if whole >= least && whole < readableZoom {
		return whole
	}
	return readableZoom
}

// Fitting margins: fitPad around the drawing, and fitToolsBand at the
// canvas's bottom, where the canvas tools float (.canvas-tools: 12 px from
// the edge, 40 px high), so that they do not cover the End marker.
const (
	fitPad       = 32
	fitToolsBand = 64
)

// fitView is the view that shows a gw×gh drawing in a w×h canvas: as large
// as fits (at most 125 %, at least floor), centred across, and centred
// down in the canvas above the tools' band; a drawing that does not fit
// starts at its top or left.
func fitView(gw, gh, w, h, floor float64) viewport {
	availW, availH := w-2*fitPad, h-fitPad-fitToolsBand
	k := math.Min(availW/gw, availH/gh)
	k = math.Max(floor, math.Min(k, 1.25))
	v := viewport{K: k, X: fitPad + (availW-gw*k)/2, Y: fitPad + (availH-gh*k)/2}
	if gw*k > availW {
		v.X = fitPad
	}
	if gh*k > availH {
		v.Y = fitPad
	}
	return v
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
	if e.Get("ctrlKey").Truthy() {
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

// onCanvasPointerDown starts what a press on the canvas does: on a state
// it selects it (Shift/Ctrl: adds or removes it) and may become a drag of
// the state; on the background it pans, or with Shift/Ctrl (or the box
// tool) draws a selection box; with the middle button or Space held it
// pans anywhere.
func (s *Studio) onCanvasPointerDown(ctx app.Context, e app.Event) {
	t := e.Get("target")
	if t.Call("closest", ".canvas-tools,.notice,.canvas-notice,.canvas-help,.selection-count").Truthy() {
		return
	}
	s.cv.notice = ""
	x, y := e.Get("clientX").Float(), e.Get("clientY").Float()
	button := e.Get("button").Int()
	if button == 1 || s.cv.space {
		s.startPan(ctx, x, y)
		return
	}
	if button != 0 {
		return
	}
	add := e.Get("shiftKey").Bool() || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()
	// A press on a state selects it (on press, as Workflow Studio does, so
	// a re-render before the release cannot swallow the click).
	if st := t.Call("closest", "[data-state]"); st.Truthy() {
		name := st.Call("getAttribute", "data-state").String()
		if add {
			s.toggleSelected(ctx, name)
			return
		}
		// A press on a state of the multi-selection keeps it, to drag
		// them all; the release selects that state alone if nothing moved.
		if sel := s.selectedStates(); len(sel) > 1 && s.cv.multi[name] {
			s.startMove(ctx, name, sel, x, y)
			return
		}
		s.cv.multi = nil
		s.selectState(ctx, name)
		s.startMove(ctx, name, []string{name}, x, y)
		return
	}
	if add || s.cv.boxMode {
		r := ctx.JSSrc().Call("getBoundingClientRect")
		s.startBand(ctx, x-r.Get("left").Float(), y-r.Get("top").Float(), add)
		s.cv.band.ox, s.cv.band.oy = r.Get("left").Float(), r.Get("top").Float()
		return
	}
	s.setSelection(nil)
	s.startPan(ctx, x, y)
}

// startPan starts panning from a screen point.
func (s *Studio) startPan(ctx app.Context, x, y float64) {
	s.pan = &panState{x0: x, y0: y, vx: s.view.X, vy: s.view.Y}
	s.startGesture(ctx)
}

func boxBtnClass(on bool) string {
	if on {
		return "btn icon active"
	}
	return "btn icon"
}

// panState is a pan in progress.
type panState struct {
	x0, y0, vx, vy float64
}

// renderCanvasExtent marks the bottom right corner of the drawing as it is
// shown, so that the canvas can be scrolled to whatever part of the drawing
// lies beyond its right or bottom edge: a state brought into view with
// scrollIntoView (a browser test's click, keyboard focus) is then reached
// by a scroll, which listenCanvasScroll turns into a pan.
func (s *Studio) renderCanvasExtent() app.UI {
	g := s.doc.Geom
	return when(g != nil, func() app.UI {
		return app.Div().Class("canvas-extent").Aria("hidden", true).
			Style("left", num(s.view.X+g.Width*s.view.K)+"px").
			Style("top", num(s.view.Y+g.Height*s.view.K)+"px")
	})
}

// listenCanvasScroll turns a scroll of the canvas (it has no scroll bars:
// only scrollIntoView moves it) into the same pan: the scroll goes back to
// zero and the view moves by as much, at once, so that what was scrolled
// into view stays where it is on the screen.
func (s *Studio) listenCanvasScroll(ctx app.Context) func() {
	el := app.Window().GetElementByID("canvas")
	if !el.Truthy() {
		return func() {}
	}
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		dx, dy := el.Get("scrollLeft").Float(), el.Get("scrollTop").Float()
		if dx == 0 && dy == 0 {
			return nil
		}
		el.Set("scrollLeft", 0)
		el.Set("scrollTop", 0)
		v := s.view
		v.X, v.Y = v.X-dx, v.Y-dy
		if vp := app.Window().GetElementByID("viewport"); vp.Truthy() {
			vp.Call("setAttribute", "transform", "translate("+num(v.X)+" "+num(v.Y)+") scale("+num(v.K)+")")
		}
		ctx.Dispatch(func(ctx app.Context) {
			s.view.X, s.view.Y = s.view.X-dx, s.view.Y-dy
			s.save(ctx)
		})
		return nil
	})
	el.Call("addEventListener", "scroll", fn)
	return func() {
		el.Call("removeEventListener", "scroll", fn)
		fn.Release()
	}
}
