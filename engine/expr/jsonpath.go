package expr

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ohler55/ojg/jp"
)

// root says what a path is applied to.
type root uint8

const (
	rootInput   root = iota // $ — the state's data
	rootContext             // $$ — the context object
	rootVar                 // $name — a workflow variable
)

// segKind is the kind of one step of a path.
type segKind uint8

const (
	segChild    segKind = iota // .name or ['name']
	segIndex                   // [n]
	segWildcard                // .* or [*]
	segDescent                 // .. (applies the next step to every descendant)
	segRaw                     // filters, slices, unions: evaluated by ojg, one node at a time
)

// seg is one step of a path.
type seg struct {
	kind  segKind
	name  string
	index int
	raw   string
	frag  jp.Expr // for segRaw: "$" followed by the step, for ojg
}

// path is a parsed JSONPath Path with AWS's roots: $, $$ and $name.
type path struct {
	src     string
	root    root
	varName string
	segs    []seg
	// definite is true when the path selects at most one node (no
	// wildcards, filters, slices, unions or descents).
	definite bool
}

// parsePath parses a Path. It accepts what AWS accepts: $ followed by
// dot-notation names (which may hold any character but '.', '[' and
// white space, e.g. $.delivery-partner), bracket-notation names in single or
// double quotes, indexes, and the JSONPath operators ojg understands
// (*, .., [?()], [a:b], [a,b]).
func parsePath(s string) (*path, error) {
	p := &path{src: s, definite: true}
	if !strings.HasPrefix(s, "$") {
		return nil, fmt.Errorf("a path must start with '$'")
	}
	i := 1
	switch {
	case strings.HasPrefix(s, "$$"):
		p.root = rootContext
		i = 2
	case len(s) > 1 && isVarStart(s[1:]):
		p.root = rootVar
		j := 1
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isVarRune(r) {
				break
			}
			j += n
		}
		p.varName = s[1:j]
		i = j
	}
	for i < len(s) {
		c := s[i]
		switch {
		case c == '.' && i+1 < len(s) && s[i+1] == '.':
			// Descent: hand the rest of this step to ojg.
			j := i + 2
			p.segs = append(p.segs, seg{kind: segDescent})
			p.definite = false
			if j < len(s) && s[j] == '[' {
				i = j
				continue
			}
			k := scanName(s, j)
			if k == j {
				return nil, fmt.Errorf("a name must follow '..' at offset %d", j)
			}
			if name := s[j:k]; name == "*" {
				p.segs = append(p.segs, seg{kind: segWildcard})
			} else {
				p.segs = append(p.segs, seg{kind: segChild, name: name})
			}
			i = k
		case c == '.':
			j := i + 1
			k := scanName(s, j)
			if k == j {
				return nil, fmt.Errorf("a name must follow '.' at offset %d", j)
			}
			name := s[j:k]
			if name == "*" {
				p.segs = append(p.segs, seg{kind: segWildcard})
				p.definite = false
			} else {
				p.segs = append(p.segs, seg{kind: segChild, name: name})
			}
			i = k
		case c == '[':
			sg, k, err := scanBracket(s, i)
			if err != nil {
				return nil, err
			}
			if sg.kind == segRaw || sg.kind == segWildcard {
				p.definite = false
			}
			if sg.kind == segRaw {
				x, err := parseOjg("$" + sg.raw)
				if err != nil {
					return nil, fmt.Errorf("%s: %v", sg.raw, err)
				}
				sg.frag = x
			}
			p.segs = append(p.segs, sg)
			i = k
		default:
			return nil, fmt.Errorf("unexpected character %q at offset %d", c, i)
		}
	}
	if n := len(p.segs); n > 0 && p.segs[n-1].kind == segDescent {
		return nil, fmt.Errorf("'..' must be followed by a name or a bracket")
	}
	return p, nil
}

// parseOjg calls jp.ParseString, turning its panics into errors.
func parseOjg(s string) (x jp.Expr, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return jp.ParseString(s)
}

func isVarStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '_' || unicode.IsLetter(r)
}

func isVarRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// scanName returns the end of a dot-notation name starting at i.
func scanName(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c == '.' || c == '[' || c == '(' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		i++
	}
	return i
}

// bracketName renders a name for ojg in bracket notation when it is not a
// plain identifier.
func bracketName(name string) string {
	if name == "*" {
		return "*"
	}
	plain := true
	for _, r := range name {
		if !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			plain = false
			break
		}
	}
	if plain {
		return name
	}
	return "['" + strings.ReplaceAll(strings.ReplaceAll(name, `\`, `\\`), "'", `\'`) + "']"
}

// scanBracket reads one [...] step starting at s[i] == '['.
func scanBracket(s string, i int) (seg, int, error) {
	j := i + 1
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j < len(s) && (s[j] == '\'' || s[j] == '"') {
		// A quoted name, or a union of quoted names.
		q := s[j]
		k := j + 1
		var b strings.Builder
		for k < len(s) && s[k] != q {
			if s[k] == '\\' && k+1 < len(s) && s[k+1] == q {
				k++
			}
			b.WriteByte(s[k])
			k++
		}
		if k >= len(s) {
			return seg{}, 0, fmt.Errorf("unterminated string at offset %d", j)
		}
		k++
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k < len(s) && s[k] == ']' {
			return seg{kind: segChild, name: b.String()}, k + 1, nil
		}
	}
	// Find the matching ']' (quotes and nested brackets/parentheses skipped).
	depth := 0
	var quote byte
	k := i
	for ; k < len(s); k++ {
		c := s[k]
		if quote != 0 {
			if c == '\\' {
				k++
			} else if c == quote {
				quote = 0
			}
			continue
		}
		switch c {
		case '\'', '"':
			quote = c
		case '[', '(':
			depth++
		case ']', ')':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if k >= len(s) {
		return seg{}, 0, fmt.Errorf("missing ']' for '[' at offset %d", i)
	}
	inner := strings.TrimSpace(s[i+1 : k])
	if n, err := strconv.Atoi(inner); err == nil && inner != "" && inner[0] != '+' {
		return seg{kind: segIndex, index: n}, k + 1, nil
	}
	if inner == "" {
		return seg{}, 0, fmt.Errorf("empty brackets at offset %d", i)
	}
	if inner == "*" {
		return seg{kind: segWildcard}, k + 1, nil
	}
	if strings.HasPrefix(inner, "(") {
		return seg{}, 0, fmt.Errorf("script expressions are not supported: %s", s[i:k+1])
	}
	return seg{kind: segRaw, raw: s[i : k+1]}, k + 1, nil
}

// jaywayPath renders the first n steps of a definite path as Jayway
// JsonPath (which AWS uses) prints them in errors: $['a']['b'][0].
func (p *path) jaywayPath(n int) string {
	var b strings.Builder
	b.WriteString("$")
	for _, sg := range p.segs[:n] {
		switch sg.kind {
		case segChild:
			b.WriteString("['" + sg.name + "']")
		case segIndex:
			b.WriteString("[" + strconv.Itoa(sg.index) + "]")
		}
	}
	return b.String()
}
