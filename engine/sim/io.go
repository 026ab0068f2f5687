package sim

import (
	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/expr"
)

// This file holds the input and output processing every state shares:
// InputPath, Parameters, ResultSelector, ResultPath and OutputPath for
// JSONPath states; Arguments and Output for JSONata states; and Assign.

// inputPath applies InputPath to the state input.
func (r *stateRun) inputPath() (any, *failure) {
	p := r.base.InputPath
	switch {
	case p == nil:
		return r.input, nil
	case asl.IsNullPath(p):
		return map[string]any{}, nil
	}
	if *p == "$" {
		return r.input, nil
	}
	v, err := expr.Select(*p, r.env(r.input))
	if err != nil {
		return nil, r.fail(err, "InputPath")
	}
	return v, nil
}

// template evaluates a JSONPath payload template (Parameters,
// ResultSelector, ItemSelector) against data.
func (r *stateRun) template(t *asl.Value, data any, field string) (any, *failure) {
	v, err := expr.EvalTemplate(t, r.env(data))
	if err != nil {
		return nil, r.fail(err, field)
	}
	return v, nil
}

// resultPath places result into the state input per ResultPath.
func (r *stateRun) resultPath(p *string, result any) (any, *failure) {
	switch {
	case p == nil, *p == "$":
		r.inspect("afterResultPath", result)
		return result, nil
	case asl.IsNullPath(p):
		r.inspect("afterResultPath", r.input)
		return r.input, nil
	}
	v, err := expr.SetResult(r.input, *p, result)
	if err != nil {
		return nil, r.fail(err, "ResultPath")
	}
	r.inspect("afterResultPath", v)
	return v, nil
}

// outputPath applies OutputPath to the state's output.
func (r *stateRun) outputPath(data any) (any, *failure) {
	p := r.base.OutputPath
	switch {
	case p == nil:
		return data, nil
	case asl.IsNullPath(p):
		return map[string]any{}, nil
	case *p == "$":
		return data, nil
	}
	v, err := expr.Select(*p, r.env(data))
	if err != nil {
		return nil, r.fail(err, "OutputPath")
	}
	return v, nil
}

// jsonataEnv is the JSONata environment of the visit, with $states.result
// and $states.errorOutput when given.
func (r *stateRun) jsonataEnv(result any, hasResult bool, errOut any, hasErr bool) *expr.Env {
	env := r.env(r.input)
	env.Result, env.HasResult = result, hasResult
	env.ErrorOutput, env.HasErrorOutput = errOut, hasErr
	return env
}

// jsonataValue evaluates a JSONata-language field (Arguments, Output, Items…).
func (r *stateRun) jsonataValue(field string, v *asl.Value, env *expr.Env) (any, *failure) {
	out, err := expr.EvalJSONataValueField(field, v, env)
	if err != nil {
		return nil, r.fail(err, field)
	}
	return out, nil
}

// jsonataOutput evaluates Output (JSONata), or returns def when absent.
func (r *stateRun) jsonataOutput(out *asl.Value, env *expr.Env, def any) (any, *failure) {
	if out == nil {
		return def, nil
	}
	return r.jsonataValue("Output", out, env)
}

// assign evaluates an Assign block; JSONPath blocks see data as $, JSONata
// blocks see env. Every value sees the variables as they were before the
// state.
func (r *stateRun) assign(a *asl.Value, env *expr.Env) (map[string]any, *failure) {
	if a == nil {
		return nil, nil
	}
	m, err := expr.Assign(a, env, r.jsonata())
	if err != nil {
		return nil, r.fail(err, "Assign")
	}
	if m == nil {
		m = map[string]any{}
	}
	return m, nil
}

// assignOn is assign for a JSONPath block with data as $ (the
// environment is built only when there is a block).
func (r *stateRun) assignOn(a *asl.Value, data any) (map[string]any, *failure) {
	if a == nil {
		return nil, nil
	}
	return r.assign(a, r.env(data))
}

// inspect records a step of the input/output processing for the TestState
// API's inspectionData (only when running under TestState at DEBUG/TRACE).
func (r *stateRun) inspect(key string, v any) {
	if ts := r.f.e.ts; ts != nil && ts.data != nil {
		ts.data[key] = v
	}
}

// constant converts a literal field once per state.
func (r *stateRun) constant(v *asl.Value) any {
	in := r.info
	if in.constants == nil {
		in.constants = map[*asl.Value]any{}
	}
	if c, ok := in.constants[v]; ok {
		return c
	}
	c := asl.ToAny(v)
	in.constants[v] = c
	return c
}
