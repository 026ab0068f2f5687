package asl

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// DecodeJSON parses JSON text into a runtime value: nil, bool, string,
// int64 (integer literals that fit), float64 (everything else), []any and
// map[string]any. Errors are *SyntaxError.
func DecodeJSON(src []byte) (any, error) {
	v, err := ParseJSON(src)
	if err != nil {
		return nil, err
	}
	return ToAny(v), nil
}

// ToAny converts a Value tree into a runtime value. For duplicate object
// keys the last one wins, as in encoding/json. Numbers out of float64 range
// are clamped to ±math.MaxFloat64.
func ToAny(v *Value) any {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case Bool:
		return v.Bool
	case String:
		return v.Str
	case Number:
		return numberToAny(v.Str)
	case Array:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = ToAny(it)
		}
		return out
	case Object:
		out := make(map[string]any, len(v.Fields))
		for _, f := range v.Fields {
			out[f.Key] = ToAny(f.Value)
		}
		return out
	}
	return nil
}

func numberToAny(lit string) any {
	if numberIsInt(lit) {
		if n, err := strconv.ParseInt(lit, 10, 64); err == nil {
			return n
		}
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		if math.IsInf(f, 1) {
			return math.MaxFloat64
		}
		if math.IsInf(f, -1) {
			return -math.MaxFloat64
		}
	}
	return f
}

// FromAny converts a runtime value into a Value tree (without positions).
// Object keys are sorted so the result is deterministic; float64 values
// print as EncodeJSON prints them (1.0 for an integral float). Other Go
// values are converted through encoding/json.
func FromAny(x any) *Value {
	switch t := x.(type) {
	case nil:
		return NewNull()
	case bool:
		return NewBool(t)
	case string:
		return NewString(t)
	case int64:
		return NewNumber(strconv.FormatInt(t, 10))
	case int:
		return NewNumber(strconv.Itoa(t))
	case float64:
		return NewNumber(string(appendFloat(nil, t)))
	case json.Number:
		return NewNumber(t.String())
	case []any:
		items := make([]*Value, len(t))
		for i, it := range t {
			items[i] = FromAny(it)
		}
		return NewArray(items...)
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		v := &Value{Kind: Object, Fields: make([]*Field, len(keys))}
		for i, k := range keys {
			v.Fields[i] = &Field{Key: k, Value: FromAny(t[k])}
		}
		return v
	case *Value:
		return t
	}
	b, err := json.Marshal(x)
	if err != nil {
		return NewNull()
	}
	v, err := ParseJSON(b)
	if err != nil {
		return NewNull()
	}
	return v
}

// EncodeJSON encodes a runtime value as compact JSON: object keys sorted,
// strings escaped like encoding/json but without HTML escaping, integral
// float64 values printed with ".0" (1.0), int64 as integers.
func EncodeJSON(x any) []byte {
	return AppendJSON(nil, x)
}

// AppendJSON appends EncodeJSON's encoding of x to b.
func AppendJSON(b []byte, x any) []byte {
	switch t := x.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		if t {
			return append(b, "true"...)
		}
		return append(b, "false"...)
	case string:
		return appendQuoted(b, t)
	case int64:
		return strconv.AppendInt(b, t, 10)
	case int:
		return strconv.AppendInt(b, int64(t), 10)
	case int32:
		return strconv.AppendInt(b, int64(t), 10)
	case float64:
		return appendFloat(b, t)
	case float32:
		return appendFloat(b, float64(t))
	case json.Number:
		return append(b, t...)
	case []any:
		b = append(b, '[')
		for i, it := range t {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendJSON(b, it)
		}
		return append(b, ']')
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendQuoted(b, k)
			b = append(b, ':')
			b = AppendJSON(b, t[k])
		}
		return append(b, '}')
	case *Value:
		return AppendJSON(b, ToAny(t))
	}
	// Anything else (typed slices and maps, structs): through encoding/json,
	// then re-encoded so the conventions above hold.
	raw, err := json.Marshal(x)
	if err != nil {
		return append(b, "null"...)
	}
	v, err := DecodeJSON(raw)
	if err != nil {
		return append(b, "null"...)
	}
	return AppendJSON(b, v)
}

// appendFloat formats f like encoding/json, adding ".0" to integral values
// so 1.0 stays distinct from 1. NaN and infinities (not JSON) print as null.
func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	abs := math.Abs(f)
	fmtc := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		fmtc = 'e'
	}
	start := len(b)
	b = strconv.AppendFloat(b, f, fmtc, -1, 64)
	if fmtc == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		n := len(b)
		if n-start >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
		return b
	}
	for _, c := range b[start:] {
		if c == '.' {
			return b
		}
	}
	return append(b, ".0"...)
}

const hexDigits = "0123456789abcdef"

// appendQuoted appends s as a JSON string, escaped like encoding/json with
// HTML escaping off: ", \ and control characters are escaped (\b \f \n \r \t
// in short form), U+2028/U+2029 as \u2028/\u2029, invalid UTF-8 as \ufffd.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
