package catalog

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

// sampleIndex is an index with every field of a service, an unsupported
// service and unavailable actions.
var sampleIndex = &IndexFile{Version: FormatVersion, Source: "test models", Services: []*ServiceEntry{
	{ID: "dynamodb", Client: "DynamoDB", SDKID: "DynamoDB", Name: "Amazon DynamoDB", ErrorPrefix: "DynamoDb",
		File: "services/dynamodb.json", Actions: []string{"getItem", "putItem", "query"}},
	{ID: "s3", Client: "S3", SDKID: "S3", Name: "Amazon Simple Storage Service", ErrorPrefix: "S3",
		File: "services/s3.json", Actions: []string{"getObject", "listObjectsV2", "selectObjectContent"},
		Unavailable: []string{"selectObjectContent"}},
	{ID: "gamelift", Client: "GameLift", SDKID: "GameLift", Name: "Amazon GameLift", ErrorPrefix: "GameLift",
		File: "services/gamelift.json", Unsupported: "not listed", Actions: []string{"createFleet"}},
}}

func TestIndexRoundTrip(t *testing.T) {
	raw, err := json.Marshal(sampleIndex)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), `"actions":"getObject listObjectsV2 selectObjectContent"`) {
		t.Errorf("version 2 writes action names as one string: %s", raw)
	}
	fast, ok := decodeIndexFast(string(raw))
	if !ok {
		t.Fatalf("the fast decoder gave up on the generator's output: %s", raw)
	}
	if !reflect.DeepEqual(fast, sampleIndex) {
		t.Errorf("fast decode = %+v, want %+v", fast, sampleIndex)
	}
	var slow IndexFile
	if err := json.Unmarshal(raw, &slow); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&slow, sampleIndex) {
		t.Errorf("encoding/json decode = %+v, want %+v", &slow, sampleIndex)
	}
}

// TestIndexDecodeFallbacks: text the fast decoder does not expect (escapes,
// other white space, unknown fields, version 1 lists) still decodes.
func TestIndexDecodeFallbacks(t *testing.T) {
	raw, _ := json.Marshal(sampleIndex)
	pretty, _ := json.MarshalIndent(sampleIndex, "", "  ")
	escaped := strings.Replace(string(raw), `"Amazon DynamoDB"`, `"Amazon \u0044ynamoDB"`, 1)
	extra := strings.Replace(string(raw), `"id":"s3",`, `"id":"s3","extra":{"a":[1,2]},`, 1)
	v1 := `{"version":1,"source":"test models","services":[` +
		`{"id":"dynamodb","client":"DynamoDB","sdkId":"DynamoDB","name":"Amazon DynamoDB","errorPrefix":"DynamoDb","file":"services/dynamodb.json","actions":["getItem","putItem","query"]},` +
		`{"id":"s3","client":"S3","sdkId":"S3","name":"Amazon Simple Storage Service","errorPrefix":"S3","file":"services/s3.json","actions":["getObject","listObjectsV2","selectObjectContent"],"unavailable":["selectObjectContent"]},` +
		`{"id":"gamelift","client":"GameLift","sdkId":"GameLift","name":"Amazon GameLift","errorPrefix":"GameLift","file":"services/gamelift.json","unsupported":"not listed","actions":["createFleet"]}]}`
	for name, text := range map[string]string{"indented": string(pretty), "escaped": escaped, "unknown field": extra, "version 1": v1} {
		idx, err := decodeIndex([]byte(text))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want := *sampleIndex
		if name == "version 1" {
			want.Version = 1
		}
		if !reflect.DeepEqual(idx, &want) {
			t.Errorf("%s: decoded %+v, want %+v", name, idx, &want)
		}
	}
	for name, text := range map[string]string{
		"version 3":    `{"version":3,"source":"x","services":[]}`,
		"truncated":    string(raw[:len(raw)/2]),
		"not an index": `[1,2]`,
	} {
		if _, err := decodeIndex([]byte(text)); err == nil {
			t.Errorf("%s: decoded without an error", name)
		}
	}
	if _, err := decodeIndex([]byte(`{"version":3,"source":"x","services":[]}`)); err == nil || !strings.Contains(err.Error(), "format version 3, want 2") {
		t.Errorf("version 3: error %v, want one naming the versions", err)
	}
}

// TestIndexFastOnGenerated: the generated catalog, when present, takes the
// fast path and decodes as encoding/json decodes it.
func TestIndexFastOnGenerated(t *testing.T) {
	raw, err := os.ReadFile("data/index.json")
	if err != nil {
		t.Skip("no generated catalog in engine/catalog/data (make catalog)")
	}
	fast, ok := decodeIndexFast(string(raw))
	if !ok {
		t.Fatal("the fast decoder gave up on data/index.json")
	}
	var slow IndexFile
	if err := json.Unmarshal(raw, &slow); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fast, &slow) {
		t.Error("fast and encoding/json decodes of data/index.json differ")
	}
}

func TestLessJoined(t *testing.T) {
	parts := [][2]string{{"aws-sdk:s3:", "getObject"}, {"aws-sdk:s3:", "get"}, {"aws-sdk:", "s3:getObject"}, {"", ""},
		{"s3:", ""}, {"", "s3:"}, {"aws-sdk:sqs:", "send"}, {"states:", "startExecution"}, {"aws", "-sdk:s3:getObjectX"}}
	for _, a := range parts {
		for _, b := range parts {
			want := a[0]+a[1] < b[0]+b[1]
			if got := lessJoined(a[0], a[1], b[0], b[1]); got != want {
				t.Errorf("lessJoined(%q+%q, %q+%q) = %v, want %v", a[0], a[1], b[0], b[1], got, want)
			}
		}
	}
}
