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
	// typedText is the code last typed, still to be parsed while
	// typedPending (flushTyped).
	typedText    string
	typedPending bool
	// hint is a short message shown in the status bar (e.g. a refused drop).
	hint string
	// storageWarning is set when the browser refused to save.
	storageWarning string
	saver          autosaver
	showGallery    bool
	// shareLink is the share link made last, shown under Share ("" hides it).
	shareLink string
	// embed is the framed studio of EmbedPath: no autosave, no restore,
	// no recent documents, and a slim bar for a header.
	embed bool
	// shareNote says what the share link holds and where.
	shareNote string
	// exportOpen shows the header's Export menu.
	exportOpen    bool
	paletteFilter string
	mounted       bool
	// codeShown is the text last put into the fallback text area by the
	// app (not by typing; rendering it never disturbs what the user is
	// typing), empty once CodeMirror is the editor.
	codeShown string
	// codeHeld keeps CodeMirror from mounting until the canvas is
	// interactive (the fallback text area edits the code meanwhile): on a
	// first visit the editor's mount is a few hundred milliseconds of
	// script that nobody needs before the canvas answers.
	codeHeld bool
	// codeOpened is set when a document replaces the one the code pane
	// shows: the editor's caret and selection, mapped through the change,
	// would point at arbitrary text of the new one, so the next syncCode
	// puts the caret at its start.
	codeOpened bool
	unlisten   []func()
	// drawn is the canvas drawing written last (drawnKey its inputs,
	// drawhost.go), drawEl the element it is
	// patched into (nil until the drawing host mounts), drawer and drawPage
	// what patches it (drawhost.go).
	drawn    *drawWriter
	drawnKey drawKey
	drawEl   app.Value
	drawer   drawPatcher[int]
	drawPage pageDrawing
	// ctx is the context the studio was mounted with.
	ctx app.Context
	// samPick is a template whose state machine the user is choosing (sam_ui.go).
	samPick *samPick
	// validating is set while a validation is scheduled after a render.
	validating bool
	// gcAsked is set while an idle collection is asked for (idlegc.go).
	gcAsked bool
	// stopGesture ends the pan or drag in progress (nil when none).
	stopGesture func()
	// cv is the canvas's multi-selection, band, state drag, clipboard and
	// split panes (canvas_*.go).
	cv canvasState
	// insp is the inspector's own state (tab, JSON drafts, completions).
	insp inspectorState
}

// OnInit opens the default example, so the pre-rendered page already shows it.
func (s *Studio) OnInit() {
	s.viewMode = viewSplit
	if s.embed || app.IsClient && app.Window().Get("innerHeight").Int() < splitMinHeight {
		// A short window (a headless browser's default 800x600) has no
		// room for the canvas and the code: the canvas first, the code a
		// click away.
		s.viewMode = viewDesign
	}
	ex := assets.Default()
	s.openDocument(ex.Title, ex.Definition())
	s.codeShown = s.doc.Text
}

// OnMount restores the autosaved work, listens to the keyboard and signals
// that the WASM app is live.
func (s *Studio) OnMount(ctx app.Context) {
	s.mounted = true
	s.ctx = ctx
	restored := !s.embed && s.restore(ctx)
	s.codeHeld = app.IsClient
	s.syncCode()
	if !restored {
		s.fitReadable()
	}
	if app.IsClient {
		s.unlisten = append(s.unlisten, s.listenKeys(ctx), s.listenCode(ctx), s.listenCaret(ctx), s.listenCanvasScroll(ctx))
		s.unlisten = append(s.unlisten, app.Window().AddEventListener("resize", func(ctx app.Context, e app.Event) {}))
		if !restored && !s.embed {
			s.openServedFile(ctx)
		}
		s.openSharedFromURL(ctx)
		// A share link pasted into this tab changes only the fragment.
		s.unlisten = append(s.unlisten, app.Window().AddEventListener("hashchange", func(app.Context, app.Event) { s.openSharedFromURL(s.ctx) }))
	}
	// Defer runs after the update above is in the DOM: only then is the
	// app ready for a user (or a test) to act on what they see.
	ctx.Defer(func(ctx app.Context) {
		markReady()
		// The code editor once the canvas has been painted and can be
		// used; then the warm-up.
		afterPaint(ctx, func(ctx app.Context) {
			s.releaseCode(ctx)
			s.warmUp(0)
		})
	})
	if s.doc.diagsStale {
		s.validateSoon(ctx)
	}
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
	s.codeOpened = true
	s.selected = ""
	s.hist = history{}
	s.hist.reset(s.snapshot())
	s.view = viewport{K: 1, X: 40, Y: 40}
	s.fitReadable()
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
	s.gcWhenIdle()
}

func (s *Studio) selectState(ctx app.Context, name string) {
	s.selected = name
	s.revealInCode(name)
	s.save(ctx)
}

// validateSoon validates the document once the browser has painted what the
// last change drew (afterPaint: a Go timer could fire in the same browser
// task as the change while Go is busy, and the bench saw a 200-state edit's
// validation and its render land before the edit's paint in a quarter of
// the edits).
func (s *Studio) validateSoon(ctx app.Context) {
	if s.validating {
		return
	}
	s.validating = true
	afterPaint(ctx, func(ctx app.Context) {
		s.validating = false
		if !s.doc.diagsStale {
			ctx.PreventUpdate() // nothing to show
			return
		}
		s.doc.validate() // the dispatch renders the diagnostics
	})
}

// Render implements app.Composer. A change to the model is drawn first and
// validated just after (the diagnostics follow one frame later), so that
// canvas and code answer an edit at once even on large workflows.
func (s *Studio) Render() app.UI {
	if s.doc.diagsStale {
		switch {
		case !app.IsClient:
			s.doc.validate()
		case s.ctx != nil:
			s.validateSoon(s.ctx)
		}
		// In the browser, the first render (before OnMount sets s.ctx)
		// leaves it to OnMount: the page is drawn before it validates.
	}
	ws := "workspace view-" + s.viewMode
	cls, top := "studio", s.renderTopbar
	if s.embed {
		cls, top = "studio embed", s.renderEmbedBar
	}
	return app.Div().Class(cls).
		On("dragover", func(ctx app.Context, e app.Event) { e.PreventDefault() }).
		On("drop", s.onFileDrop).
		Body(
			top(),
			app.Div().Class(ws).Attr("style", s.workspaceStyle()).Body(
				s.renderPalette(),
				s.renderCanvas(),
				s.renderCodePane(),
				s.renderInspector(),
				s.renderSplitHandles(),
			),
			s.renderRunPanel(),
			s.renderStatusbar(),
			when(s.drag != nil && s.drag.moved, func() app.UI {
				return app.Div().Class("ghost").
					Style("left", num(s.drag.x+12)+"px").Style("top", num(s.drag.y+12)+"px").
					Text(s.drag.label)
			}),
			// The state-move label is out of the canvas, whose layout
			// containment would make its fixed position relative to it.
			s.renderMoveGhost(),
			when(s.showGallery, func() app.UI { return s.renderGallery() }),
			when(s.samPick != nil, func() app.UI { return s.renderSamPicker() }),
		)
}
