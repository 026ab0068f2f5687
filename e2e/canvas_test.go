//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// box is an element's rectangle on the screen (CSS pixels).
type box struct{ X, Y, W, H float64 }

func (r box) cx() float64 { return r.X + r.W/2 }
func (r box) cy() float64 { return r.Y + r.H/2 }

// rectOf returns the bounding box of the element sel selects, once there
// is one (the canvas may draw an edit a frame after the code pane shows it).
func (b *browser) rectOf(sel string) box {
	b.t.Helper()
	b.waitFor("an element "+sel, `!!document.querySelector(`+jsString(sel)+`)`)
	js := `(() => { const e = document.querySelector(` + jsString(sel) + `); if (!e) return ""; const r = e.getBoundingClientRect(); return JSON.stringify({X: r.left, Y: r.top, W: r.width, H: r.height}) })()`
	s := eval[string](b, js)
	if s == "" {
		b.t.Fatalf("no element %s", sel)
	}
	var r box
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		b.t.Fatal(err)
	}
	return r
}

// stateSel selects a state on the canvas.
func stateSel(name string) string { return `[data-state="` + name + `"]` }

// mouse sends one mouse event (the browser makes pointer events of it).
func (b *browser) mouse(typ input.DispatchMouseEventType, x, y float64, button input.MouseButton, mods int64) {
	b.t.Helper()
	b.do("mouse "+string(typ), chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		p := input.DispatchMouseEventParams{Type: typ, X: x, Y: y, Button: button, Modifiers: mods}
		if typ != input.DispatchMouseEventTypeMouseMoved {
			p.ClickCount = 1
		}
		if button != input.MouseButtonNone && typ != input.DispatchMouseEventTypeMouseReleased {
			switch button {
			case input.MouseButtonLeft:
				p.Buttons = 1
			case input.MouseButtonMiddle:
				p.Buttons = 4
			}
		}
		_, err := cdp.Call(ctx, t, input.DispatchMouseEvent, p)
		return err
	}))
}

// clickWith clicks the middle of an element holding modifier keys.
func (b *browser) clickWith(sel string, mods int64) {
	b.t.Helper()
	r := b.rectOf(sel)
	b.mouse(input.DispatchMouseEventTypeMouseMoved, r.cx(), r.cy(), input.MouseButtonNone, mods)
	b.mouse(input.DispatchMouseEventTypeMousePressed, r.cx(), r.cy(), input.MouseButtonLeft, mods)
	b.mouse(input.DispatchMouseEventTypeMouseReleased, r.cx(), r.cy(), input.MouseButtonLeft, mods)
}

// drag presses at (x0, y0), moves to (x1, y1) in steps and, before the
// release, runs during (for checks and screenshots of the drag in progress).
func (b *browser) drag(x0, y0, x1, y1 float64, button input.MouseButton, mods int64, during func()) {
	b.t.Helper()
	b.mouse(input.DispatchMouseEventTypeMouseMoved, x0, y0, input.MouseButtonNone, mods)
	b.mouse(input.DispatchMouseEventTypeMousePressed, x0, y0, button, mods)
	const steps = 12
	for i := 1; i <= steps; i++ {
		f := float64(i) / steps
		b.mouse(input.DispatchMouseEventTypeMouseMoved, x0+(x1-x0)*f, y0+(y1-y0)*f, button, mods)
	}
	if during != nil {
		during()
	}
	b.mouse(input.DispatchMouseEventTypeMouseReleased, x1, y1, button, mods)
}

// selectStates clicks the first state and Shift+clicks the others, then
// waits until they are the selection.
func (b *browser) selectStates(names ...string) {
	b.t.Helper()
	for i, n := range names {
		mod := int64(modShift)
		if i == 0 {
			mod = 0
		}
		b.clickWith(stateSel(n), mod)
	}
	b.waitSelected(names...)
}

// waitSelected waits until exactly the states of want are drawn selected.
func (b *browser) waitSelected(want ...string) {
	b.t.Helper()
	var checks []string
	for _, w := range want {
		checks = append(checks, `sel.includes(`+jsString(w)+`)`)
	}
	cond := `(() => { const sel = [...document.querySelectorAll('[data-state]')].filter(e => (e.getAttribute('data-part')||'').split(' ').includes('selected')).map(e => e.dataset.state); return sel.length === ` + fmtInt(len(want))
	if len(checks) > 0 {
		cond += ` && ` + strings.Join(checks, " && ")
	}
	cond += ` })()`
	b.waitForShowing("the selection "+strings.Join(want, ", "), cond, `[...document.querySelectorAll('[data-state]')].filter(e => (e.getAttribute('data-part')||'').includes('selected')).map(e => e.dataset.state).join(', ')`)
}

// stateNext is where a top-level state goes in the code ("" when it has no Next).
func stateNext(root *asl.Value, name string) string { return stateField(root, name, "Next") }

// waitCode waits until the code satisfies a predicate on its model.
func (b *browser) waitModel(what string, ok func(root *asl.Value) bool) *asl.Value {
	b.t.Helper()
	var last string
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); {
		code := b.code()
		if root, err := asl.Parse([]byte(code)); err == nil && ok(root) {
			return root
		}
		last = code
		time.Sleep(50 * time.Millisecond) // poll again

	}
	b.t.Fatalf("waiting for the code: %s; the code is:\n%s", what, last)
	return nil
}

// leaveFields clicks the status bar, so that keys go to the page, not a field.
func (b *browser) leaveFields() {
	b.t.Helper()
	b.click("leave the fields", `.statusbar`)
}

func TestCanvasMultiSelectAndDelete(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.click("fit", `button[aria-label="Fit to screen"]`)
	b.clickWith(stateSel("Issue gift card"), 0)
	b.waitSelected("Issue gift card")
	b.clickWith(stateSel("Approve automatically"), modShift)
	b.clickWith(stateSel("Wait for review"), modCtrl)
	b.waitSelected("Issue gift card", "Approve automatically", "Wait for review")
	b.waitFor("the selection count", `document.querySelector('[data-selection-count]')?.dataset.selectionCount === "3"`)
	// Shift+click again takes a state out.
	b.clickWith(stateSel("Wait for review"), modShift)
	b.waitSelected("Issue gift card", "Approve automatically")

	// A plain click selects one state only.
	b.clickWith(stateSel("Request review"), 0)
	b.waitSelected("Request review")

	// Shift+drag on the background draws a box; the states wholly inside
	// it are selected.
	a, c := b.rectOf(stateSel("Issue gift card")), b.rectOf(stateSel("Approve automatically"))
	x0, y0 := math.Min(a.X, c.X)-14, math.Min(a.Y, c.Y)-14
	x1, y1 := math.Max(a.X+a.W, c.X+c.W)+14, math.Max(a.Y+a.H, c.Y+c.H)+14
	if hit := eval[string](b, `(document.elementFromPoint(`+num(x0)+`, `+num(y0)+`).closest('[data-state]')||{dataset:{}}).dataset.state||""`); hit != "" {
		t.Fatalf("the box would start on state %q, not the background", hit)
	}
	b.drag(x0, y0, x1, y1, input.MouseButtonLeft, modShift, func() {
		b.waitFor("the selection box", `!!document.querySelector('.band')`)
		b.waitSelected("Request review", "Issue gift card", "Approve automatically")
		b.screenshot("canvas-multi-select")
	})
	b.waitFor("the box to go", `!document.querySelector('.band')`)
	b.waitSelected("Request review", "Issue gift card", "Approve automatically")

	// Delete removes all three in one undo step; the Choice's rules go on
	// to where the removed states went.
	b.leaveFields()
	b.press("Delete", "Delete", 46, 0)
	root := b.waitModel("the three states removed", func(r *asl.Value) bool {
		return r.Get("States").Get("Issue gift card") == nil && r.Get("States").Get("Approve automatically") == nil && r.Get("States").Get("Request review") == nil
	})
	rules := root.Get("States").Get("Route by total").Get("Choices").Items
	want := []string{"Order complete", "Order complete", "Wait for review"}
	for i, r := range rules {
		if got, _ := r.Get("Next").StringValue(); got != want[i] {
			t.Errorf("rule %d goes to %q, want %q", i, got, want[i])
		}
	}
	b.waitState("Issue gift card", false)
	b.press("z", "KeyZ", 90, modCtrl)
	b.waitModel("one undo brings all three back", func(r *asl.Value) bool {
		return r.Get("States").Get("Issue gift card") != nil && r.Get("States").Get("Approve automatically") != nil && r.Get("States").Get("Request review") != nil
	})

	// The box tool makes a plain drag select; without it the drag pans.
	b.click("box tool", `button[aria-label="Box select"]`)
	b.waitFor("the box tool on", `document.querySelector('button[aria-label="Box select"]').getAttribute('aria-pressed') === "true"`)
	w := b.rectOf(stateSel("Wait for review"))
	b.drag(w.X-12, w.Y-12, w.X+w.W+12, w.Y+w.H+12, input.MouseButtonLeft, 0, nil)
	b.waitSelected("Wait for review")
	b.click("box tool off", `button[aria-label="Box select"]`)
	before := eval[string](b, `document.getElementById('viewport').getAttribute('transform')`)
	b.drag(w.X-12, w.Y-12, w.X+60, w.Y+40, input.MouseButtonLeft, 0, nil)
	b.waitFor("the drag to pan", `document.getElementById('viewport').getAttribute('transform') !== `+jsString(before))
	b.waitSelected()

	// The middle button pans even from a state, which stays where it is.
	code := b.code()
	before = eval[string](b, `document.getElementById('viewport').getAttribute('transform')`)
	o := b.rectOf(stateSel("Order complete"))
	b.drag(o.cx(), o.cy(), o.cx()+80, o.cy()-40, input.MouseButtonMiddle, 0, nil)
	b.waitFor("the middle drag to pan", `document.getElementById('viewport').getAttribute('transform') !== `+jsString(before))
	if b.code() != code {
		t.Error("a middle-button drag from a state changed the code")
	}

	// The help lists the gestures.
	b.click("open the help", `button[aria-label="Canvas help"]`)
	b.waitFor("the help", `(document.querySelector('[data-canvas-help]')||{}).textContent?.includes('Shift+drag')`)
	b.screenshot("canvas-help")
}

// num formats a number for a JavaScript expression.
func num(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

func TestCanvasCopyCutPaste(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.click("fit", `button[aria-label="Fit to screen"]`)
	b.selectStates("Request review", "Wait for review")
	b.leaveFields()
	b.press("c", "KeyC", 67, modCtrl)
	b.waitForShowing("the copy hint", `document.querySelector('.statusbar').textContent.includes('Copied 2 states')`, `document.querySelector('.statusbar').textContent`)

	// Paste after Validate order: renamed copies, linked in between.
	b.clickWith(stateSel("Validate order"), 0)
	b.waitSelected("Validate order")
	b.leaveFields()
	b.press("v", "KeyV", 86, modCtrl)
	root := b.waitModel("the pasted copies", func(r *asl.Value) bool { return r.Get("States").Get("Wait for review (1)") != nil })
	for _, l := range [][2]string{
		{"Validate order", "Request review (1)"},
		{"Request review (1)", "Wait for review (1)"},
		{"Wait for review (1)", "Route by total"},
		{"Request review", "Wait for review"},
	} {
		if got := stateNext(root, l[0]); got != l[1] {
			t.Errorf("%s.Next = %q, want %q", l[0], got, l[1])
		}
	}
	if got := stateField(root, "Request review (1)", "Resource"); got != "arn:aws:states:::sns:publish" {
		t.Errorf("the pasted copy has Resource %q", got)
	}
	b.waitSelected("Request review (1)", "Wait for review (1)")
	b.waitFor("a valid workflow", `document.querySelector('[data-validation]').dataset.validation === "valid"`)

	// Cut the pasted pair: gone, the flow closes again.
	b.leaveFields()
	b.press("x", "KeyX", 88, modCtrl)
	root = b.waitModel("the cut", func(r *asl.Value) bool { return r.Get("States").Get("Request review (1)") == nil })
	if got := stateNext(root, "Validate order"); got != "Route by total" {
		t.Errorf("after the cut Validate order goes to %q", got)
	}

	// Paste the cut states after Issue gift card.
	b.clickWith(stateSel("Issue gift card"), 0)
	b.leaveFields()
	b.press("v", "KeyV", 86, modCtrl)
	root = b.waitModel("the cut states pasted", func(r *asl.Value) bool { return r.Get("States").Get("Request review (1)") != nil })
	if got := stateNext(root, "Issue gift card"); got != "Request review (1)" {
		t.Errorf("Issue gift card goes to %q, want the pasted state", got)
	}
	if got := stateNext(root, "Wait for review (1)"); got != "Order complete" {
		t.Errorf("the pasted pair goes on to %q, want Order complete", got)
	}

	// Ctrl+D duplicates a multi-selection next to it, links kept.
	b.clickWith(stateSel("Request review"), 0)
	b.clickWith(stateSel("Wait for review"), modShift)
	b.leaveFields()
	b.press("d", "KeyD", 68, modCtrl)
	root = b.waitModel("the duplicates", func(r *asl.Value) bool { return r.Get("States").Get("Wait for review (2)") != nil })
	if got := stateNext(root, "Request review (2)"); got != "Wait for review (2)" {
		t.Errorf("the duplicate of Request review goes to %q", got)
	}

	// Text that is not states: a notice, and nothing changes. The user
	// copies words from the palette's search box.
	b.do("type words", chromedp.Click(chromedp.CSS(`.palette-search`)), chromedp.KeyEvent("hello world"))
	b.press("a", "KeyA", 65, modCtrl)
	b.press("c", "KeyC", 67, modCtrl)
	before := b.code()
	b.press("Escape", "Escape", 27, 0)
	b.leaveFields()
	b.press("v", "KeyV", 86, modCtrl)
	b.waitForShowing("the paste notice", `(document.querySelector('[data-notice="canvas"]')||{}).textContent?.includes('not ASL states')`, `(document.querySelector('[data-notice="canvas"]')||{textContent:'no notice'}).textContent`)
	if b.code() != before {
		t.Error("pasting text that is not states changed the code")
	}
	b.screenshot("canvas-paste-notice")
}

// A drag of a state of a multi-selection moves the whole selection when it
// is a chain (each going to the next); a click on it selects it alone.
func TestCanvasDragChainOfStates(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.click("fit", `button[aria-label="Fit to screen"]`)
	b.selectStates("Request review", "Wait for review")

	target := `[data-dropzone="edge:Validate order|Route by total"]`
	from, to := b.rectOf(stateSel("Wait for review")), b.rectOf(target)
	b.drag(from.cx(), from.cy(), to.cx(), to.cy(), input.MouseButtonLeft, 0, func() {
		b.waitFor("both states drawn as moving", `document.querySelectorAll('[data-part~="moving"]').length === 2`)
		b.waitFor("the ghost to name both", `document.querySelector('[data-ghost]').textContent === 'Move 2 states'`)
		b.waitFor("the chain's own edge refused", `document.querySelector('[data-dropzone="edge:Wait for review|Order complete"]').getAttribute('data-part').includes('refused')`)
		b.screenshot("canvas-drag-chain")
	})
	root := b.waitModel("the chain moved", func(r *asl.Value) bool { return stateNext(r, "Validate order") == "Request review" })
	if got := stateNext(root, "Request review"); got != "Wait for review" {
		t.Errorf("Request review goes to %q, want Wait for review", got)
	}
	if got := stateNext(root, "Wait for review"); got != "Route by total" {
		t.Errorf("Wait for review goes to %q, want Route by total", got)
	}
	// The rule that went to the chain goes on to where the chain went.
	if got, _ := root.Get("States").Get("Route by total").Get("Choices").Items[2].Get("Next").StringValue(); got != "Order complete" {
		t.Errorf("rule 2 goes to %q, want Order complete", got)
	}
	b.waitSelected("Wait for review", "Request review")
	b.waitFor("the canvas to follow", `!!document.querySelector('[data-edge="Validate order|Request review"]') && !!document.querySelector('[data-edge="Wait for review|Route by total"]')`)

	// One undo step puts both back.
	b.leaveFields()
	b.press("z", "KeyZ", 90, modCtrl)
	b.waitModel("the move undone", func(r *asl.Value) bool { return stateNext(r, "Validate order") == "Route by total" })

	// Two states that are not a chain: refused with the reason, nothing changes.
	b.click("fit", `button[aria-label="Fit to screen"]`)
	b.selectStates("Issue gift card", "Approve automatically")
	before := b.code()
	from, to = b.rectOf(stateSel("Issue gift card")), b.rectOf(target)
	b.drag(from.cx(), from.cy(), to.cx(), to.cy(), input.MouseButtonLeft, 0, nil)
	b.waitForShowing("the refusal", `document.querySelector('.statusbar').textContent.includes('not a chain')`, `document.querySelector('.statusbar').textContent`)
	if b.code() != before {
		t.Error("a refused move changed the code")
	}

	// A click (no drag) on a state of the selection selects it alone.
	b.clickWith(stateSel("Approve automatically"), 0)
	b.waitSelected("Approve automatically")
}

func TestCanvasDragStateToAnotherPlace(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.click("fit", `button[aria-label="Fit to screen"]`)
	name := "Issue gift card"
	target := `[data-dropzone="edge:Wait for review|Order complete"]`
	from, to := b.rectOf(stateSel(name)), b.rectOf(target)
	b.drag(from.cx(), from.cy(), to.cx(), to.cy(), input.MouseButtonLeft, 0, func() {
		b.waitFor("the drop targets to show", `document.getElementById('canvas').classList.contains('dragging')`)
		b.waitFor("the target under the pointer highlighted", `document.querySelector('`+target+`').getAttribute('data-part').includes('over')`)
		b.waitFor("its own edges refused", `document.querySelector('[data-dropzone="edge:Issue gift card|Order complete"]').getAttribute('data-part').includes('refused')`)
		b.screenshot("canvas-drag-state")
	})
	root := b.waitModel("the state moved", func(r *asl.Value) bool { return stateNext(r, "Wait for review") == name })
	if got := stateNext(root, name); got != "Order complete" {
		t.Errorf("%s.Next = %q, want Order complete", name, got)
	}
	if got, _ := root.Get("States").Get("Route by total").Get("Choices").Items[0].Get("Next").StringValue(); got != "Order complete" {
		t.Errorf("the rule that went to %s goes to %q, want its old Next", name, got)
	}
	b.waitFor("the canvas to follow", `!!document.querySelector('[data-edge="Wait for review|`+name+`"]')`)

	// Onto its own transition: refused with a hint, nothing changes.
	before := b.code()
	from, to = b.rectOf(stateSel(name)), b.rectOf(`[data-dropzone="edge:`+name+`|Order complete"]`)
	b.drag(from.cx(), from.cy(), to.cx(), to.cy(), input.MouseButtonLeft, 0, nil)
	b.waitForShowing("the refusal hint", `document.querySelector('.statusbar').textContent.includes('already there')`, `document.querySelector('.statusbar').textContent`)
	if b.code() != before {
		t.Error("a refused move changed the code")
	}

	// chromedp's own drag and drop moves a state too.
	b.do("drag a state with chromedp", chromedp.DragAndDrop(chromedp.CSS(stateSel("Approve automatically")), chromedp.CSS(`[data-dropzone="edge:Validate order|Route by total"]`)))
	root = b.waitModel("Approve automatically moved", func(r *asl.Value) bool { return stateNext(r, "Validate order") == "Approve automatically" })
	if got := stateNext(root, "Approve automatically"); got != "Route by total" {
		t.Errorf("Approve automatically goes to %q, want Route by total", got)
	}
	if got, _ := root.Get("States").Get("Route by total").Get("Choices").Items[1].Get("Next").StringValue(); got != "Order complete" {
		t.Errorf("rule 1 goes to %q, want Order complete", got)
	}

	// A Parallel cannot go into its own branch.
	b.openExample("parallel-fan-out")
	b.waitFor("the example", `!document.querySelector('[data-example]') && !!document.querySelector('[data-state="Gather customer data"]')`)
	b.click("fit", `button[aria-label="Fit to screen"]`)
	par := "Gather customer data"
	g := b.rectOf(`[data-state="` + par + `"][data-part~="group"]`)
	z := b.rectOf(`[data-dropzone="branch:` + par + `:1"]`)
	before = b.code()
	b.drag(g.X+30, g.Y+8, z.cx(), z.cy(), input.MouseButtonLeft, 0, nil)
	b.waitForShowing("the refusal on the canvas", `(document.querySelector('[data-notice="canvas"]')||{}).textContent?.includes('into itself')`, `document.querySelector('.statusbar').textContent`)
	if b.code() != before {
		t.Error("moving a Parallel into itself changed the code")
	}
}

func TestCanvasChoiceDropTargets(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	ch := "Route by total"
	// Rule 1 (And …) goes to Approve automatically.
	b.do("drag Pass onto rule 1", chromedp.DragAndDrop(chromedp.CSS(`[data-palette="Pass"]`), chromedp.CSS(`[data-dropzone="edge:`+ch+`|Approve automatically"][data-rule="1"]`)))
	root := b.waitModel("the Pass on rule 1", func(r *asl.Value) bool { return r.Get("States").Get("Pass state") != nil })
	rules := root.Get("States").Get(ch).Get("Choices").Items
	if got, _ := rules[1].Get("Next").StringValue(); got != "Pass state" {
		t.Errorf("rule 1 goes to %q, want the new state", got)
	}
	if got := stateNext(root, "Pass state"); got != "Approve automatically" {
		t.Errorf("the new state goes to %q, want the rule's old target", got)
	}

	// Onto the Default edge: the new state becomes the Default.
	b.do("drag Wait onto the Default", chromedp.DragAndDrop(chromedp.CSS(`[data-palette="Wait"]`), chromedp.CSS(`[data-dropzone="default:`+ch+`"]`)))
	root = b.waitModel("the Wait as Default", func(r *asl.Value) bool { return stateField(r, ch, "Default") == "Wait state" })
	if got := stateNext(root, "Wait state"); got != "Unknown order type" {
		t.Errorf("the new Default goes to %q, want the old Default", got)
	}

	// Remove the Default's states: the Choice has no Default, and a
	// "Default" zone stands next to it.
	b.clickWith(stateSel("Wait state"), 0)
	b.clickWith(stateSel("Unknown order type"), modShift)
	b.leaveFields()
	b.press("Delete", "Delete", 46, 0)
	b.waitModel("no Default", func(r *asl.Value) bool { return r.Get("States").Get(ch).Get("Default") == nil })
	b.waitFor("the Default zone", `!!document.querySelector('[data-dropzone="default:`+ch+`"]')`)
	b.do("drag Succeed onto the Default zone", chromedp.DragAndDrop(chromedp.CSS(`[data-palette="Succeed"]`), chromedp.CSS(`[data-dropzone="default:`+ch+`"]`)))
	root = b.waitModel("the Succeed as Default", func(r *asl.Value) bool { return stateField(r, ch, "Default") == "Succeed state" })
	if typ := stateField(root, "Succeed state", "Type"); typ != "Succeed" {
		t.Errorf("the Default state has Type %q", typ)
	}
	b.waitFor("a valid workflow", `document.querySelector('[data-validation]').dataset.validation === "valid"`)
}

func TestCanvasSplitResize(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	width := func(sel string) float64 { return b.rectOf(sel).W }
	code0 := width(".workspace > .code")
	h := b.rectOf(`[data-split="code"]`)
	if label := eval[string](b, `document.querySelector('[data-split="code"]').getAttribute('aria-label')`); label == "" {
		t.Error("the code pane's handle has no aria-label")
	}
	b.drag(h.cx(), h.cy(), h.cx()-120, h.cy(), input.MouseButtonLeft, 0, nil)
	b.waitForShowing("the code pane to grow", `Math.abs(document.querySelector('.workspace > .code').getBoundingClientRect().width - `+num(code0+120)+`) < 4`, `document.querySelector('.workspace > .code').getBoundingClientRect().width`)

	// The keyboard: focus the handle, ArrowLeft grows the pane by a step.
	code1 := width(".workspace > .code")
	b.do("focus the handle", chromedp.Focus(chromedp.CSS(`[data-split="code"]`)))
	b.press("ArrowLeft", "ArrowLeft", 37, 0)
	b.waitForShowing("a keyboard step", `Math.abs(document.querySelector('.workspace > .code').getBoundingClientRect().width - `+num(code1+16)+`) < 2`, `document.querySelector('.workspace > .code').getBoundingClientRect().width`)
	insp0 := width(".workspace > .inspector")
	b.do("focus the inspector handle", chromedp.Focus(chromedp.CSS(`[data-split="inspector"]`)))
	b.press("ArrowRight", "ArrowRight", 39, 0)
	b.waitForShowing("the inspector to shrink", `Math.abs(document.querySelector('.workspace > .inspector').getBoundingClientRect().width - `+num(insp0-16)+`) < 2`, `document.querySelector('.workspace > .inspector').getBoundingClientRect().width`)
	code2, insp1 := width(".workspace > .code"), width(".workspace > .inspector")

	// Remembered across a reload.
	b.do("reload", chromedp.Reload())
	b.waitReady()
	b.waitForShowing("the sizes restored", `Math.abs(document.querySelector('.workspace > .code').getBoundingClientRect().width - `+num(code2)+`) < 2 && Math.abs(document.querySelector('.workspace > .inspector').getBoundingClientRect().width - `+num(insp1)+`) < 2`,
		`document.querySelector('.workspace > .code').getBoundingClientRect().width + ' ' + document.querySelector('.workspace > .inspector').getBoundingClientRect().width`)
	b.screenshot("canvas-split-resized")
}

// A state dropped beside a transition's line, away from its drop circle,
// goes onto that transition: the target highlights while the pointer is
// near, and a drop on a state is not taken for its incoming arrow.
func TestCanvasDropBesideTheLine(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	from, to := "Validate order", "Route by total"
	edge := `[data-edge="` + from + `|` + to + `"] path`
	// Zoomed in, the line is long enough to drop away from its circle.
	for range 3 {
		b.click("zoom in", `[aria-label="Zoom in"]`)
	}
	b.waitFor("the zoom", `document.querySelector('`+edge+`').getScreenCTM().a > 1`)
	// A point a sixth along the line, 6 pixels to its side, in screen
	// coordinates, and its distance from the drop circle's centre.
	pt := eval[[]float64](b, `(() => {
		const p = document.querySelector('`+edge+`');
		const m = p.getScreenCTM();
		const at = p.getPointAtLength(p.getTotalLength() / 6).matrixTransform(m);
		const z = document.querySelector('[data-dropzone="edge:`+from+`|`+to+`"]').getBoundingClientRect();
		return [at.x + 6, at.y, Math.hypot(at.x + 6 - (z.left + z.width / 2), at.y - (z.top + z.height / 2))];
	})()`)
	if pt[2] < 12 {
		t.Fatalf("the test point is %.0f px from the drop circle: it must be away from it", pt[2])
	}
	pal := b.rectOf(`[data-palette="Pass"]`)
	b.drag(pal.cx(), pal.cy(), pt[0], pt[1], input.MouseButtonLeft, 0, func() {
		b.waitFor("the transition's target highlighted", `(document.querySelector('[data-dropzone="edge:`+from+`|`+to+`"]').getAttribute('data-part') || '').includes('over')`)
	})
	root := b.waitModel("the Pass on the transition", func(r *asl.Value) bool { return stateNext(r, from) == "Pass state" })
	if got := stateNext(root, "Pass state"); got != to {
		t.Errorf("the new state goes to %q, want %q", got, to)
	}

	// Dropped on a state's box: refused, the workflow unchanged.
	before := b.code()
	st := b.rectOf(stateSel(to))
	pal = b.rectOf(`[data-palette="Wait"]`)
	b.drag(pal.cx(), pal.cy(), st.cx(), st.Y+4, input.MouseButtonLeft, 0, nil)
	b.waitFor("the hint", `document.body.textContent.includes('Drop the state on an arrow')`)
	if b.code() != before {
		t.Error("a drop on a state's box changed the workflow")
	}
}

// A click on a state outside the canvas's view (as a test's click does:
// scroll it into view, then click) pans the canvas to it and selects it;
// the canvas itself does not stay scrolled.
func TestCanvasStateScrolledIntoView(t *testing.T) {
	b := newBrowserSized(t, 0, 0)
	b.open("/")
	b.click("Split view", `[aria-label="Split view"]`)
	b.click("zoom in", `button[aria-label="Zoom in"]`)
	b.click("zoom in", `button[aria-label="Zoom in"]`)
	name := "Order complete"
	c, s := b.rectOf(`#canvas`), b.rectOf(stateSel(name))
	if s.Y+s.H/2 < c.Y+c.H && s.X+s.W/2 < c.X+c.W {
		t.Fatalf("%s is already in view (%+v in %+v): the test needs it outside", name, s, c)
	}
	b.click("the state outside the view", stateSel(name))
	b.waitSelected(name)
	b.waitFor("the canvas not scrolled", `document.getElementById('canvas').scrollTop === 0 && document.getElementById('canvas').scrollLeft === 0`)
	c, s = b.rectOf(`#canvas`), b.rectOf(stateSel(name))
	if s.Y+s.H/2 > c.Y+c.H || s.X+s.W/2 > c.X+c.W {
		t.Errorf("%s is still outside the view after the pan (%+v in %+v)", name, s, c)
	}
}
