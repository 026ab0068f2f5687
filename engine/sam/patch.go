package sam

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	yaml "go.yaml.in/yaml/v3"
)

// edit replaces text[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// patcher computes the smallest edits that turn the text of an old
// definition into a new one: a changed scalar or key is rewritten in its
// own quoting style, and only a subtree whose shape changed (members added
// or removed, a kind changed) is printed anew, in the indentation around it.
// So renaming a state touches only its name and the references to it, and
// setting the old definition back restores every byte.
type patcher struct {
	src       *source
	json      bool   // the text is JSON (every collection is flow)
	step      int    // YAML indentation step
	unit      string // JSON indentation unit
	shortTags bool   // print intrinsics as !Tags in YAML
	compact   bool   // print new JSON subtrees on one line
	// compactSeq writes block sequences at their key's indentation
	// ("Retry:\n- ErrorEquals…"), as the text around does.
	compactSeq bool
	edits      []edit
}

// diff records the edits that turn old (whose value is oldV) into nv.
func (p *patcher) diff(old *node, oldV, nv *asl.Value, inFlow bool) {
	if equal(oldV, nv) {
		return
	}
	inFlow = inFlow || p.json || old.isFlow()
	if old.tag == "" {
		switch {
		case old.kind == mappingNode && nv.Kind == asl.Object && len(old.keys) == len(nv.Fields) && len(oldV.Fields) == len(nv.Fields):
			for i, f := range nv.Fields {
				if oldV.Fields[i].Key != f.Key {
					p.replaceScalar(old.keys[i], asl.NewString(f.Key), inFlow)
				}
				p.diff(old.vals[i], oldV.Fields[i].Value, f.Value, inFlow)
			}
			return
		case old.kind == mappingNode && nv.Kind == asl.Object && len(oldV.Fields) == len(old.keys) && p.members(old, oldV, nv, inFlow):
			return
		case old.kind == sequenceNode && nv.Kind == asl.Array && len(old.items) == len(nv.Items) && len(oldV.Items) == len(nv.Items):
			for i, it := range nv.Items {
				p.diff(old.items[i], oldV.Items[i], it, inFlow)
			}
			return
		case old.kind == sequenceNode && nv.Kind == asl.Array && p.items(old, oldV, nv, inFlow):
			return
		case old.kind == scalarNode && nv.Kind != asl.Object && nv.Kind != asl.Array:
			p.replaceScalar(old, nv, inFlow)
			return
		}
	}
	p.replaceWhole(old, nv, inFlow)
}

// replaceScalar rewrites a scalar (or key) keeping its quoting style, unless
// the old value was quoted only because it had to be: then the new one is
// quoted only if it has to be, so setting the old value back restores it.
func (p *patcher) replaceScalar(old *node, nv *asl.Value, inFlow bool) {
	style := old.style
	if style&yaml.SingleQuotedStyle != 0 && !p.json && !plainSafe(old.value, inFlow) {
		style = 0
	}
	p.edits = append(p.edits, edit{old.start, old.end, p.scalarText(nv, style, inFlow)})
}

// scalarText encodes a scalar for YAML or JSON text, in style when it can.
func (p *patcher) scalarText(v *asl.Value, style yaml.Style, inFlow bool) string {
	switch v.Kind {
	case asl.Null:
		return "null"
	case asl.Bool:
		if v.Bool {
			return "true"
		}
		return "false"
	case asl.Number:
		return v.Str
	}
	s := v.Str
	if p.json || style&yaml.DoubleQuotedStyle != 0 {
		return jsonQuote(s)
	}
	if style&yaml.SingleQuotedStyle != 0 || !plainSafe(s, inFlow) {
		if strings.ContainsAny(s, "\n\r\t") || !printable(s) {
			return jsonQuote(s)
		}
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}

// replaceWhole prints a new subtree in place of old.
func (p *patcher) replaceWhole(old *node, nv *asl.Value, inFlow bool) {
	var text string
	lineStart := p.src.lineStart(old.start)
	multiLine := bytes.IndexByte(p.src.src[old.start:old.end], '\n') >= 0
	isColl := nv.Kind == asl.Object || nv.Kind == asl.Array
	switch {
	case (p.json || inFlow || old.isFlow()) && isColl && multiLine && !p.compact:
		// A JSON or flow collection over several lines: print it the same
		// way, continuation lines indented like the line it starts on.
		prefix := leadingBlank(p.src.src[lineStart:])
		text = string(indentJSON(asl.PrintJSON(nv), prefix, p.unit))
	case p.json:
		text = string(compactJSON(asl.PrintJSON(nv)))
	case !isColl:
		st := yaml.Style(0)
		if old.kind == scalarNode {
			st = old.style
		}
		text = p.scalarText(nv, st, inFlow)
	case !inFlow && old.tag == "" && old.kind != scalarNode && !old.isFlow() && len(nv.Fields)+len(nv.Items) > 0:
		text = string(bytes.TrimRight(yamlText(nv, old.start-lineStart, p.yamlStyle()), "\n"))
	default:
		text = string(compactJSON(asl.PrintJSON(nv)))
	}
	p.edits = append(p.edits, edit{old.start, old.end, text})
}

// apply returns text with the edits made.
func applyEdits(text []byte, edits []edit) []byte {
	// By start, and an insertion before a deletion that starts where it does.
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end-edits[i].start == 0 && edits[j].end-edits[j].start > 0
	})
	var b bytes.Buffer
	b.Grow(len(text))
	at := 0
	for _, e := range edits {
		if e.start < at {
			continue
		}
		b.Write(text[at:e.start])
		b.WriteString(escapeNonPrintable(e.text))
		at = e.end
	}
	b.Write(text[at:])
	return b.Bytes()
}

// jsonQuote encodes s as a JSON string (also a valid YAML double-quoted
// scalar), without HTML escaping.
func jsonQuote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return escapeNonPrintable(strings.TrimRight(b.String(), "\n"))
}

// escapeNonPrintable writes the characters YAML does not allow raw (but
// JSON does) as \uXXXX. New text is JSON or YAML in which such characters
// can only sit inside double-quoted strings, where the escape means the same.
func escapeNonPrintable(s string) string {
	if printableOrBreak(s) {
		return s
	}
	var e strings.Builder
	for _, r := range s {
		if r != '\n' && r != '\t' && r != '\r' && !isPrintable(r) {
			fmt.Fprintf(&e, "\\u%04x", r)
			continue
		}
		e.WriteRune(r)
	}
	return e.String()
}

func printableOrBreak(s string) bool {
	for _, r := range s {
		if r != '\n' && r != '\t' && r != '\r' && !isPrintable(r) {
			return false
		}
	}
	return true
}

func isPrintable(r rune) bool {
	return !(r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f && r != 0x85) || r == 0xfeff || r == 0xfffe || r == 0xffff)
}

// printable reports whether s holds only characters YAML allows raw.
func printable(s string) bool {
	for _, r := range s {
		if !isPrintable(r) {
			return false
		}
	}
	return true
}

// plainSafe reports whether s can be written as a plain YAML scalar and
// read back as the same string.
func plainSafe(s string, inFlow bool) bool {
	if s == "" || strings.TrimSpace(s) != s || !printable(s) || strings.ContainsAny(s, "\n\r\t") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") && !(len(s) > 1 && (s[0] == '-' || s[0] == '?' || s[0] == ':') && s[1] != ' ') {
		return false
	}
	if inFlow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("k: "+s), &n); err != nil || len(n.Content) == 0 || len(n.Content[0].Content) != 2 {
		return false
	}
	v := n.Content[0].Content[1]
	return v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && v.Value == s && v.Style == 0
}

// jsonNode converts a Value parsed from JSON (with offsets) into a node, so
// JSON text is patched like YAML text.
func jsonNode(v *asl.Value, src []byte) *node {
	n := &node{start: v.Pos.Offset, body: v.Pos.Offset, end: v.End.Offset, line: v.Pos.Line, col: v.Pos.Col, value: v.Str}
	switch v.Kind {
	case asl.Object:
		n.kind, n.style = mappingNode, yaml.FlowStyle
		for _, f := range v.Fields {
			k := &node{kind: scalarNode, core: "!!str", value: f.Key, style: yaml.DoubleQuotedStyle,
				start: f.KeyPos.Offset, body: f.KeyPos.Offset, line: f.KeyPos.Line, col: f.KeyPos.Col}
			k.end = jsonStringEnd(src, k.start)
			n.keys = append(n.keys, k)
			n.vals = append(n.vals, jsonNode(f.Value, src))
		}
	case asl.Array:
		n.kind, n.style = sequenceNode, yaml.FlowStyle
		for _, it := range v.Items {
			n.items = append(n.items, jsonNode(it, src))
		}
	default:
		n.kind = scalarNode
		n.style = yaml.DoubleQuotedStyle
	}
	return n
}

// jsonStringEnd returns the offset after the JSON string starting at p.
func jsonStringEnd(src []byte, p int) int {
	for q := p + 1; q < len(src); q++ {
		switch src[q] {
		case '\\':
			q++
		case '"':
			return q + 1
		}
	}
	return len(src)
}

// yamlStyle is how new YAML is printed here.
func (p *patcher) yamlStyle() yamlStyle {
	return yamlStyle{step: p.step, shortTags: p.shortTags, compactSeq: p.compactSeq}
}

// compactSequences reports whether YAML text mostly writes a block sequence
// at the same indentation as its key.
func compactSequences(text []byte) bool {
	lines := bytes.Split(text, []byte("\n"))
	compact, indented := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		l := bytes.TrimRight(lines[i], " \r")
		if len(l) == 0 || l[len(l)-1] != ':' {
			continue
		}
		next := lines[i+1]
		a, b := leadingBlank(l), leadingBlank(next)
		if !bytes.HasPrefix(next[len(b):], []byte("- ")) && !bytes.Equal(bytes.TrimRight(next[len(b):], " \r"), []byte("-")) {
			continue
		}
		if len(a) == len(b) {
			compact++
		} else if len(b) > len(a) {
			indented++
		}
	}
	return compact > indented
}
