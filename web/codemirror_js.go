//go:build js && wasm

package web

import (
	"syscall/js"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// cmEditor is CodeMirror mounted in the code pane, just before the text
// area it replaces (which stays in the page, hidden, for go-app).
type cmEditor struct {
	s        *Studio
	handle   js.Value // aslEditor.mount's handle
	host     js.Value // the element CodeMirror lives in
	textarea js.Value
	format   string
	// text is the editor's content: what the app last put in or what the
	// editor last reported as typed. Every change of the document is one or
	// the other, so the text need not be read back from the editor (a copy
	// of the whole code out of JavaScript on every edit).
	text  string
	diags diagKey
	funcs []js.Func
}

// diagKey identifies the diagnostics last shown, so they are sent to the
// editor only when they change.
type diagKey struct {
	doc   *document
	text  string
	perr  string
	first any
	n     int
}

// cm is the editor of the page (one studio per page).
var cm *cmEditor

// cmWatching is set once the page is watched for re-renders, cmWaiting
// while a mount waits for the page's load event.
var cmWatching, cmWaiting bool

// cmWatcher is the bundle's page watcher (aslEditor.watch).
var cmWatcher js.Value

// codeMirror returns the mounted editor, mounting it over the text area
// when the bundle is loaded and the text area is (again) in the page; nil
// means the text area is the editor.
func (s *Studio) codeMirror() *cmEditor {
	doc := js.Global().Get("document")
	ta := doc.Call("getElementById", codeEditorID)
	if !ta.Truthy() {
		return nil
	}
	if cm != nil && cm.s == s && cm.textarea.Equal(ta) && cm.host.Get("isConnected").Bool() {
		s.cmObserve(ta)
		return cm
	}
	api := js.Global().Get("aslEditor")
	if !api.Truthy() {
		s.cmWhenLoaded()
		return nil
	}
	if cm != nil {
		cm.destroy()
		cm = nil
	}
	host := doc.Call("createElement", "div")
	host.Set("className", "cm-host")
	host.Get("style").Set("cssText", "flex:1;min-width:0;min-height:0;display:flex;overflow:hidden")
	ta.Get("parentNode").Call("insertBefore", host, ta)
	// The hidden text area gives up the test hook to CodeMirror's content.
	ta.Get("style").Set("display", "none")
	ta.Call("setAttribute", "aria-hidden", "true")
	ta.Get("classList").Call("remove", "cm-content")

	e := &cmEditor{s: s, host: host, textarea: ta, format: s.doc.Format, text: s.doc.Text}
	onChange := js.FuncOf(func(this js.Value, args []js.Value) any {
		e.text = args[0].String()
		e.typed(e.text)
		return nil
	})
	onCursor := js.FuncOf(func(this js.Value, args []js.Value) any {
		e.cursor(args[0].Int())
		return nil
	})
	e.funcs = append(e.funcs, onChange, onCursor)
	e.handle = api.Call("mount", host, js.ValueOf(map[string]any{
		"text":     s.doc.Text,
		"language": s.doc.language(),
		"label":    ta.Call("getAttribute", "aria-label").String(),
		"onChange": onChange,
		"onCursor": onCursor,
	}))
	cm = e
	s.cmObserve(ta)
	e.refresh()
	markCodeReady()
	return e
}

// typed feeds an edit made in CodeMirror to the same path as typing in the
// text area (listenCode): parsed once typing pauses for codeDelay.
func (e *cmEditor) typed(text string) {
	s := e.s
	if s.ctx == nil {
		return
	}
	s.ctx.Dispatch(func(ctx app.Context) { s.typed(ctx, text) })
}

// cursor selects the state under the caret (a click or a navigation key in
// the code), as listenCaret does for the text area.
func (e *cmEditor) cursor(units int) {
	s := e.s
	if s.ctx == nil {
		return
	}
	text := e.text
	s.ctx.Dispatch(func(ctx app.Context) { s.caretAt(ctx, text, byteOffset(text, units)) })
}

// refresh sends the document's diagnostics to the editor when they changed
// and describe the text the editor shows.
func (e *cmEditor) refresh() {
	d := e.s.doc
	if d == nil {
		return
	}
	k := diagKey{doc: d, text: d.Text, n: len(d.Diags)}
	if d.ParseErr != nil {
		k.perr = d.ParseErr.Error()
	}
	if len(d.Diags) > 0 {
		k.first = &d.Diags[0]
	}
	if k == e.diags {
		return
	}
	if e.text != d.Text {
		return // typing is ahead of the parse; the next render comes back here
	}
	e.diags = k
	ds := d.codeDiagnostics()
	list := make([]any, len(ds))
	for i, dg := range ds {
		list[i] = dg.toJS()
	}
	e.handle.Call("setDiagnostics", js.ValueOf(list))
}

// cmObserve re-checks the editor after the code pane or the validation
// status changed: go-app may have re-created the text area, and a render
// may carry new diagnostics (a parse after typing, a validation after an
// edit). The bundle's watcher filters and coalesces the page's mutations,
// so the WASM is called at most once a frame, and only for those parts.
func (s *Studio) cmObserve(ta js.Value) {
	if !cmWatching {
		cmWatching = true
		api := js.Global().Get("aslEditor")
		if api.Get("watch").Type() != js.TypeFunction {
			return
		}
		fn := js.FuncOf(func(this js.Value, args []js.Value) any {
			if e := s.codeMirror(); e != nil {
				e.refresh()
			}
			return nil
		})
		cmWatcher = api.Call("watch", fn)
	}
	if !cmWatcher.Truthy() {
		return
	}
	status := js.Global().Get("document").Call("querySelector", "[data-validation]")
	if status.Truthy() {
		status = status.Get("parentElement")
	}
	cmWatcher.Call("observe", js.ValueOf([]any{ta.Call("closest", "section"), status}))
}

// cmWhenLoaded mounts the editor once the page has loaded, for when the
// WASM started before the deferred bundle ran.
func (s *Studio) cmWhenLoaded() {
	if cmWaiting || js.Global().Get("document").Get("readyState").String() == "complete" {
		return
	}
	cmWaiting = true
	var fn js.Func
	fn = js.FuncOf(func(this js.Value, args []js.Value) any {
		fn.Release()
		cmWaiting = false
		if js.Global().Get("aslEditor").Truthy() {
			s.cmSetText(s.doc.Text, s.doc.language())
		}
		return nil
	})
	js.Global().Call("addEventListener", "load", fn)
}

func (e *cmEditor) destroy() {
	e.handle.Call("destroy")
	e.host.Call("remove")
	for _, f := range e.funcs {
		f.Release()
	}
}

// cmSetText puts text into CodeMirror (not reported back as typing) and
// switches its language with the format; false when CodeMirror is not the
// editor.
func (s *Studio) cmSetText(text, format string) bool {
	e := s.codeMirror()
	if e == nil {
		return false
	}
	if e.format != format {
		e.format = format
		e.handle.Call("setLanguage", format)
	}
	if e.text != text {
		e.replaceText(text)
		e.text = text
	}
	e.refresh()
	return true
}

// replaceText puts text in the editor by sending only the part that differs
// from e.text (a canvas edit changes a few lines of thousands), or the whole
// text when the editor does not hold e.text.
func (e *cmEditor) replaceText(text string) {
	old := e.text
	a, b := changedSpan(old, text)
	from := utf16Len(old[:a])
	to := from + utf16Len(old[a:len(old)-b])
	oldLen := to + utf16Len(old[len(old)-b:])
	if !e.handle.Call("replaceRange", from, to, text[a:len(text)-b], oldLen).Bool() {
		e.handle.Call("setText", text)
	}
}

// cmSelect selects text[from:to] (byte offsets) in CodeMirror and scrolls
// it into view, focusing the editor when focus is set; false when
// CodeMirror is not the editor or shows another text.
func cmSelect(text string, from, to int, focus bool) bool {
	if cm == nil || !cm.host.Get("isConnected").Bool() {
		return false
	}
	if cm.text != text {
		return true // the editor is ahead of the document: leave its selection alone
	}
	cm.handle.Call("selectRange", utf16Len(text[:from]), utf16Len(text[:to]), focus)
	return true
}
