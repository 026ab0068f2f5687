package expr

import (
	"fmt"
	"sort"
	"strings"
)

// intrinsicFunc is one intrinsic function: its arity and its body. Bodies
// receive evaluated arguments and return a result or an error message that
// becomes a States.IntrinsicFailure cause.
type intrinsicFunc struct {
	min, max int // max < 0: variadic
	call     func(args []any, env *Env) (any, error)
}

// intrinsics maps a function name (without "States.") to its definition;
// each body lives in its own small function in intrinsic_*.go.
var intrinsics = map[string]intrinsicFunc{
	"Format":         {1, -1, fnFormat},
	"StringToJson":   {1, 1, fnStringToJSON},
	"JsonToString":   {1, 1, fnJSONToString},
	"Array":          {0, -1, fnArray},
	"ArrayPartition": {2, 2, fnArrayPartition},
	"ArrayContains":  {2, 2, fnArrayContains},
	"ArrayRange":     {3, 3, fnArrayRange},
	"ArrayGetItem":   {2, 2, fnArrayGetItem},
	"ArrayLength":    {1, 1, fnArrayLength},
	"ArrayUnique":    {1, 1, fnArrayUnique},
	"Base64Encode":   {1, 1, fnBase64Encode},
	"Base64Decode":   {1, 1, fnBase64Decode},
	"Hash":           {2, 2, fnHash},
	"JsonMerge":      {3, 3, fnJSONMerge},
	"MathRandom":     {2, 3, fnMathRandom},
	"MathAdd":        {2, 2, fnMathAdd},
	"StringSplit":    {2, 2, fnStringSplit},
	"UUID":           {0, 0, fnUUID},
}

// IsIntrinsic reports whether s looks like an intrinsic function call
// (starts with "States." after optional spaces), the test AWS applies to the
// value of a "key.$" field before treating it as a Path.
func IsIntrinsic(s string) bool {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
		i++
	}
	return strings.HasPrefix(s[i:], "States.")
}

// CheckIntrinsic reports whether s is a valid intrinsic function call: its
// syntax, that every function exists, the number of arguments, and the
// type of literal arguments where the function requires one.
func CheckIntrinsic(s string) error {
	c, err := cachedIntrinsic(s)
	if err != nil {
		return fmt.Errorf("invalid intrinsic function call '%s': %v", s, err)
	}
	return checkCall(c)
}

// maxNesting is how deeply AWS lets intrinsic calls nest in one field.
const maxNesting = 10

// nesting returns the depth of calls in c (1 for a call with no nested call).
func nesting(c *icall) int {
	d := 0
	for _, a := range c.args {
		if a.call != nil {
			d = max(d, nesting(a.call))
		}
	}
	return d + 1
}

func checkCall(c *icall) error {
	if d := nesting(c); d > maxNesting {
		return fmt.Errorf("intrinsic functions are nested %d deep; at most %d may be nested in one field", d, maxNesting)
	}
	f, ok := c.fn, c.known
	if !ok {
		return fmt.Errorf("unknown intrinsic function 'States.%s' (known: %s)", c.name, knownIntrinsics())
	}
	if err := checkArity(c.name, f, len(c.args)); err != nil {
		return err
	}
	for _, a := range c.args {
		if a.call != nil {
			if err := checkCall(a.call); err != nil {
				return err
			}
		}
	}
	return checkLiteralArgs(c)
}

func checkArity(name string, f intrinsicFunc, n int) error {
	switch {
	case f.max < 0 && n < f.min:
		return fmt.Errorf("States.%s takes at least %d argument(s), but %d were given", name, f.min, n)
	case f.max >= 0 && f.min == f.max && n != f.min:
		return fmt.Errorf("States.%s takes %d argument(s), but %d were given", name, f.min, n)
	case f.max >= 0 && (n < f.min || n > f.max):
		return fmt.Errorf("States.%s takes %d to %d arguments, but %d were given", name, f.min, f.max, n)
	}
	return nil
}

func knownIntrinsics() string {
	names := make([]string, 0, len(intrinsics))
	for n := range intrinsics {
		names = append(names, "States."+n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// EvalIntrinsic evaluates an intrinsic function call against env. Failures
// are States.IntrinsicFailure errors (or States.Runtime when a Path
// argument selects nothing).
func EvalIntrinsic(call string, env *Env) (any, error) {
	return EvalIntrinsicField("", call, env)
}

// EvalIntrinsicField is EvalIntrinsic for the call in the named field
// (e.g. "FunctionResult.$"), which AWS names in its errors.
func EvalIntrinsicField(field, call string, env *Env) (any, error) {
	c, err := cachedIntrinsic(call)
	if err != nil {
		return nil, newError(ErrIntrinsicFailure, "Invalid intrinsic function call '%s': %v", call, err)
	}
	if env == nil {
		env = &Env{}
	}
	return evalCall(c, field, env)
}

func evalCall(c *icall, field string, env *Env) (any, error) {
	f, ok := c.fn, c.known
	if !ok {
		return nil, newError(ErrIntrinsicFailure, "Unknown intrinsic function 'States.%s'", c.name)
	}
	if err := checkArity(c.name, f, len(c.args)); err != nil {
		return nil, newError(ErrIntrinsicFailure, "%s", err.Error())
	}
	// The arguments go on env's argument stack (reused across calls; no
	// function keeps its args slice): nested calls push above them and pop
	// before this call takes its slice.
	base := len(env.args)
	defer env.popArgs(base)
	for _, a := range c.args {
		switch {
		case a.isLit:
			env.args = append(env.args, a.lit)
		case a.call != nil:
			v, err := evalCall(a.call, field, env)
			if err != nil {
				return nil, err
			}
			env.args = append(env.args, v)
		default:
			var v any
			var err error
			if field != "" {
				v, err = SelectField(field, a.path, env)
			} else {
				v, err = Select(a.path, env)
			}
			if err != nil {
				return nil, err
			}
			env.args = append(env.args, v)
		}
	}
	args := env.args[base:len(env.args):len(env.args)]
	v, err := f.call(args, env)
	if err != nil {
		if e, ok := err.(*Error); ok {
			return nil, e
		}
		return nil, newError(ErrIntrinsicFailure, "States.%s: %s", c.name, err.Error())
	}
	return v, nil
}
