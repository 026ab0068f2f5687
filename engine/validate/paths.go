package validate

import (
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// pathKind is the syntax a path field must follow.
type pathKind uint8

const (
	anyPath        pathKind = iota // a Path: may select several nodes ($, $$, $var)
	refPath                        // a Reference Path: a single node
	resultPath                     // a Reference Path into the state's data
	refOrIntrinsic                 // a Reference Path or an intrinsic function call (ErrorPath, CausePath)
)

// commonPaths checks InputPath, OutputPath and ResultPath of a JSONPath
// state (in JSONata states they are reported as unsupported).
func (c *checker) commonPaths(st *stateInfo) {
	if st.ql != asl.JSONPath {
		return
	}
	for _, k := range [...]string{"InputPath", "OutputPath"} {
		if f, ptr := st.o.field(k); f != nil {
			c.pathField(f, ptr, anyPath, true)
		}
	}
	if f, ptr := st.o.field("ResultPath"); f != nil {
		c.pathField(f, ptr, resultPath, true)
	}
}

// pathField checks a field whose value is a path; nullable fields accept
// JSON null.
func (c *checker) pathField(f *asl.Field, ptr string, kind pathKind, nullable bool) {
	if nullable && f.Value.Kind == asl.Null {
		return
	}
	s, ok := c.wantString(f, ptr)
	if !ok {
		return
	}
	c.pathString(f.Key, s, f.Value.Pos, ptr, kind)
}

// pathString checks s as a path of the given kind, for the field named
// field.
func (c *checker) pathString(field, s string, pos asl.Pos, ptr string, kind pathKind) {
	if c.opts.SkipPathChecks || (!c.opts.RejectPlaceholders && hasSubstitution(s)) {
		return
	}
	var err error
	what := "JSONPath"
	switch kind {
	case anyPath:
		err = c.cached('p', s, checkPath)
	case refPath:
		what = "ReferencePath"
		err = c.cached('r', s, checkRefPath)
	case resultPath:
		what = "ReferencePath"
		err = c.cached('R', s, checkResultPath)
	case refOrIntrinsic:
		what = "ReferencePath or intrinsic function"
		if strings.HasPrefix(s, "States.") {
			err = c.cached('i', s, checkIntrinsic)
		} else {
			err = c.cached('r', s, checkRefPath)
		}
	}
	if err != nil {
		c.errorf(pos, ptr, "The value for the field '%s' must be a valid %s: %v", field, what, err)
	}
}

// template checks a JSONPath payload template (Parameters, ResultSelector,
// ItemSelector, Credentials, Assign…): the value of every "key.$" must be a
// Path or an intrinsic function call.
func (c *checker) template(v *asl.Value, ptr string) {
	switch v.Kind {
	case asl.Object:
		if c.isPlaceholder(v) {
			return
		}
		c.strippedDuplicates(v, ptr)
		for _, f := range v.Fields {
			fptr := ptr + "/" + escapePointer(f.Key)
			if strings.HasSuffix(f.Key, ".$") {
				c.dynamicValue(f, fptr)
				continue
			}
			if f.Value.Kind == asl.String && looksDynamic(f.Value.Str) {
				c.warnf(CodeNoDollar, fieldPos(f), fptr, "The value of '%s' looks like a JSONPath or an intrinsic function, but the field name does not end with '.$', so it is passed on as a plain string", f.Key)
			}
			c.template(f.Value, fptr)
		}
	case asl.Array:
		for i, it := range v.Items {
			c.template(it, ptr+"/"+itoa(i))
		}
	}
}

// strippedDuplicates reports members of a payload template that collide
// once ".$" is stripped from their names ("a" and "a.$").
func (c *checker) strippedDuplicates(v *asl.Value, ptr string) {
	n := 0
	for _, f := range v.Fields {
		if strings.HasSuffix(f.Key, ".$") {
			n++
		}
	}
	if n == 0 {
		return
	}
	seen := make(map[string]bool, len(v.Fields))
	for _, f := range v.Fields {
		seen[f.Key] = true
	}
	for _, f := range v.Fields {
		if base, ok := strings.CutSuffix(f.Key, ".$"); ok && seen[base] {
			c.errorf(fieldPos(f), ptr+"/"+escapePointer(f.Key), "A duplicate field will exist after renaming to strip the \".$\" suffix from: %s", f.Key)
		}
	}
}

// dynamicValue checks the value of a "key.$" member.
func (c *checker) dynamicValue(f *asl.Field, ptr string) {
	s, ok := c.wantString(f, ptr)
	if !ok || c.opts.SkipPathChecks || (!c.opts.RejectPlaceholders && hasSubstitution(s)) {
		return
	}
	var err error
	switch {
	case strings.HasPrefix(s, "$"):
		err = c.cached('p', s, checkPath)
	case strings.HasPrefix(s, "States."):
		err = c.cached('i', s, checkIntrinsic)
	default:
		c.errorf(f.Value.Pos, ptr, "The value for the field '%s' must be a valid JSONPath or a valid intrinsic function call", f.Key)
		return
	}
	if err != nil {
		c.errorf(f.Value.Pos, ptr, "The value for the field '%s' must be a valid JSONPath or a valid intrinsic function call: %v", f.Key, err)
	}
}

// looksDynamic reports whether a plain string looks like it was meant as a
// path or an intrinsic function call.
func looksDynamic(s string) bool {
	if strings.HasPrefix(s, "$.") || strings.HasPrefix(s, "$$.") || strings.HasPrefix(s, "$[") {
		return !strings.ContainsAny(s, " \t\n")
	}
	if strings.HasPrefix(s, "States.") {
		i := strings.IndexByte(s, '(')
		return i > len("States.") && strings.HasSuffix(s, ")") && !strings.ContainsAny(s[:i], " .")
	}
	return false
}

// jsonataValue checks every "{% … %}" string of a JSONata-state value
// (Arguments, Output, Assign, Items, …).
func (c *checker) jsonataValue(v *asl.Value, ptr, field string) {
	switch v.Kind {
	case asl.String:
		c.jsonataString(v, ptr, field)
	case asl.Object:
		for _, f := range v.Fields {
			c.jsonataValue(f.Value, ptr+"/"+escapePointer(f.Key), field)
		}
	case asl.Array:
		for i, it := range v.Items {
			c.jsonataValue(it, ptr+"/"+itoa(i), field)
		}
	}
}

// jsonataString checks one string of a JSONata state and reports whether
// it is a JSONata expression.
func (c *checker) jsonataString(v *asl.Value, ptr, field string) bool {
	inner, open, ok := jsonataInner(v.Str)
	if !open {
		return false
	}
	if !c.opts.RejectPlaceholders && hasSubstitution(v.Str) {
		return true
	}
	if !ok {
		c.errorf(v.Pos, ptr, "The value for the field '%s' must be a JSONata expression surrounded by '{%%' and '%%}'", field)
		return true
	}
	if err := c.cached('j', inner, checkJSONata); err != nil {
		c.report(Error, CodeInvalidJSONata, v.Pos, ptr, "The value for the field '%s' must be a valid JSONata expression: %v", field, err)
		return true
	}
	refs, ok := scanJSONata(inner)
	if !ok {
		return true
	}
	for _, name := range refs.topNames {
		c.report(Error, CodeUnsupportedJSONata, v.Pos, ptr, "Reference to '%s' at the top level is not supported.", name)
	}
	if refs.dollarRoot {
		c.report(Error, CodeUnsupportedJSONata, v.Pos, ptr, "Reference to '$$' is not supported: use $states.input or $states.context")
	}
	if refs.errorOutput && !c.inCatcher {
		c.report(Error, CodeUnsupportedJSONata, v.Pos, ptr, "$states.errorOutput can only be referenced in the Output and Assign fields of a Catch")
	}
	return true
}

// isJSONataString reports whether v is a "{% … %}" string.
func isJSONataString(v *asl.Value) bool {
	if v == nil || v.Kind != asl.String {
		return false
	}
	_, open, _ := jsonataInner(v.Str)
	return open
}

// assign checks an Assign block.
func (c *checker) assign(st *stateInfo, f *asl.Field, ptr string) {
	if !c.wantKind(f, ptr, asl.Object) {
		return
	}
	if st.ql == asl.JSONata {
		c.jsonataValue(f.Value, ptr, "Assign")
		return
	}
	c.template(f.Value, ptr)
}
