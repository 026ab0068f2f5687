package expr

import (
	"fmt"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// CheckPath reports whether s is a valid Path (InputPath, OutputPath,
// ItemsPath, a "key.$" value…): $ for the state's data, $$ for the context
// object or $name for a variable, followed by JSONPath steps.
func CheckPath(s string) error {
	_, err := cachedPath(s)
	if err != nil {
		return fmt.Errorf("invalid JSONPath '%s': %v", s, err)
	}
	return nil
}

// CheckReferencePath reports whether s is a valid Reference Path (ResultPath,
// Choice Variable, *Path operands): a Path that selects a single node, so
// no wildcards, filters, slices, unions or '..'.
func CheckReferencePath(s string) error {
	p, err := cachedPath(s)
	if err != nil {
		return fmt.Errorf("invalid JSONPath '%s': %v", s, err)
	}
	if !p.definite || p.computed {
		return fmt.Errorf("invalid reference path '%s': a reference path selects a single node, so it cannot contain wildcards, filters, slices, unions, script expressions or '..'", s)
	}
	return nil
}

// CheckResultPath reports whether s is a valid ResultPath: a Reference Path
// into the state's data ($…; not $$ or a variable).
func CheckResultPath(s string) error {
	if err := CheckReferencePath(s); err != nil {
		return err
	}
	p, _ := cachedPath(s)
	if p.root != rootInput {
		return fmt.Errorf("invalid ResultPath '%s': it must point into the state's input ($), not the context object or a variable", s)
	}
	return nil
}

// Select evaluates a Path ($, $$ or $name) against env. A path with
// wildcards, filters, slices, unions or '..' gives an array of the nodes it
// matches; a single-node path gives the node, or a States.Runtime error in
// AWS's words for InputPath/OutputPath/ItemsPath…: "Invalid path '$.x' : No
// results for path: $['x']".
func Select(path string, env *Env) (any, error) {
	p, err := cachedPath(path)
	if err != nil {
		return nil, newError(ErrRuntime, "Invalid path '%s' : %v", path, err)
	}
	v, miss := p.eval(env)
	if miss != "" {
		return nil, newError(ErrRuntime, "Invalid path '%s' : %s", path, miss)
	}
	return v, nil
}

// SelectField is Select for a path that AWS names by its field in errors
// (payload template keys "k.$", ErrorPath, CausePath…): "The JSONPath '$.x'
// specified for the field 'k.$' could not be found in the input '{…}'".
func SelectField(field, path string, env *Env) (any, error) {
	p, err := cachedPath(path)
	if err != nil {
		return nil, newError(ErrRuntime, "The JSONPath '%s' specified for the field '%s' is invalid: %v", path, field, err)
	}
	v, miss := p.eval(env)
	if miss != "" {
		return nil, newError(ErrRuntime, "The JSONPath '%s' specified for the field '%s' could not be found in the input '%s'", path, field, asl.EncodeJSON(p.base(env)))
	}
	return v, nil
}

// base returns the value a path is applied to.
func (p *path) base(env *Env) any {
	if env == nil {
		return nil
	}
	switch p.root {
	case rootContext:
		return env.Context
	case rootVar:
		return env.Vars[p.varName]
	}
	return env.Input
}

// eval applies p to env. miss is non-empty (Jayway's reason, which AWS
// quotes) when a single-node path selects nothing.
func (p *path) eval(env *Env) (v any, miss string) {
	cur := p.base(env)
	if p.root == rootVar {
		if env == nil || env.Vars == nil {
			return nil, fmt.Sprintf("The variable '$%s' is not defined", p.varName)
		}
		if _, ok := env.Vars[p.varName]; !ok {
			return nil, fmt.Sprintf("The variable '$%s' is not defined", p.varName)
		}
	}
	if !p.definite {
		return p.selectAll(cur), ""
	}
	for i, sg := range p.segs {
		leaf := i == len(p.segs)-1
		switch sg.kind {
		case segChild:
			m, ok := cur.(map[string]any)
			if !ok {
				return nil, fmt.Sprintf("Expected to find an object with property ['%s'] in path %s but found '%s'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JacksonJsonProvider'.", sg.name, p.jaywayPath(i), javaClass(cur))
			}
			next, ok := m[sg.name]
			if !ok {
				if leaf {
					return nil, "No results for path: " + p.jaywayPath(i+1)
				}
				return nil, "Missing property in path " + p.jaywayPath(i+1)
			}
			cur = next
		case segIndex:
			a, ok := cur.([]any)
			if !ok {
				return nil, fmt.Sprintf("Filter: [%d] can only be applied to arrays. Current context is: %s", sg.index, asl.EncodeJSON(cur))
			}
			n := sg.index
			if n < 0 {
				n += len(a)
			}
			if n < 0 || n >= len(a) {
				return nil, "No results for path: " + p.jaywayPath(len(p.segs))
			}
			cur = a[n]
		case segProps:
			m, ok := cur.(map[string]any)
			if !ok {
				return nil, fmt.Sprintf("Expected to find an object with property %s in path %s but found '%s'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JacksonJsonProvider'.", sg.raw, p.jaywayPath(i), javaClass(cur))
			}
			cur = mergeProps(m, sg.names)
		case segScript:
			a, ok := cur.([]any)
			if !ok {
				return nil, "No results for path: " + p.jaywayPath(i+1)
			}
			n := len(a) + sg.index
			if n < 0 || n >= len(a) {
				return nil, "No results for path: " + p.jaywayPath(i+1)
			}
			cur = a[n]
		}
	}
	return cur, ""
}

// mergeProps is Jayway's value for a property union as the last step: an
// object with those of the properties m has.
func mergeProps(m map[string]any, names []string) map[string]any {
	out := make(map[string]any, len(names))
	for _, n := range names {
		if v, ok := m[n]; ok {
			out[n] = v
		}
	}
	return out
}

// javaClass names the Java class Jayway reports for a JSON value.
func javaClass(v any) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case string:
		return "java.lang.String"
	case bool:
		return "java.lang.Boolean"
	case int64:
		if t == int64(int32(t)) {
			return "java.lang.Integer"
		}
		return "java.lang.Long"
	case float64:
		return "java.lang.Double"
	case []any:
		return "net.minidev.json.JSONArray"
	}
	return "java.util.LinkedHashMap"
}

// selectAll evaluates an indefinite path step by step over a list of nodes.
// Objects are visited in sorted key order (runtime objects keep no source
// order) so results are deterministic.
func (p *path) selectAll(root any) []any {
	nodes := []any{root}
	for i, sg := range p.segs {
		var next []any
		switch sg.kind {
		case segProps:
			// Merged into one object per node as the last step, each
			// property's value otherwise (Jayway).
			leaf := i == len(p.segs)-1
			for _, n := range nodes {
				m, ok := n.(map[string]any)
				if !ok {
					continue
				}
				if leaf {
					next = append(next, mergeProps(m, sg.names))
					continue
				}
				for _, name := range sg.names {
					if v, ok := m[name]; ok {
						next = append(next, v)
					}
				}
			}
		case segScript:
			for _, n := range nodes {
				if a, ok := n.([]any); ok {
					if k := len(a) + sg.index; k >= 0 && k < len(a) {
						next = append(next, a[k])
					}
				}
			}
		case segChild:
			for _, n := range nodes {
				if m, ok := n.(map[string]any); ok {
					if v, ok := m[sg.name]; ok {
						next = append(next, v)
					}
				}
			}
		case segIndex:
			for _, n := range nodes {
				if a, ok := n.([]any); ok {
					i := sg.index
					if i < 0 {
						i += len(a)
					}
					if i >= 0 && i < len(a) {
						next = append(next, a[i])
					}
				}
			}
		case segWildcard:
			for _, n := range nodes {
				next = appendChildren(next, n)
			}
		case segDescent:
			for _, n := range nodes {
				next = appendDescendants(next, n, 0)
			}
		case segRaw:
			for _, n := range nodes {
				if m, ok := n.(map[string]any); ok && strings.HasPrefix(sg.raw, "[?") {
					// A filter over an object's values, one value at a
					// time in key order.
					for _, k := range sortedKeys(m) {
						next = append(next, sg.frag.Get([]any{m[k]})...)
					}
					continue
				}
				next = append(next, sg.frag.Get(n)...)
			}
		}
		nodes = next
		if len(nodes) == 0 {
			break
		}
	}
	if nodes == nil {
		nodes = []any{}
	}
	return nodes
}

// appendChildren appends an array's items or an object's values (in key order).
func appendChildren(out []any, n any) []any {
	switch t := n.(type) {
	case []any:
		out = append(out, t...)
	case map[string]any:
		for _, k := range sortedKeys(t) {
			out = append(out, t[k])
		}
	}
	return out
}

// appendDescendants appends n and everything below it, in document order.
func appendDescendants(out []any, n any, depth int) []any {
	out = append(out, n)
	if depth > maxDepth {
		return out
	}
	switch t := n.(type) {
	case []any:
		for _, x := range t {
			out = appendDescendants(out, x, depth+1)
		}
	case map[string]any:
		for _, k := range sortedKeys(t) {
			out = appendDescendants(out, t[k], depth+1)
		}
	}
	return out
}
