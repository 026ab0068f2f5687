package asl

import "strings"

// ComparisonOperators lists every Choice rule comparison field of the
// JSONPath query language, in the order AWS documents them: the
// String/Numeric/Boolean/Timestamp comparisons, each with its *Path variant,
// then StringMatches and the Is* type tests.
var ComparisonOperators = []string{
	"StringEquals", "StringEqualsPath",
	"StringLessThan", "StringLessThanPath",
	"StringGreaterThan", "StringGreaterThanPath",
	"StringLessThanEquals", "StringLessThanEqualsPath",
	"StringGreaterThanEquals", "StringGreaterThanEqualsPath",
	"StringMatches",
	"NumericEquals", "NumericEqualsPath",
	"NumericLessThan", "NumericLessThanPath",
	"NumericGreaterThan", "NumericGreaterThanPath",
	"NumericLessThanEquals", "NumericLessThanEqualsPath",
	"NumericGreaterThanEquals", "NumericGreaterThanEqualsPath",
	"BooleanEquals", "BooleanEqualsPath",
	"TimestampEquals", "TimestampEqualsPath",
	"TimestampLessThan", "TimestampLessThanPath",
	"TimestampGreaterThan", "TimestampGreaterThanPath",
	"TimestampLessThanEquals", "TimestampLessThanEqualsPath",
	"TimestampGreaterThanEquals", "TimestampGreaterThanEqualsPath",
	"IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp",
}

var comparisonSet = func() map[string]bool {
	m := make(map[string]bool, len(ComparisonOperators))
	for _, op := range ComparisonOperators {
		m[op] = true
	}
	return m
}()

// IsComparisonOperator reports whether name is a Choice comparison field
// (e.g. "NumericLessThanPath", "IsPresent").
func IsComparisonOperator(name string) bool { return comparisonSet[name] }

// IsPathOperator reports whether a comparison operator takes a reference
// path as its operand (the *Path variants).
func IsPathOperator(op string) bool {
	return strings.HasSuffix(op, "Path") && comparisonSet[op]
}

// IsTypeTest reports whether a comparison operator is an Is* test (its
// operand is a boolean).
func IsTypeTest(op string) bool { return strings.HasPrefix(op, "Is") && comparisonSet[op] }

func decodeChoice(v *Value) *ChoiceState {
	s := &ChoiceState{}
	for _, f := range v.Fields {
		switch f.Key {
		case "Choices":
			s.Choices = decodeRules(f.Value)
		case "Default":
			s.Default = str(f.Value)
		}
	}
	return s
}

// decodeRules decodes an array of rules (Choices, And, Or); non-object
// elements are skipped.
func decodeRules(v *Value) []*ChoiceRule {
	if v == nil || v.Kind != Array {
		return nil
	}
	out := make([]*ChoiceRule, 0, len(v.Items))
	for _, it := range v.Items {
		if it.Is(Object) {
			out = append(out, decodeRule(it))
		}
	}
	return out
}

// decodeRule decodes one rule. When a rule has several comparison fields
// the first in source order becomes Operator (the validator reports the
// rest from Node).
func decodeRule(v *Value) *ChoiceRule {
	r := &ChoiceRule{Node: v}
	for _, f := range v.Fields {
		switch f.Key {
		case "Next":
			r.Next = str(f.Value)
		case "Comment":
			r.Comment = str(f.Value)
		case "Condition":
			r.Condition = f.Value
		case "Assign":
			r.Assign = f.Value
		case "Output":
			r.Output = f.Value
		case "And":
			r.And = decodeRules(f.Value)
		case "Or":
			r.Or = decodeRules(f.Value)
		case "Not":
			if f.Value.Is(Object) {
				r.Not = decodeRule(f.Value)
			}
		case "Variable":
			r.Variable = str(f.Value)
		default:
			if r.Operator == "" && comparisonSet[f.Key] {
				r.Operator = f.Key
				r.Operand = f.Value
			}
		}
	}
	return r
}
