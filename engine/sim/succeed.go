package sim

import "github.com/aslstudio/aslstudio/engine/asl"

// runSucceed runs a Succeed state: it ends its machine with its input
// (after InputPath/OutputPath, or Output in JSONata).
func runSucceed(r *stateRun, s *asl.SucceedState) outcome {
	o := outcome{end: true}
	if r.jsonata() {
		out, fl := r.jsonataOutput(s.Output, r.jenv(), r.input)
		if fl != nil {
			return outcome{fail: fl}
		}
		o.output = out
		return o
	}
	eff, fl := r.inputPath()
	if fl != nil {
		return outcome{fail: fl}
	}
	r.inspect("afterInputPath", eff)
	out, fl := r.outputPath(eff)
	if fl != nil {
		return outcome{fail: fl}
	}
	o.output = out
	return o
}
