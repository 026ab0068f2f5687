package asl

// Kind is the JSON type of a Value.
type Kind uint8

// The kinds of JSON value a Value can hold.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// String returns the JSON name of the kind ("object", "number", …), as
// used in messages such as "expected a string, found a number".
func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "boolean"
	case Number:
		return "number"
	case String:
		return "string"
	case Array:
		return "array"
	case Object:
		return "object"
	}
	return "invalid"
}

// Pos is a position in source text: 1-based line and column (in bytes), and
// the 0-based byte offset. The zero Pos means "no position" (a node created
// by an edit rather than parsed).
type Pos struct {
	Line, Col, Offset int
}

// IsValid reports whether p refers to a real source position.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Value is one node of a JSON document as the user wrote it: its kind, its
// position, object members in their original order, and numbers as their
// original literal text (so 1.0 stays 1.0). It is the lossless layer of the
// model: every field, known or not, lives here, and printing it gives the
// document back. Edits change Values; the typed StateMachine view is decoded
// from them.
type Value struct {
	Kind Kind
	// Bool holds a Bool's value.
	Bool bool
	Pos  Pos
	// End is the position just after the value in the source, when known
	// (always from ParseJSON; from ParseYAML when the text could be
	// matched, else zero).
	End Pos
	// Str holds a String's value, or a Number's literal text (e.g. "1.50").
	Str string
	// Items are an Array's elements.
	Items []*Value
	// Fields are an Object's members in source order.
	Fields []*Field
	// Tag is a YAML tag other than the core schema's (e.g. "!Ref"), kept so
	// templates print back as written.
	Tag string
}

// Field is one member of an object.
type Field struct {
	Key    string
	KeyPos Pos
	Value  *Value
}

// Get returns the member named key of an object, or nil when v is not an
// object or has no such member.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Object {
		return nil
	}
	for _, f := range v.Fields {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}

// Is reports whether v is non-nil and of kind k.
func (v *Value) Is(k Kind) bool { return v != nil && v.Kind == k }

// Has reports whether the object v has a member named key.
func (v *Value) Has(key string) bool { return v.Get(key) != nil }

// Set replaces the member named key, or appends it when absent.
func (v *Value) Set(key string, val *Value) {
	for _, f := range v.Fields {
		if f.Key == key {
			f.Value = val
			return
		}
	}
	v.Fields = append(v.Fields, &Field{Key: key, Value: val})
}

// Delete removes the member named key, if present, and reports whether it was.
func (v *Value) Delete(key string) bool {
	for i, f := range v.Fields {
		if f.Key == key {
			v.Fields = append(v.Fields[:i:i], v.Fields[i+1:]...)
			return true
		}
	}
	return false
}

// Keys returns an object's member names in order.
func (v *Value) Keys() []string {
	if v == nil {
		return nil
	}
	keys := make([]string, len(v.Fields))
	for i, f := range v.Fields {
		keys[i] = f.Key
	}
	return keys
}

// StringValue returns the string held by v and whether v is a String.
func (v *Value) StringValue() (string, bool) {
	if v == nil || v.Kind != String {
		return "", false
	}
	return v.Str, true
}

// NewString returns a String Value.
func NewString(s string) *Value { return &Value{Kind: String, Str: s} }

// NewNumber returns a Number Value from its literal text (e.g. "3", "2.5").
func NewNumber(lit string) *Value { return &Value{Kind: Number, Str: lit} }

// NewBool returns a Bool Value.
func NewBool(b bool) *Value { return &Value{Kind: Bool, Bool: b} }

// NewNull returns a Null Value.
func NewNull() *Value { return &Value{Kind: Null} }

// NewObject returns an empty Object Value.
func NewObject() *Value { return &Value{Kind: Object} }

// NewArray returns an Array Value holding items.
func NewArray(items ...*Value) *Value { return &Value{Kind: Array, Items: items} }
