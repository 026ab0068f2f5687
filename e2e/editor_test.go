//go:build e2e

package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const codeSel = `[data-code] .cm-content`

// code returns the code pane's text.
func (b *browser) code() string {
	b.t.Helper()
	return eval[string](b, `document.querySelector('`+codeSel+`').value`)
}

// model parses the code pane's text with engine/asl.
func (b *browser) model() *asl.Value {
	b.t.Helper()
	v, err := asl.Parse([]byte(b.code()))
	if err != nil {
		b.t.Fatalf("the code pane does not parse: %v", err)
	}
	return v
}

// stateField returns a string field of a top-level state in the code.
func stateField(root *asl.Value, state, key string) string {
	s, _ := root.Get("States").Get(state).Get(key).StringValue()
	return s
}

// waitState waits until the canvas shows (or no longer shows) a state.
func (b *browser) waitState(name string, present bool) {
	b.t.Helper()
	q := `!!document.querySelector('[data-state="` + strings.ReplaceAll(name, `"`, `\"`) + `"]')`
	if !present {
		q = "!" + q
	}
	b.waitFor("state "+name+" on the canvas", q)
}

// caretAt puts the code editor's caret at the byte offset of the code.
func (b *browser) caretAt(offset int) {
	b.t.Helper()
	code := b.code()
	units := len([]rune(code[:offset]))
	b.do("place the caret", chromedp.Focus(chromedp.CSS(codeSel)))
	got := eval[int](b, `(() => { const t = document.querySelector('`+codeSel+`'); t.setSelectionRange(`+fmtInt(units)+`, `+fmtInt(units)+`); return t.selectionStart })()`)
	if got != units {
		b.t.Fatalf("caret at %d, want %d", got, units)
	}
}

func fmtInt(i int) string { return strconv.Itoa(i) }

func TestDragPassOntoTransitionThenUndoRedo(t *testing.T) {
	forWindows(t, dragPassOntoTransitionThenUndoRedo)
}

func dragPassOntoTransitionThenUndoRedo(t *testing.T, b *browser) {
	b.open("/")
	from, to := "Validate order", "Route by total"
	b.do("drag Pass onto the transition",
		chromedp.DragAndDrop(chromedp.CSS(`[data-palette="Pass"]`), chromedp.CSS(`[data-dropzone="edge:`+from+`|`+to+`"]`)),
	)
	b.waitState("Pass state", true)
	root := b.model()
	if got := stateField(root, from, "Next"); got != "Pass state" {
		t.Errorf("%s.Next = %q in the code, want the new state", from, got)
	}
	if got := stateField(root, "Pass state", "Next"); got != to {
		t.Errorf("Pass state.Next = %q in the code, want %q", got, to)
	}
	if typ := stateField(root, "Pass state", "Type"); typ != "Pass" {
		t.Errorf("the new state has Type %q", typ)
	}
	b.waitFor("the edges to the new state", `!!document.querySelector('[data-edge="`+from+`|Pass state"]') && !!document.querySelector('[data-edge="Pass state|`+to+`"]')`)
	b.screenshot("drag-pass-inserted")

	b.click("undo", `button[aria-label="Undo"]`)
	b.waitState("Pass state", false)
	if got := stateField(b.model(), from, "Next"); got != to {
		t.Errorf("after undo %s.Next = %q, want %q", from, got, to)
	}
	b.click("redo", `button[aria-label="Redo"]`)
	b.waitState("Pass state", true)
	// The keyboard shortcut undoes too (focus outside any field).
	b.click("leave the fields", `.statusbar`)
	b.press("z", "KeyZ", 90, modCtrl)
	b.waitState("Pass state", false)
}

func TestRenameInInspectorUpdatesReferences(t *testing.T) {
	forWindows(t, renameInInspectorUpdatesReferences)
}

func renameInInspectorUpdatesReferences(t *testing.T, b *browser) {
	b.open("/")
	old, renamed := "Order complete", "Order finished"
	before := strings.Count(b.code(), `"`+old+`"`)
	if before < 3 {
		t.Fatalf("the example refers to %q only %d times; the test needs several references", old, before)
	}
	b.click("select the state", `[data-state="`+old+`"]`)
	b.waitFor("the inspector", `document.querySelector('[data-inspector] [data-field="Name"]')?.value === "`+old+`"`)
	b.do("type the new name",
		chromedp.Focus(chromedp.CSS(`[data-inspector] [data-field="Name"]`)),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(renamed+kb.Enter),
	)
	b.waitState(renamed, true)
	code := b.code()
	if strings.Contains(code, `"`+old+`"`) {
		t.Errorf("the code still mentions %q after the rename", old)
	}
	if got := strings.Count(code, `"`+renamed+`"`); got != before {
		t.Errorf("the code mentions %q %d times, want %d (every reference)", renamed, got, before)
	}
	root := b.model()
	for _, st := range []string{"Issue gift card", "Approve automatically", "Wait for review"} {
		if got := stateField(root, st, "Next"); got != renamed {
			t.Errorf("%s.Next = %q, want %q", st, got, renamed)
		}
	}
	if errs := eval[string](b, `document.querySelector('[data-validation]').dataset.validation`); errs != "valid" {
		t.Errorf("after the rename the workflow is %q", errs)
	}

	// A reload restores the work and the selection.
	b.do("reload", chromedp.Reload())
	b.waitReady()
	b.waitState(renamed, true)
	if strings.Contains(b.code(), `"`+old+`"`) {
		t.Error("after a reload the old name is back")
	}
	b.waitFor("the selection restored", `document.querySelector('[data-inspector] [data-field="Name"]')?.value === "`+renamed+`"`)
}

func TestInvalidCodeKeepsCanvasThenFollows(t *testing.T) {
	forWindows(t, invalidCodeKeepsCanvasThenFollows)
}

func invalidCodeKeepsCanvasThenFollows(t *testing.T, b *browser) {
	b.open("/")
	if eval[bool](b, `!!document.querySelector('[aria-label="Design view"][aria-pressed="true"]')`) {
		// A short window opens in Design view: the code is a click away.
		b.click("Split view", `[aria-label="Split view"]`)
		b.waitFor("the code pane", `document.querySelector('[data-code="json"] .cm-content')?.offsetParent !== null`)
	}
	code := b.code()
	key := `"Order complete": {`
	at := strings.LastIndex(code, key)
	if at < 0 {
		t.Fatalf("the example has no %s", key)
	}
	at += len(key)
	wantLine := strings.Count(code[:at], "\n") + 1
	b.caretAt(at)
	b.do("type a syntax error", chromedp.KeyEvent(" oops"))
	b.waitFor("a lint marker", `!!document.querySelector('[data-code-error]')`)
	line := eval[string](b, `document.querySelector('[data-code-error]').dataset.line`)
	if line != fmtInt(wantLine) {
		t.Errorf("the error marker is on line %s, want %d", line, wantLine)
	}
	if !b.hasStateQuick("Order complete") || !b.hasStateQuick("Validate order") {
		t.Error("the canvas lost its states on a syntax error")
	}
	b.waitFor("the stale-canvas notice", `!!document.querySelector('[data-notice="stale"]')`)
	b.screenshot("invalid-code-edit")

	for range 5 {
		b.press("Backspace", "Backspace", 8, 0)
	}
	b.waitFor("the marker to go", `!document.querySelector('[data-code-error]') && !document.querySelector('[data-notice]')`)

	// Rename the state's key in the code: the canvas follows.
	code = b.code()
	at = strings.LastIndex(code, `"Order complete": {`) + 1
	b.caretAt(at)
	for range len("Order complete") {
		b.press("ArrowRight", "ArrowRight", 39, modShift)
	}
	b.do("type a new key", chromedp.KeyEvent("Order done"))
	b.waitState("Order done", true)
	b.waitState("Order complete", false)
}

// hasStateQuick reports whether a state is on the canvas now.
func (b *browser) hasStateQuick(name string) bool {
	b.t.Helper()
	return eval[bool](b, `!!document.querySelector('[data-state="`+strings.ReplaceAll(name, `"`, `\"`)+`"]')`)
}

// Modifier bits of Input.dispatchKeyEvent.
const (
	modAlt   = 1
	modCtrl  = 2
	modShift = 8
)

// press sends one key as a rawKeyDown and a keyUp with no character, as a
// keyboard does for editing keys and shortcuts (chromedp's KeyEvent sends
// keyDown, on which Chromium runs no editing command such as Backspace).
func (b *browser) press(key, code string, keyCode int64, modifiers int64) {
	b.t.Helper()
	b.do("press "+key, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Key: key, Code: code, Modifiers: modifiers,
				WindowsVirtualKeyCode: keyCode, NativeVirtualKeyCode: keyCode,
			})
			if err != nil {
				return err
			}
		}
		return nil
	}))
}

// Selecting a state on the canvas selects its code; moving the caret in
// the code selects the state it is in.
func TestCodeAndCanvasSelectionFollowEachOther(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.click("select on the canvas", `[data-state="Unknown order type"]`)
	code := b.code()
	want := len([]rune(code[:strings.Index(code, `"Unknown order type": {`)]))
	b.waitFor("the code selection", `document.querySelector('`+codeSel+`').selectionStart === `+fmtInt(want))

	at := strings.Index(code, `"Seconds": 3600`)
	b.caretAt(at)
	b.press("ArrowRight", "ArrowRight", 39, 0)
	b.waitFor("the state under the caret selected", `document.querySelector('[data-inspector] [data-field="Name"]')?.value === "Wait for review"`)
	if !eval[bool](b, `document.querySelector('[data-state="Wait for review"]').getAttribute('data-part').includes('selected')`) {
		t.Error("the canvas does not show the state under the caret as selected")
	}

	// A document that replaces this one starts with the caret at its top,
	// not with the old selection mapped onto its text.
	b.click("select on the canvas again", `[data-state="Unknown order type"]`)
	b.waitFor("the code selection", `document.querySelector('`+codeSel+`').selectionStart === `+fmtInt(want))
	b.click("new", `button[aria-label="New"]`)
	b.waitFor("the new workflow", `!document.querySelector('[data-state="Unknown order type"]') && document.querySelector('`+codeSel+`').value.includes('"Start here"')`)
	if from, to := eval[int](b, `document.querySelector('`+codeSel+`').selectionStart`), eval[int](b, `document.querySelector('`+codeSel+`').selectionEnd`); from != 0 || to != 0 {
		t.Errorf("after New the code selection is [%d, %d), want the caret at 0", from, to)
	}
}

// A document replaced by another goes to the recent list, and comes back
// from it with the edits it had.
func TestRecentDocuments(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.caretAt(strings.Index(b.code(), `"StartAt"`))
	b.do("edit the comment", chromedp.KeyEvent(`"Version": "1.0", `))
	b.waitFor("the edit to land", `!document.querySelector('[data-code-error]') && document.querySelector('[data-validation]').dataset.validation === "valid" && document.querySelector('`+codeSel+`').value.includes('"Version"')`)
	time.Sleep(300 * time.Millisecond)
	b.openExample("sequence")
	b.waitFor("the example", `!document.querySelector('[data-example]') && !document.querySelector('`+codeSel+`').value.includes('"Version"')`)
	b.click("open the gallery", `button[aria-label="Examples"]`)
	b.waitFor("the recent list", `!!document.querySelector('[data-recent="0"]')`)
	if label := eval[string](b, `document.querySelector('[data-recent="0"]').getAttribute('aria-label')`); !strings.Contains(label, "Choice routing") {
		t.Errorf("the newest recent document is %q", label)
	}
	b.click("reopen", `[data-recent="0"]`)
	b.waitFor("the document with its edit", `document.querySelector('`+codeSel+`').value.includes('"Version": "1.0"')`)
}
