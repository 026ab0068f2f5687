package sim

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// Event is one history event, shaped like an entry of AWS
// GetExecutionHistory. Details holds the runtime values; MarshalJSON writes
// the AWS form (input and output as JSON text in "<type>EventDetails").
type Event struct {
	ID              int64
	PreviousEventID int64
	Timestamp       time.Time
	Type            string
	// Details is nil for events without details (e.g. MapStateSucceeded).
	Details *Details
}

// Details are the *EventDetails of an event. Which fields are present
// depends on the event type; Has* flags tell an absent value from a null.
type Details struct {
	Name               string         // state name (StateEntered/Exited, MapIteration*)
	Input              any            // input / parameters
	HasInput           bool           // Input is set
	Output             any            // output
	HasOutput          bool           // Output is set
	Error, Cause       string         // failures
	HasError, HasCause bool           // Error / Cause are set
	Resource           string         // task resource
	ResourceType       string         // task resource type (lambda, sqs, …)
	Region             string         // TaskScheduled region
	TimeoutInSeconds   int64          // task timeout, when set
	HeartbeatInSeconds int64          // task heartbeat, when set
	Index              int            // MapIteration index
	Length             int            // MapStateStarted length
	AssignedVariables  map[string]any // variables a state assigned
	MapRunArn          string         // MapRunStarted
	Location           string         // EvaluationFailed location
	RoleArn            string         // ExecutionStarted role
	TaskCredentials    any            // TaskScheduled credentials
	HasTaskCredentials bool           // TaskCredentials is set
}

// DetailsKey returns the JSON member name of an event type's details, e.g.
// "stateEnteredEventDetails" for "PassStateEntered".
func DetailsKey(typ string) string {
	switch {
	case strings.HasSuffix(typ, "StateEntered"):
		return "stateEnteredEventDetails"
	case strings.HasSuffix(typ, "StateExited"):
		return "stateExitedEventDetails"
	}
	return strings.ToLower(typ[:1]) + typ[1:] + "EventDetails"
}

// jsonText is a runtime value written as its JSON text, the way AWS writes
// input and output in history events.
func jsonText(v any) string { return string(asl.EncodeJSON(v)) }

// DetailsMap returns the AWS form of the event's details (input, output,
// parameters and assigned variables as JSON text), or nil.
func (e *Event) DetailsMap() map[string]any {
	d := e.Details
	if d == nil {
		return nil
	}
	m := map[string]any{}
	t := e.Type
	trunc := map[string]any{"truncated": false}
	switch {
	case strings.HasSuffix(t, "StateEntered"):
		m["name"] = d.Name
		m["input"] = jsonText(d.Input)
		m["inputDetails"] = trunc
	case strings.HasSuffix(t, "StateExited"):
		m["name"] = d.Name
		m["output"] = jsonText(d.Output)
		m["outputDetails"] = trunc
		if len(d.AssignedVariables) > 0 {
			av := make(map[string]any, len(d.AssignedVariables))
			for k, v := range d.AssignedVariables {
				av[k] = jsonText(v)
			}
			m["assignedVariables"] = av
			m["assignedVariablesDetails"] = trunc
		}
	case t == "ExecutionStarted":
		m["input"] = jsonText(d.Input)
		m["inputDetails"] = trunc
		m["roleArn"] = d.RoleArn
	case t == "TaskScheduled":
		m["parameters"] = jsonText(d.Input)
		m["region"] = d.Region
		m["resource"] = d.Resource
		m["resourceType"] = d.ResourceType
		if d.TimeoutInSeconds > 0 {
			m["timeoutInSeconds"] = d.TimeoutInSeconds
		}
		if d.HeartbeatInSeconds > 0 {
			m["heartbeatInSeconds"] = d.HeartbeatInSeconds
		}
		if d.HasTaskCredentials {
			m["taskCredentials"] = d.TaskCredentials
		}
	case t == "LambdaFunctionScheduled" || t == "ActivityScheduled":
		m["input"] = jsonText(d.Input)
		m["inputDetails"] = trunc
		m["resource"] = d.Resource
		if d.TimeoutInSeconds > 0 {
			m["timeoutInSeconds"] = d.TimeoutInSeconds
		}
		if d.HeartbeatInSeconds > 0 {
			m["heartbeatInSeconds"] = d.HeartbeatInSeconds
		}
	case strings.HasPrefix(t, "MapIteration"):
		m["name"] = d.Name
		m["index"] = d.Index
	case t == "MapStateStarted":
		m["length"] = d.Length
	case t == "MapRunStarted":
		m["mapRunArn"] = d.MapRunArn
	case t == "EvaluationFailed":
		m["state"] = d.Name
		if d.Location != "" {
			m["location"] = d.Location
		}
	}
	if d.HasOutput && !strings.HasSuffix(t, "StateExited") {
		m["output"] = jsonText(d.Output)
		m["outputDetails"] = trunc
	}
	if d.HasError {
		m["error"] = d.Error
	}
	if d.HasCause {
		m["cause"] = d.Cause
	}
	if strings.HasPrefix(t, "Task") && !strings.HasPrefix(t, "TaskState") && t != "TaskScheduled" {
		m["resource"] = d.Resource
		m["resourceType"] = d.ResourceType
	}
	return m
}

// MarshalJSON writes the event as AWS GetExecutionHistory does.
func (e *Event) MarshalJSON() ([]byte, error) {
	m := map[string]any{
		"id":              e.ID,
		"previousEventId": e.PreviousEventID,
		"timestamp":       e.Timestamp.UTC().Format("2006-01-02T15:04:05.000Z07:00"),
		"type":            e.Type,
	}
	if d := e.DetailsMap(); d != nil {
		m[DetailsKey(e.Type)] = d
	}
	return json.Marshal(m)
}
