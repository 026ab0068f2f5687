package validate

import (
	"unicode/utf8"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// maxStateName is the longest state name AWS accepts, in characters.
const maxStateName = 80

// stateName checks a state's name.
func (c *checker) stateName(f *asl.Field, ptr string) {
	n := utf8.RuneCountInString(f.Key)
	switch {
	case n == 0:
		c.report(Error, CodeInvalidStateName, fieldPos(f), ptr, "State name must not be empty")
	case n > maxStateName:
		c.report(Error, CodeInvalidStateName, fieldPos(f), ptr, "State name '%s' is %d characters long; the maximum is %d", f.Key, n, maxStateName)
	}
}

// hasFlow reports whether a state type transitions with Next / End.
func hasFlow(typ string) bool {
	switch typ {
	case asl.TypeTask, asl.TypePass, asl.TypeWait, asl.TypeParallel, asl.TypeMap:
		return true
	}
	return false
}

// nextEnd checks that a state has exactly one of Next and End, and records
// its transition.
func (c *checker) nextEnd(sc *scope, st *stateInfo) {
	if !hasFlow(st.typ) {
		return
	}
	o := st.o
	nf, nptr := o.field("Next")
	ef, eptr := o.field("End")
	end := false
	if ef != nil {
		end, _ = c.wantBool(ef, eptr)
	}
	if nf != nil {
		if s, ok := c.wantString(nf, nptr); ok {
			c.addTarget(sc, st, s, "Next", nptr, nf.Value.Pos)
		}
	}
	switch {
	case nf != nil && end:
		c.errorf(fieldPos(ef), eptr, "Only one of 'Next' or 'End' can be set")
	case nf == nil && !end:
		if ef != nil && ef.Value.Kind == asl.Bool {
			c.errorf(fieldPos(ef), eptr, "'End' must be true when 'Next' is not set")
		} else if ef == nil {
			c.errorf(st.keyPos, o.ptr, "These fields are required: [Next or End]")
		}
	}
	if end && nf == nil {
		st.terminal = true
	}
	if ef != nil && ef.Value.Kind != asl.Bool {
		st.terminal = true // already reported; avoid a second error about terminal states
	}
}

// addTarget records a transition from st (nil for StartAt) to name.
func (c *checker) addTarget(sc *scope, st *stateInfo, name, field, ptr string, pos asl.Pos) {
	sc.targets = append(sc.targets, target{name: name, field: field, ptr: ptr, pos: pos, from: st})
	if st != nil {
		st.next = append(st.next, name)
	}
}

// transitions checks a scope's graph: every target exists in the scope,
// every state is the target of a transition, states the start cannot reach
// (warning), and that some state ends the workflow.
func (c *checker) transitions(sc *scope) {
	targeted := make(map[string]bool, len(sc.states))
	for _, t := range sc.targets {
		if _, ok := sc.states[t.name]; ok {
			targeted[t.name] = true
			continue
		}
		if !c.opts.RejectPlaceholders && hasSubstitution(t.name) {
			continue
		}
		msg := "Missing '" + t.field + "' target: " + t.name
		if where := c.where(t.name); where != "" {
			msg += " (the state at " + where + " is in another scope: transitions cannot leave or enter a Parallel branch or Map processor)"
		}
		c.report(Error, CodeMissingTarget, t.pos, t.ptr, "%s", msg)
	}
	// Without StartAt AWS reports only the missing field.
	hasStart := sc.o.has("StartAt")
	terminal := false
	for _, st := range sc.order {
		if st.terminal {
			terminal = true
		}
		if !targeted[st.name] && hasStart {
			c.report(Error, CodeMissingTarget, st.keyPos, st.o.ptr, "State \"%s\" is not reachable.", st.name)
		}
	}
	if len(sc.order) > 0 && !terminal {
		c.report(Error, CodeMissingEnd, sc.o.v.Pos, sc.o.ptr, "Workflow has no terminal state")
	}
	if c.opts.NoWarnings || len(sc.order) == 0 {
		return
	}
	for _, t := range sc.replacing {
		if st, ok := sc.states[t.name]; ok && st.typ == asl.TypeFail {
			continue
		}
		c.warnf(CodeCatchDropsInput, t.pos, t.ptr, "This catcher replaces the state's input with the error output; set ResultPath (e.g. \"$.error\") to keep the input")
	}
	// Reachability from StartAt: a state can be the target of a transition
	// and still never run (a cycle nothing enters).
	start := ""
	for _, t := range sc.targets {
		if t.from == nil {
			start = t.name
		}
	}
	if _, ok := sc.states[start]; !ok {
		return
	}
	seen := map[string]bool{start: true}
	queue := []string{start}
	for len(queue) > 0 {
		st := sc.states[queue[0]]
		queue = queue[1:]
		for _, n := range st.next {
			if _, ok := sc.states[n]; ok && !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
	}
	for _, st := range sc.order {
		if targeted[st.name] && !seen[st.name] {
			c.warnf(CodeUnreachable, st.keyPos, st.o.ptr, "State \"%s\" can never run: no path from '%s' reaches it", st.name, start)
		}
	}
}
