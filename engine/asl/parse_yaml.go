package asl

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// yamlNodeBudget caps the number of Values a YAML document may expand to
// through aliases (a "billion laughs" document would otherwise explode):
// a few per source byte, which no alias-free document reaches.
func yamlNodeBudget(srcLen int) int { return 4*srcLen + 10000 }

// Parse parses a definition in JSON or YAML: JSON when its first
// non-blank character (after an optional byte order mark) is '{' or '[',
// YAML otherwise.
func Parse(src []byte) (*Value, error) {
	body, bom := bytes.CutPrefix(src, []byte("\xef\xbb\xbf"))
	if t := bytes.TrimLeft(body, " \t\r\n"); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		if bom {
			// Blank the byte order mark, so positions stay those of src.
			return ParseJSON(append([]byte("   "), body...))
		}
		return ParseJSON(src)
	}
	return ParseYAML(src)
}

// ParseYAML parses the first document of a YAML stream into a Value tree
// with the line and column of every node. Anchors and aliases are resolved
// (their expansion is capped), merge keys (<<) are applied, YAML-only
// scalars become their JSON equivalents (0x1F → 31), and tags outside the
// core schema (e.g. "!Ref") are kept in Value.Tag. Syntax errors are
// *SyntaxError with the line YAML reports.
func ParseYAML(src []byte) (v *Value, err error) {
	var doc yaml.Node
	if err := safeUnmarshal(src, &doc); err != nil {
		return nil, yamlSyntaxError(src, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &SyntaxError{Msg: "empty YAML document", Line: 1, Col: 1}
	}
	c := &yamlConv{src: src, lines: lineStarts(src), active: map[*yaml.Node]bool{}, budget: yamlNodeBudget(len(src))}
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*SyntaxError)
			if !ok {
				panic(r)
			}
			v, err = nil, se
		}
	}()
	return c.node(doc.Content[0], 0, false), nil
}

// safeUnmarshal runs yaml.Unmarshal, turning a panic inside the YAML
// library (on some malformed inputs) into an error.
func safeUnmarshal(src []byte, doc *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: invalid YAML (%v)", r)
		}
	}()
	return yaml.Unmarshal(src, doc)
}

var yamlLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// yamlSyntaxError turns a yaml error ("yaml: line 3: msg") into a
// *SyntaxError; YAML gives no column, so Col is the line's first column.
func yamlSyntaxError(src []byte, err error) error {
	msg := err.Error()
	line := 1
	if m := yamlLineRE().FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0]); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if yamlParserProblems[msg] {
			// yaml reports parser (not scanner) errors with a 0-based line.
			line++
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	starts := lineStarts(src)
	off := 0
	if line >= 1 && line <= len(starts) {
		off = starts[line-1]
	} else if line > len(starts) {
		off = len(src)
	}
	return &SyntaxError{Msg: msg, Line: line, Col: 1, Offset: off}
}

// yamlParserProblems are the messages of yaml's parser (as opposed to its
// scanner) errors, whose line numbers yaml reports 0-based.
var yamlParserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

func lineStarts(src []byte) []int {
	starts := make([]int, 1, 64)
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

type yamlConv struct {
	src    []byte
	lines  []int
	count  int
	budget int
	active map[*yaml.Node]bool // anchors being expanded (cycle guard)
}

// pos converts yaml's line and column (in characters) to a Pos.
func (c *yamlConv) pos(n *yaml.Node) Pos {
	if n.Line < 1 || n.Line > len(c.lines) {
		return Pos{Line: n.Line, Col: n.Column}
	}
	off := c.lines[n.Line-1]
	for i := 1; i < n.Column && off < len(c.src) && c.src[off] != '\n'; i++ {
		_, size := utf8.DecodeRune(c.src[off:])
		off += size
	}
	return Pos{Line: n.Line, Col: off - c.lines[n.Line-1] + 1, Offset: off}
}

func (c *yamlConv) fail(n *yaml.Node, msg string) {
	p := c.pos(n)
	panic(&SyntaxError{Msg: msg, Line: p.Line, Col: p.Col, Offset: p.Offset})
}

// coreTags are the YAML core schema tags; other tags are kept in Value.Tag.
var coreTags = map[string]bool{
	"!!str": true, "!!int": true, "!!float": true, "!!bool": true, "!!null": true,
	"!!map": true, "!!seq": true, "!!timestamp": true, "!!binary": true, "!!merge": true,
}

func (c *yamlConv) node(n *yaml.Node, depth int, flow bool) *Value {
	if depth > maxDepth {
		c.fail(n, "exceeded max depth of "+strconv.Itoa(maxDepth))
	}
	c.count++
	if c.count > c.budget {
		c.fail(n, "aliases expand to more than "+strconv.Itoa(c.budget)+" nodes")
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			c.fail(n, "unknown anchor")
		}
		if c.active[n.Alias] {
			c.fail(n, "anchor '"+n.Alias.Anchor+"' refers to itself")
		}
		c.active[n.Alias] = true
		v := c.node(n.Alias, depth, flow)
		delete(c.active, n.Alias)
		// The alias's own position, so diagnostics point where it is used.
		out := *v
		out.Pos = c.pos(n)
		out.End = Pos{}
		if end := out.Pos.Offset + 1 + len(n.Value); out.Pos.IsValid() && end <= len(c.src) {
			out.End = c.posAt(end)
		}
		return &out
	}
	v := &Value{Pos: c.pos(n)}
	tag := n.ShortTag()
	if !coreTags[tag] {
		v.Tag = n.Tag
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			v.Kind = Null
			return v
		}
		return c.node(n.Content[0], depth, flow)
	case yaml.MappingNode:
		flow := flow || n.Style&yaml.FlowStyle != 0
		v.Kind = Object
		v.Fields = make([]*Field, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.ShortTag() == "!!merge" {
				c.merge(v, val, depth+1, flow)
				continue
			}
			key := k
			if key.Kind == yaml.AliasNode && key.Alias != nil {
				key = key.Alias
			}
			if key.Kind != yaml.ScalarNode {
				c.fail(k, "mapping keys must be strings (found a "+kindName(key.Kind)+")")
			}
			v.Fields = append(v.Fields, &Field{Key: key.Value, KeyPos: c.pos(k), Value: c.node(val, depth+1, flow)})
		}
	case yaml.SequenceNode:
		flow := flow || n.Style&yaml.FlowStyle != 0
		v.Kind = Array
		v.Items = make([]*Value, len(n.Content))
		for i, it := range n.Content {
			v.Items[i] = c.node(it, depth+1, flow)
		}
	case yaml.ScalarNode:
		c.scalar(v, n, tag)
	default:
		c.fail(n, "unsupported YAML node")
	}
	c.setEnd(v, n, flow)
	return v
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "sequence"
	}
	return "node"
}

// merge applies a "<<" merge key: members of the merged mapping(s) that
// the mapping does not define itself are added.
func (c *yamlConv) merge(into *Value, n *yaml.Node, depth int, flow bool) {
	src := c.node(n, depth, flow)
	var maps []*Value
	switch src.Kind {
	case Object:
		maps = []*Value{src}
	case Array:
		maps = src.Items
	}
	for _, m := range maps {
		if m.Kind != Object {
			c.fail(n, "map merge requires a mapping or a list of mappings")
		}
		for _, f := range m.Fields {
			if !into.Has(f.Key) {
				into.Fields = append(into.Fields, f)
			}
		}
	}
}

// scalar converts a YAML scalar by its resolved tag.
func (c *yamlConv) scalar(v *Value, n *yaml.Node, tag string) {
	s := n.Value
	switch tag {
	case "!!null":
		v.Kind = Null
		return
	case "!!bool":
		if b, ok := yamlBool(s); ok {
			v.Kind, v.Bool = Bool, b
			return
		}
	case "!!int":
		if lit, ok := yamlInt(s); ok {
			v.Kind, v.Str = Number, lit
			return
		}
	case "!!float":
		if lit, ok := yamlFloat(s); ok {
			v.Kind, v.Str = Number, lit
			return
		}
	}
	v.Kind, v.Str = String, s
}

func yamlBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "true", "yes", "on", "y":
		return true, true
	case "false", "no", "off", "n":
		return false, true
	}
	return false, false
}

// yamlInt converts a YAML integer (decimal, 0x, 0o, 0b, with _ separators)
// to a JSON number literal.
func yamlInt(s string) (string, bool) {
	if isJSONNumber(s) {
		return s, true
	}
	clean := strings.ReplaceAll(s, "_", "")
	clean = strings.TrimPrefix(clean, "+")
	if n, err := strconv.ParseInt(clean, 0, 64); err == nil {
		return strconv.FormatInt(n, 10), true
	}
	if strings.HasPrefix(clean, "0") && len(clean) > 1 && !strings.ContainsAny(clean, "xXoObB") {
		// YAML 1.1 octal, e.g. 0755.
		if n, err := strconv.ParseInt(clean[1:], 8, 64); err == nil {
			return strconv.FormatInt(n, 10), true
		}
	}
	if n, err := strconv.ParseUint(clean, 0, 64); err == nil {
		return strconv.FormatUint(n, 10), true
	}
	return "", false
}

// yamlFloat converts a YAML float to a JSON number literal; infinities and
// NaN have none and stay strings.
func yamlFloat(s string) (string, bool) {
	if isJSONNumber(s) {
		return s, true
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return "", false
	}
	return string(appendFloat(nil, f)), true
}

// isJSONNumber reports whether s is a JSON number literal.
func isJSONNumber(s string) bool {
	p := &jsonParser{src: []byte(s), str: s, line: 1}
	if s == "" || !(s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) {
		return false
	}
	_, err := p.number()
	return err == nil && p.pos == len(s)
}
