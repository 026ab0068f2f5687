package web

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// startGesture follows the pointer on the whole document until it is
// released: it pans the canvas, moves a palette drag or a state drag,
// draws a selection box or resizes a pane. The listeners exist
// only during the gesture, so plain pointer moves re-render nothing.
func (s *Studio) startGesture(ctx app.Context) {
	if !app.IsClient || s.stopGesture != nil {
		return
	}
	doc := app.Window().Get("document")
	var move, up app.Func
	move = app.FuncOf(func(this app.Value, args []app.Value) any {
		x, y := args[0].Get("clientX").Float(), args[0].Get("clientY").Float()
		ctx.Dispatch(func(ctx app.Context) { s.gestureMove(x, y) })
		return nil
	})
	up = app.FuncOf(func(this app.Value, args []app.Value) any {
		x, y := args[0].Get("clientX").Float(), args[0].Get("clientY").Float()
		ctx.Dispatch(func(ctx app.Context) {
			if s.stopGesture != nil {
				s.stopGesture()
				s.stopGesture = nil
			}
			s.gestureEnd(ctx, x, y)
		})
		return nil
	})
	doc.Call("addEventListener", "pointermove", move)
	doc.Call("addEventListener", "pointerup", up)
	doc.Call("addEventListener", "pointercancel", up)
	s.stopGesture = func() {
		doc.Call("removeEventListener", "pointermove", move)
		doc.Call("removeEventListener", "pointerup", up)
		doc.Call("removeEventListener", "pointercancel", up)
		move.Release()
		up.Release()
	}
}

func (s *Studio) gestureMove(x, y float64) {
	switch {
	case s.pan != nil:
		s.view.X = s.pan.vx + x - s.pan.x0
		s.view.Y = s.pan.vy + y - s.pan.y0
	case s.drag != nil:
		s.dragMove(x, y)
	case s.cv.move != nil:
		s.moveMove(x, y)
	case s.cv.band != nil:
		s.moveBand(x-s.cv.band.ox, y-s.cv.band.oy)
	case s.cv.splitDrag != "":
		s.splitMove(x, y)
	}
}

func (s *Studio) gestureEnd(ctx app.Context, x, y float64) {
	switch {
	case s.pan != nil:
		s.pan = nil
		s.save(ctx)
	case s.drag != nil:
		s.dragEnd(ctx, x, y)
	case s.cv.move != nil:
		s.moveEnd(ctx, x, y)
	case s.cv.band != nil:
		s.endBand(ctx)
	case s.cv.splitDrag != "":
		s.cv.splitDrag = ""
		s.saveSplit()
	}
}
