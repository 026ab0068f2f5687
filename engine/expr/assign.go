package expr

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// Assign evaluates an Assign block and returns the new variable bindings.
// Every value is evaluated against the same env, so all of them see the
// variables as they were before the block (AWS: assignments within one
// Assign do not see each other). In JSONPath states a key ending in ".$"
// takes a Path or intrinsic function and nested values are payload
// templates; in JSONata states values may hold "{% … %}" expressions, named
// "Assign/key" in errors.
func Assign(assign *asl.Value, env *Env, jsonata bool) (map[string]any, error) {
	if assign == nil {
		return map[string]any{}, nil
	}
	if env == nil {
		env = &Env{}
	}
	if assign.Kind != asl.Object {
		return nil, newError(ErrRuntime, "The value for the field 'Assign' must be an OBJECT, but was %s", assign.Kind)
	}
	out := make(map[string]any, len(assign.Fields))
	for _, f := range assign.Fields {
		if jsonata {
			v, err := evalJSONataValue(joinField("Assign", f.Key), f.Value, env)
			if err != nil {
				return nil, err
			}
			out[f.Key] = v
			continue
		}
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
}
