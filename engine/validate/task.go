package validate

import (
	"fmt"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// Bounds AWS puts on timeouts and counts (seconds; 99999999 is AWS's cap).
const maxSeconds = 99999999

// task checks a Task state.
func (c *checker) task(sc *scope, st *stateInfo) {
	o := st.o
	if !o.has("Resource") {
		c.errorf(st.keyPos, o.ptr, "These fields are required: [Resource]")
	} else {
		c.resource(o)
	}
	c.payloads(st)
	tn, tok := c.seconds(st, "TimeoutSeconds", 1)
	hn, hok := c.seconds(st, "HeartbeatSeconds", 1)
	if tok && hok && hn >= tn {
		f, ptr := o.field("HeartbeatSeconds")
		c.errorf(f.Value.Pos, ptr, "HeartbeatSeconds (%d) must be smaller than TimeoutSeconds (%d)", hn, tn)
	}
	if f, ptr := o.field("Credentials"); f != nil {
		c.credentials(st, f, ptr)
	}
	c.catalogTask(st)
	if !o.has("TimeoutSeconds") && !o.has("TimeoutSecondsPath") {
		c.warnf(CodeTaskNoTimeout, st.keyPos, o.ptr, "Task '%s' has no TimeoutSeconds: without one Step Functions waits for the task as long as the execution may run (up to a year for Standard workflows)", st.name)
	}
}

// payloads checks the payload fields of Task, Parallel and Map:
// Parameters and ResultSelector in JSONPath, Arguments in JSONata.
func (c *checker) payloads(st *stateInfo) {
	if st.ql == asl.JSONPath {
		for _, k := range [...]string{"Parameters", "ResultSelector"} {
			if f, ptr := st.o.field(k); f != nil {
				c.template(f.Value, ptr)
			}
		}
		return
	}
	if f, ptr := st.o.field("Arguments"); f != nil {
		if f.Value.Kind != asl.Object && !isJSONataString(f.Value) && !c.isPlaceholder(f.Value) {
			c.errorf(f.Value.Pos, ptr, "The value for the field 'Arguments' must be an object or a JSONata expression")
			return
		}
		c.jsonataValue(f.Value, ptr, "Arguments")
	}
}

// seconds checks a positive whole number of seconds that may also be given
// as a JSONata expression (JSONata states) or through a *Path field
// (JSONPath states); min is the smallest value allowed.
func (c *checker) seconds(st *stateInfo, key string, min int64) (int64, bool) {
	o := st.o
	c.exclusive(o, key, key+"Path")
	if f, ptr := o.field(key + "Path"); f != nil && st.ql == asl.JSONPath {
		c.pathField(f, ptr, refPath, false)
	}
	f, ptr := o.field(key)
	if f == nil {
		return 0, false
	}
	if st.ql == asl.JSONata && f.Value.Kind == asl.String && c.jsonataString(f.Value, ptr, key) {
		return 0, false
	}
	return c.wantInt(f, ptr, min, maxSeconds)
}

// resource checks a Task's Resource: a string ARN (or a placeholder).
func (c *checker) resource(o obj) {
	f, ptr := o.field("Resource")
	s, ok := c.wantString(f, ptr)
	if !ok {
		return
	}
	if !c.opts.SkipResourceChecks {
		if err := checkARN(s); err != nil {
			c.report(Error, CodeInvalidResource, f.Value.Pos, ptr, "Invalid resource '%s': %v", s, err)
			return
		}
	}
	if strings.EqualFold(c.opts.Type, "EXPRESS") {
		if parts := strings.SplitN(s, ":", 7); len(parts) == 7 && parts[2] == "states" && parts[5] == "activity" {
			c.errorf(f.Value.Pos, ptr, "Express state machine does not support Activity ARN")
		}
		for _, pattern := range [...]string{".waitForTaskToken", ".sync"} {
			if strings.HasSuffix(s, pattern) || strings.Contains(s, pattern+":") {
				c.errorf(f.Value.Pos, ptr, "Express state machine does not support '%s' service integration ", pattern)
			}
		}
	}
}

// checkARN checks the shape of a Task resource ARN:
// arn:partition:service:region:account:resource, and for Lambda functions
// the function name and its optional version or alias.
func checkARN(s string) error {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" {
		return fmt.Errorf("not an ARN (arn:partition:service:region:account:resource)")
	}
	if parts[1] == "" || parts[2] == "" || parts[5] == "" {
		return fmt.Errorf("the partition, service and resource of an ARN must not be empty")
	}
	if !validPartition(parts[1]) {
		return fmt.Errorf("'%s' is not an AWS partition", parts[1])
	}
	for _, r := range parts[4] {
		if r < '0' || r > '9' {
			return fmt.Errorf("the account of an ARN is a number, not '%s'", parts[4])
		}
	}
	if last := parts[5][len(parts[5])-1]; last == ':' || last == '/' {
		return fmt.Errorf("an ARN must not end with '%c'", last)
	}
	if parts[2] == "lambda" && strings.HasPrefix(parts[5], "function:") {
		fn := strings.TrimPrefix(parts[5], "function:")
		name, qualifier, hasQualifier := strings.Cut(fn, ":")
		if !lambdaName(name) {
			return fmt.Errorf("'%s' is not a valid Lambda function name", name)
		}
		if hasQualifier && qualifier != "$LATEST" && !lambdaName(qualifier) {
			return fmt.Errorf("'%s' is not a valid Lambda version or alias", qualifier)
		}
	}
	return nil
}

// validPartition accepts aws and its variants (aws-cn, aws-us-gov,
// aws-iso-b, …).
func validPartition(p string) bool {
	if p != "aws" && !strings.HasPrefix(p, "aws-") {
		return false
	}
	for _, r := range p {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return true
}

func lambdaName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// credentials checks a Task's Credentials: an object with RoleArn.
func (c *checker) credentials(st *stateInfo, f *asl.Field, ptr string) {
	if c.isPlaceholder(f.Value) {
		return
	}
	if f.Value.Kind != asl.Object {
		c.errorf(f.Value.Pos, ptr, "The value for the field 'Credentials' must be an object, not %s", kindName(f.Value.Kind))
		return
	}
	o := obj{v: f.Value, ptr: ptr}
	if !o.has("RoleArn") && !o.has("RoleArn.$") {
		c.errorf(f.Value.Pos, ptr, "The field 'RoleArn' is required but was missing")
	}
	for _, m := range o.v.Fields {
		switch m.Key {
		case "RoleArn":
			c.wantKind(m, ptr+"/RoleArn", asl.String)
		case "RoleArn.$":
		default:
			c.errorf(fieldPos(m), ptr+"/"+escapePointer(m.Key), "Field '%s' is not supported", m.Key)
		}
	}
	if st.ql == asl.JSONata {
		c.jsonataValue(f.Value, ptr, "Credentials")
	} else {
		c.template(f.Value, ptr)
	}
}
