package asl

import (
	"bytes"
	"sort"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// YAML gives where a node starts but not where it ends. These functions
// find the end of a node in the source from its start, its style and its
// value, so Value.End covers the node's text as it does for JSON. When the
// text cannot be matched, End is left zero ("unknown").

// posAt converts a byte offset to a Pos.
func (c *yamlConv) posAt(off int) Pos {
	line := sort.Search(len(c.lines), func(i int) bool { return c.lines[i] > off }) // first line starting after off
	return Pos{Line: line, Col: off - c.lines[line-1] + 1, Offset: off}
}

// setEnd fills v.End for a converted node.
func (c *yamlConv) setEnd(v *Value, n *yaml.Node, flow bool) {
	start := v.Pos.Offset
	if !v.Pos.IsValid() || start > len(c.src) {
		return
	}
	end := -1
	switch n.Kind {
	case yaml.ScalarNode:
		end = c.scalarEnd(n, start, flow)
	case yaml.MappingNode, yaml.SequenceNode:
		end = c.collectionEnd(v, n, start)
	}
	if end >= start && end <= len(c.src) {
		v.End = c.posAt(end)
	}
}

// skipProperties skips a node's tag and anchor ("!Sub ", "&a ").
func (c *yamlConv) skipProperties(off int, flow bool) int {
	src := c.src
	for off < len(src) && (src[off] == '!' || src[off] == '&') {
		for off < len(src) && !isYAMLSpace(src[off]) && !(flow && strings.IndexByte(",[]{}", src[off]) >= 0) {
			off++
		}
		for off < len(src) && isYAMLSpace(src[off]) {
			off++
		}
	}
	return off
}

func isYAMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// lineEnd returns the offset of the end of the line holding off (its
// "\n", or "\r\n").
func (c *yamlConv) lineEnd(off int) int {
	for off < len(c.src) && c.src[off] != '\n' {
		off++
	}
	if off > 0 && c.src[off-1] == '\r' {
		return off - 1
	}
	return off
}

// nextLine returns the start of the line after the one ending at le.
func (c *yamlConv) nextLine(le int) int {
	if le < len(c.src) && c.src[le] == '\r' {
		le++
	}
	return le + 1
}

func (c *yamlConv) scalarEnd(n *yaml.Node, start int, flow bool) int {
	src := c.src
	off := c.skipProperties(start, flow)
	if off >= len(src) {
		return off
	}
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0 && src[off] == '"':
		for i := off + 1; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
	case n.Style&yaml.SingleQuotedStyle != 0 && src[off] == '\'':
		for i := off + 1; i < len(src); i++ {
			if src[i] == '\'' {
				if i+1 < len(src) && src[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && (src[off] == '|' || src[off] == '>'):
		return c.blockScalarEnd(off)
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0:
		return c.plainEnd(n.Value, off, flow)
	}
	return -1
}

// blockScalarEnd finds the end of a | or > scalar: its last content line.
func (c *yamlConv) blockScalarEnd(header int) int {
	src := c.src
	end := c.lineEnd(header)
	indent := -1
	for line := c.nextLine(end); line < len(src); {
		le := c.lineEnd(line)
		text := src[line:le]
		trimmed := bytes.TrimLeft(text, " ")
		ind := len(text) - len(trimmed)
		if len(bytes.TrimSpace(trimmed)) == 0 {
			line = c.nextLine(le)
			continue
		}
		if indent < 0 {
			indent = ind
		}
		if ind < indent || indent == 0 {
			break
		}
		end = le
		line = c.nextLine(le)
	}
	return end
}

// plainEnd finds the end of a plain scalar whose (folded) value is value.
func (c *yamlConv) plainEnd(value string, off int, flow bool) int {
	if value == "" {
		return off
	}
	var built []byte
	blank := 0
	for line, first := off, true; line <= len(c.src); first = false {
		le := c.lineEnd(line)
		seg, cut := plainText(c.src[line:le], flow)
		lead := len(seg) - len(bytes.TrimLeft(seg, " \t"))
		seg = bytes.TrimRight(seg[lead:], " \t")
		segEnd := line + lead + len(seg)
		if first && string(seg) == value {
			return segEnd // the common case: one line, no allocation
		}
		if len(seg) == 0 && !first {
			blank++
		} else {
			if !first {
				if blank > 0 {
					built = append(built, strings.Repeat("\n", blank)...)
				} else {
					built = append(built, ' ')
				}
			}
			blank = 0
			built = append(built, seg...)
			if string(built) == value {
				return segEnd
			}
			if !strings.HasPrefix(value, string(built)) || cut {
				return -1
			}
		}
		if le >= len(c.src) {
			break
		}
		line = c.nextLine(le)
	}
	return -1
}

// plainText cuts one line of a plain scalar at a comment, a ": ", or (in
// flow context) a flow indicator; cut reports whether it was cut.
func plainText(b []byte, flow bool) ([]byte, bool) {
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '#':
			if i > 0 && (b[i-1] == ' ' || b[i-1] == '\t') {
				return b[:i], true
			}
		case ':':
			if i+1 == len(b) || b[i+1] == ' ' || b[i+1] == '\t' || (flow && strings.IndexByte(",[]{}", b[i+1]) >= 0) {
				return b[:i], true
			}
		case ',', '[', ']', '{', '}':
			if flow {
				return b[:i], true
			}
		}
	}
	return b, false
}

// collectionEnd: a block collection ends with its last child; a flow one
// at its closing bracket.
func (c *yamlConv) collectionEnd(v *Value, n *yaml.Node, start int) int {
	last := start
	for _, it := range v.Items {
		if it.End.Offset > last {
			last = it.End.Offset
		}
	}
	for _, f := range v.Fields {
		if f.Value.End.Offset > last {
			last = f.Value.End.Offset
		}
	}
	if n.Style&yaml.FlowStyle == 0 {
		if last == start {
			return -1
		}
		return last
	}
	closer := byte('}')
	if n.Kind == yaml.SequenceNode {
		closer = ']'
	}
	if last == start {
		// Empty, or children without a known end: from the opening bracket.
		last = c.skipProperties(start, true) + 1
		if len(v.Items)+len(v.Fields) > 0 {
			return -1
		}
	}
	for i := last; i < len(c.src); i++ {
		switch ch := c.src[i]; {
		case ch == closer:
			return i + 1
		case ch == '#':
			i = c.lineEnd(i)
		case isYAMLSpace(ch) || ch == ',':
		default:
			return -1
		}
	}
	return -1
}
