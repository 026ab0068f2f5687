package asl

import (
	"strconv"
	"strings"
)

// Pointer returns the RFC 6901 JSON pointer of v inside root, e.g.
// "/States/A~1B/Next" for the Next of a state named "A/B"; it returns ""
// for root itself and when v is not inside root. The arguments may be given
// in either order (a node cannot contain its ancestor), so Pointer(root, v)
// works too.
func Pointer(v, root *Value) string {
	if v == nil || root == nil || v == root {
		return ""
	}
	var b []byte
	if path, ok := findPath(root, v, b); ok {
		return string(path)
	}
	if path, ok := findPath(v, root, b); ok {
		return string(path)
	}
	return ""
}

// findPath searches target under node, appending the pointer tokens.
func findPath(node, target *Value, b []byte) ([]byte, bool) {
	switch node.Kind {
	case Object:
		for _, f := range node.Fields {
			nb := append(append(b, '/'), escapeToken(f.Key)...)
			if f.Value == target {
				return nb, true
			}
			if f.Value != nil && (f.Value.Kind == Object || f.Value.Kind == Array) {
				if p, ok := findPath(f.Value, target, nb); ok {
					return p, true
				}
			}
		}
	case Array:
		for i, it := range node.Items {
			nb := strconv.AppendInt(append(b, '/'), int64(i), 10)
			if it == target {
				return nb, true
			}
			if it != nil && (it.Kind == Object || it.Kind == Array) {
				if p, ok := findPath(it, target, nb); ok {
					return p, true
				}
			}
		}
	}
	return nil, false
}

var tokenEscaper = strings.NewReplacer("~", "~0", "/", "~1")
var tokenUnescaper = strings.NewReplacer("~1", "/", "~0", "~")

// escapeToken escapes one reference token ("~" → "~0", "/" → "~1").
func escapeToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return tokenEscaper.Replace(s)
}

// JoinPointer appends reference tokens (escaped) to a pointer, e.g.
// JoinPointer("/States", "A/B", "Next") == "/States/A~1B/Next".
func JoinPointer(ptr string, tokens ...string) string {
	for _, t := range tokens {
		ptr += "/" + escapeToken(t)
	}
	return ptr
}

// Lookup returns the node at an RFC 6901 pointer under root, or nil when
// there is none. For duplicate object keys the first member is found.
func Lookup(root *Value, pointer string) *Value {
	if pointer == "" {
		return root
	}
	if pointer[0] != '/' {
		return nil
	}
	cur := root
	for _, tok := range strings.Split(pointer[1:], "/") {
		if cur == nil {
			return nil
		}
		if strings.Contains(tok, "~") {
			tok = tokenUnescaper.Replace(tok)
		}
		switch cur.Kind {
		case Object:
			cur = cur.Get(tok)
		case Array:
			if tok == "" || (len(tok) > 1 && tok[0] == '0') || strings.TrimLeft(tok, "0123456789") != "" {
				return nil
			}
			i, err := strconv.Atoi(tok)
			if err != nil || i >= len(cur.Items) {
				return nil
			}
			cur = cur.Items[i]
		default:
			return nil
		}
	}
	return cur
}

// Clone returns a deep copy of v (positions and tags included).
func (v *Value) Clone() *Value {
	if v == nil {
		return nil
	}
	c := *v
	if v.Items != nil {
		c.Items = make([]*Value, len(v.Items))
		for i, it := range v.Items {
			c.Items[i] = it.Clone()
		}
	}
	if v.Fields != nil {
		c.Fields = make([]*Field, len(v.Fields))
		for i, f := range v.Fields {
			c.Fields[i] = &Field{Key: f.Key, KeyPos: f.KeyPos, Value: f.Value.Clone()}
		}
	}
	return &c
}

// Equal reports whether a and b hold the same document: same kinds, same
// strings, same number literals, same members in the same order, same
// tags. Positions are ignored.
func Equal(a, b *Value) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind || a.Tag != b.Tag {
		return false
	}
	switch a.Kind {
	case Bool:
		return a.Bool == b.Bool
	case Number, String:
		return a.Str == b.Str
	case Array:
		if len(a.Items) != len(b.Items) {
			return false
		}
		for i := range a.Items {
			if !Equal(a.Items[i], b.Items[i]) {
				return false
			}
		}
	case Object:
		if len(a.Fields) != len(b.Fields) {
			return false
		}
		for i := range a.Fields {
			if a.Fields[i].Key != b.Fields[i].Key || !Equal(a.Fields[i].Value, b.Fields[i].Value) {
				return false
			}
		}
	}
	return true
}
