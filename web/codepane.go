package web

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// codeEditorID is the id of the code pane's text area.
const codeEditorID = "code-editor"

func (s *Studio) renderCodePane() app.UI {
	d := s.doc
	line, col, hasPos := d.errorPos()
	return app.Section().Class("code").Aria("label", "Code").Body(
		app.Div().Class("code-tabs").Attr("role", "tablist").Body(
			s.codeTab(formatJSON, "ASL JSON"),
			s.codeTab(formatYAML, "ASL YAML"),
			s.samTab(),
			app.Div().Class("spacer"),
			when(!d.TemplateView && d.ParseErr == nil, func() app.UI {
				return app.Span().Class("hint").Style("color", "var(--muted)").Style("font-size", "12px").
					Text(fmt.Sprintf("%d lines", strings.Count(d.Text, "\n")+1))
			}),
		),
		when(d.Sam != nil, func() app.UI { return s.renderSamBar() }),
		when(d.Sam != nil && d.SamErr != "", func() app.UI { return s.renderSamErr() }),
		when(d.TemplateView, func() app.UI { return s.renderTemplateView() }),
		app.Div().Class(map[bool]string{false: "code-body", true: "code-body off"}[d.TemplateView]).DataSet("code", d.Format).Body(
			app.Textarea().ID(codeEditorID).Class("code-editor cm-content").
				Aria("label", codeLabel(d)).
				Attr("spellcheck", "false").Attr("autocomplete", "off").Attr("wrap", "off").
				Text(s.codeShown),
		),
		when(d.ParseErr != nil, func() app.UI {
			msg := d.ParseErr.Error()
			marker := app.Div().Class("code-error").Attr("role", "alert").DataSet("code-error", "true")
			if hasPos {
				marker = marker.DataSet("line", line).DataSet("column", col)
			}
			return marker.Body(
				app.Span().Text("✕ "+msg),
				when(hasPos, func() app.UI {
					return app.Button().Class("tab").Aria("label", "Go to the error").Text("Go to").
						OnClick(func(ctx app.Context, e app.Event) { selectInCode(s.doc.Text, line, col) }, line, col)
				}),
			)
		}),
	)
}

// codeLabel names the code editor for assistive technology.
func codeLabel(d *document) string {
	if d.Format == formatSAM && d.Sam != nil {
		return "SAM template " + d.Sam.Name
	}
	return "Workflow definition (" + strings.ToUpper(d.Format) + ")"
}

func (s *Studio) codeTab(format, label string) app.UI {
	active := s.doc.Format == format && !s.doc.TemplateView
	cls := "tab"
	if active {
		cls += " active"
	}
	return app.Button().Class(cls).Attr("role", "tab").Aria("label", label).Aria("selected", active).
		DataSet("tab", format).Text(label).
		OnClick(func(ctx app.Context, e app.Event) {
			s.doc.TemplateView = false
			s.doc.setFormat(format)
			s.committed(ctx)
			s.syncCode()
			s.revealInCode(s.selected)
		}, format)
}

// listenCode follows typing in the code editor. The listener is the
// browser's own (on the document, so it survives re-renders): a keystroke
// re-renders nothing; the code is parsed once typing pauses for codeDelay.
func (s *Studio) listenCode(ctx app.Context) func() {
	doc := app.Window().Get("document")
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		t := args[0].Get("target")
		if !t.Truthy() || t.Get("id").String() != codeEditorID {
			return nil
		}
		text := t.Get("value").String()
		ctx.Dispatch(func(ctx app.Context) { s.typed(ctx, text) })
		return nil
	})
	doc.Call("addEventListener", "input", fn)
	return func() {
		doc.Call("removeEventListener", "input", fn)
		fn.Release()
	}
}

// typed takes code typed in the code pane (text area or CodeMirror), in a
// dispatch of its own: it is parsed once typing pauses for codeDelay, or at
// once by flushTyped. Until then it shows nothing, so neither the
// keystroke nor a parse that a later keystroke made moot renders the
// studio (tens of milliseconds each on a large workflow).
func (s *Studio) typed(ctx app.Context, text string) {
	defer ctx.PreventUpdate()
	s.codeSeq++
	seq := s.codeSeq
	s.typedText, s.typedPending = text, true
	ctx.After(codeDelay, func(ctx app.Context) {
		if seq != s.codeSeq || !s.typedPending {
			ctx.PreventUpdate() // a later keystroke's parse comes, or flushTyped applied it
			return
		}
		s.typedPending = false
		s.codeChanged(ctx, text)
	})
}

// flushTyped applies typed code whose parse still waits for the pause, so
// that what comes next (an undo pressed at once) acts on it rather than
// being undone by it 150 ms later.
func (s *Studio) flushTyped(ctx app.Context) {
	if s.typedPending {
		s.typedPending = false
		s.codeChanged(ctx, s.typedText)
	}
}

// codeChanged makes typed code the document: when it parses, the canvas
// follows (keeping the selection when the state still exists) and the
// change is recorded; when not, the error shows and the canvas stays.
func (s *Studio) codeChanged(ctx app.Context, text string) {
	if text == s.doc.Text {
		return
	}
	before := 0
	if s.doc.Geom != nil {
		before = len(s.doc.Geom.Nodes)
	}
	s.doc.setText(text)
	if s.doc.ParseErr == nil {
		if s.doc.Geom != nil && len(s.doc.Geom.Nodes) != before {
			s.fitReadable()
		}
		s.committed(ctx)
	} else {
		s.saveDraft(ctx)
	}
}

// syncCode puts the document's text into the code editor (after a change
// that did not come from typing there).
func (s *Studio) syncCode() {
	s.codeShown = s.doc.Text
	if !app.IsClient {
		return
	}
	opened := s.codeOpened
	s.codeOpened = false
	if !s.codeHeld && s.cmSetText(s.doc.Text, s.doc.language()) {
		// CodeMirror is the editor (codemirror.go); the hidden text area
		// need not get a copy of the code on every edit.
		s.codeShown = ""
		if opened {
			cmSelect(s.doc.Text, 0, 0, false)
		}
		return
	}
	el := app.Window().GetElementByID(codeEditorID)
	if el.Truthy() && el.Get("value").String() != s.doc.Text {
		el.Set("value", s.doc.Text)
	}
}

// releaseCode mounts CodeMirror in place of the fallback text area
// (codeHeld). Code typed into the text area meanwhile and still waiting for
// its pause is applied first (flushTyped), so that the editor starts from
// what the user sees; the text area's value is not read back otherwise (it
// turns CRLF line ends into LF, and a template must come back byte for
// byte).
func (s *Studio) releaseCode(ctx app.Context) {
	if !s.codeHeld {
		return
	}
	s.codeHeld = false
	s.flushTyped(ctx)
	// Someone typing in the text area goes on typing in CodeMirror, at the
	// same place.
	el := app.Window().GetElementByID(codeEditorID)
	focused := el.Truthy() && app.Window().Get("document").Get("activeElement").Equal(el)
	var selFrom, selTo int
	if focused {
		selFrom, selTo = el.Get("selectionStart").Int(), el.Get("selectionEnd").Int()
	}
	s.syncCode()
	if focused {
		text := s.doc.Text
		cmSelect(text, byteOffset(text, selFrom), byteOffset(text, selTo), true)
	}
	s.Update()
	markCodeReady() // also when there was no code pane, or CodeMirror to mount
}

// selectInCode moves the code editor's cursor to line:col (1-based, col in
// bytes) and focuses it.
func selectInCode(text string, line, col int) {
	if !app.IsClient {
		return
	}
	off := offsetOf(text, line, col)
	if cmSelect(text, off, min(off+1, len(text)), true) {
		return
	}
	el := app.Window().GetElementByID(codeEditorID)
	if !el.Truthy() {
		return
	}
	el.Call("focus")
	// The text area counts UTF-16 units; ASCII-only prefixes are the common case.
	u := len([]rune(text[:off]))
	el.Call("setSelectionRange", u, u+1)
}

// offsetOf converts a 1-based line and byte column to a byte offset.
func offsetOf(text string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	off += col - 1
	if off > len(text) {
		off = len(text)
	}
	if off < 0 {
		off = 0
	}
	return off
}
