package validate

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// choice checks a Choice state: its rules and their targets.
func (c *checker) choice(sc *scope, st *stateInfo) {
	o := st.o
	f, ptr := o.field("Choices")
	if f == nil {
		c.errorf(st.keyPos, o.ptr, "These fields are required: [Choices]")
	} else if c.wantKind(f, ptr, asl.Array) {
		if len(f.Value.Items) == 0 {
			c.errorf(f.Value.Pos, ptr, "The field 'Choices' must have at least one rule")
		}
		for i, it := range f.Value.Items {
			iptr := ptr + "/" + itoa(i)
			if it.Kind != asl.Object {
				c.errorf(it.Pos, iptr, "Each choice rule must be an object, not %s", kindName(it.Kind))
				continue
			}
			r := obj{v: it, ptr: iptr}
			c.duplicateKeys(r)
			if nf, nptr := r.field("Next"); nf == nil {
				c.errorf(it.Pos, iptr, "These fields are required: [Next]")
			} else if s, ok := c.wantString(nf, nptr); ok {
				c.addTarget(sc, st, s, "Next", nptr, nf.Value.Pos)
			}
			if st.ql == asl.JSONata {
				c.jsonataRule(st, r)
			} else {
				c.rule(st, r, true)
			}
		}
	}
	if df, dptr := o.field("Default"); df != nil {
		if s, ok := c.wantString(df, dptr); ok {
			c.addTarget(sc, st, s, "Default", dptr, df.Value.Pos)
		}
	}
}

// jsonataRule checks a rule of a JSONata Choice: a Condition.
func (c *checker) jsonataRule(st *stateInfo, r obj) {
	for _, f := range r.v.Fields {
		fptr := r.ptr + "/" + escapePointer(f.Key)
		switch f.Key {
		case "Condition", "Next", "Comment":
		case "Assign":
			c.assign(st, f, fptr)
		case "Output":
			c.jsonataValue(f.Value, fptr, "Output")
		default:
			if f.Key == "And" || f.Key == "Or" || f.Key == "Not" || f.Key == "Variable" || asl.IsComparisonOperator(f.Key) {
				c.errorf(fieldPos(f), fptr, "The QueryLanguage is set to 'JSONata', but field '%s' is only supported for the 'JSONPath' QueryLanguage", f.Key)
			} else {
				c.errorf(fieldPos(f), fptr, "Field '%s' is not supported", f.Key)
			}
		}
	}
	f, ptr := r.field("Condition")
	if f == nil {
		c.errorf(r.v.Pos, r.ptr, "These fields are required: [Condition]")
		return
	}
	switch {
	case f.Value.Kind == asl.Bool || c.isPlaceholder(f.Value):
	case f.Value.Kind == asl.String && c.jsonataString(f.Value, ptr, "Condition"):
	default:
		c.errorf(f.Value.Pos, ptr, "The value for the field 'Condition' must be a JSONata expression or a boolean")
	}
}

// rule checks a JSONPath choice rule; top rules carry Next (and may carry
// Assign), nested ones (inside And, Or, Not) do not.
func (c *checker) rule(st *stateInfo, r obj, top bool) {
	var ops []*asl.Field
	var variable *asl.Field
	for _, f := range r.v.Fields {
		fptr := r.ptr + "/" + escapePointer(f.Key)
		switch {
		case f.Key == "Comment":
			c.wantKind(f, fptr, asl.String)
		case top && f.Key == "Next":
		case top && f.Key == "Assign":
			c.assign(st, f, fptr)
		case f.Key == "Variable":
			variable = f
		case f.Key == "And" || f.Key == "Or" || f.Key == "Not" || asl.IsComparisonOperator(f.Key):
			ops = append(ops, f)
		case f.Key == "Condition" || f.Key == "Output":
			c.errorf(fieldPos(f), fptr, "The QueryLanguage is set to 'JSONPath', but field '%s' is only supported for the 'JSONata' QueryLanguage", f.Key)
		default:
			c.errorf(fieldPos(f), fptr, "Field '%s' is not supported", f.Key)
		}
	}
	if len(ops) != 1 {
		if len(ops) == 0 {
			c.errorf(r.v.Pos, r.ptr, "A choice rule must have one of 'And', 'Or', 'Not', or 'Variable' with a comparison operator")
		} else {
			c.errorf(fieldPos(ops[1]), r.ptr+"/"+escapePointer(ops[1].Key), "A choice rule must have exactly one operator, not both '%s' and '%s'", ops[0].Key, ops[1].Key)
		}
		return
	}
	op := ops[0]
	optr := r.ptr + "/" + escapePointer(op.Key)
	switch op.Key {
	case "And", "Or":
		if variable != nil {
			c.errorf(fieldPos(variable), r.ptr+"/Variable", "Field 'Variable' is not supported together with '%s'", op.Key)
		}
		if !c.wantKind(op, optr, asl.Array) {
			return
		}
		if len(op.Value.Items) == 0 {
			c.errorf(op.Value.Pos, optr, "The field '%s' must have at least one rule", op.Key)
		}
		for i, it := range op.Value.Items {
			iptr := optr + "/" + itoa(i)
			if it.Kind != asl.Object {
				c.errorf(it.Pos, iptr, "Each rule of '%s' must be an object, not %s", op.Key, kindName(it.Kind))
				continue
			}
			c.rule(st, obj{v: it, ptr: iptr}, false)
		}
	case "Not":
		if variable != nil {
			c.errorf(fieldPos(variable), r.ptr+"/Variable", "Field 'Variable' is not supported together with 'Not'")
		}
		if c.wantKind(op, optr, asl.Object) {
			c.rule(st, obj{v: op.Value, ptr: optr}, false)
		}
	default:
		if variable == nil {
			c.errorf(r.v.Pos, r.ptr, "These fields are required: [Variable]")
		} else if !c.isPlaceholder(variable.Value) {
			c.pathField(variable, r.ptr+"/Variable", refPath, false)
		}
		c.operand(op, optr)
	}
}

// operand checks the value of a comparison operator.
func (c *checker) operand(f *asl.Field, ptr string) {
	op := f.Key
	v := f.Value
	if c.isPlaceholder(v) {
		return
	}
	switch {
	case asl.IsTypeTest(op):
		c.wantKind(f, ptr, asl.Bool)
	case asl.IsPathOperator(op):
		if s, ok := c.wantString(f, ptr); ok {
			c.pathString(op, s, v.Pos, ptr, refPath)
		}
	case strings.HasPrefix(op, "String"):
		c.wantKind(f, ptr, asl.String)
	case strings.HasPrefix(op, "Numeric"):
		c.wantKind(f, ptr, asl.Number)
	case strings.HasPrefix(op, "Boolean"):
		c.wantKind(f, ptr, asl.Bool)
	case strings.HasPrefix(op, "Timestamp"):
		if s, ok := c.wantString(f, ptr); ok && !validTimestamp(s) {
			c.errorf(v.Pos, ptr, "The value for the field '%s' must be an ISO-8601 extended offset date-time, not '%s'", op, s)
		}
	}
}
