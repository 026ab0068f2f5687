//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/sim"
	"github.com/chromedp/chromedp"
)

// runChoose picks an option of a select by its aria-label, as a user does.
func (b *browser) runChoose(label, value string) {
	b.t.Helper()
	sel := `[aria-label="` + label + `"]`
	b.waitFor(label, `!!document.querySelector('`+sel+`')`)
	b.do("choose "+value+" in "+label, chromedp.SetValue(chromedp.CSS(sel), value),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('`+sel+`').dispatchEvent(new Event("change", {bubbles: true}))`))
}

// value is the value of the field with an aria-label.
func (b *browser) value(label string) string {
	return eval[string](b, `(document.querySelector('[aria-label="`+label+`"]')||{value:"(missing)"}).value`)
}

// mockHere switches a Task to a sequence edited in the panel and waits
// for its responses.
func (b *browser) mockHere(state string) {
	b.t.Helper()
	b.click("Mocks tab", `[data-run-tab="mocks"]`)
	b.runChoose("Mock of "+state, "edit")
	b.waitFor("the responses of "+state, `!!document.querySelector('[data-state-mock-card="`+state+`"] [data-mock-resp]')`)
}

// failSecondLine makes the dynamic-map example's second line fail: the
// sequence copied from the file, with its response #2 turned into a Throw.
func (b *browser) failSecondLine() {
	b.t.Helper()
	b.mockHere("Reserve stock")
	if n := eval[int](b, `document.querySelectorAll('[data-state-mock-card="Reserve stock"] [data-mock-resp]').length`); n != 3 {
		b.t.Fatalf("%d responses copied from the file, want its 3", n)
	}
	if got := b.value("Invocations of Reserve stock #2"); got != "1" {
		b.t.Fatalf("response #2 is for invocation %q, want 1", got)
	}
	b.runChoose("Response of Reserve stock #2", "throw")
	b.waitFor("the error field", `!!document.querySelector('[aria-label="Error of Reserve stock #2"]')`)
	b.setText("Error of Reserve stock #2", "Stock.Unknown")
	b.setText("Cause of Reserve stock #2", "no such sku TEE-M")
}

// TestRunMapIterationPicker fails one iteration of a Map with a mocked
// sequence, then inspects the iterations one by one: the canvas shows the
// iteration counts and the picked iteration's states, the inspector its
// input and error.
func TestRunMapIterationPicker(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.openExample("dynamic-map")
	b.failSecondLine()
	b.screenshot("run-mock-sequence")
	b.click("Run", `[aria-label="Run"]`)
	if st := b.waitRunDone(); st != "FAILED" {
		t.Fatalf("status %s, want FAILED (iteration 1 throws)", st)
	}
	if got := eval[string](b, `document.querySelector('[data-run="error"]').textContent`); got != "Stock.Unknown" {
		t.Errorf("execution error %q, want Stock.Unknown", got)
	}
	m := `document.querySelector('[data-part~="group"][data-state="Reserve each line"]')`
	// The iterations run at once (MaxConcurrency 5), as in AWS: the
	// third had finished when the second failed.
	if got := eval[string](b, m+`.getAttribute("data-iterations")`); got != "3" {
		t.Errorf("the Map shows %q iterations, want 3", got)
	}
	if got := eval[string](b, m+`.querySelector('[data-part~="iterations"]').getAttribute("data-status")`); got != "failed" {
		t.Errorf("the Map's iteration tab is %q, want failed", got)
	}
	if got := b.stateStatus("Reserve stock"); got != "failed" {
		t.Errorf("Reserve stock (latest iteration) is %q, want failed", got)
	}

	b.click("select Reserve stock", `[data-state="Reserve stock"]`)
	b.click("State data tab", `[data-run-tab="data"]`)
	picker := `[data-scope-picker="Reserve each line"]`
	b.waitFor("the iteration picker", `!!document.querySelector('`+picker+`')`)
	chips := eval[[]string](b, `[...document.querySelectorAll('`+picker+` [data-scope-index]')].map(c => c.dataset.scopeIndex + ":" + c.dataset.status)`)
	if strings.Join(chips, " ") != "0:succeeded 1:failed 2:succeeded" {
		t.Errorf("iteration chips %v, want 0 succeeded, 1 failed, 2 succeeded", chips)
	}
	if got := eval[string](b, `(document.querySelector('[data-run="state-error"]')||{}).textContent`); got != "Stock.Unknown" {
		t.Errorf("the latest iteration's error %q", got)
	}

	b.click("pick iteration 0", picker+` [data-scope-index="0"]`)
	b.waitFor("iteration 0 on the canvas", `document.querySelector('[data-state="Reserve stock"]').getAttribute("data-status") === "succeeded"`)
	if got := eval[string](b, m+`.getAttribute("data-picked")`); got != "0" {
		t.Errorf("the Map's picked iteration is %q, want 0", got)
	}
	b.waitFor("iteration 0's input", `(document.querySelector('[data-run-inspector="Reserve stock"] [data-stage="input"] pre')||{textContent:""}).textContent.includes("MUG-01")`)
	if got := eval[string](b, `(document.querySelector('[data-run-inspector] [data-stage="afterResultSelector"] pre')||{textContent:""}).textContent`); !strings.Contains(got, `"reserved": true`) {
		t.Errorf("iteration 0's After ResultSelector %q", got)
	}
	if got := b.value("Iteration of Reserve each line"); got != "0" {
		t.Errorf("the iteration field shows %q", got)
	}
	b.screenshot("run-map-iteration-picked")

	b.click("next iteration", `[aria-label="Next iteration of Reserve each line"]`)
	b.waitFor("iteration 1 on the canvas", `document.querySelector('[data-state="Reserve stock"]').getAttribute("data-status") === "failed"`)
	b.waitFor("iteration 1's input", `document.querySelector('[data-run-inspector] [data-stage="input"] pre').textContent.includes("TEE-M")`)
	if got := eval[string](b, `(document.querySelector('[data-run="state-cause"]')||{}).textContent`); got != "no such sku TEE-M" {
		t.Errorf("iteration 1's cause %q", got)
	}
	b.click("pick iteration 2", picker+` [data-scope-index="2"]`)
	b.waitFor("iteration 2 succeeded", `document.querySelector('[data-state="Reserve stock"]').getAttribute("data-status") === "succeeded"`)
	b.waitFor("iteration 2's input", `document.querySelector('[data-run-inspector] [data-stage="input"] pre').textContent.includes("CAP-9")`)
	b.click("Latest", `[aria-label="Latest iteration of Reserve each line"]`)
	b.waitFor("the latest iteration again", `document.querySelector('[data-state="Reserve stock"]').getAttribute("data-status") === "failed" && !`+m+`.hasAttribute("data-picked")`)

	// The Map state itself shows the iteration's input next to its own.
	b.click("iteration 0", picker+` [data-scope-index="0"]`)
	b.do("select the Map", chromedp.Evaluate[chromedp.Void](m+`.querySelector('text').dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}))`))
	b.waitFor("the Map's inspector", `!!document.querySelector('[data-run-inspector="Reserve each line"] [data-stage="scope-input"]')`)
	if got := eval[string](b, `document.querySelector('[data-run-inspector] [data-stage="scope-input"] pre').textContent`); !strings.Contains(got, "MUG-01") {
		t.Errorf("the Map's iteration #0 input %q", got)
	}
	if got := eval[string](b, `(document.querySelector('[data-run-inspector] [data-stage="scope-output"] pre')||{textContent:""}).textContent`); !strings.Contains(got, "MUG-01") {
		t.Errorf("the Map's iteration #0 output %q", got)
	}

	// An iteration's event in the events table picks that iteration.
	b.click("Events tab", `[data-run-tab="events"]`)
	b.do("filter", chromedp.SendKeys(chromedp.CSS(`[aria-label="Filter events"]`), "iteration #1"))
	b.waitFor("the iteration's events", `document.querySelectorAll('[data-event-type^="MapIteration"]').length === 2`)
	b.click("MapIterationStarted #1", `[data-event-type="MapIterationStarted"]`)
	b.waitFor("iteration 1 picked", m+`.getAttribute("data-picked") === "1"`)
}

// TestRunParallelBranchStatus runs the fan-out example with one branch
// failing: each branch box shows its status, and the picker shows one
// branch's input and output.
func TestRunParallelBranchStatus(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.openExample("parallel-fan-out")
	b.mockHere("Count open tickets")
	b.runChoose("Response of Count open tickets", "throw")
	b.setText("Error of Count open tickets", "Tickets.Down")
	b.click("Run", `[aria-label="Run"]`)
	st := b.waitRunDone()
	branches := eval[[]string](b, `[...document.querySelectorAll('[data-part~="branch"]')].map(g => g.getAttribute("data-branch-status") || "")`)
	if strings.Join(branches, " ") != "succeeded succeeded failed" {
		t.Errorf("branch statuses %v, want succeeded, succeeded, failed (run %s)", branches, st)
	}
	b.click("select Check credit score", `[data-state="Check credit score"]`)
	b.click("State data tab", `[data-run-tab="data"]`)
	picker := `[data-scope-picker="Gather customer data"]`
	b.waitFor("the branch picker", `document.querySelectorAll('`+picker+` [data-scope-index]').length === 3`)
	b.do("select the Parallel", chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-part~="group"][data-state="Gather customer data"] text').dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}))`))
	b.waitFor("the Parallel's inspector", `!!document.querySelector('[data-run-inspector="Gather customer data"] `+picker+`')`)
	b.click("branch 2", picker+` [data-scope-index="1"]`)
	b.waitFor("branch 2's output", `(document.querySelector('[data-run-inspector] [data-stage="scope-output"] h4')||{textContent:""}).textContent === "Branch 2 output"`)
	out := eval[string](b, `document.querySelector('[data-run-inspector] [data-stage="scope-output"] pre').textContent`)
	in := eval[string](b, `document.querySelector('[data-run-inspector] [data-stage="scope-input"] pre').textContent`)
	if !strings.Contains(in, "customerId") || out == in {
		t.Errorf("branch 2 input %q output %q", in, out)
	}
	b.click("branch 3", picker+` [data-scope-index="2"]`)
	b.waitFor("branch 3 picked", `document.querySelector('`+picker+` [data-scope-index="2"]').getAttribute("aria-pressed") === "true"`)
	if n := eval[int](b, `document.querySelectorAll('[data-run-inspector] [data-stage="scope-output"]').length`); n != 0 {
		t.Error("the failed branch 3 shows an output")
	}
}

// TestRunMockDurationTimesOut: a response that takes longer than the
// Task's TimeoutSeconds on the virtual clock fails with States.Timeout.
func TestRunMockDurationTimesOut(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.openExample("dynamic-map") // Reserve stock: TimeoutSeconds 30
	b.mockHere("Reserve stock")
	b.setText("Duration of Reserve stock", "45")
	b.click("Run", `[aria-label="Run"]`)
	if st := b.waitRunDone(); st != "FAILED" {
		t.Fatalf("status %s, want FAILED", st)
	}
	if got := eval[string](b, `document.querySelector('[data-run="error"]').textContent`); got != "States.Timeout" {
		t.Errorf("error %q, want States.Timeout", got)
	}
	b.click("Mocks tab", `[data-run-tab="mocks"]`)
	b.setText("Duration of Reserve stock", "29")
	b.click("Run again", `[aria-label="Run"]`)
	if st := b.waitRunPast("FAILED"); st != "SUCCEEDED" {
		t.Errorf("status %s with a 29 s response, want SUCCEEDED", st)
	}
}

// TestRunMocksExportAndImport exports the file with an edited sequence,
// then imports the exported file into a fresh session and runs with it.
func TestRunMocksExportAndImport(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.openExample("dynamic-map")
	b.failSecondLine()
	b.click("add a response", `[aria-label="Add response to Reserve stock"]`)
	b.waitFor("response #4", `!!document.querySelector('[aria-label="Invocations of Reserve stock #4"]')`)
	if got := b.value("Invocations of Reserve stock #4"); got != "3" {
		t.Errorf("the new response is for invocation %q, want 3", got)
	}
	b.setText("Invocations of Reserve stock #4", "3-9")
	b.setText("Duration of Reserve stock #4", "2.5")
	eval[bool](b, `(() => { const orig = URL.createObjectURL; window.__blobs = []; URL.createObjectURL = o => { window.__blobs.push(o); return orig.call(URL, o) }; return true })()`)
	b.click("Export", `[aria-label="Export mocks"]`)
	b.waitFor("the download", `window.__blobs.length === 1`)
	text := eval[string](b, `window.__blobs[0].text()`, chromedp.EvalAwaitPromise)
	mc, err := sim.ParseMockConfig([]byte(text))
	if err != nil {
		t.Fatalf("the exported file does not parse: %v\n%s", err, text)
	}
	tc := mc.StateMachines["DynamicMap"].TestCases["HappyPath"]
	mr := mc.MockedResponses[tc["Reserve stock"]]
	if mr == nil || mr.Response(1) == nil || mr.Response(1).Throw == nil || mr.Response(1).Throw.Error != "Stock.Unknown" {
		t.Fatalf("exported HappyPath response of Reserve stock: %+v\n%s", mr, text)
	}
	if rg := mr.Response(9); rg == nil || rg.DurationSeconds != 2.5 {
		t.Errorf("exported invocation 9: %+v", rg)
	}
	if got := mc.StateMachines["DynamicMap"].TestCases["Backorder"]["Reserve stock"]; got != "LastLineBackordered" {
		t.Errorf("the Backorder test case now uses %q", got)
	}

	// A fresh session (the example opened again) imports the file.
	file := filepath.Join(t.TempDir(), "MockConfigFile.json")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	b.openExample("dynamic-map")
	b.click("Mocks tab", `[data-run-tab="mocks"]`)
	b.waitFor("the fresh session's mocks", `(document.querySelector('[aria-label="Mock of Reserve stock"]')||{}).value === ""`)
	b.do("import", chromedp.SetUploadFiles(chromedp.CSS(`#run-mocks-file`), []string{file}))
	b.waitFor("the imported file", `document.querySelector('[aria-label="Mock config"]').value.includes("ReserveStockMock")`)
	b.click("Run", `[aria-label="Run"]`)
	if st := b.waitRunDone(); st != "FAILED" {
		t.Fatalf("status %s with the imported file, want FAILED", st)
	}
	if got := eval[string](b, `document.querySelector('[data-run="error"]').textContent`); got != "Stock.Unknown" {
		t.Errorf("error %q with the imported file", got)
	}
	// Editing the state again starts from the imported responses.
	b.mockHere("Reserve stock")
	if got := b.value("Invocations of Reserve stock #4"); got != "3-9" {
		t.Errorf("re-edited response #4 key %q, want 3-9", got)
	}
}

// TestRunSampleResultFromTheCatalog fills a DynamoDB query's mock with a
// result of its output shape and runs with it.
func TestRunSampleResultFromTheCatalog(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.openExample("parallel-fan-out")
	b.mockHere("Load orders")
	fromFile := b.value("Result of Load orders")
	if !strings.Contains(fromFile, "C-2048") {
		t.Fatalf("the sequence copied from the file starts with %s", fromFile)
	}
	b.click("Use sample result", `[aria-label="Use sample result for Load orders"]`)
	b.waitForShowing("the sample result", `(document.querySelector('[data-mock-sample="Load orders"]')||{textContent:""}).textContent.startsWith("Sample result")`,
		`(document.querySelector('[data-mock-sample]')||{textContent:"(no note)"}).textContent`)
	sample := b.value("Result of Load orders")
	if sample == fromFile || strings.Contains(sample, "C-2048") {
		t.Errorf("the result is still the file's: %s", sample)
	}
	v := decode(t, []byte(sample))
	m, _ := v.(map[string]any)
	if _, ok := m["Count"]; !ok {
		t.Errorf("the sample result has no Count: %v", v)
	}
	if items, _ := m["Items"].([]any); len(items) == 0 {
		t.Errorf("the sample result's Items %v, want one sample item", m["Items"])
	}
	if note := eval[string](b, `document.querySelector('[data-mock-sample="Load orders"]').textContent`); !strings.Contains(note, "dynamodb:query") {
		t.Errorf("note %q", note)
	}
	b.screenshot("run-mock-sample-result")
	b.click("Run", `[aria-label="Run"]`)
	if st := b.waitRunDone(); st != "SUCCEEDED" {
		t.Fatalf("status %s with the sample result", st)
	}
	if got := b.stateStatus("Load orders"); got != "succeeded" {
		t.Errorf("Load orders is %q", got)
	}
}

// TestRunSavedInputs saves two inputs, picks and deletes one, and finds
// the other after a reload.
func TestRunSavedInputs(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.openExample("dynamic-map")
	one := `{"orderId": "o-1", "items": [{"sku": "MUG-01", "qty": 1}]}`
	two := `{"orderId": "o-2", "items": []}`
	b.setText("Execution input", one)
	b.setText("Input name", "one line")
	b.click("Save", `[aria-label="Save input"]`)
	b.waitFor("saved", `[...document.querySelectorAll('[aria-label="Saved inputs"] option')].some(o => o.value === "one line")`)
	b.setText("Execution input", two)
	b.setText("Input name", "no lines")
	b.click("Save", `[aria-label="Save input"]`)
	b.waitFor("saved twice", `document.querySelectorAll('[aria-label="Saved inputs"] option').length === 3`)
	b.runChoose("Saved inputs", "one line")
	b.waitFor("the input picked", `document.querySelector('[aria-label="Execution input"]').value === `+jsString(one))
	b.click("Run", `[aria-label="Run"]`)
	if st := b.waitRunDone(); st != "SUCCEEDED" {
		t.Fatalf("status %s with the saved input", st)
	}
	if out, _ := b.runOutput().(map[string]any); out["orderId"] != "o-1" || out["lines"] != int64(1) {
		t.Errorf("output %v, want the saved input's order", out)
	}
	b.runChoose("Saved inputs", "no lines")
	b.click("Delete", `[aria-label="Delete saved input"]`)
	b.waitFor("deleted", `document.querySelectorAll('[aria-label="Saved inputs"] option').length === 2`)

	b.do("reload", chromedp.Reload())
	b.waitReady()
	b.waitFor("the document back", `!!document.querySelector('[data-state="Reserve each line"]')`)
	b.click("Input tab", `[data-run-tab="input"]`)
	b.waitFor("the saved inputs", `[...document.querySelectorAll('[aria-label="Saved inputs"] option')].some(o => o.value === "one line")`)
	names := eval[[]string](b, `[...document.querySelectorAll('[aria-label="Saved inputs"] option')].map(o => o.value).filter(v => v)`)
	if strings.Join(names, ",") != "one line" {
		t.Fatalf("saved inputs after a reload %v, want [one line]", names)
	}
	b.runChoose("Saved inputs", "one line")
	b.waitFor("the input restored", `document.querySelector('[aria-label="Execution input"]').value === `+jsString(one))
}
