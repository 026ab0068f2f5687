package validate

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// largeStates is the size of the benchmark definition (the issue asks for
// 2,000+ states, about 1 MB).
const largeStates = 4000

// largeDefinition generates a valid definition of about n states that uses
// every state type and the fields the validator checks most: payload
// templates with paths and intrinsic functions, Retry and Catch, Choice
// rules, a Map processor and Parallel branches every few blocks.
func largeDefinition(n int) []byte {
	var b strings.Builder
	b.WriteString("{\n  \"Comment\": \"Generated benchmark workflow\",\n  \"StartAt\": \"Task0\",\n  \"TimeoutSeconds\": 86400,\n  \"States\": {\n")
	states := 0
	for i := 0; states < n; i++ {
		next := fmt.Sprintf("Task%d", i+1)
		if states+11 >= n {
			next = "Done"
		}
		fmt.Fprintf(&b, `    "Task%[1]d": {
      "Type": "Task",
      "Comment": "Invoke the worker for step %[1]d",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {
        "FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:worker-%[1]d:live",
        "Payload": {
          "step": %[1]d,
          "order.$": "$.order",
          "execution.$": "$$.Execution.Id",
          "label.$": "States.Format('step {} of {}', $.index, $.total)",
          "items.$": "States.ArrayPartition($.order.items, 4)"
        }
      },
      "ResultSelector": {"status.$": "$.Payload.status", "code.$": "$.StatusCode"},
      "ResultPath": "$.results.step%[1]d",
      "TimeoutSeconds": 60,
      "HeartbeatSeconds": 20,
      "Retry": [
        {"ErrorEquals": ["Lambda.ServiceException", "Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "MaxAttempts": 6, "BackoffRate": 2.0, "MaxDelaySeconds": 30, "JitterStrategy": "FULL"},
        {"ErrorEquals": ["States.ALL"], "MaxAttempts": 1}
      ],
      "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Failed%[1]d"}],
      "Next": "Check%[1]d"
    },
    "Check%[1]d": {
      "Type": "Choice",
      "Choices": [
        {"And": [{"Variable": "$.results.step%[1]d.status", "IsPresent": true}, {"Variable": "$.results.step%[1]d.code", "NumericGreaterThanEquals": 500}], "Next": "Failed%[1]d"},
        {"Variable": "$.results.step%[1]d.status", "StringEquals": "RETRY", "Next": "Pause%[1]d"}
      ],
      "Default": "Record%[1]d"
    },
    "Pause%[1]d": {"Type": "Wait", "SecondsPath": "$.delay", "Next": "Task%[1]d"},
    "Failed%[1]d": {"Type": "Fail", "Error": "StepFailed", "CausePath": "$.error.Cause"},
    "Record%[1]d": {
      "Type": "Pass",
      "Parameters": {"index.$": "States.MathAdd($.index, 1)", "total.$": "$.total", "order.$": "$.order", "results.$": "$.results"},
      "Next": "Fan%[1]d"
    },
`, i)
		states += 5
		fmt.Fprintf(&b, `    "Fan%[1]d": {
      "Type": "Map",
      "ItemsPath": "$.order.items",
      "MaxConcurrency": 10,
      "ItemSelector": {"item.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index"},
      "ItemProcessor": {
        "ProcessorConfig": {"Mode": "INLINE"},
        "StartAt": "Price%[1]d",
        "States": {
          "Price%[1]d": {"Type": "Pass", "Parameters": {"sku.$": "$.item.sku", "qty.$": "$.item.qty"}, "Next": "Priced%[1]d"},
          "Priced%[1]d": {"Type": "Succeed"}
        }
      },
      "ResultPath": "$.priced",
      "Next": "Both%[1]d"
    },
    "Both%[1]d": {
      "Type": "Parallel",
      "Branches": [
        {"StartAt": "Left%[1]d", "States": {"Left%[1]d": {"Type": "Pass", "Result": {"side": "left"}, "End": true}}},
        {"StartAt": "Right%[1]d", "States": {"Right%[1]d": {"Type": "Pass", "Result": {"side": "right"}, "End": true}}}
      ],
      "ResultPath": null,
      "Next": "%[2]s"
    },
`, i, next)
		states += 6
	}
	b.WriteString("    \"Done\": {\"Type\": \"Succeed\"}\n  }\n}\n")
	return []byte(b.String())
}

// TestLargeDefinition checks that the benchmark input is what the issue
// describes (valid, 2,000+ states, about 1 MB). With ASLSTUDIO_LARGE_OUT
// set it also writes the definition there, for bench/validate/run.sh to
// time asl-validator on the same input.
func TestLargeDefinition(t *testing.T) {
	src := largeDefinition(largeStates)
	doc, err := asl.ParseJSON(src)
	if err != nil {
		t.Fatalf("generated definition does not parse: %v", err)
	}
	diags := Validate(doc, Options{})
	if HasErrors(diags) {
		t.Fatalf("generated definition is invalid: %v", diags[:min(len(diags), 5)])
	}
	count := strings.Count(string(src), `"Type": `)
	if count < 2000 || len(src) < 900_000 {
		t.Fatalf("generated definition has %d states and %d bytes; want 2,000+ states, about 1 MB", count, len(src))
	}
	t.Logf("benchmark definition: %d states, %d bytes", count, len(src))
	if out := os.Getenv("ASLSTUDIO_LARGE_OUT"); out != "" {
		if err := os.WriteFile(out, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkParseValidateLarge parses and validates the large definition,
// the job asl-validator is timed on in bench/validate.
func BenchmarkParseValidateLarge(b *testing.B) {
	src := largeDefinition(largeStates)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		diags, err := ValidateBytes(src, Options{})
		if err != nil || HasErrors(diags) {
			b.Fatalf("unexpected result: %v %v", err, diags)
		}
	}
}
