package web

import (
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// storageKey is where the open document is autosaved in localStorage.
const storageKey = "aslstudio.session"

// session is what a reload restores: the document (its code, even when it
// does not parse), the undo-able last valid version, selection and view.
type session struct {
	Version  int      `json:"version"`
	Name     string   `json:"name"`
	Format   string   `json:"format"`
	Text     string   `json:"text"`
	Valid    string   `json:"valid"`
	Selected string   `json:"selected"`
	View     viewport `json:"view"`
	ViewMode string   `json:"viewMode"`
	// Sam is the template the document came from (sam.go), if any.
	Sam          *samFile `json:"sam,omitempty"`
	TemplateView bool     `json:"templateView,omitempty"`
}

// autosaveDelay is how long after a change the browser writes the session:
// the change is drawn first, a burst of changes (typing, dragging, panning)
// is written once, and the page's leaving (or hiding) writes what is
// pending at once, so nothing is lost to a reload.
const autosaveDelay = 100 * time.Millisecond

// autosaver is the studio's pending autosave.
type autosaver struct {
	pending   bool
	listening bool
}

// save autosaves the session shortly after the change (autosaveDelay);
// when the browser refuses (quota, private mode), it warns and the document
// stays in memory.
func (s *Studio) save(ctx app.Context) {
	if !s.mounted || ctx == nil || s.embed {
		return
	}
	if !app.IsClient {
		s.saveNow(ctx)
		return
	}
	if !s.saver.listening {
		s.saver.listening = true
		s.unlisten = append(s.unlisten, s.flushOnLeave(ctx))
	}
	if s.saver.pending {
		return
	}
	s.saver.pending = true
	afterDelay(ctx, autosaveDelay, func(ctx app.Context) { // not within a long edit's own task
		if !s.flushSave(ctx) {
			// A save shows nothing: no render of the whole studio for it
			// (tens of milliseconds on a large workflow, after every edit).
			ctx.PreventUpdate()
		}
	})
}

// flushSave writes a pending autosave; it reports whether that changed
// what the studio shows (its storage warning).
func (s *Studio) flushSave(ctx app.Context) bool {
	if !s.saver.pending {
		return false
	}
	s.saver.pending = false
	warned := s.storageWarning
	s.saveNow(ctx)
	return s.storageWarning != warned
}

// flushOnLeave writes a pending autosave when the page is hidden or left
// (a reload, a closed tab), synchronously in the browser's event.
func (s *Studio) flushOnLeave(ctx app.Context) func() {
	win := app.Window()
	doc := win.Get("document")
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		if args[0].Get("type").String() == "pagehide" || doc.Get("visibilityState").String() == "hidden" {
			s.flushSave(ctx)
		}
		return nil
	})
	win.Call("addEventListener", "pagehide", fn)
	doc.Call("addEventListener", "visibilitychange", fn)
	return func() {
		s.saver.listening = false
		win.Call("removeEventListener", "pagehide", fn)
		doc.Call("removeEventListener", "visibilitychange", fn)
		fn.Release()
	}
}

// saveNow writes the session.
func (s *Studio) saveNow(ctx app.Context) {
	valid := ""
	if s.doc.ParseErr != nil && s.doc.Root != nil {
		valid = string(s.doc.print(s.doc.Root))
	}
	err := ctx.LocalStorage().Set(storageKey, session{
		Version: 1, Name: s.doc.Name, Format: s.doc.Format, Text: s.doc.Text, Valid: valid,
		Selected: s.selected, View: s.view, ViewMode: s.viewMode,
		Sam: s.doc.Sam, TemplateView: s.doc.TemplateView,
	})
	if err != nil {
		s.storageWarning = "Could not save in this browser (" + err.Error() + "); your work is kept while this tab is open."
		return
	}
	s.storageWarning = ""
}

// saveDraft saves code that does not parse yet.
func (s *Studio) saveDraft(ctx app.Context) { s.save(ctx) }

// restore loads the autosaved session; it reports whether there was one.
func (s *Studio) restore(ctx app.Context) bool {
	var ss session
	if err := ctx.LocalStorage().Get(storageKey, &ss); err != nil || ss.Version != 1 || ss.Text == "" {
		return false
	}
	d := &document{Name: ss.Name, Format: ss.Format}
	d.restoreTemplate(ss.Sam, ss.TemplateView)
	if d.Format != formatYAML && (d.Format != formatSAM || d.Sam == nil) {
		d.Format = formatJSON
	}
	if ss.Valid != "" && ss.Valid != ss.Text {
		d.setText(ss.Valid)
	}
	d.setText(ss.Text)
	s.doc = d
	s.hist = history{}
	s.hist.reset(s.snapshot())
	s.selected = ""
	if d.state(ss.Selected) != nil {
		s.selected = ss.Selected
	}
	if ss.View.K > 0 {
		s.view = ss.View
	}
	switch ss.ViewMode {
	case viewDesign, viewSplit, viewCode:
		s.viewMode = ss.ViewMode
	}
	return true
}

// recentKey holds the documents that were open before the current one.
const recentKey = "aslstudio.recent"

// maxRecent is how many recent documents are kept.
const maxRecent = 8

// recentDoc is a document that was open before.
type recentDoc struct {
	Name  string `json:"name"`
	Text  string `json:"text"`
	Saved string `json:"saved"`
}

func (s *Studio) recentDocs() []recentDoc {
	if s.ctx == nil {
		return nil
	}
	var list []recentDoc
	s.ctx.LocalStorage().Get(recentKey, &list)
	return list
}

// pushRecent records the open document in the recent list before another
// one replaces it (a document of the same name is replaced).
func (s *Studio) pushRecent(ctx app.Context) {
	if !s.mounted || ctx == nil || s.embed || s.doc == nil || strings.TrimSpace(s.doc.Text) == "" {
		return
	}
	name, text := s.doc.Name, s.doc.Text
	if n, t, ok := s.doc.recentTemplate(); ok {
		name, text = n, t // reopens as the template (sam.go)
	}
	list := []recentDoc{{Name: name, Text: text, Saved: time.Now().Format("2006-01-02 15:04")}}
	for _, r := range s.recentDocs() {
		if r.Name != name && len(list) < maxRecent {
			list = append(list, r)
		}
	}
	if err := ctx.LocalStorage().Set(recentKey, list); err != nil {
		s.storageWarning = "Could not save the recent documents (" + err.Error() + ")."
	}
}
