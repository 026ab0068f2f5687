package validate

import "testing"

func TestTaskRules(t *testing.T) {
	runRules(t, []ruleCase{
		{name: "lambda alias", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST","End":true}`)},
		{name: "missing Resource", src: sm(`"A":{"Type":"Task","End":true}`), code: CodeSchema, path: "/States/A"},
		{name: "not an ARN", src: sm(`"A":{"Type":"Task","Resource":"my-function","End":true}`), code: CodeInvalidResource, path: "/States/A/Resource"},
		{name: "bad lambda alias", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:lambda:r:1:function:f:$*#","End":true}`), code: CodeInvalidResource, path: "/States/A/Resource"},
		{name: "trailing colon", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:lambda:r:1:function:f:","End":true}`), code: CodeInvalidResource, path: "/States/A/Resource"},
		{name: "account not a number", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:us-east-1:ACCOUNT:activity:x","End":true}`), code: CodeInvalidResource, path: "/States/A/Resource"},
		{name: "unknown partition", src: sm(`"A":{"Type":"Task","Resource":"arn:azure:states:::lambda:invoke","End":true}`), code: CodeInvalidResource, path: "/States/A/Resource"},
		{name: "skip resource checks", src: sm(`"A":{"Type":"Task","Resource":"nope","End":true}`), opts: Options{SkipResourceChecks: true}},
		{name: "heartbeat not below timeout", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":10,"HeartbeatSeconds":10,"End":true}`), code: CodeSchema, path: "/States/A/HeartbeatSeconds"},
		{name: "timeout zero", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":0,"End":true}`), code: CodeSchema, path: "/States/A/TimeoutSeconds"},
		{name: "timeout and its path", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":5,"TimeoutSecondsPath":"$.t","End":true}`), code: CodeSchema, path: "/States/A/TimeoutSecondsPath"},
		{name: "JSONata timeout", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":"{% 120 %}","HeartbeatSeconds":"{% 20 %}","End":true}`, `"QueryLanguage":"JSONata"`)},
		{name: "credentials without RoleArn", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Credentials":{},"End":true}`), code: CodeSchema, path: "/States/A/Credentials"},
		{name: "credentials null", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Credentials":null,"End":true}`), code: CodeSchema, path: "/States/A/Credentials"},
		{name: "credentials RoleArn number", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Credentials":{"RoleArn":5},"End":true}`), code: CodeSchema, path: "/States/A/Credentials/RoleArn"},
		{name: "credentials RoleArn intrinsic", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Credentials":{"RoleArn.$":"States.Format('{}', $.r)"},"End":true}`)},
		{name: "credentials RoleArn path", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Credentials":{"RoleArn.$":"$.role"},"End":true}`)},
		{name: "express waitForTaskToken", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}`), opts: Options{Type: "EXPRESS"}, code: CodeSchema, path: "/States/A/Resource"},
		{name: "express activity", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:work","End":true}`), opts: Options{Type: "EXPRESS"}, code: CodeSchema, path: "/States/A/Resource"},
		{name: "standard activity", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:work","End":true}`)},
		{name: "standard waitForTaskToken", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}`)},
		{name: "JSONata Arguments string", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":"{% $states.input %}","End":true}`, `"QueryLanguage":"JSONata"`)},
		{name: "JSONata Arguments number", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":3,"End":true}`, `"QueryLanguage":"JSONata"`), code: CodeSchema, path: "/States/A/Arguments"},
	})
}

func TestTaskTimeoutWarning(t *testing.T) {
	ws := warningsOf(t, sm(`"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true}`))
	if len(ws) != 1 || ws[0].Code != CodeTaskNoTimeout {
		t.Fatalf("want TASK_NO_TIMEOUT, got %v", ws)
	}
	if ws := warningsOf(t, sm(`"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","TimeoutSeconds":5,"End":true}`)); len(ws) != 0 {
		t.Fatalf("want no warning, got %v", ws)
	}
	diags, _ := ValidateBytes([]byte(sm(`"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true}`)), Options{NoWarnings: true})
	if len(diags) != 0 {
		t.Fatalf("NoWarnings: want nothing, got %v", diags)
	}
}
