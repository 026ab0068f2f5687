package validate

import (
	"strings"
	"testing"
)

func mapSM(fields string, lang ...string) string {
	return sm(`"A":{"Type":"Map",`+fields+`,"End":true}`, lang...)
}

const inlineProc = `"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`
const distProc = `"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`

func TestMapRules(t *testing.T) {
	runRules(t, []ruleCase{
		{name: "inline", src: mapSM(inlineProc + `,"ItemsPath":"$.items","MaxConcurrency":0,"ItemSelector":{"v.$":"$$.Map.Item.Value"}`)},
		{name: "legacy iterator", src: mapSM(`"Iterator":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"Parameters":{"v.$":"$$.Map.Item.Value"}`)},
		{name: "no processor", src: mapSM(`"ItemsPath":"$.items"`), code: CodeSchema, path: "/States/A"},
		{name: "both processors", src: mapSM(inlineProc + `,"Iterator":{"StartAt":"Q","States":{"Q":{"Type":"Pass","End":true}}}`), code: CodeSchema, path: "/States/A/Iterator"},
		{name: "bad mode", src: mapSM(`"ItemProcessor":{"ProcessorConfig":{"Mode":"PARALLEL"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`), code: CodeSchema, path: "/States/A/ItemProcessor/ProcessorConfig/Mode"},
		{name: "QueryLanguage on processor", src: mapSM(`"ItemProcessor":{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`), code: CodeSchema, path: "/States/A/ItemProcessor/QueryLanguage"},
		{name: "distributed with reader", src: mapSM(distProc + `,"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW","MaxItems":10},"Parameters":{"Bucket":"b","Key":"k"}},"Label":"ok-label_1"`)},
		{name: "reader from DynamoDB", src: mapSM(distProc + `,"ItemReader":{"Resource":"arn:aws:states:::dynamodb:scan"}`), code: CodeSchema, path: "/States/A/ItemReader/Resource"},
		{name: "reader input type", src: mapSM(distProc + `,"ItemReader":{"Resource":"arn:aws:states:::s3:listObjectsV2","ReaderConfig":{"InputType":"XML"}}`), code: CodeSchema, path: "/States/A/ItemReader/ReaderConfig/InputType"},
		{name: "MaxItems and its path", src: mapSM(distProc + `,"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"MaxItems":1,"MaxItemsPath":"$.m"}}`), code: CodeSchema, path: "/States/A/ItemReader/ReaderConfig/MaxItemsPath"},
		{name: "batcher duplicates", src: mapSM(distProc + `,"ItemBatcher":{"MaxItemsPerBatch":2,"MaxItemsPerBatchPath":"$.b"}`), code: CodeSchema, path: "/States/A/ItemBatcher/MaxItemsPerBatchPath"},
		{name: "tolerated count and path", src: mapSM(inlineProc + `,"ToleratedFailureCount":0,"ToleratedFailureCountPath":"$.c"`), code: CodeSchema, path: "/States/A/ToleratedFailureCountPath"},
		{name: "tolerated percentage range", src: mapSM(inlineProc + `,"ToleratedFailurePercentage":101`), code: CodeSchema, path: "/States/A/ToleratedFailurePercentage"},
		{name: "negative MaxConcurrency", src: mapSM(inlineProc + `,"MaxConcurrency":-1`), code: CodeSchema, path: "/States/A/MaxConcurrency"},
		{name: "label too long", src: mapSM(distProc + `,"Label":"` + strings.Repeat("x", 41) + `"`), code: CodeSchema, path: "/States/A/Label"},
		{name: "label with space", src: mapSM(distProc + `,"Label":"a b"`), code: CodeSchema, path: "/States/A/Label"},
		{name: "label with control char", src: mapSM(distProc + `,"Label":"a\u0001"`), code: CodeSchema, path: "/States/A/Label"},
		{name: "Items and ItemsPath in JSONata", src: mapSM(inlineProc+`,"Items":"{% $states.input.a %}","ItemsPath":"$.a"`, `"QueryLanguage":"JSONata"`), code: CodeSchema, path: "/States/A/ItemsPath"},
		{name: "JSONata counts", src: mapSM(distProc+`,"ToleratedFailureCount":"{% 0 %}","MaxConcurrency":"{% 2 %}","ItemBatcher":{"MaxItemsPerBatch":"{% 2 %}"}`, `"QueryLanguage":"JSONata"`)},
		{name: "JSONPath child of a distributed JSONata map", src: mapSM(`"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","QueryLanguage":"JSONPath","End":true}}}`, `"QueryLanguage":"JSONata"`)},
	})
}

func TestParallelRules(t *testing.T) {
	runRules(t, []ruleCase{
		{name: "two branches", src: sm(`"A":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"X","States":{"X":{"Type":"Succeed"}}},{"StartAt":"Y","States":{"Y":{"Type":"Fail"}}}]}`)},
		{name: "no Branches", src: sm(`"A":{"Type":"Parallel","End":true}`), code: CodeSchema, path: "/States/A"},
		{name: "branch is an array", src: sm(`"A":{"Type":"Parallel","End":true,"Branches":[[{"StartAt":"X","States":{"X":{"Type":"Fail"}}}]]}`), code: CodeSchema, path: "/States/A/Branches/0"},
		{name: "branch without StartAt", src: sm(`"A":{"Type":"Parallel","End":true,"Branches":[{"States":{"X":{"Type":"Fail"}}}]}`), code: CodeSchema, path: "/States/A/Branches/0"},
	})
}

func TestDistributedOnlyFieldWarning(t *testing.T) {
	ws := warningsOf(t, mapSM(inlineProc+`,"ItemReader":{"Resource":"arn:aws:states:::s3:getObject"}`))
	if len(ws) != 1 || ws[0].Code != CodeInlineDistributedField || ws[0].Path != "/States/A/ItemReader" {
		t.Fatalf("want DISTRIBUTED_ONLY_FIELD at /States/A/ItemReader, got %v", ws)
	}
}

func TestNoPathWarning(t *testing.T) {
	ws := warningsOf(t, sm(`"A":{"Type":"Fail","Error":"$.error","Cause":"Failed"}`))
	if len(ws) != 1 || ws[0].Code != CodeNoPath || ws[0].Path != "/States/A/Error" {
		t.Fatalf("want NO_PATH at /States/A/Error, got %v", ws)
	}
}

func TestWaitFailRules(t *testing.T) {
	runRules(t, []ruleCase{
		{name: "wait seconds", src: sm(`"A":{"Type":"Wait","Seconds":0,"End":true}`)},
		{name: "wait timestamp", src: sm(`"A":{"Type":"Wait","Timestamp":"2016-03-14T01:59:00Z","End":true}`)},
		{name: "wait two fields", src: sm(`"A":{"Type":"Wait","Seconds":1,"SecondsPath":"$.s","End":true}`), code: CodeSchema, path: "/States/A"},
		{name: "wait no field", src: sm(`"A":{"Type":"Wait","End":true}`), code: CodeSchema, path: "/States/A"},
		{name: "wait bad timestamp", src: sm(`"A":{"Type":"Wait","Timestamp":"2016-03-14 01:59","End":true}`), code: CodeSchema, path: "/States/A/Timestamp"},
		{name: "wait negative", src: sm(`"A":{"Type":"Wait","Seconds":-1,"End":true}`), code: CodeSchema, path: "/States/A/Seconds"},
		{name: "wait JSONata", src: sm(`"A":{"Type":"Wait","Seconds":"{% $states.input.w %}","End":true}`, `"QueryLanguage":"JSONata"`)},
		{name: "fail error and path", src: sm(`"A":{"Type":"Fail","Error":"E","ErrorPath":"$.e"}`), code: CodeSchema, path: "/States/A/ErrorPath"},
		{name: "fail with End", src: sm(`"A":{"Type":"Fail","End":true}`), code: CodeSchema, path: "/States/A/End"},
	})
}
