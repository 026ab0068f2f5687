package web

import (
	"strings"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/assets"
	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// mount mounts a studio in a client tester; html renders it after
// consuming pending UI work.
func mount(t *testing.T) (*Studio, app.ClientDispatcher, func() string) {
	t.Helper()
	s := &Studio{}
	d := app.NewClientTester(s)
	t.Cleanup(d.Close)
	return s, d, func() string { d.Consume(); return app.HTMLString(s) }
}

func TestStudioShowsDefaultExample(t *testing.T) {
	_, _, html := mount(t)
	page := html()
	root, err := asl.Parse(assets.Default().Definition())
	if err != nil {
		t.Fatal(err)
	}
	names := asl.StateNames(root)
	if len(names) < 3 {
		t.Fatalf("default example has %d states", len(names))
	}
	for _, name := range names {
		if !strings.Contains(page, `data-state="`+name+`"`) {
			t.Errorf("state %q is not on the canvas", name)
		}
	}
	if !strings.Contains(page, `data-validation="valid"`) {
		t.Error("the default example is not shown as valid")
	}
	if !strings.Contains(page, `id="canvas-svg"`) || !strings.Contains(page, `data-part="drawing"`) {
		t.Error("the canvas is not an SVG")
	}
}

func TestEveryButtonHasAnAriaLabel(t *testing.T) {
	s, d, html := mount(t)
	s.showGallery = true
	s.selected = asl.StateNames(s.doc.Root)[0]
	d.Consume()
	page := html()
	for _, tag := range []string{"<button", "<input", "<select", "<textarea"} {
		for _, chunk := range strings.Split(page, tag)[1:] {
			el := chunk[:strings.IndexByte(chunk, '>')]
			if !strings.Contains(el, "aria-label=") {
				t.Errorf("%s%s> has no aria-label", tag, el)
			}
		}
	}
}

func TestStateSpanAndCaret(t *testing.T) {
	d := newDocument("t", []byte("{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"Next\": \"B\"},\n    \"B\": {\"Type\": \"Succeed\"}\n  }\n}\n"))
	st, en, ok := d.stateSpan("B")
	if !ok {
		t.Fatal("no span for B")
	}
	if got := d.Text[st:en]; got != `"B": {"Type": "Succeed"}` {
		t.Errorf("span of B = %q", got)
	}
	if got := d.stateAtOffset(strings.Index(d.Text, "Pass")); got != "A" {
		t.Errorf("caret in A's object selects %q", got)
	}
	if got := d.stateAtOffset(strings.Index(d.Text, "StartAt")); got != "" {
		t.Errorf("caret outside any state selects %q", got)
	}
}

// An undo pressed while typed code still waits for its pause undoes that
// code, and the wait ending later does not bring it back; a canvas edit
// made meanwhile keeps it too.
func TestUndoRightAfterTypingUndoesTheTyping(t *testing.T) {
	s, d, _ := mount(t)
	var orig, typed string
	d.Dispatch(app.Dispatch{Source: s, Function: func(ctx app.Context) {
		orig = s.doc.Text
		s.flushTyped(ctx) // nothing typed: nothing to apply
		if s.doc.Text != orig || s.doc.ParseErr != nil {
			t.Fatalf("flushing with nothing typed changed the document (parse error %v)", s.doc.ParseErr)
		}
		typed = strings.Replace(orig, `"StartAt"`, `"Comment": "typed", "StartAt"`, 1)
		if strings.Contains(orig, `"Comment": "typed"`) || typed == orig {
			t.Fatal("the default document cannot take the test's edit")
		}
		s.typed(ctx, typed)
		s.undo(ctx)
	}})
	d.Consume()
	if s.doc.Text != orig {
		t.Fatalf("after the undo the document is not the original")
	}
	time.Sleep(2 * codeDelay)
	d.Consume()
	if s.doc.Text != orig {
		t.Fatalf("the typed code came back after its pause")
	}
	d.Dispatch(app.Dispatch{Source: s, Function: func(ctx app.Context) { s.redo(ctx) }})
	d.Consume()
	if s.doc.Text != typed {
		t.Fatalf("redo does not bring the typed code back")
	}

	// Typed code, then at once a canvas edit: both stay.
	d.Dispatch(app.Dispatch{Source: s, Function: func(ctx app.Context) {
		s.typed(ctx, strings.Replace(s.doc.Text, `"Comment": "typed"`, `"Comment": "typed again"`, 1))
		s.setTopField(ctx, "TimeoutSeconds", asl.NewNumber("60"))
	}})
	d.Consume()
	time.Sleep(2 * codeDelay)
	d.Consume()
	if !strings.Contains(s.doc.Text, `"typed again"`) || !strings.Contains(s.doc.Text, `"TimeoutSeconds": 60`) {
		t.Fatalf("typed code and the edit after it are not both in the document:\n%s", s.doc.Text)
	}
}
