package web

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// This file holds the edits the inspector makes inside a state's object:
// Choice rules, Retry and Catch entries, JSON fields. They work on the
// state's *asl.Value (a copy the studio commits through change), so they
// are tested without a browser.

// Kinds of Choice rule the builder offers.
const (
	ruleCompare   = "compare"
	ruleAnd       = "And"
	ruleOr        = "Or"
	ruleNot       = "Not"
	ruleCondition = "Condition"
)

// ruleKindOf tells what a rule object is.
func ruleKindOf(r *asl.Value) string {
	switch {
	case r.Has("Condition"):
		return ruleCondition
	case r.Has("And"):
		return ruleAnd
	case r.Has("Or"):
		return ruleOr
	case r.Has("Not"):
		return ruleNot
	}
	return ruleCompare
}

// ruleComparison returns a rule's comparison operator and operand (the
// first in source order), or "" and nil.
func ruleComparison(r *asl.Value) (string, *asl.Value) {
	if r == nil {
		return "", nil
	}
	for _, f := range r.Fields {
		if asl.IsComparisonOperator(f.Key) {
			return f.Key, f.Value
		}
	}
	return "", nil
}

// operandKind is the JSON type an operator's operand has: "path" for the
// …Path forms, "number", "boolean", "timestamp" or "string".
func operandKind(op string) string {
	switch {
	case asl.IsPathOperator(op):
		return "path"
	case asl.IsTypeTest(op), op == "BooleanEquals":
		return "boolean"
	case strings.HasPrefix(op, "Numeric"):
		return "number"
	case strings.HasPrefix(op, "Timestamp"):
		return "timestamp"
	}
	return "string"
}

// parseOperand turns what was typed for op's operand into a value of the
// right JSON type: a number for Numeric*, a boolean for BooleanEquals and
// the Is* tests, a reference path for the …Path forms, else a string.
func parseOperand(op, text string) (*asl.Value, error) {
	switch operandKind(op) {
	case "boolean":
		switch strings.TrimSpace(strings.ToLower(text)) {
		case "true", "":
			return asl.NewBool(true), nil
		case "false":
			return asl.NewBool(false), nil
		}
		return nil, fmt.Errorf("%s takes true or false, not %q", op, text)
	case "number":
		t := strings.TrimSpace(text)
		if !isJSONNumber(t) {
			return nil, fmt.Errorf("%s takes a number, not %q", op, text)
		}
		return asl.NewNumber(normalizeNumber(t)), nil
	case "path":
		t := strings.TrimSpace(text)
		if !strings.HasPrefix(t, "$") {
			return nil, fmt.Errorf("%s takes a path starting with $ (e.g. $.limit), not %q", op, text)
		}
		return asl.NewString(t), nil
	}
	return asl.NewString(text), nil
}

// isJSONNumber reports whether t is a number as JSON writes it (leading
// zeros aside, which normalizeNumber drops).
func isJSONNumber(t string) bool {
	if _, err := strconv.ParseFloat(t, 64); err != nil || t == "" {
		return false
	}
	for i, c := range t {
		switch {
		case c >= '0' && c <= '9', c == '.', c == 'e', c == 'E':
		case c == '-' && (i == 0 || t[i-1] == 'e' || t[i-1] == 'E'):
		case c == '+' && i > 0 && (t[i-1] == 'e' || t[i-1] == 'E'):
		default:
			return false
		}
	}
	return t[0] != '.' && t[len(t)-1] != 'e' && t[len(t)-1] != 'E'
}

// normalizeNumber writes a typed number as JSON does (no leading zeros).
func normalizeNumber(t string) string {
	neg := strings.HasPrefix(t, "-")
	body := strings.TrimPrefix(t, "-")
	for len(body) > 1 && body[0] == '0' && body[1] != '.' && body[1] != 'e' && body[1] != 'E' {
		body = body[1:]
	}
	if strings.HasSuffix(body, ".") {
		body += "0"
	}
	if neg {
		return "-" + body
	}
	return body
}

// operandText is an operand as the builder's value box shows it.
func operandText(v *asl.Value) string {
	if v == nil {
		return ""
	}
	switch v.Kind {
	case asl.String, asl.Number:
		return v.Str
	case asl.Bool:
		return strconv.FormatBool(v.Bool)
	}
	return string(asl.AppendCompactJSON(nil, v))
}

// convertOperand keeps what a rule compared with when its operator
// changes, when the old value makes sense for the new operator; else it
// gives the new operator's default.
func convertOperand(old *asl.Value, op string) *asl.Value {
	if old != nil {
		if v, err := parseOperand(op, operandText(old)); err == nil && !(operandKind(op) == "boolean" && old.Kind != asl.Bool) {
			return v
		}
	}
	switch operandKind(op) {
	case "boolean":
		return asl.NewBool(true)
	case "number":
		return asl.NewNumber("0")
	case "path":
		return asl.NewString("$.other")
	case "timestamp":
		return asl.NewString("2024-01-01T00:00:00Z")
	}
	return asl.NewString("")
}

// ruleKeyOrder is where the builder puts a rule's keys: the condition
// first, then Next and the rest as they were.
func isRuleConditionKey(k string) bool {
	switch k {
	case "Variable", "And", "Or", "Not", "Condition":
		return true
	}
	return asl.IsComparisonOperator(k)
}

// setRuleCondition replaces a rule's condition (Variable and comparison,
// And, Or, Not or Condition) by fields, keeping Next, Comment, Assign and
// Output after it.
func setRuleCondition(r *asl.Value, fields ...*asl.Field) {
	var rest []*asl.Field
	for _, f := range r.Fields {
		if !isRuleConditionKey(f.Key) {
			rest = append(rest, f)
		}
	}
	r.Fields = append(append([]*asl.Field{}, fields...), rest...)
}

// setRuleOperator makes r compare with op, keeping its Variable and, when
// it fits, its value.
func setRuleOperator(r *asl.Value, op string) error {
	if !asl.IsComparisonOperator(op) {
		return fmt.Errorf("%q is not a Choice comparison operator", op)
	}
	variable := r.Get("Variable")
	if variable == nil {
		variable = asl.NewString("$.value")
	}
	_, old := ruleComparison(r)
	setRuleCondition(r, &asl.Field{Key: "Variable", Value: variable}, &asl.Field{Key: op, Value: convertOperand(old, op)})
	return nil
}

// setRuleOperand sets the value r's operator compares with, typed as the
// operator wants it.
func setRuleOperand(r *asl.Value, text string) error {
	op, _ := ruleComparison(r)
	if op == "" {
		return fmt.Errorf("the rule has no comparison operator")
	}
	v, err := parseOperand(op, text)
	if err != nil {
		return err
	}
	r.Set(op, v)
	return nil
}

// setRuleVariable sets the path a rule compares.
func setRuleVariable(r *asl.Value, path string) error {
	path = strings.TrimSpace(path)
	if !strings.HasPrefix(path, "$") {
		return fmt.Errorf("Variable is a path starting with $ (e.g. $.total), not %q", path)
	}
	if r.Has("Variable") {
		r.Set("Variable", asl.NewString(path))
		return nil
	}
	op, val := ruleComparison(r)
	if op == "" {
		op, val = "IsPresent", asl.NewBool(true)
	}
	setRuleCondition(r, &asl.Field{Key: "Variable", Value: asl.NewString(path)}, &asl.Field{Key: op, Value: val})
	return nil
}

// newComparison is the condition a new rule or a new nested condition
// starts with.
func newComparison() *asl.Value {
	c := asl.NewObject()
	c.Set("Variable", asl.NewString("$.value"))
	c.Set("IsPresent", asl.NewBool(true))
	return c
}

// conditionOf copies a rule's condition fields into a fresh object (a
// nested rule has no Next).
func conditionOf(r *asl.Value) *asl.Value {
	c := asl.NewObject()
	for _, f := range r.Fields {
		if isRuleConditionKey(f.Key) {
			c.Fields = append(c.Fields, &asl.Field{Key: f.Key, Value: f.Value})
		}
	}
	if len(c.Fields) == 0 {
		return newComparison()
	}
	return c
}

// setRuleKind turns r into a comparison, an And, an Or, a Not or a JSONata
// Condition, carrying its condition over where it can: a comparison
// becomes the first operand of And/Or or the operand of Not, and back.
func setRuleKind(r *asl.Value, kind string) error {
	if ruleKindOf(r) == kind {
		return nil
	}
	cur := conditionOf(r)
	switch kind {
	case ruleAnd, ruleOr:
		var items []*asl.Value
		switch ruleKindOf(r) {
		case ruleAnd, ruleOr:
			items = append(items, r.Get(ruleKindOf(r)).Items...)
		case ruleNot:
			items = append(items, cur)
		case ruleCondition:
			items = append(items, newComparison())
		default:
			items = append(items, cur)
		}
		if len(items) < 2 {
			items = append(items, newComparison())
		}
		setRuleCondition(r, &asl.Field{Key: kind, Value: asl.NewArray(items...)})
	case ruleNot:
		inner := cur
		if ruleKindOf(r) == ruleCondition {
			inner = newComparison()
		}
		setRuleCondition(r, &asl.Field{Key: ruleNot, Value: inner})
	case ruleCompare:
		var from *asl.Value
		switch ruleKindOf(r) {
		case ruleAnd, ruleOr:
			if it := r.Get(ruleKindOf(r)).Items; len(it) > 0 && ruleKindOf(it[0]) == ruleCompare {
				from = it[0]
			}
		case ruleNot:
			if n := r.Get("Not"); ruleKindOf(n) == ruleCompare {
				from = n
			}
		}
		if from == nil {
			from = newComparison()
		}
		setRuleCondition(r, conditionOf(from).Fields...)
	case ruleCondition:
		setRuleCondition(r, &asl.Field{Key: "Condition", Value: asl.NewString("{% true %}")})
	default:
		return fmt.Errorf("unknown kind of rule %q", kind)
	}
	return nil
}

// setRuleJSONata sets a JSONata rule's Condition: an expression is wrapped
// in {% %} when typed without; true and false stay booleans.
func setRuleJSONata(r *asl.Value, text string) error {
	t := strings.TrimSpace(text)
	var v *asl.Value
	switch {
	case t == "true" || t == "false":
		v = asl.NewBool(t == "true")
	case t == "":
		return fmt.Errorf("Condition is empty: write a JSONata expression, e.g. {%% $states.input.total > 100 %%}")
	case strings.HasPrefix(t, "{%") && strings.HasSuffix(t, "%}"):
		v = asl.NewString(t)
	default:
		v = asl.NewString("{% " + t + " %}")
	}
	setRuleCondition(r, &asl.Field{Key: "Condition", Value: v})
	return nil
}

// arrayAt returns the array at the relative pointer ptr inside st.
func arrayAt(st *asl.Value, ptr string) (*asl.Value, error) {
	a := asl.Lookup(st, ptr)
	if a == nil || a.Kind != asl.Array {
		return nil, fmt.Errorf("no list at %s", ptr)
	}
	return a, nil
}

// moveItem moves element i of the array at ptr by delta places.
func moveItem(st *asl.Value, ptr string, i, delta int) error {
	a, err := arrayAt(st, ptr)
	if err != nil {
		return err
	}
	j := i + delta
	if i < 0 || i >= len(a.Items) || j < 0 || j >= len(a.Items) {
		return fmt.Errorf("cannot move entry %d of %s there", i+1, ptr)
	}
	a.Items[i], a.Items[j] = a.Items[j], a.Items[i]
	return nil
}

// removeItem removes element i of the array at ptr; the field goes when
// its array empties and dropEmpty is set (Retry, Catch).
func removeItem(st *asl.Value, ptr string, i int, dropEmpty bool) error {
	a, err := arrayAt(st, ptr)
	if err != nil {
		return err
	}
	if i < 0 || i >= len(a.Items) {
		return fmt.Errorf("no entry %d in %s", i+1, ptr)
	}
	a.Items = append(a.Items[:i:i], a.Items[i+1:]...)
	if len(a.Items) == 0 && dropEmpty && strings.Count(ptr, "/") == 1 {
		st.Delete(ptr[1:])
	}
	return nil
}

// appendItem appends v to the array at field key of st, creating it.
func appendItem(st *asl.Value, key string, v *asl.Value) {
	a := st.Get(key)
	if a == nil || a.Kind != asl.Array {
		st.Set(key, asl.NewArray(v))
		return
	}
	a.Items = append(a.Items, v)
}

// addErrorEntry adds a Retry or Catch entry: before the last one when that
// one catches States.ALL (which must stay last), else at the end. It
// returns the new entry's index.
func addErrorEntry(st *asl.Value, key string, v *asl.Value) int {
	a := st.Get(key)
	if a == nil || a.Kind != asl.Array || len(a.Items) == 0 {
		appendItem(st, key, v)
		return len(st.Get(key).Items) - 1
	}
	last := len(a.Items) - 1
	for _, n := range errorNames(a.Items[last]) {
		if n == "States.ALL" {
			a.Items = append(a.Items[:last:last], v, a.Items[last])
			return last
		}
	}
	a.Items = append(a.Items, v)
	return len(a.Items) - 1
}

// addChoiceRule appends a rule going to next to a Choice state.
func addChoiceRule(st *asl.Value, next string, jsonata bool) {
	r := asl.NewObject()
	if jsonata {
		r.Set("Condition", asl.NewString("{% true %}"))
	} else {
		r.Fields = newComparison().Fields
	}
	r.Set("Next", asl.NewString(next))
	appendItem(st, "Choices", r)
}

// addNestedCondition appends a comparison to the And/Or rule at ptr.
func addNestedCondition(st *asl.Value, ptr string) error {
	r := asl.Lookup(st, ptr)
	if r == nil {
		return fmt.Errorf("no rule at %s", ptr)
	}
	kind := ruleKindOf(r)
	if kind != ruleAnd && kind != ruleOr {
		return fmt.Errorf("the rule at %s is not And or Or", ptr)
	}
	appendItem(r, kind, newComparison())
	return nil
}

// stateErrorNames are the errors Step Functions itself raises, as a Retry
// or Catch proposes them.
var stateErrorNames = []string{
	"States.ALL", "States.TaskFailed", "States.Timeout", "States.HeartbeatTimeout",
	"States.Permissions", "States.Runtime", "States.DataLimitExceeded",
	"States.ResultPathMatchFailure", "States.ParameterPathFailure", "States.QueryEvaluationError",
	"States.BranchFailed", "States.NoChoiceMatched", "States.IntrinsicFailure",
	"States.ExceedToleratedFailureThreshold", "States.ItemReaderFailed", "States.ResultWriterFailed",
}

// newRetrier is the Retry entry the inspector adds: every error the first
// time, then task failures (States.ALL must stay last).
func newRetrier(st *asl.Value) *asl.Value {
	r := asl.NewObject()
	errName := "States.ALL"
	if a := st.Get("Retry"); a != nil && len(a.Items) > 0 {
		errName = "States.TaskFailed"
	}
	r.Set("ErrorEquals", asl.NewArray(asl.NewString(errName)))
	r.Set("IntervalSeconds", asl.NewNumber("1"))
	r.Set("MaxAttempts", asl.NewNumber("3"))
	r.Set("BackoffRate", asl.NewNumber("2"))
	return r
}

// newCatcher is the Catch entry the inspector adds, going to next.
func newCatcher(st *asl.Value, next string, jsonata bool) *asl.Value {
	c := asl.NewObject()
	errName := "States.ALL"
	if a := st.Get("Catch"); a != nil && len(a.Items) > 0 {
		errName = "States.TaskFailed"
	}
	c.Set("ErrorEquals", asl.NewArray(asl.NewString(errName)))
	c.Set("Next", asl.NewString(next))
	if !jsonata {
		c.Set("ResultPath", asl.NewString("$.error"))
	}
	return c
}

// setErrorEquals sets the error names of a Retry or Catch entry; names
// are trimmed, empty and repeated ones dropped.
func setErrorEquals(entry *asl.Value, names []string) error {
	var items []*asl.Value
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		items = append(items, asl.NewString(n))
	}
	if len(items) == 0 {
		return fmt.Errorf("ErrorEquals needs at least one error name (e.g. States.ALL)")
	}
	entry.Set("ErrorEquals", asl.NewArray(items...))
	return nil
}

// errorNames lists an entry's ErrorEquals.
func errorNames(entry *asl.Value) []string {
	var out []string
	if a := entry.Get("ErrorEquals"); a != nil {
		for _, it := range a.Items {
			if s, ok := it.StringValue(); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// setNumberField sets (text "" removes) a numeric field of obj; integer
// fields refuse fractions, and every one refuses what is not a number.
func setNumberField(obj *asl.Value, key, text string, integer bool) error {
	t := strings.TrimSpace(text)
	if t == "" {
		obj.Delete(key)
		return nil
	}
	if !isJSONNumber(t) {
		return fmt.Errorf("%s takes a number, not %q", key, text)
	}
	f, _ := strconv.ParseFloat(t, 64)
	if integer && f != float64(int64(f)) {
		return fmt.Errorf("%s takes a whole number, not %s", key, t)
	}
	obj.Set(key, asl.NewNumber(normalizeNumber(t)))
	return nil
}

// setPathField sets a path field (InputPath, ResultPath, …): "" removes
// it, "null" makes it JSON null (discard), else it must start with $.
func setPathField(obj *asl.Value, key, text string) error {
	t := strings.TrimSpace(text)
	switch {
	case t == "":
		obj.Delete(key)
	case t == "null":
		obj.Set(key, asl.NewNull())
	case strings.HasPrefix(t, "$"):
		obj.Set(key, asl.NewString(t))
	default:
		return fmt.Errorf("%s is a path starting with $ (or null), not %q", key, t)
	}
	return nil
}

// jsonFieldKinds says which JSON types a JSON field of the inspector takes.
func jsonFieldKinds(key string) string {
	switch key {
	case "Parameters", "ResultSelector", "ItemSelector", "Assign":
		return "object"
	case "Arguments":
		return "object or JSONata string"
	}
	return "any"
}

// parseJSONField parses the text typed into a JSON field; "" removes the
// field (nil, nil). The error says what and where.
func parseJSONField(key, text string) (*asl.Value, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	v, err := asl.ParseJSON([]byte(text))
	if err != nil {
		return nil, fmt.Errorf("%s is not valid JSON: %v", key, err)
	}
	switch jsonFieldKinds(key) {
	case "object":
		if v.Kind != asl.Object {
			return nil, fmt.Errorf("%s must be a JSON object ({…}), not a %s", key, v.Kind)
		}
	case "object or JSONata string":
		if v.Kind != asl.Object && v.Kind != asl.String {
			return nil, fmt.Errorf("%s must be a JSON object or a JSONata string \"{%% … %%}\", not a %s", key, v.Kind)
		}
	}
	return v, nil
}

// fieldJSON prints a field's value as the JSON editor shows it.
func fieldJSON(v *asl.Value) string {
	if v == nil {
		return ""
	}
	return strings.TrimRight(string(asl.PrintJSON(v)), "\n")
}
