package asl

import (
	"fmt"
	"strconv"
)

// This file holds copy and paste of a set of states: CopyStates makes a
// clip (a small definition, {"StartAt", "States"}), ReadClip reads one back
// from pasted text, and PasteStates inserts a clip's states into a
// document, renamed where their names are taken and linked in.

// CopyStates returns a clip of the named states: an object
// {"StartAt": entry, "States": {name: copy, …}} with the states in document
// order. A state nested inside another copied state (a Parallel or Map) is
// already part of its copy and is not listed twice. The entry is the first
// state no other copied state goes to.
func CopyStates(doc *Value, names []string) (*Value, error) {
	const op = "Copy"
	if err := checkDoc(op, doc); err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, editErr(op, "no state is selected")
	}
	want := map[string]bool{}
	refs := map[string]stateRef{}
	for _, n := range names {
		ref, err := mustFind(op, doc, n)
		if err != nil {
			return nil, err
		}
		want[n] = true
		refs[n] = ref
	}
	// Drop states held by another copied state.
	for n, ref := range refs {
		for m, outer := range refs {
			if m != n && inside(ref.node, outer.node) {
				delete(want, n)
			}
		}
	}
	states := NewObject()
	for _, n := range namesInTextOrder(doc) {
		if want[n] {
			cp := refs[n].node.Clone()
			clearPositions(cp)
			states.Fields = append(states.Fields, &Field{Key: n, Value: cp})
		}
	}
	clip := NewObject()
	clip.Set("StartAt", NewString(clipEntry(states, "")))
	clip.Set("States", states)
	return clip, nil
}

// namesInTextOrder returns the names of every state in the order they
// are written: a Parallel's or Map's inner states right after it.
func namesInTextOrder(doc *Value) []string {
	var names []string
	var walk func(scope *Value)
	walk = func(scope *Value) {
		states := scope.Get("States")
		if !states.Is(Object) {
			return
		}
		for _, f := range states.Fields {
			names = append(names, f.Key)
			for _, child := range childMachines(f.Value) {
				if child.Is(Object) {
					walk(child)
				}
			}
		}
	}
	if doc.Is(Object) {
		walk(doc)
	}
	return names
}

// clipEntry returns entry when it is one of the states, else the first
// state that no other state of the set goes to, else the first state.
func clipEntry(states *Value, entry string) string {
	if entry != "" && states.Get(entry) != nil {
		return entry
	}
	targeted := map[string]bool{}
	for _, f := range states.Fields {
		for _, t := range transitions(f.Value) {
			if t.target() != f.Key {
				targeted[t.target()] = true
			}
		}
	}
	for _, f := range states.Fields {
		if !targeted[f.Key] {
			return f.Key
		}
	}
	if len(states.Fields) > 0 {
		return states.Fields[0].Key
	}
	return ""
}

// ClipError is the error of ReadClip: the text is not ASL states.
type ClipError struct{ Msg string }

// Error implements error.
func (e *ClipError) Error() string { return e.Msg }

// ReadClip reads pasted text (JSON or YAML) as states. It accepts a
// definition or clip with "States" (and "StartAt"), an object of states
// (name → state object with a "Type"), or a single state object, which is
// named after its type ("Pass state"). It returns the states object and the
// entry state's name.
func ReadClip(src []byte) (states *Value, entry string, err error) {
	const what = "the pasted text is not ASL states"
	v, perr := Parse(src)
	if perr != nil {
		return nil, "", &ClipError{Msg: what + ": " + perr.Error()}
	}
	if !v.Is(Object) {
		return nil, "", &ClipError{Msg: what + ": expected a JSON object (a state, an object of states, or a definition with \"States\")"}
	}
	switch {
	case v.Get("States") != nil:
		states = v.Get("States")
		if !states.Is(Object) {
			return nil, "", &ClipError{Msg: what + `: its "States" is not an object`}
		}
		entry = str(v.Get("StartAt"))
	case v.Get("Type").Is(String):
		name := str(v.Get("Type")) + " state"
		states = &Value{Kind: Object, Fields: []*Field{{Key: name, Value: v}}}
		entry = name
	default:
		states = v
	}
	if len(states.Fields) == 0 {
		return nil, "", &ClipError{Msg: what + ": it holds no state"}
	}
	for _, f := range states.Fields {
		if !f.Value.Is(Object) {
			return nil, "", &ClipError{Msg: fmt.Sprintf("%s: %q is not a state object", what, f.Key)}
		}
		if s, ok := f.Value.Get("Type").StringValue(); !ok || s == "" {
			return nil, "", &ClipError{Msg: fmt.Sprintf(`%s: %q has no "Type"`, what, f.Key)}
		}
	}
	return states, clipEntry(states, entry), nil
}

// PasteStates inserts copies of the states of a clip (an object name →
// state, as ReadClip returns) into doc and returns their new names in
// order. A name already used in doc (or by an earlier pasted state) becomes
// "Name (1)", "Name (2)", …; states nested in a pasted Parallel or Map are
// renamed the same way, and every transition inside the pasted set follows
// its renamed target.
//
// With after set, the states go into after's scope right after it and are
// chained in: after → entry, and the set's exits (a Next or Default leaving
// the set, or End) go to after's old Next (or end when it was terminal). A
// Choice rule or Catcher leaving the set keeps its target when that state
// exists in the scope, else goes to after's old Next too. When after has no
// single Next (a Choice, Succeed or Fail), the states are pasted loose.
//
// With after "" (or a loose paste), the states are appended to the top
// level (or after's scope) with nothing going to them: transitions to
// states of the scope are kept, a Next to a missing state becomes End and
// a Default to one is dropped. When the scope has no states yet, the entry
// becomes its StartAt.
func PasteStates(doc *Value, after string, clip *Value, entry string) ([]string, error) {
	return pasteStates("Paste", doc, after, clip, entry, true)
}

// PasteStatesLoose is PasteStates with nothing linked in: the states go
// right after near in its scope (at the end of the top level when near is
// ""), as a loose paste does. Duplicating several states uses it.
func PasteStatesLoose(doc *Value, near string, clip *Value, entry string) ([]string, error) {
	return pasteStates("Duplicate", doc, near, clip, entry, false)
}

func pasteStates(op string, doc *Value, after string, clip *Value, entry string, chain bool) ([]string, error) {
	if err := checkDoc(op, doc); err != nil {
		return nil, err
	}
	if !clip.Is(Object) || len(clip.Fields) == 0 {
		return nil, editErr(op, "there are no states to paste")
	}
	for _, f := range clip.Fields {
		if !f.Value.Is(Object) || str(f.Value.Get("Type")) == "" {
			return nil, editErr(op, "%q is not a state object with a Type", f.Key)
		}
	}
	entry = clipEntry(clip, entry)
	var scope machine
	insertAt := -1
	var anchor *Value
	if after != "" {
		ref, err := mustFind(op, doc, after)
		if err != nil {
			return nil, err
		}
		scope, insertAt = ref.m, ref.index+1
		if chain && hasNextField(stateType(ref.node)) {
			anchor = ref.node
		}
	} else {
		scope = machine{node: doc, states: ensureStates(doc)}
	}
	if scope.states == nil {
		return nil, editErr(op, "the States of the scope of %q is not an object", after)
	}
	if insertAt < 0 {
		insertAt = len(scope.states.Fields)
	}
	successor := ""
	if anchor != nil {
		successor = str(anchor.Get("Next"))
	}

	cp := clip.Clone()
	clearPositions(cp)
	taken := map[string]bool{}
	for _, n := range StateNames(doc) {
		taken[n] = true
	}
	fresh := func(n string) string {
		m := n
		for i := 1; taken[m]; i++ {
			m = n + " (" + strconv.Itoa(i) + ")"
		}
		taken[m] = true
		return m
	}
	top := map[string]string{}
	for _, f := range cp.Fields {
		top[f.Key] = fresh(f.Key)
	}
	nested := map[string]string{}
	for _, f := range cp.Fields {
		for _, child := range childMachines(f.Value) {
			walkMachine(child, f.Key, func(m machine) {
				if m.states == nil {
					return
				}
				for _, g := range m.states.Fields {
					nested[g.Key] = fresh(g.Key)
				}
			})
		}
	}
	inScope := func(n string) bool { return scope.states.Get(n) != nil }
	var names []string
	for _, f := range cp.Fields {
		st := f.Value
		for _, t := range transitions(st) {
			target := t.target()
			if to, ok := top[target]; ok {
				t.set(to)
				continue
			}
			switch {
			case anchor != nil && (t.kind == "Next" || t.kind == "Default"):
				if successor != "" {
					t.set(successor)
				} else if t.kind == "Next" {
					setEnd(st)
				} else {
					removeKey(st, "Default")
				}
			case inScope(target):
				// kept
			case anchor != nil && successor != "":
				t.set(successor)
			case t.kind == "Next":
				setEnd(st)
			case t.kind == "Default":
				removeKey(st, "Default")
			}
		}
		if anchor != nil && successor != "" && hasNextField(stateType(st)) && st.Get("End").Is(Bool) && st.Get("End").Bool {
			setNext(st, successor)
		}
		for _, child := range childMachines(st) {
			walkMachine(child, f.Key, func(m machine) { renameInScope(m, nested) })
		}
		f.Key = top[f.Key]
		names = append(names, f.Key)
	}
	for i, f := range cp.Fields {
		insertField(scope.states, insertAt+i, f)
	}
	if anchor != nil {
		setNext(anchor, top[entry])
	}
	if s := str(scope.node.Get("StartAt")); s == "" || !inScope(s) {
		if scope.node.Get("StartAt") == nil {
			insertField(scope.node, fieldIndex(scope.node, "States"), &Field{Key: "StartAt", Value: NewString(top[entry])})
		} else {
			scope.node.Set("StartAt", NewString(top[entry]))
		}
	}
	return names, nil
}

// RemoveStates removes several states as Remove does, one after the other;
// a state already gone with an enclosing Parallel or Map is skipped. The
// document is unchanged when one removal fails.
func RemoveStates(doc *Value, names []string) error {
	const op = "Remove"
	if err := checkDoc(op, doc); err != nil {
		return err
	}
	for _, n := range names {
		if _, err := mustFind(op, doc, n); err != nil {
			return err
		}
	}
	if len(names) == 1 {
		// Remove changes nothing when it fails: no dry run needed.
		return Remove(doc, names[0])
	}
	run := func(doc *Value) error {
		for _, n := range names {
			if _, ok := find(doc, n); !ok {
				continue
			}
			if err := Remove(doc, n); err != nil {
				return err
			}
		}
		return nil
	}
	if err := run(doc.Clone()); err != nil {
		return err
	}
	return run(doc)
}
