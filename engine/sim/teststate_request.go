package sim

import (
	"encoding/json"
	"fmt"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// testStateRequest is the JSON shape of a TestState API request's
// parameters (besides definition and input).
type testStateRequest struct {
	StateName       string `json:"stateName"`
	InspectionLevel string `json:"inspectionLevel"`
	RoleArn         string `json:"roleArn"`
	RevealSecrets   bool   `json:"revealSecrets"`
	Variables       string `json:"variables"`
	Context         string `json:"context"`
	Mock            *struct {
		Result      *string `json:"result"`
		ErrorOutput *struct {
			Error *string `json:"error"`
			Cause *string `json:"cause"`
		} `json:"errorOutput"`
		FieldValidationMode string `json:"fieldValidationMode"`
	} `json:"mock"`
	StateConfiguration *struct {
		RetrierRetryCount        *int   `json:"retrierRetryCount"`
		MapIterationFailureCount *int   `json:"mapIterationFailureCount"`
		ErrorCausedByState       string `json:"errorCausedByState"`
	} `json:"stateConfiguration"`
}

// ParseTestStateRequest reads the parameters of a TestState API request
// (stateName, inspectionLevel, roleArn, mock, variables, context,
// stateConfiguration, revealSecrets) from its JSON form.
func ParseTestStateRequest(src []byte) (TestStateOptions, error) {
	o := TestStateOptions{MapIterationFailureCount: -1}
	var req testStateRequest
	if len(src) > 0 {
		if err := json.Unmarshal(src, &req); err != nil {
			return o, fmt.Errorf("TestState request: %w", err)
		}
	}
	o.StateName, o.InspectionLevel, o.RoleArn, o.RevealSecrets = req.StateName, req.InspectionLevel, req.RoleArn, req.RevealSecrets
	if req.Variables != "" {
		v, err := asl.DecodeJSON([]byte(req.Variables))
		if err != nil {
			return o, fmt.Errorf("variables: %w", err)
		}
		m, ok := v.(map[string]any)
		if !ok {
			return o, fmt.Errorf("variables: must be a JSON object")
		}
		o.Variables = m
	}
	if req.Context != "" {
		v, err := asl.DecodeJSON([]byte(req.Context))
		if err != nil {
			return o, fmt.Errorf("context: %w", err)
		}
		o.Context, o.HasContext = v, true
	}
	if m := req.Mock; m != nil {
		o.Mock = &TestStateMock{FieldValidationMode: m.FieldValidationMode}
		if m.Result != nil {
			o.Mock.Result, o.Mock.HasResult = *m.Result, true
		}
		if e := m.ErrorOutput; e != nil {
			t := &MockThrow{}
			if e.Error != nil {
				t.Error = *e.Error
			}
			if e.Cause != nil {
				t.Cause, t.HasCause = *e.Cause, true
			}
			o.Mock.ErrorOutput = t
		}
	}
	if c := req.StateConfiguration; c != nil {
		if c.RetrierRetryCount != nil {
			o.RetrierRetryCount = *c.RetrierRetryCount
		}
		if c.MapIterationFailureCount != nil {
			o.MapIterationFailureCount = *c.MapIterationFailureCount
		}
		o.ErrorCausedByState = c.ErrorCausedByState
	}
	return o, nil
}
