package web

import (
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// change runs an edit operation of engine/asl on a copy of the model; when
// it succeeds the copy becomes the document, when it fails the document is
// unchanged and the reason shows as a hint.
func (s *Studio) change(ctx app.Context, op func(root *asl.Value) error) bool {
	s.flushTyped(ctx) // code typed just before is part of what is edited
	if s.doc.Root == nil {
		s.hint = "Fix the code first: there is no valid definition to edit."
		return false
	}
	root := s.doc.Root.Clone()
	if err := op(root); err != nil {
		s.hint = err.Error()
		return false
	}
	s.hint = ""
	s.edit(ctx, root)
	return true
}

// stateNode returns the object of state name inside root (a clone of the
// document), found by the pointer it has in the document.
func (s *Studio) stateNode(root *asl.Value, name string) *asl.Value {
	ptr := s.doc.pointer(name)
	if ptr == "" {
		return nil
	}
	return asl.Lookup(root, ptr)
}

// setStateField sets (or, for an empty value, removes) one field of a state.
func (s *Studio) setStateField(ctx app.Context, name, key string, val *asl.Value) {
	s.change(ctx, func(root *asl.Value) error {
		n := s.stateNode(root, name)
		if n == nil {
			return &asl.EditError{Op: "Set " + key, Msg: "no state named " + strconv.Quote(name)}
		}
		if val == nil {
			n.Delete(key)
		} else {
			n.Set(key, val)
		}
		return nil
	})
}

// setTopField sets (or removes) a field of the workflow itself.
func (s *Studio) setTopField(ctx app.Context, key string, val *asl.Value) {
	s.change(ctx, func(root *asl.Value) error {
		if val == nil {
			root.Delete(key)
		} else {
			root.Set(key, val)
		}
		return nil
	})
}

func (s *Studio) rename(ctx app.Context, old, new string) {
	new = strings.TrimSpace(new)
	if new == old || new == "" {
		return
	}
	if s.change(ctx, func(root *asl.Value) error { return asl.Rename(root, old, new) }) {
		s.selected = new
		s.hist.push(s.snapshot())
		s.save(ctx)
	}
}

// setNext makes name go to next, or end the workflow when next is "".
func (s *Studio) setNext(ctx app.Context, name, next string) {
	if next != "" {
		s.change(ctx, func(root *asl.Value) error { return asl.Connect(root, name, next) })
		return
	}
	s.change(ctx, func(root *asl.Value) error {
		n := s.stateNode(root, name)
		if n == nil {
			return &asl.EditError{Op: "End", Msg: "no state named " + strconv.Quote(name)}
		}
		// Replace Next by End in place, keeping the key order.
		for _, f := range n.Fields {
			if f.Key == "Next" {
				f.Key, f.Value = "End", asl.NewBool(true)
				return nil
			}
		}
		n.Set("End", asl.NewBool(true))
		return nil
	})
}

func (s *Studio) removeState(ctx app.Context, name string) {
	if s.change(ctx, func(root *asl.Value) error { return asl.Remove(root, name) }) {
		s.selected = ""
	}
}

func (s *Studio) duplicateState(ctx app.Context, name string) {
	var copyName string
	if s.change(ctx, func(root *asl.Value) error {
		copyName = asl.UniqueName(root, name)
		return asl.Duplicate(root, name, copyName)
	}) {
		s.selected = copyName
	}
}

// newStateOf returns a fresh state of a flow type as the palette inserts
// it; next is where it will go (a Choice's first rule targets it too).
// Inner states of a new Parallel or Map get names unique in root.
func newStateOf(root *asl.Value, typ, next string) *asl.Value {
	st := asl.NewObject()
	st.Set("Type", asl.NewString(typ))
	pass := func() *asl.Value {
		p := asl.NewObject()
		p.Set("Type", asl.NewString(asl.TypePass))
		p.Set("End", asl.NewBool(true))
		return p
	}
	body := func(name string) *asl.Value {
		m := asl.NewObject()
		m.Set("StartAt", asl.NewString(name))
		sts := asl.NewObject()
		sts.Set(name, pass())
		m.Set("States", sts)
		return m
	}
	switch typ {
	case asl.TypeWait:
		st.Set("Seconds", asl.NewNumber("5"))
	case asl.TypeFail:
		st.Set("Error", asl.NewString("Failed"))
		st.Set("Cause", asl.NewString("Describe the failure."))
	case asl.TypeChoice:
		rule := asl.NewObject()
		rule.Set("Variable", asl.NewString("$.value"))
		rule.Set("IsPresent", asl.NewBool(true))
		rule.Set("Next", asl.NewString(next))
		st.Set("Choices", asl.NewArray(rule))
	case asl.TypeParallel:
		st.Set("Branches", asl.NewArray(body(asl.UniqueName(root, "Branch step"))))
	case asl.TypeMap:
		st.Set("ItemProcessor", body(asl.UniqueName(root, "Process item")))
	}
	return st
}
