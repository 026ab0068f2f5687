package asl

import (
	"reflect"
	"testing"
)

const fullDefinition = `{
  "Comment": "everything",
  "StartAt": "T",
  "Version": "1.0",
  "TimeoutSeconds": 300,
  "QueryLanguage": "JSONPath",
  "States": {
    "T": {
      "Type": "Task",
      "Comment": "task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "InputPath": "$.in",
      "OutputPath": null,
      "Parameters": {"a.$": "$.x"},
      "ResultSelector": {"r.$": "$.Payload"},
      "ResultPath": "$.res",
      "TimeoutSeconds": 10,
      "HeartbeatSecondsPath": "$.hb",
      "Credentials": {"RoleArn": "arn:x"},
      "Assign": {"v": 1},
      "Retry": [
        {"ErrorEquals": ["States.Timeout", 5], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 1.5,
         "MaxDelaySeconds": 9, "JitterStrategy": "FULL", "Comment": "r"},
        "not an object"
      ],
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F", "ResultPath": null, "Comment": "c"}],
      "Next": "C"
    },
    "C": {
      "Type": "Choice",
      "Choices": [
        {"Variable": "$.n", "NumericLessThanPath": "$.m", "Next": "W"},
        {"And": [{"Variable": "$.s", "IsPresent": true}, {"Not": {"Variable": "$.s", "StringMatches": "a*"}}], "Next": "P"},
        {"Or": [{"Variable": "$.t", "TimestampGreaterThanEquals": "2020-01-01T00:00:00Z"}, {"Variable": "$.b", "BooleanEquals": false}], "Next": "M"}
      ],
      "Default": "Fl"
    },
    "W": {"Type": "Wait", "SecondsPath": "$.w", "Next": "P"},
    "P": {
      "Type": "Parallel",
      "Branches": [
        {"StartAt": "B1", "States": {"B1": {"Type": "Pass", "Result": {"x": 1}, "ResultPath": "$.p", "End": true}}},
        {"StartAt": "B2", "States": {"B2": {"Type": "Succeed"}}}
      ],
      "ResultSelector": {"all.$": "$"},
      "Next": "M"
    },
    "M": {
      "Type": "Map",
      "ItemsPath": "$.items",
      "MaxConcurrency": 2,
      "ItemProcessor": {
        "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
        "StartAt": "Inner",
        "States": {"Inner": {"Type": "Wait", "Seconds": 1, "End": true}}
      },
      "ItemSelector": {"i.$": "$$.Map.Item.Value"},
      "ItemReader": {"Resource": "arn:aws:states:::s3:getObject"},
      "ItemBatcher": {"MaxItemsPerBatch": 10},
      "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject"},
      "ToleratedFailurePercentage": 5,
      "ToleratedFailureCountPath": "$.tf",
      "Label": "L",
      "End": true
    },
    "LegacyMap": {
      "Type": "Map",
      "Parameters": {"p.$": "$"},
      "Iterator": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}},
      "MaxConcurrencyPath": "$.mc",
      "End": true
    },
    "Fl": {"Type": "Fail", "Error": "E", "CausePath": "$.c"},
    "F": {"Type": "Fail", "ErrorPath": "$.e", "Cause": "c"},
    "JA": {
      "Type": "Task", "QueryLanguage": "JSONata", "Resource": "r",
      "Arguments": {"x": "{% $a %}"}, "Output": "{% $states.result %}", "TimeoutSeconds": "{% 5 %}",
      "End": true
    },
    "JC": {"Type": "Choice", "QueryLanguage": "JSONata",
      "Choices": [{"Condition": "{% $x > 1 %}", "Next": "F", "Assign": {"y": 2}, "Output": {"o": 1}}]},
    "Bad": {"Type": 5, "Next": 7, "End": "yes", "InputPath": 3},
    "Odd": {"Type": "Teleport", "Comment": "unknown type"}
  }
}`

func TestDecodeFull(t *testing.T) {
	v, err := ParseJSON([]byte(fullDefinition))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Decode(v)
	if err != nil {
		t.Fatal(err)
	}
	if m.Comment != "everything" || m.StartAt != "T" || m.Version != "1.0" || m.QueryLanguage != JSONPath || m.TimeoutSeconds == nil || *m.TimeoutSeconds != 300 {
		t.Errorf("top level = %+v", m)
	}
	var names []string
	for _, s := range m.States {
		names = append(names, s.Common().Name)
	}
	if want := []string{"T", "C", "W", "P", "M", "LegacyMap", "Fl", "F", "JA", "JC", "Bad", "Odd"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("states = %v, want %v", names, want)
	}

	task := m.State("T").(*TaskState)
	if task.Type != TypeTask || task.Comment != "task" || task.Next != "C" || task.End || task.Resource != "arn:aws:states:::lambda:invoke" {
		t.Errorf("task base = %+v", task.Base)
	}
	if task.InputPath == nil || *task.InputPath != "$.in" || !IsNullPath(task.OutputPath) || IsNullPath(task.InputPath) {
		t.Errorf("task paths: InputPath %v OutputPath %v", task.InputPath, task.OutputPath)
	}
	if task.Parameters.Get("a.$").Str != "$.x" || task.ResultSelector == nil || *task.ResultPath != "$.res" || task.Credentials == nil || task.Assign == nil {
		t.Errorf("task payload fields not decoded: %+v", task)
	}
	if n, _ := task.TimeoutSeconds.Int(); n != 10 || task.HeartbeatSecondsPath != "$.hb" {
		t.Errorf("task timeouts: %v %q", task.TimeoutSeconds, task.HeartbeatSecondsPath)
	}
	if len(task.Retry) != 1 {
		t.Fatalf("retry = %d, want 1 (non-objects skipped)", len(task.Retry))
	}
	r := task.Retry[0]
	if !reflect.DeepEqual(r.ErrorEquals, []string{"States.Timeout"}) || *r.IntervalSeconds != 2 || *r.MaxAttempts != 3 || *r.BackoffRate != 1.5 || *r.MaxDelaySeconds != 9 || r.JitterStrategy != "FULL" || r.Comment != "r" {
		t.Errorf("retrier = %+v", r)
	}
	c := task.Catch[0]
	if c.Next != "F" || !IsNullPath(c.ResultPath) || c.ErrorEquals[0] != "States.ALL" || c.Comment != "c" || c.Node == nil {
		t.Errorf("catcher = %+v", c)
	}

	choice := m.State("C").(*ChoiceState)
	if choice.Default != "Fl" || len(choice.Choices) != 3 {
		t.Fatalf("choice = %+v", choice)
	}
	r0 := choice.Choices[0]
	if r0.Variable != "$.n" || r0.Operator != "NumericLessThanPath" || r0.Operand.Str != "$.m" || r0.Next != "W" {
		t.Errorf("rule 0 = %+v", r0)
	}
	r1 := choice.Choices[1]
	if len(r1.And) != 2 || r1.And[0].Operator != "IsPresent" || !r1.And[0].Operand.Bool || r1.And[1].Not == nil || r1.And[1].Not.Operator != "StringMatches" || r1.And[0].Next != "" {
		t.Errorf("rule 1 = %+v", r1)
	}
	r2 := choice.Choices[2]
	if len(r2.Or) != 2 || r2.Or[0].Operator != "TimestampGreaterThanEquals" || r2.Or[1].Operator != "BooleanEquals" || r2.Next != "M" {
		t.Errorf("rule 2 = %+v", r2)
	}

	if w := m.State("W").(*WaitState); w.SecondsPath != "$.w" || w.Seconds != nil {
		t.Errorf("wait = %+v", w)
	}

	par := m.State("P").(*ParallelState)
	if len(par.Branches) != 2 || par.Branches[0].StartAt != "B1" || par.ResultSelector == nil {
		t.Fatalf("parallel = %+v", par)
	}
	b1 := par.Branches[0].State("B1").(*PassState)
	if b1.Result.Get("x") == nil || *b1.ResultPath != "$.p" || !b1.End {
		t.Errorf("branch pass = %+v", b1)
	}
	if _, ok := par.Branches[1].State("B2").(*SucceedState); !ok {
		t.Errorf("branch 2 state = %T", par.Branches[1].State("B2"))
	}

	mp := m.State("M").(*MapState)
	if mp.Processor == nil || mp.Processor.StartAt != "Inner" || mp.ProcessorMode != "DISTRIBUTED" || mp.ExecutionType != "EXPRESS" {
		t.Errorf("map processor = %+v", mp)
	}
	if *mp.ItemsPath != "$.items" || mp.ItemSelector.Get("i.$") == nil || mp.ItemReader == nil || mp.ItemBatcher == nil || mp.ResultWriter == nil {
		t.Errorf("map fields = %+v", mp)
	}
	if n, _ := mp.MaxConcurrency.Int(); n != 2 || mp.ToleratedFailurePercentage == nil || mp.ToleratedFailureCountPath != "$.tf" || mp.Label != "L" {
		t.Errorf("map limits = %+v", mp)
	}
	if w, ok := mp.Processor.State("Inner").(*WaitState); !ok || w.Seconds == nil {
		t.Errorf("map inner = %#v", mp.Processor.State("Inner"))
	}
	lm := m.State("LegacyMap").(*MapState)
	if lm.Processor == nil || lm.Processor.StartAt != "I" || lm.ProcessorMode != "INLINE" || lm.ItemSelector.Get("p.$") == nil || lm.MaxConcurrencyPath != "$.mc" {
		t.Errorf("legacy map = %+v", lm)
	}

	if f := m.State("Fl").(*FailState); f.Error.Str != "E" || f.CausePath != "$.c" {
		t.Errorf("fail = %+v", f)
	}
	if f := m.State("F").(*FailState); f.ErrorPath != "$.e" || f.Cause.Str != "c" {
		t.Errorf("fail = %+v", f)
	}
	ja := m.State("JA").(*TaskState)
	if ja.QueryLanguage != JSONata || ja.Arguments == nil || ja.Output.Str != "{% $states.result %}" || ja.TimeoutSeconds.Kind != String {
		t.Errorf("jsonata task = %+v", ja)
	}
	jc := m.State("JC").(*ChoiceState)
	if jr := jc.Choices[0]; jr.Condition.Str != "{% $x > 1 %}" || jr.Assign == nil || jr.Output == nil || jr.Next != "F" {
		t.Errorf("jsonata rule = %+v", jr)
	}

	bad := m.State("Bad").Common()
	if bad.Type != "" || bad.Next != "" || bad.End || bad.InputPath != nil {
		t.Errorf("wrong-typed fields must decode to zero values: %+v", bad)
	}
	if u, ok := m.State("Odd").(*UnknownState); !ok || u.Type != "Teleport" || u.Comment != "unknown type" {
		t.Errorf("unknown type = %#v", m.State("Odd"))
	}

	var all []string
	m.AllStates(func(s State, in *StateMachine) bool {
		all = append(all, s.Common().Name)
		return true
	})
	if len(all) != len(names)+4 {
		t.Errorf("AllStates = %v", all)
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, src := range []string{`[]`, `"x"`, `null`, `1`} {
		v, err := ParseJSON([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(v); err == nil {
			t.Errorf("Decode(%s) succeeded, want an error", src)
		}
	}
	if _, err := Decode(nil); err == nil {
		t.Error("Decode(nil) succeeded")
	}
	for _, src := range []string{`{}`, `{"States": []}`, `{"States": {"A": 1, "B": {"Type": "Parallel", "Branches": [1, {"States": 2}]}, "C": {"Type": "Map", "ItemProcessor": "x"}}}`} {
		v, _ := ParseJSON([]byte(src))
		if _, err := Decode(v); err != nil {
			t.Errorf("Decode(%s): %v", src, err)
		}
	}
}

// TestDecodeNilValues: a tree built by hand with nil members decodes
// without panicking.
func TestDecodeNilValues(t *testing.T) {
	doc := NewObject()
	doc.Set("StartAt", nil)
	states := NewObject()
	states.Set("A", nil)
	task := NewObject()
	task.Set("Type", NewString(TypeTask))
	task.Set("Retry", NewArray(nil))
	task.Set("Catch", nil)
	task.Set("End", nil)
	states.Set("T", task)
	par := NewObject()
	par.Set("Type", NewString(TypeParallel))
	par.Set("Branches", NewArray(nil))
	states.Set("P", par)
	ch := NewObject()
	ch.Set("Type", NewString(TypeChoice))
	ch.Set("Choices", NewArray(nil, &Value{Kind: Object, Fields: []*Field{{Key: "Not", Value: nil}, {Key: "And", Value: NewArray(nil)}}}))
	states.Set("C", ch)
	doc.Set("States", states)
	m, err := Decode(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.States) != 4 {
		t.Errorf("states = %d", len(m.States))
	}
	PrintJSON(doc)
	PrintYAML(doc)
	StateNames(doc)
	if err := Rename(doc, "T", "T2"); err != nil {
		t.Error(err)
	}
}

func TestDecodeCorpus(t *testing.T) {
	for _, c := range corpusDocuments(t) {
		file, v := c.file, c.doc
		m, err := Decode(v)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		m.AllStates(func(s State, in *StateMachine) bool {
			if _, ok := s.(*UnknownState); ok {
				t.Errorf("%s: state %q has unknown type %q", file, s.Common().Name, s.Common().Type)
			}
			return true
		})
	}
}
