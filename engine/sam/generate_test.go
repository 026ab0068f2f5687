package sam

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
)

const orderFlow = `{"Comment": "Order flow", "StartAt": "Charge", "States": {
 "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:ChargeFn", "Payload.$": "$"}, "Next": "Save"},
 "Save": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "Parameters": {"TableName": "Orders", "Item": {}}, "Next": "Read"},
 "Read": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem", "Parameters": {"TableName": "Orders", "Key": {}}, "Next": "Queue"},
 "Queue": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/OrderQueue", "MessageBody.$": "$"}, "Next": "Notify"},
 "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Parameters": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:OrderTopic", "Message.$": "$"}, "Next": "Emit"},
 "Emit": {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents", "Parameters": {"Entries": [{"EventBusName": "orders", "Detail.$": "$"}]}, "Next": "Child"},
 "Child": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2", "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:Child"}, "Next": "Fan"},
 "Fan": {"Type": "Map", "ItemProcessor": {"StartAt": "Get", "States": {
   "Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject", "Parameters": {"Bucket": "bkt", "Key.$": "$.k"}, "Next": "Put"},
   "Put": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:putObject", "Parameters": {"Bucket": "out", "Key.$": "$.k"}, "Next": "Tag"},
   "Tag": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sfn:listExecutions", "Parameters": {}, "End": true}}}, "End": true}}}`

func TestGenerate(t *testing.T) {
	def, err := asl.ParseJSON([]byte(orderFlow))
	if err != nil {
		t.Fatal(err)
	}
	g, err := Generate(def, GenerateOptions{Name: "Orders", Type: "EXPRESS"})
	if err != nil {
		t.Fatal(err)
	}
	text := string(g.Template)
	for _, want := range []string{
		"Type: AWS::Serverless::StateMachine", "Type: EXPRESS", "DefinitionUri: statemachine/orders.asl.json",
		"LambdaInvokePolicy:\n            FunctionName: ChargeFn", "DynamoDBCrudPolicy:\n            TableName: Orders",
		"DynamoDBReadPolicy:\n            TableName: Orders", "SQSSendMessagePolicy:\n            QueueName: OrderQueue",
		"SNSPublishMessagePolicy:\n            TopicName: OrderTopic", "EventBridgePutEventsPolicy:\n            EventBusName: orders",
		"StepFunctionsExecutionPolicy:\n            StateMachineName: Child", "S3ReadPolicy:\n            BucketName: bkt",
		"S3CrudPolicy:\n            BucketName: out", "- states:ListExecutions", "- states:DescribeExecution",
		"LogGroupArn: !GetAtt OrdersLogs.Arn", "OrdersLogs:\n    Type: AWS::Logs::LogGroup",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("template lacks %q:\n%s", want, text)
		}
	}
	// The template is one we can read back, and its definition file is the definition.
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "statemachine"), 0o755)
	os.WriteFile(filepath.Join(dir, "statemachine/orders.asl.json"), asl.PrintJSON(g.Definition), 0o644)
	os.WriteFile(filepath.Join(dir, "template.yaml"), g.Template, 0o644)
	tp, err := Load(filepath.Join(dir, "template.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m := tp.StateMachines[0]
	if m.ID != "Orders" || m.WorkflowType != "EXPRESS" || m.Err != nil || !equal(m.Definition, def) {
		t.Errorf("generated template reads back as %+v", m)
	}
}

func TestGenerateSubstituteARNs(t *testing.T) {
	def, _ := asl.ParseJSON([]byte(orderFlow))
	g, err := Generate(def, GenerateOptions{SubstituteARNs: true, Inline: true})
	if err != nil {
		t.Fatal(err)
	}
	tp, err := Parse("t.yaml", g.Template, nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, g.Template)
	}
	m := tp.StateMachines[0]
	if m.Err != nil {
		t.Fatal(m.Err)
	}
	if strings.Contains(string(asl.PrintJSON(m.Definition)), ":123456789012:") {
		t.Errorf("literal ARNs left in the definition")
	}
	// Resolving the placeholders with the listed values gives the original back.
	vars := map[string]string{}
	for _, s := range m.Substitutions {
		vars[s.Name] = s.Value
	}
	if len(vars) != 3 || len(m.Placeholders) != 3 {
		t.Errorf("substitutions %v, placeholders %v", vars, m.Placeholders)
	}
	if got := ResolveValue(m.Definition, vars); !equal(got, def) {
		t.Errorf("resolved definition differs:\n%s", asl.PrintJSON(got))
	}
	if _, err := Generate(def, GenerateOptions{Type: "FAST"}); err == nil {
		t.Error("bad type accepted")
	}
}
