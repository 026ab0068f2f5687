package web

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/validate"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// paletteEntry is a state kind that can be dragged onto the canvas.
type paletteEntry struct {
	Type, Label, Help, Kind string
}

var flowPalette = []paletteEntry{
	{asl.TypePass, "Pass", "Pass input to output, optionally reshaped", "pass"},
	{asl.TypeChoice, "Choice", "Branch on a condition", "choice"},
	{asl.TypeWait, "Wait", "Pause for a time or until a timestamp", "wait"},
	{asl.TypeParallel, "Parallel", "Run branches at the same time", "parallel"},
	{asl.TypeMap, "Map", "Run steps for each item of an array", "map"},
	{asl.TypeSucceed, "Succeed", "Stop with success", "succeed"},
	{asl.TypeFail, "Fail", "Stop with an error", "fail"},
}

func (s *Studio) renderPalette() app.UI {
	q := strings.ToLower(strings.TrimSpace(s.paletteFilter))
	var items []paletteEntry
	for _, p := range flowPalette {
		if q == "" || strings.Contains(strings.ToLower(p.Label+" "+p.Help), q) {
			items = append(items, p)
		}
	}
	return app.Aside().Class("panel palette").Aria("label", "Palette").Body(
		app.H2().Text("States"),
		app.Input().Type("search").Class("palette-search").Placeholder("Search states").Aria("label", "Search the palette").
			// The box is the source of the filter: no Value, which a render
			// one keystroke late would write back over the key just typed.
			OnInput(func(ctx app.Context, e app.Event) {
				s.paletteFilter = ctx.JSSrc().Get("value").String()
			}),
		app.H2().Text("Flow"),
		app.Range(items).Slice(func(i int) app.UI {
			p := items[i]
			return app.Div().Class("palette-item").DataSet("palette", p.Type).
				Attr("role", "button").Attr("tabindex", "0").Aria("label", "Add a "+p.Label+" state (drag onto a transition)").
				Title(p.Help).
				On("pointerdown", func(ctx app.Context, e app.Event) {
					e.PreventDefault()
					s.drag = &dragState{stateType: p.Type, label: p.Label, x: e.Get("clientX").Float(), y: e.Get("clientY").Float()}
					s.startGesture(ctx)
				}, p.Type).
				Body(
					app.Span().Class("swatch").Style("background", kindColor[p.Kind]),
					app.Span().Text(p.Label),
				)
		}),
		app.P().Class("empty").Style("font-size", "12px").Text("Drag a state onto an arrow of the canvas to insert it there."),
		&actionPalette{Studio: s},
	)
}

// dragState is a palette drag in progress.
type dragState struct {
	stateType string
	label     string
	// action is the catalog id of a dragged service integration
	// ("dynamodb:putItem"), and actionName the new Task's name.
	action, actionName string
	x, y               float64
	moved              bool
	// over is the drop zone under the pointer ("edge:FROM|TO"), if any.
	over string
}

// dragMove follows the pointer and finds the drop zone under it.
func (s *Studio) dragMove(x, y float64) {
	s.drag.x, s.drag.y, s.drag.moved = x, y, true
	s.drag.over = s.zoneAt(x, y)
}

// dragEnd drops the dragged state on the zone under the pointer.
func (s *Studio) dragEnd(ctx app.Context, x, y float64) {
	d := s.drag
	s.drag = nil
	id, zone := s.dropTargetAt(x, y)
	if zone == "" {
		if d.moved {
			s.hint = "Drop the state on an arrow between two states to insert it there."
		}
		return
	}
	if d.action != "" {
		s.dropAction(ctx, d, zone)
		return
	}
	s.dropOn(ctx, d.stateType, id)
}

// dropOn inserts a new state of type typ at a drop zone.
func (s *Studio) dropOn(ctx app.Context, typ, zone string) {
	kind, target, _ := strings.Cut(zone, ":")
	insert := func(op func(root *asl.Value, name string, st *asl.Value) error, startPtr func(root *asl.Value) string) {
		var name string
		if s.change(ctx, func(root *asl.Value) error {
			name = asl.UniqueName(root, typ+" state")
			next, _ := asl.Lookup(root, startPtr(root)).StringValue()
			if err := op(root, name, newStateOf(root, typ, next)); err != nil {
				return err
			}
			return s.refuseNewErrors(root)
		}) {
			s.selected = name
			s.hist.push(s.snapshot())
			s.save(ctx)
		}
	}
	switch kind {
	case "rule", "default":
		s.dropOnChoice(ctx, typ, zone)
	case "branch":
		i := strings.LastIndexByte(target, ':')
		if i < 0 {
			return
		}
		par := target[:i]
		idx, err := strconv.Atoi(target[i+1:])
		if err != nil {
			return
		}
		insert(func(root *asl.Value, name string, st *asl.Value) error {
			return asl.InsertIntoBranch(root, par, idx, name, st)
		}, func(*asl.Value) string {
			return asl.JoinPointer(s.doc.pointer(par), "Branches", strconv.Itoa(idx), "StartAt")
		})
	case "processor":
		insert(func(root *asl.Value, name string, st *asl.Value) error {
			return asl.InsertIntoProcessor(root, target, name, st)
		}, func(root *asl.Value) string {
			p := s.doc.pointer(target)
			if asl.Lookup(root, asl.JoinPointer(p, "Iterator")) != nil {
				return asl.JoinPointer(p, "Iterator", "StartAt")
			}
			return asl.JoinPointer(p, "ItemProcessor", "StartAt")
		})
	case "edge":
		from, to, ok := strings.Cut(target, "|")
		if !ok {
			return
		}
		var name string
		if s.change(ctx, func(root *asl.Value) error {
			name = asl.UniqueName(root, typ+" state")
			next := to
			st := newStateOf(root, typ, next)
			if err := asl.InsertOnTransition(root, from, to, name, st); err != nil {
				return err
			}
			return s.refuseNewErrors(root)
		}) {
			s.selected = name
			s.hist.push(s.snapshot())
			s.save(ctx)
		}
	}
}

// refuseNewErrors fails when root has more validation errors than the
// current document: a drop must not break a working machine.
func (s *Studio) refuseNewErrors(root *asl.Value) error {
	before, _ := s.doc.errorCount()
	after := validate.Validate(root, validate.Options{NoWarnings: true})
	if len(after) > before {
		return fmt.Errorf("that drop would make the workflow invalid (%s)", after[0].Message)
	}
	return nil
}
