//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// Dropping a Pass at the start of a Parallel branch or a Map processor
// makes it the StartAt there, going to the old start.
func TestDropIntoBranchAndProcessor(t *testing.T) {
	b := newBrowser(t)
	b.open("/")

	b.openExample("parallel-fan-out")
	b.waitFor("the example", `!document.querySelector('[data-example]') && !!document.querySelector('[data-state="Gather customer data"]')`)
	par := "Gather customer data"
	br := b.model().Get("States").Get(par).Get("Branches").Items[1]
	oldStart, _ := br.Get("StartAt").StringValue()
	b.do("drag into branch 1", chromedp.DragAndDrop(chromedp.CSS(`[data-palette="Pass"]`), chromedp.CSS(`[data-dropzone="branch:`+par+`:1"]`)))
	b.waitState("Pass state", true)
	br = b.model().Get("States").Get(par).Get("Branches").Items[1]
	if got, _ := br.Get("StartAt").StringValue(); got != "Pass state" {
		t.Errorf("branch 1 StartAt = %q, want the new state", got)
	}
	if got, _ := br.Get("States").Get("Pass state").Get("Next").StringValue(); got != oldStart {
		t.Errorf("the new state goes to %q, want the old start %q", got, oldStart)
	}

	b.openExample("dynamic-map")
	b.waitFor("the example", `!document.querySelector('[data-example]') && !!document.querySelector('[data-state="Reserve each line"]')`)
	m := "Reserve each line"
	proc := b.model().Get("States").Get(m).Get("ItemProcessor")
	oldStart, _ = proc.Get("StartAt").StringValue()
	b.do("drag into the processor", chromedp.DragAndDrop(chromedp.CSS(`[data-palette="Wait"]`), chromedp.CSS(`[data-dropzone="processor:`+m+`"]`)))
	b.waitState("Wait state", true)
	proc = b.model().Get("States").Get(m).Get("ItemProcessor")
	if got, _ := proc.Get("StartAt").StringValue(); got != "Wait state" {
		t.Errorf("processor StartAt = %q, want the new state", got)
	}
	if got, _ := proc.Get("States").Get("Wait state").Get("Next").StringValue(); got != oldStart {
		t.Errorf("the new state goes to %q, want the old start %q", got, oldStart)
	}
	b.screenshot("drop-into-map-processor")
}
