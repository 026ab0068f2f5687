package sam

import (
	"bytes"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// members records the edits that turn the mapping old into nv member by
// member when nv keeps old's surviving keys in the same order: removed
// members are cut out, added ones inserted where nv has them, kept ones
// diffed. So adding a state leaves every other state's text alone. It
// reports false (recording nothing) when the members cannot be aligned
// that way or the text around them does not allow it.
func (p *patcher) members(old *node, oldV, nv *asl.Value, inFlow bool) bool {
	oldIdx := make(map[string]int, len(oldV.Fields))
	for i, f := range oldV.Fields {
		if _, dup := oldIdx[f.Key]; dup {
			return false
		}
		oldIdx[f.Key] = i
	}
	newKeys := make(map[string]bool, len(nv.Fields))
	last := -1
	kept := 0
	for _, f := range nv.Fields {
		if newKeys[f.Key] {
			return false
		}
		newKeys[f.Key] = true
		if i, ok := oldIdx[f.Key]; ok {
			if i < last {
				return false // reordered
			}
			last = i
			kept++
		}
	}
	if kept == 0 {
		return false
	}
	flow := inFlow || p.json || old.isFlow()
	var edits []edit
	// Removed members, cut run by run so the cuts never overlap.
	for a := 0; a < len(oldV.Fields); a++ {
		if newKeys[oldV.Fields[a].Key] {
			continue
		}
		b := a
		for b+1 < len(oldV.Fields) && !newKeys[oldV.Fields[b+1].Key] {
			b++
		}
		e, ok := p.cut(old, a, b, flow)
		if !ok {
			return false
		}
		edits = append(edits, e)
		a = b
	}
	// Added members, each after the member before it in nv.
	prev := -1 // index in old of the last kept member seen
	for _, f := range nv.Fields {
		if i, ok := oldIdx[f.Key]; ok {
			prev = i
			continue
		}
		e, ok := p.insert(old, prev, f, flow)
		if !ok {
			return false
		}
		edits = append(edits, e)
	}
	p.edits = append(p.edits, edits...)
	for _, f := range nv.Fields {
		if i, ok := oldIdx[f.Key]; ok {
			p.diff(old.vals[i], oldV.Fields[i].Value, f.Value, inFlow)
		}
	}
	return true
}

// ownLine reports whether only blanks precede off on its line.
func (p *patcher) ownLine(off int) bool {
	ls := p.src.lineStart(off)
	return len(bytes.TrimLeft(p.src.src[ls:off], " \t")) == 0
}

// nextLine returns the offset after the line break that ends the line
// holding off (or the end of the text).
func (p *patcher) nextLine(off int) int {
	if i := bytes.IndexByte(p.src.src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(p.src.src)
}

// cut removes members a..b of a mapping.
func (p *patcher) cut(old *node, a, b int, flow bool) (edit, bool) {
	if flow {
		if a > 0 {
			return edit{old.vals[a-1].end, old.vals[b].end, ""}, true
		}
		if b+1 < len(old.keys) {
			return edit{old.keys[0].start, old.keys[b+1].start, ""}, true
		}
		return edit{}, false
	}
	for i := a; i <= b; i++ {
		if !p.ownLine(old.keys[i].start) {
			return edit{}, false
		}
	}
	return edit{p.src.lineStart(old.keys[a].start), p.nextLine(old.vals[b].end), ""}, true
}

// insert adds member f after member prev of a mapping (-1: before the first).
func (p *patcher) insert(old *node, prev int, f *asl.Field, flow bool) (edit, bool) {
	one := &asl.Value{Kind: asl.Object, Fields: []*asl.Field{f}}
	anchor := old.keys[0]
	if prev >= 0 {
		anchor = old.keys[prev]
	}
	src := p.src.src
	prefix := leadingBlank(src[p.src.lineStart(anchor.start):])
	if flow {
		var member string
		multiLine := bytes.IndexByte(src[old.start:old.end], '\n') >= 0 && !p.compact
		if multiLine {
			member = jsonQuote(f.Key) + ": " + string(indentJSON(asl.PrintJSON(f.Value), prefix, p.unit))
		} else {
			member = jsonQuote(f.Key) + ": " + string(compactJSON(asl.PrintJSON(f.Value)))
		}
		sep := ", "
		if multiLine {
			sep = ",\n" + prefix
		}
		if prev >= 0 {
			at := old.vals[prev].end
			return edit{at, at, sep + member}, true
		}
		return edit{anchor.start, anchor.start, member + sep}, true
	}
	if !p.ownLine(anchor.start) {
		return edit{}, false
	}
	_, col := p.src.position(anchor.start)
	text := prefix[:min(len(prefix), col-1)] + string(yamlText(one, col-1, p.yamlStyle()))
	if prev < 0 {
		at := p.src.lineStart(anchor.start)
		return edit{at, at, text + "\n"}, true
	}
	at := p.nextLine(old.vals[prev].end)
	if at == len(src) && (len(src) == 0 || src[len(src)-1] != '\n') {
		return edit{at, at, "\n" + strings.TrimRight(text, "\n")}, true
	}
	return edit{at, at, text + "\n"}, true
}
