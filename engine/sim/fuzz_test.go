package sim

import (
	"fmt"
	"strings"
	"testing"
)

// genDefinition builds a small definition from fuzz bytes: each state's
// type, fields and transitions come from the next bytes, so the fuzzer
// explores loops, choices, maps, parallels, waits, retries and failures.
func genDefinition(data []byte) string {
	pos := 0
	next := func() int {
		if pos >= len(data) {
			return 0
		}
		b := int(data[pos])
		pos++
		return b
	}
	n := next()%5 + 1
	name := func(i int) string { return fmt.Sprintf("S%d", i%n) }
	trans := func(i int) string {
		if b := next(); b%4 == 0 {
			return `"End":true`
		} else {
			return `"Next":"` + name(b) + `"`
		}
	}
	ql := ""
	if next()%3 == 0 {
		ql = `"QueryLanguage":"JSONata",`
	}
	var states []string
	for i := 0; i < n; i++ {
		var s string
		switch next() % 9 {
		case 0:
			s = `{"Type":"Pass","Result":{"v":` + fmt.Sprint(next()) + `},"ResultPath":"$.r",` + trans(i) + `}`
		case 1:
			s = `{"Type":"Choice","Choices":[{"Variable":"$.r.v","NumericGreaterThan":` + fmt.Sprint(next()) + `,"Next":"` + name(next()) + `"}],"Default":"` + name(next()) + `"}`
			if ql != "" {
				s = `{"Type":"Choice","Choices":[{"Condition":"{% $states.input.r.v > ` + fmt.Sprint(next()) + ` %}","Next":"` + name(next()) + `"}],"Default":"` + name(next()) + `"}`
			}
		case 2:
			s = `{"Type":"Wait","Seconds":` + fmt.Sprint(next()*1000) + `,` + trans(i) + `}`
		case 3:
			s = `{"Type":"Fail","Error":"E` + fmt.Sprint(next()%3) + `","Cause":"c"}`
		case 4:
			s = `{"Type":"Succeed"}`
		case 5:
			s = `{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":` + fmt.Sprint(next()%4) + `,"JitterStrategy":"FULL"}],"Catch":[{"ErrorEquals":["E1"],"Next":"` + name(next()) + `"}],` + trans(i) + `}`
		case 6:
			s = `{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":` + fmt.Sprint(next()%3) + `,"ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Assign":{"k":` + fmt.Sprint(next()) + `},"End":true}}},"ResultPath":"$.m",` + trans(i) + `}`
		case 7:
			s = `{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}},{"StartAt":"C","States":{"C":{"Type":"Fail","Error":"E1"}}}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"` + name(next()) + `"}],` + trans(i) + `}`
		default:
			s = `{"Type":"Pass","Parameters":{"x.$":"States.MathAdd(1, 2)","items.$":"$.items"},"Assign":{"a":` + fmt.Sprint(next()) + `},` + trans(i) + `}`
		}
		states = append(states, `"`+name(i)+`":`+s)
	}
	return `{` + ql + `"StartAt":"S0","States":{` + strings.Join(states, ",") + `}}`
}

// FuzzRun runs random small definitions: no panic, no hang (the step limit
// stops loops), and a finished status every time.
func FuzzRun(f *testing.F) {
	f.Add([]byte{3, 1, 0, 5, 1, 2, 7, 9, 0, 4})
	f.Add([]byte{2, 0, 0, 1, 200, 1, 0, 0, 1, 1})
	f.Add([]byte{5, 3, 6, 2, 1, 5, 7, 1, 2, 3, 8, 9, 4, 2, 6, 1})
	f.Add([]byte{1, 1, 5, 2, 0, 1, 3})
	mocks, err := ParseMockConfig([]byte(`{"StateMachines":{"m":{"TestCases":{"t":{"S0":"R","S1":"R","S2":"R","S3":"R","S4":"R"}}}},
	  "MockedResponses":{"R":{"0":{"Throw":{"Error":"E1","Cause":"x"}},"1-1000":{"Return":{"ok":true}}}}}`))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		def := genDefinition(data)
		// Both branch orders: one after the other, and interleaved.
		for _, interleave := range []bool{false, true} {
			ex, err := NewExecution([]byte(def), []byte(`{"items":[1,2,3],"r":{"v":5}}`), Options{MaxSteps: 2000, Type: Express, Mocks: mocks, TestCase: "t", InterleaveBranches: interleave})
			if err != nil {
				return
			}
			switch st := ex.Run(); st {
			case StatusSucceeded, StatusFailed, StatusTimedOut:
			default:
				t.Fatalf("status %s for %s (interleaved: %v)", st, def, interleave)
			}
			if !ex.Done() {
				t.Fatalf("not done: %s (interleaved: %v)", def, interleave)
			}
		}
	})
}
