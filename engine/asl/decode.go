package asl

import "errors"

// Decode builds the typed view of a definition from its Value tree. It is
// tolerant: a field of the wrong JSON type is left at its zero value (the
// validator reports it), unknown fields stay in the Value tree only. It
// fails only when v is not an object.
func Decode(v *Value) (*StateMachine, error) {
	if v == nil || v.Kind != Object {
		kind := "nothing"
		if v != nil {
			kind = "a JSON " + v.Kind.String()
		}
		return nil, errors.New("asl: a state machine definition must be a JSON object, not " + kind)
	}
	return decodeMachine(v), nil
}

// decodeMachine decodes a top-level definition, a Parallel branch or a Map
// processor.
func decodeMachine(v *Value) *StateMachine {
	m := &StateMachine{Node: v}
	if v == nil || v.Kind != Object {
		return m
	}
	for _, f := range v.Fields {
		switch f.Key {
		case "Comment":
			m.Comment = str(f.Value)
		case "StartAt":
			m.StartAt = str(f.Value)
		case "Version":
			m.Version = str(f.Value)
		case "QueryLanguage":
			m.QueryLanguage = str(f.Value)
		case "TimeoutSeconds":
			m.TimeoutSeconds = intPtr(f.Value)
		case "States":
			if f.Value.Is(Object) {
				m.States = make([]State, 0, len(f.Value.Fields))
				for _, sf := range f.Value.Fields {
					m.States = append(m.States, decodeState(sf.Key, sf.Value))
				}
				if len(m.States) > smallMachine {
					m.index()
				}
			}
		}
	}
	return m
}

// decodeState decodes one state by its Type. A state whose Type is missing
// or unknown is decoded as a bare *UnknownState carrying the common fields.
func decodeState(name string, v *Value) State {
	var s State
	typ := str(v.Get("Type"))
	switch typ {
	case TypeTask:
		s = decodeTask(v)
	case TypePass:
		s = decodePass(v)
	case TypeChoice:
		s = decodeChoice(v)
	case TypeWait:
		s = decodeWait(v)
	case TypeSucceed:
		s = &SucceedState{}
	case TypeFail:
		s = decodeFail(v)
	case TypeParallel:
		s = decodeParallel(v)
	case TypeMap:
		s = decodeMap(v)
	default:
		s = &UnknownState{}
	}
	decodeBase(s.Common(), name, v)
	return s
}

// UnknownState is a state whose Type is missing or not an ASL state type.
// Only its common fields are decoded; the validator reports it.
type UnknownState struct {
	Base
}

func decodeBase(b *Base, name string, v *Value) {
	b.Node = v
	b.Name = name
	if v == nil || v.Kind != Object {
		return
	}
	for _, f := range v.Fields {
		switch f.Key {
		case "Type":
			b.Type = str(f.Value)
		case "Comment":
			b.Comment = str(f.Value)
		case "QueryLanguage":
			b.QueryLanguage = str(f.Value)
		case "Next":
			b.Next = str(f.Value)
		case "End":
			b.End = f.Value.Is(Bool) && f.Value.Bool
		case "InputPath":
			b.InputPath = pathPtr(f.Value)
		case "OutputPath":
			b.OutputPath = pathPtr(f.Value)
		case "Assign":
			b.Assign = f.Value
		case "Output":
			b.Output = f.Value
		}
	}
}

// str returns v's string, or "" when v is not a String.
func str(v *Value) string {
	if v != nil && v.Kind == String {
		return v.Str
	}
	return ""
}

// pathPtr decodes a path field: a string, NullPath for JSON null, or nil.
func pathPtr(v *Value) *string {
	switch {
	case v == nil:
		return nil
	case v.Kind == String:
		// Points into the Value: no allocation, and the typed view is
		// read-only by convention.
		return &v.Str
	case v.Kind == Null:
		return NullPath
	}
	return nil
}

// intPtr decodes an integer number field, or nil.
func intPtr(v *Value) *int64 {
	if n, ok := v.Int(); ok {
		return &n
	}
	return nil
}

func floatPtr(v *Value) *float64 {
	if f, ok := v.Float(); ok {
		return &f
	}
	return nil
}

// strings decodes an array of strings, skipping elements of other types.
func stringList(v *Value) []string {
	if v == nil || v.Kind != Array {
		return nil
	}
	out := make([]string, 0, len(v.Items))
	for _, it := range v.Items {
		if it.Is(String) {
			out = append(out, it.Str)
		}
	}
	return out
}

// AllStates calls fn for every state of m, nested ones included (Parallel
// branches and Map processors), in document order, with the machine that
// holds it. It stops early when fn returns false.
func (m *StateMachine) AllStates(fn func(s State, in *StateMachine) bool) bool {
	if m == nil {
		return true
	}
	for _, s := range m.States {
		if !fn(s, m) {
			return false
		}
		switch t := s.(type) {
		case *ParallelState:
			for _, b := range t.Branches {
				if !b.AllStates(fn) {
					return false
				}
			}
		case *MapState:
			if !t.Processor.AllStates(fn) {
				return false
			}
		}
	}
	return true
}
