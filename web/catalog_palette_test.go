//go:build !(js && wasm)

package web

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/catalog"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

var (
	fixtureOnce sync.Once
	fixtureDir  string
	fixtureErr  error
)

// useCatalogFixture points the app's catalog at one generated from the
// committed fixture models (engine/catalog/testdata/models) and gives the
// test a fresh, unloaded catalog.
func useCatalogFixture(t *testing.T) {
	t.Helper()
	fixtureOnce.Do(func() {
		dir := filepath.Join(os.TempDir(), "aslstudio-web-catalog-fixture")
		if fixtureErr = os.RemoveAll(dir); fixtureErr != nil {
			return
		}
		goBin, err := exec.LookPath("go")
		if err != nil {
			goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
		}
		models := filepath.Join("..", "engine", "catalog", "testdata", "models")
		out, err := exec.Command(goBin, "run", "../engine/catalog/gen",
			"-sdk", filepath.Join(models, "aws-sdk"), "-botocore", filepath.Join(models, "botocore"), "-out", dir).CombinedOutput()
		if err != nil {
			fixtureErr = fmt.Errorf("%v\n%s", err, out)
			return
		}
		fixtureDir = dir
	})
	if fixtureErr != nil {
		t.Fatalf("generating the fixture catalog: %v", fixtureErr)
	}
	oldDir, oldCat := catalogDir, actionsCatalog
	catalogDir = func() (string, error) { return fixtureDir, nil }
	actionsCatalog = &catalogLoader{}
	t.Cleanup(func() { catalogDir, actionsCatalog = oldDir, oldCat })
}

// settle runs the UI work and the async fetches until cond holds.
func settle(t *testing.T, d app.ClientDispatcher, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting for the catalog")
		}
		d.Wait()
		d.Consume()
		time.Sleep(time.Millisecond)
	}
}

func TestActionSearchLoadsIndexOnFirstUseAndRanks(t *testing.T) {
	useCatalogFixture(t)
	p := &actionPalette{}
	d := app.NewClientTester(p)
	defer d.Close()
	if actionsCatalog.loaded() != nil {
		t.Fatal("the catalog is loaded before the search is used")
	}
	d.Dispatch(app.Dispatch{Source: p, Function: func(ctx app.Context) {
		p.query = "put item dynamo"
		p.ensureLoaded(ctx)
	}})
	settle(t, d, func() bool { return p.searches > 0 })
	if len(p.results) == 0 {
		t.Fatalf("no results for %q (status %q)", p.query, p.status)
	}
	var ids []string
	for _, r := range p.results {
		ids = append(ids, r.ID)
	}
	top := ids[:min(3, len(ids))]
	if !hasString(top, "dynamodb:putItem") {
		t.Errorf("dynamodb:putItem is not among the first three results: %v", ids)
	}
	html := app.HTMLString(p)
	first := regexp.MustCompile(`data-palette="([^"]+)"`).FindAllStringSubmatch(html, 3)
	var shown []string
	for _, m := range first {
		shown = append(shown, m[1])
	}
	if !hasString(shown, "dynamodb:putItem") {
		t.Errorf("the first three [data-palette] entries are %v", shown)
	}
	// The optimized DynamoDB integration offers request-response only.
	i := strings.Index(html, `data-palette="dynamodb:putItem"`)
	entry := html[i:]
	entry = entry[:strings.Index(entry, "</div>")]
	if !strings.Contains(entry, `data-pattern="request-response"`) || strings.Contains(entry, `data-pattern=".sync"`) {
		t.Errorf("dynamodb:putItem badges: %s", entry)
	}
	if !regexp.MustCompile(`data-search-ms="\d+\.\d{3}"`).MatchString(html) {
		t.Error("the search time is not exposed")
	}
	if !strings.Contains(html, `aria-label="Search actions"`) {
		t.Error("no search box labelled Search actions")
	}
}

func TestActionPatternsFollowTheOptimizedTable(t *testing.T) {
	for id, want := range map[string][]string{
		"states:startExecution":    {"request-response", ".sync", ".sync:2", ".waitForTaskToken"},
		"lambda:invoke":            {"request-response", ".waitForTaskToken"},
		"dynamodb:getItem":         {"request-response"},
		"aws-sdk:s3:getObject":     {"request-response", ".waitForTaskToken"},
		"aws-sdk:dynamodb:putItem": {"request-response", ".waitForTaskToken"},
	} {
		if got := actionPatterns(id); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("actionPatterns(%s) = %v, want %v", id, got, want)
		}
	}
}

func TestActionSkeletonFetchesTheServiceOnDemand(t *testing.T) {
	useCatalogFixture(t)
	c, err := loadCatalogIndex()
	if err != nil {
		t.Fatal(err)
	}
	actionsCatalog.cat = c
	if _, _, loaded, _ := c.ServiceFor("dynamodb:putItem"); loaded {
		t.Fatal("the DynamoDB shapes are loaded with the index")
	}
	params, err := actionsCatalog.actionSkeleton("dynamodb:putItem")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := params["TableName"]; !ok {
		t.Errorf("skeleton %v has no TableName", params)
	}
	if _, ok := params["Item"]; !ok {
		t.Errorf("skeleton %v has no Item", params)
	}
	if _, _, loaded, _ := c.ServiceFor("dynamodb:putItem"); !loaded {
		t.Error("the DynamoDB shapes are not kept after the fetch")
	}
}

func TestDroppingAnActionInsertsATaskWithItsSkeleton(t *testing.T) {
	useCatalogFixture(t)
	s, d, _ := mount(t)
	var from, to string
	for _, n := range asl.StateNames(s.doc.Root) {
		if next, ok := s.doc.Root.Get("States").Get(n).Get("Next").StringValue(); ok && next != "" {
			from, to = n, next
			break
		}
	}
	if from == "" {
		t.Fatal("the default example has no Next transition")
	}
	d.Dispatch(app.Dispatch{Source: s, Function: func(ctx app.Context) {
		actionsCatalog.load(ctx, func(*catalog.Catalog, error) {
			s.dropAction(ctx, &dragState{action: "dynamodb:putItem", actionName: "DynamoDB PutItem"}, "edge:"+from+"|"+to)
		})
	}})
	settle(t, d, func() bool {
		return s.doc.Root.Get("States").Get("DynamoDB PutItem") != nil || s.hint != "" && !strings.HasPrefix(s.hint, "Loading")
	})
	task := s.doc.Root.Get("States").Get("DynamoDB PutItem")
	if task == nil {
		t.Fatalf("no Task inserted (hint %q)", s.hint)
	}
	if r, _ := task.Get("Resource").StringValue(); r != "arn:aws:states:::dynamodb:putItem" {
		t.Errorf("Resource = %q", r)
	}
	params := task.Get("Parameters")
	for _, k := range []string{"TableName", "Item"} {
		if params.Get(k) == nil {
			t.Errorf("Parameters lack %s: %s", k, string(asl.EncodeJSON(asl.ToAny(params))))
		}
	}
	if n, _ := s.doc.Root.Get("States").Get(from).Get("Next").StringValue(); n != "DynamoDB PutItem" {
		t.Errorf("%s.Next = %q, want the new Task", from, n)
	}
	if n, _ := task.Get("Next").StringValue(); n != to {
		t.Errorf("the Task's Next = %q, want %q", n, to)
	}
	if !strings.Contains(s.doc.Text, `"TableName"`) {
		t.Error("the code does not show the new Parameters")
	}
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
