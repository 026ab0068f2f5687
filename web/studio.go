package web

import (
	"time"

	"github.com/aslstudio/aslstudio/assets"
	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// View modes of the workspace.
const (
	viewDesign = "design"
	viewSplit  = "split"
	viewCode   = "code"
)

// codeDelay is how long the code pane waits after the last keystroke
// before it parses the code and the canvas follows.
const codeDelay = 150 * time.Millisecond

// Studio is the root component: header, palette, canvas, inspector, code
// pane and status bar around one open document.
type Studio struct {
	app.Compo

	doc      *document
	selected string
	view     viewport
	viewMode string
	pan      *panState
	drag     *dragState
	hist     history
	// codeSeq numbers code-pane keystrokes; a delayed parse runs only if no
	// keystroke came after it.
	codeSeq int
	// hint is a short message shown in the status bar (e.g. a refused drop).
	hint string
	// storageWarning is set when the browser refused to save.
	storageWarning string
	showGallery    bool
	paletteFilter  string
	mounted        bool
	unlisten       []func()
}

// OnInit opens the default example, so the pre-rendered page already shows it.
func (s *Studio) OnInit() {
	s.viewMode = viewSplit
	ex := assets.Default()
	s.openDocument(ex.Title, ex.Definition())
}

// OnMount restores the autosaved work, listens to the keyboard and signals
// that the WASM app is live.
func (s *Studio) OnMount(ctx app.Context) {
	s.mounted = true
	restored := s.restore(ctx)
	if !restored {
		s.fit()
	}
	s.syncCode()
	if app.IsClient {
		s.unlisten = append(s.unlisten, app.Window().AddEventListener("keydown", s.onKeyDown))
		s.unlisten = append(s.unlisten, app.Window().AddEventListener("resize", func(ctx app.Context, e app.Event) {}))
		if !restored {
			s.openServedFile(ctx)
		}
	}
	ctx.Defer(func(ctx app.Context) {
		if !restored {
			s.fit()
		}
		markReady()
	})
}

// OnDismount stops listening to the window.
func (s *Studio) OnDismount() {
	for _, f := range s.unlisten {
		f()
	}
	s.unlisten = nil
}

// openDocument replaces the document; the history starts again.
func (s *Studio) openDocument(name string, src []byte) {
	s.doc = newDocument(name, src)
	s.selected = ""
	s.hist = history{}
	s.hist.reset(s.snapshot())
	s.view = viewport{K: 1, X: 40, Y: 40}
	s.fit()
}

// edit applies an edited copy of the model: the code is re-printed, the
// canvas follows, the change is recorded for undo and saved.
func (s *Studio) edit(ctx app.Context, root *asl.Value) {
	s.doc.apply(root)
	s.committed(ctx)
	s.syncCode()
}

// committed records the current valid document in the history and saves it.
func (s *Studio) committed(ctx app.Context) {
	if s.selected != "" && s.doc.state(s.selected) == nil {
		s.selected = ""
	}
	s.hist.push(s.snapshot())
	s.save(ctx)
}

func (s *Studio) selectState(ctx app.Context, name string) {
	s.selected = name
	s.save(ctx)
}

// Render implements app.Composer.
func (s *Studio) Render() app.UI {
	ws := "workspace view-" + s.viewMode
	return app.Div().Class("studio").
		On("pointermove", s.onPointerMove).
		On("pointerup", s.onPointerUp).
		On("pointercancel", s.onPointerUp).
		Body(
			s.renderTopbar(),
			app.Div().Class(ws).Body(
				s.renderPalette(),
				s.renderCanvas(),
				s.renderCodePane(),
				s.renderInspector(),
			),
			s.renderStatusbar(),
			when(s.drag != nil && s.drag.moved, func() app.UI {
				return app.Div().Class("ghost").
					Style("left", num(s.drag.x+12)+"px").Style("top", num(s.drag.y+12)+"px").
					Text(s.drag.label)
			}),
			when(s.showGallery, func() app.UI { return s.renderGallery() }),
		)
}

// onPointerMove pans the canvas or moves a drag in progress.
func (s *Studio) onPointerMove(ctx app.Context, e app.Event) {
	x, y := e.Get("clientX").Float(), e.Get("clientY").Float()
	switch {
	case s.pan != nil:
		s.view.X = s.pan.vx + x - s.pan.x0
		s.view.Y = s.pan.vy + y - s.pan.y0
	case s.drag != nil:
		s.dragMove(x, y)
	default:
		ctx.PreventUpdate()
	}
}

func (s *Studio) onPointerUp(ctx app.Context, e app.Event) {
	switch {
	case s.pan != nil:
		s.pan = nil
		s.save(ctx)
	case s.drag != nil:
		s.dragEnd(ctx, e.Get("clientX").Float(), e.Get("clientY").Float())
	default:
		ctx.PreventUpdate()
	}
}
