package sim

import "github.com/aslstudio/aslstudio/engine/asl"

// catch looks for the first Catcher whose ErrorEquals matches the failure
// and, when found, returns the state's outcome: the catcher's Next, the
// error output placed by ResultPath (JSONPath) or shaped by Output
// (JSONata), and the catcher's Assign.
func (r *stateRun) catch(catchers []*asl.Catcher, fl *failure) (outcome, bool) {
	if fl.terminal() {
		return outcome{}, false
	}
	for _, c := range catchers {
		if !errorMatches(c.ErrorEquals, fl.Error) {
			continue
		}
		errOut := fl.errorOutput()
		o := outcome{next: c.Next}
		if r.jsonata() {
			env := r.jsonataEnv(nil, false, errOut, true)
			a, f2 := r.assign(c.Assign, env)
			if f2 != nil {
				return outcome{fail: f2}, true
			}
			out, f2 := r.jsonataOutput(c.Output, env, errOut)
			if f2 != nil {
				return outcome{fail: f2}, true
			}
			o.output, o.assign = out, a
			return o, true
		}
		a, f2 := r.assign(c.Assign, r.env(errOut))
		if f2 != nil {
			return outcome{fail: f2}, true
		}
		out, f2 := r.resultPath(c.ResultPath, errOut)
		if f2 != nil {
			return outcome{fail: f2}, true
		}
		o.output, o.assign = out, a
		return o, true
	}
	return outcome{}, false
}
