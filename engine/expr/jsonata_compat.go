package expr

import (
	"fmt"
	"math"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	jsonata "github.com/blues/jsonata-go"
	"github.com/blues/jsonata-go/jtypes"
)

// JSONata 2.x behaviour (what AWS runs) where the library differs:
// $number reads 0x/0o/0b literals, $single takes an optional predicate,
// the URL functions follow JavaScript's encodeURIComponent/encodeURI
// (space is %20, '+' is not a space), and $keys of one key is that key.
// $keys, $each and $spread visit object members in sorted key order so a
// run is deterministic (runtime objects keep no source order); so do "*",
// "**" and $sift (jsonata_order.go). $merge's result does not depend on
// the order it visits members in.

var (
	undefinedFirst = jtypes.ArgUndefined(0)
	noArgs         = jtypes.ArgCountEquals(0)
)

// compatFunctions are registered with awsFunctions.
func compatFunctions() map[string]jsonata.Extension {
	return map[string]jsonata.Extension{
		"number":             {Func: jNumber, UndefinedHandler: undefinedFirst, EvalContextHandler: noArgs},
		"single":             {Func: jSingle, UndefinedHandler: undefinedFirst},
		"encodeUrlComponent": {Func: jsEncoder(uriUnreserved), UndefinedHandler: undefinedFirst, EvalContextHandler: noArgs},
		"encodeUrl":          {Func: jsEncoder(uriUnreserved + ";,/?:@&=+$#"), UndefinedHandler: undefinedFirst, EvalContextHandler: noArgs},
		"decodeUrlComponent": {Func: jsDecode, UndefinedHandler: undefinedFirst, EvalContextHandler: noArgs},
		"decodeUrl":          {Func: jsDecode, UndefinedHandler: undefinedFirst, EvalContextHandler: noArgs},
		"spread":             {Func: jSpread, UndefinedHandler: undefinedFirst, EvalContextHandler: noArgs},
		"each":               {Func: jEach, UndefinedHandler: undefinedFirst, EvalContextHandler: noArgs},
		"formatInteger":      {Func: jFormatInteger, UndefinedHandler: undefinedFirst},
		"error":              {Func: jError},
		"parseInteger":       {Func: jParseInteger, UndefinedHandler: undefinedFirst},
	}
}

var jsonNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?$`) })

// jNumber is $number(arg): numbers as they are, booleans as 0/1, strings in
// JSON number syntax or with a 0x, 0o or 0b prefix.
func jNumber(v reflect.Value) (any, error) {
	x, ok := runtimeOf(v)
	if !ok {
		return nil, jtypes.ErrUndefined
	}
	switch t := x.(type) {
	case int64:
		return float64(t), nil
	case float64:
		return t, nil
	case bool:
		if t {
			return float64(1), nil
		}
		return float64(0), nil
	case string:
		s := strings.TrimSpace(t)
		for prefix, base := range map[string]int{"0x": 16, "0X": 16, "0o": 8, "0O": 8, "0b": 2, "0B": 2} {
			if strings.HasPrefix(s, prefix) {
				if n, err := strconv.ParseInt(s[2:], base, 64); err == nil {
					return float64(n), nil
				}
			}
		}
		if jsonNumber().MatchString(s) {
			f, err := strconv.ParseFloat(s, 64)
			if err == nil && !math.IsInf(f, 0) {
				return f, nil
			}
		}
	}
	return nil, fnErr("D3030: Unable to cast value to a number: %s", encode(x))
}

// jSingle is $single(array[, predicate]).
func jSingle(v reflect.Value, pred jtypes.OptionalCallable) (any, error) {
	x, ok := runtimeOf(v)
	if !ok {
		return nil, jtypes.ErrUndefined
	}
	items, isArr := x.([]any)
	if !isArr {
		items = []any{x}
	}
	var found []any
	for i, it := range items {
		if pred.IsSet() {
			keep, _, err := callFn(pred.Callable, it, int64(i), items)
			if err != nil {
				return nil, err
			}
			if b, isBool := keep.(bool); !isBool || !b {
				continue
			}
		}
		found = append(found, it)
	}
	switch len(found) {
	case 0:
		return nil, fnErr("D3139: The $single() function expected exactly 1 matching result.  Instead it matched 0.")
	case 1:
		return toJSONata(found[0]), nil
	}
	return nil, fnErr("D3138: The $single() function expected exactly 1 matching result.  Instead it matched more.")
}

const uriUnreserved = "-_.!~*'()"

// jsEncoder returns a percent-encoder that keeps ASCII letters, digits and
// the given characters, as JavaScript's encodeURIComponent/encodeURI do.
func jsEncoder(keep string) func(string) (string, error) {
	return func(s string) (string, error) {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(keep, c) >= 0) {
				b.WriteByte(c)
				continue
			}
			fmt.Fprintf(&b, "%%%02X", c)
		}
		return b.String(), nil
	}
}

// jsDecode is JavaScript's decodeURIComponent ('+' stays '+').
func jsDecode(s string) (string, error) {
	out, err := url.PathUnescape(s)
	if err != nil {
		return "", fnErr("D3140: Malformed URL passed to $decodeUrlComponent(): %s", s)
	}
	return out, nil
}

// callFn calls a JSONata function value with up to len(args) arguments
// (fewer when the function declares fewer parameters).
func callFn(fn jtypes.Callable, args ...any) (any, bool, error) {
	n := fn.ParamCount()
	if n >= 0 && n < len(args) {
		args = args[:max(n, 1)]
	}
	argv := make([]reflect.Value, len(args))
	for i, a := range args {
		argv[i] = reflect.ValueOf(toJSONata(a))
	}
	r, err := fn.Call(argv)
	if err != nil {
		return nil, false, err
	}
	v, ok := runtimeOf(r)
	return v, ok, nil
}

// jEach is $each(object, function($value, $key, $object)) with keys in
// sorted order (deterministic; runtime objects keep no source order).
func jEach(obj reflect.Value, fn jtypes.Callable) (any, error) {
	x, ok := runtimeOf(obj)
	if !ok {
		return nil, jtypes.ErrUndefined
	}
	m, isObj := x.(map[string]any)
	if !isObj {
		return nil, fnErr("T0410: Argument 1 of function \"each\" does not match function signature")
	}
	var out []any
	for _, k := range sortedKeys(m) {
		v, ok, err := callFn(fn, m[k], k, m)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, toJSONata(v))
		}
	}
	return sequenceResult(out)
}

// jSpread is $spread(value): an object becomes an array of one-member
// objects, in sorted key order.
func jSpread(v reflect.Value) (any, error) {
	x, ok := runtimeOf(v)
	if !ok {
		return nil, jtypes.ErrUndefined
	}
	var out []any
	var spread func(x any)
	spread = func(x any) {
		switch t := x.(type) {
		case map[string]any:
			for _, k := range sortedKeys(t) {
				out = append(out, map[string]any{k: t[k]})
			}
		case []any:
			for _, it := range t {
				spread(it)
			}
		default:
			out = append(out, x)
		}
	}
	spread(x)
	return sequenceResult(out)
}

// sequenceResult gives a JSONata sequence result: nothing is undefined,
// one item is the item.
func sequenceResult(out []any) (any, error) {
	switch len(out) {
	case 0:
		return nil, jtypes.ErrUndefined
	case 1:
		return toJSONata(out[0]), nil
	}
	return toJSONata(out), nil
}

// jError is $error([message]): JSONata's D3137 error.
func jError(msg jtypes.OptionalValue) (any, error) {
	m := "$error() function evaluated"
	if msg.IsSet() {
		if x, ok := runtimeOf(msg.Value); ok {
			if s, isStr := x.(string); isStr {
				m = s
			} else {
				return nil, fnErr("T0410: Argument 1 of function \"error\" does not match function signature")
			}
		}
	}
	return nil, fnErr("D3137: %s", m)
}
