package sim

import (
	"errors"
	"fmt"
	"strings"

	"github.com/aslstudio/aslstudio/engine/expr"
)

// Error names the engine raises.
const (
	ErrALL                             = "States.ALL"
	ErrTaskFailed                      = "States.TaskFailed"
	ErrRuntime                         = "States.Runtime"
	ErrTimeout                         = "States.Timeout"
	ErrHeartbeatTimeout                = "States.HeartbeatTimeout"
	ErrDataLimitExceeded               = "States.DataLimitExceeded"
	ErrBranchFailed                    = "States.BranchFailed"
	ErrQueryEvaluation                 = "States.QueryEvaluationError"
	ErrItemReaderFailed                = "States.ItemReaderFailed"
	ErrResultWriter                    = "States.ResultWriterFailed"
	ErrExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold"
	ErrNoChoiceMatched                 = "States.NoChoiceMatched"
	ErrIntrinsicFailure                = "States.IntrinsicFailure"
	ErrPermissions                     = "States.Permissions"
)

// failure is an error raised while running a state: its ASL error name and
// cause. HasError/HasCause distinguish an absent value from an empty one (a
// Fail state may set neither).
type failure struct {
	Error, Cause       string
	HasError, HasCause bool
	// location is the field an expression failure came from (EvaluationFailed).
	location string
	// evaluation marks a failure of the engine's own evaluation (an
	// EvaluationFailed event is written for JSONata query errors).
	evaluation bool
	// prefixed marks a cause that already names the state.
	prefixed bool
	// executionTimeout marks the execution's own timeout (TIMED_OUT).
	executionTimeout bool
}

func newFailure(name, cause string) *failure {
	return &failure{Error: name, Cause: cause, HasError: true, HasCause: true}
}

func failuref(name, format string, args ...any) *failure {
	return newFailure(name, fmt.Sprintf(format, args...))
}

// terminal reports whether no Retry or Catch can handle the failure:
// AWS never retries or catches States.Runtime, nor the execution's own
// timeout.
func (f *failure) terminal() bool { return f.Error == ErrRuntime || f.executionTimeout }

// errorOutput is the value a Catch passes on: {"Error": …, "Cause": …}.
func (f *failure) errorOutput() map[string]any {
	return map[string]any{"Error": f.Error, "Cause": f.Cause}
}

// fromExprError converts an expression error into a failure; the caller
// prefixes the state context.
func fromExprError(err error, field string) *failure {
	var ee *expr.Error
	if errors.As(err, &ee) {
		f := newFailure(ee.Name, ee.Cause)
		f.evaluation = true
		f.location = field
		return f
	}
	f := newFailure(ErrRuntime, err.Error())
	f.evaluation = true
	f.location = field
	return f
}

// errorMatches reports whether an ErrorEquals list matches the error name.
func errorMatches(list []string, name string) bool {
	for _, e := range list {
		switch {
		case e == name:
			return true
		case e == ErrALL:
			return true
		case e == ErrTaskFailed && !strings.HasPrefix(name, "States."):
			return true
		}
	}
	return false
}
