package asl

import (
	"fmt"
	"strconv"
)

// This file holds the edit operations' shared machinery: finding states at
// any nesting level, their transitions, and setting Next/End in place so
// the key order of a state is kept. The operations themselves are in
// edit_insert.go, edit_remove.go, edit_rename.go and edit_wrap.go.
//
// Every operation works on the document's Value tree, checks everything
// before changing anything (so the document is unchanged when it returns an
// error), and leaves untouched states, unknown fields and key order alone.

// EditError is the error edit operations return.
type EditError struct {
	Op  string // "InsertAfter", "Remove", …
	Msg string
}

// Error implements error: "Op: message".
func (e *EditError) Error() string { return e.Op + ": " + e.Msg }

func editErr(op, format string, args ...any) error {
	return &EditError{Op: op, Msg: fmt.Sprintf(format, args...)}
}

// machine is one StartAt/States scope: the top level, a Parallel branch or
// a Map processor.
type machine struct {
	node   *Value // the object holding StartAt and States
	states *Value // its States object (nil when missing or not an object)
	owner  string // name of the Parallel/Map state that holds it, "" at the top
}

// stateRef locates a state.
type stateRef struct {
	m     machine
	index int    // index in m.states.Fields
	name  string // its name
	node  *Value // its object
}

// walkMachines calls fn for every scope of the document, outermost first.
func walkMachines(doc *Value, fn func(m machine)) {
	walkMachine(doc, "", fn)
}

func walkMachine(node *Value, owner string, fn func(m machine)) {
	if node == nil || node.Kind != Object {
		return
	}
	m := machine{node: node, owner: owner}
	if s := node.Get("States"); s != nil && s.Kind == Object {
		m.states = s
	}
	fn(m)
	if m.states == nil {
		return
	}
	for _, f := range m.states.Fields {
		for _, child := range childMachines(f.Value) {
			walkMachine(child, f.Key, fn)
		}
	}
}

// childMachines returns the nested scopes of a state: Parallel branches,
// a Map's ItemProcessor or Iterator.
func childMachines(state *Value) []*Value {
	if state == nil || state.Kind != Object {
		return nil
	}
	var out []*Value
	if b := state.Get("Branches"); b != nil && b.Kind == Array {
		out = append(out, b.Items...)
	}
	if p := state.Get("ItemProcessor"); p != nil {
		out = append(out, p)
	}
	if p := state.Get("Iterator"); p != nil {
		out = append(out, p)
	}
	return out
}

// find locates a state by name anywhere in the document.
func find(doc *Value, name string) (stateRef, bool) {
	var ref stateRef
	found := false
	walkMachines(doc, func(m machine) {
		if found || m.states == nil {
			return
		}
		for i, f := range m.states.Fields {
			if f.Key == name {
				ref = stateRef{m: m, index: i, name: name, node: f.Value}
				found = true
				return
			}
		}
	})
	return ref, found
}

// mustFind is find with the error every operation reports.
func mustFind(op string, doc *Value, name string) (stateRef, error) {
	ref, ok := find(doc, name)
	if !ok {
		return ref, editErr(op, "no state named %q", name)
	}
	if ref.node == nil || ref.node.Kind != Object {
		return ref, editErr(op, "state %q is not an object", name)
	}
	return ref, nil
}

// checkDoc checks that doc is a definition object.
func checkDoc(op string, doc *Value) error {
	if doc == nil || doc.Kind != Object {
		return editErr(op, "the document is not a JSON object")
	}
	return nil
}

// checkNewName checks that name can be given to a new state.
func checkNewName(op string, doc *Value, name string) error {
	if name == "" {
		return editErr(op, "a state name cannot be empty")
	}
	if _, taken := find(doc, name); taken {
		return editErr(op, "the name %q is already used by another state", name)
	}
	return nil
}

// checkNewState checks a state object to be inserted.
func checkNewState(op string, state *Value) error {
	if state == nil || state.Kind != Object {
		return editErr(op, "the new state must be a JSON object")
	}
	return nil
}

// StateNames returns the names of every state of the document, nested
// ones included, in document order.
func StateNames(doc *Value) []string {
	var names []string
	walkMachines(doc, func(m machine) {
		if m.states != nil {
			for _, f := range m.states.Fields {
				names = append(names, f.Key)
			}
		}
	})
	return names
}

// UniqueName returns base when no state has that name, otherwise the first
// free of "base (1)", "base (2)", ….
func UniqueName(doc *Value, base string) string {
	taken := map[string]bool{}
	for _, n := range StateNames(doc) {
		taken[n] = true
	}
	if !taken[base] && base != "" {
		return base
	}
	for i := 1; ; i++ {
		n := base + " (" + strconv.Itoa(i) + ")"
		if !taken[n] {
			return n
		}
	}
}

// stateType returns a state's Type string.
func stateType(state *Value) string { return str(state.Get("Type")) }

// hasNextField reports whether a state type transitions with Next/End.
func hasNextField(typ string) bool {
	switch typ {
	case TypeChoice, TypeSucceed, TypeFail:
		return false
	}
	return true
}

// transition is one place in a state that names a target state: its Next,
// a Choice's Default, a Choice rule's Next, or a Catcher's Next.
type transition struct {
	owner *Value // the object holding the key
	key   string // "Next" or "Default"
	kind  string // "Next", "Default", "Choice", "Catch"
}

func (t transition) target() string { return str(t.owner.Get(t.key)) }

func (t transition) set(target string) { t.owner.Set(t.key, NewString(target)) }

// transitions lists the transitions of a state in document order.
func transitions(state *Value) []transition {
	if state == nil || state.Kind != Object {
		return nil
	}
	var out []transition
	for _, f := range state.Fields {
		switch f.Key {
		case "Next":
			if f.Value.Is(String) {
				out = append(out, transition{state, "Next", "Next"})
			}
		case "Default":
			if f.Value.Is(String) {
				out = append(out, transition{state, "Default", "Default"})
			}
		case "Choices", "Catch":
			kind := "Choice"
			if f.Key == "Catch" {
				kind = "Catch"
			}
			if f.Value.Is(Array) {
				for _, it := range f.Value.Items {
					if it.Is(Object) && it.Get("Next") != nil && it.Get("Next").Kind == String {
						out = append(out, transition{it, "Next", kind})
					}
				}
			}
		}
	}
	return out
}

// setNext makes state transition to target with Next, turning an End into
// a Next in place (keeping the key order).
func setNext(state *Value, target string) {
	for _, f := range state.Fields {
		if f.Key == "Next" {
			f.Value = NewString(target)
			removeKey(state, "End")
			return
		}
	}
	for _, f := range state.Fields {
		if f.Key == "End" {
			f.Key, f.Value, f.KeyPos = "Next", NewString(target), Pos{}
			return
		}
	}
	state.Fields = append(state.Fields, &Field{Key: "Next", Value: NewString(target)})
}

// setEnd makes state terminal, turning a Next into End: true in place.
func setEnd(state *Value) {
	for _, f := range state.Fields {
		if f.Key == "End" {
			f.Value = NewBool(true)
			removeKey(state, "Next")
			return
		}
	}
	for _, f := range state.Fields {
		if f.Key == "Next" {
			f.Key, f.Value, f.KeyPos = "End", NewBool(true), Pos{}
			return
		}
	}
	state.Fields = append(state.Fields, &Field{Key: "End", Value: NewBool(true)})
}

// removeKey deletes every member named key.
func removeKey(v *Value, key string) {
	for v.Delete(key) {
	}
}

// clearTransition removes Next and End.
func clearTransition(state *Value) {
	removeKey(state, "Next")
	removeKey(state, "End")
}

// exitOf returns where a state goes when it is done: its Next, "" when it
// is terminal. For a Choice it is the Default, else the first rule's Next.
func exitOf(state *Value) string {
	if n := str(state.Get("Next")); n != "" {
		return n
	}
	if stateType(state) == TypeChoice {
		if d := str(state.Get("Default")); d != "" {
			return d
		}
		for _, t := range transitions(state) {
			if t.kind == "Choice" {
				return t.target()
			}
		}
	}
	return ""
}

// linkNewState gives a new state the exit next ("" = terminal), in the form
// its type takes: Next/End, a Choice's Default, nothing for Succeed/Fail.
func linkNewState(state *Value, next string) {
	switch stateType(state) {
	case TypeSucceed, TypeFail:
		clearTransition(state)
	case TypeChoice:
		clearTransition(state)
		if next != "" && state.Get("Default") == nil {
			state.Set("Default", NewString(next))
		}
	default:
		if next == "" {
			setEnd(state)
		} else {
			setNext(state, next)
		}
	}
}

// insertField inserts a member at index i of an object.
func insertField(obj *Value, i int, f *Field) {
	obj.Fields = append(obj.Fields, nil)
	copy(obj.Fields[i+1:], obj.Fields[i:])
	obj.Fields[i] = f
}

// ensureStates returns a machine's States object, creating it (after
// StartAt) when missing.
func ensureStates(m *Value) *Value {
	if s := m.Get("States"); s != nil && s.Kind == Object {
		return s
	}
	s := NewObject()
	m.Set("States", s)
	return s
}

// clearPositions zeroes the positions of a subtree (for copied nodes, which
// no longer come from the source text).
func clearPositions(v *Value) {
	if v == nil {
		return
	}
	v.Pos, v.End = Pos{}, Pos{}
	for _, it := range v.Items {
		clearPositions(it)
	}
	for _, f := range v.Fields {
		f.KeyPos = Pos{}
		clearPositions(f.Value)
	}
}
