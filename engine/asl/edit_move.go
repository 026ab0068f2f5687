package asl

// This file holds the moves of a state to another place (what a drag of a
// state on the canvas does) and the insertion on one Choice rule. A move
// removes the state as Remove does (its predecessors relinked to its
// successor) and inserts it at the new place as the matching Insert* does.

// moveTo runs a move: name leaves its place and insert puts its object
// back at anchor's. It refuses a move onto the state itself or into a
// Parallel or Map it holds, and tries the move on a copy first, so that a
// failure leaves doc unchanged.
func moveTo(op string, doc *Value, name, anchor string, insert func(doc, node *Value) error) error {
	if err := checkDoc(op, doc); err != nil {
		return err
	}
	ref, err := mustFind(op, doc, name)
	if err != nil {
		return err
	}
	at, err := mustFind(op, doc, anchor)
	if err != nil {
		return err
	}
	if anchor == name {
		return editErr(op, "%q cannot be moved next to itself", name)
	}
	if inside(at.node, ref.node) {
		return editErr(op, "%q cannot be moved into itself", name)
	}
	run := func(doc *Value) error {
		ref, err := mustFind(op, doc, name)
		if err != nil {
			return err
		}
		if err := Remove(doc, name); err != nil {
			return &EditError{Op: op, Msg: err.(*EditError).Msg}
		}
		if err := insert(doc, ref.node); err != nil {
			if e, ok := err.(*EditError); ok {
				return &EditError{Op: op, Msg: e.Msg}
			}
			return err
		}
		return nil
	}
	if err := run(doc.Clone()); err != nil {
		return err
	}
	return run(doc)
}

// MoveOnTransition moves the state name onto the edge from → to, as
// InsertOnTransition inserts there. A state cannot move onto one of its own
// transitions (in or out): that would change nothing.
func MoveOnTransition(doc *Value, name, from, to string) error {
	const op = "MoveOnTransition"
	if from == name || to == name {
		return editErr(op, "%q is already on that transition", name)
	}
	return moveTo(op, doc, name, from, func(doc, node *Value) error {
		return InsertOnTransition(doc, from, to, name, node)
	})
}

// MoveIntoBranch moves the state name to the start of branch index of the
// Parallel state parallel, as InsertIntoBranch does.
func MoveIntoBranch(doc *Value, name, parallel string, index int) error {
	return moveTo("MoveIntoBranch", doc, name, parallel, func(doc, node *Value) error {
		return InsertIntoBranch(doc, parallel, index, name, node)
	})
}

// MoveIntoProcessor moves the state name to the start of the item
// processor of the Map state mapName, as InsertIntoProcessor does.
func MoveIntoProcessor(doc *Value, name, mapName string) error {
	return moveTo("MoveIntoProcessor", doc, name, mapName, func(doc, node *Value) error {
		return InsertIntoProcessor(doc, mapName, name, node)
	})
}

// MoveToDefault moves the state name onto the Default of the Choice state
// choice, as InsertDefault does.
func MoveToDefault(doc *Value, name, choice string) error {
	const op = "MoveToDefault"
	if ref, ok := find(doc, choice); ok && str(ref.node.Get("Default")) == name {
		return editErr(op, "%q is already the Default of %q", name, choice)
	}
	return moveTo(op, doc, name, choice, func(doc, node *Value) error {
		return InsertDefault(doc, choice, name, node)
	})
}

// MoveOntoRule moves the state name onto rule index of the Choice state
// choice, as InsertOnRule does.
func MoveOntoRule(doc *Value, name, choice string, index int) error {
	const op = "MoveOntoRule"
	if ref, ok := find(doc, choice); ok {
		if rules := ref.node.Get("Choices"); rules.Is(Array) && index >= 0 && index < len(rules.Items) && str(rules.Items[index].Get("Next")) == name {
			return editErr(op, "%q is already the target of that rule", name)
		}
	}
	return moveTo(op, doc, name, choice, func(doc, node *Value) error {
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
