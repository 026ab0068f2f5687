package expr

import (
	"errors"
	"fmt"
	"strings"

	jsonata "github.com/blues/jsonata-go"
	"github.com/blues/jsonata-go/jparse"
)

// jsonataMessage words a library error as JSONata 2.x (which AWS runs)
// does: "T1006: Attempted to invoke a non-function", "T2001: The left side
// of the "+" operator must evaluate to a number", …
func jsonataMessage(err error) string {
	var ev *jsonata.EvalError
	if errors.As(err, &ev) {
		return evalErrorMessage(ev)
	}
	var ac *jsonata.ArgCountError
	if errors.As(err, &ac) {
		return fmt.Sprintf("T0410: Argument %d of function \"%s\" does not match function signature", ac.Expected+1, strings.TrimPrefix(ac.Func, "$"))
	}
	var at *jsonata.ArgTypeError
	if errors.As(err, &at) {
		return fmt.Sprintf("T0410: Argument %d of function \"%s\" does not match function signature", at.Which, strings.TrimPrefix(at.Func, "$"))
	}
	var pe *jparse.Error
	if errors.As(err, &pe) {
		return fmt.Sprintf("S0201: Syntax error: %s", pe.Error())
	}
	var fe *funcError
	if errors.As(err, &fe) {
		return fe.msg
	}
	return err.Error()
}

func evalErrorMessage(e *jsonata.EvalError) string {
	op := e.Value
	switch e.Type {
	case jsonata.ErrNonCallable, jsonata.ErrNonCallableApply, jsonata.ErrNonCallablePartial:
		return "T1006: Attempted to invoke a non-function"
	case jsonata.ErrNonNumberLHS:
		return fmt.Sprintf("T2001: The left side of the \"%s\" operator must evaluate to a number", op)
	case jsonata.ErrNonNumberRHS:
		return fmt.Sprintf("T2002: The right side of the \"%s\" operator must evaluate to a number", op)
	case jsonata.ErrNonIntegerLHS:
		return "T2003: The left side of the range operator (..) must evaluate to an integer"
	case jsonata.ErrNonIntegerRHS:
		return "T2004: The right side of the range operator (..) must evaluate to an integer"
	case jsonata.ErrNonComparableLHS, jsonata.ErrNonComparableRHS:
		return fmt.Sprintf("T2010: The expressions either side of operator \"%s\" must evaluate to numeric or string values", op)
	case jsonata.ErrTypeMismatch:
		return fmt.Sprintf("T2009: The values either side of operator \"%s\" must be of the same data type", op)
	case jsonata.ErrNumberInf, jsonata.ErrNumberNaN:
		return "D1001: Number out of range"
	case jsonata.ErrMaxRangeItems:
		return "D2014: The size of the sequence allocated by the range operator (..) must not exceed 1e7."
	case jsonata.ErrIllegalKey:
		return "T1003: Key in object structure must evaluate to a string"
	case jsonata.ErrDuplicateKey:
		return fmt.Sprintf("D1009: Multiple key definitions evaluate to same key: \"%s\"", op)
	case jsonata.ErrIllegalUpdate:
		return "T2011: The insert/update clause of the transform expression must evaluate to an object"
	case jsonata.ErrIllegalDelete:
		return "T2012: The delete clause of the transform expression must evaluate to a string or array of strings"
	case jsonata.ErrNonSortable, jsonata.ErrSortMismatch:
		return "T2008: The expressions within an order-by clause must evaluate to numeric or string values"
	}
	return e.Error()
}

// funcError is an error from one of the adapter's functions, already worded
// as JSONata/AWS word it.
type funcError struct{ msg string }

// Error returns the message.
func (e *funcError) Error() string { return e.msg }
