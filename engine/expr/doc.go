// Package expr evaluates the expressions of Amazon States Language with AWS's
// rules: JSONPath Paths and Reference Paths (through github.com/ohler55/ojg),
// the context object ($$), workflow variables ($name), payload templates
// ("key.$"), the intrinsic functions (States.Format, States.Array, …) and
// JSONata ({% … %}, through github.com/blues/jsonata-go with an adapter that
// adds AWS's functions and 2.0.6 behaviour). It imports engine/asl only (for
// *asl.Value templates); no UI, no syscall/js.
//
// Runtime values are plain Go: nil, bool, string, int64, float64, []any and
// map[string]any (see engine/asl). Results never alias the input: SetResult
// copies along the path it changes.
//
// # Contract (used by engine/sim and engine/validate)
//
//	// Error is a runtime failure with an ASL error name, e.g. States.Runtime,
//	// States.IntrinsicFailure, States.QueryEvaluationError,
//	// States.ResultPathMatchFailure, with AWS's wording in Cause.
//	type Error struct{ Name, Cause string }   // implements error
//
//	// Env is what an expression can see.
//	type Env struct {
//	    Input   any              // the state's current data ($ in JSONPath, $states.input in JSONata)
//	    Context any              // the context object ($$, $states.context)
//	    Vars    map[string]any   // workflow variables ($name)
//	    // JSONata-only extras: Result ($states.result), ErrorOutput ($states.errorOutput)
//	    Result, ErrorOutput any
//	    HasResult, HasErrorOutput bool
//	    Rand    func() float64   // seeded randomness for States.MathRandom / $random
//	    UUID    func() string    // seeded UUIDs for States.UUID / $uuid
//	}
//
//	// Static checks (the validator uses these; each returns nil or an error saying what is wrong):
//	func CheckPath(s string) error            // a Path (InputPath/OutputPath/ItemsPath/…; may start with $$ or $var)
//	func CheckReferencePath(s string) error   // a Reference Path (ResultPath, Variable, *Path operands)
//	func CheckIntrinsic(s string) error       // "States.Format('{}', $.x)" — name, arity, argument syntax
//	func CheckJSONata(s string) error         // the expression inside {% … %} (pass the inner text)
//	func IsJSONata(s string) (inner string, ok bool) // "{% expr %}" → "expr", true
//
//	// Evaluation (the simulator uses these):
//	func Select(path string, env *Env) (any, error)            // evaluate a Path ($, $$, $var); error States.Runtime when nothing matches
//	func SetResult(data any, refPath string, result any) (any, error)  // ResultPath semantics (copy-on-write)
//	func EvalTemplate(t *asl.Value, env *Env) (any, error)      // JSONPath payload template: "k.$" keys, intrinsics, $$, $var
//	func EvalIntrinsic(call string, env *Env) (any, error)
//	func EvalJSONata(expr string, env *Env) (any, error)       // inner text; $states bound from env
//	func EvalJSONataValue(v *asl.Value, env *Env) (any, error) // any JSON value whose strings may be "{% %}" (Arguments, Output, Assign values, Items…)
//	func Assign(assign *asl.Value, env *Env, jsonata bool) (map[string]any, error) // evaluate an Assign block against env (all values see the OLD variables)
//
// # Additions
//
// AWS names the field an expression came from in its error causes, so the
// evaluation functions have variants that take the field name:
//
//	func SelectField(field, path string, env *Env) (any, error)
//	    // "The JSONPath '$.x' specified for the field 'ErrorPath' could not be found in the input '{…}'"
//	    // (payload template keys, ErrorPath, CausePath, …); Select itself uses the wording
//	    // AWS gives for InputPath/OutputPath/ItemsPath/…Path fields:
//	    // "Invalid path '$.x' : No results for path: $['x']"
//	func EvalIntrinsicField(field, call string, env *Env) (any, error)
//	func EvalJSONataField(field, expr string, env *Env) (any, error)
//	    // "The JSONata expression '$x' specified for the field 'Output' returned nothing (undefined)."
//	func EvalJSONataValueField(field string, v *asl.Value, env *Env) (any, error)
//	    // nested fields are named "Output/result", "Arguments/FunctionName", "Assign/x", …
//	func EvalJSONataOptional(expr string, env *Env) (v any, ok bool, err error) // undefined allowed
//
// and a few helpers:
//
//	func CheckResultPath(s string) error        // a Reference Path into $ (not $$ or $var)
//	func CheckTemplateField(value string) error // the value of a "key.$" field: Path or intrinsic
//	func IsIntrinsic(s string) bool             // starts with "States."
//	func SetResultPtr(data any, refPath *string, result any) (any, error) // nil: "$"; asl.NullPath: discard
//	func TypeName(v any) string                 // "null", "boolean", "number", "string", "array", "object"
//	Env.Now func() time.Time                     // virtual clock for JSONata $now() and $millis()
//
// # Faithfulness notes
//
//   - Paths follow Jayway JsonPath (which AWS uses): dot-notation names may
//     hold any character but '.', '[' and spaces ($.delivery-partner),
//     bracket names keep backslashes, errors quote Jayway's messages,
//     ".[0]" is "[0]", and a property union ['a', 'b'] as the last step
//     gives one object with those properties (definite), before another
//     step each property's value. Beyond Jayway, as deployed templates
//     and asl-validator expect: an unquoted word compared in a filter is a
//     string ([?(@.lang==es)]), and [(@.length-N)] counts from the end.
//   - Parsed Paths and intrinsic calls are cached by source text (bounded,
//     shared between goroutines), as are compiled JSONata expressions.
//   - Runtime objects keep no key order, so wildcards, descents, $keys,
//     $each, $spread, $sift, JSONata's "*" and "**" and
//     States.JsonToString visit members in sorted key order
//     (deterministic; AWS uses the input's order).
//   - JSONata runs with no context document, as in AWS: data is reached
//     through $states and variables; $eval is absent (AWS: use $parse).
//     Whole-number results are int64 (AWS prints 7, not 7.0).
package expr
