//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/chromedp/chromedp"
)

// outcome is what a run promises: status, output, per-state statuses, and
// for a run that pauses, what to answer and what follows.
type outcome struct {
	Status          string          `json:"status"`
	Output          json.RawMessage `json:"output"`
	Error           string          `json:"error"`
	States          map[string][]string
	SendTaskSuccess json.RawMessage `json:"sendTaskSuccess"`
	Then            *outcome        `json:"then"`
}

// galleryEntry is an example's promised outcomes (assets/examples/index.json).
type galleryEntry struct {
	ID       string             `json:"id"`
	TestCase string             `json:"testCase"`
	Outcomes map[string]outcome `json:"outcomes"`
}

// setText types text into a textarea or input as a paste would.
func (b *browser) setText(label, text string) {
	b.t.Helper()
	b.do("type "+label, chromedp.SetValue(chromedp.CSS(`[aria-label="`+label+`"]`), text),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('[aria-label="`+label+`"]').dispatchEvent(new Event("input", {bubbles: true}))`))
}

// checkOutcome compares the run panel and the canvas with a promised outcome.
func (b *browser) checkOutcome(id string, st string, oc *outcome) {
	t := b.t
	t.Helper()
	if st != oc.Status {
		t.Errorf("%s: status %s, want %s", id, st, oc.Status)
		return
	}
	if oc.Status == "SUCCEEDED" && len(oc.Output) > 0 {
		if got, w := b.runOutput(), decode(t, oc.Output); !reflect.DeepEqual(got, w) {
			t.Errorf("%s: output %s, want %s", id, asl.EncodeJSON(got), oc.Output)
		}
	}
	if oc.Error != "" {
		if got := eval[string](b, `(document.querySelector('[data-run="error"]')||{textContent:""}).textContent`); got != oc.Error {
			t.Errorf("%s: error %q, want %q", id, got, oc.Error)
		}
	}
	for kind, names := range oc.States {
		for _, n := range names {
			got := b.stateStatus(n)
			if got != kind && !(kind == "succeeded" && got == "retried") {
				t.Errorf("%s: %s is %q, want %s", id, n, got, kind)
			}
		}
	}
}

func gallery(t *testing.T) []galleryEntry {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	src, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "assets", "examples", "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []galleryEntry
	if err := json.Unmarshal(src, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func (b *browser) click(what, sel string) {
	b.t.Helper()
	b.settle()
	b.do(what, chromedp.Click(chromedp.CSS(sel)))
}

// settle waits until the last change has been validated: its diagnostics
// come in a render of their own and move what is below them, and a click
// aimed before that move can land beside its target.
func (b *browser) settle() {
	b.t.Helper()
	b.waitFor("the last change to be validated", `!document.querySelector('[data-validation][data-checking="true"]')`)
}

// openExample opens a gallery example and waits for its states.
func (b *browser) openExample(id string) {
	b.t.Helper()
	b.click("open the gallery", `[aria-label="Examples"]`)
	b.click("pick "+id, `[data-example="`+id+`"]`)
	// The gallery closes in the render that shows the example: controls
	// found before then belong to the document open before.
	b.waitFor("the example to open", `!document.querySelector('[data-example]') && !!document.querySelector('[data-run-panel]')`)
}

// runStatus is the execution status the run panel shows ("" before a run).
func (b *browser) runStatus() string {
	return eval[string](b, `(document.querySelector('[data-run-status]')||{dataset:{}}).dataset.runStatus||""`)
}

// waitRunDone waits until the run panel shows a status other than RUNNING.
// runExample opens a gallery example in a new browser and runs it until it
// stops with the status want (SUCCEEDED, FAILED, PAUSED…).
func runExample(t *testing.T, id, want string) *browser {
	t.Helper()
	b := newBrowser(t)
	b.open("/")
	b.openExample(id)
	b.click("Run", `[aria-label="Run"]`)
	if st := b.waitRunDone(); st != want {
		t.Fatalf("%s: status %s, want %s", id, st, want)
	}
	return b
}

func (b *browser) waitRunDone() string {
	b.t.Helper()
	b.waitFor("the run to finish", `(() => { const e = document.querySelector('[data-run-status]'); return e && e.dataset.runStatus && e.dataset.runStatus !== "RUNNING" })()`)
	return b.runStatus()
}

// waitRunPast waits until the run panel shows a status other than RUNNING
// and other than from: after answering a task token the panel still shows
// PAUSED until the resumed run has been scheduled, so waiting for "not
// RUNNING" alone would read the old status.
func (b *browser) waitRunPast(from string) string {
	b.t.Helper()
	b.waitFor("the run to leave "+from, `(() => { const e = document.querySelector('[data-run-status]'); const s = e && e.dataset.runStatus; return s && s !== "RUNNING" && s !== "`+from+`" })()`)
	return b.runStatus()
}

// stateStatus is the data-status of a state on the canvas.
func (b *browser) stateStatus(name string) string {
	return eval[string](b, `(document.querySelector('[data-state="`+name+`"]')||{getAttribute:()=>"(missing)"}).getAttribute("data-status")||""`)
}

// runOutput is the execution output the run panel shows, decoded.
func (b *browser) runOutput() any {
	b.t.Helper()
	text := eval[string](b, `(document.querySelector('[data-run="output"]')||{textContent:""}).textContent`)
	v, err := asl.DecodeJSON([]byte(text))
	if err != nil {
		b.t.Fatalf("run output %q: %v", text, err)
	}
	return v
}

func decode(t *testing.T, raw []byte) any {
	t.Helper()
	v, err := asl.DecodeJSON(raw)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestRunRetryAndCatch(t *testing.T) {
	b := runExample(t, "retry-and-catch", "SUCCEEDED")
	var want galleryEntry
	for _, g := range gallery(t) {
		if g.ID == "retry-and-catch" {
			want = g
		}
	}
	oc := want.Outcomes[want.TestCase]
	for _, n := range oc.States["caught"] {
		if got := b.stateStatus(n); got != "caught" {
			t.Errorf("%s: data-status %q, want caught", n, got)
		}
	}
	for _, n := range oc.States["retried"] {
		if got := b.stateStatus(n); got != "retried" {
			t.Errorf("%s: data-status %q, want retried", n, got)
		}
		if a := eval[string](b, `document.querySelector('[data-state="`+n+`"]').getAttribute("data-attempts")`); a != "3" {
			t.Errorf("%s: %s attempts shown, want 3", n, a)
		}
	}
	for _, n := range oc.States["succeeded"] {
		if got := b.stateStatus(n); got != "succeeded" && got != "retried" {
			t.Errorf("%s: data-status %q, want succeeded", n, got)
		}
	}
	if got := b.stateStatus("Confirm order"); got != "not-reached" {
		t.Errorf("Confirm order: data-status %q, want not-reached", got)
	}
	if !eval[bool](b, `document.querySelector('[data-edge="Charge card|Manual payment"]').getAttribute("data-taken") === "true"`) {
		t.Error("the catch edge Charge card → Manual payment is not highlighted")
	}
	if eval[bool](b, `document.querySelector('[data-edge="Charge card|Confirm order"]').getAttribute("data-taken") === "true"`) {
		t.Error("the edge Charge card → Confirm order is highlighted but was not taken")
	}
	if got, w := b.runOutput(), decode(t, oc.Output); !reflect.DeepEqual(got, w) {
		t.Errorf("output %v, want %v", got, w)
	}

	// The data inspector: the caught state's stages, error and attempts.
	b.click("select Reserve inventory", `[data-state="Reserve inventory"]`)
	b.click("State data tab", `[data-run-tab="data"]`)
	b.waitFor("the inspector", `!!document.querySelector('[data-run-inspector="Reserve inventory"] [data-stage="afterResultSelector"]')`)
	stage := func(k string) any {
		text := eval[string](b, `document.querySelector('[data-run-inspector] [data-stage="`+k+`"] pre').textContent`)
		return decode(t, []byte(text))
	}
	if got := stage("afterResultSelector"); !reflect.DeepEqual(got, map[string]any{"reservationId": "res-31"}) {
		t.Errorf("After ResultSelector %v", got)
	}
	if got := stage("afterParameters"); !strings.Contains(string(asl.EncodeJSON(got)), `"orderId":"ord-5150"`) {
		t.Errorf("After Parameters %v", got)
	}
	if n := eval[int](b, `document.querySelectorAll('[data-stage="attempts"] li').length`); n != 3 {
		t.Errorf("%d attempts listed, want 3", n)
	}
	b.screenshot("run-data-inspector")

	b.click("select Charge card", `[data-state="Charge card"]`)
	b.waitFor("the caught error", `(document.querySelector('[data-run="state-error"]')||{}).textContent === "Payment.Declined"`)
	b.screenshot("run-caught-error")

	// Events: filter, click travels to the event.
	b.click("Events tab", `[data-run-tab="events"]`)
	b.do("filter", chromedp.SendKeys(chromedp.CSS(`[aria-label="Filter events"]`), "TaskFailed"))
	b.waitFor("the filter", `document.querySelectorAll('[data-event-id]').length === 3`)
	b.click("first failure", `[data-event-type="TaskFailed"]`)
	b.waitFor("time travel to the first failure", `document.querySelector('[data-state="Charge card"]').getAttribute("data-status") === "not-reached"`)
	if got := b.stateStatus("Reserve inventory"); got != "running" {
		t.Errorf("at the first failure Reserve inventory is %q, want running", got)
	}
}

func TestRunBreakpointStepAndBack(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.openExample("retry-and-catch")
	b.click("select Charge card", `[data-state="Charge card"]`)
	b.press("F9", "F9", 120, 0)
	b.waitFor("the breakpoint mark", `document.querySelector('[data-state="Charge card"]').getAttribute("data-breakpoint") === "true"`)
	b.click("Run", `[aria-label="Run"]`)
	b.waitFor("the breakpoint", `(document.querySelector('[data-run-status]')||{textContent:""}).textContent.includes("Breakpoint")`)
	if got := b.stateStatus("Charge card"); got != "running" {
		t.Errorf("at the breakpoint Charge card is %q, want running", got)
	}
	if got := b.stateStatus("Reserve inventory"); got != "retried" {
		t.Errorf("at the breakpoint Reserve inventory is %q, want retried", got)
	}
	n0 := eval[int](b, `+document.querySelector('[data-run-events]').dataset.runEvents`)
	b.click("Step", `[aria-label="Step"]`)
	b.waitFor("one more event", `+document.querySelector('[data-run-events]').dataset.runEvents === `+fmtInt(n0+1))
	b.click("Step back", `[aria-label="Step back"]`)
	b.waitFor("the view one event back", `+document.querySelector('[data-run-view]').dataset.runView === `+fmtInt(n0))
	b.click("Step back", `[aria-label="Step back"]`)
	b.click("Step back", `[aria-label="Step back"]`)
	b.waitFor("back before Charge card was entered", `document.querySelector('[data-state="Charge card"]').getAttribute("data-status") === "not-reached"`)
	b.click("Continue", `[aria-label="Continue"]`)
	if st := b.waitRunDone(); st != "SUCCEEDED" {
		t.Fatalf("status %s after Continue, want SUCCEEDED", st)
	}
	if got := b.stateStatus("Charge card"); got != "caught" {
		t.Errorf("after Continue Charge card is %q, want caught", got)
	}
}

func TestRunHumanApprovalThroughTheUI(t *testing.T) {
	b := runExample(t, "human-approval", "PAUSED")
	tok := eval[string](b, `document.querySelector('[data-run="token"]').textContent`)
	if tok == "" {
		t.Fatal("no task token shown")
	}
	paused := eval[string](b, `(document.querySelector('[data-status="paused"]')||{getAttribute:()=>""}).getAttribute("data-state")`)
	if paused == "" {
		t.Fatal("no state is marked paused")
	}
	b.screenshot("run-paused-token")
	b.click("Heartbeat", `[aria-label="Heartbeat"]`)
	b.waitFor("the heartbeat", `(document.querySelector('[data-run="token-note"]')||{textContent:""}).textContent.includes("Heartbeat")`)
	b.setText("Task output", `{"approved": true, "approver": "maria.garcia"}`)
	b.click("Send success", `[aria-label="Send success"]`)
	if st := b.waitRunPast("PAUSED"); st != "SUCCEEDED" {
		t.Fatalf("status %s after approving, want SUCCEEDED", st)
	}
	out, _ := b.runOutput().(map[string]any)
	if out["approvedBy"] != "maria.garcia" || out["status"] != "PAID" {
		t.Errorf("output %v, want it approved by maria.garcia and PAID", out)
	}
	if got := b.stateStatus(paused); got == "paused" || got == "not-reached" {
		t.Errorf("%s is %q after approval", paused, got)
	}
}

// Nobody answers the approval: the task's TimeoutSeconds (a week) passes
// on the virtual clock and its Catch takes States.Timeout.
func TestRunHumanApprovalTimesOut(t *testing.T) {
	b := runExample(t, "human-approval", "PAUSED")
	payload := decode(t, []byte(eval[string](b, `document.querySelector('[data-run="payload"]').textContent`)))
	if p, _ := payload.(map[string]any); p == nil || p["QueueUrl"] == nil {
		t.Errorf("payload %v, want the approval task's SQS message", payload)
	}
	if got := eval[string](b, `document.querySelector('[aria-label="Let it time out"]').textContent`); !strings.Contains(got, "168h") {
		t.Errorf("time-out button %q, want the task's week (168h)", got)
	}
	eval[bool](b, `(document.querySelector('[aria-label="Let it time out"]').scrollIntoView({block: "center"}), true)`)
	b.screenshot("run-token-time-out")
	b.click("Let it time out", `[aria-label="Let it time out"]`)
	if st := b.waitRunPast("PAUSED"); st != "SUCCEEDED" {
		t.Fatalf("status %s after the time-out, want SUCCEEDED (caught)", st)
	}
	if got := b.stateStatus("Ask for approval"); got != "caught" {
		t.Errorf("Ask for approval is %q, want caught", got)
	}
	if got := b.stateStatus("Notify rejection"); got != "succeeded" {
		t.Errorf("Notify rejection is %q, want succeeded", got)
	}
	if out, _ := b.runOutput().(map[string]any); out["status"] != "REJECTED" {
		t.Errorf("output %v, want the expense REJECTED", out)
	}
	b.click("Events tab", `[data-run-tab="events"]`)
	b.waitFor("the events table", `!!document.querySelector('[data-event-type]')`)
	if n := eval[int](b, `document.querySelectorAll('[data-event-type="TaskTimedOut"]').length`); n != 1 {
		t.Errorf("%d TaskTimedOut events, want 1", n)
	}
}

func TestTestStateParametersStages(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.openExample("retry-and-catch")
	b.click("select Charge card", `[data-state="Charge card"]`)
	b.click("Test state tab", `[data-run-tab="test"]`)
	b.waitFor("the test form", `!!document.querySelector('[data-test-state="Charge card"]')`)
	set := b.setText
	set("Test input", `{"orderId":"o-1","amount":12.5,"currency":"EUR","card":{"last4":"4242"}}`)
	set("Mocked result", `{"StatusCode":200,"Payload":{"chargeId":"ch_1","extra":true}}`)
	b.click("Test state", `[aria-label="Test state"]`)
	b.waitFor("the result", `!!document.querySelector('[data-test="status"]')`)
	if st := eval[string](b, `document.querySelector('[data-test="status"]').textContent`); st != "SUCCEEDED" {
		t.Fatalf("status %s", st)
	}
	if ns := eval[string](b, `document.querySelector('[data-test="next-state"]').textContent`); ns != "Confirm order" {
		t.Errorf("next state %q, want Confirm order", ns)
	}
	stage := func(k string) any {
		text := eval[string](b, `(document.querySelector('[data-test-stage="`+k+`"] pre')||{textContent:"null"}).textContent`)
		return decode(t, []byte(text))
	}
	wantParams := map[string]any{
		"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:charge-card",
		"Payload":      map[string]any{"orderId": "o-1", "amount": 12.5, "currency": "EUR", "card": map[string]any{"last4": "4242"}},
	}
	if got := stage("afterParameters"); !reflect.DeepEqual(got, wantParams) {
		t.Errorf("After Parameters %v, want %v", got, wantParams)
	}
	if got := stage("afterResultSelector"); !reflect.DeepEqual(got, map[string]any{"chargeId": "ch_1"}) {
		t.Errorf("After ResultSelector %v", got)
	}
	out, _ := stage("afterResultPath").(map[string]any)
	if !reflect.DeepEqual(out["charge"], map[string]any{"chargeId": "ch_1"}) || out["orderId"] != "o-1" {
		t.Errorf("After ResultPath %v", out)
	}
	b.screenshot("run-test-state")
}

// TestEveryExampleRunsToItsPromisedOutcome runs each gallery example in
// the browser with its sample input and mocks, answering task tokens
// through the token form as the outcome says.
func TestEveryExampleRunsToItsPromisedOutcome(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	for _, g := range gallery(t) {
		oc, ok := g.Outcomes[g.TestCase]
		if !ok {
			t.Errorf("%s: no outcome for its test case %s", g.ID, g.TestCase)
			continue
		}
		b.openExample(g.ID)
		start := time.Now()
		b.click("Run "+g.ID, `[aria-label="Run"]`)
		st := b.waitRunDone()
		b.checkOutcome(g.ID, st, &oc)
		if oc.Then != nil && st == "PAUSED" {
			if len(oc.Then.SendTaskSuccess) == 0 {
				t.Errorf("%s: the outcome answers the token in a way this test does not know", g.ID)
				continue
			}
			b.setText("Task output", string(oc.Then.SendTaskSuccess))
			b.click("Send success", `[aria-label="Send success"]`)
			st = b.waitRunPast("PAUSED")
			b.checkOutcome(g.ID+" (then)", st, oc.Then)
		}
		t.Logf("%s: %s in %v (%s events)", g.ID, st, time.Since(start).Round(time.Millisecond),
			eval[string](b, `document.querySelector('[data-run-events]').dataset.runEvents`))
	}
}

// loopWorkflow counts to the input's n in a Pass/Choice loop: four
// history events per round, so n = 6240 makes a run of about 25,000 events
// (AWS fails a standard execution at 25,000).
const loopWorkflow = `{
  "StartAt": "Init",
  "States": {
    "Init": {"Type": "Pass", "Parameters": {"i": 0, "n.$": "$.n"}, "Next": "Inc"},
    "Inc": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)", "n.$": "$.n"}, "Next": "More?"},
    "More?": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThanPath": "$.n", "Next": "Inc"}], "Default": "Done"},
    "Done": {"Type": "Succeed"}
  }
}`

// TestRunLongStaysResponsive runs a 25,000-event execution: the page keeps
// answering (no long main-thread task), the history is complete, and Abort
// stops a second run midway.
func TestRunLongStaysResponsive(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.replaceCode(loopWorkflow)
	b.waitState("More?", true)
	b.setText("Execution input", `{"n": 6240}`)
	eval[bool](b, `(() => { window.__longest = 0; window.__tasks = []; new PerformanceObserver(l => { for (const e of l.getEntries()) { window.__longest = Math.max(window.__longest, e.duration); if (e.duration > 150) window.__tasks.push(Math.round(e.startTime - window.__t0) + "+" + Math.round(e.duration)) } }).observe({type: "longtask"}); return true })()`)
	start := time.Now()
	eval[bool](b, `(window.__t0 = performance.now(), true)`)
	b.click("Run", `[aria-label="Run"]`)
	b.waitFor("progress while running", `+(document.querySelector('[data-run-events]')||{dataset:{}}).dataset.runEvents > 0`)
	if eval[string](b, `document.querySelector('[data-run-status]').dataset.runStatus`) == "RUNNING" {
		b.screenshot("run-in-progress")
	}
	if st := b.waitRunDone(); st != "SUCCEEDED" {
		t.Fatalf("status %s, want SUCCEEDED", st)
	}
	took := time.Since(start)
	n := eval[int](b, `+document.querySelector('[data-run-events]').dataset.runEvents`)
	if n < 24900 {
		t.Errorf("%d events in the history, want about 25,000", n)
	}
	longest := eval[float64](b, `window.__longest`)
	t.Logf("25k-event run: %d events, Run to final state %v (engine %s ms), longest main-thread task %.0f ms",
		n, took.Round(time.Millisecond), eval[string](b, `document.querySelector('[data-run-ms]').dataset.runMs`), longest)
	t.Logf("long tasks (start+duration ms after Run): %s", eval[string](b, `window.__tasks.join(" ")`))
	// Without yielding, the whole run is one task; with chunks the longest
	// tasks are the Go garbage collector's mark phases (they grow with the
	// history kept in memory) and the final redraw. The bound is relative,
	// so that it holds on a loaded 2-core machine yet fails a frozen run.
	if longest > float64(took.Milliseconds())/2 {
		t.Errorf("a main-thread task took %.0f ms of a %v run; the page froze", longest, took)
	}
	if out, _ := b.runOutput().(map[string]any); out["i"] != int64(6240) {
		t.Errorf("output %v, want i = 6240", out)
	}

	// Abort: an EXPRESS run (no 25,000-event limit) long enough that the
	// click lands while it runs.
	b.setText("Execution input", `{"n": 50000}`)
	b.do("choose Express", chromedp.SetValue(chromedp.CSS(`[aria-label="Execution type"]`), "EXPRESS"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('[aria-label="Execution type"]').dispatchEvent(new Event("change", {bubbles: true}))`))
	b.click("Run again", `[aria-label="Run"]`)
	b.waitFor("the second run to be under way", `+document.querySelector('[data-run-events]').dataset.runEvents > 500 && document.querySelector('[data-run-status]').dataset.runStatus === "RUNNING"`)
	b.click("Abort", `[aria-label="Abort"]`)
	if st := b.waitRunDone(); st != "ABORTED" {
		t.Fatalf("status %s after Abort, want ABORTED", st)
	}
	if n := eval[int](b, `+document.querySelector('[data-run-events]').dataset.runEvents`); n >= 200000 {
		t.Errorf("the aborted run still has %d events", n)
	}
	if got := eval[string](b, `document.querySelector('[data-run-events]').closest('.run-dock').querySelector('[data-run-tab="events"]').textContent`); got == "" {
		t.Error("no events tab")
	}
}

// TestRunLargeMapTiming measures the time from Run to the final state drawn
// for the 1,000-item Map example.
func TestRunLargeMapTiming(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.openExample("large-map")
	eval[bool](b, `(() => { window.__longest = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration) }).observe({type: "longtask"}); return true })()`)
	start := time.Now()
	b.click("Run", `[aria-label="Run"]`)
	if st := b.waitRunDone(); st != "SUCCEEDED" {
		t.Fatalf("status %s", st)
	}
	took := time.Since(start)
	b.waitFor("every state drawn with a status", `![...document.querySelectorAll('[data-state]')].some(e => e.getAttribute("data-status") === "running")`)
	t.Logf("large-map: %s events, Run to final state %v (engine+UI %s ms in the page), longest task %.0f ms",
		eval[string](b, `document.querySelector('[data-run-events]').dataset.runEvents`), took.Round(time.Millisecond),
		eval[string](b, `document.querySelector('[data-run-ms]').dataset.runMs`), eval[float64](b, `window.__longest`))
}

// TestRunPerStateMockOverridesTheFile sets one state's mock in the panel.
func TestRunPerStateMockOverridesTheFile(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.openExample("retry-and-catch")
	b.mockHere("Charge card")
	if got := b.value("Error of Charge card"); got != "Payment.Declined" {
		t.Errorf("the sequence copied from the file starts with %q, want the file's Payment.Declined", got)
	}
	b.runChoose("Response of Charge card", "return")
	b.waitFor("the result field", `!!document.querySelector('[aria-label="Result of Charge card"]')`)
	b.setText("Result of Charge card", `{"StatusCode": 200, "Payload": {"chargeId": "ch_ui"}}`)
	b.click("Run", `[aria-label="Run"]`)
	if st := b.waitRunDone(); st != "SUCCEEDED" {
		t.Fatalf("status %s", st)
	}
	if got := b.stateStatus("Charge card"); got != "succeeded" {
		t.Errorf("Charge card is %q with a Return mock, want succeeded", got)
	}
	out, _ := b.runOutput().(map[string]any)
	if out["chargeId"] != "ch_ui" || out["status"] != "CONFIRMED" {
		t.Errorf("output %v, want the mocked charge confirmed", out)
	}
}
