package validate

import "testing"

func TestFieldRules(t *testing.T) {
	runRules(t, []ruleCase{
		{name: "minimal pass", src: sm(`"A":{"Type":"Pass","End":true}`)},
		{name: "missing States", src: `{"StartAt":"A"}`, code: CodeSchema, path: ""},
		{name: "missing StartAt", src: `{"States":{"A":{"Type":"Pass","End":true}}}`, code: CodeSchema, path: ""},
		{name: "unknown top-level field", src: sm(`"A":{"Type":"Pass","End":true}`, `"Coment":"x"`), code: CodeSchema, path: "/Coment"},
		{name: "bad top QueryLanguage", src: sm(`"A":{"Type":"Pass","End":true}`, `"QueryLanguage":"XPath"`), code: CodeSchema, path: "/QueryLanguage"},
		{name: "missing Type", src: sm(`"A":{"End":true}`), code: CodeSchema, path: "/States/A"},
		{name: "unknown Type", src: sm(`"A":{"Type":"Lambda","End":true}`), code: CodeSchema, path: "/States/A/Type"},
		{name: "state not an object", src: sm(`"A":[]`), code: CodeSchema, path: "/States/A"},
		{name: "unknown state field", src: sm(`"A":{"Type":"Pass","bugInputPath":"$","End":true}`), code: CodeSchema, path: "/States/A/bugInputPath"},
		{name: "TimeoutSeconds on Pass", src: sm(`"A":{"Type":"Pass","TimeoutSeconds":3,"End":true}`), code: CodeSchema, path: "/States/A/TimeoutSeconds"},
		{name: "Catch on Pass", src: sm(`"A":{"Type":"Pass","Catch":[],"End":true}`), code: CodeSchema, path: "/States/A/Catch"},
		{name: "ResultPath on Wait", src: sm(`"A":{"Type":"Wait","Seconds":1,"ResultPath":null,"End":true}`), code: CodeSchema, path: "/States/A/ResultPath"},
		{name: "Output in JSONPath", src: sm(`"A":{"Type":"Pass","Output":{},"End":true}`), code: CodeSchema, path: "/States/A/Output"},
		{name: "InputPath in JSONata", src: sm(`"A":{"Type":"Pass","InputPath":"$","End":true}`, `"QueryLanguage":"JSONata"`), code: CodeSchema, path: "/States/A/InputPath"},
		{name: "state-level JSONata", src: sm(`"A":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% 1 %}","End":true}`)},
		{name: "JSONPath state under JSONata machine", src: sm(`"A":{"Type":"Pass","QueryLanguage":"JSONPath","End":true}`, `"QueryLanguage":"JSONata"`), code: CodeSchema, path: "/States/A"},
		{name: "wrong-typed Comment", src: sm(`"A":{"Type":"Pass","Comment":3,"End":true}`), code: CodeSchema, path: "/States/A/Comment"},
		{name: "duplicate field", src: sm(`"A":{"Type":"Pass","End":true,"End":true}`), code: CodeSchema, path: "/States/A/End"},
		{name: "pointer escaping", src: `{"StartAt":"a/b","States":{"a/b":{"Type":"Pass","End":true,"X":1}}}`, code: CodeSchema, path: "/States/a~1b/X"},
	})
}

func TestPlaceholders(t *testing.T) {
	runRules(t, []ruleCase{
		{name: "resource placeholder", src: sm(`"A":{"Type":"Task","Resource":"${MyFunctionArn}","TimeoutSeconds":"${Timeout}","End":true}`)},
		{name: "partial placeholder in ARN", src: sm(`"A":{"Type":"Task","Resource":"arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:f","End":true}`)},
		{name: "CloudFormation intrinsic object", src: sm(`"A":{"Type":"Task","Resource":{"Fn::GetAtt":["Fn","Arn"]},"End":true}`)},
		{name: "YAML short-form intrinsic", src: "StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: !GetAtt Fn.Arn\n    TimeoutSeconds: !Ref Timeout\n    End: true\n"},
		{name: "placeholder in a path", src: sm(`"A":{"Type":"Pass","InputPath":"${Path}","End":true}`)},
		{name: "placeholder rejected on request", src: sm(`"A":{"Type":"Task","Resource":"${MyFunctionArn}","End":true}`), opts: Options{RejectPlaceholders: true}, code: CodeInvalidResource, path: "/States/A/Resource"},
		{name: "unclosed placeholder is not one", src: sm(`"A":{"Type":"Task","Resource":"${lambdaArn","End":true}`), code: CodeInvalidResource, path: "/States/A/Resource"},
	})
}

func TestMissingStartAtIsTheOnlyError(t *testing.T) {
	diags, _ := ValidateBytes([]byte(`{"States":{"A":{"Type":"Pass","End":true}}}`), Options{})
	if len(diags) != 1 || diags[0].Message != "These fields are required: [StartAt]" {
		t.Fatalf("want AWS's single diagnostic, got %v", diags)
	}
	diags, _ = ValidateBytes([]byte(`{}`), Options{})
	if len(diags) != 1 || diags[0].Message != "These fields are required: [States, StartAt]" {
		t.Fatalf("want AWS's single diagnostic, got %v", diags)
	}
}
