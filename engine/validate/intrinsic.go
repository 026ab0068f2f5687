package validate

import (
	"fmt"
	"strings"
)

// argKind is what an intrinsic function parameter accepts as a literal.
type argKind uint8

const (
	argAny argKind = iota
	argNumber
	argString
)

// intrinsicParams gives the literal types of the parameters of the
// intrinsic functions whose parameters are typed (a literal of the wrong
// type fails every execution, so it is reported statically). Paths and
// nested calls are not checked here.
var intrinsicParams = map[string][]argKind{
	"States.MathAdd":        {argNumber, argNumber},
	"States.MathRandom":     {argNumber, argNumber, argNumber},
	"States.ArrayRange":     {argNumber, argNumber, argNumber},
	"States.ArrayPartition": {argAny, argNumber},
	"States.ArrayGetItem":   {argAny, argNumber},
	"States.StringSplit":    {argString, argString},
	"States.Base64Encode":   {argString},
	"States.Base64Decode":   {argString},
	"States.Hash":           {argString, argString},
	"States.Format":         {argString},
	"States.StringToJson":   {argString},
}

// checkIntrinsicArgs checks the literal arguments of an intrinsic call
// against the parameter types of its function, recursively.
func checkIntrinsicArgs(call string) error {
	name, args, ok := splitCall(call)
	if !ok {
		return nil // syntax is expr.CheckIntrinsic's business
	}
	kinds := intrinsicParams[name]
	for i, a := range args {
		if strings.HasPrefix(a, "States.") {
			if err := checkIntrinsicArgs(a); err != nil {
				return err
			}
			continue
		}
		if i >= len(kinds) {
			continue
		}
		switch {
		case kinds[i] == argNumber && strings.HasPrefix(a, "'"):
			return fmt.Errorf("argument %d of %s must be a number, not the string %s", i+1, name, a)
		case kinds[i] == argString && a != "" && (a[0] == '-' || a[0] >= '0' && a[0] <= '9'):
			return fmt.Errorf("argument %d of %s must be a string, not the number %s", i+1, name, a)
		}
	}
	return nil
}

// splitCall splits "States.Name(a, b, …)" into its name and its top-level
// arguments (trimmed), honouring quotes and nested parentheses.
func splitCall(s string) (name string, args []string, ok bool) {
	s = strings.TrimSpace(s)
	open := strings.IndexByte(s, '(')
	if open < 0 || !strings.HasSuffix(s, ")") {
		return "", nil, false
	}
	name = strings.TrimSpace(s[:open])
	body := s[open+1 : len(s)-1]
	depth, start := 0, 0
	inStr := false
	for i := 0; i < len(body); i++ {
		ch := body[i]
		switch {
		case inStr:
			if ch == '\\' {
				i++
			} else if ch == '\'' {
				inStr = false
			}
		case ch == '\'':
			inStr = true
		case ch == '(' || ch == '[':
			depth++
		case ch == ')' || ch == ']':
			depth--
		case ch == ',' && depth == 0:
			args = append(args, strings.TrimSpace(body[start:i]))
			start = i + 1
		}
	}
	if inStr || depth != 0 {
		return "", nil, false
	}
	if last := strings.TrimSpace(body[start:]); last != "" || len(args) > 0 {
		args = append(args, last)
	}
	return name, args, true
}
