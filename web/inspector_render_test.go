//go:build !(js && wasm)

package web

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/validate"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

const inspectorDoc = `{
  "StartAt": "Call",
  "States": {
    "Call": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "f"},
      "Retry": [{"ErrorEquals": ["States.ALL"], "BackoffRate": 0.5}],
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Nowhere"}],
      "Next": "Route"
    },
    "Route": {
      "Type": "Choice",
      "Choices": [
        {"Variable": "$.total", "NumericGreaterThan": 100, "Next": "Big"},
        {"And": [{"Variable": "$.a", "IsPresent": true}, {"Not": {"Variable": "$.b", "StringEquals": "x"}}], "Next": "Done"},
        {"Variable": "total", "IsNumeric": true, "Next": "Done"}
      ],
      "Default": "Done"
    },
    "Big": {"Type": "Pass", "Next": "Done"},
    "Done": {"Type": "Succeed"}
  }
}`

// inspectorHTML renders the inspector for state on tab.
func inspectorHTML(t *testing.T, state, tab string) string {
	t.Helper()
	return inspectorHTMLOf(t, inspectorDoc, state, tab)
}

// inspectorHTMLOf renders the inspector for state on tab with doc open.
func inspectorHTMLOf(t *testing.T, doc, state, tab string) string {
	t.Helper()
	s, d, html := mount(t)
	d.Dispatch(app.Dispatch{Source: s, Function: func(ctx app.Context) {
		s.openDocument("t", []byte(doc))
		s.selected, s.insp.tab = state, tab
	}})
	d.Consume()
	page := html()
	i := strings.Index(page, `data-inspector`)
	if i < 0 {
		t.Fatal("no inspector on the page")
	}
	return page[i:]
}

// between returns the part of page from the element marked by start up to end.
func between(t *testing.T, page, start, end string) string {
	t.Helper()
	i := strings.Index(page, start)
	if i < 0 {
		t.Fatalf("%s is not on the page", start)
	}
	rest := page[i:]
	if j := strings.Index(rest[len(start):], end); j >= 0 {
		return rest[:len(start)+j]
	}
	return rest
}

func TestInspectorChoiceBuilderRendersEveryRule(t *testing.T) {
	page := inspectorHTML(t, "Route", tabConfig)
	for _, r := range []string{"/Choices/0", "/Choices/1", "/Choices/2", "/Choices/1/And/0", "/Choices/1/And/1", "/Choices/1/And/1/Not"} {
		if !strings.Contains(page, `data-rule="`+r+`"`) {
			t.Errorf("no card for the rule at %s", r)
		}
	}
	first := between(t, page, `data-rule="/Choices/0"`, `data-rule="/Choices/1"`)
	for _, op := range asl.ComparisonOperators {
		if !regexp.MustCompile(`<option[^>]* value="` + op + `"`).MatchString(first) {
			t.Errorf("the operator menu lacks %s", op)
		}
	}
	sel := regexp.MustCompile(`<option[^>]* value="NumericGreaterThan"[^>]*>`).FindString(first)
	if !strings.Contains(sel, "selected") || strings.Contains(sel, `selected="false"`) {
		t.Errorf("the rule's operator is not the one selected: %s", sel)
	}
	if !strings.Contains(first, `value="100"`) || !strings.Contains(first, `data-value-kind="number"`) {
		t.Error("the rule's value box does not show 100 as a number")
	}
	// The validator's complaint about rule 3's Variable shows on rule 3.
	third := between(t, page, `data-rule="/Choices/2"`, `Add a rule`)
	if !strings.Contains(third, `data-field-diag=`) {
		t.Errorf("rule 3 (Variable without $) shows no diagnostic:\n%s", third)
	}
	if strings.Contains(first, `data-field-diag=`) {
		t.Error("rule 1 shows a diagnostic that is not its own")
	}
}

func TestInspectorErrorTabShowsDiagnosticsBesideFields(t *testing.T) {
	page := inspectorHTML(t, "Call", tabErrors)
	retrier := between(t, page, `data-retrier="0"`, `data-catcher="0"`)
	backoff := between(t, retrier, `data-field-row="BackoffRate"`, `data-field-row="MaxDelaySeconds"`)
	if !strings.Contains(backoff, `data-field-diag=`) || !strings.Contains(backoff, "at least 1.0") {
		t.Errorf("BackoffRate 0.5 shows no diagnostic beside it:\n%s", backoff)
	}
	catcher := between(t, page, `data-catcher="0"`, `Add a catcher`)
	if !strings.Contains(catcher, `data-field-diag="MISSING_TRANSITION_TARGET"`) {
		t.Errorf("the catcher going nowhere shows no diagnostic:\n%s", catcher)
	}
	// Tab badges count the problems of each section.
	root, _ := asl.ParseJSON([]byte(inspectorDoc))
	want := 0
	for _, d := range validate.Validate(root, validate.Options{}) {
		if strings.HasPrefix(d.Path, "/States/Call/Retry") || strings.HasPrefix(d.Path, "/States/Call/Catch") {
			want++
		}
	}
	if want < 2 {
		t.Fatalf("the validator finds %d problems in Call's Retry and Catch, the test expects at least 2", want)
	}
	tabs := between(t, page, `role="tablist"`, `role="tabpanel"`)
	errTab := between(t, tabs, `data-tab="errors"`, `</button>`)
	if !regexp.MustCompile(`class="tab-badge"[^>]*>` + strconv.Itoa(want) + `<`).MatchString(errTab) {
		t.Errorf("the Errors tab does not count its %d problems (with an error):\n%s", want, tabs)
	}
	for _, s := range stateErrorNames {
		if !strings.Contains(page, `<option value="`+s+`"`) {
			t.Errorf("%s is not proposed for ErrorEquals", s)
		}
	}
}

func TestInspectorEveryControlHasALabel(t *testing.T) {
	for _, state := range []string{"Call", "Route", "Big", "Done"} {
		for _, tab := range []string{tabConfig, tabIO, tabErrors} {
			page := inspectorHTML(t, state, tab)
			for _, tag := range []string{"<button", "<input", "<select", "<textarea"} {
				for _, chunk := range strings.Split(page, tag)[1:] {
					el := chunk[:strings.IndexByte(chunk, '>')]
					if !strings.Contains(el, "aria-label=") {
						t.Errorf("%s, %s tab: %s%s> has no aria-label", state, tab, tag, el)
					}
				}
			}
		}
	}
}

func TestInspectorIOTabFollowsTheQueryLanguage(t *testing.T) {
	page := inspectorHTML(t, "Call", tabIO)
	for _, k := range []string{"InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath", "Assign"} {
		if !strings.Contains(page, `data-field-row="`+k+`"`) {
			t.Errorf("a JSONPath Task's Input/Output lacks %s", k)
		}
	}
	for _, k := range []string{"Arguments", "Output"} {
		if strings.Contains(page, `data-field-row="`+k+`"`) {
			t.Errorf("a JSONPath Task's Input/Output shows %s", k)
		}
	}
	s, d, html := mount(t)
	d.Dispatch(app.Dispatch{Source: s, Function: func(ctx app.Context) {
		s.openDocument("t", []byte(`{"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"}, "End": true}}}`))
		s.selected, s.insp.tab = "T", tabIO
	}})
	d.Consume()
	page = html()
	for _, k := range []string{"Arguments", "Output", "Assign"} {
		if !strings.Contains(page, `data-field-row="`+k+`"`) {
			t.Errorf("a JSONata Task's Input/Output lacks %s", k)
		}
	}
	for _, k := range []string{"InputPath", "Parameters", "ResultPath"} {
		if strings.Contains(page, `data-field-row="`+k+`"`) {
			t.Errorf("a JSONata Task's Input/Output shows %s", k)
		}
	}
}
