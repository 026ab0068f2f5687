package expr

import (
	"math"
	"reflect"
	"sort"

	"github.com/blues/jsonata-go/jtypes"
)

// fromJSONata converts a value from the JSONata library into a runtime
// value. ok is false for undefined (and functions, which have no JSON
// form); undefined members of objects and arrays are dropped, as
// JSON.stringify does. Numbers: JSONata numbers are doubles, and AWS prints
// whole ones without a fraction (7, not 7.0), so integral values become
// int64 and others float64.
func fromJSONata(v any) (any, bool) {
	if rv, ok := v.(reflect.Value); ok {
		return fromReflect(rv, 0)
	}
	if v == nil {
		return nil, true
	}
	return fromReflect(reflect.ValueOf(v), 0)
}

// maxDepth bounds recursion on pathological (cyclic) values.
const maxDepth = 10000

func fromReflect(rv reflect.Value, depth int) (any, bool) {
	if depth > maxDepth {
		return nil, false
	}
	if !rv.IsValid() {
		return nil, false
	}
	if rv.CanInterface() && (rv.Type().Implements(jtypes.TypeCallable) || (rv.Kind() != reflect.Ptr && reflect.PointerTo(rv.Type()).Implements(jtypes.TypeCallable))) {
		return nil, false
	}
	switch rv.Kind() {
	case reflect.Interface, reflect.Ptr:
		if rv.IsNil() {
			return nil, true
		}
		return fromReflect(rv.Elem(), depth+1)
	case reflect.Bool:
		return rv.Bool(), true
	case reflect.String:
		return rv.String(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int(), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u > math.MaxInt64 {
			return float64(u), true
		}
		return int64(u), true
	case reflect.Float32, reflect.Float64:
		return jsonataNumber(rv.Float()), true
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return []any{}, true
		}
		out := make([]any, 0, rv.Len())
		for i := 0; i < rv.Len(); i++ {
			if x, ok := fromReflect(rv.Index(i), depth+1); ok {
				out = append(out, x)
			}
		}
		return out, true
	case reflect.Map:
		out := make(map[string]any, rv.Len())
		iter := rv.MapRange()
		for iter.Next() {
			k := iter.Key()
			for k.Kind() == reflect.Interface && !k.IsNil() {
				k = k.Elem()
			}
			if k.Kind() != reflect.String {
				continue
			}
			if x, ok := fromReflect(iter.Value(), depth+1); ok {
				out[k.String()] = x
			}
		}
		return out, true
	case reflect.Struct:
		out := map[string]any{}
		t := rv.Type()
		for i := 0; i < t.NumField(); i++ {
			if !t.Field(i).IsExported() {
				continue
			}
			if x, ok := fromReflect(rv.Field(i), depth+1); ok {
				out[t.Field(i).Name] = x
			}
		}
		return out, true
	}
	return nil, false
}

// jsonataNumber maps a JSONata double to int64 when it is whole and fits,
// so it prints as AWS prints it.
func jsonataNumber(f float64) any {
	if f == math.Trunc(f) && !math.IsInf(f, 0) && math.Abs(f) < 1<<63 {
		if f == 0 {
			return int64(0)
		}
		return int64(f)
	}
	return f
}

// sortedKeys returns a map's keys in order (deterministic iteration).
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
