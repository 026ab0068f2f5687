package sim

import "time"

// Execution types.
const (
	Standard = "STANDARD"
	Express  = "EXPRESS"
)

// Execution statuses.
const (
	StatusRunning   = "RUNNING"
	StatusSucceeded = "SUCCEEDED"
	StatusFailed    = "FAILED"
	StatusTimedOut  = "TIMED_OUT"
	StatusAborted   = "ABORTED"
	StatusPaused    = "PAUSED"
)

// DefaultMaxSteps is the default limit on state transitions of one run.
const DefaultMaxSteps = 1_000_000

// Options configure an execution. The zero value is a STANDARD execution
// with seed 0, no mocks and the default step limit.
type Options struct {
	// Type is STANDARD (default) or EXPRESS.
	Type string
	// SyncExpress marks an EXPRESS execution started with
	// StartSyncExecution (its context object has no RedriveCount).
	SyncExpress bool
	// Name is the execution name; empty means a UUID derived from Seed.
	Name string
	// StateMachineName names the state machine in ARNs and $$.StateMachine
	// (default "StateMachine").
	StateMachineName string
	// Seed makes UUIDs, random numbers, jitter and names reproducible.
	Seed int64
	// MaxSteps limits state transitions (default DefaultMaxSteps); a run
	// that exceeds it fails with a clear error.
	MaxSteps int
	// StartTime is the virtual time at which the execution starts
	// (default 2024-01-01T00:00:00Z).
	StartTime time.Time
	// RoleArn is $$.Execution.RoleArn.
	RoleArn string
	// Region and Account are used in the ARNs the engine makes up.
	Region, Account string
	// RedriveCount is $$.Execution.RedriveCount.
	RedriveCount int64

	// Mocks, with TestCase (and StateMachine, the entry of Mocks to use:
	// default the only one, or StateMachineName), supply task results.
	Mocks *MockConfig
	// MockStateMachine picks the entry in Mocks.StateMachines.
	MockStateMachine string
	// TestCase picks the test case of that entry.
	TestCase string
	// StateMocks set responses per state directly (the UI's per-state
	// mocks); they take precedence over Mocks.
	StateMocks map[string]*MockedResponse
	// PassThrough makes a Task without a mock succeed with its effective
	// input as result, instead of failing.
	PassThrough bool

	// Substitutions replace ${Name} placeholders in the definition (SAM
	// DefinitionSubstitutions).
	Substitutions map[string]string

	// NoHistory keeps events out of memory (for benchmarks of long EXPRESS
	// loops); Step and RunUntil still see each event.
	NoHistory bool

	// InterleaveBranches runs Parallel branches the way AWS does (see
	// threads.go): all branches start, their events interleave in virtual
	// time, and a failing branch stops the others with StateAborted
	// events. Without it, branches run one after the other in branch
	// order and a failing branch ends the state before later branches
	// start (the order the run panel's branch view reads).
	InterleaveBranches bool
}

func (o *Options) normalize() {
	if o.Type == "" {
		o.Type = Standard
	}
	if o.MaxSteps <= 0 {
		o.MaxSteps = DefaultMaxSteps
	}
	if o.StartTime.IsZero() {
		o.StartTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if o.StateMachineName == "" {
		o.StateMachineName = "StateMachine"
	}
	if o.Region == "" {
		o.Region = "us-east-1"
	}
	if o.Account == "" {
		o.Account = "123456789012"
	}
	if o.RoleArn == "" {
		o.RoleArn = "arn:aws:iam::" + o.Account + ":role/StepFunctionsRole"
	}
}
