package asl

// InsertAfter adds state (a state object, which the document takes over)
// under name right after the state named after: after → name → after's old
// Next. When after was terminal (End), the new state becomes the end. The
// new member is placed after after's in the States object. A Choice has no
// single exit, and Succeed/Fail have none: use InsertOnTransition.
func InsertAfter(doc *Value, after, name string, state *Value) error {
	const op = "InsertAfter"
	ref, err := prepareInsert(op, doc, after, name, state)
	if err != nil {
		return err
	}
	if typ := stateType(ref.node); !hasNextField(typ) {
		return editErr(op, "state %q is a %s state and has no Next to insert after (insert on one of its transitions instead)", after, typ)
	}
	linkNewState(state, str(ref.node.Get("Next")))
	setNext(ref.node, name)
	insertField(ref.m.states, ref.index+1, &Field{Key: name, Value: state})
	return nil
}

// InsertBefore adds state under name right before the state named before:
// every transition to before in its scope (Next, Default, Choice rules,
// Catch) and the scope's StartAt now go to name, and name goes to before.
func InsertBefore(doc *Value, before, name string, state *Value) error {
	const op = "InsertBefore"
	ref, err := prepareInsert(op, doc, before, name, state)
	if err != nil {
		return err
	}
	for _, f := range ref.m.states.Fields {
		for _, t := range transitions(f.Value) {
			if t.target() == before {
				t.set(name)
			}
		}
	}
	if str(ref.m.node.Get("StartAt")) == before {
		ref.m.node.Set("StartAt", NewString(name))
	}
	linkNewState(state, before)
	insertField(ref.m.states, ref.index, &Field{Key: name, Value: state})
	return nil
}

// InsertOnTransition adds state under name on the edge from → to: every
// transition of from that targets to (its Next, a Choice's Default or rule,
// a Catcher) now goes to name, and name goes to to.
func InsertOnTransition(doc *Value, from, to, name string, state *Value) error {
	const op = "InsertOnTransition"
	ref, err := prepareInsert(op, doc, from, name, state)
	if err != nil {
		return err
	}
	var hits []transition
	for _, t := range transitions(ref.node) {
		if t.target() == to {
			hits = append(hits, t)
		}
	}
	if len(hits) == 0 {
		return editErr(op, "state %q has no transition to %q", from, to)
	}
	for _, t := range hits {
		t.set(name)
	}
	linkNewState(state, to)
	insertField(ref.m.states, ref.index+1, &Field{Key: name, Value: state})
	return nil
}

// InsertIntoBranch adds state under name to branch branchIndex of the
// Parallel state parallel. In an empty branch it becomes the only (end)
// state; in a non-empty one it becomes the StartAt and goes to the old
// start. branchIndex == the number of branches creates a new branch.
func InsertIntoBranch(doc *Value, parallel string, branchIndex int, name string, state *Value) error {
	const op = "InsertIntoBranch"
	ref, err := prepareInsert(op, doc, parallel, name, state)
	if err != nil {
		return err
	}
	if typ := stateType(ref.node); typ != TypeParallel {
		return editErr(op, "state %q is a %s state, not a Parallel", parallel, typ)
	}
	branches := ref.node.Get("Branches")
	if branches != nil && branches.Kind != Array {
		return editErr(op, "the Branches of %q is not an array", parallel)
	}
	n := 0
	if branches != nil {
		n = len(branches.Items)
	}
	if branchIndex < 0 || branchIndex > n {
		return editErr(op, "branch index %d is out of range: %q has %d branches", branchIndex, parallel, n)
	}
	if branchIndex < n && !branches.Items[branchIndex].Is(Object) {
		return editErr(op, "branch %d of %q is not an object", branchIndex, parallel)
	}
	if branchIndex < n {
		if st := branches.Items[branchIndex].Get("States"); st != nil && !st.Is(Object) {
			return editErr(op, "the States of branch %d of %q is not an object", branchIndex, parallel)
		}
	}
	if branches == nil {
		branches = NewArray()
		ref.node.Set("Branches", branches)
	}
	if branchIndex == n {
		branches.Items = append(branches.Items, NewObject())
	}
	insertIntoScope(branches.Items[branchIndex], name, state)
	return nil
}

// InsertIntoProcessor adds state under name to the ItemProcessor (or legacy
// Iterator) of the Map state mapName, creating the ItemProcessor when the
// Map has none: as the only state of an empty processor, else as its new
// StartAt going to the old start.
func InsertIntoProcessor(doc *Value, mapName, name string, state *Value) error {
	const op = "InsertIntoProcessor"
	ref, err := prepareInsert(op, doc, mapName, name, state)
	if err != nil {
		return err
	}
	if typ := stateType(ref.node); typ != TypeMap {
		return editErr(op, "state %q is a %s state, not a Map", mapName, typ)
	}
	proc := ref.node.Get("ItemProcessor")
	if proc == nil {
		proc = ref.node.Get("Iterator")
	}
	if proc != nil && proc.Kind != Object {
		return editErr(op, "the ItemProcessor of %q is not an object", mapName)
	}
	if st := proc.Get("States"); st != nil && !st.Is(Object) {
		return editErr(op, "the States of the ItemProcessor of %q is not an object", mapName)
	}
	if proc == nil {
		proc = NewObject()
		proc.Fields = append(proc.Fields, &Field{Key: "ProcessorConfig", Value: &Value{Kind: Object, Fields: []*Field{{Key: "Mode", Value: NewString("INLINE")}}}})
		insertBeforeTransition(ref.node, &Field{Key: "ItemProcessor", Value: proc})
	}
	insertIntoScope(proc, name, state)
	return nil
}

// insertIntoScope makes state the new start of a branch or processor.
func insertIntoScope(scope *Value, name string, state *Value) {
	states := ensureStates(scope)
	start := str(scope.Get("StartAt"))
	if len(states.Fields) == 0 || states.Get(start) == nil {
		linkNewState(state, "")
	} else {
		linkNewState(state, start)
	}
	if scope.Get("StartAt") == nil {
		insertField(scope, fieldIndex(scope, "States"), &Field{Key: "StartAt", Value: NewString(name)})
	} else {
		scope.Set("StartAt", NewString(name))
	}
	insertField(states, 0, &Field{Key: name, Value: state})
}

// fieldIndex returns the index of key in obj, or len(obj.Fields).
func fieldIndex(obj *Value, key string) int {
	for i, f := range obj.Fields {
		if f.Key == key {
			return i
		}
	}
	return len(obj.Fields)
}

// insertBeforeTransition inserts a member before a state's Next/End (or at
// the end), where people expect the state's body to go.
func insertBeforeTransition(state *Value, f *Field) {
	i := len(state.Fields)
	for j, g := range state.Fields {
		if g.Key == "Next" || g.Key == "End" {
			i = j
			break
		}
	}
	insertField(state, i, f)
}

// prepareInsert runs the checks every insertion shares and finds the
// anchor state.
func prepareInsert(op string, doc *Value, anchor, name string, state *Value) (stateRef, error) {
	if err := checkDoc(op, doc); err != nil {
		return stateRef{}, err
	}
	if err := checkNewState(op, state); err != nil {
		return stateRef{}, err
	}
	ref, err := mustFind(op, doc, anchor)
	if err != nil {
		return ref, err
	}
	if err := checkNewName(op, doc, name); err != nil {
		return ref, err
	}
	if inside(state, doc) {
		return ref, editErr(op, "the new state is already part of the document")
	}
	if err := checkNestedNames(op, doc, name, state); err != nil {
		return ref, err
	}
	return ref, nil
}

// checkNestedNames checks that the states nested in a new Parallel or Map
// state do not reuse a name of the document, the new state's or each
// other's.
func checkNestedNames(op string, doc *Value, name string, state *Value) error {
	taken := map[string]bool{name: true}
	for _, n := range StateNames(doc) {
		taken[n] = true
	}
	var err error
	for _, child := range childMachines(state) {
		walkMachine(child, name, func(m machine) {
			if err != nil || m.states == nil {
				return
			}
			for _, f := range m.states.Fields {
				if taken[f.Key] {
					err = editErr(op, "the new state %q holds a state named %q, a name already used", name, f.Key)
					return
				}
				taken[f.Key] = true
			}
		})
	}
	return err
}

// inside reports whether node is v or one of its descendants.
func inside(v, node *Value) bool {
	if v == node {
		return true
	}
	for _, it := range node.Items {
		if inside(v, it) {
			return true
		}
	}
	for _, f := range node.Fields {
		if inside(v, f.Value) {
			return true
		}
	}
	return false
}

// InsertDefault adds state under name as the Default of the Choice state
// choice: the old Default (if any) now comes after it; without one the
// new state ends the workflow (or its branch).
func InsertDefault(doc *Value, choice, name string, state *Value) error {
	const op = "InsertDefault"
	ref, err := prepareInsert(op, doc, choice, name, state)
	if err != nil {
		return err
	}
	if typ := stateType(ref.node); typ != TypeChoice {
		return editErr(op, "state %q is a %s state, not a Choice", choice, typ)
	}
	linkNewState(state, str(ref.node.Get("Default")))
	ref.node.Set("Default", NewString(name))
	insertField(ref.m.states, ref.index+1, &Field{Key: name, Value: state})
	return nil
}
