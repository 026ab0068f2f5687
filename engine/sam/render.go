package sam

import (
	"strconv"
	"strings"
)

// render writes a template value on one line the way a person reads it:
// literals as they are, intrinsics in short form whether they were written
// short or long ("!Ref Table", "!GetAtt Fn.Arn", "!Sub arn:…",
// "!Join [':', [a, !Ref B]]"), collections in flow style.
func render(n *node) string {
	var b strings.Builder
	renderTo(&b, n, 0)
	return b.String()
}

func renderTo(b *strings.Builder, n *node, depth int) {
	if n == nil {
		b.WriteString("null")
		return
	}
	if depth > 50 {
		b.WriteString("…")
		return
	}
	if n.tag != "" && !strings.HasPrefix(n.tag, "!!") {
		b.WriteString(n.tag)
		b.WriteByte(' ')
	}
	switch n.kind {
	case scalarNode:
		renderScalar(b, n)
	case sequenceNode:
		b.WriteByte('[')
		for i, it := range n.items {
			if i > 0 {
				b.WriteString(", ")
			}
			renderTo(b, it, depth+1)
		}
		b.WriteByte(']')
	case mappingNode:
		if len(n.keys) == 1 && n.tag == "" {
			k := n.keys[0].value
			arg := n.vals[0]
			switch {
			case k == "Ref" || k == "Condition":
				b.WriteString("!" + k + " ")
				renderTo(b, arg, depth+1)
				return
			case k == "Fn::GetAtt" && arg.kind == sequenceNode && len(arg.items) == 2 && arg.items[0].kind == scalarNode && arg.items[1].kind == scalarNode:
				b.WriteString("!GetAtt " + arg.items[0].value + "." + arg.items[1].value)
				return
			case strings.HasPrefix(k, "Fn::"):
				b.WriteString("!" + k[4:] + " ")
				renderTo(b, arg, depth+1)
				return
			}
		}
		b.WriteByte('{')
		for i, k := range n.keys {
			if i > 0 {
				b.WriteString(", ")
			}
			renderScalar(b, k)
			b.WriteString(": ")
			renderTo(b, n.vals[i], depth+1)
		}
		b.WriteByte('}')
	}
}

// renderScalar writes a scalar bare when that reads unambiguously, quoted
// otherwise.
func renderScalar(b *strings.Builder, n *node) {
	v := n.value
	if n.core != "!!str" || n.tag != "" {
		b.WriteString(v)
		return
	}
	if v == "" || strings.ContainsAny(v, "\n\t,[]{}#\"'") || strings.HasPrefix(v, " ") || strings.HasSuffix(v, " ") ||
		strings.Contains(v, ": ") || strings.ContainsAny(v[:1], "!&*-?|>%@`") {
		if !strings.Contains(v, "'") && !strings.Contains(v, "\n") {
			b.WriteString("'" + v + "'")
		} else {
			b.WriteString(strconv.Quote(v))
		}
		return
	}
	b.WriteString(v)
}
