package expr

import "fmt"

// Error names raised by expression evaluation.
const (
	ErrRuntime                = "States.Runtime"
	ErrIntrinsicFailure       = "States.IntrinsicFailure"
	ErrQueryEvaluation        = "States.QueryEvaluationError"
	ErrResultPathMatchFailure = "States.ResultPathMatchFailure"
)

// Error is a runtime failure with an ASL error name (States.Runtime,
// States.IntrinsicFailure, States.QueryEvaluationError,
// States.ResultPathMatchFailure) and AWS's wording in Cause.
type Error struct{ Name, Cause string }

// Error returns "Name: Cause".
func (e *Error) Error() string { return e.Name + ": " + e.Cause }

func newError(name, format string, args ...any) *Error {
	if len(args) == 0 {
		return &Error{Name: name, Cause: format}
	}
	return &Error{Name: name, Cause: fmt.Sprintf(format, args...)}
}
