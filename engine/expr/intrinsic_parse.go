package expr

import (
	"fmt"
	"strconv"
	"strings"
)

// icall is a parsed intrinsic function call: States.Name(args…).
type icall struct {
	name string // without the "States." prefix
	args []iarg
	pos  int // offset of the call in the source
	// fn is intrinsics[name] and known whether it exists, resolved
	// when the call is parsed.
	fn    intrinsicFunc
	known bool
}

// resolve looks up the functions of c and its nested calls.
func (c *icall) resolve() {
	c.fn, c.known = intrinsics[c.name]
	for _, a := range c.args {
		if a.call != nil {
			a.call.resolve()
		}
	}
}

// iarg is one argument: a literal, a Path or a nested call.
type iarg struct {
	lit   any
	path  string
	call  *icall
	isLit bool
	pos   int
}

// intrinsicParser reads the intrinsic call syntax: States.Name(arg, …) where
// an argument is a 'string' (with \' \\ \{ \} escapes), a number, null,
// true, false, a Path ($…, $$…, $var…) or another call.
type intrinsicParser struct {
	s   string
	pos int
}

// maxIntrinsicDepth bounds nesting so a hostile definition cannot exhaust
// the stack.
const maxIntrinsicDepth = 64

// parseIntrinsic parses a whole intrinsic call.
func parseIntrinsic(s string) (*icall, error) {
	p := &intrinsicParser{s: s}
	p.space()
	if !strings.HasPrefix(p.s[p.pos:], "States.") {
		return nil, fmt.Errorf("an intrinsic function call must start with 'States.'")
	}
	c, err := p.call(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos != len(p.s) {
		return nil, fmt.Errorf("unexpected text %q after the call at offset %d", p.s[p.pos:], p.pos)
	}
	c.resolve()
	return c, nil
}

func (p *intrinsicParser) space() {
	for p.pos < len(p.s) && (p.s[p.pos] == ' ' || p.s[p.pos] == '\t' || p.s[p.pos] == '\n' || p.s[p.pos] == '\r') {
		p.pos++
	}
}

func (p *intrinsicParser) call(depth int) (*icall, error) {
	if depth > maxIntrinsicDepth {
		return nil, fmt.Errorf("intrinsic function calls are nested too deeply at offset %d", p.pos)
	}
	start := p.pos
	p.pos += len("States.")
	n := p.pos
	for p.pos < len(p.s) && isIdentByte(p.s[p.pos]) {
		p.pos++
	}
	name := p.s[n:p.pos]
	if name == "" {
		return nil, fmt.Errorf("missing function name after 'States.' at offset %d", n)
	}
	p.space()
	if p.pos >= len(p.s) || p.s[p.pos] != '(' {
		return nil, fmt.Errorf("expected '(' after States.%s at offset %d", name, p.pos)
	}
	p.pos++
	c := &icall{name: name, pos: start}
	p.space()
	if p.pos < len(p.s) && p.s[p.pos] == ')' {
		p.pos++
		return c, nil
	}
	for {
		p.space()
		a, err := p.arg(depth)
		if err != nil {
			return nil, err
		}
		c.args = append(c.args, a)
		p.space()
		if p.pos >= len(p.s) {
			return nil, fmt.Errorf("missing ')' to close States.%s (opened at offset %d)", name, start)
		}
		switch p.s[p.pos] {
		case ',':
			p.pos++
		case ')':
			p.pos++
			return c, nil
		default:
			return nil, fmt.Errorf("expected ',' or ')' at offset %d in the arguments of States.%s", p.pos, name)
		}
	}
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (p *intrinsicParser) arg(depth int) (iarg, error) {
	start := p.pos
	if p.pos >= len(p.s) {
		return iarg{}, fmt.Errorf("missing argument at offset %d", p.pos)
	}
	c := p.s[p.pos]
	switch {
	case c == '\'':
		s, err := p.str()
		return iarg{lit: s, isLit: true, pos: start}, err
	case c == '$':
		path := p.pathText()
		if err := CheckPath(path); err != nil {
			return iarg{}, fmt.Errorf("argument at offset %d: %v", start, err)
		}
		return iarg{path: path, pos: start}, nil
	case strings.HasPrefix(p.s[p.pos:], "States."):
		call, err := p.call(depth + 1)
		return iarg{call: call, pos: start}, err
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	for _, w := range []struct {
		word string
		val  any
	}{{"null", nil}, {"true", true}, {"false", false}} {
		if strings.HasPrefix(p.s[p.pos:], w.word) && (p.pos+len(w.word) == len(p.s) || !isIdentByte(p.s[p.pos+len(w.word)])) {
			p.pos += len(w.word)
			return iarg{lit: w.val, isLit: true, pos: start}, nil
		}
	}
	return iarg{}, fmt.Errorf("invalid argument at offset %d: %q", start, truncate(p.s[start:], 20))
}

// str reads a 'quoted' string. \' \\ are unescaped; \{ and \} are kept as
// written so States.Format can tell literal braces from placeholders.
func (p *intrinsicParser) str() (string, error) {
	start := p.pos
	p.pos++
	var b strings.Builder
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		switch c {
		case '\\':
			if p.pos+1 < len(p.s) {
				next := p.s[p.pos+1]
				switch next {
				case '\'', '\\':
					b.WriteByte(next)
					p.pos += 2
					continue
				case '{', '}':
					b.WriteByte('\\')
					b.WriteByte(next)
					p.pos += 2
					continue
				}
			}
			b.WriteByte(c)
			p.pos++
		case '\'':
			p.pos++
			return b.String(), nil
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
	return "", fmt.Errorf("unterminated string starting at offset %d", start)
}

// pathText reads a Path argument up to the ',' or ')' that ends it.
func (p *intrinsicParser) pathText() string {
	start := p.pos
	depth := 0
	var quote byte
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		if quote != 0 {
			if c == '\\' {
				p.pos++
			} else if c == quote {
				quote = 0
			}
			p.pos++
			continue
		}
		switch c {
		case '\'', '"':
			quote = c
		case '[', '(':
			depth++
		case ']':
			depth--
		case ')':
			if depth == 0 {
				return strings.TrimSpace(p.s[start:p.pos])
			}
			depth--
		case ',':
			if depth == 0 {
				return strings.TrimSpace(p.s[start:p.pos])
			}
		}
		p.pos++
	}
	return strings.TrimSpace(p.s[start:p.pos])
}

func (p *intrinsicParser) number() (iarg, error) {
	start := p.pos
	if p.s[p.pos] == '-' {
		p.pos++
	}
	isFloat := false
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		if c >= '0' && c <= '9' {
			p.pos++
			continue
		}
		if c == '.' || c == 'e' || c == 'E' || ((c == '+' || c == '-') && (p.s[p.pos-1] == 'e' || p.s[p.pos-1] == 'E')) {
			isFloat = true
			p.pos++
			continue
		}
		break
	}
	text := p.s[start:p.pos]
	if !isFloat {
		if n, err := strconv.ParseInt(text, 10, 64); err == nil {
			return iarg{lit: n, isLit: true, pos: start}, nil
		}
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return iarg{}, fmt.Errorf("invalid number %q at offset %d", text, start)
	}
	return iarg{lit: f, isLit: true, pos: start}, nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
