package catalog

import (
	"slices"
	"testing"
)

func TestLowerWords(t *testing.T) {
	cases := map[string][]string{
		"putItem":                 {"put", "item"},
		"getSMSAttributes":        {"get", "sms", "attributes"},
		"listObjectsV2":           {"list", "objects", "v2"},
		"put an item in DynamoDB": {"put", "an", "item", "in", "dynamo", "db"},
		"dynamodb:putItem":        {"dynamodb", "put", "item"},
		"s3 get":                  {"s3", "get"},
	}
	for in, want := range cases {
		if got := lowerWords(in); !slices.Equal(got, want) {
			t.Errorf("lowerWords(%q) = %v, want %v", in, got, want)
		}
	}
}
