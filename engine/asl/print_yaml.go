package asl

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// PrintYAML prints v as block-style YAML with two-space indentation:
// object members in the Value's order, sequences indented under their key,
// strings quoted only when a plain scalar would read back as something
// else (numbers, booleans, null, "{% … %}" JSONata, leading indicators,
// ": " or " #"), and Tags (e.g. "!Ref") printed before their value.
// ParseYAML(PrintYAML(v)) gives v's value back.
func PrintYAML(v *Value) []byte {
	p := &yamlPrinter{b: make([]byte, 0, 1024)}
	if v == nil {
		return []byte("null\n")
	}
	switch {
	case v.Kind == Object && len(v.Fields) > 0:
		if v.Tag != "" {
			p.tag(v.Tag)
			p.b = append(p.b, '\n')
		}
		p.fields(v, 0, false)
	case v.Kind == Array && len(v.Items) > 0:
		if v.Tag != "" {
			p.tag(v.Tag)
			p.b = append(p.b, '\n')
		}
		p.items(v, 0, false)
	default:
		if v.Tag != "" {
			p.tag(v.Tag)
			p.b = append(p.b, ' ')
		}
		p.scalar(v)
		p.b = append(p.b, '\n')
	}
	return p.b
}

type yamlPrinter struct {
	b []byte
}

// tag prints a tag: local ones ("!Ref") as written, global ones in the
// verbatim form ("!<tag:example.com,2000:x>"); characters a tag cannot
// hold are %-escaped, which YAML parsers decode.
func (p *yamlPrinter) tag(t string) {
	verbatim := !strings.HasPrefix(t, "!")
	if verbatim {
		p.b = append(p.b, "!<"...)
	} else {
		p.b = append(p.b, '!')
		t = t[1:]
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if isTagChar(c) || (verbatim && (c == '!' || c == ',' || c == '[' || c == ']')) {
			p.b = append(p.b, c)
			continue
		}
		p.b = append(p.b, '%', "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&0xf])
	}
	if verbatim {
		p.b = append(p.b, '>')
	}
}

// isTagChar reports whether c may appear unescaped in a tag suffix.
func isTagChar(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("-#;/?:@&=+$_.~*'()", c) >= 0
}

func (p *yamlPrinter) spaces(n int) {
	for i := 0; i < n; i++ {
		p.b = append(p.b, ' ')
	}
}

// fields prints an object's members at indent; with inlineFirst the first
// member continues the current line (after "- ").
func (p *yamlPrinter) fields(v *Value, indent int, inlineFirst bool) {
	for i, f := range v.Fields {
		if i > 0 || !inlineFirst {
			p.spaces(indent)
		}
		if len(f.Key) > 1000 {
			// Implicit keys are limited to 1024 characters: use an explicit one.
			p.b = append(p.b, '?', ' ')
			p.str(f.Key)
			p.b = append(p.b, '\n')
			p.spaces(indent)
		} else {
			p.str(f.Key)
		}
		p.b = append(p.b, ':')
		p.after(f.Value, indent, false)
	}
}

// items prints an array's elements at indent.
func (p *yamlPrinter) items(v *Value, indent int, inlineFirst bool) {
	for i, it := range v.Items {
		if i > 0 || !inlineFirst {
			p.spaces(indent)
		}
		p.b = append(p.b, '-')
		p.after(it, indent, true)
	}
}

// maxBlockIndent is the indentation beyond which collections print in
// flow style, so deeply nested documents do not print quadratically.
const maxBlockIndent = 64

// after prints a value following "key:" or "-" on the current line.
func (p *yamlPrinter) after(v *Value, indent int, dash bool) {
	if v == nil {
		v = &Value{}
	}
	if indent >= maxBlockIndent {
		p.b = append(p.b, ' ')
		p.flow(v)
		p.b = append(p.b, '\n')
		return
	}
	if v.Tag != "" {
		p.b = append(p.b, ' ')
		p.tag(v.Tag)
	}
	switch {
	case v.Kind == Object && len(v.Fields) > 0:
		if dash && v.Tag == "" {
			p.b = append(p.b, ' ')
			p.fields(v, indent+2, true)
			return
		}
		p.b = append(p.b, '\n')
		p.fields(v, indent+2, false)
	case v.Kind == Array && len(v.Items) > 0:
		if dash && v.Tag == "" {
			p.b = append(p.b, ' ')
			p.items(v, indent+2, true)
			return
		}
		p.b = append(p.b, '\n')
		p.items(v, indent+2, false)
	default:
		p.b = append(p.b, ' ')
		p.scalar(v)
		p.b = append(p.b, '\n')
	}
}

// flow prints v in flow style ({"k": [1, "s"]}), strings double-quoted.
func (p *yamlPrinter) flow(v *Value) {
	if v.Tag != "" {
		p.tag(v.Tag)
		p.b = append(p.b, ' ')
	}
	switch v.Kind {
	case Object:
		p.b = append(p.b, '{')
		for i, f := range v.Fields {
			if i > 0 {
				p.b = append(p.b, ',', ' ')
			}
			if len(f.Key) > 1000 {
				p.b = append(p.b, '?', ' ')
			}
			p.b = appendYAMLDoubleQuoted(p.b, f.Key)
			p.b = append(p.b, ':', ' ')
			p.flow(f.Value)
		}
		p.b = append(p.b, '}')
	case Array:
		p.b = append(p.b, '[')
		for i, it := range v.Items {
			if i > 0 {
				p.b = append(p.b, ',', ' ')
			}
			p.flow(it)
		}
		p.b = append(p.b, ']')
	case String:
		p.b = appendYAMLDoubleQuoted(p.b, v.Str)
	default:
		p.scalar(v)
	}
}

func (p *yamlPrinter) scalar(v *Value) {
	switch v.Kind {
	case Object:
		p.b = append(p.b, '{', '}')
	case Array:
		p.b = append(p.b, '[', ']')
	case String:
		p.str(v.Str)
	case Number:
		if _, err := strconv.ParseFloat(v.Str, 64); err != nil {
			// Out of float64 range: YAML would read it as a string.
			p.b = append(p.b, "!!float "...)
		}
		p.b = appendJSONScalar(p.b, v)
	default:
		p.b = appendJSONScalar(p.b, v)
	}
}

// str prints a string plain when that reads back as the same string, else
// single-quoted, or double-quoted when it holds characters that need
// escapes.
func (p *yamlPrinter) str(s string) {
	switch yamlQuoting(s) {
	case plainStyle:
		p.b = append(p.b, s...)
	case singleStyle:
		p.b = append(p.b, '\'')
		p.b = append(p.b, strings.ReplaceAll(s, "'", "''")...)
		p.b = append(p.b, '\'')
	default:
		p.b = appendYAMLDoubleQuoted(p.b, s)
	}
}

const (
	plainStyle = iota
	singleStyle
	doubleStyle
)

// yamlReserved are plain scalars that YAML 1.1 or 1.2 parsers read as
// something other than a string.
var yamlReserved = map[string]bool{
	"null": true, "~": true, "true": true, "false": true, "yes": true, "no": true,
	"on": true, "off": true, "y": true, "n": true, "<<": true, "=": true,
}

// yamlQuoting chooses how to print s.
func yamlQuoting(s string) int {
	if s == "" {
		return singleStyle
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return doubleStyle
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !yamlPrintable(r) || (r == utf8.RuneError && size == 1) {
			return doubleStyle
		}
		i += size
	}
	switch s[0] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ',
		'.', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return singleStyle
	}
	if last := s[len(s)-1]; last == ' ' || last == ':' {
		return singleStyle
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return singleStyle
	}
	if yamlReserved[strings.ToLower(s)] {
		return singleStyle
	}
	return plainStyle
}

// yamlPrintable reports whether r may appear unescaped in a YAML scalar.
func yamlPrintable(r rune) bool {
	switch {
	case r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xfeff:
		return false
	case r >= 0x80 && r <= 0x9f:
		return false
	case r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff:
		return false
	}
	return true
}

// appendYAMLDoubleQuoted appends s as a YAML double-quoted scalar (JSON
// escapes are valid YAML escapes).
func appendYAMLDoubleQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\t':
			b = append(b, '\\', 't')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r < 0x20 || r == 0x7f || !yamlPrintable(r):
			b = append(b, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}
