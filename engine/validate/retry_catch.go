package validate

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// predefinedErrors are the error names AWS defines; every other name that
// starts with "States." is reserved and rejected.
var predefinedErrors = map[string]bool{
	"States.ALL": true, "States.DataLimitExceeded": true, "States.ExceedToleratedFailureThreshold": true,
	"States.HeartbeatTimeout": true, "States.Http.Socket": true, "States.IntrinsicFailure": true,
	"States.ItemReaderFailed": true, "States.NoChoiceMatched": true, "States.ParameterPathFailure": true,
	"States.Permissions": true, "States.ResultPathMatchFailure": true, "States.ResultWriterFailed": true,
	"States.Runtime": true, "States.TaskFailed": true, "States.Timeout": true,
	"States.QueryEvaluationError": true, "States.BranchFailed": true,
}

var retrierFields = map[string]bool{
	"ErrorEquals": true, "IntervalSeconds": true, "MaxAttempts": true, "BackoffRate": true,
	"MaxDelaySeconds": true, "JitterStrategy": true, "Comment": true,
}

var catcherFields = map[string]lang{
	"ErrorEquals": both, "Next": both, "ResultPath": jsonPath, "Output": jsonata, "Assign": both, "Comment": both,
}

// errorHandlers returns the objects of a Retry or Catch array.
func (c *checker) errorHandlers(st *stateInfo, key string) []obj {
	f, ptr := st.o.field(key)
	if f == nil || !c.wantKind(f, ptr, asl.Array) {
		return nil
	}
	out := make([]obj, 0, len(f.Value.Items))
	for i, it := range f.Value.Items {
		iptr := ptr + "/" + itoa(i)
		if it.Kind != asl.Object {
			c.errorf(it.Pos, iptr, "Each element of '%s' must be an object, not %s", key, kindName(it.Kind))
			continue
		}
		c.duplicateKeys(obj{v: it, ptr: iptr})
		out = append(out, obj{v: it, ptr: iptr})
	}
	return out
}

// retry checks a Retry array.
func (c *checker) retry(st *stateInfo) {
	rs := c.errorHandlers(st, "Retry")
	for i, r := range rs {
		for _, f := range r.v.Fields {
			if !retrierFields[f.Key] {
				c.errorf(fieldPos(f), r.ptr+"/"+escapePointer(f.Key), "Field '%s' is not supported", f.Key)
			}
		}
		c.required(r, "ErrorEquals")
		c.errorEquals(r, i == len(rs)-1, "retrier")
		if f, ptr := r.field("IntervalSeconds"); f != nil {
			c.wantInt(f, ptr, 1, maxSeconds)
		}
		if f, ptr := r.field("MaxAttempts"); f != nil {
			c.wantInt(f, ptr, 0, maxSeconds)
		}
		if f, ptr := r.field("MaxDelaySeconds"); f != nil {
			c.wantInt(f, ptr, 1, 31622400)
		}
		if f, ptr := r.field("BackoffRate"); f != nil && !c.isPlaceholder(f.Value) {
			if f.Value.Kind != asl.Number {
				c.errorf(f.Value.Pos, ptr, "The value for the field 'BackoffRate' must be a number, not %s", kindName(f.Value.Kind))
			} else if x, ok := f.Value.Float(); !ok || x < 1 {
				c.errorf(f.Value.Pos, ptr, "The value for the field 'BackoffRate' must be at least 1.0, not %s", f.Value.Str)
			}
		}
		if f, ptr := r.field("JitterStrategy"); f != nil {
			if s, ok := c.wantString(f, ptr); ok && s != "FULL" && s != "NONE" {
				c.errorf(f.Value.Pos, ptr, "The field 'JitterStrategy' should have one of these values: [FULL, NONE]")
			}
		}
		if f, ptr := r.field("Comment"); f != nil {
			c.wantKind(f, ptr, asl.String)
		}
	}
}

// catch checks a Catch array and records its transitions.
func (c *checker) catch(sc *scope, st *stateInfo) {
	cs := c.errorHandlers(st, "Catch")
	for i, k := range cs {
		for _, f := range k.v.Fields {
			l, ok := catcherFields[f.Key]
			fptr := k.ptr + "/" + escapePointer(f.Key)
			switch {
			case !ok:
				c.errorf(fieldPos(f), fptr, "Field '%s' is not supported", f.Key)
			case l == jsonPath && st.ql == asl.JSONata:
				c.errorf(fieldPos(f), fptr, "The QueryLanguage is set to 'JSONata', but field '%s' is only supported for the 'JSONPath' QueryLanguage", f.Key)
			case l == jsonata && st.ql == asl.JSONPath:
				c.errorf(fieldPos(f), fptr, "The QueryLanguage is set to 'JSONPath', but field '%s' is only supported for the 'JSONata' QueryLanguage", f.Key)
			}
		}
		c.required(k, "ErrorEquals", "Next")
		c.errorEquals(k, i == len(cs)-1, "catcher")
		if f, ptr := k.field("Next"); f != nil {
			if s, ok := c.wantString(f, ptr); ok {
				c.addTarget(sc, st, s, "Next", ptr, f.Value.Pos)
			}
		}
		if f, ptr := k.field("Comment"); f != nil {
			c.wantKind(f, ptr, asl.String)
		}
		c.inCatcher = true
		if f, ptr := k.field("Assign"); f != nil {
			c.assign(st, f, ptr)
		}
		if st.ql == asl.JSONPath {
			rf, ptr := k.field("ResultPath")
			if rf != nil {
				c.pathField(rf, ptr, resultPath, true)
			}
			if rf == nil || (rf.Value.Kind == asl.String && rf.Value.Str == "$") {
				next, _ := k.get("Next").StringValue()
				sc.replacing = append(sc.replacing, target{name: next, ptr: k.ptr, pos: k.v.Pos})
			}
		} else if f, ptr := k.field("Output"); f != nil {
			c.jsonataValue(f.Value, ptr, "Output")
		}
		c.inCatcher = false
	}
}

// errorEquals checks the ErrorEquals of a retrier or catcher.
func (c *checker) errorEquals(o obj, last bool, what string) {
	f, ptr := o.field("ErrorEquals")
	if f == nil || !c.wantKind(f, ptr, asl.Array) {
		return
	}
	if len(f.Value.Items) == 0 {
		c.errorf(f.Value.Pos, ptr, "The field 'ErrorEquals' must not be empty")
		return
	}
	for i, it := range f.Value.Items {
		iptr := ptr + "/" + itoa(i)
		if it.Kind != asl.String {
			if !c.isPlaceholder(it) {
				c.errorf(it.Pos, iptr, "Error names in 'ErrorEquals' must be strings, not %s", kindName(it.Kind))
			}
			continue
		}
		name := it.Str
		switch {
		case name == "States.ALL":
			if len(f.Value.Items) > 1 {
				c.errorf(it.Pos, iptr, "'States.ALL' must appear alone in 'ErrorEquals'")
			}
			if !last {
				c.errorf(it.Pos, iptr, "A %s with 'States.ALL' must be the last one", what)
			}
		case strings.HasPrefix(name, "States.") && !predefinedErrors[name]:
			// The specification reserves the prefix, but AWS accepts such
			// names (deployed workflows raise and catch them from Fail
			// states), so this is a warning.
			c.warnf(CodeReservedErrorName, it.Pos, iptr, "'%s' is not a predefined error name; names starting with 'States.' are reserved for Step Functions", name)
		}
	}
}
