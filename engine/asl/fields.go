package asl

// StateTypes lists the ASL state types.
var StateTypes = []string{TypeTask, TypePass, TypeChoice, TypeWait, TypeSucceed, TypeFail, TypeParallel, TypeMap}

// stateFields are the fields each state type accepts (in either query
// language) besides Type, Comment and QueryLanguage, which all accept.
var stateFields = map[string][]string{
	TypeTask: {"Next", "End", "InputPath", "OutputPath", "Assign", "Output",
		"Resource", "Parameters", "Arguments", "ResultSelector", "ResultPath", "Retry", "Catch",
		"TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"},
	TypePass:    {"Next", "End", "InputPath", "OutputPath", "Assign", "Output", "Result", "ResultPath", "Parameters"},
	TypeChoice:  {"InputPath", "OutputPath", "Assign", "Output", "Choices", "Default"},
	TypeWait:    {"Next", "End", "InputPath", "OutputPath", "Assign", "Output", "Seconds", "SecondsPath", "Timestamp", "TimestampPath"},
	TypeSucceed: {"InputPath", "OutputPath", "Output"},
	TypeFail:    {"Error", "ErrorPath", "Cause", "CausePath"},
	TypeParallel: {"Next", "End", "InputPath", "OutputPath", "Assign", "Output",
		"Branches", "Parameters", "Arguments", "ResultSelector", "ResultPath", "Retry", "Catch"},
	TypeMap: {"Next", "End", "InputPath", "OutputPath", "Assign", "Output",
		"ItemProcessor", "Iterator", "ItemsPath", "Items", "ItemSelector", "Parameters", "ItemReader",
		"ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath",
		"ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage",
		"ToleratedFailurePercentagePath", "Label", "ResultSelector", "ResultPath", "Retry", "Catch"},
}

var (
	allowedFields = map[string]map[string]bool{}
	anyStateField = map[string]bool{"Type": true, "Comment": true, "QueryLanguage": true}
)

func init() {
	for typ, fields := range stateFields {
		set := map[string]bool{"Type": true, "Comment": true, "QueryLanguage": true}
		for _, f := range fields {
			set[f] = true
			anyStateField[f] = true
		}
		allowedFields[typ] = set
	}
}

// IsStateType reports whether typ is an ASL state type.
func IsStateType(typ string) bool { return allowedFields[typ] != nil }

// StateFieldAllowed reports whether a state of type typ accepts the field
// key in some query language (e.g. "Resource" for a Task).
func StateFieldAllowed(typ, key string) bool { return allowedFields[typ][key] }

// IsStateField reports whether key is a field of some ASL state type.
func IsStateField(key string) bool { return anyStateField[key] }
