package expr

import (
	"encoding/base64"
	"fmt"
	"math"
	"math/rand"
	"reflect"

	jsonata "github.com/blues/jsonata-go"
	"github.com/blues/jsonata-go/jlib"
	"github.com/blues/jsonata-go/jtypes"
)

// awsFunctions are the functions AWS adds to JSONata ($partition, $range,
// $hash, $random with an optional seed, $uuid, $parse) and JSONata 2.x
// functions the library lacks ($base64encode, $base64decode, $assert).
// Those that need the evaluation's Env ($random, $uuid) read it from c.
func awsFunctions(c *compiled) map[string]jsonata.Extension {
	m := compatFunctions()
	for name, ext := range orderFunctions() {
		m[name] = ext
	}
	for name, ext := range map[string]jsonata.Extension{
		"partition":    {Func: jPartition},
		"range":        {Func: jRange},
		"hash":         {Func: jHash},
		"parse":        {Func: jParse},
		"random":       {Func: func(seed jtypes.OptionalValue) (any, error) { return jRandom(c.env, seed) }},
		"uuid":         {Func: func() string { return c.env.uuid() }},
		"base64encode": {Func: jBase64Encode},
		"base64decode": {Func: jBase64Decode},
		"assert":       {Func: jAssert},
		"keys":         {Func: jKeys},
		"now": {Func: func(picture, tz jtypes.OptionalString) (string, error) {
			return jlib.FromMillis(c.env.now().UnixMilli(), picture, tz)
		}},
		"millis": {Func: func() int64 { return c.env.now().UnixMilli() }},
	} {
		m[name] = ext
	}
	return m
}

func fnErr(format string, args ...any) error {
	return &funcError{msg: fmt.Sprintf(format, args...)}
}

// runtimeOf converts a library argument to a runtime value (undefined → ok false).
func runtimeOf(v reflect.Value) (any, bool) { return fromReflect(v, 0) }

func jNumberArg(fn string, i int, v reflect.Value) (float64, error) {
	x, ok := runtimeOf(v)
	if !ok {
		return 0, fnErr("The function %s expects argument %d to be a number, but it is undefined", fn, i)
	}
	switch n := x.(type) {
	case int64:
		return float64(n), nil
	case float64:
		return n, nil
	}
	return 0, fnErr("The function %s expects argument %d to be a number, but it is %s", fn, i, TypeName(x))
}

func jIntArg(fn string, i int, v reflect.Value) (int64, error) {
	f, err := jNumberArg(fn, i, v)
	if err != nil {
		return 0, err
	}
	if f != math.Trunc(f) || math.Abs(f) > math.MaxInt32 {
		return 0, fnErr("The function %s expects argument %d to be an integer, but it is %v", fn, i, f)
	}
	return int64(f), nil
}

// jPartition is $partition(array, size).
func jPartition(arr, size reflect.Value) (any, error) {
	a, ok := runtimeOf(arr)
	if !ok {
		return nil, jtypes.ErrUndefined
	}
	items, isArr := a.([]any)
	if !isArr {
		items = []any{a}
	}
	n, err := jIntArg("$partition", 2, size)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		// AWS raises on an empty array (its recorded tests leave it out).
		return nil, fnErr("The function $partition expects a non-empty array as argument 1")
	}
	v, err := fnArrayPartition([]any{items, n}, nil)
	if err != nil {
		return nil, fnErr("The function $partition failed: %v", err)
	}
	return toJSONata(v), nil
}

// jRange is $range(start, end, step): like States.ArrayRange.
func jRange(start, end, step reflect.Value) (any, error) {
	var n [3]int64
	for i, v := range []reflect.Value{start, end, step} {
		x, err := jIntArg("$range", i+1, v)
		if err != nil {
			return nil, err
		}
		n[i] = x
	}
	v, err := fnArrayRange([]any{n[0], n[1], n[2]}, nil)
	if err != nil {
		return nil, fnErr("The function $range failed: %v", err)
	}
	// The result is a JSONata sequence: one item is the item itself (AWS
	// gives 1 for $range(1, 1, 1)).
	switch a := v.([]any); len(a) {
	case 0:
		return nil, jtypes.ErrUndefined
	case 1:
		return toJSONata(a[0]), nil
	}
	return toJSONata(v), nil
}

// jHash is $hash(value, algorithm).
func jHash(value, algorithm reflect.Value) (any, error) {
	x, ok := runtimeOf(value)
	if !ok {
		return nil, jtypes.ErrUndefined
	}
	alg, _ := runtimeOf(algorithm)
	a, isStr := alg.(string)
	if !isStr {
		return nil, fnErr("The function $hash expects argument 2 to be a string naming the algorithm (MD5, SHA-1, SHA-256, SHA-384, SHA-512)")
	}
	s, isStr := x.(string)
	if !isStr {
		s = encode(x)
	}
	h, err := hashHex(s, a)
	if err != nil {
		return nil, fnErr("The function $hash failed: %v", err)
	}
	return h, nil
}

// jParse is $parse(jsonString): JSON text to a value.
func jParse(str reflect.Value) (any, error) {
	x, ok := runtimeOf(str)
	if !ok {
		return nil, jtypes.ErrUndefined
	}
	s, isStr := x.(string)
	if !isStr {
		return nil, fnErr("The function $parse expects a string, but it is %s", TypeName(x))
	}
	v, err := fnStringToJSON([]any{s}, nil)
	if err != nil {
		return nil, fnErr("The function $parse failed: %v", err)
	}
	return toJSONata(v), nil
}

// jRandom is $random([seed]): a number in [0, 1); with a seed the same
// number on every run, without one the next number of env.Rand.
func jRandom(env *Env, seed jtypes.OptionalValue) (any, error) {
	if seed.IsSet() {
		s, err := jNumberArg("$random", 1, seed.Value)
		if err != nil {
			return nil, err
		}
		return rand.New(rand.NewSource(int64(s))).Float64(), nil
	}
	return env.random(), nil
}

func jBase64Encode(str reflect.Value) (any, error) {
	x, ok := runtimeOf(str)
	if !ok {
		return nil, jtypes.ErrUndefined
	}
	s, isStr := x.(string)
	if !isStr {
		return nil, fnErr("T0410: Argument 1 of function \"base64encode\" does not match function signature")
	}
	return base64.StdEncoding.EncodeToString([]byte(s)), nil
}

func jBase64Decode(str reflect.Value) (any, error) {
	x, ok := runtimeOf(str)
	if !ok {
		return nil, jtypes.ErrUndefined
	}
	s, isStr := x.(string)
	if !isStr {
		return nil, fnErr("T0410: Argument 1 of function \"base64decode\" does not match function signature")
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fnErr("D3137: %v", err)
	}
	return string(b), nil
}

// jAssert is $assert(condition, message).
func jAssert(cond reflect.Value, msg jtypes.OptionalValue) (any, error) {
	x, _ := runtimeOf(cond)
	b, isBool := x.(bool)
	if !isBool {
		return nil, fnErr("T0410: Argument 1 of function \"assert\" does not match function signature")
	}
	if !b {
		m := "$assert() statement failed"
		if msg.IsSet() {
			if s, ok := runtimeOf(msg.Value); ok {
				if str, ok := s.(string); ok {
					m = str
				}
			}
		}
		return nil, fnErr("D3141: %s", m)
	}
	return nil, jtypes.ErrUndefined
}

// toJSONata converts a runtime value for the library (see toJSONataValue).
func toJSONata(v any) any { return toJSONataValue(v, 0) }

// jKeys is $keys(object) with keys in sorted order (runtime objects do not
// keep their source order, and a run must be deterministic).
func jKeys(v reflect.Value) (any, error) {
	x, ok := runtimeOf(v)
	if !ok {
		return nil, jtypes.ErrUndefined
	}
	seen := map[string]bool{}
	var keys []any
	var collect func(x any)
	collect = func(x any) {
		switch t := x.(type) {
		case map[string]any:
			for _, k := range sortedKeys(t) {
				if !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
		case []any:
			for _, it := range t {
				collect(it)
			}
		}
	}
	collect(x)
	switch len(keys) {
	case 0:
		return nil, jtypes.ErrUndefined
	case 1:
		return keys[0], nil // a sequence of one is its item
	}
	return keys, nil
}
