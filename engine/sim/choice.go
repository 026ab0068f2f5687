package sim

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/expr"
)

// runChoice runs a Choice state: the first rule that matches picks Next
// (and its Assign/Output); otherwise Default (with the state's Assign/Output).
func runChoice(r *stateRun, s *asl.ChoiceState) outcome {
	eff := r.input
	var fl *failure
	if !r.jsonata() {
		if eff, fl = r.inputPath(); fl != nil {
			return outcome{fail: fl}
		}
		r.inspect("afterInputPath", eff)
	}
	var (
		next      string
		assign    = r.base.Assign
		outputDef = r.base.Output
	)
	for _, rule := range s.Choices {
		ok, fl := r.evalRule(rule, eff)
		if fl != nil {
			return outcome{fail: fl}
		}
		if ok {
			next, assign, outputDef = rule.Next, rule.Assign, rule.Output
			break
		}
	}
	if next == "" {
		if s.Default == "" {
			return outcome{fail: newFailure(ErrNoChoiceMatched, "No Matches!")}
		}
		next = s.Default
	}
	o := outcome{next: next}
	if r.jsonata() {
		env := r.jenv()
		a, fl := r.assign(assign, env)
		if fl != nil {
			return outcome{fail: fl}
		}
		out, fl := r.jsonataOutput(outputDef, env, r.input)
		if fl != nil {
			return outcome{fail: fl}
		}
		o.output, o.assign = out, a
		return o
	}
	a, fl := r.assignOn(assign, eff)
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

// evalRule evaluates one rule (or nested condition) against data.
func (r *stateRun) evalRule(rule *asl.ChoiceRule, data any) (bool, *failure) {
	if rule.Condition != nil {
		var v any
		if rule.Condition.Kind == asl.String {
			var fl *failure
			if v, fl = r.jsonataValue("Condition", rule.Condition, r.jenv()); fl != nil {
				return false, fl
			}
		} else {
			v = r.constant(rule.Condition)
		}
		b, ok := v.(bool)
		if !ok {
			return false, r.fail(&expr.Error{Name: ErrQueryEvaluation, Cause: "The JSONata expression '" + strings.TrimSpace(rule.Condition.Str) + "' specified for the field 'Condition' returned an unexpected data type: " + expr.TypeName(v) + ", expected boolean."}, "Condition")
		}
		return b, nil
	}
	switch {
	case rule.And != nil:
		for _, c := range rule.And {
			ok, fl := r.evalRule(c, data)
			if fl != nil || !ok {
				return false, fl
			}
		}
		return true, nil
	case rule.Or != nil:
		for _, c := range rule.Or {
			ok, fl := r.evalRule(c, data)
			if fl != nil || ok {
				return ok, fl
			}
		}
		return false, nil
	case rule.Not != nil:
		ok, fl := r.evalRule(rule.Not, data)
		return !ok, fl
	}
	return r.compare(rule, data)
}

// compare evaluates a Variable + comparison operator rule.
func (r *stateRun) compare(rule *asl.ChoiceRule, data any) (bool, *failure) {
	env := r.env(data)
	v, err := expr.Select(rule.Variable, env)
	present := err == nil
	op := rule.Operator
	if op == "IsPresent" {
		want, _ := r.constant(rule.Operand).(bool)
		return present == want, nil
	}
	if !present {
		return false, r.fail(err, "Variable")
	}
	var operand any
	if asl.IsPathOperator(op) {
		p, _ := rule.Operand.StringValue()
		operand, err = expr.Select(p, env)
		if err != nil {
			return false, r.fail(err, op)
		}
		op = strings.TrimSuffix(op, "Path")
	} else if rule.Operand != nil {
		operand = r.constant(rule.Operand)
	}
	return compareValues(op, v, operand), nil
}

// compareValues applies a comparison operator (without the Path suffix).
// A value of the wrong type never matches.
func compareValues(op string, v, operand any) bool {
	switch op {
	case "IsNull":
		want, _ := operand.(bool)
		return (v == nil) == want
	case "IsNumeric":
		want, _ := operand.(bool)
		_, ok := number(v)
		return ok == want
	case "IsString":
		want, _ := operand.(bool)
		_, ok := v.(string)
		return ok == want
	case "IsBoolean":
		want, _ := operand.(bool)
		_, ok := v.(bool)
		return ok == want
	case "IsTimestamp":
		want, _ := operand.(bool)
		s, ok := v.(string)
		if ok {
			_, ok = parseTimestamp(s)
		}
		return ok == want
	case "BooleanEquals":
		a, ok1 := v.(bool)
		b, ok2 := operand.(bool)
		return ok1 && ok2 && a == b
	case "StringMatches":
		a, ok1 := v.(string)
		b, ok2 := operand.(string)
		return ok1 && ok2 && wildcardMatch(b, a)
	}
	switch {
	case strings.HasPrefix(op, "String"):
		a, ok1 := v.(string)
		b, ok2 := operand.(string)
		if !ok1 || !ok2 {
			return false
		}
		return ordered(strings.TrimPrefix(op, "String"), strings.Compare(a, b))
	case strings.HasPrefix(op, "Numeric"):
		a, ok1 := number(v)
		b, ok2 := number(operand)
		if !ok1 || !ok2 {
			return false
		}
		c := 0
		if a < b {
			c = -1
		} else if a > b {
			c = 1
		}
		return ordered(strings.TrimPrefix(op, "Numeric"), c)
	case strings.HasPrefix(op, "Timestamp"):
		as, ok1 := v.(string)
		bs, ok2 := operand.(string)
		if !ok1 || !ok2 {
			return false
		}
		a, ok1 := parseTimestamp(as)
		b, ok2 := parseTimestamp(bs)
		if !ok1 || !ok2 {
			return false
		}
		return ordered(strings.TrimPrefix(op, "Timestamp"), a.Compare(b))
	}
	return false
}

func ordered(rel string, c int) bool {
	switch rel {
	case "Equals":
		return c == 0
	case "LessThan":
		return c < 0
	case "GreaterThan":
		return c > 0
	case "LessThanEquals":
		return c <= 0
	case "GreaterThanEquals":
		return c >= 0
	}
	return false
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		return n, true
	case int:
		return float64(n), true
	}
	return 0, false
}

// wildcardMatch matches s against a StringMatches pattern: * matches any
// run of characters; \* and \\ are a literal star and backslash.
func wildcardMatch(pattern, s string) bool {
	type tok struct {
		star bool
		c    byte
	}
	var toks []tok
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		if c == '\\' && i+1 < len(pattern) {
			i++
			toks = append(toks, tok{c: pattern[i]})
			continue
		}
		toks = append(toks, tok{star: c == '*', c: c})
	}
	// Iterative matching with backtracking on the last star.
	pi, si, starP, starS := 0, 0, -1, 0
	for si < len(s) {
		switch {
		case pi < len(toks) && !toks[pi].star && toks[pi].c == s[si]:
			pi++
			si++
		case pi < len(toks) && toks[pi].star:
			starP, starS = pi, si
			pi++
		case starP >= 0:
			starS++
			si = starS
			pi = starP + 1
		default:
			return false
		}
	}
	for pi < len(toks) && toks[pi].star {
		pi++
	}
	return pi == len(toks)
}
