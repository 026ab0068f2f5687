package catalog

import (
	"sort"
	"strings"
)

// skeletonDepth bounds how deep Skeleton and SampleOutput build nested values.
const skeletonDepth = 6

// Skeleton returns a Parameters object for an action holding its required
// members, each with a placeholder of its type: the first value of an enum,
// "My<Member>" for other strings, 0, false, [] or {} and, for a required
// structure, its own required members.
func (c *Catalog) Skeleton(action string) (map[string]any, error) {
	info, err := c.Lookup(action)
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	if info.Optimized != nil && info.Optimized.Required != nil {
		var in *Shape
		if info.Action != nil {
			in = resolve(info.Action.Input, info.Shapes)
		}
		for _, name := range info.Optimized.Required {
			if in != nil && in.Members[name] != nil {
				out[name] = placeholder(name, in.Members[name], info.Shapes, 1)
				continue
			}
			out[name] = paramPlaceholder(name, info.Optimized.param(name))
		}
		return out, nil
	}
	if info.Action == nil || info.Action.Input == nil {
		return out, nil
	}
	in := resolve(info.Action.Input, info.Shapes)
	for _, name := range in.Required {
		out[name] = placeholder(name, in.Members[name], info.Shapes, 1)
	}
	return out, nil
}

func (o *Optimized) param(name string) *Param {
	for i := range o.Parameters {
		if o.Parameters[i].Name == name {
			return &o.Parameters[i]
		}
	}
	return nil
}

func paramPlaceholder(name string, p *Param) any {
	if p == nil {
		return "My" + name
	}
	switch p.Type {
	case "structure", "map", "json":
		return map[string]any{}
	case "boolean":
		return false
	case "list":
		return []any{}
	}
	if name == "Method" {
		return "GET"
	}
	return "My" + name
}

// placeholder is a value of a shape's type for a member named name.
func placeholder(name string, s *Shape, shapes map[string]*Shape, depth int) any {
	s = resolve(s, shapes)
	if s == nil {
		return nil
	}
	switch s.Type {
	case "structure":
		m := map[string]any{}
		if depth < skeletonDepth {
			for _, r := range s.Required {
				m[r] = placeholder(r, s.Members[r], shapes, depth+1)
			}
		}
		return m
	case "list":
		return []any{}
	case "map", "document":
		return map[string]any{}
	case "integer", "long":
		return int64(0)
	case "float", "double":
		return float64(0)
	case "boolean":
		return false
	case "timestamp":
		return "2024-01-01T00:00:00Z"
	case "blob":
		return ""
	}
	if len(s.Enum) > 0 {
		return s.Enum[0]
	}
	return "My" + name
}

// SampleOutput builds a result of an action's output shape to use as a
// mocked result: every top-level member, the required members of nested
// structures (or their scalar members when none is required), one element
// per list, and sample values by type.
func (c *Catalog) SampleOutput(action string) (any, error) {
	info, err := c.Lookup(action)
	if err != nil {
		return nil, err
	}
	if info.Output == nil {
		if info.ID == "http:invoke" || info.ID == "apigateway:invoke" {
			return map[string]any{"StatusCode": int64(200), "StatusText": "OK", "Headers": map[string]any{}, "ResponseBody": map[string]any{}}, nil
		}
		return map[string]any{}, nil
	}
	if info.Pattern == WaitForCallback {
		return map[string]any{}, nil
	}
	out := sample("", info.Output, info.Shapes, 0, true)
	if m, ok := out.(map[string]any); ok {
		for _, j := range info.jsonOutput() {
			if _, ok := m[j]; ok {
				m[j] = map[string]any{}
			}
		}
	}
	return out, nil
}

func sample(name string, s *Shape, shapes map[string]*Shape, depth int, all bool) any {
	s = resolve(s, shapes)
	if s == nil {
		return nil
	}
	switch s.Type {
	case "structure":
		m := map[string]any{}
		if depth > 4*skeletonDepth {
			return m
		}
		names := s.Required
		if depth < skeletonDepth && (all || len(names) == 0) {
			names = nil
			for n, ms := range s.Members {
				r := resolve(ms, shapes)
				if all || (r != nil && isScalar(r.Type)) {
					names = append(names, n)
				}
			}
			sort.Strings(names)
		}
		for _, n := range names {
			if ms := resolve(s.Members[n], shapes); ms != nil && ms.Streaming {
				m[n] = ""
				continue
			}
			m[n] = sample(n, s.Members[n], shapes, depth+1, false)
		}
		return m
	case "list":
		if depth >= skeletonDepth {
			return []any{}
		}
		return []any{sample(strings.TrimSuffix(name, "s"), s.Member, shapes, depth+1, false)}
	case "map":
		if depth >= skeletonDepth {
			return map[string]any{}
		}
		return map[string]any{"key": sample("value", s.Value, shapes, depth+1, false)}
	case "document":
		return map[string]any{}
	case "integer", "long":
		n := 1.0
		if name == "StatusCode" {
			n = 200
		}
		return int64(clamp(n, s))
	case "float", "double":
		return clamp(1.5, s)
	case "boolean":
		return true
	case "timestamp":
		return "2024-01-01T00:00:00Z"
	case "blob":
		return fitLength("YmxvYg==", s)
	}
	if len(s.Enum) > 0 {
		return s.Enum[0]
	}
	switch {
	case strings.HasSuffix(name, "Arn"):
		return fitLength("arn:aws:service:us-east-1:123456789012:"+strings.ToLower(strings.TrimSuffix(name, "Arn"))+"/example", s)
	case strings.HasSuffix(name, "AccountId"):
		return fitLength("123456789012", s)
	}
	return fitLength(name+"Value", s)
}

// clamp keeps a sample number within a shape's min and max.
func clamp(n float64, s *Shape) float64 {
	if s.Min != nil && n < *s.Min {
		n = *s.Min
	}
	if s.Max != nil && n > *s.Max {
		n = *s.Max
	}
	return n
}

// fitLength pads or cuts a sample string to a shape's min and max length.
func fitLength(v string, s *Shape) string {
	r := []rune(v)
	if s.Max != nil && float64(len(r)) > *s.Max {
		r = r[:int(*s.Max)]
	}
	for s.Min != nil && float64(len(r)) < *s.Min {
		r = append(r, 'x')
	}
	return string(r)
}

func isScalar(t string) bool {
	switch t {
	case "structure", "list", "map", "document":
		return false
	}
	return true
}
