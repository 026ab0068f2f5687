//go:build e2e

package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/validate"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// markedLine is a lint marker in the code pane's gutter and the line
// number shown beside it.
type markedLine struct {
	Line     int    `json:"line"`
	Severity string `json:"severity"`
}

// lintMarkers returns the lines the CodeMirror gutter marks, read as a
// person reads them: the line number level with each marker.
func (b *browser) lintMarkers() []markedLine {
	b.t.Helper()
	return eval[[]markedLine](b, `(() => {
		const out = [];
		const nums = [...document.querySelectorAll('[data-code] .cm-lineNumbers .cm-gutterElement')];
		for (const g of document.querySelectorAll('[data-code] .cm-gutter-lint .cm-gutterElement')) {
			const m = g.querySelector('.cm-lint-marker');
			if (!m) continue;
			const top = g.getBoundingClientRect().top;
			const n = nums.find((n) => Math.abs(n.getBoundingClientRect().top - top) < 2);
			if (n) out.push({line: +n.textContent, severity: m.classList.contains('cm-lint-marker-error') ? 'error' : 'warning'});
		}
		return out;
	})()`)
}

// The code pane is CodeMirror: invalid JSON typed into it gets a lint
// marker on its line while the canvas keeps the last valid version; once
// fixed, the canvas follows and the validator's diagnostics are marked at
// their lines.
func TestCodeMirrorLintMarkersAndCanvas(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.waitFor("CodeMirror in the JSON tab", `!!document.querySelector('[data-code="json"] .cm-editor .cm-content[contenteditable="true"]')`)
	states := eval[int](b, `document.querySelectorAll('[data-state]').length`)

	code := b.code()
	key := `"Wait for review": {`
	at := strings.Index(code, key)
	if at < 0 {
		t.Fatalf("the example has no %s", key)
	}
	wantLine := strings.Count(code[:at], "\n") + 1
	b.caretAt(at)
	// A state with no comma after it: a syntax error on this line.
	b.do("type a state without its comma", chromedp.KeyEvent(`"Extra step": {"Type": "Pass", "End": true} `))
	b.waitFor("a lint range", `!!document.querySelector('[data-code] .cm-lintRange-error')`)
	b.waitFor("a gutter marker", `!!document.querySelector('[data-code] .cm-lint-marker-error')`)
	marks := b.lintMarkers()
	if len(marks) != 1 || marks[0].Line != wantLine || marks[0].Severity != "error" {
		t.Errorf("gutter markers %+v, want one error on line %d", marks, wantLine)
	}
	if got := eval[string](b, `document.querySelector('[data-code] .cm-lintRange-error').closest('.cm-line').textContent`); !strings.Contains(got, `"Extra step"`) {
		t.Errorf("the marked range is on the line %q, not the typed one", got)
	}
	if n := eval[int](b, `document.querySelectorAll('[data-state]').length`); n != states || b.hasStateQuick("Extra step") {
		t.Errorf("on a syntax error the canvas has %d states (want the last valid %d)", n, states)
	}
	b.waitFor("the stale-canvas notice", `!!document.querySelector('[data-notice="stale"]')`)
	b.screenshot("codemirror-lint-error")

	// The missing comma: the code parses, the canvas follows.
	b.press("ArrowLeft", "ArrowLeft", 37, 0)
	b.do("type the comma", chromedp.KeyEvent(","))
	b.waitState("Extra step", true)
	b.waitFor("the syntax error to go", `!document.querySelector('[data-code-error]') && !document.querySelector('[data-notice="stale"]')`)

	// What the validator says about the new text is marked at its lines.
	root, err := asl.Parse([]byte(b.code()))
	if err != nil {
		t.Fatalf("the fixed code does not parse: %v", err)
	}
	var want []int
	for _, d := range validate.Validate(root, validate.Options{}) {
		if d.Line == wantLine {
			want = append(want, d.Line)
		}
	}
	if len(want) == 0 {
		t.Fatalf("the validator finds nothing on line %d (an unreachable state); the test needs a diagnostic there", wantLine)
	}
	b.waitFor("the validator's marker", `!!document.querySelector('[data-code] .cm-lint-marker')`)
	found := false
	for _, m := range b.lintMarkers() {
		found = found || m.Line == wantLine
	}
	if !found {
		t.Errorf("no gutter marker on line %d for the validator's %d diagnostic(s) there: %+v", wantLine, len(want), b.lintMarkers())
	}
	b.screenshot("codemirror-validator-marker")
}

// typeWhenReady types into the code pane's text area at the moment the
// canvas says it is ready: before CodeMirror has replaced the text area
// (the studio mounts it a moment later, off the critical path).
const typeWhenReady = `(() => {
  new MutationObserver((_, obs) => {
    if (!document.body || document.body.dataset.ready !== "true") return;
    obs.disconnect();
    const ta = document.getElementById("code-editor");
    window.__typedEarly = !document.querySelector("[data-code] .cm-editor") && !!ta;
    if (!ta) return;
    ta.value = ta.value.replace('"Comment": "Route an order by its total and type."', '"Comment": "Typed before the editor came."');
    ta.dispatchEvent(new Event("input", {bubbles: true}));
    const at = ta.value.indexOf('came.') + 'came.'.length;
    ta.focus();
    ta.setSelectionRange(at, at);
  }).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-ready"]});
})()`

// Until CodeMirror mounts, the code pane is a plain text area that edits
// the same document; what was typed there is what CodeMirror starts with,
// and the document follows.
func TestCodeTypedBeforeTheEditorMountsIsKept(t *testing.T) {
	b := newBrowser(t)
	b.do("hook", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: typeWhenReady})
		return err
	}))
	b.open("/")
	if !eval[bool](b, `window.__typedEarly === true`) {
		t.Fatal("the canvas was ready only after CodeMirror had mounted (or without a code pane): nothing typed early")
	}
	ready := eval[float64](b, `Number(document.body.dataset.readyMs)`)
	codeReady := eval[float64](b, `Number(document.body.dataset.codeReadyMs)`)
	if !(codeReady >= ready) {
		t.Fatalf("code editor ready at %.0f ms, before the canvas at %.0f ms", codeReady, ready)
	}
	b.waitFor("CodeMirror with the typed text", `document.querySelector('[data-code] .cm-editor') && document.querySelector('`+codeSel+`').value.includes('Typed before the editor came.')`)
	b.waitCode("the document to take the typed comment", func(root *asl.Value) bool {
		c, _ := root.Get("Comment").StringValue()
		return c == "Typed before the editor came."
	})
	// Focus and caret moved from the text area to CodeMirror: typing
	// goes on where it was.
	b.do("type on", chromedp.KeyEvent(" Then more."))
	b.waitCode("the typing to go on in CodeMirror", func(root *asl.Value) bool {
		c, _ := root.Get("Comment").StringValue()
		return c == "Typed before the editor came. Then more."
	})
	// The typed text is a document change like any other: undo restores
	// the example's own comment.
	// (The typing after the hand-over may have been recorded in several
	// steps, one per pause.)
	b.leaveFields()
	comment := func() string {
		c, _ := b.model().Get("Comment").StringValue()
		return c
	}
	for i := 0; comment() != "Typed before the editor came."; i++ {
		if i == 12 || !strings.HasPrefix(comment(), "Typed before the editor came.") {
			t.Fatalf("undoing the typing in CodeMirror left the comment %q", comment())
		}
		before := comment()
		b.press("z", "KeyZ", 90, modCtrl)
		b.waitFor("an undo step", `!document.querySelector('`+codeSel+`').value.includes(`+jsString(`"Comment": "`+before+`"`)+`)`)
	}
	b.press("z", "KeyZ", 90, modCtrl)
	b.waitCode("undo", func(root *asl.Value) bool {
		c, _ := root.Get("Comment").StringValue()
		return c == "Route an order by its total and type."
	})
}
