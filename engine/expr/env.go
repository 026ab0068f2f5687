package expr

import "time"

// Env is what an expression can see.
type Env struct {
	// Input is the state's current data ($ in JSONPath, $states.input in JSONata).
	Input any
	// Context is the context object ($$, $states.context).
	Context any
	// Vars are the workflow variables ($name).
	Vars map[string]any
	// Result is $states.result and ErrorOutput is $states.errorOutput
	// (JSONata only); they are bound only when the matching Has flag is set.
	Result, ErrorOutput       any
	HasResult, HasErrorOutput bool
	// Rand gives seeded randomness for States.MathRandom and $random; nil
	// means math/rand's global source.
	Rand func() float64
	// UUID gives seeded UUIDs for States.UUID and $uuid; nil means random
	// version-4 UUIDs from Rand.
	UUID func() string
	// Now gives the (virtual) time for JSONata's $now() and $millis(); nil
	// means the wall clock.
	Now func() time.Time

	// conv caches the JSONata form of the values above (jsonata_input.go).
	conv *convCache
	// args is the argument stack of intrinsic function calls.
	args []any
}

// popArgs drops the intrinsic arguments above base.
func (env *Env) popArgs(base int) {
	clear(env.args[base:])
	env.args = env.args[:base]
}

// now returns env.Now() or the wall clock.
func (env *Env) now() time.Time {
	if env != nil && env.Now != nil {
		return env.Now()
	}
	return time.Now()
}

// Rebind points a reused Env at new data: Input, Context and Vars are set,
// $states.result and $states.errorOutput are unbound. Cached conversions
// stay valid (runtime values are never changed in place).
func (env *Env) Rebind(input, context any, vars map[string]any) {
	env.Input, env.Vars = input, vars
	if context != nil || env.Context != nil {
		env.Context = context
	}
	if env.HasResult || env.HasErrorOutput || env.Result != nil || env.ErrorOutput != nil {
		env.Result, env.ErrorOutput, env.HasResult, env.HasErrorOutput = nil, nil, false, false
	}
}

// Forget drops the Env's cached conversions (when it is reused for an
// unrelated evaluation).
func (env *Env) Forget() { env.conv = nil }
