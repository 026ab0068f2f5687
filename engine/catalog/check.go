package catalog

import (
	"fmt"
	"sort"
	"strings"
)

// Warning is a finding of CheckParameters. Step Functions checks parameters
// when the task runs, so these are warnings, not errors.
type Warning struct {
	// Path is a JSON pointer into the Parameters object ("/Key/Id").
	Path string
	// Kind is "unknown" or "missing".
	Kind    string
	Member  string
	Message string
}

// CheckParameters compares a Task's Parameters (or Arguments) with the
// action's input shape: members it does not have (names are PascalCase, as
// Step Functions passes them to the SDK) and required members that are
// absent. "Name.$" keys count as Name; values computed at run time (paths,
// JSONata expressions) are not looked into.
func (c *Catalog) CheckParameters(action string, params any) ([]Warning, error) {
	info, err := c.Lookup(action)
	if err != nil {
		return nil, err
	}
	obj, ok := params.(map[string]any)
	if !ok {
		return nil, nil // a JSONata expression or nothing: known at run time
	}
	var in *Shape
	if info.Action != nil {
		in = resolve(info.Action.Input, info.Shapes)
	}
	var ws []Warning
	if o := info.Optimized; o != nil {
		known := map[string]*Shape{}
		if in != nil {
			for n, s := range in.Members {
				known[n] = s
			}
		}
		extra := map[string]bool{}
		for _, p := range o.Parameters {
			extra[p.Name] = true
			if _, ok := known[p.Name]; !ok {
				known[p.Name] = nil
			}
		}
		required := o.Required
		if required == nil && in != nil {
			required = in.Required
		}
		top := &Shape{Type: "structure", Members: known, Required: required}
		checkStruct(info.ID, "", obj, top, info.Shapes, extra, &ws, 0)
	} else if in != nil {
		checkStruct(info.ID, "", obj, in, info.Shapes, nil, &ws, 0)
	}
	return ws, nil
}

func checkStruct(id, path string, obj map[string]any, s *Shape, shapes map[string]*Shape, loose map[string]bool, ws *[]Warning, depth int) {
	if depth > skeletonDepth*2 {
		return
	}
	present := map[string]bool{}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		name, dynamic := strings.CutSuffix(k, ".$")
		present[name] = true
		ms, known := s.Members[name]
		if !known {
			*ws = append(*ws, Warning{Path: path + "/" + escapePointer(k), Kind: "unknown", Member: name,
				Message: fmt.Sprintf("%s has no parameter %q%s", id, name, suggest(name, s.Members))})
			continue
		}
		if dynamic || ms == nil || loose[name] {
			continue
		}
		checkValue(id, path+"/"+escapePointer(k), obj[k], ms, shapes, ws, depth+1)
	}
	for _, r := range s.Required {
		if !present[r] {
			*ws = append(*ws, Warning{Path: path, Kind: "missing", Member: r,
				Message: fmt.Sprintf("%s requires the parameter %q", id, r)})
		}
	}
}

func checkValue(id, path string, v any, s *Shape, shapes map[string]*Shape, ws *[]Warning, depth int) {
	s = resolve(s, shapes)
	if s == nil {
		return
	}
	switch s.Type {
	case "structure":
		if m, ok := v.(map[string]any); ok {
			checkStruct(id, path, m, s, shapes, nil, ws, depth)
		}
	case "list":
		if l, ok := v.([]any); ok {
			for i, e := range l {
				checkValue(id, fmt.Sprintf("%s/%d", path, i), e, s.Member, shapes, ws, depth+1)
			}
		}
	case "map":
		if m, ok := v.(map[string]any); ok {
			for k, e := range m {
				if strings.HasSuffix(k, ".$") {
					continue
				}
				checkValue(id, path+"/"+escapePointer(k), e, s.Value, shapes, ws, depth+1)
			}
		}
	}
}

// suggest names a member that differs only in case, or lists the members.
func suggest(name string, members map[string]*Shape) string {
	for m := range members {
		if strings.EqualFold(m, name) {
			return fmt.Sprintf(" (did you mean %q? Step Functions passes parameters in PascalCase)", m)
		}
	}
	names := make([]string, 0, len(members))
	for m := range members {
		names = append(names, m)
	}
	sort.Strings(names)
	if len(names) > 12 {
		names = append(names[:12], "…")
	}
	return " (it has " + strings.Join(names, ", ") + ")"
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// Errors lists the errors a Task calling the action can be caught by, as
// Step Functions names them: the integration's prefix and each error the API
// model declares, with an "Exception" suffix (DynamoDb.ConditionalCheckFailedException
// for aws-sdk:dynamodb:putItem, DynamoDB.ConditionalCheckFailedException for
// the optimized dynamodb:putItem), then the service's generic error
// (DynamoDb.DynamoDbException).
func (c *Catalog) Errors(action string) ([]string, error) {
	info, err := c.Lookup(action)
	if err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{}
	add := func(e string) {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	if info.Action != nil && info.ErrorPrefix != "" && !strings.HasPrefix(info.ErrorPrefix, "States.") {
		for _, e := range info.Action.Errors {
			add(ErrorName(info.ErrorPrefix, e))
		}
	}
	if info.Optimized != nil {
		for _, e := range info.Optimized.GenericErrors {
			add(e)
		}
	} else {
		add(info.ErrorPrefix + "." + info.ErrorPrefix + "Exception")
	}
	return out, nil
}
