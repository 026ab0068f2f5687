package catalog

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// Field validation modes of the TestState API's mock (fieldValidationMode).
const (
	// Strict checks the types and constraints of the fields present and
	// that the required fields are there (the default).
	Strict = "STRICT"
	// Present checks only the fields present.
	Present = "PRESENT"
	// None checks nothing.
	None = "NONE"
)

// OutputError is a mocked result that does not fit the action's output
// shape. Its Error text is the TestState API's ValidationException message.
type OutputError struct {
	// Field is the member's name (not its path), as AWS reports it.
	Field string
	// Path is a JSON pointer to the value.
	Path string
	// Message is AWS's wording after the common prefix, e.g.
	// "Field 'StartDate' must be a string".
	Message string
	// Constraint is set when a min/max constraint failed.
	Constraint bool
}

func (e *OutputError) Error() string {
	return "Mock result schema validation error: " + e.Message
}

// ValidateOutput checks a mocked result (a runtime JSON value: nil, bool,
// string, int64, float64, []any, map[string]any) against an action's output
// shape in a field validation mode, and returns the first mismatch, or nil.
// Members are checked in name order; fields the shape does not have are
// left alone, as AWS does.
func (c *Catalog) ValidateOutput(action string, value any, mode string) error {
	switch strings.ToUpper(mode) {
	case None:
		return nil
	case "", Strict:
		mode = Strict
	case Present:
		mode = Present
	default:
		return fmt.Errorf("catalog: field validation mode %q: want STRICT, PRESENT or NONE", mode)
	}
	info, err := c.Lookup(action)
	if err != nil {
		return err
	}
	if info.Output == nil || info.Pattern == WaitForCallback {
		return nil // a callback's result is whatever SendTaskSuccess sent
	}
	v := &validator{shapes: info.Shapes, strict: mode == Strict, json: map[string]bool{}}
	for _, j := range info.jsonOutput() {
		v.json[j] = true
	}
	out := resolve(info.Output, info.Shapes)
	obj, ok := value.(map[string]any)
	if !ok {
		return &OutputError{Path: "", Message: "The mock result must be a JSON object"}
	}
	return v.structure("", obj, out, 0)
}

type validator struct {
	shapes map[string]*Shape
	strict bool
	json   map[string]bool // top-level members that hold any JSON
}

func (v *validator) structure(path string, obj map[string]any, s *Shape, depth int) error {
	if v.strict {
		for _, r := range s.Required {
			if val, ok := obj[r]; !ok || val == nil {
				return &OutputError{Field: r, Path: path + "/" + escapePointer(r), Message: fmt.Sprintf("Required field '%s' is missing", r)}
			}
		}
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ms, ok := s.Members[k]
		if !ok || obj[k] == nil || (depth == 0 && v.json[k]) {
			continue
		}
		if err := v.value(k, path+"/"+escapePointer(k), obj[k], ms, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func fieldErr(name, path, msg string) *OutputError {
	return &OutputError{Field: name, Path: path, Message: fmt.Sprintf("Field '%s' %s", name, msg)}
}

func (v *validator) value(name, path string, val any, s *Shape, depth int) error {
	s = resolve(s, v.shapes)
	if s == nil || depth > 64 {
		return nil
	}
	switch s.Type {
	case "structure":
		m, ok := val.(map[string]any)
		if !ok {
			return fieldErr(name, path, "must be an object")
		}
		return v.structure(path, m, s, depth)
	case "list":
		l, ok := val.([]any)
		if !ok {
			return fieldErr(name, path, "must be a list")
		}
		for i, e := range l {
			if e == nil {
				continue
			}
			if err := v.value(name, fmt.Sprintf("%s/%d", path, i), e, s.Member, depth+1); err != nil {
				return err
			}
		}
	case "map":
		m, ok := val.(map[string]any)
		if !ok {
			return fieldErr(name, path, "must be an object")
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if m[k] == nil {
				continue
			}
			if err := v.value(name, path+"/"+escapePointer(k), m[k], s.Value, depth+1); err != nil {
				return err
			}
		}
	case "document":
	case "boolean":
		if _, ok := val.(bool); !ok {
			return fieldErr(name, path, "must be a boolean")
		}
	case "integer", "long", "float", "double":
		n, ok := number(val)
		if !ok {
			return fieldErr(name, path, "must be a number")
		}
		if s.Min != nil && n < *s.Min {
			e := fieldErr(name, path, "is less than the minimum value")
			e.Constraint = true
			return e
		}
		if s.Max != nil && n > *s.Max {
			e := fieldErr(name, path, "exceeds the maximum value")
			e.Constraint = true
			return e
		}
	case "timestamp":
		if _, ok := val.(string); !ok {
			return fieldErr(name, path, "must be a string")
		}
	default: // string, blob
		str, ok := val.(string)
		if !ok {
			return fieldErr(name, path, "must be a string")
		}
		if len(s.Enum) > 0 && !contains(s.Enum, str) {
			return fieldErr(name, path, "is not an expected value")
		}
		n := float64(utf8.RuneCountInString(str))
		if s.Min != nil && n < *s.Min {
			e := fieldErr(name, path, "is smaller than the minimum length")
			e.Constraint = true
			return e
		}
		if s.Max != nil && n > *s.Max {
			e := fieldErr(name, path, "is larger than the maximum length")
			e.Constraint = true
			return e
		}
	}
	return nil
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case int:
		return float64(n), true
	case float64:
		return n, !math.IsNaN(n)
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
