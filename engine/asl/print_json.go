package asl

// PrintJSON prints v as JSON the way the AWS console does (JSON.stringify
// with two spaces): one member or element per line, `"Key": value`, empty
// objects and arrays as {} and [], object members in the Value's order,
// numbers as their literal text, followed by a newline. YAML tags have no
// JSON form and are dropped.
func PrintJSON(v *Value) []byte {
	n := 1024
	if v != nil && v.End.Offset > v.Pos.Offset {
		// A parsed document prints to about its source size.
		n = v.End.Offset - v.Pos.Offset + (v.End.Offset-v.Pos.Offset)/8 + 64
	}
	b := make([]byte, 0, n)
	b = appendJSONIndent(b, v, 0)
	return append(b, '\n')
}

// AppendCompactJSON appends v as compact JSON (no spaces), members in the
// Value's order and numbers as their literal text.
func AppendCompactJSON(b []byte, v *Value) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	switch v.Kind {
	case Object:
		b = append(b, '{')
		for i, f := range v.Fields {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendQuoted(b, f.Key)
			b = append(b, ':')
			b = AppendCompactJSON(b, f.Value)
		}
		return append(b, '}')
	case Array:
		b = append(b, '[')
		for i, it := range v.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendCompactJSON(b, it)
		}
		return append(b, ']')
	}
	return appendJSONScalar(b, v)
}

func appendJSONScalar(b []byte, v *Value) []byte {
	switch v.Kind {
	case Bool:
		if v.Bool {
			return append(b, "true"...)
		}
		return append(b, "false"...)
	case Number:
		if v.Str == "" {
			return append(b, '0')
		}
		return append(b, v.Str...)
	case String:
		return appendQuoted(b, v.Str)
	}
	return append(b, "null"...)
}

func appendIndent(b []byte, n int) []byte {
	for i := 0; i < n; i++ {
		b = append(b, ' ', ' ')
	}
	return b
}

func appendJSONIndent(b []byte, v *Value, depth int) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	switch v.Kind {
	case Object:
		if len(v.Fields) == 0 {
			return append(b, '{', '}')
		}
		b = append(b, '{', '\n')
		for i, f := range v.Fields {
			b = appendIndent(b, depth+1)
			b = appendQuoted(b, f.Key)
			b = append(b, ':', ' ')
			b = appendJSONIndent(b, f.Value, depth+1)
			if i < len(v.Fields)-1 {
				b = append(b, ',')
			}
			b = append(b, '\n')
		}
		b = appendIndent(b, depth)
		return append(b, '}')
	case Array:
		if len(v.Items) == 0 {
			return append(b, '[', ']')
		}
		b = append(b, '[', '\n')
		for i, it := range v.Items {
			b = appendIndent(b, depth+1)
			b = appendJSONIndent(b, it, depth+1)
			if i < len(v.Items)-1 {
				b = append(b, ',')
			}
			b = append(b, '\n')
		}
		b = appendIndent(b, depth)
		return append(b, ']')
	}
	return appendJSONScalar(b, v)
}
