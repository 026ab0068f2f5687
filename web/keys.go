package web

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// onKeyDown handles the shortcuts of Workflow Studio: Ctrl+Z / Ctrl+Shift+Z
// (or Ctrl+Y), Delete/Backspace, Ctrl+D duplicate, Alt+C centre, arrow keys
// to move between states, Escape to clear the selection. Keys typed into a
// field are left to the field.
func (s *Studio) onKeyDown(ctx app.Context, e app.Event) {
	key := e.Get("key").String()
	ctrl := e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()
	shift := e.Get("shiftKey").Bool()
	alt := e.Get("altKey").Bool()
	if inField(e) {
		return
	}
	switch {
	case ctrl && (key == "z" || key == "Z") && !shift:
		e.PreventDefault()
		s.undo(ctx)
	case ctrl && ((key == "z" || key == "Z") && shift || key == "y"):
		e.PreventDefault()
		s.redo(ctx)
	case ctrl && key == "d" && s.selected != "":
		e.PreventDefault()
		s.duplicateState(ctx, s.selected)
	case (key == "Delete" || key == "Backspace") && s.selected != "":
		e.PreventDefault()
		s.removeState(ctx, s.selected)
	case alt && (key == "c" || key == "C" || e.Get("code").String() == "KeyC"):
		e.PreventDefault()
		s.fit()
	case key == "Escape":
		s.selected = ""
		s.showGallery = false
	case key == "ArrowDown" || key == "ArrowUp" || key == "ArrowLeft" || key == "ArrowRight":
		if s.moveSelection(key) {
			e.PreventDefault()
		}
	}
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
	return t.Get("isContentEditable").Bool()
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
