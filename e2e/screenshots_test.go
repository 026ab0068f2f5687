//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// bigWorkflow is a definition of n states: runs of Task and Pass states with
// a Choice every tenth state that skips ahead, so the layout has branches.
func bigWorkflow(n int) string {
	var b strings.Builder
	b.WriteString(`{"Comment":"generated","StartAt":"Step 0","States":{`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		next := fmt.Sprintf("Step %d", i+1)
		end := i == n-1
		switch {
		case end:
			fmt.Fprintf(&b, `"Step %d":{"Type":"Succeed"}`, i)
		case i%10 == 5 && i+3 < n:
			fmt.Fprintf(&b, `"Step %d":{"Type":"Choice","Choices":[{"Variable":"$.skip","BooleanEquals":true,"Next":"Step %d"}],"Default":%q}`, i, i+3, next)
		case i%2 == 0:
			fmt.Fprintf(&b, `"Step %d":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f%d","Payload.$":"$"},"TimeoutSeconds":30,"Next":%q}`, i, i, next)
		default:
			fmt.Fprintf(&b, `"Step %d":{"Type":"Pass","Next":%q}`, i, next)
		}
	}
	b.WriteString("}}")
	return b.String()
}

// replaceCode puts text into the code editor as one input (a paste).
func (b *browser) replaceCode(text string) {
	b.t.Helper()
	eval[bool](b, `(() => { const t = document.querySelector('`+codeSel+`'); t.focus(); t.value = `+jsString(text)+`; t.dispatchEvent(new Event('input', {bubbles: true})); return true })()`)
}

func TestScreenshots(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.screenshot("editor-example-open")

	b.click("select a state", `[data-state="Route by total"]`)
	b.waitFor("the inspector", `document.querySelector('[data-inspector] [data-field="Name"]')?.value === "Route by total"`)
	b.screenshot("editor-state-selected")

	b.click("open the gallery", `button[aria-label="Examples"]`)
	b.waitFor("the gallery", `document.querySelectorAll('[data-example]').length >= 12`)
	b.screenshot("editor-gallery")
	b.click("open an example", `[data-example="parallel-fan-out"]`)
	b.waitFor("the example", `!document.querySelector('[data-example]') && document.querySelectorAll('[data-state]').length > 3`)
	b.screenshot("editor-parallel-example")

	b.click("new", `button[aria-label="New"]`)
	b.waitFor("a new document", `document.querySelectorAll('[data-state]').length === 2`)
	b.screenshot("editor-new")

	// A 100-state file opened as a person opens one: the canvas starts at
	// a readable zoom on the workflow's start; Fit shows all of it.
	big := filepath.Join(t.TempDir(), "Hundred states.asl.json")
	if err := os.WriteFile(big, []byte(bigWorkflow(100)), 0o644); err != nil {
		t.Fatal(err)
	}
	b.openFiles(big)
	b.waitFor("100 states", `document.querySelectorAll('[data-state]').length === 100`)
	b.click("design view", `button[aria-label="Design view"]`)
	b.screenshot("editor-100-states")
	b.click("fit", `button[aria-label="Fit to screen"]`)
	b.screenshot("editor-100-states-fit")
	b.click("split view", `button[aria-label="Split view"]`)

	b.do("dark theme", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
		})
		return err
	}))
	b.click("open the default example", `button[aria-label="Examples"]`)
	b.click("choice routing", `[data-example="choice-routing"]`)
	b.waitState("Route by total", true)
	b.screenshot("editor-dark")
}

// Each view shows the panes it names: Design the canvas and the inspector,
// Code the code pane and the inspector, Split all three.
func TestViewsShowTheirPanes(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	width := func(sel string) float64 {
		return eval[float64](b, `(() => { const e = document.querySelector('`+sel+`'); return e ? e.getBoundingClientRect().width : 0 })()`)
	}
	for _, v := range []struct {
		view                  string
		canvas, code, inspect bool
	}{{"Design", true, false, true}, {"Code", false, true, true}, {"Split", true, true, true}} {
		b.do(v.view+" view", chromedp.Click(chromedp.CSS(`button[aria-label="`+v.view+` view"]`)))
		b.waitFor(v.view+" view", `document.querySelector('.workspace').classList.contains('view-`+strings.ToLower(v.view)+`')`)
		for _, p := range []struct {
			sel   string
			shown bool
		}{{"#canvas", v.canvas}, {".workspace > .code", v.code}, {"[data-inspector]", v.inspect}} {
			if w := width(p.sel); (w > 200) != p.shown {
				t.Errorf("%s view: %s is %.0f px wide, want shown=%v", v.view, p.sel, w, p.shown)
			}
		}
	}
}

// The run panel folds down to its bar, giving the canvas the room; it
// stays folded across a reload and unfolds when one of its tabs is picked.
func TestRunPanelFolds(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	height := func(sel string) float64 {
		return eval[float64](b, `document.querySelector('`+sel+`').getBoundingClientRect().height`)
	}
	canvas, dock := height("#canvas"), height("[data-run-panel]")
	b.click("fold", `[aria-label="Fold the run panel"]`)
	b.waitFor("the folded panel", `!document.querySelector('.run-body')`)
	if got := height("[data-run-panel]"); got > 50 {
		t.Errorf("the folded panel is %.0f px high", got)
	}
	if got := height("#canvas"); got < canvas+dock-60 {
		t.Errorf("the canvas is %.0f px high folded, %.0f unfolded: it did not get the room", got, canvas)
	}
	b.screenshot("run-panel-folded")
	b.do("reload", chromedp.Reload())
	b.waitReady()
	if !eval[bool](b, `!!document.querySelector('[aria-label="Unfold the run panel"]') && !document.querySelector('.run-body')`) {
		t.Error("the panel unfolded after a reload")
	}
	b.click("Mocks tab", `[data-run-tab="mocks"]`)
	b.waitFor("the unfolded panel", `!!document.querySelector('.run-body') && !!document.querySelector('[aria-label="Fold the run panel"]')`)
}

// The run panel's top edge is a handle: dragged up, the panel grows and
// the canvas gives the room; the arrow keys move it too; the height is
// remembered, and kept within limits that leave the canvas usable.
func TestRunPanelResizes(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	const body, handle = ".run-dock > .run-body", `[data-split="run"]`
	height := func(sel string) float64 { return b.rectOf(sel).H }
	if o := eval[string](b, `document.querySelector('`+handle+`').getAttribute('aria-orientation')`); o != "horizontal" {
		t.Errorf("the run panel's handle is %q, want horizontal", o)
	}
	body0, canvas0 := height(body), height("#canvas")
	h := b.rectOf(handle)
	b.drag(h.cx(), h.cy(), h.cx(), h.cy()-100, input.MouseButtonLeft, 0, nil)
	b.waitForShowing("the run panel to grow", `Math.abs(document.querySelector('`+body+`').getBoundingClientRect().height - `+num(body0+100)+`) < 4`,
		`document.querySelector('`+body+`').getBoundingClientRect().height`)
	if got := height("#canvas"); got > canvas0-96 {
		t.Errorf("the canvas is %.0f px high after the panel grew by 100, was %.0f", got, canvas0)
	}

	// The keyboard: ArrowDown shrinks the panel by a step.
	body1 := height(body)
	b.do("focus the handle", chromedp.Focus(chromedp.CSS(handle)))
	b.press("ArrowDown", "ArrowDown", 40, 0)
	b.waitForShowing("a keyboard step", `Math.abs(document.querySelector('`+body+`').getBoundingClientRect().height - `+num(body1-16)+`) < 2`,
		`document.querySelector('`+body+`').getBoundingClientRect().height`)
	body2 := height(body)

	// Remembered across a reload.
	b.do("reload", chromedp.Reload())
	b.waitReady()
	b.waitForShowing("the height restored", `Math.abs(document.querySelector('`+body+`').getBoundingClientRect().height - `+num(body2)+`) < 2`,
		`document.querySelector('`+body+`').getBoundingClientRect().height`)

	// Dragged to the top of the window, the canvas keeps its minimum.
	h = b.rectOf(handle)
	b.drag(h.cx(), h.cy(), h.cx(), 5, input.MouseButtonLeft, 0, nil)
	b.waitFor("the drag to end", `!document.querySelector('.split-handle.active')`)
	if got := height("#canvas"); got < 150 {
		t.Errorf("the canvas is %.0f px high with the run panel at its largest: want at least 160", got)
	}
	b.screenshot("run-panel-resized")
}
