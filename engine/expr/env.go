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
}

// now returns env.Now() or the wall clock.
func (env *Env) now() time.Time {
	if env != nil && env.Now != nil {
		return env.Now()
	}
	return time.Now()
}
