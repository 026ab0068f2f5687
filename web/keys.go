package web

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// shortcut names what a key press does, or "" when it is not a shortcut.
func shortcut(key, code string, ctrl, shift, alt bool) string {
	switch {
	case ctrl && (key == "z" || key == "Z") && !shift:
		return "undo"
	case ctrl && ((key == "z" || key == "Z") && shift || key == "y"):
		return "redo"
	case ctrl && key == "d":
		return "duplicate"
	case ctrl && !shift && !alt && (key == "c" || key == "C"):
		return "copy"
	case ctrl && !shift && !alt && (key == "x" || key == "X"):
		return "cut"
	case ctrl && !shift && !alt && (key == "v" || key == "V"):
		return "paste"
	case ctrl && !shift && !alt && (key == "a" || key == "A"):
		return "selectall"
	case !ctrl && !alt && (key == "Delete" || key == "Backspace"):
		return "delete"
	case alt && !ctrl && code == "KeyC":
		return "fit"
	case key == "Escape":
		return "escape"
	case !ctrl && !alt && (key == "ArrowDown" || key == "ArrowUp" || key == "ArrowLeft" || key == "ArrowRight"):
		return "move"
	}
	return ""
}

// listenKeys handles the shortcuts of Workflow Studio: Ctrl+Z /
// Ctrl+Shift+Z (or Ctrl+Y), Delete/Backspace, Ctrl+D duplicate, Ctrl+C /
// Ctrl+X / Ctrl+V copy, cut and paste states, Ctrl+A select every state,
// Alt+C centre, arrow keys to move between states, Escape to clear the
// selection; Space held makes a drag pan. Keys typed into a field are left
// to the field, and a split handle takes its arrow keys. The default action
// is cancelled in the browser's callback; the action runs on the UI
// goroutine.
func (s *Studio) listenKeys(ctx app.Context) func() {
	doc := app.Window().Get("document")
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := app.Event{Value: args[0]}
		if inField(e) {
			return nil
		}
		key, code := e.Get("key").String(), e.Get("code").String()
		if h := e.Get("target").Call("closest", "[data-split]"); h.Truthy() {
			if step := splitKeyStep(key, e.Get("shiftKey").Bool(), h.Call("getAttribute", "aria-orientation").String() != "horizontal"); step != 0 {
				e.PreventDefault()
				which := h.Get("dataset").Get("split").String()
				ctx.Dispatch(func(ctx app.Context) { s.splitBy(which, step) })
				return nil
			}
		}
		if key == " " && !onControl(e) {
			e.PreventDefault()
			if !s.cv.space {
				ctx.Dispatch(func(ctx app.Context) { s.cv.space = true })
			}
			return nil
		}
		ctrl := e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()
		what := shortcut(key, code, ctrl, e.Get("shiftKey").Bool(), e.Get("altKey").Bool())
		switch what {
		case "":
			return nil
		case "copy", "cut":
			// Copy now, in the browser's callback, so the copy event that
			// follows (the default action, not cancelled) carries the states.
			if _, ok := s.copySelection(); !ok {
				return nil
			}
			s.cv.copyArmed = true
			n, cut := len(s.selectedStates()), what == "cut"
			ctx.Dispatch(func(ctx app.Context) {
				s.hint = copiedHint(n, cut)
				if cut {
					s.cutSelection(ctx)
				}
			})
			return nil
		case "paste":
			// The default action fires the paste event; the fallback waits.
			s.cv.pasteKey++
			s.cv.pasteKeyAt = time.Now()
			key := s.cv.pasteKey
			ctx.Dispatch(func(ctx app.Context) { s.startPaste(ctx, key) })
			return nil
		}
		if what != "escape" {
			e.PreventDefault()
		}
		ctx.Dispatch(func(ctx app.Context) { s.runShortcut(ctx, what, key) })
		return nil
	})
	up := app.FuncOf(func(this app.Value, args []app.Value) any {
		if args[0].Get("key").String() == " " && s.cv.space {
			ctx.Dispatch(func(ctx app.Context) { s.cv.space = false })
		}
		return nil
	})
	doc.Call("addEventListener", "keydown", fn)
	doc.Call("addEventListener", "keyup", up)
	stopClip := s.listenClipboard(ctx)
	return func() {
		doc.Call("removeEventListener", "keydown", fn)
		doc.Call("removeEventListener", "keyup", up)
		fn.Release()
		up.Release()
		stopClip()
	}
}

func (s *Studio) runShortcut(ctx app.Context, what, key string) {
	switch what {
	case "undo":
		s.undo(ctx)
	case "redo":
		s.redo(ctx)
	case "duplicate":
		s.duplicateSelection(ctx)
	case "delete":
		s.deleteSelection(ctx)
	case "selectall":
		s.setSelection(append([]string(nil), s.doc.states...))
		s.save(ctx)
	case "fit":
		s.fit()
	case "escape":
		s.setSelection(nil)
		s.cv.notice = ""
		s.cv.help = false
		s.showGallery = false
		s.exportOpen = false
		s.shareLink = ""
	case "move":
		s.cv.multi = nil
		s.moveSelection(key)
	}
}

// onControl reports whether a key event comes from a button, link or other
// control, whose Space must keep working.
func onControl(e app.Event) bool {
	t := e.Get("target")
	return t.Truthy() && t.Call("closest", "button,a,[role=button],[role=tab],[role=separator],summary").Truthy()
}

// inField reports whether the event comes from a text field.
func inField(e app.Event) bool {
	t := e.Get("target")
	if !t.Truthy() {
		return false
	}
	switch t.Get("tagName").String() {
	case "INPUT", "TEXTAREA", "SELECT":
		return true
	}
	return t.Get("isContentEditable").Truthy()
}

// moveSelection selects the nearest state in the arrow's direction.
func (s *Studio) moveSelection(key string) bool {
	g := s.doc.Geom
	if g == nil {
		return false
	}
	var cx, cy float64
	found := false
	for _, n := range g.Nodes {
		if n.State == s.selected && n.State != "" {
			cx, cy, found = n.X+n.W/2, n.Y+n.H/2, true
		}
	}
	if !found {
		for _, n := range g.Nodes {
			if n.State != "" && !n.Group {
				s.selected = n.State
				return true
			}
		}
		return false
	}
	best, bestD := "", 0.0
	for _, n := range g.Nodes {
		if n.State == "" || n.State == s.selected {
			continue
		}
		dx, dy := n.X+n.W/2-cx, n.Y+n.H/2-cy
		var ok bool
		switch key {
		case "ArrowDown":
			ok = dy > 1 && abs(dx) <= dy*2
		case "ArrowUp":
			ok = dy < -1 && abs(dx) <= -dy*2
		case "ArrowRight":
			ok = dx > 1 && abs(dy) <= dx
		case "ArrowLeft":
			ok = dx < -1 && abs(dy) <= -dx
		}
		if !ok {
			continue
		}
		d := dx*dx + dy*dy
		if best == "" || d < bestD {
			best, bestD = n.State, d
		}
	}
	if best == "" {
		return false
	}
	s.selected = best
	return true
}
