package sim_test

import (
	"fmt"

	"github.com/aslstudio/aslstudio/engine/sim"
)

// A workflow with a Lambda task, run with a mocked result from a
// MockConfigFile.
func ExampleNewExecution() {
	def := []byte(`{"StartAt":"Greet","States":{
	  "Greet":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
	    "Parameters":{"FunctionName":"greet","Payload.$":"$"},
	    "ResultSelector":{"greeting.$":"$.Payload"},"End":true}}}`)
	mocks, err := sim.ParseMockConfig([]byte(`{
	  "StateMachines":{"hello":{"TestCases":{"HappyPath":{"Greet":"Hi"}}}},
	  "MockedResponses":{"Hi":{"0":{"Return":{"StatusCode":200,"Payload":"Hello, Ada"}}}}}`))
	if err != nil {
		panic(err)
	}
	ex, err := sim.NewExecution(def, []byte(`{"name":"Ada"}`), sim.Options{Mocks: mocks, TestCase: "HappyPath"})
	if err != nil {
		panic(err)
	}
	fmt.Println(ex.Run())
	fmt.Println(ex.Output())
	for _, e := range ex.Events() {
		fmt.Println(e.ID, e.Type)
	}
	// Output:
	// SUCCEEDED
	// map[greeting:Hello, Ada]
	// 1 ExecutionStarted
	// 2 TaskStateEntered
	// 3 TaskScheduled
	// 4 TaskStarted
	// 5 TaskSucceeded
	// 6 TaskStateExited
	// 7 ExecutionSucceeded
}

// A human-approval step: the execution pauses on the task token until
// SendTaskSuccess resumes it.
func ExampleExecution_SendTaskSuccess() {
	def := []byte(`{"StartAt":"Approve","States":{
	  "Approve":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
	    "Parameters":{"QueueUrl":"approvals","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}`)
	ex, _ := sim.NewExecution(def, nil, sim.Options{Seed: 1})
	fmt.Println(ex.Run())
	token, state := ex.WaitingToken()
	fmt.Println(state)
	_ = ex.SendTaskSuccess(token, []byte(`{"approved":true}`))
	fmt.Println(ex.Run(), ex.Output())
	// Output:
	// PAUSED
	// Approve
	// SUCCEEDED map[approved:true]
}
