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
	// Scopes are the iterations or branches started, in history order
	// (index order: the engine runs them one after the other).
	Scopes []*runScope
	open   *runScope
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

// scanScopes reads the Map iterations and Parallel branches of a history
// prefix, and returns the events to show when the user picked one
// iteration of some Maps (picks: Map state → iteration index): the events
// inside the other iterations are left out, so that the canvas and the
// data inspector show the picked iteration's states — their latest visit
// is in that iteration. The MapIteration* markers stay, so every
// iteration's status is known. A pick beyond the Map's items filters
// nothing. Parallel branches are not filtered (each branch has its own
// states on the canvas).
func scanScopes(events []*sim.Event, parents map[string]parentRef, picks map[string]int) ([]*sim.Event, map[string]*containerRun) {
	out := map[string]*containerRun{}
	type frame struct {
		name string
		c    *containerRun
	}
	var stack []frame
	find := func(name string) int {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].name == name {
				return i
			}
		}
		return -1
	}
	innermost := func(kind string) int {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].c.Kind == kind {
				return i
			}
		}
		return -1
	}
	end := func(c *containerRun, status string) {
		if c.open != nil && c.open.Status == sim.StateRunning {
			c.open.Status = status
		}
		c.open = nil
	}
	// popAbove ends the frames above i (inner containers left by a failure).
	popAbove := func(i int, status string) {
		for j := len(stack) - 1; j > i && j >= 0; j-- {
			end(stack[j].c, status)
		}
		if i+1 < len(stack) {
			stack = stack[:i+1]
		}
	}
	filtered := events
	filtering := len(picks) > 0
	if filtering {
		filtered = make([]*sim.Event, 0, len(events))
	}
	skipName, skipIndex, skipping := "", 0, false
	for _, ev := range events {
		t, d := ev.Type, ev.Details
		if skipping {
			switch {
			case strings.HasPrefix(t, "MapIteration") && t != "MapIterationStarted" && d != nil && d.Name == skipName && d.Index == skipIndex:
				skipping = false
			case strings.HasPrefix(t, "Execution"):
				skipping = false
			default:
				continue
			}
		}
		if filtering {
			filtered = append(filtered, ev)
		}
		switch {
		case strings.HasSuffix(t, "StateEntered") && d != nil:
			if p, ok := parents[d.Name]; ok {
				if i := find(p.container); i >= 0 {
					popAbove(i, sim.StateFailed)
					c := stack[i].c
					switch {
					case p.kind == kindParallel && (c.open == nil || c.open.Index != p.branch):
						end(c, sim.StateSucceeded)
						c.open = &runScope{Index: p.branch, Status: sim.StateRunning, Input: d.Input, HasInput: true}
						c.Scopes = append(c.Scopes, c.open)
					case p.kind == kindMap && c.open != nil && !c.open.HasInput:
						c.open.Input, c.open.HasInput = d.Input, true
					}
				}
			}
			switch t {
			case "MapStateEntered":
				c := &containerRun{Kind: kindMap}
				out[d.Name] = c
				stack = append(stack, frame{d.Name, c})
			case "ParallelStateEntered":
				c := &containerRun{Kind: kindParallel}
				out[d.Name] = c
				stack = append(stack, frame{d.Name, c})
			}
		case strings.HasSuffix(t, "StateExited") && d != nil:
			if t == "MapStateExited" || t == "ParallelStateExited" {
				if i := find(d.Name); i >= 0 {
					popAbove(i, sim.StateFailed)
					end(stack[i].c, sim.StateSucceeded)
					stack = stack[:i]
				}
			}
			if p, ok := parents[d.Name]; ok {
				if i := find(p.container); i >= 0 {
					if o := stack[i].c.open; o != nil {
						o.Output, o.HasOutput = d.Output, true
					}
				}
			}
		case t == "MapStateStarted" || t == "ParallelStateStarted":
			kind := kindMap
			if t == "ParallelStateStarted" {
				kind = kindParallel
			}
			// A new attempt (a retry) starts the scopes afresh.
			if i := innermost(kind); i >= 0 {
				popAbove(i, sim.StateFailed)
				c := stack[i].c
				c.Scopes, c.open = nil, nil
				if d != nil {
					c.Length = d.Length
				}
			}
		case t == "MapRunStarted":
			if i := innermost(kindMap); i >= 0 {
				stack[i].c.Distributed = true
			}
		case t == "MapIterationStarted" && d != nil:
			if i := find(d.Name); i >= 0 {
				popAbove(i, sim.StateFailed)
				c := stack[i].c
				end(c, sim.StateFailed)
				c.open = &runScope{Index: d.Index, Status: sim.StateRunning}
				c.Scopes = append(c.Scopes, c.open)
				if p, ok := picks[d.Name]; ok && p != d.Index && p >= 0 && p < c.Length {
					skipName, skipIndex, skipping = d.Name, d.Index, true
				}
			}
		case strings.HasPrefix(t, "MapIteration") && d != nil:
			if i := find(d.Name); i >= 0 {
				popAbove(i, sim.StateFailed)
				c := stack[i].c
				if sc := c.scope(d.Index); sc != nil {
					switch t {
					case "MapIterationSucceeded":
						sc.Status = sim.StateSucceeded
					case "MapIterationFailed":
						sc.Status = sim.StateFailed
					default:
						sc.Status = scopeAborted
					}
					if c.open == sc {
						c.open = nil
					}
				}
			}
		case t == "ParallelStateSucceeded":
			if i := innermost(kindParallel); i >= 0 {
				popAbove(i, sim.StateFailed)
				end(stack[i].c, sim.StateSucceeded)
			}
		case t == "ParallelStateFailed" || t == "ParallelStateAborted":
			if i := innermost(kindParallel); i >= 0 {
				popAbove(i, sim.StateFailed)
				status := sim.StateFailed
				if t == "ParallelStateAborted" {
					status = scopeAborted
				}
				end(stack[i].c, status)
			}
		case t == "MapStateFailed" || t == "MapStateAborted":
			if i := innermost(kindMap); i >= 0 {
				popAbove(i, sim.StateFailed)
				end(stack[i].c, sim.StateFailed)
			}
		case strings.HasPrefix(t, "Execution") && (strings.HasSuffix(t, "Failed") || strings.HasSuffix(t, "TimedOut") || strings.HasSuffix(t, "Aborted")):
			status := sim.StateFailed
			if strings.HasSuffix(t, "Aborted") {
				status = scopeAborted
			}
			for j := len(stack) - 1; j >= 0; j-- {
				end(stack[j].c, status)
			}
			stack = nil
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
	return c.Scopes[len(c.Scopes)-1], false
}
