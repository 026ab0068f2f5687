package expr

import (
	"fmt"
	"math"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	jsonata "github.com/blues/jsonata-go"
	"github.com/blues/jsonata-go/jtypes"
)

// JSONata 2.x behaviour (what AWS runs) where the library differs:
// $number reads 0x/0o/0b literals, $single takes an optional predicate,
// the URL functions follow JavaScript's encodeURIComponent/encodeURI
// (space is %20, '+' is not a space), and $keys of one key is that key.

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
	}
}

var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?$`)

// jNumber is $number(arg): numbers as they are, booleans as 0/1, strings in
// JSON number syntax or with a 0x, 0o or 0b prefix.
func jNumber(v reflect.Value) (any, error) {
	x, ok := runtimeOf(v)
	if !ok {
		return nil, jtypes.ErrUndefined
	}
	switch t := x.(type) {
	case int64, float64:
		return t, nil
	case bool:
		if t {
			return int64(1), nil
		}
		return int64(0), nil
	case string:
		s := strings.TrimSpace(t)
		for prefix, base := range map[string]int{"0x": 16, "0X": 16, "0o": 8, "0O": 8, "0b": 2, "0B": 2} {
			if strings.HasPrefix(s, prefix) {
				if n, err := strconv.ParseInt(s[2:], base, 64); err == nil {
					return n, nil
				}
			}
		}
		if jsonNumber.MatchString(s) {
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
			args := []reflect.Value{reflect.ValueOf(toJSONata(it)), reflect.ValueOf(float64(i)), reflect.ValueOf(items)}
			if n := pred.Callable.ParamCount(); n >= 0 && n < len(args) {
				args = args[:max(n, 1)]
			}
			r, err := pred.Callable.Call(args)
			if err != nil {
				return nil, err
			}
			keep, _ := runtimeOf(r)
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
