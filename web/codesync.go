package web

import (
	"strings"
	"unicode/utf8"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// stateSpan returns the byte range of a state in the code, from its key to
// the end of its object, when the code is the parsed document.
func (d *document) stateSpan(name string) (start, end int, ok bool) {
	ptr, found := d.ptrs[name]
	if !found || d.ParseErr != nil || d.Format == formatSAM && !d.Sam.positionsInTemplate() {
		return 0, 0, false
	}
	parent := asl.Lookup(d.Root, ptr[:strings.LastIndexByte(ptr, '/')])
	if parent == nil {
		return 0, 0, false
	}
	for _, f := range parent.Fields {
		if f.Key == name && f.KeyPos.IsValid() && f.Value.End.IsValid() {
			return f.KeyPos.Offset, f.Value.End.Offset, true
		}
		if f.Key == name && f.KeyPos.IsValid() && d.Format == formatSAM {
			// A template's nodes know where they start, not where they end.
			return f.KeyPos.Offset, entryEnd(d.Text, f.KeyPos.Offset), true
		}
	}
	return 0, 0, false
}

// stateAtOffset returns the innermost state whose span holds the byte
// offset of the code.
func (d *document) stateAtOffset(off int) string {
	best, bestLen := "", -1
	for _, name := range d.states {
		st, en, ok := d.stateSpan(name)
		if !ok || off < st || off > en {
			continue
		}
		if l := len(d.ptrs[name]); l > bestLen {
			best, bestLen = name, l
		}
	}
	return best
}

// revealInCode selects a state's code in the editor and scrolls it into
// view, without taking the focus from the canvas.
func (s *Studio) revealInCode(name string) {
	if !app.IsClient {
		return
	}
	if st, en, ok := s.doc.stateSpan(name); ok && cmSelect(s.doc.Text, st, en, false) {
		return
	}
	el := app.Window().GetElementByID(codeEditorID)
	if !el.Truthy() || el.Get("value").String() != s.doc.Text {
		return
	}
	st, en, ok := s.doc.stateSpan(name)
	if !ok {
		return
	}
	text := s.doc.Text
	a, b := utf16Len(text[:st]), utf16Len(text[:en])
	el.Call("setSelectionRange", a, b)
	line := strings.Count(text[:st], "\n")
	lh := 19.4 // 12.5px × 1.55, the code editor's line height
	el.Set("scrollTop", float64(line)*lh-el.Get("clientHeight").Float()/3)
}

// utf16Len is the length of s in UTF-16 code units (the text area's unit).
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// changedSpan returns the lengths in bytes of the longest common prefix and
// suffix of old and new that do not overlap and end on rune boundaries:
// old[a:len(old)-b] is what changed into new[a:len(new)-b].
func changedSpan(old, new string) (a, b int) {
	n := min(len(old), len(new))
	for a < n && old[a] == new[a] {
		a++
	}
	for a > 0 && (a < len(old) && !utf8.RuneStart(old[a]) || a < len(new) && !utf8.RuneStart(new[a])) {
		a--
	}
	for b < n-a && old[len(old)-1-b] == new[len(new)-1-b] {
		b++
	}
	for b > 0 && !utf8.RuneStart(old[len(old)-b]) {
		b--
	}
	return a, b
}

// byteOffset converts a UTF-16 offset into s to a byte offset.
func byteOffset(s string, units int) int {
	n := 0
	for i, r := range s {
		if n >= units {
			return i
		}
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return len(s)
}

// listenCaret selects the state under the code editor's caret when the
// caret moves by a click or a navigation key.
func (s *Studio) listenCaret(ctx app.Context) func() {
	doc := app.Window().Get("document")
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		t := args[0].Get("target")
		if !t.Truthy() || t.Get("id").String() != codeEditorID {
			return nil
		}
		text := t.Get("value").String()
		caret := t.Get("selectionStart").Int()
		ctx.Dispatch(func(ctx app.Context) { s.caretAt(ctx, text, byteOffset(text, caret)) })
		return nil
	})
	doc.Call("addEventListener", "click", fn)
	doc.Call("addEventListener", "keyup", fn)
	return func() {
		doc.Call("removeEventListener", "click", fn)
		doc.Call("removeEventListener", "keyup", fn)
		fn.Release()
	}
}

// caretAt selects the state at byte offset off of the code text, where the
// caret went (a click or a navigation key). A caret that selects no other
// state (it stays in the selected one, is outside every state, or the code
// changed since) renders nothing: nothing shown depends on the caret, and
// a render of the whole studio costs tens of milliseconds on a large
// workflow.
func (s *Studio) caretAt(ctx app.Context, text string, off int) {
	if text == s.doc.Text && s.doc.ParseErr == nil {
		if name := s.doc.stateAtOffset(off); name != "" && name != s.selected {
			s.selected = name
			return
		}
	}
	ctx.PreventUpdate()
}
