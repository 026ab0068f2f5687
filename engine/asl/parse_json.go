package asl

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// SyntaxError is a JSON or YAML syntax error at a source position.
type SyntaxError struct {
	Msg    string
	Line   int // 1-based
	Col    int // 1-based, in bytes
	Offset int // 0-based byte offset
}

// Error implements error: "line L, column C: msg".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

// maxDepth bounds nesting so hostile input cannot exhaust the stack. It is
// Jackson's default limit (what AWS parses definitions with), and stays
// below YAML's, so every JSON document also prints as YAML.
const maxDepth = 1000

// ParseJSON parses a JSON document into a Value tree. Every node and every
// object key carries its position; object members keep their source order,
// duplicates included; numbers keep their literal text; strings are
// decoded. Errors are *SyntaxError.
func ParseJSON(src []byte) (*Value, error) {
	p := &jsonParser{src: src, str: string(src), line: 1}
	p.skipSpace()
	if p.pos >= len(src) {
		return nil, p.errf("unexpected end of JSON input")
	}
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(src) {
		return nil, p.errf("invalid character %s after top-level value", quoteByte(src[p.pos]))
	}
	return v, nil
}

// jsonParser is a hand-written recursive-descent JSON scanner. Values,
// fields and the slices pointing at them are carved from slabs to keep the
// number of allocations low on large documents.
type jsonParser struct {
	src       []byte
	str       string // src as a string: unescaped strings and numbers are substrings of it
	pos       int
	line      int
	lineStart int

	vals   []Value
	fields []Field
	fptrs  []*Field
	vptrs  []*Value
	fstack []*Field // members of the objects being parsed
	vstack []*Value // items of the arrays being parsed
	buf    []byte   // scratch for strings with escapes
}

func (p *jsonParser) here() Pos {
	return Pos{Line: p.line, Col: p.pos - p.lineStart + 1, Offset: p.pos}
}

func (p *jsonParser) errf(format string, args ...any) error {
	h := p.here()
	return &SyntaxError{Msg: fmt.Sprintf(format, args...), Line: h.Line, Col: h.Col, Offset: h.Offset}
}

func quoteByte(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	if c < 0x20 || c >= 0x7f {
		return fmt.Sprintf("%q", []byte{c})
	}
	return "'" + string(c) + "'"
}

// Slab sizes: large ones fill 64 KiB exactly (big allocations are
// rounded up to whole pages).
const (
	valueSlab = (64 << 10) / int(unsafe.Sizeof(Value{}))
	fieldSlab = (16 << 10) / int(unsafe.Sizeof(Field{}))
)

func (p *jsonParser) newValue() *Value {
	if len(p.vals) == 0 {
		n := 64
		if len(p.src) > 4096 {
			n = valueSlab
		}
		p.vals = make([]Value, n)
	}
	v := &p.vals[0]
	p.vals = p.vals[1:]
	return v
}

func (p *jsonParser) newField() *Field {
	if len(p.fields) == 0 {
		n := 32
		if len(p.src) > 4096 {
			n = fieldSlab
		}
		p.fields = make([]Field, n)
	}
	f := &p.fields[0]
	p.fields = p.fields[1:]
	return f
}

// fieldSlice copies fs into an exactly sized slice carved from a slab.
func (p *jsonParser) fieldSlice(fs []*Field) []*Field {
	n := len(fs)
	if n > len(p.fptrs) {
		if n > 128 {
			out := make([]*Field, n)
			copy(out, fs)
			return out
		}
		p.fptrs = make([]*Field, 1024)
	}
	out := p.fptrs[:n:n]
	p.fptrs = p.fptrs[n:]
	copy(out, fs)
	return out
}

func (p *jsonParser) valueSlice(vs []*Value) []*Value {
	n := len(vs)
	if n > len(p.vptrs) {
		if n > 128 {
			out := make([]*Value, n)
			copy(out, vs)
			return out
		}
		p.vptrs = make([]*Value, 512)
	}
	out := p.vptrs[:n:n]
	p.vptrs = p.vptrs[n:]
	copy(out, vs)
	return out
}

func (p *jsonParser) skipSpace() {
	src := p.src
	for p.pos < len(src) {
		switch src[p.pos] {
		case ' ', '\t', '\r':
			p.pos++
		case '\n':
			p.pos++
			p.line++
			p.lineStart = p.pos
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) (*Value, error) {
	if depth > maxDepth {
		return nil, p.errf("exceeded max depth of %d", maxDepth)
	}
	src := p.src
	start := p.here()
	c := src[p.pos]
	switch {
	case c == '{':
		return p.object(start, depth)
	case c == '[':
		return p.array(start, depth)
	case c == '"':
		s, err := p.string()
		if err != nil {
			return nil, err
		}
		v := p.newValue()
		v.Kind, v.Pos, v.Str, v.End = String, start, s, p.here()
		return v, nil
	case c == '-' || (c >= '0' && c <= '9'):
		lit, err := p.number()
		if err != nil {
			return nil, err
		}
		v := p.newValue()
		v.Kind, v.Pos, v.Str, v.End = Number, start, lit, p.here()
		return v, nil
	case c == 't':
		if err := p.literal("true"); err != nil {
			return nil, err
		}
		v := p.newValue()
		v.Kind, v.Pos, v.Bool, v.End = Bool, start, true, p.here()
		return v, nil
	case c == 'f':
		if err := p.literal("false"); err != nil {
			return nil, err
		}
		v := p.newValue()
		v.Kind, v.Pos, v.End = Bool, start, p.here()
		return v, nil
	case c == 'n':
		if err := p.literal("null"); err != nil {
			return nil, err
		}
		v := p.newValue()
		v.Kind, v.Pos, v.End = Null, start, p.here()
		return v, nil
	}
	return nil, p.errf("invalid character %s looking for beginning of value", quoteByte(c))
}

func (p *jsonParser) literal(word string) error {
	for i := 0; i < len(word); i++ {
		if p.pos >= len(p.src) {
			return p.errf("unexpected end of JSON input")
		}
		if p.src[p.pos] != word[i] {
			return p.errf("invalid character %s in literal %s (expecting '%c')", quoteByte(p.src[p.pos]), word, word[i])
		}
		p.pos++
	}
	return nil
}

func (p *jsonParser) object(start Pos, depth int) (*Value, error) {
	p.pos++ // {
	base := len(p.fstack)
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		v := p.newValue()
		v.Kind, v.Pos, v.End = Object, start, p.here()
		return v, nil
	}
	for {
		if p.pos >= len(p.src) {
			return nil, p.errf("unexpected end of JSON input")
		}
		if p.src[p.pos] != '"' {
			return nil, p.errf("invalid character %s looking for beginning of object key string", quoteByte(p.src[p.pos]))
		}
		keyPos := p.here()
		key, err := p.string()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errf("unexpected end of JSON input")
		}
		if p.src[p.pos] != ':' {
			return nil, p.errf("invalid character %s after object key", quoteByte(p.src[p.pos]))
		}
		p.pos++
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errf("unexpected end of JSON input")
		}
		val, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		f := p.newField()
		f.Key, f.KeyPos, f.Value = key, keyPos, val
		p.fstack = append(p.fstack, f)
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errf("unexpected end of JSON input")
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
			p.skipSpace()
			continue
		case '}':
			p.pos++
			v := p.newValue()
			v.Kind, v.Pos, v.End = Object, start, p.here()
			v.Fields = p.fieldSlice(p.fstack[base:])
			clear(p.fstack[base:])
			p.fstack = p.fstack[:base]
			return v, nil
		}
		return nil, p.errf("invalid character %s after object key:value pair", quoteByte(p.src[p.pos]))
	}
}

func (p *jsonParser) array(start Pos, depth int) (*Value, error) {
	p.pos++ // [
	base := len(p.vstack)
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		v := p.newValue()
		v.Kind, v.Pos, v.End = Array, start, p.here()
		return v, nil
	}
	for {
		if p.pos >= len(p.src) {
			return nil, p.errf("unexpected end of JSON input")
		}
		item, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		p.vstack = append(p.vstack, item)
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errf("unexpected end of JSON input")
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
			p.skipSpace()
			continue
		case ']':
			p.pos++
			v := p.newValue()
			v.Kind, v.Pos, v.End = Array, start, p.here()
			v.Items = p.valueSlice(p.vstack[base:])
			clear(p.vstack[base:])
			p.vstack = p.vstack[:base]
			return v, nil
		}
		return nil, p.errf("invalid character %s after array element", quoteByte(p.src[p.pos]))
	}
}

// number scans a JSON number and returns its literal text.
func (p *jsonParser) number() (string, error) {
	src := p.src
	start := p.pos
	digits := func() int {
		n := 0
		for p.pos < len(src) && src[p.pos] >= '0' && src[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if src[p.pos] == '-' {
		p.pos++
	}
	if p.pos >= len(src) {
		return "", p.errf("unexpected end of JSON input")
	}
	switch c := src[p.pos]; {
	case c == '0':
		p.pos++
	case c >= '1' && c <= '9':
		digits()
	default:
		return "", p.errf("invalid character %s in numeric literal", quoteByte(c))
	}
	if p.pos < len(src) && src[p.pos] == '.' {
		p.pos++
		if p.pos >= len(src) {
			return "", p.errf("unexpected end of JSON input")
		}
		if digits() == 0 {
			return "", p.errf("invalid character %s after decimal point in numeric literal", quoteByte(src[p.pos]))
		}
	}
	if p.pos < len(src) && (src[p.pos] == 'e' || src[p.pos] == 'E') {
		p.pos++
		if p.pos < len(src) && (src[p.pos] == '+' || src[p.pos] == '-') {
			p.pos++
		}
		if p.pos >= len(src) {
			return "", p.errf("unexpected end of JSON input")
		}
		if digits() == 0 {
			return "", p.errf("invalid character %s in exponent of numeric literal", quoteByte(src[p.pos]))
		}
	}
	return p.str[start:p.pos], nil
}

// string scans a quoted string at p.pos and returns its decoded value.
func (p *jsonParser) string() (string, error) {
	src := p.src
	p.pos++ // opening quote
	start := p.pos
	// Fast path: no escapes, valid UTF-8 → a substring of the source.
	for i := start; i < len(src); {
		c := src[i]
		switch {
		case c == '"':
			p.pos = i + 1
			return p.str[start:i], nil
		case c == '\\':
			return p.slowString(start)
		case c < 0x20:
			p.pos = i
			return "", p.errf("invalid character %s in string literal", quoteByte(c))
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				return p.slowString(start)
			}
			i += size
		}
	}
	p.pos = len(src)
	return "", p.errf("unexpected end of JSON input")
}

// slowString decodes a string with escapes or invalid UTF-8 (replaced by
// U+FFFD, as encoding/json does).
func (p *jsonParser) slowString(start int) (string, error) {
	src := p.src
	b := p.buf[:0]
	i := start
	for i < len(src) {
		c := src[i]
		switch {
		case c == '"':
			p.pos = i + 1
			p.buf = b
			return string(b), nil
		case c == '\\':
			if i+1 >= len(src) {
				p.pos = len(src)
				return "", p.errf("unexpected end of JSON input")
			}
			e := src[i+1]
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := hex4(src, i+2)
				if !ok {
					p.pos = i + 1
					return "", p.errf("invalid escape sequence in string literal (\\u needs four hex digits)")
				}
				i += 6
				if utf16.IsSurrogate(r) {
					if r2, ok := hex4(src, i+2); ok && i+1 < len(src) && src[i] == '\\' && src[i+1] == 'u' {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							b = utf8.AppendRune(b, dec)
							i += 6
							continue
						}
					}
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
				continue
			default:
				p.pos = i + 1
				return "", p.errf("invalid character %s in string escape code", quoteByte(e))
			}
			i += 2
		case c < 0x20:
			p.pos = i
			return "", p.errf("invalid character %s in string literal", quoteByte(c))
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, "\uFFFD"...)
			} else {
				b = append(b, src[i:i+size]...)
			}
			i += size
		}
	}
	p.pos = len(src)
	p.buf = b
	return "", p.errf("unexpected end of JSON input")
}

func hex4(src []byte, i int) (rune, bool) {
	if i+4 > len(src) {
		return 0, false
	}
	var r rune
	for _, c := range src[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// numberIsInt reports whether a number literal has no fraction or exponent.
func numberIsInt(lit string) bool {
	for i := 0; i < len(lit); i++ {
		switch lit[i] {
		case '.', 'e', 'E':
			return false
		}
	}
	return true
}

// Int returns a Number's value as an int64 when its literal is an integer
// that fits.
func (v *Value) Int() (int64, bool) {
	if v == nil || v.Kind != Number || !numberIsInt(v.Str) {
		return 0, false
	}
	n, err := strconv.ParseInt(v.Str, 10, 64)
	return n, err == nil
}

// Float returns a Number's value as a float64.
func (v *Value) Float() (float64, bool) {
	if v == nil || v.Kind != Number {
		return 0, false
	}
	f, err := strconv.ParseFloat(v.Str, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true
		}
		return 0, false
	}
	return f, true
}
