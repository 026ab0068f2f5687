//go:build e2e

package e2e

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const insp = `[data-inspector]`

// inspect selects a state on the canvas and waits for the inspector to show it.
func (b *browser) inspect(name string) {
	b.t.Helper()
	b.do("select "+name, chromedp.Click(chromedp.CSS(`[data-state="`+name+`"]`)))
	b.waitFor("the inspector to show "+name, `document.querySelector('`+insp+` [data-field="Name"]')?.value === `+jsString(name))
}

// inspTab opens a section of the inspector.
func (b *browser) inspTab(id string) {
	b.t.Helper()
	b.click("open the "+id+" tab", insp+` [data-tab="`+id+`"]`)
	b.waitFor("the "+id+" tab", `!!document.querySelector('`+insp+` [data-tab-panel="`+id+`"]')`)
}

// typeInto replaces a text box's content by typing, then presses Enter
// (which commits an input).
func (b *browser) typeInto(sel, text string) {
	b.t.Helper()
	b.focusField(sel)
	b.do("type "+strconv.Quote(text)+" into "+sel,
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(text+kb.Enter),
	)
}

// focusField focuses the element sel finds now, polling: a field the last
// edit re-rendered is replaced in the page, and a node looked up before
// that (chromedp.Focus) is gone when it is focused ("Could not find node
// with given id" in CI).
func (b *browser) focusField(sel string) {
	b.t.Helper()
	b.waitFor("to focus "+sel, `(() => { const e = document.querySelector(`+strconv.Quote(sel)+`); if (!e) return false; e.focus(); return document.activeElement === e })()`)
}

// typeJSON replaces a textarea's content by typing, then leaves it (which
// commits it).
func (b *browser) typeJSON(sel, text string) {
	b.t.Helper()
	b.focusField(sel)
	b.do("type "+strconv.Quote(text)+" into "+sel,
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(text),
	)
	eval[bool](b, `(document.activeElement.blur(), true)`)
}

// choose picks an option of a select as a user does (value, then change),
// once the select offers it: the code pane may show an edit a frame
// before the inspector does.
func (b *browser) choose(sel, value string) {
	b.t.Helper()
	b.waitForShowing("option "+value+" in "+sel, `[...(document.querySelector('`+sel+`') || {options: []}).options].some(o => o.value === `+jsString(value)+`)`,
		`[...(document.querySelector('`+sel+`') || {options: []}).options].map(o => o.value).join(", ")`)
	ok := eval[bool](b, `(() => { const s = document.querySelector('`+sel+`'); if (!s || ![...s.options].some(o => o.value === `+jsString(value)+`)) return false;
		s.focus(); s.value = `+jsString(value)+`; s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
	if !ok {
		b.t.Fatalf("no option %q in %s", value, sel)
	}
}

// waitCode polls the code pane until its model satisfies cond, then waits
// for that change to be validated.
func (b *browser) waitCode(what string, cond func(root *asl.Value) bool) *asl.Value {
	b.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	var last string
	for {
		last = b.code()
		if v, err := asl.Parse([]byte(last)); err == nil && cond(v) {
			b.settle()
			return v
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("waiting for the code to show %s; it holds:\n%s", what, last)
		}
		time.Sleep(30 * time.Millisecond) // a poll interval, not a wait for an effect
	}
}

// inspectorShot takes a screenshot in a taller window, with the part of
// the inspector sel at the top of its panel.
func (b *browser) inspectorShot(name, sel string) {
	b.t.Helper()
	b.do("enlarge the window", chromedp.EmulateViewport(1440, 1500))
	b.do("show "+sel, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+sel+`').scrollIntoView({block: 'start'})`))
	b.screenshot(name)
	b.do("restore the window", chromedp.EmulateViewport(1440, 900))
}

// stateOf returns a top-level state's object in the code.
func stateOf(root *asl.Value, name string) *asl.Value { return root.Get("States").Get(name) }

func TestInspectorChoiceRuleBuilder(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	const choice = "Route by total"
	n := len(stateOf(b.model(), choice).Get("Choices").Items)
	b.inspect(choice)

	b.click("add a rule", insp+` button[aria-label="Add a rule"]`)
	rule := insp + ` [data-rule="/Choices/` + strconv.Itoa(n) + `"]`
	b.waitFor("the new rule's card", `!!document.querySelector('`+rule+`')`)
	ruleAt := func(root *asl.Value, i int) *asl.Value {
		cs := stateOf(root, choice).Get("Choices")
		if cs == nil || len(cs.Items) <= i {
			return nil
		}
		return cs.Items[i]
	}
	b.waitCode("a new rule", func(r *asl.Value) bool { return ruleAt(r, n) != nil })

	b.typeInto(rule+` [data-field="Variable"]`, "$.total")
	b.waitCode("Variable $.total", func(r *asl.Value) bool { s, _ := ruleAt(r, n).Get("Variable").StringValue(); return s == "$.total" })
	b.choose(rule+` [data-field="Operator"]`, "NumericGreaterThan")
	b.waitCode("NumericGreaterThan", func(r *asl.Value) bool { return ruleAt(r, n).Has("NumericGreaterThan") })
	b.typeInto(rule+` [data-field="Value"]`, "500")
	root := b.waitCode("NumericGreaterThan 500", func(r *asl.Value) bool {
		v := ruleAt(r, n).Get("NumericGreaterThan")
		return v != nil && v.Str == "500"
	})
	if v := ruleAt(root, n).Get("NumericGreaterThan"); v.Kind != asl.Number {
		t.Errorf("NumericGreaterThan is a %s in the code, want a number", v.Kind)
	}
	if ruleAt(root, n).Has("IsPresent") {
		t.Errorf("the old operator stayed beside the new one: %s", asl.AppendCompactJSON(nil, ruleAt(root, n)))
	}
	b.choose(rule+` [data-field="Next"]`, "Request review")
	root = b.waitCode("the rule's Next", func(r *asl.Value) bool { s, _ := ruleAt(r, n).Get("Next").StringValue(); return s == "Request review" })
	if keys := ruleAt(root, n).Keys(); !slices.Equal(keys, []string{"Variable", "NumericGreaterThan", "Next"}) {
		t.Errorf("the rule's keys are %v, want Variable, NumericGreaterThan, Next", keys)
	}

	// A value that is not a number is refused next to the field; the code stays.
	before := b.code()
	b.typeInto(rule+` [data-field="Value"]`, "lots")
	b.waitForShowing("the inline error", `(document.querySelector('`+rule+` [data-field-error]')?.textContent || '').includes('number')`,
		`document.querySelector('`+rule+`').innerText`)
	if b.code() != before {
		t.Error("a refused value changed the code")
	}
	if got := eval[string](b, `document.querySelector('`+rule+` [data-field="Value"]').value`); got != "lots" {
		t.Errorf("the value box holds %q after the refusal, want what was typed", got)
	}

	// A type test takes a boolean.
	b.choose(rule+` [data-field="Operator"]`, "IsNumeric")
	b.waitCode("IsNumeric", func(r *asl.Value) bool { return ruleAt(r, n).Has("IsNumeric") })
	b.choose(rule+` [data-field="Value"]`, "false")
	root = b.waitCode("IsNumeric false", func(r *asl.Value) bool {
		v := ruleAt(r, n).Get("IsNumeric")
		return v != nil && v.Kind == asl.Bool && !v.Bool
	})
	if b.hasFieldError(rule) {
		t.Error("the inline error stayed after a valid edit")
	}

	// And: the comparison becomes the first condition; add and edit another.
	b.choose(rule+` [data-field="Kind"]`, "And")
	b.waitCode("an And rule", func(r *asl.Value) bool { return len(items(ruleAt(r, n).Get("And"))) == 2 })
	root = b.model()
	first := ruleAt(root, n).Get("And").Items[0]
	if s, _ := first.Get("Variable").StringValue(); s != "$.total" || !first.Has("IsNumeric") {
		t.Errorf("And's first condition is %s, want the rule's comparison", asl.AppendCompactJSON(nil, first))
	}
	b.click("add a condition", rule+` button[aria-label="Add a condition to And"]`)
	b.waitCode("a third condition", func(r *asl.Value) bool { return len(items(ruleAt(r, n).Get("And"))) == 3 })
	sub := insp + ` [data-rule="/Choices/` + strconv.Itoa(n) + `/And/2"]`
	b.waitFor("the third condition's card", `!!document.querySelector('`+sub+`')`)
	b.typeInto(sub+` [data-field="Variable"]`, "$.customer.tier")
	b.choose(sub+` [data-field="Operator"]`, "StringEquals")
	// The operator change re-renders the card (IsPresent's true/false menu
	// becomes a text box): type once the code and the box show it.
	b.waitCode("StringEquals on $.customer.tier", func(r *asl.Value) bool {
		c := items(ruleAt(r, n).Get("And"))
		if len(c) < 3 {
			return false
		}
		s, _ := c[2].Get("Variable").StringValue()
		return c[2].Has("StringEquals") && s == "$.customer.tier"
	})
	b.waitFor("the value box", `(document.querySelector('`+sub+` [data-field="Value"]')||{}).tagName === "INPUT"`)
	b.typeInto(sub+` [data-field="Value"]`, "gold")
	b.waitCode("StringEquals gold", func(r *asl.Value) bool {
		c := items(ruleAt(r, n).Get("And"))
		if len(c) < 3 {
			return false
		}
		v, ok := c[2].Get("StringEquals").StringValue()
		s, _ := c[2].Get("Variable").StringValue()
		return ok && v == "gold" && s == "$.customer.tier"
	})
	b.inspectorShot("inspector-choice-rule-builder", insp+` [data-rule="/Choices/`+strconv.Itoa(n-1)+`"]`)

	// Reorder: the new rule moves above the one before it.
	b.click("move the rule up", insp+` button[aria-label="Move rule `+strconv.Itoa(n+1)+` up"]`)
	root = b.waitCode("the rule moved up", func(r *asl.Value) bool { return ruleAt(r, n-1).Has("And") })
	if s, _ := ruleAt(root, n).Get("Next").StringValue(); s != "Request review" || ruleAt(root, n).Has("And") {
		t.Errorf("after the move, rule %d is %s", n+1, asl.AppendCompactJSON(nil, ruleAt(root, n)))
	}
	// Remove it, and set the Default.
	b.click("remove the rule", insp+` button[aria-label="Remove rule `+strconv.Itoa(n)+`"]`)
	b.waitCode("the rule removed", func(r *asl.Value) bool { return len(stateOf(r, choice).Get("Choices").Items) == n })
	b.waitForShowing("the edited workflow to be valid", `document.querySelector('[data-validation]').dataset.validation === "valid"`,
		`document.querySelector('[data-validation]').textContent`)
	b.choose(insp+` [data-field-row="Default"] select`, "Order complete")
	b.waitCode("the Default", func(r *asl.Value) bool {
		s, _ := stateOf(r, choice).Get("Default").StringValue()
		return s == "Order complete"
	})
}

// hasFieldError reports whether an inline edit error shows under sel.
func (b *browser) hasFieldError(sel string) bool {
	b.t.Helper()
	return eval[bool](b, `!!document.querySelector('`+sel+` [data-field-error]')`)
}

func items(v *asl.Value) []*asl.Value {
	if v == nil {
		return nil
	}
	return v.Items
}

func TestInspectorRetryAndCatch(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	const task = "Validate order"
	b.inspect(task)
	b.inspTab("errors")

	b.click("add a retrier", insp+` button[aria-label="Add a retrier"]`)
	retry := func(r *asl.Value, i int) *asl.Value {
		rs := items(stateOf(r, task).Get("Retry"))
		if len(rs) <= i {
			return nil
		}
		return rs[i]
	}
	root := b.waitCode("a Retry", func(r *asl.Value) bool { return retry(r, 0) != nil })
	if got := errNames(retry(root, 0)); !slices.Equal(got, []string{"States.ALL"}) {
		t.Errorf("the new retrier catches %v", got)
	}
	r0 := insp + ` [data-retrier="0"]`
	b.typeInto(r0+` [data-field="MaxAttempts"]`, "5")
	b.waitCode("MaxAttempts 5", func(r *asl.Value) bool {
		v := retry(r, 0).Get("MaxAttempts")
		return v != nil && v.Str == "5" && v.Kind == asl.Number
	})

	// The validator's diagnostic shows next to its field.
	b.typeInto(r0+` [data-field="BackoffRate"]`, "0.5")
	b.waitCode("BackoffRate 0.5", func(r *asl.Value) bool { v := retry(r, 0).Get("BackoffRate"); return v != nil && v.Str == "0.5" })
	b.waitForShowing("the BackoffRate diagnostic beside its field",
		`(document.querySelector('`+r0+` [data-field-row="BackoffRate"] [data-field-diag]')?.textContent || '').includes('at least 1')`,
		`document.querySelector('`+r0+`').innerText`)
	b.typeInto(r0+` [data-field="BackoffRate"]`, "1.5")
	b.waitFor("the diagnostic to go", `!document.querySelector('`+r0+` [data-field-row="BackoffRate"] [data-field-diag]')`)
	b.choose(r0+` [data-field="JitterStrategy"]`, "FULL")
	b.waitCode("JitterStrategy FULL", func(r *asl.Value) bool { s, _ := retry(r, 0).Get("JitterStrategy").StringValue(); return s == "FULL" })

	// Error names: the Lambda action's own errors are proposed.
	b.waitFor("the action's errors among the suggestions", `!!document.querySelector('`+insp+` datalist option[value="Lambda.TooManyRequestsException"]')`)
	b.typeInto(r0+` input[data-field="ErrorEquals"]`, "Lambda.TooManyRequestsException")
	b.waitCode("a second error name", func(r *asl.Value) bool { return len(errNames(retry(r, 0))) == 2 })
	b.waitForShowing("States.ALL must be alone", `!!document.querySelector('`+r0+` [data-field-row="ErrorEquals"] [data-field-diag]')`,
		`document.querySelector('`+r0+`').innerText`)
	b.click("remove States.ALL", r0+` button[aria-label="Remove States.ALL"]`)
	b.waitCode("States.ALL removed", func(r *asl.Value) bool {
		return slices.Equal(errNames(retry(r, 0)), []string{"Lambda.TooManyRequestsException"})
	})
	// The diagnostic goes with States.ALL.
	b.waitFor("the States.ALL diagnostic to go", `!document.querySelector('`+r0+` [data-field-row="ErrorEquals"] [data-field-diag]')`)

	// A second retrier, moved first.
	b.click("add another retrier", insp+` button[aria-label="Add a retrier"]`)
	root = b.waitCode("two retriers", func(r *asl.Value) bool { return retry(r, 1) != nil })
	second := errNames(retry(root, 1))
	b.click("move it up", insp+` button[aria-label="Move retrier 2 up"]`)
	b.waitCode("the retriers swapped", func(r *asl.Value) bool { return slices.Equal(errNames(retry(r, 0)), second) })

	// Catch.
	b.click("add a catcher", insp+` button[aria-label="Add a catcher"]`)
	catch := func(r *asl.Value) *asl.Value {
		cs := items(stateOf(r, task).Get("Catch"))
		if len(cs) == 0 {
			return nil
		}
		return cs[0]
	}
	root = b.waitCode("a Catch", func(r *asl.Value) bool { return catch(r) != nil })
	if next, _ := catch(root).Get("Next").StringValue(); stateOf(root, next) == nil {
		t.Errorf("the new catcher goes to %q, which is no state", next)
	}
	c0 := insp + ` [data-catcher="0"]`
	b.choose(c0+` [data-field="Next"]`, "Order complete")
	b.waitCode("the catcher's Next", func(r *asl.Value) bool { s, _ := catch(r).Get("Next").StringValue(); return s == "Order complete" })
	b.typeInto(c0+` [data-field="ResultPath"]`, "$.failure")
	root = b.waitCode("the catcher's ResultPath", func(r *asl.Value) bool { s, _ := catch(r).Get("ResultPath").StringValue(); return s == "$.failure" })
	b.inspectorShot("inspector-retry-catch", insp+` [role="tablist"]`)

	// The timeout lives in this tab too.
	b.typeInto(insp+` [data-field="TimeoutSeconds"]`, "45")
	b.waitCode("TimeoutSeconds 45", func(r *asl.Value) bool { v := stateOf(r, task).Get("TimeoutSeconds"); return v != nil && v.Str == "45" })

	// Removing the only catcher removes Catch.
	b.click("remove the catcher", insp+` button[aria-label="Remove catcher 1"]`)
	b.waitCode("Catch removed", func(r *asl.Value) bool { return !stateOf(r, task).Has("Catch") })
	b.waitForShowing("the edited workflow to be valid", `document.querySelector('[data-validation]').dataset.validation === "valid"`,
		`document.querySelector('[data-validation]').textContent`)
}

func errNames(entry *asl.Value) []string {
	var out []string
	for _, it := range items(entry.Get("ErrorEquals")) {
		if s, ok := it.StringValue(); ok {
			out = append(out, s)
		}
	}
	return out
}

func TestInspectorInvalidJSONKeepsTextAndCode(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	const task = "Validate order"
	b.inspect(task)
	b.inspTab("io")
	ta := insp + ` textarea[data-field="Parameters"]`
	errSel := insp + ` [data-json-error="Parameters"]`
	before := b.code()
	typed := `{"FunctionName": "validate", "Payload.$":`
	b.typeJSON(ta, typed)
	b.waitForShowing("the inline JSON error", `!!document.querySelector('`+errSel+`')`, `document.querySelector('`+insp+`').innerText`)
	if got := eval[string](b, `document.querySelector('`+ta+`').value`); got != typed {
		t.Errorf("the editor holds %q, want what was typed %q", got, typed)
	}
	if b.code() != before {
		t.Error("invalid JSON changed the code")
	}
	// Another tab and back: what was typed is still there.
	b.inspTab("config")
	b.inspTab("io")
	b.waitFor("the error after switching tabs", `!!document.querySelector('`+errSel+`')`)
	if got := eval[string](b, `document.querySelector('`+ta+`').value`); got != typed {
		t.Errorf("after switching tabs the editor holds %q, want %q", got, typed)
	}
	// JSON that is not an object is refused too.
	b.typeJSON(ta, `["a"]`)
	b.waitForShowing("the object error", `(document.querySelector('`+errSel+`')?.textContent || '').includes('object')`, `document.querySelector('`+insp+`').innerText`)
	if b.code() != before {
		t.Error("an array as Parameters changed the code")
	}
	// Fixed: the code follows and the error goes.
	b.typeJSON(ta, `{"FunctionName": "fixed-function", "Payload.$": "$"}`)
	root := b.waitCode("the fixed Parameters", func(r *asl.Value) bool {
		s, _ := stateOf(r, task).Get("Parameters").Get("FunctionName").StringValue()
		return s == "fixed-function"
	})
	if p, _ := stateOf(root, task).Get("Parameters").Get("Payload.$").StringValue(); p != "$" {
		t.Errorf("Payload.$ = %q", p)
	}
	b.waitFor("the error to go", `!document.querySelector('`+errSel+`')`)
	if !strings.Contains(eval[string](b, `document.querySelector('`+ta+`').value`), "fixed-function") {
		t.Error("the editor does not show the committed Parameters")
	}
}

func TestInspectorParameterCompletion(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	const task = "DynamoDB PutItem"
	b.searchAndDrop("put item dynamo", "dynamodb:putItem", "Validate order", "Route by total")
	b.waitState(task, true)
	b.waitFor("the inspector to show the new Task", `document.querySelector('`+insp+` [data-field="Name"]')?.value === `+jsString(task))
	b.inspTab("io")
	sug := insp + ` [data-suggest]`
	b.waitForShowing("the parameter suggestions", `!!document.querySelector('`+sug+` [data-member="ReturnValues"]')`, `document.querySelector('`+insp+`').innerText`)
	for _, m := range []string{"TableName", "Item"} {
		got := eval[string](b, `(() => { const e = document.querySelector('`+sug+` [data-member="`+m+`"]'); return e.dataset.required + ' ' + e.dataset.present + ' ' + e.textContent })()`)
		if got != "true true "+m+" *" {
			t.Errorf("%s suggestion: required, present, text = %q", m, got)
		}
	}
	if got := eval[string](b, `document.querySelector('`+sug+` [data-member="ReturnValues"]').dataset.required`); got != "false" {
		t.Errorf("ReturnValues is marked required=%s", got)
	}
	opts := eval[[]string](b, `[...document.querySelectorAll('`+sug+` datalist option')].map(o => o.value)`)
	for _, m := range []string{"TableName", "Item", "ReturnValues", "ConditionExpression"} {
		if !slices.Contains(opts, m) {
			t.Errorf("the completion list lacks %s: %v", m, opts)
		}
	}

	// Pick ReturnValues: it is added with one of its values, and the
	// other values are proposed.
	b.click("add ReturnValues", sug+` [data-member="ReturnValues"]`)
	params := func(r *asl.Value) *asl.Value { return stateOf(r, task).Get("Parameters") }
	root := b.waitCode("ReturnValues in Parameters", func(r *asl.Value) bool { return params(r).Has("ReturnValues") })
	first, _ := params(root).Get("ReturnValues").StringValue()
	b.waitFor("the values of ReturnValues", `!!document.querySelector('`+sug+` [data-enum="ReturnValues"]')`)
	values := eval[[]string](b, `[...document.querySelectorAll('`+sug+` [data-enum="ReturnValues"] option')].map(o => o.value)`)
	for _, v := range []string{"NONE", "ALL_OLD", "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW"} {
		if !slices.Contains(values, v) {
			t.Errorf("the values of ReturnValues lack %s: %v", v, values)
		}
	}
	if !slices.Contains(values, first) {
		t.Errorf("ReturnValues was added as %q, not one of its values %v", first, values)
	}
	b.choose(sug+` [data-enum="ReturnValues"]`, "ALL_OLD")
	b.waitCode("ReturnValues ALL_OLD", func(r *asl.Value) bool { s, _ := params(r).Get("ReturnValues").StringValue(); return s == "ALL_OLD" })
	b.inspectorShot("inspector-parameter-completion", insp+` [role="tablist"]`)

	// By keyboard: type part of a name and press Enter.
	b.do("type into the parameter box",
		chromedp.Focus(chromedp.CSS(sug+` input[aria-label="Find a parameter"]`)),
		chromedp.KeyEvent("conditionexp"),
	)
	b.waitFor("the filtered suggestions", `document.querySelector('`+sug+` [data-member]')?.dataset.member === "ConditionExpression"`)
	b.do("press Enter", chromedp.KeyEvent(kb.Enter))
	root = b.waitCode("ConditionExpression in Parameters", func(r *asl.Value) bool { return params(r).Has("ConditionExpression") })
	for _, k := range []string{"TableName", "Item", "ReturnValues"} {
		if !params(root).Has(k) {
			t.Errorf("Parameters lost %s", k)
		}
	}
}

func TestInspectorJSONataStates(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.openExample("jsonata-variables")
	const choice = "Large invoice?"
	b.waitState(choice, true)
	b.inspect(choice)
	rule := insp + ` [data-rule="/Choices/0"]`
	if eval[bool](b, `!!document.querySelector('`+rule+` [data-field="Variable"]')`) {
		t.Error("a JSONata rule offers a Variable")
	}
	cond := func(r *asl.Value, i int) string {
		cs := items(stateOf(r, choice).Get("Choices"))
		if len(cs) <= i {
			return ""
		}
		return string(asl.AppendCompactJSON(nil, cs[i].Get("Condition")))
	}
	// An expression typed without {% %} is wrapped in them.
	b.typeInto(rule+` [data-field="Condition"]`, "$states.input.total >= 500")
	b.waitCode("the new Condition", func(r *asl.Value) bool { return cond(r, 0) == `"{% $states.input.total >= 500 %}"` })
	b.click("add a rule", insp+` button[aria-label="Add a rule"]`)
	root := b.waitCode("a second rule", func(r *asl.Value) bool { return cond(r, 1) != "" })
	if r := items(stateOf(root, choice).Get("Choices"))[1]; r.Has("Variable") {
		t.Errorf("the new JSONata rule has a Variable: %s", asl.AppendCompactJSON(nil, r))
	}

	// A JSONata Task: Arguments and Output, no Parameters; a catcher
	// without ResultPath.
	const task = "Look up tax rate"
	b.inspect(task)
	b.inspTab("io")
	for sel, want := range map[string]bool{`textarea[data-field="Arguments"]`: true, `textarea[data-field="Output"]`: true, `textarea[data-field="Parameters"]`: false, `[data-field="InputPath"]`: false} {
		if got := eval[bool](b, `!!document.querySelector('`+insp+` `+sel+`')`); got != want {
			t.Errorf("%s shown: %v, want %v", sel, got, want)
		}
	}
	b.inspTab("errors")
	before := items(stateOf(b.model(), task).Get("Catch"))
	if len(before) != 1 || !slices.Equal(errNames(before[0]), []string{"States.ALL"}) {
		t.Fatalf("the example's task should have one catcher of States.ALL, it has %s", asl.AppendCompactJSON(nil, stateOf(b.model(), task).Get("Catch")))
	}
	b.click("add a catcher", insp+` button[aria-label="Add a catcher"]`)
	root = b.waitCode("a second catcher", func(r *asl.Value) bool { return len(items(stateOf(r, task).Get("Catch"))) == 2 })
	cs := items(stateOf(root, task).Get("Catch"))
	if c := cs[0]; c.Has("ResultPath") || slices.Contains(errNames(c), "States.ALL") {
		t.Errorf("the new JSONata catcher is %s (want no ResultPath, not States.ALL)", asl.AppendCompactJSON(nil, c))
	}
	if !slices.Equal(errNames(cs[1]), []string{"States.ALL"}) {
		t.Errorf("the States.ALL catcher is no longer last: %s", asl.AppendCompactJSON(nil, stateOf(root, task).Get("Catch")))
	}
	b.typeJSON(insp+` [data-catcher="0"] textarea[data-field="Output"]`, `"{% $states.errorOutput %}"`)
	b.waitCode("the catcher's Output", func(r *asl.Value) bool {
		s, _ := items(stateOf(r, task).Get("Catch"))[0].Get("Output").StringValue()
		return s == "{% $states.errorOutput %}"
	})
	b.waitForShowing("the edited workflow to be valid", `document.querySelector('[data-validation]').dataset.validation === "valid"`,
		`document.querySelector('[data-validation]').textContent`)
}

// A Map is made distributed in the inspector: the processing mode writes
// ItemProcessor.ProcessorConfig, the distributed fields appear, and an
// ItemBatcher typed there lands in the code; a Choice rule's Comment too.
func TestInspectorDistributedMapAndRuleExtras(t *testing.T) {
	b := newBrowser(t)
	b.open("/")
	b.replaceCode(`{
  "StartAt": "Each",
  "States": {
    "Each": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}}, "Next": "Route"},
    "Route": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Done"}], "Default": "Done"},
    "Done": {"Type": "Succeed"}
  }
}`)
	b.waitState("Each", true)
	eval[bool](b, `document.querySelector('[data-state="Each"]').dispatchEvent(new PointerEvent('pointerdown', {bubbles: true})) || true`)
	b.waitFor("the inspector to show the Map", `document.querySelector('`+insp+` [data-field="Name"]')?.value === "Each"`)
	if eval[bool](b, `!!document.querySelector('`+insp+` [data-field="ItemBatcher"]')`) {
		t.Fatal("an inline Map shows ItemBatcher")
	}
	b.choose(insp+` [data-field="ProcessorMode"]`, "DISTRIBUTED/EXPRESS")
	b.waitCode("a distributed Map", func(r *asl.Value) bool {
		cfg := stateOf(r, "Each").Get("ItemProcessor").Get("ProcessorConfig")
		m, _ := cfg.Get("Mode").StringValue()
		e, _ := cfg.Get("ExecutionType").StringValue()
		return m == "DISTRIBUTED" && e == "EXPRESS"
	})
	b.typeJSON(insp+` [data-field="ItemBatcher"]`, `{"MaxItemsPerBatch": 25}`)
	b.waitCode("the ItemBatcher", func(r *asl.Value) bool {
		n := stateOf(r, "Each").Get("ItemBatcher").Get("MaxItemsPerBatch")
		return n != nil && n.Str == "25"
	})
	b.inspectorShot("inspector-distributed-map", insp+` [data-field-row="ProcessorConfig"]`)

	b.inspect("Route")
	rule := insp + ` [data-rule="/Choices/0"]`
	b.click("open the rule's extras", rule+` .rule-extras summary`)
	b.typeInto(rule+` [data-field="Comment"]`, "x is there")
	b.waitCode("the rule's comment", func(r *asl.Value) bool {
		c, _ := stateOf(r, "Route").Get("Choices").Items[0].Get("Comment").StringValue()
		return c == "x is there"
	})
	b.inspectorShot("inspector-rule-extras", rule)
}
