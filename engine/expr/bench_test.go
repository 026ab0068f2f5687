package expr

import "testing"

func benchEnv() *Env {
	return &Env{
		Input:   map[string]any{"count": int64(5), "items": []any{int64(1), int64(2), int64(3)}, "name": "n"},
		Context: map[string]any{"Execution": map[string]any{"Id": "arn", "Input": map[string]any{}, "Name": "e"}, "State": map[string]any{"Name": "S", "EnteredTime": "t", "RetryCount": int64(0)}},
		Vars:    map[string]any{"i": int64(3), "total": int64(10)},
	}
}

func BenchmarkEvalJSONata(b *testing.B) {
	env := benchEnv()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := EvalJSONata("$i + $states.input.count * 2", env); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSelect(b *testing.B) {
	env := benchEnv()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Select("$.items[1]", env); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvalTemplate(b *testing.B) {
	env := benchEnv()
	t := tmpl(b, `{"a.$":"$.count","b.$":"States.MathAdd($.count, 1)","c":{"d.$":"$$.State.Name"}}`)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := EvalTemplate(t, env); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSetResult(b *testing.B) {
	env := benchEnv()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := SetResult(env.Input, "$.result.x", int64(1)); err != nil {
			b.Fatal(err)
		}
	}
}
