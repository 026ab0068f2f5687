package asl

import "strconv"

// Remove deletes the state name and relinks its predecessors (in its
// scope) to where it went: its Next (a Choice's Default, else its first
// rule's target). When it was terminal, predecessors that reached it by
// Next become End states and a Choice Default to it is dropped; a Choice
// rule or Catcher reaching a terminal state cannot be relinked, so that is
// an error. StartAt moves to the successor (or the first remaining state).
func Remove(doc *Value, name string) error {
	const op = "Remove"
	if err := checkDoc(op, doc); err != nil {
		return err
	}
	ref, err := mustFind(op, doc, name)
	if err != nil {
		return err
	}
	exit := exitOf(ref.node)
	if exit == name {
		exit = ""
	}
	var preds []transition
	for _, f := range ref.m.states.Fields {
		if f.Value == ref.node {
			continue
		}
		for _, t := range transitions(f.Value) {
			if t.target() != name {
				continue
			}
			if exit == "" && (t.kind == "Choice" || t.kind == "Catch") {
				what := "a Choice rule"
				if t.kind == "Catch" {
					what = "a Catcher"
				}
				return editErr(op, "cannot remove %q: %s of %q goes to it and it has no successor to relink to (would leave a dangling reference)", name, what, f.Key)
			}
			preds = append(preds, t)
		}
	}
	for _, t := range preds {
		switch {
		case exit != "":
			t.set(exit)
		case t.kind == "Default":
			removeKey(t.owner, "Default")
		default:
			setEnd(t.owner)
		}
	}
	ref.m.states.Fields = append(ref.m.states.Fields[:ref.index:ref.index], ref.m.states.Fields[ref.index+1:]...)
	if str(ref.m.node.Get("StartAt")) == name {
		start := exit
		if start == "" && len(ref.m.states.Fields) > 0 {
			start = ref.m.states.Fields[0].Key
		}
		ref.m.node.Set("StartAt", NewString(start))
	}
	return nil
}

// Connect makes from go to to: it sets from's Next (dropping End), or a
// Choice's Default. Both must be in the same scope (a transition cannot
// leave a Parallel branch or a Map processor); Succeed and Fail states
// have no transitions.
func Connect(doc *Value, from, to string) error {
	const op = "Connect"
	if err := checkDoc(op, doc); err != nil {
		return err
	}
	src, err := mustFind(op, doc, from)
	if err != nil {
		return err
	}
	dst, err := mustFind(op, doc, to)
	if err != nil {
		return err
	}
	if src.m.states != dst.m.states {
		return editErr(op, "%q and %q are not in the same scope: a transition cannot enter or leave a Parallel branch or Map processor", from, to)
	}
	switch typ := stateType(src.node); typ {
	case TypeSucceed, TypeFail:
		return editErr(op, "state %q is a %s state and cannot have a transition", from, typ)
	case TypeChoice:
		src.node.Set("Default", NewString(to))
	default:
		setNext(src.node, to)
	}
	return nil
}

// Move moves the state name to right after the state after: it is removed
// (its predecessors relinked as by Remove) and inserted as by InsertAfter,
// in after's scope.
func Move(doc *Value, name, after string) error {
	const op = "Move"
	if name == after {
		return editErr(op, "cannot move %q after itself", name)
	}
	move := func(doc *Value) error {
		ref, err := mustFind(op, doc, name)
		if err != nil {
			return err
		}
		if err := Remove(doc, name); err != nil {
			return &EditError{Op: op, Msg: err.(*EditError).Msg}
		}
		if err := InsertAfter(doc, after, name, ref.node); err != nil {
			return &EditError{Op: op, Msg: err.(*EditError).Msg}
		}
		return nil
	}
	// Dry run on a copy, so a failure halfway leaves doc unchanged.
	if err := checkDoc(op, doc); err != nil {
		return err
	}
	if err := move(doc.Clone()); err != nil {
		return err
	}
	return move(doc)
}

// Duplicate copies the state name as newName, placed after it in the same
// scope with the same transitions (nothing goes to the copy yet). States
// nested in a copied Parallel or Map get fresh unique names ("Inner (1)"),
// with their references updated.
func Duplicate(doc *Value, name, newName string) error {
	const op = "Duplicate"
	if err := checkDoc(op, doc); err != nil {
		return err
	}
	ref, err := mustFind(op, doc, name)
	if err != nil {
		return err
	}
	if err := checkNewName(op, doc, newName); err != nil {
		return err
	}
	cp := ref.node.Clone()
	clearPositions(cp)
	taken := map[string]bool{newName: true}
	for _, n := range StateNames(doc) {
		taken[n] = true
	}
	renames := map[string]string{}
	for _, child := range childMachines(cp) {
		walkMachine(child, newName, func(m machine) {
			if m.states == nil {
				return
			}
			for _, f := range m.states.Fields {
				n := f.Key
				for i := 1; taken[n]; i++ {
					n = f.Key + " (" + strconv.Itoa(i) + ")"
				}
				taken[n] = true
				renames[f.Key] = n
			}
		})
	}
	for _, child := range childMachines(cp) {
		walkMachine(child, newName, func(m machine) { renameInScope(m, renames) })
	}
	insertField(ref.m.states, ref.index+1, &Field{Key: newName, Value: cp})
	return nil
}

// renameInScope renames states of one scope and every reference to them
// in it (StartAt, Next, Default, Choice rules, Catch) by the map.
func renameInScope(m machine, renames map[string]string) {
	if to, ok := renames[str(m.node.Get("StartAt"))]; ok {
		m.node.Set("StartAt", NewString(to))
	}
	if m.states == nil {
		return
	}
	for _, f := range m.states.Fields {
		if to, ok := renames[f.Key]; ok {
			f.Key = to
		}
		for _, t := range transitions(f.Value) {
			if to, ok := renames[t.target()]; ok {
				t.set(to)
			}
		}
	}
}

// RemoveBranch deletes branch index of the Parallel state parallel, with
// the states in it. The last branch cannot be removed (a Parallel needs
// one); remove the Parallel state instead.
func RemoveBranch(doc *Value, parallel string, index int) error {
	const op = "RemoveBranch"
	if err := checkDoc(op, doc); err != nil {
		return err
	}
	ref, err := mustFind(op, doc, parallel)
	if err != nil {
		return err
	}
	if typ := stateType(ref.node); typ != TypeParallel {
		return editErr(op, "state %q is a %s state, not a Parallel", parallel, typ)
	}
	branches := ref.node.Get("Branches")
	if !branches.Is(Array) || index < 0 || index >= len(branches.Items) {
		n := 0
		if branches.Is(Array) {
			n = len(branches.Items)
		}
		return editErr(op, "branch index %d is out of range: %q has %d branches", index, parallel, n)
	}
	if len(branches.Items) == 1 {
		return editErr(op, "%q has only one branch: remove the Parallel state instead", parallel)
	}
	branches.Items = append(branches.Items[:index:index], branches.Items[index+1:]...)
	return nil
}
