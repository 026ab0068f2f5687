package sim

import (
	"math"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// Retrier defaults from the ASL specification.
const (
	defaultIntervalSeconds = 1
	defaultMaxAttempts     = 3
	defaultBackoffRate     = 2.0
)

// retrier tracks the attempts made under each Retrier of one state visit.
type retrier struct {
	rules  []*asl.Retrier
	counts []int
}

func newRetrier(rules []*asl.Retrier) *retrier {
	return &retrier{rules: rules, counts: make([]int, len(rules))}
}

// retry reports whether the failure is retried: the first Retrier whose
// ErrorEquals matches decides; when its attempts are used up the failure
// goes on to Catch. The clock advances by the back-off delay.
func (rt *retrier) retry(r *stateRun, fl *failure) bool {
	if fl.terminal() {
		return false
	}
	for i, rule := range rt.rules {
		if !errorMatches(rule.ErrorEquals, fl.Error) {
			continue
		}
		max := int64(defaultMaxAttempts)
		if rule.MaxAttempts != nil {
			max = *rule.MaxAttempts
		}
		if int64(rt.counts[i]) >= max {
			return false
		}
		if tf := r.f.sleep(retryDelay(rule, rt.counts[i], r.f.e.randFn)); tf != nil {
			// The execution timed out during the back-off.
			*fl = *tf
			return false
		}
		rt.counts[i]++
		r.retryCount++
		return true
	}
	return false
}

// retryDelay is IntervalSeconds × BackoffRate^attempt, capped by
// MaxDelaySeconds, and scaled by a seeded random factor with FULL jitter.
func retryDelay(rule *asl.Retrier, attempt int, rnd func() float64) time.Duration {
	interval := float64(defaultIntervalSeconds)
	if rule.IntervalSeconds != nil {
		interval = float64(*rule.IntervalSeconds)
	}
	backoff := defaultBackoffRate
	if rule.BackoffRate != nil {
		backoff = *rule.BackoffRate
	}
	d := interval * math.Pow(backoff, float64(attempt))
	if rule.MaxDelaySeconds != nil && d > float64(*rule.MaxDelaySeconds) {
		d = float64(*rule.MaxDelaySeconds)
	}
	if rule.JitterStrategy == "FULL" {
		d *= rnd()
	}
	return time.Duration(d * float64(time.Second))
}
