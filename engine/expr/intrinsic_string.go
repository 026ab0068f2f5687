package expr

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// fnFormat is States.Format(template, args…): each {} in the template is
// replaced by the next argument; \{ and \} are literal braces. Arguments
// print as AWS's Java runtime prints them: strings as is, null as "null",
// objects as {k=v, …} and arrays as [a, b].
func fnFormat(args []any, _ *Env) (any, error) {
	tmpl, err := argString(args, 0)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	next := 1
	for i := 0; i < len(tmpl); i++ {
		c := tmpl[i]
		switch {
		case c == '\\' && i+1 < len(tmpl) && (tmpl[i+1] == '{' || tmpl[i+1] == '}'):
			b.WriteByte(tmpl[i+1])
			i++
		case c == '{' && i+1 < len(tmpl) && tmpl[i+1] == '}':
			if next >= len(args) {
				return nil, fmt.Errorf("the template has more placeholders '{}' than the %d argument(s) given", len(args)-1)
			}
			b.WriteString(javaString(args[next], true))
			next++
			i++
		default:
			b.WriteByte(c)
		}
	}
	if next != len(args) {
		return nil, fmt.Errorf("the template has %d placeholder(s) '{}' but %d argument(s) were given", next-1, len(args)-1)
	}
	return b.String(), nil
}

// javaString renders a value as Java's toString would for the Jackson/
// collections values AWS formats: top-level strings unquoted.
func javaString(v any, top bool) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case string:
		return t
	case bool:
		return strconv.FormatBool(t)
	case int64:
		return strconv.FormatInt(t, 10)
	case float64:
		return javaDouble(t)
	case []any:
		parts := make([]string, len(t))
		for i, x := range t {
			parts[i] = javaString(x, false)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + "=" + javaString(t[k], false)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return encode(v)
}

// javaDouble formats f like Java's Double.toString: plain decimal with at
// least one fraction digit for 1e-3 <= |f| < 1e7, otherwise d.dddE±n.
func javaDouble(f float64) string {
	if math.IsNaN(f) {
		return "NaN"
	}
	if math.IsInf(f, 0) {
		if f > 0 {
			return "Infinity"
		}
		return "-Infinity"
	}
	abs := math.Abs(f)
	if f == 0 || (abs >= 1e-3 && abs < 1e7) {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	s := strconv.FormatFloat(f, 'E', -1, 64) // e.g. 1.2345E+07
	mant, exp, _ := strings.Cut(s, "E")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	exp = strings.TrimPrefix(exp, "+")
	neg := strings.HasPrefix(exp, "-")
	exp = strings.TrimLeft(strings.TrimPrefix(exp, "-"), "0")
	if exp == "" {
		exp = "0"
	}
	if neg {
		exp = "-" + exp
	}
	return mant + "E" + exp
}

// fnStringSplit is States.StringSplit(string, delimiters): splits on every
// character of delimiters and drops empty pieces.
func fnStringSplit(args []any, _ *Env) (any, error) {
	s, err := argString(args, 0)
	if err != nil {
		return nil, err
	}
	d, err := argString(args, 1)
	if err != nil {
		return nil, err
	}
	out := []any{}
	for _, piece := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(d, r) }) {
		out = append(out, piece)
	}
	return out, nil
}

// fnStringToJSON is States.StringToJson(string): parses JSON text; an
// empty or blank string gives null.
func fnStringToJSON(args []any, _ *Env) (any, error) {
	s, err := argString(args, 0)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	v, err := asl.DecodeJSON([]byte(s))
	if err != nil {
		return nil, fmt.Errorf("the string is not valid JSON: %v", err)
	}
	return v, nil
}

// fnJSONToString is States.JsonToString(value): compact JSON text.
func fnJSONToString(args []any, _ *Env) (any, error) {
	return encode(args[0]), nil
}
