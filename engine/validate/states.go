package validate

import (
	"strings"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// pass checks a Pass state.
func (c *checker) pass(st *stateInfo) {
	if st.ql != asl.JSONPath {
		return
	}
	if f, ptr := st.o.field("Parameters"); f != nil {
		c.template(f.Value, ptr)
	}
	if f, ptr := st.o.field("Result"); f != nil {
		c.staticResult(f.Value, ptr)
	}
}

// staticResult warns about "key.$" members in a Pass Result, which AWS
// passes on literally.
func (c *checker) staticResult(v *asl.Value, ptr string) {
	switch v.Kind {
	case asl.Object:
		for _, f := range v.Fields {
			fptr := ptr + "/" + escapePointer(f.Key)
			if strings.HasSuffix(f.Key, ".$") {
				c.warnf(CodePassResultStatic, fieldPos(f), fptr, "Result is static: '%s' is not evaluated as a path here (use Parameters)", f.Key)
			}
			c.staticResult(f.Value, fptr)
		}
	case asl.Array:
		for i, it := range v.Items {
			c.staticResult(it, ptr+"/"+itoa(i))
		}
	}
}

// wait checks a Wait state: exactly one of Seconds, SecondsPath, Timestamp
// and TimestampPath.
func (c *checker) wait(st *stateInfo) {
	o := st.o
	n := 0
	for _, k := range [...]string{"Seconds", "SecondsPath", "Timestamp", "TimestampPath"} {
		if o.has(k) {
			n++
		}
	}
	if n != 1 {
		c.errorf(st.keyPos, o.ptr, "A Wait state must have exactly one of 'Seconds', 'SecondsPath', 'Timestamp' or 'TimestampPath' (it has %d)", n)
	}
	c.seconds(st, "Seconds", 0)
	if f, ptr := o.field("TimestampPath"); f != nil && st.ql == asl.JSONPath {
		c.pathField(f, ptr, refPath, false)
	}
	if f, ptr := o.field("Timestamp"); f != nil {
		if st.ql == asl.JSONata && f.Value.Kind == asl.String && c.jsonataString(f.Value, ptr, "Timestamp") {
			return
		}
		if s, ok := c.wantString(f, ptr); ok && !validTimestamp(s) {
			c.errorf(f.Value.Pos, ptr, "The value for the field 'Timestamp' must be an ISO-8601 extended offset date-time (e.g. 2016-03-14T01:59:00Z), not '%s'", s)
		}
	}
}

// validTimestamp reports whether s is a timestamp AWS accepts: RFC 3339
// with an uppercase T and Z.
func validTimestamp(s string) bool {
	if strings.ContainsAny(s, "tz ") {
		return false
	}
	_, err := time.Parse(time.RFC3339Nano, s)
	return err == nil
}

// fail checks a Fail state.
func (c *checker) fail(st *stateInfo) {
	o := st.o
	c.exclusive(o, "Error", "ErrorPath")
	c.exclusive(o, "Cause", "CausePath")
	for _, k := range [...]string{"Error", "Cause"} {
		f, ptr := o.field(k)
		if f == nil {
			continue
		}
		s, ok := c.wantString(f, ptr)
		switch {
		case !ok:
		case st.ql == asl.JSONata:
			c.jsonataString(f.Value, ptr, k)
		case looksDynamic(s):
			c.warnf(CodeNoPath, f.Value.Pos, ptr, "The value of '%s' looks like a path, but the field name does not end with 'Path', so it is used as a plain string (use %sPath)", k, k)
		}
	}
	if st.ql == asl.JSONPath {
		for _, k := range [...]string{"ErrorPath", "CausePath"} {
			if f, ptr := o.field(k); f != nil {
				c.pathField(f, ptr, refOrIntrinsic, false)
			}
		}
	}
}
