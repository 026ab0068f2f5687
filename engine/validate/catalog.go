package validate

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/catalog"
)

// Codes of the checks against the service catalog (Options.Catalog). They
// are warnings: Step Functions checks parameters and error names when the
// task runs, not when the state machine is created.
const (
	CodeUnknownParameter  = "UNKNOWN_PARAMETER"
	CodeMissingParameter  = "MISSING_REQUIRED_PARAMETER"
	CodeUnknownErrorName  = "UNKNOWN_ERROR_NAME"
	CodeUnknownIntegrated = "UNKNOWN_RESOURCE"
)

// clientErrors are errors the Java SDK client that Step Functions calls
// services with raises for every service, whatever the API model declares.
var clientErrors = []string{"SdkClientException", "ClientExecutionTimeoutException"}

// extraErrors are errors Step Functions itself reports for an integration
// prefix besides the service's (Lambda.Unknown: a function that failed
// without an error type, e.g. out of memory or timed out).
var extraErrors = map[string][]string{"Lambda": {"Unknown"}}

// notRecognized is AWS's CreateStateMachine message for a Task resource it
// does not offer.
const notRecognized = "The resource provided %s is not recognized. The value is not a valid resource ARN, or the resource is not available in this region."

// catalogTask checks a Task that calls an AWS SDK integration
// (arn:aws:states:::aws-sdk:SERVICE:ACTION) or an optimized integration
// against Options.Catalog.
func (c *checker) catalogTask(st *stateInfo) {
	cat := c.opts.Catalog
	if cat == nil {
		return
	}
	f, rptr := st.o.field("Resource")
	if f == nil || f.Value.Kind != asl.String || f.Value.Tag != "" {
		return
	}
	res := f.Value.Str
	id, ok := integrationID(res)
	if !ok {
		return
	}
	if strings.HasPrefix(id, "aws-sdk:") && strings.Contains(id, ".sync") {
		// AWS SDK integrations offer request-response and
		// .waitForTaskToken only.
		c.rejectResource(f, rptr, "")
		return
	}
	info, err := cat.Lookup(id)
	if err != nil {
		if o := catalog.FindOptimized(id); o != nil {
			// A curated integration whose service shapes this catalog
			// lacks: only its patterns can be checked.
			if _, pattern := cutPattern(id); !o.Supports(pattern) {
				c.rejectResource(f, rptr, o.ID+" supports the patterns "+patternList(o.Patterns))
			}
			return
		}
		c.warnf(CodeUnknownIntegrated, f.Value.Pos, rptr, "%s is not an integration of the service catalog (%s); Step Functions rejects resources it does not recognize%s", res, cat.Source(), suggestResource(cat, id))
		return
	}
	if info.Unavailable != "" {
		c.rejectResource(f, rptr, info.Unavailable)
		return
	}
	if o := info.Optimized; o != nil && !o.Supports(info.Pattern) {
		c.rejectResource(f, rptr, o.ID+" supports the patterns "+patternList(o.Patterns))
		return
	}
	c.catalogParameters(st, cat, id)
	if info.Pattern != catalog.WaitForCallback {
		// A callback's SendTaskFailure may name any error.
		c.catalogErrors(st, cat, info)
	}
}

// rejectResource reports a Resource that CreateStateMachine rejects, in
// AWS's words, with why after them; Options.SkipResourceChecks turns it off.
func (c *checker) rejectResource(f *asl.Field, ptr, why string) {
	if c.opts.SkipResourceChecks {
		return
	}
	msg := fmt.Sprintf(notRecognized, f.Value.Str)
	if why != "" {
		msg += " (" + why + ")"
	}
	c.report(Error, CodeSchema, f.Value.Pos, ptr, "%s", msg)
}

// integrationID returns the part of a service integration resource after
// "arn:PARTITION:states:::" (pattern suffix included), or false for other
// resources (Lambda function ARNs, activities) and placeholders.
func integrationID(res string) (string, bool) {
	parts := strings.SplitN(res, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" || parts[2] != "states" || parts[3] != "" || parts[4] != "" {
		return "", false
	}
	id := parts[5]
	if id == "" || strings.Contains(id, "${") {
		return "", false
	}
	return id, true
}

// suggestResource names an action or service that differs only in case.
func suggestResource(cat *catalog.Catalog, id string) string {
	id, pattern := cutPattern(id)
	rest, sdk := strings.CutPrefix(id, "aws-sdk:")
	if !sdk {
		for _, o := range catalog.OptimizedIntegrations {
			if strings.EqualFold(o.ID, id) {
				return " (did you mean " + catalog.ResourcePrefix + o.ID + pattern + "?)"
			}
		}
		// Optimized integrations cover a few actions of a service; the
		// others are called through the AWS SDK integration.
		if info, err := cat.Lookup("aws-sdk:" + id); err == nil && info.Unavailable == "" {
			return " (the AWS SDK integration is " + catalog.ResourcePrefix + info.ID + pattern + ")"
		}
		return ""
	}
	svc, action, _ := strings.Cut(rest, ":")
	for _, s := range cat.Services() {
		if !strings.EqualFold(s.ID, svc) {
			continue
		}
		for _, a := range s.Actions {
			if strings.EqualFold(a, action) {
				return " (did you mean " + catalog.ResourcePrefix + "aws-sdk:" + s.ID + ":" + a + pattern + "?)"
			}
		}
		if s.ID != svc {
			return " (did you mean the service " + s.ID + "?)"
		}
		return " (" + s.ID + " has no action " + action + ")"
	}
	return ""
}

func cutPattern(id string) (string, string) {
	for _, p := range [...]string{catalog.WaitForCallback, catalog.RunJobJSONOutput, catalog.RunJob} {
		if s, ok := strings.CutSuffix(id, p); ok {
			return s, p
		}
	}
	return id, ""
}

func patternList(ps []string) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		if p == "" {
			p = "request-response"
		}
		out[i] = p
	}
	return strings.Join(out, ", ")
}

// catalogParameters reports unknown and missing parameters of the Task's
// Parameters (JSONPath) or Arguments (JSONata) object. A Task with neither,
// or with a JSONata expression, is left alone: its input is known at run
// time only.
func (c *checker) catalogParameters(st *stateInfo, cat *catalog.Catalog, id string) {
	key := "Parameters"
	if st.ql == asl.JSONata {
		key = "Arguments"
	}
	f, ptr := st.o.field(key)
	if f == nil || f.Value.Kind != asl.Object || c.isPlaceholder(f.Value) {
		return
	}
	ws, err := cat.CheckParameters(id, asl.ToAny(f.Value))
	if err != nil {
		return
	}
	for _, w := range ws {
		pos, at, skip := c.locate(f, w.Path)
		if skip || w.Kind == "missing" && c.isPlaceholder(at) {
			continue
		}
		code := CodeUnknownParameter
		if w.Kind == "missing" {
			code = CodeMissingParameter
		}
		c.warnf(code, pos, ptr+w.Path, "%s", w.Message)
	}
}

// locate finds the position of a JSON pointer relative to the value of f:
// the key of the member it ends at (f's own key for ""), and the value
// there. skip is true when the pointer goes through a deploy-time
// placeholder, whose content the catalog cannot judge.
func (c *checker) locate(f *asl.Field, rel string) (pos asl.Pos, at *asl.Value, skip bool) {
	pos, v := fieldPos(f), f.Value
	if rel == "" {
		return pos, v, false
	}
	for _, seg := range strings.Split(rel[1:], "/") {
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		if c.isPlaceholder(v) {
			return pos, v, true
		}
		switch v.Kind {
		case asl.Object:
			var next *asl.Field
			for _, m := range v.Fields {
				if m.Key == seg {
					next = m
				}
			}
			if next == nil {
				return pos, nil, false
			}
			pos, v = fieldPos(next), next.Value
		case asl.Array:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(v.Items) {
				return pos, nil, false
			}
			pos, v = v.Items[i].Pos, v.Items[i]
		default:
			return pos, nil, false
		}
	}
	return pos, v, false
}

// catalogErrors reports ErrorEquals names of the Task's Retry and Catch
// that look like service errors (Prefix.Name, not States.*) but that the
// integration cannot raise: its own prefix with a name the service does not
// declare, or another service's prefix. Lambda integrations may raise any
// error a function throws, so only their own prefix is checked.
func (c *checker) catalogErrors(st *stateInfo, cat *catalog.Catalog, info *catalog.ActionInfo) {
	names, err := cat.Errors(info.ID + info.Pattern)
	if err != nil || info.ErrorPrefix == "" {
		return
	}
	known := map[string]bool{}
	for _, n := range names {
		known[n] = true
	}
	for _, n := range clientErrors {
		known[info.ErrorPrefix+"."+n] = true
	}
	for _, n := range extraErrors[info.ErrorPrefix] {
		known[info.ErrorPrefix+"."+n] = true
	}
	lambda := info.ErrorPrefix == "Lambda"
	for _, key := range [...]string{"Retry", "Catch"} {
		f, ptr := st.o.field(key)
		if f == nil || f.Value.Kind != asl.Array {
			continue
		}
		for i, h := range f.Value.Items {
			if h.Kind != asl.Object {
				continue
			}
			ee := h.Get("ErrorEquals")
			if ee == nil || ee.Kind != asl.Array {
				continue
			}
			eptr := ptr + "/" + itoa(i) + "/ErrorEquals"
			for j, it := range ee.Items {
				if it.Kind != asl.String {
					continue
				}
				name := it.Str
				prefix, _, dotted := strings.Cut(name, ".")
				if !dotted || prefix == "States" || known[name] {
					continue
				}
				iptr := eptr + "/" + itoa(j)
				if strings.EqualFold(prefix, info.ErrorPrefix) {
					c.warnf(CodeUnknownErrorName, it.Pos, iptr, "%s cannot raise the error '%s'%s", info.ID+info.Pattern, name, suggestError(name, names, info.ErrorPrefix))
					continue
				}
				if !lambda && c.errorPrefixes(cat)[prefix] {
					c.warnf(CodeUnknownErrorName, it.Pos, iptr, "%s cannot raise the error '%s': '%s' errors come from another service; this integration's errors are named '%s.…'", info.ID+info.Pattern, name, prefix, info.ErrorPrefix)
				}
			}
		}
	}
}

// suggestError proposes the declared error that differs from name only in
// case (DynamoDB vs DynamoDb), or lists a few of them.
func suggestError(name string, names []string, prefix string) string {
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return " (did you mean '" + n + "'?)"
		}
	}
	_, rest, _ := strings.Cut(name, ".")
	for _, n := range names {
		if _, r, _ := strings.Cut(n, "."); strings.EqualFold(r, rest) || strings.EqualFold(r, rest+"Exception") {
			return " (did you mean '" + n + "'?)"
		}
	}
	if len(names) == 0 {
		return ""
	}
	shown := append([]string(nil), names...)
	sort.Strings(shown)
	if len(shown) > 8 {
		shown = append(shown[:8], "…")
	}
	return " (its errors: " + strings.Join(shown, ", ") + ")"
}

// prefixCache holds errorPrefixes' sets by catalog.
var prefixCache sync.Map

// errorPrefixes is the set of error prefixes of every service and
// optimized integration of the catalog, built on first use.
func (c *checker) errorPrefixes(cat *catalog.Catalog) map[string]bool {
	if m, ok := prefixCache.Load(cat); ok {
		return m.(map[string]bool)
	}
	m := map[string]bool{}
	for _, s := range cat.Services() {
		if s.ErrorPrefix != "" {
			m[s.ErrorPrefix] = true
		}
	}
	for _, o := range catalog.OptimizedIntegrations {
		if o.ErrorPrefix != "" {
			m[o.ErrorPrefix] = true
		}
	}
	delete(m, "States")
	prefixCache.Store(cat, m)
	return m
}
