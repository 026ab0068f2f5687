package sim

import (
	"testing"
	"time"
)

// TestJSONataNowIsVirtual: $now() and $millis() read the execution's
// virtual clock (its start time, advanced by Wait states), not the wall
// clock.
func TestJSONataNowIsVirtual(t *testing.T) {
	def := `{"QueryLanguage":"JSONata","StartAt":"First","States":{
	  "First":{"Type":"Pass","Output":"{% {'now': $now(), 'millis': $millis()} %}","Next":"Wait"},
	  "Wait":{"Type":"Wait","Seconds":90,"Next":"Second"},
	  "Second":{"Type":"Pass","Output":"{% {'first': $states.input, 'now': $now(), 'millis': $millis()} %}","End":true}}}`
	start := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	ex, err := NewExecution([]byte(def), []byte(`{}`), Options{StartTime: start})
	if err != nil {
		t.Fatal(err)
	}
	if st := ex.Run(); st != StatusSucceeded {
		t.Fatalf("%s: %s %s", st, ex.Error(), ex.Cause())
	}
	out, _ := ex.Output().(map[string]any)
	first, _ := out["first"].(map[string]any)
	check := func(what string, m map[string]any, want time.Time) {
		t.Helper()
		if got := m["now"]; got != want.Format("2006-01-02T15:04:05.000Z") {
			t.Errorf("%s $now() = %v, want %s", what, got, want.Format(time.RFC3339))
		}
		if got := m["millis"]; got != want.UnixMilli() {
			t.Errorf("%s $millis() = %v (%T), want %d", what, got, got, want.UnixMilli())
		}
	}
	check("first state", first, start)
	check("after a 90 s Wait", out, start.Add(90*time.Second))
}
