package asl

// Rename renames the state old to new and updates every reference to it
// in the whole document: StartAt, Next, a Choice's Default and rules'
// Next, and Catchers' Next (in every scope, so even a reference that
// wrongly crosses a scope keeps pointing at the same state).
func Rename(doc *Value, old, new string) error {
	const op = "Rename"
	if err := checkDoc(op, doc); err != nil {
		return err
	}
	ref, err := mustFind(op, doc, old)
	if err != nil {
		return err
	}
	if new == old {
		return nil
	}
	if err := checkNewName(op, doc, new); err != nil {
		return err
	}
	f := ref.m.states.Fields[ref.index]
	f.Key, f.KeyPos = new, Pos{}
	renames := map[string]string{old: new}
	walkMachines(doc, func(m machine) {
		if str(m.node.Get("StartAt")) == old {
			m.node.Set("StartAt", NewString(new))
		}
		if m.states == nil {
			return
		}
		for _, f := range m.states.Fields {
			for _, t := range transitions(f.Value) {
				if to, ok := renames[t.target()]; ok {
					t.set(to)
				}
			}
		}
	})
	return nil
}

// ChangeType changes the Type of the state name to newType, keeping the
// fields the new type accepts (and fields unknown to ASL), dropping the
// ASL fields it does not. The transition carries over: a Next becomes a
// Choice's Default and back (a Choice without Default continues at its
// first rule's target), and a state that had no exit (Succeed, Fail, a
// Choice with no rules) becomes an End state.
func ChangeType(doc *Value, name, newType string) error {
	const op = "ChangeType"
	if err := checkDoc(op, doc); err != nil {
		return err
	}
	if !IsStateType(newType) {
		return editErr(op, "%q is not a state type (one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map)", newType)
	}
	ref, err := mustFind(op, doc, name)
	if err != nil {
		return err
	}
	st := ref.node
	oldType := stateType(st)
	if oldType == newType {
		return nil
	}
	exit := exitOf(st)
	kept := st.Fields[:0:0]
	for _, f := range st.Fields {
		if !IsStateField(f.Key) || StateFieldAllowed(newType, f.Key) {
			kept = append(kept, f)
		}
	}
	st.Fields = kept
	if t := st.Get("Type"); t != nil {
		st.Set("Type", NewString(newType))
	} else {
		insertField(st, 0, &Field{Key: "Type", Value: NewString(newType)})
	}
	switch {
	case newType == TypeChoice:
		if exit != "" && st.Get("Default") == nil {
			st.Set("Default", NewString(exit))
		}
	case hasNextField(newType) && !hasNextField(oldType):
		linkNewState(st, exit)
	case hasNextField(newType) && st.Get("Next") == nil && st.Get("End") == nil:
		setEnd(st)
	}
	return nil
}
