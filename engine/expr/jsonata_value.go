package expr

import (
	"strconv"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// EvalJSONataValue evaluates a JSON value of a JSONata state (Arguments,
// Output, Items, an Assign value…): every string of the form "{% … %}" is
// evaluated, objects and arrays recursively, other values are copied.
func EvalJSONataValue(v *asl.Value, env *Env) (any, error) {
	return EvalJSONataValueField("", v, env)
}

// EvalJSONataValueField is EvalJSONataValue for the named field; nested
// expressions are named "field/key" in errors ("Output/result",
// "Arguments/FunctionName"), as AWS names them.
func EvalJSONataValueField(field string, v *asl.Value, env *Env) (any, error) {
	if env == nil {
		env = &Env{}
	}
	return evalJSONataValue(field, v, env)
}

func evalJSONataValue(field string, v *asl.Value, env *Env) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch v.Kind {
	case asl.String:
		if inner, ok := IsJSONata(v.Str); ok {
			return EvalJSONataField(field, inner, env)
		}
		return v.Str, nil
	case asl.Object:
		out := make(map[string]any, len(v.Fields))
		for _, f := range v.Fields {
			x, err := evalJSONataValue(joinField(field, f.Key), f.Value, env)
			if err != nil {
				return nil, err
			}
			out[f.Key] = x
		}
		return out, nil
	case asl.Array:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			x, err := evalJSONataValue(joinField(field, strconv.Itoa(i)), it, env)
			if err != nil {
				return nil, err
			}
			out[i] = x
		}
		return out, nil
	}
	return asl.ToAny(v), nil
}

func joinField(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "/" + key
}
