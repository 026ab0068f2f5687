package web

import (
	"strconv"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Copy and paste of states as ASL JSON. Ctrl+C and Ctrl+X put the selected
// states on the clipboard as a small definition ({"StartAt", "States"}):
// through the copy/cut event when the browser fires one, else through
// navigator.clipboard, and always in memory (s.cv.clip) for when the
// browser refuses the clipboard. Ctrl+V reads the paste event's text, else
// navigator.clipboard, else the memory.

// pasteFallbackDelay is how long a Ctrl+V waits for the browser's paste
// event before it reads the clipboard itself.
const pasteFallbackDelay = 150 * time.Millisecond

// clipText returns the selected states as indented ASL JSON.
func (s *Studio) clipText() (string, error) {
	if s.doc.Root == nil {
		return "", &asl.EditError{Op: "Copy", Msg: "fix the code first: there is no valid definition to copy from"}
	}
	clip, err := asl.CopyStates(s.doc.Root, s.selectedStates())
	if err != nil {
		return "", err
	}
	return string(asl.PrintJSON(clip)), nil
}

// copySelection copies the selected states; it reports whether there were
// any. It runs in the browser's key callback, so that the copy event that
// follows finds the text.
func (s *Studio) copySelection() (string, bool) {
	n := len(s.selectedStates())
	if n == 0 {
		return "", false
	}
	text, err := s.clipText()
	if err != nil {
		s.notify(err.Error())
		return "", false
	}
	s.cv.clip = text
	writeClipboard(text)
	return text, true
}

// writeClipboard writes text through navigator.clipboard; a refusal is
// ignored (the in-memory copy stays).
func writeClipboard(text string) {
	if !app.IsClient {
		return
	}
	cb := app.Window().Get("navigator").Get("clipboard")
	if !cb.Truthy() {
		return
	}
	defer func() { recover() }()
	p := cb.Call("writeText", text)
	var ignore app.Func
	ignore = app.FuncOf(func(this app.Value, args []app.Value) any {
		ignore.Release()
		return nil
	})
	p.Call("catch", ignore)
}

// copied says what a copy did.
func copiedHint(n int, cut bool) string {
	what := "Copied "
	if cut {
		what = "Cut "
	}
	if n == 1 {
		return what + "1 state as ASL JSON."
	}
	return what + strconv.Itoa(n) + " states as ASL JSON."
}

// cutSelection copies the selection and removes it (one undo step).
func (s *Studio) cutSelection(ctx app.Context) {
	names := s.selectedStates()
	if len(names) == 0 {
		return
	}
	if s.change(ctx, func(root *asl.Value) error { return asl.RemoveStates(root, names) }) {
		s.setSelection(nil)
		s.hint = copiedHint(len(names), true)
	}
}

// deleteSelection removes every selected state in one undo step.
func (s *Studio) deleteSelection(ctx app.Context) {
	names := s.selectedStates()
	if len(names) == 0 {
		return
	}
	if s.change(ctx, func(root *asl.Value) error { return asl.RemoveStates(root, names) }) {
		s.setSelection(nil)
	}
}

// duplicateSelection duplicates the selected states: one state as
// Duplicate does, several together (links between them kept) after the
// last of them.
func (s *Studio) duplicateSelection(ctx app.Context) {
	names := s.selectedStates()
	switch len(names) {
	case 0:
		return
	case 1:
		s.duplicateState(ctx, names[0])
		s.setSelection([]string{s.selected})
		return
	}
	var copies []string
	if s.change(ctx, func(root *asl.Value) error {
		clip, err := asl.CopyStates(root, names)
		if err != nil {
			return err
		}
		start, _ := clip.Get("StartAt").StringValue()
		copies, err = asl.PasteStatesLoose(root, names[len(names)-1], clip.Get("States"), start)
		return err
	}) {
		s.setSelection(copies)
	}
}

// pasteText pastes states read from text after the selected state (or
// loose when nothing is selected); text that is not states gives a notice
// and changes nothing.
func (s *Studio) pasteText(ctx app.Context, text string) {
	if text == "" {
		text = s.cv.clip
	}
	if text == "" {
		s.notify("Nothing to paste: copy states first (Ctrl+C on the canvas).")
		return
	}
	states, entry, err := asl.ReadClip([]byte(text))
	if err != nil {
		s.notify("Cannot paste: " + err.Error() + ".")
		return
	}
	after := s.selected
	if after != "" && s.doc.state(after) == nil {
		after = ""
	}
	var names []string
	if s.change(ctx, func(root *asl.Value) error {
		var err error
		names, err = asl.PasteStates(root, after, states, entry)
		return err
	}) {
		s.setSelection(names)
		s.cv.notice = ""
		if len(names) == 1 {
			s.hint = "Pasted " + strconv.Quote(names[0]) + "."
		} else {
			s.hint = "Pasted " + strconv.Itoa(len(names)) + " states."
		}
		s.save(ctx)
	} else {
		s.notify("Cannot paste: " + s.hint)
	}
}

// notify shows a message on the canvas (and in the status bar) until the
// next action on the canvas.
func (s *Studio) notify(msg string) {
	s.cv.notice = msg
	s.cv.noticeDoc = s.doc
	s.hint = msg
}

// renderCanvasNotice shows the canvas's message.
func (s *Studio) renderCanvasNotice() app.UI {
	// A notice belongs to the document it was about: opening another one
	// drops it.
	return when(s.cv.notice != "" && s.cv.noticeDoc == s.doc, func() app.UI {
		return app.Div().Class("canvas-notice").DataSet("notice", "canvas").Attr("role", "alert").Body(
			app.Span().Text(s.cv.notice),
			app.Button().Class("btn icon").Aria("label", "Dismiss").Text("×").
				OnClick(func(ctx app.Context, e app.Event) { s.cv.notice = "" }),
		)
	})
}

// startPaste handles a Ctrl+V: the browser's paste event normally brings
// the text; if none came, navigator.clipboard is read, and if the browser
// refuses that too, the in-memory copy is pasted. key numbers the Ctrl+V
// (pasteKey): whichever of the paste event and this fallback comes first
// serves it, and the other does nothing.
func (s *Studio) startPaste(ctx app.Context, key int) {
	ctx.After(pasteFallbackDelay, func(ctx app.Context) {
		if s.cv.pasteServed == key {
			return // the paste event came
		}
		s.cv.pasteServed = key
		cb := app.Window().Get("navigator").Get("clipboard")
		if !cb.Truthy() || !cb.Get("readText").Truthy() {
			s.pasteText(ctx, "")
			return
		}
		var ok, fail app.Func
		done := func() { ok.Release(); fail.Release() }
		ok = app.FuncOf(func(this app.Value, args []app.Value) any {
			text := args[0].String()
			done()
			ctx.Dispatch(func(ctx app.Context) { s.pasteText(ctx, text) })
			return nil
		})
		fail = app.FuncOf(func(this app.Value, args []app.Value) any {
			done()
			ctx.Dispatch(func(ctx app.Context) { s.pasteText(ctx, "") })
			return nil
		})
		cb.Call("readText").Call("then", ok, fail)
	})
}

// listenClipboard handles the copy, cut and paste events outside text
// fields: a copy or cut puts the selected states' JSON in the event's
// clipboard data; a paste takes the event's text.
func (s *Studio) listenClipboard(ctx app.Context) func() {
	doc := app.Window().Get("document")
	onCopy := func() app.Func {
		return app.FuncOf(func(this app.Value, args []app.Value) any {
			e := app.Event{Value: args[0]}
			if !s.cv.copyArmed || inField(e) || len(s.selectedStates()) == 0 {
				return nil
			}
			s.cv.copyArmed = false
			text, err := s.clipText()
			if err != nil {
				return nil
			}
			s.cv.clip = text
			if dt := e.Get("clipboardData"); dt.Truthy() {
				dt.Call("setData", "text/plain", text)
				e.PreventDefault()
			}
			return nil
		})
	}
	copyFn, cutFn := onCopy(), onCopy()
	pasteFn := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := app.Event{Value: args[0]}
		if inField(e) {
			return nil
		}
		text := ""
		if dt := e.Get("clipboardData"); dt.Truthy() {
			text = dt.Call("getData", "text/plain").String()
		}
		e.PreventDefault()
		// The paste of a Ctrl+V the fallback already served (the event came
		// late) is not pasted twice.
		if s.cv.pasteKey > 0 && s.cv.pasteServed == s.cv.pasteKey && time.Since(s.cv.pasteKeyAt) < 2*time.Second {
			return nil
		}
		s.cv.pasteServed = s.cv.pasteKey
		ctx.Dispatch(func(ctx app.Context) { s.pasteText(ctx, text) })
		return nil
	})
	doc.Call("addEventListener", "copy", copyFn)
	doc.Call("addEventListener", "cut", cutFn)
	doc.Call("addEventListener", "paste", pasteFn)
	return func() {
		doc.Call("removeEventListener", "copy", copyFn)
		doc.Call("removeEventListener", "cut", cutFn)
		doc.Call("removeEventListener", "paste", pasteFn)
		copyFn.Release()
		cutFn.Release()
		pasteFn.Release()
	}
}
