package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/catalog"
	"github.com/aslstudio/aslstudio/engine/sim"
)

func init() {
	register(&command{
		name:    "test-state",
		summary: "run one state like the TestState API and print its response",
		run:     runTestState,
	})
}

func runTestState(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("test-state", flag.ContinueOnError)
	fs.SetOutput(stderr)
	state := fs.String("state", "", "the state to test when FILE is a whole state machine")
	input := fs.String("input", "{}", "state input: JSON text, or @file")
	mockResult := fs.String("mock-result", "", "mocked result of the Task/Map/Parallel: JSON text, or @file")
	mockError := fs.String("mock-error", "", "mocked error name (with --mock-cause)")
	mockCause := fs.String("mock-cause", "", "mocked error cause")
	variables := fs.String("variables", "", "workflow variables: a JSON object, or @file")
	context := fs.String("context", "", "context object: a JSON object, or @file")
	retryCount := fs.Int("retry-count", 0, "retries already made (stateConfiguration.retrierRetryCount)")
	mapFailures := fs.Int("map-failure-count", -1, "failed Map iterations (stateConfiguration.mapIterationFailureCount)")
	level := fs.String("inspection-level", "INFO", "INFO, DEBUG or TRACE")
	roleArn := fs.String("role-arn", "arn:aws:iam::123456789012:role/StepFunctionsRole", "execution role")
	fieldValidation := fs.String("field-validation", "STRICT", "check a mocked Task result against the action's output shape: STRICT, PRESENT or NONE (needs the generated catalog)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: aslstudio test-state FILE [--state NAME] [--input JSON|@file] [--mock-result JSON | --mock-error E --mock-cause C] [--variables JSON] [--context JSON] [--retry-count N] [--inspection-level INFO|DEBUG|TRACE]")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	lv := strings.ToUpper(*level)
	if lv != "INFO" && lv != "DEBUG" && lv != "TRACE" {
		fmt.Fprintf(stderr, "aslstudio test-state: --inspection-level must be INFO, DEBUG or TRACE, not %q\n", *level)
		return exitUsage
	}
	def, err := os.ReadFile(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "aslstudio test-state: %v\n", err)
		return exitUsage
	}
	opts := sim.TestStateOptions{StateName: *state, InspectionLevel: lv, RoleArn: *roleArn, RetrierRetryCount: *retryCount, MapIterationFailureCount: *mapFailures}
	in, err := readArg(*input)
	if err != nil {
		fmt.Fprintf(stderr, "aslstudio test-state: --input: %v\n", err)
		return exitUsage
	}
	readObject := func(flagName, v string) (map[string]any, bool) {
		src, err := readArg(v)
		if err == nil {
			var x any
			if x, err = asl.DecodeJSON(src); err == nil {
				if m, ok := x.(map[string]any); ok {
					return m, true
				}
				err = errors.New("must be a JSON object")
			}
		}
		fmt.Fprintf(stderr, "aslstudio test-state: --%s: %v\n", flagName, err)
		return nil, false
	}
	if *variables != "" {
		m, ok := readObject("variables", *variables)
		if !ok {
			return exitUsage
		}
		opts.Variables = m
	}
	if *context != "" {
		m, ok := readObject("context", *context)
		if !ok {
			return exitUsage
		}
		opts.Context, opts.HasContext = m, true
	}
	if *mockResult != "" || *mockError != "" {
		opts.Mock = &sim.TestStateMock{FieldValidationMode: strings.ToUpper(*fieldValidation)}
		if opts.Mock.FieldValidationMode != "NONE" {
			// The catalog of AWS API models, when generated (make catalog).
			if cat, err := catalog.LoadDefault(); err == nil {
				opts.Catalog = cat
			}
		}
		if *mockResult != "" {
			src, err := readArg(*mockResult)
			if err != nil {
				fmt.Fprintf(stderr, "aslstudio test-state: --mock-result: %v\n", err)
				return exitUsage
			}
			opts.Mock.Result, opts.Mock.HasResult = string(src), true
		}
		if *mockError != "" {
			opts.Mock.ErrorOutput = &sim.MockThrow{Error: *mockError, Cause: *mockCause, HasCause: *mockCause != ""}
		}
	}
	res, err := sim.TestState(def, in, opts)
	if err != nil {
		var tse *sim.TestStateError
		if errors.As(err, &tse) {
			b, _ := json.MarshalIndent(map[string]any{"Error": map[string]string{"Code": tse.Code, "Message": tse.Message}, "message": tse.Message}, "", "  ")
			stdout.Write(append(b, '\n'))
		}
		fmt.Fprintf(stderr, "aslstudio test-state: %v\n", err)
		return exitUsage
	}
	b, err := json.Marshal(res)
	if err == nil {
		var v any
		json.Unmarshal(b, &v)
		b, err = json.MarshalIndent(v, "", "  ")
	}
	if err != nil {
		fmt.Fprintf(stderr, "aslstudio test-state: %v\n", err)
		return exitUsage
	}
	stdout.Write(append(b, '\n'))
	return exitOK
}
