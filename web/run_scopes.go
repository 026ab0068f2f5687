package web

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sim"
)

// Kinds of container states, whose inner states run once per Map
// iteration or Parallel branch.
const (
	kindMap      = "map"
	kindParallel = "parallel"
)

// parentRef is the container a nested state belongs to: the Map or
// Parallel state and, for a Parallel, the branch index.
type parentRef struct {
	container string
	branch    int
	kind      string
}

// containerIndex maps every state nested in a Map or Parallel to its
// innermost container (state names are unique in ASL).
func containerIndex(sm *asl.StateMachine) map[string]parentRef {
	out := map[string]parentRef{}
	var walk func(m *asl.StateMachine, p parentRef)
	walk = func(m *asl.StateMachine, p parentRef) {
		if m == nil {
			return
		}
		for _, s := range m.States {
			name := s.Common().Name
			if p.container != "" {
				out[name] = p
			}
			switch t := s.(type) {
			case *asl.ParallelState:
				for i, b := range t.Branches {
					walk(b, parentRef{container: name, branch: i, kind: kindParallel})
				}
			case *asl.MapState:
				walk(t.Processor, parentRef{container: name, kind: kindMap})
			}
		}
	}
	walk(sm, parentRef{})
	return out
}

// runScope is one Map iteration or Parallel branch of a container's
// latest visit: its status, and the input and output of its states at the
// first level (kept for the iterations the history view shows).
type runScope struct {
	Index     int
	Status    string // running, succeeded, failed or aborted
	Input     any
	Output    any
	HasInput  bool
	HasOutput bool
	// ended: the scope's latest event is the exit of one of its states
	// (a scope runs on from an exit without waiting, so it has reached
	// its end state when its container stops).
	ended bool
}

// containerRun is the latest visit (latest attempt) of a Map or Parallel
// state in a history prefix.
type containerRun struct {
	Kind string
	// Length is the Map's item count (MapStateStarted).
	Length int
	// Distributed is set for a distributed Map: its child executions are
	// not in the history.
	Distributed bool
	// Scopes are the iterations or branches started, in the order they
	// started (index order).
	Scopes []*runScope
	// active is the scope whose states the history speaks of last (the
	// one shown when none is picked), nil before any.
	active *runScope
}

// latest returns the scope shown when none is picked: the one the history
// speaks of last, else the last started.
func (c *containerRun) latest() *runScope {
	if c.active != nil {
		return c.active
	}
	if len(c.Scopes) == 0 {
		return nil
	}
	return c.Scopes[len(c.Scopes)-1]
}

// scope returns the iteration or branch with index i, or nil.
func (c *containerRun) scope(i int) *runScope {
	if c == nil {
		return nil
	}
	if i >= 0 && i < len(c.Scopes) && c.Scopes[i].Index == i {
		return c.Scopes[i]
	}
	for _, s := range c.Scopes {
		if s.Index == i {
			return s
		}
	}
	return nil
}

// scopeOrNew returns the scope with index i, starting it when the history
// has not said so (a Parallel branch starts with its first state).
func (c *containerRun) scopeOrNew(i int) *runScope {
	if sc := c.scope(i); sc != nil || i < 0 {
		return sc
	}
	sc := &runScope{Index: i, Status: sim.StateRunning}
	c.Scopes = append(c.Scopes, sc)
	return sc
}

// stop ends the scopes still running when their container ends: those
// that reached their end succeeded, the others get status.
func (c *containerRun) stop(status string) {
	for _, sc := range c.Scopes {
		if sc.Status != sim.StateRunning {
			continue
		}
		if sc.ended && status != scopeAborted {
			sc.Status = sim.StateSucceeded
		} else {
			sc.Status = status
		}
	}
}

// counts returns how many scopes have each status.
func (c *containerRun) counts() map[string]int {
	out := map[string]int{}
	for _, s := range c.Scopes {
		out[s.Status]++
	}
	return out
}

// Scope statuses beyond the state statuses of package sim.
const scopeAborted = "aborted"

// isFailure tells the events that fail a state's attempt (as
// sim.HistoryStatuses reads them).
func isFailure(t string) bool {
	switch {
	case strings.HasPrefix(t, "Execution"), strings.HasPrefix(t, "MapIteration"), t == "MapRunFailed":
		return false
	case t == "EvaluationFailed":
		return true
	}
	return strings.HasSuffix(t, "Failed") || strings.HasSuffix(t, "TimedOut")
}

// scanScopes reads the Map iterations and Parallel branches of a history
// prefix, and returns the events to show when the user picked one
// iteration of some Maps (picks: Map state → iteration index): the events
// inside the other iterations are left out, so that the canvas and the
// data inspector show the picked iteration's states — their latest visit
// is in that iteration. The MapIteration* markers stay, so every
// iteration's status is known. A pick beyond the Map's items filters
// nothing. Parallel branches are not filtered (each branch has its own
// states on the canvas). Branches and iterations may interleave: events
// are placed by their previousEventId chains (visitsOf).
func scanScopes(events []*sim.Event, parents map[string]parentRef, picks map[string]int) ([]*sim.Event, map[string]*containerRun) {
	h := visitsOf(events, parents)
	out := map[string]*containerRun{}
	runs := map[int]*containerRun{}         // by container visit
	failing := map[int]bool{}               // visits whose latest attempt failed
	scopeOfVisit := func(v int) *runScope { // the scope a visit runs in
		if v < 0 || h.visits[v].parent < 0 {
			return nil
		}
		c := runs[h.visits[v].parent]
		if c == nil {
			return nil
		}
		if c.Kind == kindParallel {
			return c.scopeOrNew(h.visits[v].scope)
		}
		return c.scope(h.visits[v].scope)
	}
	hidden := func(v int) bool {
		for ; v >= 0; v = h.visits[v].parent {
			p := h.visits[v].parent
			if p < 0 || h.visits[p].kind != "Map" {
				continue
			}
			pick, ok := picks[h.visits[p].name]
			if ok && pick != h.visits[v].scope && pick >= 0 && runs[p] != nil && pick < runs[p].Length {
				return true
			}
		}
		return false
	}
	filtered := events
	if len(picks) > 0 {
		filtered = make([]*sim.Event, 0, len(events))
	}
	for i, ev := range events {
		o := int(h.owner[i])
		if len(picks) > 0 && !hidden(o) {
			filtered = append(filtered, ev)
		}
		if sc := scopeOfVisit(o); sc != nil {
			runs[h.visits[o].parent].active = sc
		}
		t, d := ev.Type, ev.Details
		switch {
		case strings.HasSuffix(t, "StateEntered") && d != nil && o >= 0:
			if k := h.visits[o].kind; k == "Map" || k == "Parallel" {
				c := &containerRun{Kind: kindMap}
				if k == "Parallel" {
					c.Kind = kindParallel
				}
				runs[o], out[d.Name] = c, c
			}
			failing[o] = false
			if sc := scopeOfVisit(o); sc != nil {
				if !sc.HasInput {
					sc.Input, sc.HasInput = d.Input, true
				}
				sc.ended = false
			}
		case strings.HasSuffix(t, "StateExited") && d != nil && o >= 0:
			if sc := scopeOfVisit(o); sc != nil {
				sc.Output, sc.HasOutput, sc.ended = d.Output, true, true
			}
		case t == "MapStateStarted" || t == "ParallelStateStarted":
			// A new attempt (a retry) starts the scopes afresh.
			if c := runs[o]; c != nil {
				c.Scopes, c.active = nil, nil
				if d != nil {
					c.Length = d.Length
				}
			}
		case t == "MapRunStarted":
			if c := runs[o]; c != nil {
				c.Distributed = true
			}
		case t == "MapIterationStarted" && d != nil:
			if c := runs[o]; c != nil {
				c.scopeOrNew(d.Index)
			}
		case strings.HasPrefix(t, "MapIteration") && d != nil:
			if sc := runs[o].scope(d.Index); sc != nil {
				switch t {
				case "MapIterationSucceeded":
					sc.Status = sim.StateSucceeded
				case "MapIterationFailed":
					sc.Status = sim.StateFailed
				default:
					sc.Status = scopeAborted
				}
			}
		case t == "ParallelStateSucceeded" || t == "MapStateSucceeded":
			if c := runs[o]; c != nil {
				c.stop(sim.StateSucceeded)
			}
		case t == "ParallelStateFailed" || t == "MapStateFailed":
			if c := runs[o]; c != nil {
				c.stop(sim.StateFailed)
			}
		case t == "ParallelStateAborted" || t == "MapStateAborted":
			if c := runs[o]; c != nil {
				c.stop(scopeAborted)
			}
		case strings.HasSuffix(t, "StateAborted"):
			// A failing branch stops the others: the state it failed in
			// is failed, the states it stopped are aborted.
			if sc := scopeOfVisit(o); sc != nil && sc.Status == sim.StateRunning {
				sc.Status = scopeAborted
				if failing[o] {
					sc.Status = sim.StateFailed
				}
			}
		case strings.HasSuffix(t, "Scheduled"):
			failing[o] = false
		case isFailure(t):
			failing[o] = true
			if sc := scopeOfVisit(o); sc != nil {
				sc.ended = false
			}
		case strings.HasPrefix(t, "Execution") && (strings.HasSuffix(t, "Failed") || strings.HasSuffix(t, "TimedOut") || strings.HasSuffix(t, "Aborted")):
			status := sim.StateFailed
			if strings.HasSuffix(t, "Aborted") {
				status = scopeAborted
			}
			for _, c := range runs {
				c.stop(status)
			}
		}
	}
	return filtered, out
}

// scopeView is the history prefix the canvas and the inspector show, with
// the user's Map iteration picks applied, and what it says about every
// Map and Parallel.
type scopeView struct {
	events     []*sim.Event
	containers map[string]*containerRun
}

// parents returns the container index of the open document, cached per
// parsed definition.
func (r *runSession) parents(sm *asl.StateMachine) map[string]parentRef {
	if r.parentsOf != sm || r.parentIdx == nil {
		r.parentsOf, r.parentIdx = sm, containerIndex(sm)
	}
	return r.parentIdx
}

// scoped returns the shown history with the picks applied, computed once per
// change of the history, the view or the picks.
func (s *Studio) scoped() *scopeView {
	r := s.runs()
	ev := r.shown()
	key := scopeKey{n: len(ev), view: r.view, picks: r.pickGen, seq: r.seq, sm: s.doc.SM}
	if len(ev) > 0 {
		key.last = ev[len(ev)-1]
	}
	if r.scopeCache != nil && r.scopeCacheKey == key {
		return r.scopeCache
	}
	filtered, cs := scanScopes(ev, r.parents(s.doc.SM), r.picks)
	r.scopeCache, r.scopeCacheKey = &scopeView{events: filtered, containers: cs}, key
	return r.scopeCache
}

// scopeKey identifies what a scopeView was computed from.
type scopeKey struct {
	n, view, picks, seq int
	last                *sim.Event
	sm                  *asl.StateMachine
}

// pick chooses the iteration or branch of a container to inspect; -1
// clears the choice (the latest one is shown).
func (r *runSession) pick(container string, index int) {
	if r.picks == nil {
		r.picks = map[string]int{}
	}
	if index < 0 {
		delete(r.picks, container)
	} else {
		r.picks[container] = index
	}
	r.pickGen++
}

// picked returns the index of the iteration or branch the inspector shows
// for a container: the user's pick when the run has it, else the latest.
func (v *scopeView) picked(r *runSession, container string) (*runScope, bool) {
	c := v.containers[container]
	if c == nil || len(c.Scopes) == 0 {
		return nil, false
	}
	if p, ok := r.picks[container]; ok {
		if sc := c.scope(p); sc != nil {
			return sc, true
		}
	}
	return c.latest(), false
}
