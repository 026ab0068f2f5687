package sam

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// jsonNumberRE matches a number literal JSON accepts as is.
var jsonNumberRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`) })

// toValue converts a template node to a definition Value. Intrinsic
// functions written as !Tags become their long JSON form ({"Ref": "X"},
// {"Fn::GetAtt": ["X", "Arn"]}, {"Fn::Sub": …}), which is what
// CloudFormation itself sees.
func toValue(n *node) *asl.Value {
	v := plainValue(n)
	if n.tag == "" || n.tag == "!!str" || strings.HasPrefix(n.tag, "tag:yaml.org,2002:") {
		return v
	}
	v.Tag = ""
	name := strings.TrimPrefix(n.tag, "!")
	key := "Fn::" + name
	switch name {
	case "Ref", "Condition":
		key = name
	case "GetAtt":
		if s, ok := v.StringValue(); ok {
			res, attr, _ := strings.Cut(s, ".")
			a := asl.NewArray(withPos(asl.NewString(res), n), withPos(asl.NewString(attr), n))
			withPos(a, n)
			v = a
		}
	}
	o := withPos(asl.NewObject(), n)
	o.Fields = []*asl.Field{{Key: key, KeyPos: o.Pos, Value: v}}
	return o
}

// plainValue converts a node ignoring its own tag.
func plainValue(n *node) *asl.Value {
	var v *asl.Value
	switch n.kind {
	case mappingNode:
		v = asl.NewObject()
		for i, k := range n.keys {
			kp := asl.Pos{Line: k.line, Col: k.col, Offset: k.start}
			v.Fields = append(v.Fields, &asl.Field{Key: k.value, KeyPos: kp, Value: toValue(n.vals[i])})
		}
	case sequenceNode:
		v = asl.NewArray()
		for _, it := range n.items {
			v.Items = append(v.Items, toValue(it))
		}
	default:
		v = scalarValue(n)
	}
	return withPos(v, n)
}

// scalarValue resolves a scalar the way YAML's core schema does.
func scalarValue(n *node) *asl.Value {
	if n.tag != "" {
		return asl.NewString(n.value)
	}
	switch n.core {
	case "!!null":
		return asl.NewNull()
	case "!!bool":
		return asl.NewBool(strings.EqualFold(n.value, "true"))
	case "!!int":
		if jsonNumberRE().MatchString(n.value) {
			return asl.NewNumber(n.value)
		}
		lit := strings.ReplaceAll(strings.TrimPrefix(n.value, "+"), "_", "")
		if i, err := strconv.ParseInt(lit, 0, 64); err == nil {
			return asl.NewNumber(strconv.FormatInt(i, 10))
		}
		return asl.NewString(n.value)
	case "!!float":
		if jsonNumberRE().MatchString(n.value) {
			return asl.NewNumber(n.value)
		}
		if f, err := strconv.ParseFloat(strings.TrimPrefix(n.value, "+"), 64); err == nil && !strings.ContainsAny(n.value, "nN") {
			lit := strconv.FormatFloat(f, 'g', -1, 64)
			if jsonNumberRE().MatchString(lit) {
				return asl.NewNumber(lit)
			}
		}
		return asl.NewString(n.value)
	}
	return asl.NewString(n.value)
}

func withPos(v *asl.Value, n *node) *asl.Value {
	v.Pos = asl.Pos{Line: n.line, Col: n.col, Offset: n.start}
	return v
}

// equal reports whether two definitions are the same document: same kinds,
// same strings and number literals, same members in the same order.
func equal(a, b *asl.Value) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case asl.Bool:
		return a.Bool == b.Bool
	case asl.Number:
		return a.Str == b.Str
	case asl.String:
		return a.Str == b.Str
	case asl.Array:
		if len(a.Items) != len(b.Items) {
			return false
		}
		for i := range a.Items {
			if !equal(a.Items[i], b.Items[i]) {
				return false
			}
		}
	case asl.Object:
		if len(a.Fields) != len(b.Fields) {
			return false
		}
		for i := range a.Fields {
			if a.Fields[i].Key != b.Fields[i].Key || !equal(a.Fields[i].Value, b.Fields[i].Value) {
				return false
			}
		}
	}
	return true
}

// intrinsicTag returns the short-form tag and argument of a long-form
// intrinsic ({"Ref": "X"} → "!Ref", "X"), or "" when v is not one.
func intrinsicTag(v *asl.Value) (tag string, arg *asl.Value) {
	if v == nil || v.Kind != asl.Object || len(v.Fields) != 1 {
		return "", nil
	}
	f := v.Fields[0]
	switch {
	case f.Key == "Ref" || f.Key == "Condition":
		if _, ok := f.Value.StringValue(); ok {
			return "!" + f.Key, f.Value
		}
	case strings.HasPrefix(f.Key, "Fn::") && len(f.Key) > 4 && !strings.ContainsAny(f.Key[4:], ": "):
		if f.Key == "Fn::GetAtt" && f.Value.Kind == asl.Array && len(f.Value.Items) == 2 {
			r, ok1 := f.Value.Items[0].StringValue()
			a, ok2 := f.Value.Items[1].StringValue()
			if ok1 && ok2 {
				return "!GetAtt", asl.NewString(r + "." + a)
			}
		}
		return "!" + f.Key[4:], f.Value
	}
	return "", nil
}
