package sim

import (
	"fmt"
	"strings"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/expr"
)

// resource is a parsed Task Resource ARN.
type resource struct {
	kind string // "lambda", "activity" or "service"
	// typ and name are the resourceType and resource of Task* events
	// ("lambda" / "invoke", "aws-sdk:s3" / "getObject", …).
	typ, name string
	// pattern is "", ".sync", ".sync:2" or ".waitForTaskToken".
	pattern string
	arn     string
}

func parseResource(arn string) resource {
	r := resource{arn: arn, kind: "service"}
	parts := strings.SplitN(arn, ":", 7)
	if len(parts) >= 6 && parts[2] == "lambda" && parts[5] == "function" {
		r.kind = "lambda"
		return r
	}
	if len(parts) >= 6 && parts[2] == "states" && parts[5] == "activity" {
		r.kind = "activity"
		return r
	}
	if len(parts) >= 6 && parts[2] == "states" && parts[3] == "" && parts[4] == "" {
		rest := strings.Join(parts[5:], ":") // service:action[.pattern] or aws-sdk:service:action
		if strings.HasPrefix(rest, "aws-sdk:") {
			rest = strings.TrimPrefix(rest, "aws-sdk:")
			svc, action, _ := strings.Cut(rest, ":")
			r.typ, r.name = "aws-sdk:"+svc, action
		} else {
			svc, action, _ := strings.Cut(rest, ":")
			r.typ, r.name = svc, action
		}
		for _, p := range []string{".waitForTaskToken", ".sync:2", ".sync"} {
			if strings.HasSuffix(r.name, p) {
				r.pattern = p
				break
			}
		}
		return r
	}
	r.typ, r.name = "unknown", arn
	return r
}

// runTask runs a Task state: it invokes the resource (answered by the mock
// source), with Retry and Catch around the attempt.
func runTask(r *stateRun, s *asl.TaskState) outcome {
	eff := r.input
	var fl *failure
	if !r.jsonata() {
		if eff, fl = r.inputPath(); fl != nil {
			return outcome{fail: fl}
		}
		r.inspect("afterInputPath", eff)
	}
	res := parseResource(s.Resource)
	rt := newRetrier(s.Retry)
	for {
		o := r.taskAttempt(s, res, eff)
		if o.fail == nil {
			return o
		}
		if o, again := r.recover(rt, s.Catch, o, ""); !again {
			return o
		}
	}
}

// taskAttempt is one attempt: parameters, invocation, result processing.
func (r *stateRun) taskAttempt(s *asl.TaskState, res resource, eff any) outcome {
	e := r.f.e
	if res.pattern != "" {
		r.token = e.newToken()
	} else {
		r.token = ""
	}
	timeout, fl := r.seconds(s.TimeoutSeconds, s.TimeoutSecondsPath, "TimeoutSeconds", eff)
	if fl != nil {
		return outcome{fail: fl}
	}
	heartbeat, fl := r.seconds(s.HeartbeatSeconds, s.HeartbeatSecondsPath, "HeartbeatSeconds", eff)
	if fl != nil {
		return outcome{fail: fl}
	}
	var params any
	switch {
	case r.jsonata() && s.Arguments != nil:
		params, fl = r.jsonataValue("Arguments", s.Arguments, r.jenv())
	case r.jsonata():
		params = r.input
	case s.Parameters != nil:
		params, fl = r.template(s.Parameters, eff, "Parameters")
	default:
		params = eff
	}
	if fl != nil {
		return outcome{fail: fl}
	}
	if r.jsonata() {
		r.inspect("afterArguments", params)
	} else {
		r.inspect("afterParameters", params)
	}
	var creds any
	hasCreds := s.Credentials != nil
	if hasCreds {
		if r.jsonata() {
			creds, fl = r.jsonataValue("Credentials", s.Credentials, r.jenv())
		} else {
			creds, fl = r.template(s.Credentials, eff, "Credentials")
		}
		if fl != nil {
			return outcome{fail: fl}
		}
	}
	result, fl := r.invoke(res, params, timeout, heartbeat, creds, hasCreds)
	if fl != nil {
		return outcome{fail: fl}
	}
	r.inspect("result", result)
	return r.processResult(result, s.ResultSelector, s.ResultPath)
}

// processResult turns a state's result into its output: Assign, then
// ResultSelector, ResultPath and OutputPath (JSONPath), or Output (JSONata).
func (r *stateRun) processResult(result any, selector *asl.Value, rp *string) outcome {
	var o outcome
	r.transition(&o)
	if r.jsonata() {
		env := r.jsonataEnv(result, true, nil, false)
		a, fl := r.assign(r.base.Assign, env)
		if fl != nil {
			return outcome{fail: fl}
		}
		out, fl := r.jsonataOutput(r.base.Output, env, result)
		if fl != nil {
			return outcome{fail: fl}
		}
		o.output, o.assign = out, a
		return o
	}
	a, fl := r.assignOn(r.base.Assign, result)
	if fl != nil {
		return outcome{fail: fl}
	}
	if selector != nil {
		if result, fl = r.template(selector, result, "ResultSelector"); fl != nil {
			return outcome{fail: fl}
		}
	}
	r.inspect("afterResultSelector", result)
	data, fl := r.resultPath(rp, result)
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

// seconds evaluates TimeoutSeconds/HeartbeatSeconds or their *Path form
// (0 when absent).
func (r *stateRun) seconds(v *asl.Value, path, field string, eff any) (int64, *failure) {
	var x any
	switch {
	case path != "":
		var err error
		x, err = expr.Select(path, r.env(eff))
		if err != nil {
			return 0, r.fail(err, field+"Path")
		}
	case v == nil:
		return 0, nil
	case v.Kind == asl.String && r.jsonata():
		var fl *failure
		if x, fl = r.jsonataValue(field, v, r.jenv()); fl != nil {
			return 0, fl
		}
	default:
		x = r.constant(v)
	}
	n, ok := wholeNumber(x)
	if !ok || n <= 0 {
		name := ErrRuntime
		if r.jsonata() {
			name = ErrQueryEvaluation
		}
		return 0, r.fail(&expr.Error{Name: name, Cause: fmt.Sprintf("The %s field must be a positive integer, but was %s", field, jsonText(x))}, field)
	}
	return n, nil
}

// taskEvents names the events of one kind of resource.
type taskEvents struct {
	scheduled, started, succeeded, failed, timedOut string
}

var (
	lambdaEvents   = taskEvents{"LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "LambdaFunctionFailed", "LambdaFunctionTimedOut"}
	activityEvents = taskEvents{"ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "ActivityFailed", "ActivityTimedOut"}
	serviceEvents  = taskEvents{"TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskFailed", "TaskTimedOut"}
)

// invoke performs the task's call: it writes the scheduled/started events,
// takes the result from the mock source (or pauses for a task token), and
// writes the outcome event.
func (r *stateRun) invoke(res resource, params any, timeout, heartbeat int64, creds any, hasCreds bool) (any, *failure) {
	f, e := r.f, r.f.e
	evs := serviceEvents
	switch res.kind {
	case "lambda":
		evs = lambdaEvents
	case "activity":
		evs = activityEvents
	}
	d := func() *Details { return &Details{Resource: res.name, ResourceType: res.typ} }
	if res.kind == "service" {
		sd := d()
		sd.Input, sd.HasInput = params, true
		sd.Region = e.opts.Region
		sd.TimeoutInSeconds, sd.HeartbeatInSeconds = timeout, heartbeat
		sd.TaskCredentials, sd.HasTaskCredentials = creds, hasCreds
		f.emit(evs.scheduled, sd)
		f.yieldPoint()
		f.emit(evs.started, d())
	} else {
		f.emit(evs.scheduled, &Details{Input: params, HasInput: true, Resource: res.arn, TimeoutInSeconds: timeout, HeartbeatInSeconds: heartbeat})
		f.yieldPoint()
		f.emit(evs.started, nil)
	}
	// The call is asynchronous: other branches run before its outcome.
	f.yieldPoint()
	failed := func(fl *failure) (any, *failure) {
		typ := evs.failed
		if fl.Error == ErrTimeout || fl.Error == ErrHeartbeatTimeout {
			typ = evs.timedOut
		}
		var fd *Details
		if res.kind == "service" {
			fd = d()
		} else {
			fd = &Details{}
		}
		setErr(fd, fl)
		f.emit(typ, fd)
		return nil, fl
	}
	submitted := func() {
		if res.kind == "service" && res.pattern != "" {
			sd := d()
			sd.Output, sd.HasOutput = map[string]any{}, true
			f.emit("TaskSubmitted", sd)
		}
	}
	rg, n, mocked := e.mocks.next(r.base.Name)
	var result any
	switch {
	case mocked && rg == nil:
		return nil, failuref(ErrRuntime, "The mock for Task state '%s' has no response for invocation #%d (invocations count from 0, retries and Map iterations included).", r.base.Name, n)
	case mocked:
		dur := time.Duration(rg.DurationSeconds * float64(time.Second))
		if timeout > 0 && dur > time.Duration(timeout)*time.Second {
			submitted()
			if tf := f.sleep(time.Duration(timeout) * time.Second); tf != nil {
				return nil, tf
			}
			return failed(&failure{Error: ErrTimeout, HasError: true})
		}
		if heartbeat > 0 && dur > time.Duration(heartbeat)*time.Second {
			submitted()
			if tf := f.sleep(time.Duration(heartbeat) * time.Second); tf != nil {
				return nil, tf
			}
			return failed(&failure{Error: ErrHeartbeatTimeout, HasError: true})
		}
		if tf := f.sleep(dur); tf != nil {
			return nil, tf
		}
		submitted()
		if rg.Throw != nil {
			return failed(&failure{Error: rg.Throw.Error, HasError: true, Cause: rg.Throw.Cause, HasCause: rg.Throw.HasCause})
		}
		result = rg.Return
	case res.pattern == ".waitForTaskToken":
		submitted()
		tw := &tokenWait{token: r.token, state: r.base.Name, timeout: time.Duration(timeout) * time.Second, heartbeat: time.Duration(heartbeat) * time.Second, since: f.now}
		e.tokens[r.token] = tw
		e.waiting = tw
		e.status = StatusPaused
		for !tw.done {
			e.pause()
		}
		e.waiting = nil
		e.status = StatusRunning
		if tw.fail != nil && tw.fail.executionTimeout {
			// The execution's own timeout struck during the wait.
			f.now = e.deadline
			return nil, tw.fail
		}
		if tf := f.sleep(tw.elapsed); tf != nil {
			return nil, tf
		}
		if tw.fail != nil {
			return failed(tw.fail)
		}
		result = tw.output
	case e.opts.PassThrough:
		submitted()
		result = params
	default:
		return nil, failuref(ErrRuntime, "No mock for Task state '%s' (invocation #%d, resource %s): add it to the mock test case, or run with pass-through.", r.base.Name, n, res.arn)
	}
	if fl := checkSize(result, res.arn); fl != nil {
		return failed(fl)
	}
	sd := &Details{Output: result, HasOutput: true}
	if res.kind == "service" {
		sd.Resource, sd.ResourceType = res.name, res.typ
	}
	f.emit(evs.succeeded, sd)
	return result, nil
}
