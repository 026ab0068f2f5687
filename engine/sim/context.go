package sim

import "github.com/aslstudio/aslstudio/engine/asl"

// The context object ($$ in JSONPath, $states.context in JSONata):
//
//	Execution    {Id, Input, Name, RoleArn, StartTime, RedriveCount}
//	StateMachine {Id, Name}
//	State        {Name, EnteredTime, RetryCount (Task, Parallel and Map only)}
//	Task         {Token}            (callback and .sync tasks)
//	Map          {Item {Index, Value}} (while a Map evaluates ItemSelector)
//
// Execution and StateMachine are built once per execution; State, Task and
// Map per visit, and only for states whose expressions can read them.

// context builds the context object for the current moment of the visit,
// or nil when no expression of the state can read it.
func (r *stateRun) context() any {
	if !r.info.usesContext {
		return nil
	}
	e := r.f.e
	if e.hasCtxOverride {
		return e.ctxOverride
	}
	name := r.base.Name
	if e.ctxStateName != "" {
		name = e.ctxStateName
	}
	state := map[string]any{"Name": name, "EnteredTime": isoTime(r.entered)}
	switch r.base.Type {
	case asl.TypeTask, asl.TypeParallel, asl.TypeMap:
		state["RetryCount"] = int64(r.retryCount)
	}
	c := map[string]any{
		"Execution":    e.ctxExecution,
		"StateMachine": e.ctxStateMachine,
		"State":        state,
	}
	if r.token != "" {
		c["Task"] = map[string]any{"Token": r.token}
	}
	if r.mapItem != nil {
		c["Map"] = map[string]any{"Item": r.mapItem}
	}
	return c
}
