package web

// STOPGAP: replaced by engine/asl (Parse/Decode) and engine/validate as soon
// as they land. It only lists top-level state names and types in source order.

import (
	"bytes"
	"encoding/json"
	"fmt"
)

type stateInfo struct {
	Name string
	Type string
}

func stopgapStates(src []byte) (startAt string, states []stateInfo, err error) {
	var top struct {
		StartAt string
		States  json.RawMessage
	}
	if err := json.Unmarshal(src, &top); err != nil {
		return "", nil, fmt.Errorf("not valid JSON: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(top.States))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return top.StartAt, nil, fmt.Errorf("States is not an object")
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return top.StartAt, nil, err
		}
		var body struct{ Type string }
		if err := dec.Decode(&body); err != nil {
			return top.StartAt, nil, err
		}
		states = append(states, stateInfo{Name: t.(string), Type: body.Type})
	}
	return top.StartAt, states, nil
}
