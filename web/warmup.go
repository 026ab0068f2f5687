package web

import (
	"fmt"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// warmUpRounds is how many edits of a scratch workflow warmUp makes, and
// warmUpStates the workflow's size: small, so that a round, run before
// the code is optimized, holds the page for a few milliseconds only (40
// states held it for up to 235 ms, in the way of the first edit).
const (
	warmUpRounds = 30
	warmUpStates = 12
)

// warmUp edits a scratch workflow, off screen, while the page is idle after
// it opened: the browser first runs WebAssembly through a quick baseline
// compiler and optimizes a function only once it has run for a while, so
// without this the first edits of a large workflow took three to five
// times as long as the later ones (bench/web prints each edit). Each round
// is one idle callback; one also warms the code editor (aslEditor.warmUp).
// Nothing of it is kept.
func (s *Studio) warmUp(round int) {
	if !app.IsClient || round >= warmUpRounds {
		return
	}
	idle := app.Window().Get("requestIdleCallback")
	var fn app.Func
	fn = app.FuncOf(func(this app.Value, args []app.Value) any {
		fn.Release()
		if round == 1 {
			// The code editor's own update path (web/editor: warmUp).
			if ed := app.Window().Get("aslEditor"); ed.Truthy() && ed.Get("warmUp").Truthy() {
				ed.Call("warmUp")
			}
		}
		warmUpRound(round)
		s.warmUp(round + 1)
		return nil
	})
	if idle.Truthy() {
		app.Window().Call("requestIdleCallback", fn, map[string]any{"timeout": 2000})
	} else {
		app.Window().Call("setTimeout", fn, 50)
	}
}

// warmUpRound runs once what an edit of the canvas runs: parse, layout,
// delete a state, print, parse again, validate, draw and diff the drawing.
func warmUpRound(round int) {
	d := newDocument("warm-up", []byte(scratchWorkflow(warmUpStates)))
	if d.Root == nil {
		return
	}
	scratch := &Studio{doc: d, view: viewport{K: 1}}
	editRound(scratch, &drawPatcher[int]{dom: discardDrawing{}}, d.Root.Clone(), fmt.Sprintf("Step %d", 2+round%(warmUpStates-2)))
}

// editRound makes on s's document what a canvas delete makes: root (a copy
// of the document's model) without the state name becomes the document,
// whose text changes by a span; then validation, the drawing and its
// patch through p.
func editRound(s *Studio, p *drawPatcher[int], root *asl.Value, name string) error {
	if err := asl.RemoveStates(root, []string{name}); err != nil {
		return err
	}
	d := s.doc
	old := d.Text
	d.apply(root)
	changedSpan(old, d.Text)
	d.validate()
	w := s.draw(d.Geom)
	p.patch(w.String(), w.pieces)
	return nil
}

// scratchWorkflow is a workflow of n states of several types.
func scratchWorkflow(n int) string {
	var b strings.Builder
	b.WriteString(`{"Comment": "warm-up", "StartAt": "Step 1", "States": {`)
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteString(",")
		}
		next := fmt.Sprintf(`"Next": "Step %d"`, i+1)
		if i == n {
			next = `"End": true`
		}
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, `"Step %d": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "Payload.$": "$"}, "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}], %s}`, i, next)
		case 1:
			fmt.Fprintf(&b, `"Step %d": {"Type": "Pass", "Result": {"n": %d}, "ResultPath": "$.r", %s}`, i, i, next)
		case 2:
			fmt.Fprintf(&b, `"Step %d": {"Type": "Wait", "Seconds": 1, %s}`, i, next)
		default:
			fmt.Fprintf(&b, `"Step %d": {"Type": "Pass", %s}`, i, next)
		}
	}
	b.WriteString("}}")
	return b.String()
}

// discardDrawing is a drawDOM that keeps nothing.
type discardDrawing struct{}

func (discardDrawing) parse(markup []string) []int         { return make([]int, len(markup)) }
func (discardDrawing) setTransform(int, string)            {}
func (discardDrawing) insertBefore(el, ref int, last bool) {}
func (discardDrawing) remove(int)                          {}
