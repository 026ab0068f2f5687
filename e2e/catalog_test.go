//go:build e2e

package e2e

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// searchGoalMS is the budget for answering one keystroke of the
// action search.
const searchGoalMS = 16.0

// TestCatalogSearchAndDropAction types "put item dynamo" into the palette's
// action search one key at a time, timing each search in the page (the
// palette puts catalog.Search's time, from performance.now, in
// data-search-ms), finds dynamodb:putItem among the first three results,
// drags it onto a transition and reads the new Task in the code pane.
func TestCatalogSearchAndDropAction(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	const box = `input[aria-label="Search actions"]`
	const results = `document.querySelector('.palette-results')`
	if got := eval[string](b, results+`.dataset.searches`); got != "0" {
		t.Fatalf("the catalog was searched before the search box was used (%s searches)", got)
	}
	b.click("focus the action search", box)
	b.waitFor("the catalog index to load", results+`.dataset.searches !== "0"`)
	t.Logf("catalog index loaded on first use in %s ms (fetch and index)", eval[string](b, results+`.dataset.loadMs`))

	query := "put item dynamo"
	var times, renders []float64
	for i, r := range query {
		before := eval[string](b, results+`.dataset.searches`)
		b.do("type "+strconv.Quote(string(r)), chromedp.KeyEvent(string(r)))
		b.waitFor("the search for "+strconv.Quote(query[:i+1]), results+`.dataset.searches !== "`+before+`"`)
		ms, err := strconv.ParseFloat(eval[string](b, results+`.dataset.searchMs`), 64)
		if err != nil {
			t.Fatalf("data-search-ms: %v", err)
		}
		times = append(times, ms)
		// The keystroke's time until the results were in the DOM shows
		// after the next render; read it once the next key is typed.
		if i > 0 {
			rm, _ := strconv.ParseFloat(eval[string](b, results+`.dataset.renderMs`), 64)
			renders = append(renders, rm)
		}
	}
	sorted := slices.Clone(times)
	slices.Sort(sorted)
	t.Logf("catalog.Search per keystroke in headless chromium (ms): %v", times)
	t.Logf("search: median %.2f ms, max %.2f ms (goal ≤ %.0f ms); keystroke to results in the DOM: %v ms",
		sorted[len(sorted)/2], sorted[len(sorted)-1], searchGoalMS, renders)
	// Every keystroke should make the goal, and on a quiet machine does
	// (median about 1 ms). On a shared 2-core machine a search of 1 ms
	// was seen taking 30 ms when the OS or the collector took the core:
	// the median must make the goal, and at most a fifth of the
	// keystrokes may miss it. A search that is slow in itself misses on
	// every keystroke and fails both.
	var over []string
	for i, ms := range times {
		if ms > searchGoalMS {
			over = append(over, strconv.Quote(query[:i+1])+" "+strconv.FormatFloat(ms, 'f', 1, 64)+" ms")
		}
	}
	if med := sorted[len(sorted)/2]; med > searchGoalMS {
		t.Errorf("median search %.2f ms, over the %.0f ms goal", med, searchGoalMS)
	}
	if len(over) > len(times)/5 {
		t.Errorf("%d of %d keystrokes over the %.0f ms goal: %v", len(over), len(times), searchGoalMS, over)
	} else if len(over) > 0 {
		t.Logf("%d keystrokes over the %.0f ms goal on this machine: %v", len(over), searchGoalMS, over)
	}

	ids := eval[[]string](b, `[...document.querySelectorAll('.palette-results [data-palette]')].slice(0, 3).map(e => e.dataset.palette)`)
	if !slices.Contains(ids, "dynamodb:putItem") {
		t.Fatalf("dynamodb:putItem is not among the first three results: %v", ids)
	}

	from, to := "Validate order", "Route by total"
	b.do("drag dynamodb:putItem onto the transition",
		chromedp.DragAndDrop(chromedp.CSS(`.palette-results [data-palette="dynamodb:putItem"]`),
			chromedp.CSS(`[data-dropzone="edge:`+from+`|`+to+`"]`)),
	)
	const task = "DynamoDB PutItem"
	b.waitState(task, true)
	root := b.model()
	st := root.Get("States").Get(task)
	if st == nil {
		t.Fatalf("the code has no state %q:\n%s", task, b.code())
	}
	if got := stateField(root, task, "Type"); got != "Task" {
		t.Errorf("%s.Type = %q", task, got)
	}
	if got := stateField(root, task, "Resource"); got != "arn:aws:states:::dynamodb:putItem" {
		t.Errorf("%s.Resource = %q", task, got)
	}
	params := st.Get("Parameters")
	for _, k := range []string{"TableName", "Item"} {
		if params.Get(k) == nil {
			t.Errorf("the new Task's Parameters lack %s:\n%s", k, b.code())
		}
	}
	if got := stateField(root, from, "Next"); got != task {
		t.Errorf("%s.Next = %q, want the new Task", from, got)
	}
	if got := stateField(root, task, "Next"); got != to {
		t.Errorf("%s.Next = %q, want %q", task, got, to)
	}
	b.screenshot("catalog-drop-putitem")
}

// searchAndDrop types a query into the action search and drags the result
// id onto the transition from → to.
func (b *browser) searchAndDrop(query, id, from, to string) {
	b.t.Helper()
	const box = `input[aria-label="Search actions"]`
	b.click("focus the action search", box)
	b.do("type "+strconv.Quote(query), chromedp.KeyEvent(query))
	item := `.palette-results [data-palette="` + id + `"]`
	show := `'search box: ' + JSON.stringify(document.querySelector('` + box + `').value) + '; results: ' + document.querySelector('.palette-results').innerText`
	b.waitForShowing("the search box to hold "+strconv.Quote(query), `document.querySelector('`+box+`').value === `+strconv.Quote(query), show)
	b.waitForShowing(id+" among the results", `!!document.querySelector('`+item+`')`, show)
	b.do("drag "+id+" onto "+from+" → "+to,
		chromedp.DragAndDrop(chromedp.CSS(item), chromedp.CSS(`[data-dropzone="edge:`+from+`|`+to+`"]`)))
}

// TestCatalogWorksOfflineAfterFirstUse loads the index and the DynamoDB
// shapes once online, then goes offline, reloads, and searches and drops
// again: the files come from the service worker's cache.
func TestCatalogWorksOfflineAfterFirstUse(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	if ok := eval[bool](b, `navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise); !ok {
		t.Fatal("no service worker")
	}
	b.searchAndDrop("put item dynamo", "dynamodb:putItem", "Validate order", "Route by total")
	b.waitState("DynamoDB PutItem", true)
	cached := `Promise.all(['/web/catalog/index.json', '/web/catalog/services/dynamodb.json'].map(u => caches.match(u).then(r => !!r))).then(a => a.every(x => x))`
	deadline := time.Now().Add(10 * time.Second)
	for !eval[bool](b, cached, chromedp.EvalAwaitPromise) {
		if time.Now().After(deadline) {
			t.Fatal("the catalog files loaded are not in Cache Storage")
		}
		time.Sleep(50 * time.Millisecond)
	}

	b.do("go offline", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		yes := true
		_, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: &yes,
			MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
		})
		return err
	}))
	if eval[bool](b, `fetch('/web/catalog/services/s3.json').then(() => true, () => false)`, chromedp.EvalAwaitPromise) {
		t.Fatal("the network is still reachable: the offline emulation does not work")
	}
	b.do("reload offline", chromedp.Reload())
	b.waitReady()
	b.searchAndDrop("put item dynamo", "dynamodb:putItem", "DynamoDB PutItem", "Route by total")
	b.waitFor("a second DynamoDB Task", `document.querySelectorAll('[data-state^="DynamoDB PutItem"]').length >= 2`)
	root := b.model()
	n := 0
	for _, name := range asl.StateNames(root) {
		if stateField(root, name, "Resource") == "arn:aws:states:::dynamodb:putItem" {
			n++
			if root.Get("States").Get(name).Get("Parameters").Get("TableName") == nil {
				t.Errorf("%s has no TableName parameter offline", name)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d DynamoDB PutItem Tasks after the offline drop, want 2:\n%s", n, b.code())
	}
}
