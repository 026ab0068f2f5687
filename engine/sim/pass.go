package sim

import (
	"reflect"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// runPass runs a Pass state: its result is Result, Parameters or its
// effective input (JSONPath), or Output (JSONata).
func runPass(r *stateRun, s *asl.PassState) outcome {
	var o outcome
	r.transition(&o)
	if r.jsonata() {
		env := r.jenv()
		a, fl := r.assign(s.Assign, env)
		if fl != nil {
			return outcome{fail: fl}
		}
		out, fl := r.jsonataOutput(s.Output, env, r.input)
		if fl != nil {
			return outcome{fail: fl}
		}
		o.output, o.assign = out, a
		return o
	}
	eff, fl := r.inputPath()
	if fl != nil {
		return outcome{fail: fl}
	}
	if s.Result == nil {
		r.inspect("afterInputPath", eff)
	}
	result := eff
	fresh := false
	switch {
	case s.Result != nil:
		// Result wins over Parameters (AWS ignores Parameters then).
		result = r.constant(s.Result)
	case s.Parameters != nil:
		if result, fl = r.template(s.Parameters, eff, "Parameters"); fl != nil {
			return outcome{fail: fl}
		}
		fresh = true
		r.inspect("afterParameters", result)
	default:
		r.inspect("afterParameters", result)
	}
	if s.Result != nil {
		r.inspect("result", result)
	}
	a, fl := r.assignOn(s.Assign, result)
	if fl != nil {
		return outcome{fail: fl}
	}
	r.inspect("afterResultSelector", result)
	var data any
	if m, key, ok := r.ownedResultPath(s); ok {
		// The input is the previous state's own object and the result a
		// constant (it cannot contain the input): set it in place, as
		// copying it would give an equal value nobody else sees.
		m[key] = result
		data, fresh = m, true
	} else {
		if data, fl = r.resultPath(s.ResultPath, result); fl != nil {
			return outcome{fail: fl}
		}
		fresh = fresh && (s.ResultPath == nil || *s.ResultPath == "$")
	}
	out, fl := r.outputPath(data)
	if fl != nil {
		return outcome{fail: fl}
	}
	o.output, o.assign = out, a
	o.owned = fresh && s.Assign == nil && (s.OutputPath == nil || *s.OutputPath == "$") && r.f.e.quiet()
	return o
}

// ownedResultPath reports whether the Pass state s may set its Result in
// place in its input: the input is the frame's owned object (see
// frame.owned), the execution is quiet, Result is a constant and
// ResultPath names one field of the input ($.name).
func (r *stateRun) ownedResultPath(s *asl.PassState) (map[string]any, string, bool) {
	f := r.f
	if f.owned == nil || s.Result == nil || s.ResultPath == nil || r.base.InputPath != nil || !f.e.quiet() || f.e.ts != nil {
		return nil, "", false
	}
	m, ok := r.input.(map[string]any)
	if !ok || reflect.ValueOf(m).UnsafePointer() != reflect.ValueOf(f.owned).UnsafePointer() {
		return nil, "", false
	}
	key, ok := strings.CutPrefix(*s.ResultPath, "$.")
	if !ok || key == "" {
		return nil, "", false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return nil, "", false
		}
	}
	return m, key, true
}
