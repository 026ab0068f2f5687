package web

import (
	"encoding/json"
	"math"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// splitKey is where the pane sizes are remembered in localStorage.
const splitKey = "aslstudio.split"

// splitSizes are the widths of the code pane and the inspector and the
// height of the run panel's body in CSS pixels; 0 means the style sheet's
// default.
type splitSizes struct {
	Code      float64 `json:"code"`
	Inspector float64 `json:"inspector"`
	Run       float64 `json:"run,omitempty"`
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
	// The run panel's body, and what it leaves the canvas above it; the
	// rows of fixed height (app.css, run.css) take the rest of the window.
	minRunHeight     = 120
	defaultRunHeight = 250 // run.css: or 28% of a short window
	minCanvasHeight  = 160
	topbarHeight     = 48
	runBarHeight     = 40
	statusbarHeight  = 26
	fixedRows        = topbarHeight + runBarHeight + statusbarHeight
	// shortWindow is the height below which the run panel starts folded,
	// and splitMinHeight the one below which the studio opens in Design
	// view rather than Split.
	shortWindow    = 700
	splitMinHeight = 560
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
		// Nothing chosen yet: a short window (a laptop's, or a headless
		// browser's 800x600) starts with the run panel folded, so that
		// the canvas and the code keep room; a run unfolds it.
		s.cv.split.RunFolded = app.Window().Get("innerHeight").Int() < shortWindow
		return
	}
	var sz splitSizes
	if json.Unmarshal([]byte(v.String()), &sz) == nil {
		s.cv.split = sz
	}
}

// saveSplit remembers the sizes; a refusal only costs the memory.
func (s *Studio) saveSplit() {
	if !app.IsClient || s.embed {
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

// runDockStyle returns the CSS variable of the remembered run panel height.
func (s *Studio) runDockStyle() string {
	s.loadSplit()
	if s.cv.split.Run > 0 {
		return "--run-h:" + num(s.cv.split.Run) + "px"
	}
	return ""
}

// runBodyHeight measures the run panel's body (CSS pixels; 0 when folded).
func runBodyHeight() float64 {
	if !app.IsClient {
		return defaultRunHeight
	}
	el := app.Window().Get("document").Call("querySelector", ".run-dock > .run-body")
	if !el.Truthy() {
		return 0
	}
	measuredRun = el.Call("getBoundingClientRect").Get("height").Float()
	return measuredRun
}

// windowHeight is the window's inner height (CSS pixels); reading it does
// not lay the page out, so a drag can call it on every move.
func windowHeight() float64 {
	if !app.IsClient {
		return 900
	}
	return app.Window().Get("innerHeight").Float()
}

// measuredRun is the run panel body's height runBodyHeight found last.
var measuredRun float64

// runNow is the run panel body's height for its handle, without measuring
// the page during a render (as paneNow): the remembered height, else the
// last measured one, else the style sheet's default.
func (s *Studio) runNow() float64 {
	switch {
	case s.cv.split.Run > 0:
		return s.cv.split.Run
	case measuredRun > 0:
		return measuredRun
	}
	return defaultRunHeight
}

// resizeRun sets the run panel's body height, kept within limits that
// leave the canvas usable.
func (s *Studio) resizeRun(h float64) {
	max := math.Max(minRunHeight, windowHeight()-fixedRows-minCanvasHeight)
	s.cv.split.Run = math.Round(math.Max(minRunHeight, math.Min(h, max)))
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
func (s *Studio) splitMove(x, y float64) {
	if s.cv.splitDrag == "run" {
		// The run panel's bar sits between the handle and its body, the
		// status bar below the body.
		s.resizeRun(windowHeight() - statusbarHeight - runBarHeight - y)
		return
	}
	_, right, _, insp := paneWidths()
	switch s.cv.splitDrag {
	case "code":
		s.resizePane("code", right-insp-x)
	case "inspector":
		s.resizePane("inspector", right-x)
	}
}

// splitKeyStep is how far a key moves a split handle (CSS pixels, left
// and up are negative; Shift: four steps); Home and End go all the way.
// A handle between side-by-side panes (vertical) moves with the left and
// right arrows, the run panel's (horizontal) with up and down. 0 when the
// key does not move it.
func splitKeyStep(key string, shift, vertical bool) float64 {
	step := float64(splitStep)
	if shift {
		step *= 4
	}
	back, forth := "ArrowLeft", "ArrowRight"
	if !vertical {
		back, forth = "ArrowUp", "ArrowDown"
	}
	switch key {
	case back:
		return -step
	case forth:
		return step
	case "Home":
		return -1e6
	case "End":
		return 1e6
	}
	return 0
}

// splitBy moves a split handle by d: the pane on its right, or below it,
// shrinks as it moves right or down.
func (s *Studio) splitBy(which string, d float64) {
	if which == "run" {
		s.resizeRun(runBodyHeight() - d)
		s.saveSplit()
		return
	}
	_, _, code, insp := paneWidths()
	cur := code
	if which == "inspector" {
		cur = insp
	}
	s.resizePane(which, cur-d)
	s.saveSplit()
}

// renderSplitHandles draws the handles between the canvas and the code
// pane and before the inspector: drag them, or focus one and use the arrow
// keys.
func (s *Studio) renderSplitHandles() app.UI {
	code, insp := s.paneNow()
	return app.Div().Class("split-handles").Body(
		when(s.viewMode == viewSplit, func() app.UI { return s.splitHandle("code", "Resize the code pane", "vertical", code) }),
		s.splitHandle("inspector", "Resize the inspector", "vertical", insp),
	)
}

// splitHandle is the handle that resizes the pane which (data-split):
// drag it, or focus it and use the arrow keys. orientation is the ARIA
// one, the direction of the line it draws.
func (s *Studio) splitHandle(which, label, orientation string, now float64) app.UI {
	cls := "split-handle split-" + which
	if s.cv.splitDrag == which {
		cls += " active"
	}
	return app.Div().Class(cls).DataSet("split", which).
		Attr("role", "separator").Attr("aria-orientation", orientation).Attr("tabindex", "0").
		Aria("label", label).Aria("valuenow", int(now)).Title(label+" (drag, or arrow keys)").
		On("pointerdown", func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			s.cv.splitDrag = which
			s.startGesture(ctx)
		})
}
