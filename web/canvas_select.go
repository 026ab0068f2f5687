package web

import (
	"math"
	"sort"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// canvasState is the canvas's own interaction state: the multi-selection,
// a rubber band or a state drag in progress, the clipboard fallback and the
// sizes of the split panes.
type canvasState struct {
	// multi holds every selected state when more than one is; the studio's
	// selected is one of them (the one the inspector shows). It counts only
	// while selected is in it, so code that sets selected alone (the
	// code pane's caret, undo) ends a multi-selection without knowing it.
	multi map[string]bool
	// band is a rubber-band selection in progress.
	band *bandState
	// move is a drag of a state to another place.
	move *moveState
	// space is held: a drag anywhere pans.
	space bool
	// boxMode makes a plain drag on the background draw a selection box
	// (the "Select box" tool), as Shift+drag always does.
	boxMode bool
	// help shows the canvas's gesture help.
	help bool
	// clip is the last copied states (ASL JSON), used when the browser
	// refuses the system clipboard.
	clip string
	// copyArmed is set by a Ctrl+C or Ctrl+X on the canvas: the copy or cut
	// event that follows carries the states.
	copyArmed bool
	// notice is a message shown on the canvas (e.g. why a paste failed),
	// about the document noticeDoc.
	notice    string
	noticeDoc *document
	// pasteKey numbers the Ctrl+V presses (the last at pasteKeyAt), and
	// pasteServed is the last one pasted, by its paste event or by the
	// fallback, so that none is pasted twice.
	pasteKey, pasteServed int
	pasteKeyAt            time.Time
	// split holds the pane sizes (CSS pixels; 0 = default).
	split splitSizes
	// splitLoaded is set once the remembered sizes were read.
	splitLoaded bool
	// splitDrag is the handle being dragged ("" when none).
	splitDrag string
}

// bandState is a rubber band: screen points relative to the canvas.
type bandState struct {
	x0, y0, x1, y1 float64
	// ox, oy is the canvas's top left corner on the screen.
	ox, oy float64
	// base is the selection the band adds to.
	base []string
}

// selectedStates returns the selection in document order: every state of
// a multi-selection, or the selected state alone.
func (s *Studio) selectedStates() []string {
	if s.selected == "" || s.doc.state(s.selected) == nil {
		return nil
	}
	if len(s.cv.multi) < 2 || !s.cv.multi[s.selected] {
		return []string{s.selected}
	}
	var out []string
	for _, n := range s.doc.states {
		if s.cv.multi[n] {
			out = append(out, n)
		}
	}
	return out
}

// selectedSet is selectedStates as a set.
func (s *Studio) selectedSet() map[string]bool {
	out := map[string]bool{}
	for _, n := range s.selectedStates() {
		out[n] = true
	}
	return out
}

// setSelection selects names (the first is the one the inspector shows);
// nil clears the selection.
func (s *Studio) setSelection(names []string) {
	s.cv.multi = nil
	if len(names) == 0 {
		s.selected = ""
		return
	}
	s.selected = names[0]
	if len(names) > 1 {
		s.cv.multi = map[string]bool{}
		for _, n := range names {
			s.cv.multi[n] = true
		}
	}
}

// toggleSelected adds a state to the selection or takes it out (Shift or
// Ctrl+click).
func (s *Studio) toggleSelected(ctx app.Context, name string) {
	cur := s.selectedStates()
	var next []string
	found := false
	for _, n := range cur {
		if n == name {
			found = true
			continue
		}
		next = append(next, n)
	}
	if !found {
		// The clicked state becomes the one the inspector shows.
		next = append([]string{name}, next...)
	}
	s.setSelection(next)
	if s.selected != "" {
		s.revealInCode(s.selected)
	}
	s.save(ctx)
}

// startBand starts a rubber band at a screen point of the canvas; with add
// the states inside are added to the current selection.
func (s *Studio) startBand(ctx app.Context, x, y float64, add bool) {
	b := &bandState{x0: x, y0: y, x1: x, y1: y}
	if add {
		b.base = s.selectedStates()
	}
	s.cv.band = b
	s.startGesture(ctx)
}

// bandRect is the band's rectangle in screen coordinates of the canvas.
func (b *bandState) rect() (x, y, w, h float64) {
	x, y = math.Min(b.x0, b.x1), math.Min(b.y0, b.y1)
	return x, y, math.Abs(b.x1 - b.x0), math.Abs(b.y1 - b.y0)
}

// moveBand follows the pointer and selects the states inside the band.
func (s *Studio) moveBand(cx, cy float64) {
	b := s.cv.band
	b.x1, b.y1 = cx, cy
	s.setSelection(s.statesInBand(b))
}

// statesInBand returns the base selection and the states whose box lies
// wholly inside the band, in document order, except that the state the
// inspector shows (the base's first) stays first.
func (s *Studio) statesInBand(b *bandState) []string {
	g := s.doc.Geom
	in := map[string]bool{}
	for _, n := range b.base {
		in[n] = true
	}
	if g != nil && s.view.K > 0 {
		x, y, w, h := b.rect()
		// The band in drawing coordinates.
		x0, y0 := (x-s.view.X)/s.view.K, (y-s.view.Y)/s.view.K
		x1, y1 := x0+w/s.view.K, y0+h/s.view.K
		for _, n := range g.Nodes {
			if n.State == "" {
				continue
			}
			if n.X >= x0 && n.Y >= y0 && n.X+n.W <= x1 && n.Y+n.H <= y1 {
				in[n.State] = true
			}
		}
	}
	var out []string
	for _, n := range s.doc.states {
		if in[n] {
			out = append(out, n)
		}
	}
	// Keep the state shown in the inspector first when it is still in.
	if len(b.base) > 0 && in[b.base[0]] {
		sort.SliceStable(out, func(i, j int) bool { return out[i] == b.base[0] && out[j] != b.base[0] })
	}
	return out
}

// endBand ends the rubber band.
func (s *Studio) endBand(ctx app.Context) {
	s.cv.band = nil
	if s.selected != "" {
		s.revealInCode(s.selected)
	}
	s.save(ctx)
}

// renderBand draws the rubber band.
func (s *Studio) renderBand() app.UI {
	return when(s.cv.band != nil, func() app.UI {
		x, y, w, h := s.cv.band.rect()
		return app.Div().Class("band").DataSet("band", "on").
			Style("left", num(x)+"px").Style("top", num(y)+"px").
			Style("width", num(w)+"px").Style("height", num(h)+"px")
	})
}

// canvasHelp is the gesture help of the canvas (also its tooltip).
var canvasHelp = []struct{ keys, what string }{
	{"Click", "select a state"},
	{"Shift/Ctrl+click", "add or remove a state from the selection"},
	{"Shift+drag (or the box tool)", "select the states inside a box"},
	{"Drag the background", "pan (also Space+drag or the middle button, anywhere)"},
	{"Wheel / Ctrl+wheel", "zoom; Shift+wheel pans sideways"},
	{"Drag a state", "move it onto another arrow, a Choice rule or Default, a branch or a Map"},
	{"Drag a selected state", "move the selection with it, when it is a chain (each state going to the next)"},
	{"Delete / Backspace", "remove the selected states"},
	{"Ctrl+C / Ctrl+X / Ctrl+V", "copy, cut, paste states as ASL JSON (after the selected state)"},
	{"Ctrl+D", "duplicate the selected states"},
	{"Arrow keys", "select the nearest state that way"},
	{"Alt+C", "fit the workflow"},
	{"Ctrl+Z / Ctrl+Shift+Z", "undo / redo"},
}

// canvasHelpTitle is canvasHelp as one tooltip text.
func canvasHelpTitle() string {
	t := ""
	for i, h := range canvasHelp {
		if i > 0 {
			t += "\n"
		}
		t += h.keys + ": " + h.what
	}
	return t
}

// renderCanvasHelp is the help panel the "?" button opens.
func (s *Studio) renderCanvasHelp() app.UI {
	return when(s.cv.help, func() app.UI {
		return app.Div().Class("canvas-help").DataSet("canvas-help", "on").Attr("role", "dialog").Aria("label", "Canvas help").Body(
			app.H2().Text("Canvas"),
			app.Dl().Body(app.Range(canvasHelp).Slice(func(i int) app.UI {
				return app.Div().Body(app.Dt().Text(canvasHelp[i].keys), app.Dd().Text(canvasHelp[i].what))
			})),
		)
	})
}

// selectionCount is shown on the canvas while several states are selected.
func (s *Studio) renderSelectionCount() app.UI {
	n := len(s.selectedStates())
	return when(n > 1, func() app.UI {
		return app.Div().Class("selection-count").DataSet("selection-count", n).Attr("role", "status").
			Text(itoa(n) + " states selected · Delete removes them · Ctrl+C copies · a chain moves together")
	})
}
