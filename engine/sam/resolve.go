package sam

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// Resolve replaces every ${Name} placeholder in a definition's text with
// vars[Name], the way DefinitionSubstitutions are applied when the state
// machine is deployed, and returns the names it found no value for. Values
// are escaped for JSON strings (where placeholders live); ${!Name} and
// unknown names are left as written.
func Resolve(text string, vars map[string]string) (out string, unresolved []string) {
	var b strings.Builder
	seen := map[string]bool{}
	for {
		i := strings.Index(text, "${")
		if i < 0 {
			b.WriteString(text)
			break
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			b.WriteString(text)
			break
		}
		name := text[i+2 : i+j]
		b.WriteString(text[:i])
		if val, ok := vars[strings.TrimSpace(name)]; ok && !strings.HasPrefix(name, "!") {
			q := jsonQuote(val)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteString(text[i : i+j+1])
			if !strings.HasPrefix(name, "!") && !seen[name] {
				seen[name] = true
				unresolved = append(unresolved, name)
			}
		}
		text = text[i+j+1:]
	}
	return b.String(), unresolved
}

// ResolveValue returns a copy of a definition with ${Name} placeholders in
// its strings (values and keys) replaced by vars[Name].
func ResolveValue(v *asl.Value, vars map[string]string) *asl.Value {
	if v == nil {
		return nil
	}
	c := *v
	switch v.Kind {
	case asl.String:
		c.Str = resolveString(v.Str, vars)
	case asl.Array:
		c.Items = make([]*asl.Value, len(v.Items))
		for i, it := range v.Items {
			c.Items[i] = ResolveValue(it, vars)
		}
	case asl.Object:
		c.Fields = make([]*asl.Field, len(v.Fields))
		for i, f := range v.Fields {
			c.Fields[i] = &asl.Field{Key: resolveString(f.Key, vars), KeyPos: f.KeyPos, Value: ResolveValue(f.Value, vars)}
		}
	}
	return &c
}

// resolveString substitutes placeholders in a string value (no escaping).
func resolveString(s string, vars map[string]string) string {
	if !strings.Contains(s, "${") {
		return s
	}
	return placeholderRE().ReplaceAllStringFunc(s, func(m string) string {
		if val, ok := vars[strings.TrimSpace(m[2:len(m)-1])]; ok {
			return val
		}
		return m
	})
}
