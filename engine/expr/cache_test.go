package expr

import (
	"fmt"
	"sync"
	"testing"
)

// TestParseCacheBounded: distinct paths beyond the bound do not grow the
// cache past it, and every path still evaluates correctly.
func TestParseCacheBounded(t *testing.T) {
	env := &Env{Input: map[string]any{"a": []any{int64(0), int64(1), int64(2)}}}
	for i := 0; i < 2*maxParsed+10; i++ {
		p := fmt.Sprintf("$.a[%d]", i%3)
		if i%3 == 0 {
			p = fmt.Sprintf("$.a[%d]", i) // distinct source text, out of range
		}
		v, err := Select(p, env)
		if i%3 == 0 {
			if (i == 0) != (err == nil) {
				t.Fatalf("%s: %v %v", p, v, err)
			}
		} else if err != nil || v != int64(i%3) {
			t.Fatalf("%s = %v, %v", p, v, err)
		}
		if n := pathCache.len(); n > maxParsed {
			t.Fatalf("path cache holds %d entries, more than %d", n, maxParsed)
		}
	}
}

// TestParseCacheErrors: a cached parse error is reported on every use.
func TestParseCacheErrors(t *testing.T) {
	for i := 0; i < 3; i++ {
		if err := CheckPath("$.a["); err == nil {
			t.Fatalf("use %d: CheckPath accepted $.a[", i)
		}
		if err := CheckIntrinsic("States.Format("); err == nil {
			t.Fatalf("use %d: CheckIntrinsic accepted States.Format(", i)
		}
	}
}

// TestParseCacheConcurrent evaluates the same cached paths and calls from
// many goroutines (run with -race to check the sharing).
func TestParseCacheConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			env := &Env{Input: map[string]any{"i": int64(g), "xs": []any{int64(g), "x"}}}
			for n := 0; n < 200; n++ {
				v, err := EvalIntrinsic("States.MathAdd($.i, 1)", env)
				if err != nil || v != int64(g+1) {
					errs <- fmt.Errorf("goroutine %d: MathAdd = %v, %v", g, v, err)
					return
				}
				w, err := Select("$.xs[?(@ == 'x')]", env)
				if a, ok := w.([]any); err != nil || !ok || len(a) != 1 || a[0] != "x" {
					errs <- fmt.Errorf("goroutine %d: filter = %v, %v", g, w, err)
					return
				}
				out, err := SetResult(env.Input, "$.r", int64(g))
				if err != nil || out.(map[string]any)["r"] != int64(g) {
					errs <- fmt.Errorf("goroutine %d: SetResult = %v, %v", g, out, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
