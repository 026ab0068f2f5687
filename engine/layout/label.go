package layout

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// maxLabel is the longest edge label drawn; longer ones are cut with "…"
// (the SVG keeps the full text in a <title>).
const maxLabel = 28

var operatorSigns = map[string]string{
	"Equals": "==", "LessThan": "<", "GreaterThan": ">", "LessThanEquals": "<=", "GreaterThanEquals": ">=",
}

// ruleLabel is a short text for a Choice rule: the JSONata condition, or
// "Variable op operand" for JSONPath rules.
func ruleLabel(r *asl.ChoiceRule) string {
	if r.Condition != nil {
		if s, ok := r.Condition.StringValue(); ok {
			s = strings.TrimSpace(s)
			s = strings.TrimSuffix(strings.TrimPrefix(s, "{%"), "%}")
			return strings.TrimSpace(s)
		}
		if r.Condition.Kind == asl.Bool {
			if r.Condition.Bool {
				return "true"
			}
			return "false"
		}
	}
	return condText(r, 0)
}

func condText(r *asl.ChoiceRule, depth int) string {
	if r == nil {
		return "?"
	}
	join := func(op string, rs []*asl.ChoiceRule) string {
		if depth > 0 {
			return op + "(…)"
		}
		parts := make([]string, len(rs))
		for i, c := range rs {
			parts[i] = condText(c, depth+1)
		}
		return strings.Join(parts, " "+op+" ")
	}
	switch {
	case len(r.And) > 0:
		return join("and", r.And)
	case len(r.Or) > 0:
		return join("or", r.Or)
	case r.Not != nil:
		return "not " + condText(r.Not, depth+1)
	case r.Operator != "":
		op := r.Operator
		path := strings.HasSuffix(op, "Path") && op != "Path"
		base := strings.TrimSuffix(op, "Path")
		sign := ""
		for _, p := range []string{"String", "Numeric", "Boolean", "Timestamp"} {
			if strings.HasPrefix(base, p) {
				if s, ok := operatorSigns[strings.TrimPrefix(base, p)]; ok {
					sign = s
				}
			}
		}
		if sign == "" {
			sign = base
		}
		if strings.HasPrefix(base, "Is") {
			if r.Operand != nil && r.Operand.Kind == asl.Bool && !r.Operand.Bool {
				return "not " + strings.ToLower(base[2:3]) + base[3:] + " " + r.Variable
			}
			return r.Variable + " " + strings.ToLower(base[2:3]) + base[3:]
		}
		operand := ""
		if r.Operand != nil {
			switch r.Operand.Kind {
			case asl.String:
				operand = r.Operand.Str
				if !path {
					operand = `"` + operand + `"`
				}
			case asl.Number:
				operand = r.Operand.Str
			case asl.Bool:
				operand = "false"
				if r.Operand.Bool {
					operand = "true"
				}
			}
		}
		return r.Variable + " " + sign + " " + operand
	}
	return "rule"
}

// catchLabel lists the error names a Catcher catches.
func catchLabel(c *asl.Value) string {
	ev := c.Get("ErrorEquals")
	if ev == nil || ev.Kind != asl.Array {
		return "Catch"
	}
	var names []string
	for _, it := range ev.Items {
		if s, ok := it.StringValue(); ok {
			names = append(names, s)
		}
	}
	return strings.Join(names, ", ")
}

// shorten cuts s to maxLabel runes.
func shorten(s string) string {
	r := []rune(s)
	if len(r) <= maxLabel {
		return s
	}
	return string(r[:maxLabel-1]) + "…"
}
