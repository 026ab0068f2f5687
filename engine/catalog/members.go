package catalog

import (
	"fmt"
	"sort"
)

// Member describes a parameter an editor can offer: its name, type, whether
// it is required and the values of an enum.
type Member struct {
	Name     string
	Type     string
	Required bool
	Enum     []string
	// Note explains an optimized integration's own parameter.
	Note string
}

// InputMembers lists the members of an action's input at a path of member
// names ("Item", "pk" …; list elements and map values are crossed without a
// name), for the inspector's completions: required members first, then by
// name. An empty path lists the top-level parameters.
func (c *Catalog) InputMembers(action string, path ...string) ([]Member, error) {
	info, err := c.Lookup(action)
	if err != nil {
		return nil, err
	}
	var s *Shape
	if info.Action != nil {
		s = resolve(info.Action.Input, info.Shapes)
	}
	if len(path) == 0 && info.Optimized != nil {
		return optimizedMembers(info.Optimized, s), nil
	}
	for i, p := range path {
		s = descend(s, info.Shapes)
		if s == nil || s.Type != "structure" {
			return nil, fmt.Errorf("catalog: %s: no structure at %v", action, path[:i])
		}
		s = resolve(s.Members[p], info.Shapes)
		if s == nil {
			return nil, fmt.Errorf("catalog: %s: no member %q at %v", action, p, path[:i])
		}
	}
	s = descend(s, info.Shapes)
	if s == nil || s.Type != "structure" {
		return nil, nil
	}
	return structMembers(s, info.Shapes), nil
}

// descend crosses lists and maps to the structure they hold.
func descend(s *Shape, shapes map[string]*Shape) *Shape {
	for i := 0; s != nil && i < 8; i++ {
		switch s.Type {
		case "list":
			s = resolve(s.Member, shapes)
		case "map":
			s = resolve(s.Value, shapes)
		default:
			return s
		}
	}
	return s
}

func structMembers(s *Shape, shapes map[string]*Shape) []Member {
	req := map[string]bool{}
	for _, r := range s.Required {
		req[r] = true
	}
	out := make([]Member, 0, len(s.Members))
	for n, ms := range s.Members {
		r := resolve(ms, shapes)
		m := Member{Name: n, Required: req[n]}
		if r != nil {
			m.Type, m.Enum = r.Type, r.Enum
		}
		out = append(out, m)
	}
	sortMembers(out)
	return out
}

func optimizedMembers(o *Optimized, in *Shape) []Member {
	var out []Member
	seen := map[string]bool{}
	required := map[string]bool{}
	if o.Required != nil {
		for _, r := range o.Required {
			required[r] = true
		}
	} else if in != nil {
		for _, r := range in.Required {
			required[r] = true
		}
	}
	for _, p := range o.Parameters {
		seen[p.Name] = true
		out = append(out, Member{Name: p.Name, Type: p.Type, Required: required[p.Name], Note: p.Note})
	}
	if in != nil {
		for n, ms := range in.Members {
			if seen[n] {
				continue
			}
			m := Member{Name: n, Type: ms.Type, Required: required[n], Enum: ms.Enum}
			if ms.Ref != "" {
				m.Type = "structure"
			}
			out = append(out, m)
		}
	}
	sortMembers(out)
	return out
}

func sortMembers(ms []Member) {
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].Required != ms[j].Required {
			return ms[i].Required
		}
		return ms[i].Name < ms[j].Name
	})
}
