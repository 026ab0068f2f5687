package validate

import (
	"sync"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// lang says in which query language a field is allowed.
type lang uint8

const (
	both     lang = iota // either query language
	jsonPath             // JSONPath states only
	jsonata              // JSONata states only
)

// Fields shared by several state types.
var (
	commonFields = map[string]lang{"Type": both, "Comment": both, "QueryLanguage": both}
	flowFields   = map[string]lang{"Next": both, "End": both}
	ioFields     = map[string]lang{"InputPath": jsonPath, "OutputPath": jsonPath, "Output": jsonata}
	resultFields = map[string]lang{"ResultPath": jsonPath, "ResultSelector": jsonPath, "Parameters": jsonPath}
	errorFields  = map[string]lang{"Retry": both, "Catch": both}
)

// stateFields lists, per state type, every field AWS accepts and the query
// language it belongs to. It is built on first use, not at package
// initialization: the studio's page becomes usable before it validates.
var stateFields = sync.OnceValue(func() map[string]map[string]lang {
	return map[string]map[string]lang{
		asl.TypeTask: merge(commonFields, flowFields, ioFields, resultFields, errorFields, map[string]lang{
			"Assign": both, "Arguments": jsonata, "Resource": both,
			"TimeoutSeconds": both, "TimeoutSecondsPath": jsonPath,
			"HeartbeatSeconds": both, "HeartbeatSecondsPath": jsonPath,
			"Credentials": both,
		}),
		asl.TypePass: merge(commonFields, flowFields, ioFields, map[string]lang{
			"Assign": both, "Parameters": jsonPath, "ResultPath": jsonPath, "Result": jsonPath,
		}),
		asl.TypeChoice: merge(commonFields, ioFields, map[string]lang{
			"Assign": both, "Choices": both, "Default": both,
		}),
		asl.TypeWait: merge(commonFields, flowFields, ioFields, map[string]lang{
			"Assign": both, "Seconds": both, "SecondsPath": jsonPath, "Timestamp": both, "TimestampPath": jsonPath,
		}),
		asl.TypeSucceed: merge(commonFields, ioFields),
		asl.TypeFail: merge(commonFields, map[string]lang{
			"Error": both, "ErrorPath": jsonPath, "Cause": both, "CausePath": jsonPath,
		}),
		asl.TypeParallel: merge(commonFields, flowFields, ioFields, resultFields, errorFields, map[string]lang{
			"Assign": both, "Arguments": jsonata, "Branches": both,
		}),
		asl.TypeMap: merge(commonFields, flowFields, ioFields, resultFields, errorFields, map[string]lang{
			"Assign": both, "ItemProcessor": both, "Iterator": both,
			"ItemsPath": jsonPath, "Items": jsonata, "ItemSelector": both,
			"ItemReader": both, "ItemBatcher": both, "ResultWriter": both,
			"MaxConcurrency": both, "MaxConcurrencyPath": jsonPath,
			"ToleratedFailureCount": both, "ToleratedFailureCountPath": jsonPath,
			"ToleratedFailurePercentage": both, "ToleratedFailurePercentagePath": jsonPath,
			"Label": both,
		}),
	}
})

func merge(sets ...map[string]lang) map[string]lang {
	out := map[string]lang{}
	for _, s := range sets {
		for k, v := range s {
			out[k] = v
		}
	}
	return out
}

// stateFields reports fields the state's type does not have, and fields of
// the other query language.
func (c *checker) stateFields(st *stateInfo) {
	allowed := stateFields()[st.typ]
	for _, f := range st.o.v.Fields {
		l, ok := allowed[f.Key]
		switch {
		case !ok:
			c.errorf(fieldPos(f), st.o.ptr+"/"+escapePointer(f.Key), "Field '%s' is not supported", f.Key)
		case l == jsonPath && st.ql == asl.JSONata:
			c.errorf(fieldPos(f), st.o.ptr+"/"+escapePointer(f.Key), "The QueryLanguage is set to 'JSONata', but field '%s' is only supported for the 'JSONPath' QueryLanguage", f.Key)
		case l == jsonata && st.ql == asl.JSONPath:
			c.errorf(fieldPos(f), st.o.ptr+"/"+escapePointer(f.Key), "The QueryLanguage is set to 'JSONPath', but field '%s' is only supported for the 'JSONata' QueryLanguage", f.Key)
		}
	}
}
