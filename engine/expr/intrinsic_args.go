package expr

import (
	"fmt"
	"math"
)

// argument helpers shared by the intrinsic functions. Messages name the
// argument by position (1-based) and say what was expected and what came.

func argString(args []any, i int) (string, error) {
	s, ok := args[i].(string)
	if !ok {
		return "", fmt.Errorf("argument %d must be a string, but was %s: %s", i+1, TypeName(args[i]), encode(args[i]))
	}
	return s, nil
}

func argArray(args []any, i int) ([]any, error) {
	a, ok := args[i].([]any)
	if !ok {
		return nil, fmt.Errorf("argument %d must be an array, but was %s: %s", i+1, TypeName(args[i]), encode(args[i]))
	}
	return a, nil
}

func argObject(args []any, i int) (map[string]any, error) {
	m, ok := args[i].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("argument %d must be a JSON object, but was %s: %s", i+1, TypeName(args[i]), encode(args[i]))
	}
	return m, nil
}

func argBool(args []any, i int) (bool, error) {
	b, ok := args[i].(bool)
	if !ok {
		return false, fmt.Errorf("argument %d must be a boolean, but was %s: %s", i+1, TypeName(args[i]), encode(args[i]))
	}
	return b, nil
}

// argInt accepts an integer, or a number with no fraction, within the range
// of a 32-bit integer (as AWS's Java implementation does).
func argInt(args []any, i int) (int64, error) {
	var n int64
	switch t := args[i].(type) {
	case int64:
		n = t
	case float64:
		if t != math.Trunc(t) || math.IsInf(t, 0) || math.IsNaN(t) {
			return 0, fmt.Errorf("argument %d must be an integer, but was %s", i+1, encode(t))
		}
		n = int64(t)
	default:
		return 0, fmt.Errorf("argument %d must be an integer, but was %s: %s", i+1, TypeName(args[i]), encode(args[i]))
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		return 0, fmt.Errorf("argument %d must be an integer between %d and %d, but was %d", i+1, math.MinInt32, math.MaxInt32, n)
	}
	return n, nil
}

// argRounded accepts any number and rounds it to an integer as Java's
// Math.round does (floor(x + 0.5)): AWS rounds non-integer arguments of the
// math functions ("Step Functions will round it off to the nearest
// integer").
func argRounded(args []any, i int) (int64, error) {
	switch t := args[i].(type) {
	case int64:
		return t, nil
	case float64:
		if math.IsInf(t, 0) || math.IsNaN(t) || math.Abs(t) > 1<<62 {
			return 0, fmt.Errorf("argument %d is out of range: %s", i+1, encode(t))
		}
		return int64(math.Floor(t + 0.5)), nil
	}
	return 0, fmt.Errorf("argument %d must be a number, but was %s: %s", i+1, TypeName(args[i]), encode(args[i]))
}

// checkLiteralArgs reports literal arguments of the wrong type, which can be
// known before running (the validator's check).
func checkLiteralArgs(c *icall) error {
	kinds := literalKinds[c.name]
	for i, a := range c.args {
		if !a.isLit || i >= len(kinds) || kinds[i] == "" {
			continue
		}
		var err error
		switch kinds[i] {
		case "string":
			_, err = argString([]any{a.lit}, 0)
		case "array":
			_, err = argArray([]any{a.lit}, 0)
		case "object":
			_, err = argObject([]any{a.lit}, 0)
		case "integer":
			_, err = argInt([]any{a.lit}, 0)
		case "number":
			if TypeName(a.lit) != "number" {
				err = fmt.Errorf("argument %d must be a number, but was %s: %s", i+1, TypeName(a.lit), encode(a.lit))
			}
		case "boolean":
			_, err = argBool([]any{a.lit}, 0)
		}
		if err != nil {
			return fmt.Errorf("States.%s: argument %d: %v", c.name, i+1, err)
		}
	}
	return nil
}

// literalKinds lists the type each argument position requires.
var literalKinds = map[string][]string{
	"Format":         {"string"},
	"StringToJson":   {"string"},
	"ArrayPartition": {"array", "integer"},
	"ArrayContains":  {"array"},
	"ArrayRange":     {"number", "number", "number"},
	"ArrayGetItem":   {"array", "integer"},
	"ArrayLength":    {"array"},
	"ArrayUnique":    {"array"},
	"Base64Encode":   {"string"},
	"Base64Decode":   {"string"},
	"Hash":           {"string", "string"},
	"JsonMerge":      {"object", "object", "boolean"},
	"MathRandom":     {"number", "number", "number"},
	"MathAdd":        {"number", "number"},
	"StringSplit":    {"string", "string"},
}
