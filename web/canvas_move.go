package web

import (
	"math"
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/layout"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// moveState is a drag of a state, or of the selected chain of states, on
// the canvas to another place.
type moveState struct {
	// name is the state pressed; names what moves: name alone, or the
	// multi-selection it belongs to (in document order).
	name   string
	names  []string
	x0, y0 float64
	x, y   float64
	// moved is set once the pointer went far enough to be a drag, not a click.
	moved bool
	// over is the zone under the pointer ("" when none).
	over string
	// refused are the zones the states cannot go to (their own
	// transitions, the inside of themselves), with the reason.
	refused map[string]string
}

// dragThreshold is how far (CSS pixels) a press must move to be a drag.
const dragThreshold = 5

// dropZone is a place on the canvas where a dragged state can go. id names
// it for the studio ("edge:FROM|TO", "rule:CHOICE:INDEX", "default:CHOICE",
// "branch:PARALLEL:INDEX", "processor:MAP"); attr is its data-dropzone (a
// Choice rule's edge keeps "edge:CHOICE|TARGET" and carries data-rule).
type dropZone struct {
	id, attr string
	rule     int // index of the Choice rule, -1 when not a rule's edge
	x, y     float64
	// label is drawn next to a zone that has no edge under it ("Default").
	label string
	// anchor is the state the zone belongs to; target where its edge goes.
	anchor, target string
	// points is the transition's line, for a zone on a transition.
	points [][2]float64
}

// dropZones lists the drop zones of a drawing: every transition between two
// states (a Choice rule's edge as that rule, a Default edge as the
// Default), the Default of a Choice that has none, the start of every
// Parallel branch and of every Map processor.
func (s *Studio) dropZones(g *layout.Geometry) []dropZone {
	out := make([]dropZone, 0, len(g.Edges)+len(g.Nodes)/4)
	seen := map[string]int{}
	hasDefault := map[string]bool{}
	for _, e := range g.Edges {
		if e.Kind == "catch" || strings.Contains(e.From, ":") || strings.Contains(e.To, ":") {
			continue
		}
		x, y := midpoint(e.Points)
		z := dropZone{id: "edge:" + e.From + "|" + e.To, rule: -1, x: x, y: y, anchor: e.From, target: e.To, points: e.Points}
		z.attr = z.id
		switch e.Kind {
		case "default":
			z.id, z.attr = "default:"+e.From, "default:"+e.From
			hasDefault[e.From] = true
		case "choice":
			k := seen[e.From+"|"+e.To]
			seen[e.From+"|"+e.To] = k + 1
			if i := s.ruleIndex(e.From, e.To, k); i >= 0 {
				z.rule = i
				z.id = "rule:" + e.From + ":" + strconv.Itoa(i)
			}
		}
		out = append(out, z)
	}
	for _, n := range g.Nodes {
		switch {
		case n.Kind == "branch":
			p, i, ok := strings.Cut(n.ID, "#")
			if !ok {
				continue
			}
			id := "branch:" + p + ":" + i
			out = append(out, dropZone{id: id, attr: id, rule: -1, x: n.X + n.W/2, y: n.Y + 2, anchor: p})
		case n.Kind == "map" && n.Group && n.State != "":
			id := "processor:" + n.State
			out = append(out, dropZone{id: id, attr: id, rule: -1, x: n.X + n.W - 16, y: n.Y + 13, anchor: n.State})
		case n.Kind == "choice" && !n.Group && n.State != "" && !hasDefault[n.State]:
			id := "default:" + n.State
			out = append(out, dropZone{id: id, attr: id, rule: -1, x: n.X + n.W + 34, y: n.Y + n.H/2, label: "Default", anchor: n.State})
		}
	}
	return out
}

// ruleIndex returns the index in the Choices array of choice of the k-th
// rule (counting from 0) that goes to target, or -1.
func (s *Studio) ruleIndex(choice, target string, k int) int {
	rules := asl.Lookup(s.doc.Root, asl.JoinPointer(s.doc.pointer(choice), "Choices"))
	if rules == nil || !rules.Is(asl.Array) {
		return -1
	}
	for i, r := range rules.Items {
		if next, ok := r.Get("Next").StringValue(); ok && next == target {
			if k == 0 {
				return i
			}
			k--
		}
	}
	return -1
}

// zoneAt returns the id of the drop zone at a screen point (see
// dropZone), or "".
func (s *Studio) zoneAt(x, y float64) string {
	id, _ := s.dropTargetAt(x, y)
	return id
}

// Drop targets within reach: a point this close to a transition's line
// (screen pixels) drops on that transition, and this close to a zone's
// centre on that zone, so a drop need not hit the small circle exactly.
const (
	edgeReach = 10
	zoneReach = 24
)

// dropTargetAt returns the drop zone at a screen point: its id (see
// dropZone) and its data-dropzone value, or "" when there is none. The
// zone under the pointer wins; else, unless the pointer is on a state, the
// transition whose line passes within edgeReach pixels, else the zone
// whose centre is within zoneReach.
func (s *Studio) dropTargetAt(x, y float64) (id, attr string) {
	if !app.IsClient {
		return "", ""
	}
	if el := app.Window().Get("document").Call("elementFromPoint", x, y); el.Truthy() {
		if z := el.Call("closest", "[data-dropzone]"); z.Truthy() {
			attr = z.Call("getAttribute", "data-dropzone").String()
			id = attr
			if r := z.Call("getAttribute", "data-rule"); r.Truthy() {
				if from, _, ok := strings.Cut(strings.TrimPrefix(attr, "edge:"), "|"); ok {
					id = "rule:" + from + ":" + r.String()
				}
			}
			return id, attr
		}
		if n := el.Call("closest", "[data-state]"); n.Truthy() && strings.HasPrefix(n.Call("getAttribute", "data-part").String(), "node") {
			return "", "" // on a state, not beside a transition
		}
	}
	g := s.doc.Geom
	cv := app.Window().Get("document").Call("getElementById", "canvas")
	if g == nil || !cv.Truthy() || s.view.K <= 0 {
		return "", ""
	}
	r := cv.Call("getBoundingClientRect")
	wx := (x - r.Get("left").Float() - s.view.X) / s.view.K
	wy := (y - r.Get("top").Float() - s.view.Y) / s.view.K
	if z := nearestZone(s.dropZones(g), wx, wy, edgeReach/s.view.K, zoneReach/s.view.K); z != nil {
		return z.id, z.attr
	}
	return "", ""
}

// nearestZone returns the zone whose transition passes closest to (x, y)
// within edge, else the one whose centre is closest within centre (world
// units), or nil.
func nearestZone(zones []dropZone, x, y, edge, centre float64) *dropZone {
	var best *dropZone
	bestD := edge
	for i := range zones {
		z := &zones[i]
		for k := 1; k < len(z.points); k++ {
			if d := segmentDistance(x, y, z.points[k-1], z.points[k]); d <= bestD {
				best, bestD = z, d
			}
		}
	}
	if best != nil {
		return best
	}
	bestD = centre
	for i := range zones {
		z := &zones[i]
		if d := math.Hypot(x-z.x, y-z.y); d <= bestD {
			best, bestD = z, d
		}
	}
	return best
}

// segmentDistance is the distance from (x, y) to the segment a-b.
func segmentDistance(x, y float64, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, ((x-a[0])*dx+(y-a[1])*dy)/l))
	}
	return math.Hypot(x-(a[0]+t*dx), y-(a[1]+t*dy))
}

// startMove starts following a press on a state: it becomes a drag of
// names (the state pressed, or the selection holding it) once the pointer
// moves past dragThreshold.
func (s *Studio) startMove(ctx app.Context, name string, names []string, x, y float64) {
	s.cv.move = &moveState{name: name, names: names, x0: x, y0: y, x: x, y: y}
	s.startGesture(ctx)
}

// what names the states a move carries, for its ghost and its hints.
func (m *moveState) what() string {
	if len(m.names) > 1 {
		return strconv.Itoa(len(m.names)) + " states"
	}
	return strconv.Quote(m.name)
}

// moveMove follows the pointer during a state drag.
func (s *Studio) moveMove(x, y float64) {
	m := s.cv.move
	m.x, m.y = x, y
	if !m.moved {
		if abs(x-m.x0) < dragThreshold && abs(y-m.y0) < dragThreshold {
			return
		}
		m.moved = true
		m.refused = s.refusedZones(m.names)
	}
	m.over = s.zoneAt(x, y)
}

// moveEnd drops the dragged states on the zone under the pointer. A press
// on a state of a multi-selection that did not move is a click: it selects
// that state alone.
func (s *Studio) moveEnd(ctx app.Context, x, y float64) {
	m := s.cv.move
	s.cv.move = nil
	if !m.moved {
		if len(m.names) > 1 {
			s.setSelection([]string{m.name})
			s.selectState(ctx, m.name)
		}
		return
	}
	zone := s.zoneAt(x, y)
	if zone == "" {
		s.hint = "Drop " + m.what() + " on an arrow, a Choice's Default, a branch or a Map to move it there."
		return
	}
	if why, ok := m.refused[zone]; ok {
		s.notify(why)
		return
	}
	names := m.names
	if !s.change(ctx, func(root *asl.Value) error {
		if err := moveOp(root, names, zone); err != nil {
			return err
		}
		return s.refuseNewErrors(root)
	}) {
		s.notify("Cannot move " + m.what() + " there: " + s.hint)
		return
	}
	s.setSelection(append([]string{m.name}, without(names, m.name)...))
	s.hist.push(s.snapshot())
	s.save(ctx)
}

// without returns names without name.
func without(names []string, name string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if n != name {
			out = append(out, n)
		}
	}
	return out
}

// moveOp moves the states names (one, or a chain) to a drop zone through
// engine/asl.
func moveOp(root *asl.Value, names []string, zone string) error {
	kind, target, _ := strings.Cut(zone, ":")
	switch kind {
	case "edge":
		from, to, ok := strings.Cut(target, "|")
		if ok {
			return asl.MoveOnTransition(root, names, from, to)
		}
	case "rule":
		if c, i, ok := cutIndex(target); ok {
			return asl.MoveOntoRule(root, names, c, i)
		}
	case "default":
		return asl.MoveToDefault(root, names, target)
	case "branch":
		if p, i, ok := cutIndex(target); ok {
			return asl.MoveIntoBranch(root, names, p, i)
		}
	case "processor":
		return asl.MoveIntoProcessor(root, names, target)
	}
	return &asl.EditError{Op: "Move", Msg: "unknown drop target " + strconv.Quote(zone)}
}

// cutIndex splits "NAME:INDEX" at its last colon.
func cutIndex(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	return s[:i], n, err == nil
}

// refusedZones returns the zones the states names cannot be dropped on,
// with the hint to show: their own transitions (in, out or between them)
// and every zone inside them (when one is a Parallel or Map).
func (s *Studio) refusedZones(names []string) map[string]string {
	out := map[string]string{}
	g := s.doc.Geom
	if g == nil {
		return out
	}
	moved := map[string]bool{}
	inner := map[string]bool{}
	for _, name := range names {
		moved[name] = true
		if ptr := s.doc.pointer(name); ptr != "" {
			for _, n := range s.doc.states {
				if p := s.doc.pointer(n); strings.HasPrefix(p, ptr+"/") {
					inner[n] = true
				}
			}
		}
	}
	into := strconv.Quote(names[0]) + " cannot be moved into itself."
	there := strconv.Quote(names[0]) + " is already there: drop it on another arrow to move it."
	if len(names) > 1 {
		into = "The states cannot be moved into themselves."
		there = "The states are already there: drop them on another arrow to move them."
	}
	for _, z := range s.dropZones(g) {
		switch {
		case moved[z.anchor] && (strings.HasPrefix(z.id, "branch:") || strings.HasPrefix(z.id, "processor:")),
			inner[z.anchor]:
			out[z.id] = into
		case moved[z.anchor] || moved[z.target]:
			out[z.id] = there
		}
	}
	return out
}

// renderMoveGhost is the label that follows the pointer during a state drag.
func (s *Studio) renderMoveGhost() app.UI {
	m := s.cv.move
	return when(m != nil && m.moved, func() app.UI {
		cls := "ghost"
		if _, bad := m.refused[m.over]; bad && m.over != "" {
			cls += " refused"
		}
		label := m.name
		if len(m.names) > 1 {
			label = m.what()
		}
		return app.Div().Class(cls).DataSet("ghost", m.name).
			Style("left", num(m.x+12)+"px").Style("top", num(m.y+12)+"px").
			Text("Move " + label)
	})
}

// dropOnChoice inserts a new state from the palette on a Choice rule's
// transition ("rule:CHOICE:INDEX") or as its Default ("default:CHOICE").
func (s *Studio) dropOnChoice(ctx app.Context, typ, zone string) {
	kind, target, _ := strings.Cut(zone, ":")
	var name string
	if s.change(ctx, func(root *asl.Value) error {
		name = asl.UniqueName(root, typ+" state")
		switch kind {
		case "rule":
			c, i, ok := cutIndex(target)
			if !ok {
				return &asl.EditError{Op: "Drop", Msg: "bad rule " + strconv.Quote(target)}
			}
			next := ""
			if r := asl.Lookup(root, asl.JoinPointer(s.doc.pointer(c), "Choices", strconv.Itoa(i), "Next")); r != nil {
				next, _ = r.StringValue()
			}
			if err := asl.InsertOnRule(root, c, i, name, newStateOf(root, typ, next)); err != nil {
				return err
			}
		default:
			next := ""
			if d := asl.Lookup(root, asl.JoinPointer(s.doc.pointer(target), "Default")); d != nil {
				next, _ = d.StringValue()
			}
			if err := asl.InsertDefault(root, target, name, newStateOf(root, typ, next)); err != nil {
				return err
			}
		}
		return s.refuseNewErrors(root)
	}) {
		s.setSelection([]string{name})
		s.hist.push(s.snapshot())
		s.save(ctx)
	}
}
