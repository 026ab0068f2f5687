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
	segProps                   // ['a', 'b']: several properties (Jayway merges them into one object at the leaf)
	segScript                  // [(@.length-1)]: an index counted from the array's length
)

// seg is one step of a path.
type seg struct {
	kind  segKind
	name  string
	index int
	raw   string
	frag  jp.Expr  // for segRaw: "$" followed by the step, for ojg
	names []string // for segProps
}

// path is a parsed JSONPath Path with AWS's roots: $, $$ and $name.
type path struct {
	src     string
	root    root
	varName string
	segs    []seg
	// definite is true when the path selects at most one node (no
	// wildcards, filters, slices, index unions or descents), as Jayway
	// decides it: a property union is definite as the last step.
	definite bool
	// computed is true when a step builds or computes its node (a property
	// union or a script index), which a Reference Path cannot hold.
	computed bool
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
		case c == '.' && i+1 < len(s) && s[i+1] == '[':
			// Jayway reads ".[0]", ".['a']" and ".[*]" as the bracket step.
			i++
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
			switch sg.kind {
			case segRaw, segWildcard:
				p.definite = false
			case segProps, segScript:
				p.computed = true
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
	for i, sg := range p.segs {
		if sg.kind == segProps && i < len(p.segs)-1 {
			p.definite = false // a union before the last step selects each property
		}
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
		// A quoted name, or a union of quoted names: ['a'] or ['a', 'b'].
		if names, k, ok, err := scanNames(s, j); err != nil {
			return seg{}, 0, err
		} else if ok {
			if len(names) == 1 {
				return seg{kind: segChild, name: names[0]}, k, nil
			}
			return seg{kind: segProps, names: names, raw: s[i:k]}, k, nil
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
		n, err := parseScriptIndex(inner)
		if err != nil {
			return seg{}, 0, fmt.Errorf("%v: %s", err, s[i:k+1])
		}
		return seg{kind: segScript, index: n, raw: s[i : k+1]}, k + 1, nil
	}
	raw := s[i : k+1]
	if strings.HasPrefix(inner, "?") {
		raw = "[" + quoteBareWords(inner) + "]"
	}
	return seg{kind: segRaw, raw: raw}, k + 1, nil
}

// scanNames reads the quoted names of a bracket step starting at the
// quote s[j]: 'a' or 'a', 'b' (either quote; a backslash before the quote
// escapes it, other backslashes are kept). ok is false when the bracket
// holds something else after a name (left to ojg).
func scanNames(s string, j int) (names []string, end int, ok bool, err error) {
	k := j
	for {
		q := s[k]
		var b strings.Builder
		k++
		for k < len(s) && s[k] != q {
			if s[k] == '\\' && k+1 < len(s) && s[k+1] == q {
				k++
			}
			b.WriteByte(s[k])
			k++
		}
		if k >= len(s) {
			return nil, 0, false, fmt.Errorf("unterminated string at offset %d", j)
		}
		names = append(names, b.String())
		k = skipSpaces(s, k+1)
		switch {
		case k < len(s) && s[k] == ']':
			return names, k + 1, true, nil
		case k < len(s) && s[k] == ',':
			k = skipSpaces(s, k+1)
			if k < len(s) && (s[k] == '\'' || s[k] == '"') {
				continue
			}
			if k < len(s) && s[k] == ']' {
				return nil, 0, false, fmt.Errorf("empty property in the union at offset %d", k)
			}
		}
		return nil, 0, false, nil
	}
}

func skipSpaces(s string, k int) int {
	for k < len(s) && s[k] == ' ' {
		k++
	}
	return k
}

// parseScriptIndex reads the one script expression paths use in practice,
// (@.length-N) (also +N or no offset): an index counted from the length of
// the array it applies to, as Goessner's JSONPath and asl-validator
// evaluate it.
func parseScriptIndex(inner string) (int, error) {
	body := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(inner, "("), ")"))
	if !strings.HasSuffix(inner, ")") || !strings.HasPrefix(body, "@.length") {
		return 0, fmt.Errorf("script expressions other than (@.length-N) are not supported")
	}
	rest := strings.ReplaceAll(strings.TrimPrefix(body, "@.length"), " ", "")
	if rest == "" {
		return 0, nil
	}
	if rest[0] != '-' && rest[0] != '+' {
		return 0, fmt.Errorf("script expressions other than (@.length-N) are not supported")
	}
	n, err := strconv.Atoi(rest[1:])
	if err != nil || rest[1] == '+' || rest[1] == '-' {
		return 0, fmt.Errorf("script expressions other than (@.length-N) are not supported")
	}
	if rest[0] == '-' {
		n = -n
	}
	return n, nil
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
		case segProps, segScript:
			b.WriteString(sg.raw)
		}
	}
	return b.String()
}
