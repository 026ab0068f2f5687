package web

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/sim"
)

// A history read as visits: every entry of a state, from its StateEntered
// to its StateExited, owns the events between them that belong to it. The
// engine runs Parallel branches and concurrent Map iterations the way AWS
// does, interleaved in virtual time, so the events of one visit are not
// contiguous: an event belongs to the visit its previousEventId chain
// leads to, as in AWS's GetExecutionHistory.

// visit is one entry of a state in a history.
type visit struct {
	name string
	// kind is the state type as the events name it: Map, Parallel, Task…
	kind string
	// entered is the index of the visit's StateEntered event.
	entered int
	// parent is the visit of the Map or Parallel state the visit runs in
	// (-1 at the workflow's top level), scope the Map iteration or
	// Parallel branch index in it (-1 at the top level).
	parent, scope int
	exited        bool
	// last is the index of the latest event the visit owns.
	last int
}

// historyVisits is the visits of a history and the owner of each event.
type historyVisits struct {
	events []*sim.Event
	visits []visit
	// owner is the visit each event belongs to, by event index; -1 for
	// the execution's own events.
	owner []int32
	// byID indexes events by id when ids are not their positions + 1.
	byID map[int64]int
}

// visitsOf reads the visits of a history or of a prefix of one. parents
// (containerIndex of the definition, may be nil) places the states of a
// Parallel branch by name: run one after the other (sim's
// InterleaveBranches off), a branch's first state follows the previous
// branch's last on the chain.
func visitsOf(events []*sim.Event, parents map[string]parentRef) *historyVisits {
	h := &historyVisits{events: events, owner: make([]int32, len(events))}
	for i, ev := range events {
		if ev.ID != int64(i+1) {
			h.byID = make(map[int64]int, len(events))
			for j, e := range events {
				h.byID[e.ID] = j
			}
			break
		}
	}
	// branches counts the branches started by each ParallelStateStarted
	// (by event index): they enter their first states in branch order.
	branches := map[int]int{}
	for i, ev := range events {
		h.owner[i] = -1
		prev := h.index(ev.PreviousEventID)
		from := -1
		if prev >= 0 {
			from = int(h.owner[prev])
		}
		t, d := ev.Type, ev.Details
		name := ""
		if d != nil {
			name = d.Name
		}
		switch {
		case strings.HasSuffix(t, "StateEntered") && name != "":
			v := visit{name: name, kind: strings.TrimSuffix(t, "StateEntered"), entered: i, parent: -1, scope: -1}
			if prev >= 0 {
				switch pe := events[prev]; {
				case pe.Type == "MapIterationStarted" && pe.Details != nil:
					v.parent, v.scope = h.up(from, func(u *visit) bool { return u.name == pe.Details.Name }), pe.Details.Index
				case pe.Type == "ParallelStateStarted":
					v.parent, v.scope = h.up(from, func(u *visit) bool { return u.kind == "Parallel" }), branches[prev]
					branches[prev]++
				case from >= 0:
					// The next state of the same scope (after an exit).
					v.parent, v.scope = h.visits[from].parent, h.visits[from].scope
				}
			}
			if p, ok := parents[name]; ok && p.kind == kindParallel {
				if v.parent < 0 || h.visits[v.parent].name != p.container {
					v.parent = h.upOrOpen(from, func(u *visit) bool { return u.name == p.container })
				}
				v.scope = p.branch
			}
			h.visits = append(h.visits, v)
			h.owner[i] = int32(len(h.visits) - 1)
			continue
		case strings.HasSuffix(t, "StateExited") && name != "":
			h.owner[i] = int32(h.upOrOpen(from, func(u *visit) bool { return u.name == name }))
			if o := h.owner[i]; o >= 0 {
				h.visits[o].exited = true
			}
			continue
		case strings.HasPrefix(t, "MapIteration") && name != "":
			h.owner[i] = int32(h.upOrOpen(from, func(u *visit) bool { return u.name == name }))
			continue
		case strings.HasPrefix(t, "MapState") || strings.HasPrefix(t, "MapRun"):
			h.owner[i] = int32(h.upOrOpen(from, func(u *visit) bool { return u.kind == "Map" }))
			continue
		case strings.HasPrefix(t, "ParallelState"):
			h.owner[i] = int32(h.upOrOpen(from, func(u *visit) bool { return u.kind == "Parallel" }))
			continue
		case strings.HasPrefix(t, "Execution"):
			continue
		}
		h.owner[i] = int32(from)
	}
	for i, o := range h.owner {
		if o >= 0 {
			h.visits[o].last = i
		}
	}
	return h
}

// index returns the position of the event with an id, or -1.
func (h *historyVisits) index(id int64) int {
	if id <= 0 {
		return -1
	}
	if h.byID != nil {
		if i, ok := h.byID[id]; ok {
			return i
		}
		return -1
	}
	if int(id) <= len(h.events) {
		return int(id) - 1
	}
	return -1
}

// up returns the visit v or the nearest container around it that
// matches, or -1.
func (h *historyVisits) up(v int, match func(*visit) bool) int {
	for v >= 0 {
		if match(&h.visits[v]) {
			return v
		}
		v = h.visits[v].parent
	}
	return -1
}

// upOrOpen is up, falling back on the latest visit not yet exited that
// matches (an event whose chain could not be followed).
func (h *historyVisits) upOrOpen(v int, match func(*visit) bool) int {
	if u := h.up(v, match); u >= 0 {
		return u
	}
	for u := len(h.visits) - 1; u >= 0; u-- {
		if !h.visits[u].exited && match(&h.visits[u]) {
			return u
		}
	}
	return -1
}

// latest returns the visit of a state the history speaks of last (Map
// iterations of one state run at once), or -1.
func (h *historyVisits) latest(name string) int {
	best := -1
	for v := range h.visits {
		if h.visits[v].name == name && (best < 0 || h.visits[v].last > h.visits[best].last) {
			best = v
		}
	}
	return best
}
