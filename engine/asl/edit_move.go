package asl

import "fmt"

// This file holds the moves of states to another place (what a drag of
// states on the canvas does) and the insertion on one Choice rule. A move
// takes one state, or a chain of them (each going to the next by Next),
// out of its place as Remove does (its predecessors relinked to where the
// chain went) and puts it at the new place as the matching Insert* does:
// the chain's last state takes the place a single state would take, and
// the others come before it in their order.

// chain orders names (in any order) into a chain of states: one scope,
// each state's Next the following one, entered from outside only at the
// first, and no transition inside it going back to an earlier state (a
// loop). It returns the states in chain order.
func chain(op string, doc *Value, names []string) ([]stateRef, error) {
	if len(names) == 0 {
		return nil, editErr(op, "no states to move")
	}
	in := map[string]bool{}
	byName := map[string]stateRef{}
	for i, n := range names {
		if in[n] {
			return nil, editErr(op, "state %q is listed twice", n)
		}
		ref, err := mustFind(op, doc, n)
		if err != nil {
			return nil, err
		}
		if i > 0 && ref.m.states != byName[names[0]].m.states {
			return nil, editErr(op, "%q and %q are not in the same scope: only a chain of states can move together", names[0], n)
		}
		in[n] = true
		byName[n] = ref
	}
	if len(names) == 1 {
		return []stateRef{byName[names[0]]}, nil
	}
	// The head is the one state no other selected state goes to by Next.
	entered := map[string]bool{}
	for _, n := range names {
		if next := str(byName[n].node.Get("Next")); in[next] {
			entered[next] = true
		}
	}
	var out []stateRef
	for _, n := range names {
		if !entered[n] {
			out = append(out, byName[n])
		}
	}
	if len(out) == 0 {
		return nil, editErr(op, "the states are a loop: each goes to another of them")
	}
	if len(out) > 1 {
		return nil, editErr(op, "the states are not a chain (each going to the next): %d of them are not reached from another", len(out))
	}
	pos := map[string]int{out[0].name: 0}
	for len(out) < len(names) {
		last := out[len(out)-1]
		next := str(last.node.Get("Next"))
		if !in[next] {
			return nil, editErr(op, "the states are not a chain (each going to the next): %q does not go to another of them", last.name)
		}
		if _, seen := pos[next]; seen {
			return nil, editErr(op, "the states are a loop: %q goes back to %q", last.name, next)
		}
		pos[next] = len(out)
		out = append(out, byName[next])
	}
	scope := out[0].m
	if start := str(scope.node.Get("StartAt")); in[start] && start != out[0].name {
		return nil, editErr(op, "StartAt goes to %q, inside the chain: only its first state %q can be entered", start, out[0].name)
	}
	for _, f := range scope.states.Fields {
		from, inside := pos[f.Key]
		for _, t := range transitions(f.Value) {
			to, hit := pos[t.target()]
			switch {
			case !hit:
			case !inside && to > 0:
				return nil, editErr(op, "the %s of %q goes to %q, inside the chain: only its first state %q can be entered", transitionName(t.kind), f.Key, t.target(), out[0].name)
			case inside && to <= from:
				return nil, editErr(op, "the %s of %q goes back to %q: a loop cannot move as a chain", transitionName(t.kind), f.Key, t.target())
			}
		}
	}
	return out, nil
}

// moving names what a move moves in its errors: "A" or "A … C".
func moving(refs []stateRef) string {
	if len(refs) == 1 {
		return fmt.Sprintf("%q", refs[0].name)
	}
	return fmt.Sprintf("%q … %q", refs[0].name, refs[len(refs)-1].name)
}

// moveTo runs a move: the chain names leaves its place and insert puts
// its last state's object at anchor's (the others go before it). It
// refuses a move next to a state of the chain or into a Parallel or Map it
// holds, and tries the move on a copy first, so that a failure leaves doc
// unchanged.
func moveTo(op string, doc *Value, names []string, anchor string, insert func(doc *Value, name string, node *Value) error) error {
	if err := checkDoc(op, doc); err != nil {
		return err
	}
	refs, err := chain(op, doc, names)
	if err != nil {
		return err
	}
	at, err := mustFind(op, doc, anchor)
	if err != nil {
		return err
	}
	for _, ref := range refs {
		if anchor == ref.name {
			return editErr(op, "%s cannot be moved next to itself", moving(refs))
		}
		if inside(at.node, ref.node) {
			return editErr(op, "%s cannot be moved into itself", moving(refs))
		}
	}
	run := func(doc *Value) error {
		nodes := make([]*Value, len(refs))
		for i, r := range refs {
			ref, err := mustFind(op, doc, r.name)
			if err != nil {
				return err
			}
			nodes[i] = ref.node
			// Each removal relinks the chain's predecessors to the next
			// state, the last one's to where the chain went.
			if err := Remove(doc, r.name); err != nil {
				return &EditError{Op: op, Msg: err.(*EditError).Msg}
			}
		}
		last := len(refs) - 1
		if err := insert(doc, refs[last].name, nodes[last]); err != nil {
			if e, ok := err.(*EditError); ok {
				return &EditError{Op: op, Msg: e.Msg}
			}
			return err
		}
		for i := last - 1; i >= 0; i-- {
			if err := InsertBefore(doc, refs[i+1].name, refs[i].name, nodes[i]); err != nil {
				return &EditError{Op: op, Msg: err.(*EditError).Msg}
			}
		}
		return nil
	}
	if err := run(doc.Clone()); err != nil {
		return err
	}
	return run(doc)
}

// chainHead returns the first of names once ordered as a chain, for the
// checks that a move would change nothing ("" when names is not a chain:
// moveTo reports why).
func chainHead(doc *Value, names []string) string {
	refs, err := chain("", doc, names)
	if err != nil {
		return ""
	}
	return refs[0].name
}

// MoveOnTransition moves the states names (one, or a chain in any order)
// onto the edge from → to, as InsertOnTransition inserts there. A chain
// cannot move onto a transition into, out of or inside it: that would
// change nothing.
func MoveOnTransition(doc *Value, names []string, from, to string) error {
	const op = "MoveOnTransition"
	for _, n := range names {
		if from == n || to == n {
			if len(names) == 1 {
				return editErr(op, "%q is already on that transition", n)
			}
			return editErr(op, "the states are already on that transition")
		}
	}
	return moveTo(op, doc, names, from, func(doc *Value, name string, node *Value) error {
		return InsertOnTransition(doc, from, to, name, node)
	})
}

// MoveIntoBranch moves the states names (one, or a chain) to the start of
// branch index of the Parallel state parallel, as InsertIntoBranch does.
func MoveIntoBranch(doc *Value, names []string, parallel string, index int) error {
	return moveTo("MoveIntoBranch", doc, names, parallel, func(doc *Value, name string, node *Value) error {
		return InsertIntoBranch(doc, parallel, index, name, node)
	})
}

// MoveIntoProcessor moves the states names (one, or a chain) to the start
// of the item processor of the Map state mapName, as InsertIntoProcessor
// does.
func MoveIntoProcessor(doc *Value, names []string, mapName string) error {
	return moveTo("MoveIntoProcessor", doc, names, mapName, func(doc *Value, name string, node *Value) error {
		return InsertIntoProcessor(doc, mapName, name, node)
	})
}

// MoveToDefault moves the states names (one, or a chain) onto the Default
// of the Choice state choice, as InsertDefault does.
func MoveToDefault(doc *Value, names []string, choice string) error {
	const op = "MoveToDefault"
	if ref, ok := find(doc, choice); ok {
		if first := chainHead(doc, names); first != "" && str(ref.node.Get("Default")) == first {
			return editErr(op, "%q is already the Default of %q", first, choice)
		}
	}
	return moveTo(op, doc, names, choice, func(doc *Value, name string, node *Value) error {
		return InsertDefault(doc, choice, name, node)
	})
}

// MoveOntoRule moves the states names (one, or a chain) onto rule index of
// the Choice state choice, as InsertOnRule does.
func MoveOntoRule(doc *Value, names []string, choice string, index int) error {
	const op = "MoveOntoRule"
	if ref, ok := find(doc, choice); ok {
		if rules := ref.node.Get("Choices"); rules.Is(Array) && index >= 0 && index < len(rules.Items) {
			if first := chainHead(doc, names); first != "" && str(rules.Items[index].Get("Next")) == first {
				return editErr(op, "%q is already the target of that rule", first)
			}
		}
	}
	return moveTo(op, doc, names, choice, func(doc *Value, name string, node *Value) error {
		return InsertOnRule(doc, choice, index, name, node)
	})
}

// InsertOnRule adds state under name on the transition of rule index of
// the Choice state choice: the rule now goes to name, and name goes to the
// rule's old target. Other rules and the Default are left alone, even when
// they go to the same state.
func InsertOnRule(doc *Value, choice string, index int, name string, state *Value) error {
	const op = "InsertOnRule"
	ref, err := prepareInsert(op, doc, choice, name, state)
	if err != nil {
		return err
	}
	if typ := stateType(ref.node); typ != TypeChoice {
		return editErr(op, "state %q is a %s state, not a Choice", choice, typ)
	}
	rules := ref.node.Get("Choices")
	if !rules.Is(Array) || index < 0 || index >= len(rules.Items) {
		n := 0
		if rules.Is(Array) {
			n = len(rules.Items)
		}
		return editErr(op, "rule index %d is out of range: %q has %d rules", index, choice, n)
	}
	rule := rules.Items[index]
	if !rule.Is(Object) {
		return editErr(op, "rule %d of %q is not an object", index, choice)
	}
	linkNewState(state, str(rule.Get("Next")))
	rule.Set("Next", NewString(name))
	insertField(ref.m.states, ref.index+1, &Field{Key: name, Value: state})
	return nil
}
