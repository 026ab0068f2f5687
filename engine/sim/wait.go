package sim

import (
	"fmt"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/expr"
)

// runWait runs a Wait state: it advances the virtual clock by Seconds or
// to Timestamp (literal, *Path or JSONata) and passes its input on.
func runWait(r *stateRun, s *asl.WaitState) outcome {
	var o outcome
	r.transition(&o)
	eff := r.input
	var fl *failure
	if !r.jsonata() {
		if eff, fl = r.inputPath(); fl != nil {
			return outcome{fail: fl}
		}
		r.inspect("afterInputPath", eff)
	}
	d, fl := r.waitDuration(s, eff)
	if fl != nil {
		return outcome{fail: fl}
	}
	if fl := r.f.sleep(d); fl != nil {
		return outcome{fail: fl}
	}
	if r.jsonata() {
		env := r.jenv()
		a, fl := r.assign(s.Assign, env)
		if fl != nil {
			return outcome{fail: fl}
		}
		out, fl := r.jsonataOutput(s.Output, env, r.input)
		if fl != nil {
			return outcome{fail: fl}
		}
		o.output, o.assign = out, a
		return o
	}
	a, fl := r.assignOn(s.Assign, eff)
	if fl != nil {
		return outcome{fail: fl}
	}
	out, fl := r.outputPath(eff)
	if fl != nil {
		return outcome{fail: fl}
	}
	o.output, o.assign = out, a
	return o
}

func (r *stateRun) waitDuration(s *asl.WaitState, eff any) (time.Duration, *failure) {
	now := r.f.now
	switch {
	case s.Seconds != nil:
		v := any(nil)
		if r.jsonata() && s.Seconds.Kind == asl.String {
			var fl *failure
			if v, fl = r.jsonataValue("Seconds", s.Seconds, r.jenv()); fl != nil {
				return 0, fl
			}
		} else {
			v = r.constant(s.Seconds)
		}
		n, ok := wholeNumber(v)
		if !ok || n < 0 {
			name := ErrRuntime
			if r.jsonata() {
				name = ErrQueryEvaluation
			}
			return 0, r.fail(&expr.Error{Name: name, Cause: fmt.Sprintf("The Seconds field must be a non-negative integer, but was %s", jsonText(v))}, "Seconds")
		}
		return time.Duration(n) * time.Second, nil
	case s.SecondsPath != "":
		v, err := expr.SelectField("SecondsPath", s.SecondsPath, r.env(eff))
		if err != nil {
			return 0, r.fail(err, "SecondsPath")
		}
		n, ok := wholeNumber(v)
		if !ok || n < 0 {
			return 0, r.fail(&expr.Error{Name: ErrRuntime, Cause: fmt.Sprintf("The SecondsPath parameter does not reference a non-negative integer value: %s == %s", s.SecondsPath, jsonText(v))}, "SecondsPath")
		}
		return time.Duration(n) * time.Second, nil
	case s.Timestamp != nil:
		var v any
		if r.jsonata() && s.Timestamp.Kind == asl.String {
			if _, isExpr := expr.IsJSONata(s.Timestamp.Str); isExpr {
				var fl *failure
				if v, fl = r.jsonataValue("Timestamp", s.Timestamp, r.jenv()); fl != nil {
					return 0, fl
				}
			} else {
				v = s.Timestamp.Str
			}
		} else {
			v = r.constant(s.Timestamp)
		}
		str, _ := v.(string)
		t, ok := parseTimestamp(str)
		if !ok {
			name := ErrRuntime
			if r.jsonata() {
				name = ErrQueryEvaluation
			}
			return 0, r.fail(&expr.Error{Name: name, Cause: "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: " + fmt.Sprint(v)}, "Timestamp")
		}
		return t.Sub(now), nil
	case s.TimestampPath != "":
		v, err := expr.SelectField("TimestampPath", s.TimestampPath, r.env(eff))
		if err != nil {
			return 0, r.fail(err, "TimestampPath")
		}
		str, _ := v.(string)
		t, ok := parseTimestamp(str)
		if !ok {
			return 0, r.fail(&expr.Error{Name: ErrRuntime, Cause: "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: " + s.TimestampPath + " == " + plain(v)}, "TimestampPath")
		}
		return t.Sub(now), nil
	}
	return 0, nil
}

// plain prints a value for a cause: strings bare, others as JSON.
func plain(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return jsonText(v)
}

// parseTimestamp parses an ISO-8601 extended offset date-time, as AWS
// requires for Wait and the Timestamp comparisons.
func parseTimestamp(s string) (time.Time, bool) {
	if len(s) < 20 || s[10] != 'T' {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// wholeNumber returns v as an integer when it is a number without a
// fractional part.
func wholeNumber(v any) (int64, bool) {
	switch n := v.(type) {
	case int64:
		return n, true
	case float64:
		if n == float64(int64(n)) {
			return int64(n), true
		}
	case int:
		return int64(n), true
	}
	return 0, false
}
