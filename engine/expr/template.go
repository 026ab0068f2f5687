package expr

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// EvalTemplate evaluates a JSONPath payload template (Parameters,
// ResultSelector, ItemSelector, Arguments of JSONPath states, Assign): in
// every object, a key ending in ".$" takes the value of its Path ($…, $$…,
// $var…) or intrinsic function call (States.…) and loses the ".$"; other
// values are copied, objects and arrays recursively.
func EvalTemplate(t *asl.Value, env *Env) (any, error) {
	if env == nil {
		env = &Env{}
	}
	return evalTemplate(t, env)
}

func evalTemplate(t *asl.Value, env *Env) (any, error) {
	if t == nil {
		return nil, nil
	}
	switch t.Kind {
	case asl.Object:
		out := make(map[string]any, len(t.Fields))
		for _, f := range t.Fields {
			if name, ok := strings.CutSuffix(f.Key, ".$"); ok {
				v, err := evalDollarField(f.Key, f.Value, env)
				if err != nil {
					return nil, err
				}
				out[name] = v
				continue
			}
			v, err := evalTemplate(f.Value, env)
			if err != nil {
				return nil, err
			}
			out[f.Key] = v
		}
		return out, nil
	case asl.Array:
		out := make([]any, len(t.Items))
		for i, it := range t.Items {
			v, err := evalTemplate(it, env)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	return asl.ToAny(t), nil
}

// evalDollarField evaluates the value of a "key.$" field.
func evalDollarField(key string, v *asl.Value, env *Env) (any, error) {
	s, ok := v.StringValue()
	if !ok {
		return nil, newError(ErrRuntime, "The value for the field '%s' must be a STRING that contains a JSONPath or an intrinsic function, but was %s", key, v.Kind)
	}
	if IsIntrinsic(s) {
		return EvalIntrinsicField(key, s, env)
	}
	return SelectField(key, s, env)
}

// CheckTemplateField reports whether the value of a "key.$" field is a
// valid Path or intrinsic function call.
func CheckTemplateField(value string) error {
	if IsIntrinsic(value) {
		return CheckIntrinsic(value)
	}
	return CheckPath(value)
}
