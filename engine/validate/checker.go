package validate

import (
	"fmt"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// checker walks one definition and collects diagnostics.
type checker struct {
	opts  Options
	diags []Diagnostic
	// topQL is the top-level QueryLanguage (JSONPath when absent): states
	// that do not set their own inherit it, also inside Parallel branches and
	// Map processors.
	topQL string
	// names maps every state name seen so far (all nesting levels) to the
	// pointer of its first definition: state names are unique per machine.
	names map[string]string
	// root is the document; everywhere maps every state name in it to its
	// pointer, built when a message needs it (see where).
	root       obj
	everywhere map[string]string
	// exprCache remembers expression checks already made.
	exprCache map[checkKey]error
	// inCatcher is set while the Output and Assign of a catcher are
	// checked (where $states.errorOutput is available).
	inCatcher bool
}

func (c *checker) result() []Diagnostic {
	if c.opts.NoWarnings {
		out := c.diags[:0]
		for _, d := range c.diags {
			if d.Severity == Error {
				out = append(out, d)
			}
		}
		c.diags = out
	}
	sortDiagnostics(c.diags)
	return c.diags
}

// report adds a diagnostic at pos.
func (c *checker) report(sev, code string, pos asl.Pos, ptr, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	c.diags = append(c.diags, Diagnostic{Severity: sev, Code: code, Message: msg, Path: ptr, Line: pos.Line, Column: pos.Col})
}

// errorf reports a SCHEMA_VALIDATION_FAILED error.
func (c *checker) errorf(pos asl.Pos, ptr, format string, args ...any) {
	c.report(Error, CodeSchema, pos, ptr, format, args...)
}

func (c *checker) warnf(code string, pos asl.Pos, ptr, format string, args ...any) {
	if c.opts.NoWarnings {
		return
	}
	c.report(Warning, code, pos, ptr, format, args...)
}

// obj is an object node being checked together with its pointer.
type obj struct {
	v   *asl.Value
	ptr string
}

// field returns the member key of o (nil when absent) with its pointer.
func (o obj) field(key string) (*asl.Field, string) {
	if o.v == nil || o.v.Kind != asl.Object {
		return nil, ""
	}
	for _, f := range o.v.Fields {
		if f.Key == key {
			return f, o.ptr + "/" + escapePointer(key)
		}
	}
	return nil, ""
}

func (o obj) get(key string) *asl.Value { return o.v.Get(key) }

func (o obj) has(key string) bool { return o.v.Get(key) != nil }

func (o obj) child(key string) obj {
	return obj{v: o.v.Get(key), ptr: o.ptr + "/" + escapePointer(key)}
}

// escapePointer escapes a key for a JSON pointer (RFC 6901).
func escapePointer(key string) string {
	if !strings.ContainsAny(key, "~/") {
		return key
	}
	key = strings.ReplaceAll(key, "~", "~0")
	return strings.ReplaceAll(key, "/", "~1")
}

// fieldPos is where a diagnostic about a whole field points: its key.
func fieldPos(f *asl.Field) asl.Pos {
	if f.KeyPos.IsValid() {
		return f.KeyPos
	}
	return f.Value.Pos
}

// isPlaceholder reports whether v stands for a value filled in at deploy
// time: a string with a ${Name} substitution (SAM DefinitionSubstitutions,
// CloudFormation Fn::Sub) or a CloudFormation intrinsic function object.
// Placeholders are accepted wherever a value is, unless the options say
// otherwise.
func (c *checker) isPlaceholder(v *asl.Value) bool {
	if c.opts.RejectPlaceholders || v == nil {
		return false
	}
	if v.Tag != "" && v.Tag[0] == '!' && !strings.HasPrefix(v.Tag, "!!") {
		return true // a CloudFormation short-form intrinsic (!Ref, !GetAtt, !Sub…)
	}
	switch v.Kind {
	case asl.String:
		return hasSubstitution(v.Str)
	case asl.Object:
		if len(v.Fields) != 1 {
			return false
		}
		k := v.Fields[0].Key
		return k == "Ref" || strings.HasPrefix(k, "Fn::")
	}
	return false
}

// hasSubstitution reports whether s contains a closed ${…} with a
// non-empty name.
func hasSubstitution(s string) bool {
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			return false
		}
		j := strings.IndexByte(s[i+2:], '}')
		if j < 0 {
			return false
		}
		if j > 0 {
			return true
		}
		s = s[i+2+j+1:]
	}
}

// kindName is how messages name a JSON type.
func kindName(k asl.Kind) string {
	switch k {
	case asl.Object:
		return "an object"
	case asl.Array:
		return "an array"
	case asl.String:
		return "a string"
	case asl.Number:
		return "a number"
	case asl.Bool:
		return "a boolean"
	}
	return "null"
}

// wantKind checks that field f has kind k; placeholders pass.
func (c *checker) wantKind(f *asl.Field, ptr string, k asl.Kind) bool {
	if f.Value.Kind == k {
		return true
	}
	if c.isPlaceholder(f.Value) {
		return false
	}
	c.errorf(f.Value.Pos, ptr, "The value for the field '%s' must be %s, not %s", f.Key, kindName(k), kindName(f.Value.Kind))
	return false
}

// wantString checks that field f is a string and returns it. ok is false
// for other kinds (reported) and for placeholders (not reported).
func (c *checker) wantString(f *asl.Field, ptr string) (string, bool) {
	if c.isPlaceholder(f.Value) {
		return "", false
	}
	if !c.wantKind(f, ptr, asl.String) {
		return "", false
	}
	return f.Value.Str, true
}

// wantInt checks that field f is an integer in [min, max] (max < 0: no
// upper bound).
func (c *checker) wantInt(f *asl.Field, ptr string, min, max int64) (int64, bool) {
	v := f.Value
	if c.isPlaceholder(v) {
		return 0, false
	}
	if v.Kind != asl.Number {
		c.errorf(v.Pos, ptr, "The value for the field '%s' must be an integer, not %s", f.Key, kindName(v.Kind))
		return 0, false
	}
	n, ok := intValue(v)
	if !ok {
		c.errorf(v.Pos, ptr, "The value for the field '%s' must be an integer, not %s", f.Key, v.Str)
		return 0, false
	}
	if n < min || (max >= 0 && n > max) {
		if max >= 0 {
			c.errorf(v.Pos, ptr, "The value for the field '%s' must be between %d and %d, not %d", f.Key, min, max, n)
		} else {
			c.errorf(v.Pos, ptr, "The value for the field '%s' must be at least %d, not %d", f.Key, min, n)
		}
		return n, false
	}
	return n, true
}

// intValue reads an integral number (1 and 1.0 both count).
func intValue(v *asl.Value) (int64, bool) {
	if n, ok := v.Int(); ok {
		return n, true
	}
	f, ok := v.Float()
	if !ok || f != float64(int64(f)) {
		return 0, false
	}
	return int64(f), true
}

// wantBool checks that field f is a boolean.
func (c *checker) wantBool(f *asl.Field, ptr string) (bool, bool) {
	if !c.wantKind(f, ptr, asl.Bool) {
		return false, false
	}
	return f.Value.Bool, true
}

// exclusive reports when more than one of keys is present in o.
func (c *checker) exclusive(o obj, keys ...string) {
	var present []*asl.Field
	for _, k := range keys {
		if f, _ := o.field(k); f != nil {
			present = append(present, f)
		}
	}
	if len(present) > 1 {
		names := make([]string, len(present))
		for i, f := range present {
			names[i] = "'" + f.Key + "'"
		}
		f := present[1]
		c.errorf(fieldPos(f), o.ptr+"/"+escapePointer(f.Key), "Only one of %s can be set", strings.Join(names, ", "))
	}
}

// required reports the fields of keys that o lacks, in AWS's words.
func (c *checker) required(o obj, keys ...string) bool {
	var missing []string
	for _, k := range keys {
		if !o.has(k) {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		return true
	}
	c.errorf(o.v.Pos, o.ptr, "These fields are required: [%s]", strings.Join(missing, ", "))
	return false
}

// duplicateKeys reports members that appear more than once in o.
func (c *checker) duplicateKeys(o obj) {
	if len(o.v.Fields) < 2 {
		return
	}
	if len(o.v.Fields) < 16 {
		for i, f := range o.v.Fields {
			for _, g := range o.v.Fields[:i] {
				if g.Key == f.Key {
					c.errorf(fieldPos(f), o.ptr+"/"+escapePointer(f.Key), "Duplicate field '%s'", f.Key)
					break
				}
			}
		}
		return
	}
	seen := make(map[string]bool, len(o.v.Fields))
	for _, f := range o.v.Fields {
		if seen[f.Key] {
			c.errorf(fieldPos(f), o.ptr+"/"+escapePointer(f.Key), "Duplicate field '%s'", f.Key)
		}
		seen[f.Key] = true
	}
}
