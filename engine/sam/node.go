package sam

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// nodeKind is the shape of a template node.
type nodeKind uint8

const (
	scalarNode nodeKind = iota + 1
	mappingNode
	sequenceNode
)

// node is one node of a template with its exact byte range in the source.
// The range [start,end) covers the node's tag or anchor (when present) and
// its whole text: a quoted scalar's quotes, a block scalar's lines, a flow
// collection's brackets.
type node struct {
	kind  nodeKind
	tag   string // a non-core tag as written, e.g. "!Ref"; "" otherwise
	core  string // the resolved core tag of a scalar: "!!str", "!!int", "!!float", "!!bool", "!!null"
	value string // a scalar's value
	style yaml.Style
	line  int // 1-based line of start
	col   int // 1-based byte column of start
	start int // byte offset where the node (tag included) starts
	body  int // byte offset where the node's text starts (after tag/anchor)
	end   int // byte offset just after the node
	items []*node
	keys  []*node
	vals  []*node
	// size counts the nodes under this one with aliases expanded.
	size int
}

// get returns the value of a mapping member named key, or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != mappingNode {
		return nil
	}
	for i, k := range n.keys {
		if k.kind == scalarNode && k.value == key {
			return n.vals[i]
		}
	}
	return nil
}

// getKey returns the key node of a mapping member named key, or nil.
func (n *node) getKey(key string) *node {
	if n == nil || n.kind != mappingNode {
		return nil
	}
	for _, k := range n.keys {
		if k.kind == scalarNode && k.value == key {
			return k
		}
	}
	return nil
}

// str returns a scalar's value when the node is an untagged (or !!str) scalar.
func (n *node) str() (string, bool) {
	if n == nil || n.kind != scalarNode || (n.tag != "" && n.tag != "!!str") {
		return "", false
	}
	return n.value, true
}

// isFlow reports whether a collection was written in flow style ({…} or […]).
func (n *node) isFlow() bool { return n.style&yaml.FlowStyle != 0 }

// source holds a template's text and its line starts.
type source struct {
	name  string
	src   []byte
	lines []int // byte offset of each line start
}

func newSource(name string, src []byte) *source {
	s := &source{name: name, src: src, lines: []int{0}}
	for i, c := range src {
		if c == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	return s
}

// offset converts yaml's 1-based line and 1-based column (counted in
// characters) to a byte offset.
func (s *source) offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(s.lines) {
		return len(s.src)
	}
	off := s.lines[line-1]
	for i := 1; i < col && off < len(s.src) && s.src[off] != '\n'; i++ {
		_, w := utf8.DecodeRune(s.src[off:])
		off += w
	}
	return off
}

// position converts a byte offset into a 1-based line and byte column.
func (s *source) position(off int) (line, col int) {
	lo, hi := 0, len(s.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if s.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, off - s.lines[lo] + 1
}

// lineStart returns the offset of the start of the line holding off.
func (s *source) lineStart(off int) int {
	l, _ := s.position(off)
	return s.lines[l-1]
}

// errorf formats an error at a byte offset as file:line:col: message.
func (s *source) errorf(off int, format string, args ...any) error {
	l, c := s.position(off)
	return &Error{File: s.name, Line: l, Col: c, Msg: fmt.Sprintf(format, args...)}
}

// Error is a problem in a template or definition file, at a position. File
// is "" for a definition given as a value (SetDefinition), which the caller
// names.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

// Error implements error: "file:line:col: message" ("file: message" when
// there is no position).
func (e *Error) Error() string {
	switch {
	case e.Line == 0 && e.File == "":
		return e.Msg
	case e.Line == 0:
		return e.File + ": " + e.Msg
	case e.File == "":
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// parseTree parses a YAML (or JSON) template into a node tree with byte
// ranges, rejecting duplicate keys.
func parseTree(s *source) (*node, error) {
	n, dups, err := parseTreeDups(s)
	if err == nil && len(dups) > 0 {
		err = dups[0].error(s)
	}
	return n, err
}

// parseTreeDups is parseTree that returns duplicate keys for the caller to judge.
func parseTreeDups(s *source) (*node, []duplicate, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(s.src, &doc); err != nil {
		return nil, nil, s.yamlError(err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil, &Error{File: s.name, Line: 1, Col: 1, Msg: "empty document"}
	}
	b := &builder{s: s, memo: map[*yaml.Node]*node{}}
	n := b.build(doc.Content[0], 0)
	if b.err != nil {
		return nil, nil, b.err
	}
	if n.size > maxExpanded {
		return nil, nil, &Error{File: s.name, Line: 1, Col: 1, Msg: "document too large once its aliases are expanded"}
	}
	return n, b.dups, nil
}

// yamlError turns a yaml.v3 error ("yaml: line 3: …") into an *Error.
// yaml.v3 names the line where the enclosing block began rather than where
// the problem is, so the line is narrowed down to the first one at which a
// prefix of the text fails with the same message; the column is that
// line's first non-blank character.
func (s *source) yamlError(err error) error {
	line, msg := splitYAMLError(err)
	if line > 0 {
		lo, hi := line, len(s.lines)
		for lo < hi {
			mid := (lo + hi) / 2
			if s.prefixFails(mid, msg) {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		if lo <= len(s.lines) && s.prefixFails(lo, msg) {
			line = lo
		}
	}
	if line == 0 {
		return &Error{File: s.name, Line: 1, Col: 1, Msg: "malformed YAML: " + msg}
	}
	col := 1
	if line <= len(s.lines) {
		off := s.lines[line-1]
		for off < len(s.src) && (s.src[off] == ' ' || s.src[off] == '\t') {
			off++
			col++
		}
	}
	return &Error{File: s.name, Line: line, Col: col, Msg: "malformed YAML: " + msg}
}

// splitYAMLError splits "yaml: line N: msg" into N and msg.
func splitYAMLError(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ":"); i > 0 {
			if n, e := strconv.Atoi(rest[:i]); e == nil {
				return n, strings.TrimSpace(rest[i+1:])
			}
		}
	}
	return 0, msg
}

// prefixFails reports whether the first n lines fail to parse with msg.
func (s *source) prefixFails(n int, msg string) bool {
	end := len(s.src)
	if n < len(s.lines) {
		end = s.lines[n]
	}
	var doc yaml.Node
	err := yaml.Unmarshal(s.src[:end], &doc)
	if err == nil {
		return false
	}
	_, m := splitYAMLError(err)
	return m == msg
}

// maxDepth bounds nesting so hostile input cannot exhaust the stack.
const maxDepth = 10000

type builder struct {
	s    *source
	err  error
	dups []duplicate
	// memo holds the nodes built, so an alias reuses its target's node.
	memo map[*yaml.Node]*node
}

// maxExpanded bounds a document's size with aliases expanded, so an alias
// bomb is an error rather than minutes of work for whoever walks the tree.
const maxExpanded = 1 << 20

// duplicate is a key written twice in one mapping.
type duplicate struct {
	key, first, parent *node
}

func (d duplicate) error(s *source) error {
	return s.errorf(d.key.start, "duplicate key %q (first at line %d:%d)", d.key.value, d.first.line, d.first.col)
}

func (b *builder) fail(err error) {
	if b.err == nil {
		b.err = err
	}
}

func (b *builder) build(y *yaml.Node, depth int) *node {
	if b.err != nil {
		return &node{kind: scalarNode}
	}
	if depth > maxDepth {
		b.fail(&Error{File: b.s.name, Line: y.Line, Col: y.Column, Msg: "template nested too deeply"})
		return &node{kind: scalarNode}
	}
	start := b.s.offset(y.Line, y.Column)
	n := &node{start: start, style: y.Style, size: 1}
	if y.Kind != yaml.AliasNode {
		b.memo[y] = n
	}
	n.line, n.col = b.s.position(start)
	if y.Tag != "" && !strings.HasPrefix(y.Tag, "!!") {
		n.tag = y.Tag
	}
	n.body = b.skipProps(start)
	switch y.Kind {
	case yaml.AliasNode:
		target := y.Alias
		t := b.memo[target]
		if target == nil || t == nil {
			b.fail(b.s.errorf(start, "unresolvable alias"))
			return n
		}
		c := *t
		c.start, c.body, c.line, c.col = start, start, n.line, n.col
		c.end = start + 1 + len(y.Value)
		return &c
	case yaml.ScalarNode:
		n.kind = scalarNode
		n.value = y.Value
		n.core = y.ShortTag()
		if n.tag != "" {
			n.core = "!!str"
		}
		n.end = b.scalarEnd(n)
	case yaml.MappingNode:
		n.kind = mappingNode
		n.end = n.body
		seen := map[string]*node{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k := b.build(y.Content[i], depth+1)
			v := b.build(y.Content[i+1], depth+1)
			if k.kind == scalarNode && k.value != "<<" {
				if first, dup := seen[k.value]; dup {
					b.dups = append(b.dups, duplicate{key: k, first: first, parent: n})
				}
				seen[k.value] = k
			}
			n.keys = append(n.keys, k)
			n.vals = append(n.vals, v)
			n.size = min(n.size+k.size+v.size, maxExpanded+1)
			n.end = max(n.end, k.end, v.end)
		}
		if n.isFlow() && n.body < len(b.s.src) && b.s.src[n.body] == '{' {
			n.end = b.closeFlow(n.body, n.end, '}')
		}
	case yaml.SequenceNode:
		n.kind = sequenceNode
		n.end = n.body
		for _, c := range y.Content {
			it := b.build(c, depth+1)
			n.items = append(n.items, it)
			n.size = min(n.size+it.size, maxExpanded+1)
			n.end = max(n.end, it.end)
		}
		if n.isFlow() && n.body < len(b.s.src) && b.s.src[n.body] == '[' {
			n.end = b.closeFlow(n.body, n.end, ']')
		}
	default:
		b.fail(b.s.errorf(start, "unsupported YAML node"))
	}
	return n
}

// skipProps skips a node's tag and anchor (and the blanks, line breaks and
// comments after them), returning where its text starts.
func (b *builder) skipProps(p int) int {
	src := b.s.src
	for p < len(src) && (src[p] == '!' || src[p] == '&') {
		q := p
		for q < len(src) && !isSpace(src[q]) && src[q] != ',' && src[q] != ']' && src[q] != '}' {
			q++
		}
		q = skipBlank(src, q)
		if q == p {
			break
		}
		p = q
	}
	return p
}

// skipBlank skips spaces, tabs, line breaks and comments.
func skipBlank(src []byte, p int) int {
	for p < len(src) {
		switch src[p] {
		case ' ', '\t', '\r', '\n':
			p++
		case '#':
			for p < len(src) && src[p] != '\n' {
				p++
			}
		default:
			return p
		}
	}
	return p
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// closeFlow finds the closing bracket of a flow collection whose last child
// ends at from, returning the offset after it.
func (b *builder) closeFlow(open, from int, closer byte) int {
	src := b.s.src
	p := from
	if p <= open {
		p = open + 1
	}
	for p < len(src) {
		p = skipBlank(src, p)
		if p >= len(src) {
			break
		}
		if src[p] == ',' {
			p++
			continue
		}
		if src[p] == closer {
			return p + 1
		}
		break
	}
	b.fail(b.s.errorf(open, "cannot find the end of this flow collection"))
	return from
}

// scalarEnd finds where a scalar's text ends.
func (b *builder) scalarEnd(n *node) int {
	src := b.s.src
	p := n.body
	if p >= len(src) {
		return p
	}
	switch {
	case n.style&yaml.DoubleQuotedStyle != 0 && src[p] == '"':
		for q := p + 1; q < len(src); q++ {
			switch src[q] {
			case '\\':
				q++
			case '"':
				return q + 1
			}
		}
	case n.style&yaml.SingleQuotedStyle != 0 && src[p] == '\'':
		for q := p + 1; q < len(src); q++ {
			if src[q] == '\'' {
				if q+1 < len(src) && src[q+1] == '\'' {
					q++
					continue
				}
				return q + 1
			}
		}
	case n.style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && (src[p] == '|' || src[p] == '>'):
		return blockScalarEnd(src, p)
	default:
		if n.value == "" {
			return p
		}
		// A plain scalar: its value is its text with line breaks and
		// indentation folded, so match its non-blank characters in order.
		q := p
		v := n.value
		for len(v) > 0 {
			r, w := utf8.DecodeRuneInString(v)
			v = v[w:]
			if r == ' ' || r == '\t' || r == '\n' {
				continue
			}
			for q < len(src) && isSpace(src[q]) {
				q++
			}
			if !bytes.HasPrefix(src[q:], []byte(string(r))) {
				return p + len(n.value)
			}
			q += w
		}
		return q
	}
	b.fail(b.s.errorf(p, "unterminated scalar"))
	return len(src)
}

// blockScalarEnd returns the end of a literal or folded block scalar whose
// header ('|' or '>') is at p: the end of its last non-blank content line.
func blockScalarEnd(src []byte, p int) int {
	eol := bytes.IndexByte(src[p:], '\n')
	if eol < 0 {
		return len(src)
	}
	end := p + eol
	// Header ends before a comment; a header line holds nothing else.
	hdr := p
	for hdr < end && !isSpace(src[hdr]) {
		hdr++
	}
	last := hdr
	indent := -1
	q := end + 1
	for q < len(src) {
		e := bytes.IndexByte(src[q:], '\n')
		lineEnd := len(src)
		if e >= 0 {
			lineEnd = q + e
		}
		line := src[q:lineEnd]
		sp := 0
		for sp < len(line) && line[sp] == ' ' {
			sp++
		}
		blank := len(bytes.TrimRight(line[sp:], " \t\r")) == 0
		if !blank {
			if indent < 0 {
				indent = sp
			}
			if sp < indent || indent == 0 {
				break
			}
			last = len(bytes.TrimRight(src[:lineEnd], "\r"))
		}
		if e < 0 {
			break
		}
		q = lineEnd + 1
	}
	return last
}
