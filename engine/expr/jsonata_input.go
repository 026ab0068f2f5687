package expr

import (
	"reflect"
	"sync"
)

// Values handed to the library are converted: JSON null becomes the
// library's null (a nil interface inside an object would read as
// undefined) and int64 becomes float64, since JSONata numbers are doubles
// and the library compares an int64 3 and a float64 3 as different values
// ($distinct, deep equality). Results come back through fromJSONata, which
// turns whole numbers into int64 again.

// toJSONataValue converts a runtime value for the library.
func toJSONataValue(v any, depth int) any {
	switch t := v.(type) {
	case nil:
		return jsonNull
	case int64:
		return float64(t)
	case []any:
		if depth > maxDepth {
			return t
		}
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = toJSONataValue(x, depth+1)
		}
		return out
	case map[string]any:
		if depth > maxDepth {
			return t
		}
		out := make(map[string]any, len(t))
		for k, x := range t {
			out[k] = toJSONataValue(x, depth+1)
		}
		return out
	}
	return v
}

// convCache remembers conversions for one Env, so the expressions of one
// state (Arguments, Output, Assign…) convert its data once. Entries hold
// the original value, so its address cannot be reused while cached; runtime
// values are never changed in place.
type convCache struct {
	mu      sync.Mutex
	entries []convEntry
}

type convEntry struct {
	orig any
	ptr  uintptr
	n    int
	conv any
}

const convCacheSize = 16

// convInit guards the lazy creation of Env.conv (an Env is a plain struct
// the caller builds, so it cannot hold a lock of its own without making
// copies of it suspicious to vet).
var convInit sync.Mutex

// jsonataValue converts v for the library, reusing an earlier conversion
// of the same object or array.
func (env *Env) jsonataValue(v any) any {
	var ptr uintptr
	n := 0
	switch t := v.(type) {
	case map[string]any:
		if len(t) == 0 {
			return toJSONataValue(v, 0)
		}
		ptr, n = reflect.ValueOf(t).Pointer(), len(t)
	case []any:
		if len(t) == 0 {
			return toJSONataValue(v, 0)
		}
		ptr, n = reflect.ValueOf(t).Pointer(), len(t)
	default:
		return toJSONataValue(v, 0)
	}
	convInit.Lock()
	if env.conv == nil {
		env.conv = &convCache{}
	}
	c := env.conv
	convInit.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.entries {
		if e.ptr == ptr && e.n == n {
			return e.conv
		}
	}
	conv := toJSONataValue(v, 0)
	if len(c.entries) >= convCacheSize {
		c.entries = c.entries[1:]
	}
	c.entries = append(c.entries, convEntry{orig: v, ptr: ptr, n: n, conv: conv})
	return conv
}
