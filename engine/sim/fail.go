package sim

import (
	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/expr"
)

// runFail runs a Fail state: it fails its machine with Error and Cause
// (literal, *Path, or JSONata).
func runFail(r *stateRun, s *asl.FailState) outcome {
	fl := &failure{}
	if !r.jsonata() {
		r.inspect("afterInputPath", r.input)
	}
	var bad *failure
	fl.Error, fl.HasError, bad = r.failField(s.Error, s.ErrorPath, "Error", "ErrorPath")
	if bad != nil {
		return outcome{fail: bad}
	}
	fl.Cause, fl.HasCause, bad = r.failField(s.Cause, s.CausePath, "Cause", "CausePath")
	if bad != nil {
		return outcome{fail: bad}
	}
	return outcome{fail: fl}
}

func (r *stateRun) failField(lit *asl.Value, path, field, pathField string) (string, bool, *failure) {
	if path != "" {
		v, err := expr.SelectField(pathField, path, r.env(r.input))
		if err != nil {
			return "", false, r.fail(err, pathField)
		}
		s, ok := v.(string)
		if !ok {
			return "", false, r.fail(&expr.Error{Name: ErrRuntime, Cause: "The JSONPath '" + path + "' specified for the field '" + pathField + "' must resolve to a string, but was " + jsonText(v)}, pathField)
		}
		return s, true, nil
	}
	if lit == nil {
		return "", false, nil
	}
	if r.jsonata() {
		if _, ok := expr.IsJSONata(lit.Str); ok && lit.Kind == asl.String {
			v, fl := r.jsonataValue(field, lit, r.jenv())
			if fl != nil {
				return "", false, fl
			}
			s, ok := v.(string)
			if !ok {
				return "", false, r.fail(&expr.Error{Name: ErrQueryEvaluation, Cause: "The JSONata expression '" + lit.Str + "' specified for the field '" + field + "' returned an unexpected data type: " + expr.TypeName(v) + ", expected string."}, field)
			}
			return s, true, nil
		}
	}
	s, _ := lit.StringValue()
	return s, true, nil
}
