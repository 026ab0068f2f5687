package web

import (
	"fmt"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/catalog"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// catalogURL is where build-static puts the catalog (engine/catalog/data)
// in the site: index.json, its .br/.gz forms and services/<id>.json.
const catalogURL = "/web/catalog/"

// actionResultLimit is how many search results the palette shows.
const actionResultLimit = 12

// catalogLoader holds the service catalog as the web app loads it: the
// search index on first use, a service's shapes when one of its actions is
// dragged. None of it is compiled into app.wasm.
type catalogLoader struct {
	mu      sync.Mutex
	cat     *catalog.Catalog
	err     error
	loading bool
	waiters []func(*catalog.Catalog, error)
	// services are the service files fetched or being fetched.
	services map[string]*serviceLoad
}

// serviceLoad is one service file's fetch: done is closed when it ends.
type serviceLoad struct {
	done chan struct{}
	err  error
}

// actionsCatalog is the app's catalog; one per page.
var actionsCatalog = &catalogLoader{}

// loaded returns the catalog if its index is loaded.
func (l *catalogLoader) loaded() *catalog.Catalog {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.cat
}

// load fetches and indexes index.json once, off the UI goroutine, and calls
// then on the UI goroutine of ctx with the result. A failed load is tried
// again by the next call.
func (l *catalogLoader) load(ctx app.Context, then func(*catalog.Catalog, error)) {
	l.mu.Lock()
	if l.cat != nil {
		c := l.cat
		l.mu.Unlock()
		then(c, nil)
		return
	}
	l.waiters = append(l.waiters, then)
	if l.loading {
		l.mu.Unlock()
		return
	}
	l.loading = true
	l.mu.Unlock()
	ctx.Async(func() {
		c, err := loadCatalogIndex()
		l.mu.Lock()
		l.cat, l.err, l.loading = c, err, false
		waiters := l.waiters
		l.waiters = nil
		l.mu.Unlock()
		ctx.Dispatch(func(ctx app.Context) {
			for _, w := range waiters {
				w(c, err)
			}
		})
	})
}

// loadCatalogIndex fetches index.json and builds the search index.
func loadCatalogIndex() (*catalog.Catalog, error) {
	raw, err := fetchCatalogFile("index.json")
	if err != nil {
		return nil, fmt.Errorf("loading the action catalog: %w", err)
	}
	c, err := catalog.LoadIndex(nil, raw)
	if err != nil {
		return nil, fmt.Errorf("loading the action catalog: %w", err)
	}
	// Decoding the index leaves megabytes of garbage, and the first search
	// of a page pays for growing the WASM heap (11 ms for a one-letter
	// query under node, 3 ms after): collect and warm up here, while the
	// index loads, rather than in the user's first keystrokes.
	runtime.GC()
	c.Search("a", actionResultLimit)
	return c, nil
}

// ensureService makes the shapes of action's service available to the
// catalog, fetching its file once. It blocks: call it off the UI goroutine.
func (l *catalogLoader) ensureService(c *catalog.Catalog, action string) error {
	id, file, loaded, err := c.ServiceFor(action)
	if err != nil || loaded || file == "" {
		return err
	}
	l.mu.Lock()
	if l.services == nil {
		l.services = map[string]*serviceLoad{}
	}
	s, ok := l.services[id]
	if !ok || s.failed() {
		s = &serviceLoad{done: make(chan struct{})}
		l.services[id] = s
		go func() {
			defer close(s.done)
			raw, err := fetchCatalogFile(path.Clean(file))
			if err == nil {
				err = c.AddService(id, raw)
			}
			s.err = err
		}()
	}
	l.mu.Unlock()
	<-s.done
	return s.err
}

// failed reports whether a finished fetch failed (so it may be retried).
func (s *serviceLoad) failed() bool {
	select {
	case <-s.done:
		return s.err != nil
	default:
		return false
	}
}

// actionSkeleton returns the Parameters of a new Task calling action: its
// required members with placeholders (catalog.Skeleton).
func (l *catalogLoader) actionSkeleton(action string) (map[string]any, error) {
	c := l.loaded()
	if c == nil {
		return nil, fmt.Errorf("the action catalog is not loaded")
	}
	if err := l.ensureService(c, action); err != nil {
		return nil, fmt.Errorf("loading the shapes of %s: %w", action, err)
	}
	return c.Skeleton(action)
}

// actionPalette is the palette's searchable list of service integrations:
// every AWS SDK action and optimized integration of engine/catalog. It
// loads the catalog's index when the search box is first focused or typed
// into, and searches on every keystroke. Its results are dragged onto the
// canvas like the flow states.
type actionPalette struct {
	app.Compo

	// Studio receives the drags.
	Studio *Studio

	query   string
	results []catalog.Result
	status  string
	// searches counts the searches run; searchMS is the last one's time
	// (catalog.Search alone), renderMS the last keystroke's time until the
	// results were in the DOM. Tests read them from data attributes.
	searches           int
	searchMS, renderMS float64
	// loadMS is the time from first use until the index was searchable.
	loadMS float64
	// started is when the keystroke being answered arrived.
	started float64
}

// Render implements app.Composer.
func (p *actionPalette) Render() app.UI {
	return app.Div().Class("palette-actions").Body(
		app.H2().Text("Actions"),
		app.Input().Type("search").Class("palette-search").Placeholder("Search actions, e.g. put item dynamo").
			Aria("label", "Search actions").Attr("autocomplete", "off").
			// No Value(p.query): the box is the source of the query, and
			// writing back a value one keystroke old (a render that runs
			// after the next key reached the DOM, as on a busy machine
			// while the index loads) would drop what was typed.
			OnFocus(func(ctx app.Context, e app.Event) { p.ensureLoaded(ctx) }).
			OnInput(p.onInput),
		app.Div().Class("palette-results").Attr("role", "list").Aria("label", "Actions found").
			DataSet("searches", strconv.Itoa(p.searches)).
			DataSet("search-ms", strconv.FormatFloat(p.searchMS, 'f', 3, 64)).
			DataSet("render-ms", strconv.FormatFloat(p.renderMS, 'f', 3, 64)).
			DataSet("load-ms", strconv.FormatFloat(p.loadMS, 'f', 1, 64)).
			Body(
				app.If(p.status != "", app.P().Class("empty").Style("font-size", "12px").Text(p.status)),
				app.Range(p.results).Slice(func(i int) app.UI { return p.renderResult(p.results[i]) }),
			),
	)
}

// ensureLoaded starts loading the catalog's index, then searches.
func (p *actionPalette) ensureLoaded(ctx app.Context) {
	if actionsCatalog.loaded() != nil {
		return
	}
	p.status = "Loading the action catalog…"
	t0 := nowMillis()
	actionsCatalog.load(ctx, func(c *catalog.Catalog, err error) {
		p.loadMS = nowMillis() - t0
		if err != nil {
			p.status = err.Error()
			return
		}
		p.status = ""
		p.search(ctx)
	})
}

func (p *actionPalette) onInput(ctx app.Context, e app.Event) {
	p.started = nowMillis()
	p.query = ctx.JSSrc().Get("value").String()
	if actionsCatalog.loaded() == nil {
		p.ensureLoaded(ctx)
		return
	}
	p.search(ctx)
}

// search runs the query, timing catalog.Search and the render after it.
func (p *actionPalette) search(ctx app.Context) {
	c := actionsCatalog.loaded()
	if c == nil {
		return
	}
	t0 := nowMillis()
	if strings.TrimSpace(p.query) == "" {
		p.results = nil
	} else {
		p.results = c.Search(p.query, actionResultLimit)
	}
	p.searchMS = nowMillis() - t0
	p.searches++
	if p.started == 0 {
		p.started = t0
	}
	switch {
	case strings.TrimSpace(p.query) == "":
		p.status = fmt.Sprintf("%d actions: type a service or an action.", c.ActionCount())
	case len(p.results) == 0:
		p.status = "No action matches “" + strings.TrimSpace(p.query) + "”."
	default:
		p.status = ""
	}
	started := p.started
	p.started = 0
	ctx.Defer(func(ctx app.Context) {
		p.renderMS = nowMillis() - started
		// Defer runs after this update: show the time in the next one
		// without asking for it now (typing keeps it current).
	})
}

// renderResult is one found action, draggable onto a transition.
func (p *actionPalette) renderResult(r catalog.Result) app.UI {
	id := r.ID
	name := actionStateName(r)
	return app.Div().Class("palette-item palette-action").DataSet("palette", id).
		Attr("role", "listitem").Attr("tabindex", "0").
		Aria("label", "Add a Task calling "+id+" (drag onto a transition)").
		Title(catalog.ResourcePrefix+id).
		On("pointerdown", func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			s := p.Studio
			if s == nil || s.ctx == nil {
				return
			}
			s.drag = &dragState{stateType: asl.TypeTask, action: id, actionName: name, label: name,
				x: e.Get("clientX").Float(), y: e.Get("clientY").Float()}
			// The studio's context, so the drag re-renders the studio.
			s.startGesture(s.ctx)
			// Fetch the service's shapes now: the drop needs them.
			if c := actionsCatalog.loaded(); c != nil {
				ctx.Async(func() { actionsCatalog.ensureService(c, id) })
			}
		}, id).
		Body(
			app.Span().Class("swatch").Style("background", kindColor["task"]),
			app.Span().Class("action-text").Style("display", "flex").Style("flex-direction", "column").Style("min-width", "0").Body(
				app.Span().Class("action-name").Style("font-weight", "600").Text(r.Action),
				app.Span().Class("action-service").Style("font-size", "11px").Style("opacity", "0.75").Text(r.ServiceName+integrationKind(r)),
				app.Span().Class("action-badges").Style("display", "flex").Style("flex-wrap", "wrap").Style("gap", "3px").Body(
					app.Range(actionPatterns(id)).Slice(func(i int) app.UI {
						b := actionPatterns(id)[i]
						return app.Span().Class("badge").DataSet("pattern", b).Title(patternHelp[b]).
							Style("font-size", "10px").Style("padding", "0 4px").Style("border-radius", "3px").
							Style("border", "1px solid currentColor").Style("opacity", "0.8").Text(b)
					}),
				),
			),
		)
}

// integrationKind tells an optimized integration from the AWS SDK
// integration of the same action, which the palette lists side by side.
func integrationKind(r catalog.Result) string {
	if r.Optimized {
		return " · optimized"
	}
	return " · AWS SDK"
}

// patternHelp explains each integration pattern badge.
var patternHelp = map[string]string{
	"request-response":  "Call the service and go on with its response",
	".sync":             "Run a job and wait for it to finish",
	".sync:2":           "Run a job, wait for it, output as JSON",
	".waitForTaskToken": "Wait for SendTaskSuccess or SendTaskFailure with the task token",
}

// actionPatterns names the integration patterns an action supports: an
// optimized integration's from catalog's curated table; an AWS SDK
// integration supports request-response and .waitForTaskToken (AWS does not
// offer .sync for them).
func actionPatterns(id string) []string {
	pats := []string{catalog.RequestResponse, catalog.WaitForCallback}
	if o := catalog.FindOptimized(id); o != nil {
		pats = o.Patterns
	}
	out := make([]string, len(pats))
	for i, p := range pats {
		if p == catalog.RequestResponse {
			p = "request-response"
		}
		out[i] = p
	}
	return out
}

// actionStateName is the name a Task calling the action gets: the service
// and action in words, as Workflow Studio names them ("DynamoDB PutItem").
func actionStateName(r catalog.Result) string {
	svc := r.Service
	if e, ok := serviceDisplay[svc]; ok {
		svc = e
	} else if svc != "" {
		svc = strings.ToUpper(svc[:1]) + svc[1:]
	}
	act := r.Action
	if act != "" {
		act = strings.ToUpper(act[:1]) + act[1:]
	}
	return strings.TrimSpace(svc + " " + act)
}

// serviceDisplay spells common service ids as AWS writes them.
var serviceDisplay = map[string]string{
	"dynamodb": "DynamoDB", "sns": "SNS", "sqs": "SQS", "s3": "S3", "ecs": "ECS", "eks": "EKS",
	"states": "StepFunctions", "sfn": "StepFunctions", "events": "EventBridge", "eventbridge": "EventBridge",
	"apigateway": "APIGateway", "http": "HTTP", "emr": "EMR", "elasticmapreduce": "EMR", "iam": "IAM",
	"ec2": "EC2", "rds": "RDS", "kms": "KMS", "ssm": "SSM", "ses": "SES", "sesv2": "SESv2",
}

// dropAction inserts a Task calling action on the transition of zone
// ("edge:FROM|TO"): Resource arn:aws:states:::ACTION and Parameters with the
// required members of the action's input. The service's shapes may still
// be on their way; the drop waits for them.
func (s *Studio) dropAction(ctx app.Context, d *dragState, zone string) {
	kind, target, _ := strings.Cut(zone, ":")
	from, to, ok := strings.Cut(target, "|")
	if kind != "edge" || !ok {
		s.hint = "Drop an action on an arrow between two states to insert it there."
		return
	}
	s.hint = "Loading the parameters of " + d.action + "…"
	if s.ctx != nil {
		ctx = s.ctx // report through a source that stays mounted (see continueRun)
	}
	ctx.Async(func() {
		params, err := actionsCatalog.actionSkeleton(d.action)
		ctx.Dispatch(func(ctx app.Context) {
			s.hint = ""
			if err != nil {
				s.hint = err.Error()
				return
			}
			s.insertTask(ctx, d, from, to, params)
		})
	})
}

// insertTask inserts the Task of a dropped action between from and to.
func (s *Studio) insertTask(ctx app.Context, d *dragState, from, to string, params map[string]any) {
	var name string
	if s.change(ctx, func(root *asl.Value) error {
		name = asl.UniqueName(root, d.actionName)
		st := newTaskState(d.action, params, to)
		if err := asl.InsertOnTransition(root, from, to, name, st); err != nil {
			return err
		}
		return s.refuseNewErrors(root)
	}) {
		s.selected = name
		s.save(ctx)
	}
}

// newTaskState is a Task calling action with Parameters params, going on
// to next.
func newTaskState(action string, params map[string]any, next string) *asl.Value {
	st := asl.NewObject()
	st.Set("Type", asl.NewString(asl.TypeTask))
	st.Set("Resource", asl.NewString(catalog.ResourcePrefix+action))
	st.Set("Parameters", asl.FromAny(params))
	st.Set("Next", asl.NewString(next))
	return st
}
