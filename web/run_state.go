package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/aslstudio/aslstudio/assets"
	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/layout"
	"github.com/aslstudio/aslstudio/engine/sim"
)

// Tabs of the run panel.
const (
	runTabInput  = "input"
	runTabMocks  = "mocks"
	runTabEvents = "events"
	runTabData   = "data"
	runTabTest   = "test"
)

// notReached is the data-status of a state a run has not entered.
const notReached = "not-reached"

// runSession is the run mode of one open document: what to run it with
// (input, mocks, execution type), the execution in progress and what the
// user looks at (a point in its history, a tab, breakpoints).
type runSession struct {
	// doc is the document the session belongs to; opening another
	// document starts a new session.
	doc *document
	// key identifies the session in event handler scopes: go-app formats
	// scopes with fmt.Sprint, and formatting the session itself walked
	// its whole history on every render (seconds for a 25k-event run).
	key string

	example  string // gallery id, when the document is an example
	input    string
	mocks    string // MockConfigFile text ("" = no mocks)
	machine  string // StateMachines entry of the mocks
	testCase string
	execType string
	tab      string
	// inputErr and mocksErr say why the input or the mocks do not parse.
	inputErr, mocksErr string

	ex     *sim.Execution
	events []*sim.Event
	// view is how many events the canvas and the inspector show (time
	// travel); -1 follows the live execution.
	view int
	// running is set while the engine runs in chunks; abort asks the next
	// chunk to stop.
	running, abort bool
	// seq numbers runs, so that a chunk of an earlier run does nothing.
	seq         int
	breakpoints map[string]bool
	// stoppedAt names the breakpoint the run stopped on.
	stoppedAt string
	started   time.Time
	elapsed   time.Duration
	startErr  string

	filter string
	// eventSel is the id of the event chosen in the events table.
	eventSel int64

	tokOutput, tokError, tokCause, tokNote string

	test testForm
	// perState are the per-state mocks, by state name.
	perState map[string]*stateMock

	// picks are the Map iteration or Parallel branch chosen per container
	// state; pickGen counts their changes.
	picks   map[string]int
	pickGen int
	// parentIdx is the container index of parentsOf (run_scopes.go).
	parentsOf *asl.StateMachine
	parentIdx map[string]parentRef
	// saved are the document's saved inputs (run_inputs.go), read from
	// the browser once; savedSel is the one picked, saveName the name typed.
	saved                         []savedInput
	savedLoaded                   bool
	savedSel, saveName, savedNote string
	// statusCache holds the statuses and taken edges of statusCacheKey.
	statusCache    *canvasRun
	statusCacheKey statusKey
	// scopeCache is the last scoped view, computed from scopeCacheKey.
	scopeCache    *scopeView
	scopeCacheKey scopeKey
}

// sessions holds the run session of each studio (there is one per page).
var sessions = map[*Studio]*runSession{}

// runs returns the run session of the open document, starting a new one
// (with the example's input and mocks) when the document changed.
func (s *Studio) runs() *runSession {
	r := sessions[s]
	if r != nil && r.doc == s.doc {
		return r
	}
	r = &runSession{doc: s.doc, view: -1, tab: runTabInput, execType: sim.Standard, input: "{}",
		breakpoints: map[string]bool{}, perState: map[string]*stateMock{}}
	r.key = fmt.Sprintf("run-%p", r)
	if s.doc != nil {
		for _, ex := range assets.Examples() {
			if ex.Title == s.doc.Name {
				r.example = ex.ID
				r.input = string(ex.Input())
				r.mocks = string(ex.Mocks())
				r.machine, r.testCase = ex.StateMachine, ex.TestCase
				if ex.ExecutionType == sim.Express {
					r.execType = sim.Express
				}
				break
			}
		}
	}
	sessions[s] = r
	return r
}

// shown is the prefix of the history the user looks at.
func (r *runSession) shown() []*sim.Event {
	if r.view < 0 || r.view > len(r.events) {
		return r.events
	}
	return r.events[:r.view]
}

// live reports whether the view follows the execution.
func (r *runSession) live() bool { return r.view < 0 || r.view >= len(r.events) }

// testCases lists the test cases of the mocks' state machine.
func (r *runSession) testCases() (machines []string, cases []string) {
	mc, err := sim.ParseMockConfig([]byte(r.mocks))
	if err != nil || mc == nil {
		return nil, nil
	}
	for name := range mc.StateMachines {
		machines = append(machines, name)
	}
	sortStrings(machines)
	m := mc.StateMachines[r.machine]
	if m == nil && len(machines) == 1 {
		m = mc.StateMachines[machines[0]]
	}
	if m != nil {
		for c := range m.TestCases {
			cases = append(cases, c)
		}
	}
	sortStrings(cases)
	return machines, cases
}

func sortStrings(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// runStatuses computes each state's status from a prefix of the history
// (sim.HistoryStatuses, the engine's own reading), so that stepping back
// in time shows the canvas as it was. finished tells whether the prefix
// ends the execution; paused names the state waiting for a task token.
func runStatuses(events []*sim.Event, finished bool, paused string) map[string]*sim.StateRun {
	st := sim.HistoryStatuses(events, finished)
	if paused != "" {
		if st[paused] == nil {
			st[paused] = &sim.StateRun{}
		}
		st[paused].Status = sim.StatePaused
	}
	return st
}

// takenEdges names the transitions FROM|TO a history prefix took: a state
// entered from the exit of another one, through the previousEventId chain
// (Parallel branches and Map iterations interleave their events).
func takenEdges(events []*sim.Event) map[string]bool {
	out := map[string]bool{}
	exited := map[int64]string{} // StateExited events by id: the state's name
	for _, ev := range events {
		if ev.Details == nil || ev.Details.Name == "" {
			continue
		}
		switch {
		case strings.HasSuffix(ev.Type, "StateEntered"):
			if prev, ok := exited[ev.PreviousEventID]; ok && prev != ev.Details.Name {
				out[prev+"|"+ev.Details.Name] = true
			}
		case strings.HasSuffix(ev.Type, "StateExited"):
			exited[ev.ID] = ev.Details.Name
		}
	}
	return out
}

// canvasRun is what the canvas draws of the run: per-state status and
// attempts, edges taken, breakpoints. nil when there is nothing to draw.
type canvasRun struct {
	states map[string]*sim.StateRun
	edges  map[string]bool
	bps    map[string]bool
	// containers are the Map iterations and Parallel branches of the run;
	// picks the ones the user chose to inspect.
	containers map[string]*containerRun
	picks      map[string]int
}

// canvasRunState is computed once per render of the canvas.
func (s *Studio) canvasRunState() *canvasRun {
	if !s.runOnCanvas() {
		return nil
	}
	r := s.runs()
	c := &canvasRun{bps: r.breakpoints}
	if r.ex != nil {
		sv := s.scoped()
		ev := sv.events
		c.containers, c.picks = sv.containers, r.picks
		paused := ""
		if r.live() {
			if tok, st := r.ex.WaitingToken(); tok != "" {
				paused = st
			}
		}
		key := statusKey{scope: r.scopeCacheKey, finished: r.live() && r.ex.Done(), paused: paused}
		if r.statusCache == nil || r.statusCacheKey != key {
			r.statusCache = &canvasRun{states: runStatuses(ev, key.finished, paused), edges: takenEdges(ev)}
			r.statusCacheKey = key
		}
		c.states, c.edges = r.statusCache.states, r.statusCache.edges
	}
	return c
}

// runOnCanvas reports whether the canvas shows a run or breakpoints of
// the document, without making a run session for it as runs does.
func (s *Studio) runOnCanvas() bool {
	r := sessions[s]
	return r != nil && r.doc == s.doc && (r.ex != nil || len(r.breakpoints) > 0)
}

// statusKey identifies what the cached statuses and taken edges were
// computed from, so that a render that changes nothing in the run (a
// keystroke elsewhere) does not walk the history again.
type statusKey struct {
	scope    scopeKey
	finished bool
	paused   string
}

// nodeAttrs are the run attributes of a state on the canvas.
func (c *canvasRun) nodeAttrs(b *strings.Builder, name string) {
	if c == nil {
		return
	}
	if c.states != nil {
		status := notReached
		if sr := c.states[name]; sr != nil && sr.Status != "" {
			status = sr.Status
			if sr.Attempts > 1 {
				attr(b, "data-attempts", itoa(sr.Attempts))
			}
		}
		attr(b, "data-status", status)
	}
	if c.bps[name] {
		attr(b, "data-breakpoint", "true")
	}
}

// nodeBadges draws the attempt count and the breakpoint mark of a state.
func (c *canvasRun) nodeBadges(b *strings.Builder, name string, w float64) {
	if c == nil {
		return
	}
	if c.bps[name] {
		b.WriteString(`<circle data-part="breakpoint" r="5" cx="-9" cy="12"/>`)
	}
	if sr := c.states[name]; sr != nil && sr.Attempts > 1 {
		b.WriteString(`<g data-part="attempts"`)
		attr(b, "transform", translate(w-14, -6))
		b.WriteString(`><title>attempts</title><rect x="-16" y="-9" width="32" height="18" rx="9"/><text text-anchor="middle" y="4">×`)
		b.WriteString(itoa(sr.Attempts))
		b.WriteString(`</text></g>`)
	}
}

// edgeAttrs marks a transition the run took.
func (c *canvasRun) edgeAttrs(b *strings.Builder, from, to string) {
	if c != nil && c.edges[from+"|"+to] {
		attr(b, "data-taken", "true")
	}
}

func itoa(n int) string {
	return strings.TrimSpace(string(asl.EncodeJSON(int64(n))))
}

// prettyJSON formats a runtime value as indented JSON.
func prettyJSON(v any) string {
	raw := asl.EncodeJSON(v)
	var out bytes.Buffer
	if err := json.Indent(&out, raw, "", "  "); err != nil {
		return string(raw)
	}
	return out.String()
}

// drawRun is the run state the canvas drawing in progress shows.
var drawRun *canvasRun

// groupAttrs are the run attributes of a group box: a Map's iteration
// count and the iteration picked, a Parallel branch's status.
func (c *canvasRun) groupAttrs(b *strings.Builder, n *layout.Node) {
	if c == nil || c.containers == nil {
		return
	}
	if n.Kind == "branch" {
		if sc := c.branchScope(n.ID); sc != nil {
			attr(b, "data-branch-status", sc.Status)
		}
		return
	}
	cr := c.containers[n.State]
	if cr == nil {
		return
	}
	if cr.Kind == kindMap {
		attr(b, "data-iterations", itoa(len(cr.Scopes)))
	}
	if p, ok := c.picks[n.State]; ok && cr.scope(p) != nil {
		attr(b, "data-picked", itoa(p))
	}
}

// branchScope returns the run of a Parallel branch box ("<Parallel>#<i>").
func (c *canvasRun) branchScope(id string) *runScope {
	k := strings.LastIndexByte(id, '#')
	if k < 0 {
		return nil
	}
	i, ok := atoi(id[k+1:])
	if !ok {
		return nil
	}
	return c.containers[id[:k]].scope(i)
}

// groupBadges draws a Map's per-iteration summary (succeeded, failed,
// running, and the iteration picked) as a tab on its box's top border, and
// a Parallel branch's status as a dot on its box's corner.
func (c *canvasRun) groupBadges(b *strings.Builder, n *layout.Node) {
	if c == nil || c.containers == nil {
		return
	}
	if n.Kind == "branch" {
		sc := c.branchScope(n.ID)
		if sc == nil {
			return
		}
		mark := map[string]string{sim.StateSucceeded: "✓", sim.StateFailed: "✗", sim.StateRunning: "…", scopeAborted: "■"}[sc.Status]
		b.WriteString(`<g data-part="branch-status"`)
		attr(b, "data-status", sc.Status)
		attr(b, "transform", translate(n.W-12, 0))
		b.WriteString(`><title>branch `)
		b.WriteString(itoa(sc.Index + 1))
		b.WriteString(` ` + sc.Status + `</title><circle r="8"/><text text-anchor="middle" y="4">`)
		b.WriteString(mark)
		b.WriteString(`</text></g>`)
		return
	}
	cr := c.containers[n.State]
	if cr == nil || cr.Kind != kindMap || len(cr.Scopes) == 0 {
		return
	}
	cnt := cr.counts()
	var parts []string
	if k := cnt[sim.StateSucceeded]; k > 0 {
		parts = append(parts, "✓ "+itoa(k))
	}
	if k := cnt[sim.StateFailed] + cnt[scopeAborted]; k > 0 {
		parts = append(parts, "✗ "+itoa(k))
	}
	if k := cnt[sim.StateRunning]; k > 0 {
		parts = append(parts, "● "+itoa(k))
	}
	label := strings.Join(parts, "  ")
	if p, ok := c.picks[n.State]; ok && cr.scope(p) != nil {
		label += "  ·  #" + itoa(p)
	} else {
		label += "  ·  latest #" + itoa(cr.latest().Index)
	}
	w := 16 + 6.6*float64(len([]rune(label)))
	status := sim.StateSucceeded
	switch {
	case cnt[sim.StateFailed]+cnt[scopeAborted] > 0:
		status = sim.StateFailed
	case cnt[sim.StateRunning] > 0:
		status = sim.StateRunning
	}
	b.WriteString(`<g data-part="iterations"`)
	attr(b, "data-status", status)
	attr(b, "transform", translate(n.W-w-10, -13))
	b.WriteString(`><title>Map iterations (pick one in the State data tab)</title><rect rx="9" height="18"`)
	attr(b, "width", num(w))
	b.WriteString(`/><text y="13"`)
	attr(b, "x", num(w/2))
	b.WriteString(` text-anchor="middle">`)
	b.WriteString(html.EscapeString(label))
	b.WriteString(`</text></g>`)
}

// atoi parses a non-negative decimal number.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
