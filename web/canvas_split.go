package web

import (
	"encoding/json"
	"math"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// splitKey is where the pane sizes are remembered in localStorage.
const splitKey = "aslstudio.split"

// splitSizes are the widths of the code pane and the inspector in CSS
// pixels; 0 means the style sheet's default.
type splitSizes struct {
	Code      float64 `json:"code"`
	Inspector float64 `json:"inspector"`
	// RunFolded folds the run panel down to its bar.
	RunFolded bool `json:"runFolded,omitempty"`
}

// Limits of the panes, CSS pixels.
const (
	minCodeWidth      = 240
	minInspectorWidth = 220
	maxInspectorWidth = 640
	minCanvasWidth    = 240
	paletteWidth      = 184
	splitStep         = 16
)

// loadSplit reads the remembered sizes once.
func (s *Studio) loadSplit() {
	if s.cv.splitLoaded || !app.IsClient {
		return
	}
	s.cv.splitLoaded = true
	ls := app.Window().Get("localStorage")
	if !ls.Truthy() {
		return
	}
	v := ls.Call("getItem", splitKey)
	if v.IsNull() || v.IsUndefined() {
		return
	}
	var sz splitSizes
	if json.Unmarshal([]byte(v.String()), &sz) == nil {
		s.cv.split = sz
	}
}

// saveSplit remembers the sizes; a refusal only costs the memory.
func (s *Studio) saveSplit() {
	if !app.IsClient {
		return
	}
	b, _ := json.Marshal(s.cv.split)
	defer func() { recover() }() // a storage that throws (quota, private mode)
	if ls := app.Window().Get("localStorage"); ls.Truthy() {
		ls.Call("setItem", splitKey, string(b))
	}
}

// workspaceStyle returns the CSS variables of the remembered pane sizes.
func (s *Studio) workspaceStyle() string {
	s.loadSplit()
	st := ""
	if s.cv.split.Code > 0 {
		st += "--code-w:" + num(s.cv.split.Code) + "px;"
	}
	if s.cv.split.Inspector > 0 {
		st += "--insp-w:" + num(s.cv.split.Inspector) + "px;"
	}
	return st
}

// paneWidths measures the workspace and its panes (CSS pixels).
func paneWidths() (left, right, code, insp float64) {
	if !app.IsClient {
		return 0, 1440, 400, 280
	}
	doc := app.Window().Get("document")
	width := func(sel string) float64 {
		el := doc.Call("querySelector", sel)
		if !el.Truthy() {
			return 0
		}
		return el.Call("getBoundingClientRect").Get("width").Float()
	}
	ws := doc.Call("querySelector", ".workspace")
	if ws.Truthy() {
		r := ws.Call("getBoundingClientRect")
		left, right = r.Get("left").Float(), r.Get("right").Float()
	}
	code, insp = width(".workspace > .code"), width(".workspace > .inspector")
	measuredPanes = [2]float64{code, insp}
	return left, right, code, insp
}

// measuredPanes are the code pane's and the inspector's widths the last
// paneWidths found.
var measuredPanes [2]float64

// paneNow returns the code pane's and the inspector's widths for the
// handles without measuring the page (which, during a render, would make
// the browser lay out the whole page on every change): the remembered
// sizes, else the last measured ones, else the style sheet's defaults.
func (s *Studio) paneNow() (code, insp float64) {
	code, insp = measuredPanes[0], measuredPanes[1]
	if s.cv.split.Code > 0 {
		code = s.cv.split.Code
	}
	if s.cv.split.Inspector > 0 {
		insp = s.cv.split.Inspector
	}
	if insp == 0 {
		insp = 280
	}
	if code == 0 {
		code = 400
		if app.IsClient {
			// minmax(300px, 30%) of the workspace (the window's width).
			code = math.Round(math.Max(300, 0.3*app.Window().Get("innerWidth").Float()))
		}
	}
	return code, insp
}

// resizePane sets a pane's width, kept within limits that leave the canvas
// usable.
func (s *Studio) resizePane(which string, w float64) {
	left, right, code, insp := paneWidths()
	total := right - left
	switch which {
	case "code":
		max := total - paletteWidth - insp - minCanvasWidth
		s.cv.split.Code = math.Round(math.Max(minCodeWidth, math.Min(w, max)))
	case "inspector":
		max := math.Min(maxInspectorWidth, total-paletteWidth-code-minCanvasWidth)
		s.cv.split.Inspector = math.Round(math.Max(minInspectorWidth, math.Min(w, max)))
	}
}

// splitMove follows the pointer while a handle is dragged.
func (s *Studio) splitMove(x float64) {
	_, right, _, insp := paneWidths()
	switch s.cv.splitDrag {
	case "code":
		s.resizePane("code", right-insp-x)
	case "inspector":
		s.resizePane("inspector", right-x)
	}
}

// splitKeyStep is how far a key moves a split handle (CSS pixels, left
// is negative; Shift: four steps); Home and End go all the way. 0 when
// the key does not move it.
func splitKeyStep(key string, shift bool) float64 {
	step := float64(splitStep)
	if shift {
		step *= 4
	}
	switch key {
	case "ArrowLeft":
		return -step
	case "ArrowRight":
		return step
	case "Home":
		return -1e6
	case "End":
		return 1e6
	}
	return 0
}

// splitBy moves a split handle by dx: the pane on its right shrinks as it
// moves right.
func (s *Studio) splitBy(which string, dx float64) {
	_, _, code, insp := paneWidths()
	cur := code
	if which == "inspector" {
		cur = insp
	}
	s.resizePane(which, cur-dx)
	s.saveSplit()
}

// renderSplitHandles draws the handles between the canvas and the code
// pane and before the inspector: drag them, or focus one and use the arrow
// keys.
func (s *Studio) renderSplitHandles() app.UI {
	code, insp := s.paneNow()
	handle := func(which, label string, now float64) app.UI {
		cls := "split-handle split-" + which
		if s.cv.splitDrag == which {
			cls += " active"
		}
		return app.Div().Class(cls).DataSet("split", which).
			Attr("role", "separator").Attr("aria-orientation", "vertical").Attr("tabindex", "0").
			Aria("label", label).Aria("valuenow", int(now)).Title(label+" (drag, or arrow keys)").
			On("pointerdown", func(ctx app.Context, e app.Event) {
				e.PreventDefault()
				s.cv.splitDrag = which
				s.startGesture(ctx)
			})
	}
	return app.Div().Class("split-handles").Body(
		when(s.viewMode == viewSplit, func() app.UI { return handle("code", "Resize the code pane", code) }),
		handle("inspector", "Resize the inspector", insp),
	)
}
