package expr

import (
	"github.com/aslstudio/aslstudio/engine/asl"
)

// SetResult applies ResultPath semantics: it places result into data at the
// Reference Path refPath and returns the new data. "$" replaces data with
// result; "$.a.b" sets b inside a, creating missing intermediate objects.
// data is never modified: the objects and arrays along the path are copied
// (copy-on-write) and everything else is shared. When data or an
// intermediate node is not an object (or an index is out of range) the error
// is States.ResultPathMatchFailure, "Unable to apply ReferencePath $.a.b to
// input …", as AWS words it.
func SetResult(data any, refPath string, result any) (any, error) {
	p, err := cachedPath(refPath)
	if err != nil {
		return nil, newError(ErrResultPathMatchFailure, "Invalid ResultPath '%s': %v", refPath, err)
	}
	if !p.definite || p.computed || p.root != rootInput {
		return nil, newError(ErrResultPathMatchFailure, "Invalid ResultPath '%s': it must be a reference path into the state's input", refPath)
	}
	out, ok := setAt(data, p.segs, result)
	if !ok {
		return nil, newError(ErrResultPathMatchFailure, "Unable to apply ReferencePath %s to input %s", refPath, asl.EncodeJSON(data))
	}
	return out, nil
}

// SetResultPtr is SetResult for a ResultPath field as the model decodes it:
// nil (absent) means "$", asl.NullPath (JSON null) discards the result and
// keeps data.
func SetResultPtr(data any, refPath *string, result any) (any, error) {
	switch {
	case refPath == nil:
		return result, nil
	case asl.IsNullPath(refPath):
		return data, nil
	}
	return SetResult(data, *refPath, result)
}

// setAt returns a copy of cur with v placed at segs.
func setAt(cur any, segs []seg, v any) (any, bool) {
	if len(segs) == 0 {
		return v, true
	}
	sg := segs[0]
	switch sg.kind {
	case segChild:
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		child, exists := m[sg.name]
		if !exists {
			child = nil
			if len(segs) > 1 && segs[1].kind == segChild {
				child = map[string]any{}
			}
		}
		nv, ok := setAt(child, segs[1:], v)
		if !ok {
			return nil, false
		}
		cp := make(map[string]any, len(m)+1)
		for k, x := range m {
			cp[k] = x
		}
		cp[sg.name] = nv
		return cp, true
	case segIndex:
		a, ok := cur.([]any)
		if !ok {
			return nil, false
		}
		n := sg.index
		if n < 0 {
			n += len(a)
		}
		if n < 0 || n >= len(a) {
			return nil, false
		}
		nv, ok := setAt(a[n], segs[1:], v)
		if !ok {
			return nil, false
		}
		cp := append([]any(nil), a...)
		cp[n] = nv
		return cp, true
	}
	return nil, false
}
