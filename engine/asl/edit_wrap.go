package asl

// WrapInParallel replaces a linear run of states (names[0] → names[1] → …
// by Next, all in one scope) with a new Parallel state newName whose single
// branch holds them. Transitions into the run's first state now go to
// newName; the last state's exit becomes the Parallel's, and the last state
// ends its branch. The run may only be entered at its first state and left
// at its last state's Next (a Catch leaving it would leave the branch).
func WrapInParallel(doc *Value, names []string, newName string) error {
	return wrap("WrapInParallel", doc, names, newName, func(body *Value) *Value {
		return &Value{Kind: Object, Fields: []*Field{
			{Key: "Type", Value: NewString(TypeParallel)},
			{Key: "Branches", Value: NewArray(body)},
		}}
	})
}

// WrapInMap is WrapInParallel with a Map state: the run becomes its
// (inline) ItemProcessor.
func WrapInMap(doc *Value, names []string, newName string) error {
	return wrap("WrapInMap", doc, names, newName, func(body *Value) *Value {
		cfg := &Value{Kind: Object, Fields: []*Field{{Key: "Mode", Value: NewString("INLINE")}}}
		body.Fields = append([]*Field{{Key: "ProcessorConfig", Value: cfg}}, body.Fields...)
		return &Value{Kind: Object, Fields: []*Field{
			{Key: "Type", Value: NewString(TypeMap)},
			{Key: "ItemProcessor", Value: body},
		}}
	})
}

func wrap(op string, doc *Value, names []string, newName string, build func(body *Value) *Value) error {
	if err := checkDoc(op, doc); err != nil {
		return err
	}
	if len(names) == 0 {
		return editErr(op, "no states to wrap")
	}
	refs := make([]stateRef, len(names))
	in := map[string]bool{}
	for i, n := range names {
		ref, err := mustFind(op, doc, n)
		if err != nil {
			return err
		}
		if in[n] {
			return editErr(op, "state %q is listed twice", n)
		}
		in[n] = true
		if i > 0 && ref.m.states != refs[0].m.states {
			return editErr(op, "%q and %q are not in the same scope", names[0], n)
		}
		refs[i] = ref
	}
	if err := checkNewName(op, doc, newName); err != nil {
		return err
	}
	scope := refs[0].m
	// The run must be linear.
	for i, ref := range refs[:len(refs)-1] {
		if typ := stateType(ref.node); !hasNextField(typ) {
			return editErr(op, "state %q is a %s state: only the last state of a run can be one", ref.name, typ)
		}
		if next := str(ref.node.Get("Next")); next != names[i+1] {
			return editErr(op, "the states are not a linear run: %q goes to %q, not %q", ref.name, next, names[i+1])
		}
	}
	last := refs[len(refs)-1]
	if typ := stateType(last.node); typ == TypeChoice {
		return editErr(op, "the last state %q is a Choice: its rules would leave the new %s", last.name, wrapperType(op))
	}
	// Only the first state may be entered from outside; nothing inside may
	// leave except the last state's Next.
	if start := str(scope.node.Get("StartAt")); in[start] && start != names[0] {
		return editErr(op, "StartAt goes to %q, inside the run (would leave a dangling reference)", start)
	}
	for _, f := range scope.states.Fields {
		for _, t := range transitions(f.Value) {
			target := t.target()
			switch {
			case !in[f.Key] && in[target] && target != names[0]:
				return editErr(op, "state %q goes to %q, which is not the first state of the run (would leave a dangling reference)", f.Key, target)
			case in[f.Key] && !in[target] && !(f.Value == last.node && t.kind == "Next"):
				return editErr(op, "the %s of %q goes to %q, outside the states being wrapped: it cannot leave the new %s", transitionName(t.kind), f.Key, target, wrapperType(op))
			}
		}
	}

	exit := ""
	if next := str(last.node.Get("Next")); next != "" && !in[next] {
		exit = next
	}
	// Build the body and the wrapper.
	states := NewObject()
	for _, ref := range refs {
		states.Fields = append(states.Fields, &Field{Key: ref.name, KeyPos: ref.m.states.Fields[ref.index].KeyPos, Value: ref.node})
	}
	if exit != "" {
		setEnd(last.node)
	}
	body := &Value{Kind: Object, Fields: []*Field{
		{Key: "StartAt", Value: NewString(names[0])},
		{Key: "States", Value: states},
	}}
	wrapper := build(body)
	linkNewState(wrapper, exit)
	// Redirect entries into the run.
	for _, f := range scope.states.Fields {
		if in[f.Key] {
			continue
		}
		for _, t := range transitions(f.Value) {
			if t.target() == names[0] {
				t.set(newName)
			}
		}
	}
	if str(scope.node.Get("StartAt")) == names[0] {
		scope.node.Set("StartAt", NewString(newName))
	}
	// Replace the run by the wrapper, where the first state was.
	kept := scope.states.Fields[:0:0]
	for _, f := range scope.states.Fields {
		switch {
		case f.Key == names[0] && f.Value == refs[0].node:
			kept = append(kept, &Field{Key: newName, Value: wrapper})
		case in[f.Key]:
		default:
			kept = append(kept, f)
		}
	}
	scope.states.Fields = kept
	return nil
}

func wrapperType(op string) string {
	if op == "WrapInMap" {
		return "Map"
	}
	return "Parallel"
}

func transitionName(kind string) string {
	switch kind {
	case "Catch":
		return "Catcher"
	case "Choice":
		return "Choice rule"
	}
	return kind
}
