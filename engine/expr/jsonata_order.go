package expr

import (
	"errors"
	"reflect"
	"sort"
	"strings"

	jsonata "github.com/blues/jsonata-go"
	"github.com/blues/jsonata-go/jlib"
	"github.com/blues/jsonata-go/jtypes"
)

// Runtime objects keep no key order and the library walks Go maps in Go's
// random order, so the path wildcard "*", the descendant operator "**" and
// $sift would visit an object's members in a different order on each run.
// The adapter makes them visit members in sorted key order: $sift is
// replaced (jSift), and before compiling, each wildcard of the source
// becomes a call of $__values() and each "**" a call of $__descendants(),
// which the path step applies to its context item as the operators do.

const (
	valuesFn      = "__values"
	descendantsFn = "__descendants"
)

// orderFunctions are registered with awsFunctions.
func orderFunctions() map[string]jsonata.Extension {
	return map[string]jsonata.Extension{
		valuesFn:      {Func: jValues, UndefinedHandler: undefinedFirst, EvalContextHandler: noArgs},
		descendantsFn: {Func: jDescendants, UndefinedHandler: undefinedFirst, EvalContextHandler: noArgs},
		"sift":        {Func: jSift, UndefinedHandler: undefinedFirst, EvalContextHandler: jtypes.ArgCountEquals(1)},
	}
}

// rewriteWildcards replaces the wildcard operators of a JSONata source
// ("*" and "**" where an operand is expected, not multiplication) with
// calls of the sorted-order functions. ok is false when there are none.
func rewriteWildcards(src string) (out string, ok bool) {
	if !strings.Contains(src, "*") {
		return src, false
	}
	var b strings.Builder
	operand := false // the last token ends an operand (so "*" multiplies)
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '"' || c == '\'':
			j := endOfQuoted(src, i)
			b.WriteString(src[i:j])
			i, operand = j, true
		case c == '`':
			j := strings.IndexByte(src[i+1:], '`')
			if j < 0 {
				j = len(src)
			} else {
				j += i + 2
			}
			b.WriteString(src[i:j])
			i, operand = j, true
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			j := strings.Index(src[i+2:], "*/")
			if j < 0 {
				j = len(src)
			} else {
				j += i + 4
			}
			b.WriteString(src[i:j])
			i = j
		case c == '/' && !operand:
			// A regular expression literal, with its flags.
			j := i + 1
			for j < len(src) && src[j] != '/' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(src))
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			b.WriteString(src[i:j])
			i, operand = j, true
		case isIdentByte(c) || c == '$' || c >= 0x80:
			j := i
			for j < len(src) && (isIdentByte(src[j]) || src[j] == '$' || src[j] >= 0x80) {
				j++
			}
			w := src[i:j]
			b.WriteString(w)
			i, operand = j, w != "and" && w != "or" && w != "in"
		case c == ')' || c == ']' || c == '}':
			b.WriteByte(c)
			i, operand = i+1, true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			b.WriteByte(c)
			i++
		case c == '*' && !operand:
			if i+1 < len(src) && src[i+1] == '*' {
				b.WriteString("$" + descendantsFn + "()")
				i += 2
			} else {
				b.WriteString("$" + valuesFn + "()")
				i++
			}
			operand, ok = true, true
		default:
			b.WriteByte(c)
			i, operand = i+1, false
		}
	}
	if !ok {
		return src, false
	}
	return b.String(), true
}

// walkSorted calls fn with each item of an array, or each value of an
// object in sorted key order.
func walkSorted(v reflect.Value, fn func(reflect.Value)) {
	v = jtypes.Resolve(v)
	switch {
	case jtypes.IsArray(v):
		for i := 0; i < v.Len(); i++ {
			fn(v.Index(i))
		}
	case jtypes.IsMap(v):
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			fn(v.MapIndex(k))
		}
	}
}

// appendFlat appends v, or the items of v flattened when it is an array.
func appendFlat(out []any, v reflect.Value) []any {
	if jtypes.IsArray(v) {
		v = jtypes.Resolve(v)
		for i := 0; i < v.Len(); i++ {
			out = appendFlat(out, v.Index(i))
		}
		return out
	}
	if v.IsValid() && v.CanInterface() {
		out = append(out, v.Interface())
	}
	return out
}

// jValues is the wildcard "*": the values of an object (arrays among them
// flattened) in sorted key order.
func jValues(v reflect.Value) (any, error) {
	var out []any
	walkSorted(v, func(x reflect.Value) { out = appendFlat(out, x) })
	return librarySequence(out)
}

// jDescendants is "**": the value and everything below it, objects'
// members in sorted key order (arrays themselves are not included).
func jDescendants(v reflect.Value) (any, error) {
	var out []any
	var walk func(x reflect.Value, depth int)
	walk = func(x reflect.Value, depth int) {
		if x.IsValid() && x.CanInterface() && !jtypes.IsArray(x) {
			out = append(out, x.Interface())
		}
		if depth < maxDepth {
			walkSorted(x, func(y reflect.Value) { walk(y, depth+1) })
		}
	}
	walk(v, 0)
	return librarySequence(out)
}

// librarySequence returns items of the library's own values as a JSONata
// sequence: nothing is undefined, one item is the item.
func librarySequence(out []any) (any, error) {
	switch len(out) {
	case 0:
		return nil, jtypes.ErrUndefined
	case 1:
		return out[0], nil
	}
	return out, nil
}

// jSift is $sift(object, function($value, $key, $object)), calling the
// function for the members in sorted key order.
func jSift(obj reflect.Value, fn jtypes.Callable) (any, error) {
	obj = jtypes.Resolve(obj)
	if !jtypes.IsMap(obj) {
		return nil, errors.New("argument must be an object")
	}
	n := fn.ParamCount()
	if n < 1 || n > 3 {
		return nil, errors.New("function must take 1, 2 or 3 arguments")
	}
	keys := obj.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	var results map[string]any
	argv := make([]reflect.Value, n)
	for _, k := range keys {
		val := obj.MapIndex(k)
		if !val.IsValid() || !val.CanInterface() {
			continue
		}
		for i := range argv {
			argv[i] = [...]reflect.Value{val, k, obj}[i]
		}
		res, err := fn.Call(argv)
		if err != nil {
			return nil, err
		}
		if jlib.Boolean(res) {
			if results == nil {
				results = make(map[string]any, obj.Len())
			}
			results[k.String()] = val.Interface()
		}
	}
	if len(results) == 0 {
		return nil, jtypes.ErrUndefined
	}
	return results, nil
}
