package expr

import (
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
)

func TestSetResult(t *testing.T) {
	tests := []struct{ data, path, result, want string }{
		{`{"a":1}`, "$", `{"r":2}`, `{"r":2}`},
		{`{"a":1}`, "$.r", `2`, `{"a":1,"r":2}`},
		{`{"a":1}`, "$.x.y.z", `"v"`, `{"a":1,"x":{"y":{"z":"v"}}}`},
		{`{"a":{"b":1,"c":2}}`, "$.a.b", `[1]`, `{"a":{"b":[1],"c":2}}`},
		{`{"a":[{"b":1},{"b":2}]}`, "$.a[1].b", `3`, `{"a":[{"b":1},{"b":3}]}`},
		{`{"a":1}`, "$['a']", `null`, `{"a":null}`},
	}
	for _, tc := range tests {
		data := js(t, tc.data)
		before := string(asl.EncodeJSON(data))
		got, err := SetResult(data, tc.path, js(t, tc.result))
		if err != nil {
			t.Errorf("SetResult(%s, %s): %v", tc.data, tc.path, err)
			continue
		}
		wantJSON(t, "SetResult("+tc.data+", "+tc.path+")", got, tc.want)
		if after := string(asl.EncodeJSON(data)); after != before {
			t.Errorf("SetResult modified its input: %s → %s", before, after)
		}
	}
	fails := []struct{ data, path, cause string }{
		{`{"a":"str"}`, "$.a.b", `Unable to apply ReferencePath $.a.b to input {"a":"str"}`},
		{`"{\"min_size\":1}"`, "$.partitioned", `Unable to apply ReferencePath $.partitioned to input "{\"min_size\":1}"`},
		{`{"a":[1]}`, "$.a[3]", `Unable to apply ReferencePath $.a[3] to input {"a":[1]}`},
		{`{"a":null}`, "$.a.b", `Unable to apply ReferencePath $.a.b to input {"a":null}`},
	}
	for _, tc := range fails {
		_, err := SetResult(js(t, tc.data), tc.path, int64(1))
		wantErr(t, "SetResult "+tc.path, err, ErrResultPathMatchFailure, tc.cause)
	}
	if _, err := SetResult(js(t, `{}`), "$.a[*]", int64(1)); err == nil {
		t.Error("SetResult with a wildcard: no error")
	}
	// nil (absent) ResultPath replaces, NullPath discards.
	in := js(t, `{"a":1}`)
	got, _ := SetResultPtr(in, nil, "r")
	wantJSON(t, "SetResultPtr(nil)", got, `"r"`)
	got, _ = SetResultPtr(in, asl.NullPath, "r")
	wantJSON(t, "SetResultPtr(NullPath)", got, `{"a":1}`)
}
