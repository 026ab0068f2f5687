package asl

// This file is the typed view of a definition: one Go type per ASL
// construct. It is decoded from a *Value tree (see Decode) and keeps a
// pointer to the Value each part came from, so positions, unknown fields and
// key order stay available. The typed view is read-only by convention:
// editing happens on the Value tree (edit.go), then the view is decoded
// again.

// Query languages.
const (
	JSONPath = "JSONPath"
	JSONata  = "JSONata"
)

// State types.
const (
	TypeTask     = "Task"
	TypePass     = "Pass"
	TypeChoice   = "Choice"
	TypeWait     = "Wait"
	TypeSucceed  = "Succeed"
	TypeFail     = "Fail"
	TypeParallel = "Parallel"
	TypeMap      = "Map"
)

// StateMachine is a whole definition, or the body of a Parallel branch or a
// Map processor (which have StartAt and States too).
type StateMachine struct {
	Node           *Value
	Comment        string
	StartAt        string
	Version        string
	QueryLanguage  string // "" means JSONPath (the default)
	TimeoutSeconds *int64
	// States in source order.
	States []State
	// byName indexes States.
	byName map[string]State
}

// State returns the state named name at this level (not nested), or nil.
// It is safe for concurrent use on a machine from Decode (which indexes
// large machines up front); small machines are searched in place.
func (m *StateMachine) State(name string) State {
	if m == nil {
		return nil
	}
	if m.byName == nil && len(m.States) <= smallMachine {
		for _, s := range m.States {
			if s.Common().Name == name {
				return s
			}
		}
		return nil
	}
	if m.byName == nil {
		m.index()
	}
	return m.byName[name]
}

// smallMachine is the size up to which State searches without an index.
const smallMachine = 8

// index builds byName (the first state wins for a duplicated name, as the
// linear search does).
func (m *StateMachine) index() {
	byName := make(map[string]State, len(m.States))
	for _, s := range m.States {
		if _, dup := byName[s.Common().Name]; !dup {
			byName[s.Common().Name] = s
		}
	}
	m.byName = byName
}

// State is any ASL state. Common gives the fields every state type shares;
// type-switch on the concrete type (*TaskState, *PassState, …) for the rest.
type State interface {
	Common() *Base
}

// Base holds what every state type has (a field a type does not allow is
// still decoded here when present, so the validator can report it).
type Base struct {
	// Node is the state's object in the document.
	Node          *Value
	Name          string
	Type          string
	Comment       string
	QueryLanguage string // "" inherits from the enclosing machine
	Next          string
	End           bool
	InputPath     *string // nil when absent; a JSON null is represented by NullPath
	OutputPath    *string
	// Assign is the raw Assign object, or nil.
	Assign *Value
	// Output is the JSONata Output field (any JSON value), or nil.
	Output *Value
}

// NullPath is the value InputPath/OutputPath/ResultPath pointers hold when the
// field is JSON null (which means "discard" / "{}" in ASL).
var NullPath = new(string)

// IsNullPath reports whether p is the JSON-null marker.
func IsNullPath(p *string) bool { return p != nil && p == NullPath }

// Common implements State.
func (b *Base) Common() *Base { return b }

// Retrier is one element of Retry.
type Retrier struct {
	Node            *Value
	ErrorEquals     []string
	IntervalSeconds *int64
	MaxAttempts     *int64
	BackoffRate     *float64
	MaxDelaySeconds *int64
	JitterStrategy  string // "", "FULL" or "NONE"
	Comment         string
}

// Catcher is one element of Catch.
type Catcher struct {
	Node        *Value
	ErrorEquals []string
	Next        string
	ResultPath  *string // JSONPath only
	Output      *Value  // JSONata only
	Assign      *Value
	Comment     string
}

// TaskState is a Task.
type TaskState struct {
	Base
	Resource             string
	Parameters           *Value // JSONPath payload template
	Arguments            *Value // JSONata
	ResultSelector       *Value
	ResultPath           *string
	Retry                []*Retrier
	Catch                []*Catcher
	TimeoutSeconds       *Value // number, or a JSONata string "{% … %}"
	TimeoutSecondsPath   string
	HeartbeatSeconds     *Value
	HeartbeatSecondsPath string
	Credentials          *Value
}

// PassState is a Pass.
type PassState struct {
	Base
	Result     *Value
	ResultPath *string
	Parameters *Value
}

// ChoiceState is a Choice.
type ChoiceState struct {
	Base
	Choices []*ChoiceRule
	Default string
}

// ChoiceRule is a top-level rule of a Choice (with Next) or a nested
// condition inside And / Or / Not (without Next).
type ChoiceRule struct {
	Node *Value
	// Next is set on top-level rules only.
	Next    string
	Comment string
	// Condition is the JSONata form: a "{% … %}" string or a boolean.
	Condition *Value
	// Assign and Output on a top-level rule.
	Assign *Value
	Output *Value
	// JSONPath form: one of And / Or / Not, or Variable + one comparison.
	And      []*ChoiceRule
	Or       []*ChoiceRule
	Not      *ChoiceRule
	Variable string
	// Operator is the comparison's field name, e.g. "StringEquals",
	// "NumericLessThanPath", "IsPresent"; Operand is its value.
	Operator string
	Operand  *Value
}

// WaitState is a Wait. Exactly one of the four should be set; Seconds and
// Timestamp may be JSONata strings.
type WaitState struct {
	Base
	Seconds       *Value
	SecondsPath   string
	Timestamp     *Value
	TimestampPath string
}

// SucceedState is a Succeed.
type SucceedState struct {
	Base
}

// FailState is a Fail.
type FailState struct {
	Base
	Error     *Value // string, or a JSONata string
	ErrorPath string
	Cause     *Value
	CausePath string
}

// ParallelState is a Parallel.
type ParallelState struct {
	Base
	Branches       []*StateMachine
	Parameters     *Value
	Arguments      *Value
	ResultSelector *Value
	ResultPath     *string
	Retry          []*Retrier
	Catch          []*Catcher
}

// MapState is a Map (inline or distributed).
type MapState struct {
	Base
	// Processor is ItemProcessor, or the legacy Iterator.
	Processor *StateMachine
	// ProcessorMode is ItemProcessor.ProcessorConfig.Mode: "INLINE" (default)
	// or "DISTRIBUTED"; ExecutionType is STANDARD or EXPRESS for distributed.
	ProcessorMode                  string
	ExecutionType                  string
	ItemsPath                      *string
	Items                          *Value // JSONata
	ItemSelector                   *Value // ItemSelector, or the legacy Parameters
	ItemReader                     *Value
	ItemBatcher                    *Value
	ResultWriter                   *Value
	MaxConcurrency                 *Value
	MaxConcurrencyPath             string
	ToleratedFailureCount          *Value
	ToleratedFailureCountPath      string
	ToleratedFailurePercentage     *Value
	ToleratedFailurePercentagePath string
	Label                          string
	ResultSelector                 *Value
	ResultPath                     *string
	Retry                          []*Retrier
	Catch                          []*Catcher
}
