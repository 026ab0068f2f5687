package sim

import "github.com/aslstudio/aslstudio/engine/asl"

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
	switch {
	case s.Result != nil:
		// Result wins over Parameters (AWS ignores Parameters then).
		result = r.constant(s.Result)
	case s.Parameters != nil:
		if result, fl = r.template(s.Parameters, eff, "Parameters"); fl != nil {
			return outcome{fail: fl}
		}
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
	data, fl := r.resultPath(s.ResultPath, result)
	if fl != nil {
		return outcome{fail: fl}
	}
	out, fl := r.outputPath(data)
	if fl != nil {
		return outcome{fail: fl}
	}
	o.output, o.assign = out, a
	return o
}
