package sam

import (
	"bytes"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// items records the edits that turn the sequence old into nv when they
// differ by items added or removed in one place (same items before and
// after it): a new Choice rule or Parallel branch leaves the others' text
// alone. It reports false (recording nothing) otherwise.
func (p *patcher) items(old *node, oldV, nv *asl.Value, inFlow bool) bool {
	o, n := oldV.Items, nv.Items
	if len(o) == 0 || len(o) != len(old.items) || len(o) == len(n) {
		return false
	}
	pre := 0
	for pre < len(o) && pre < len(n) && equal(o[pre], n[pre]) {
		pre++
	}
	suf := 0
	for suf < len(o)-pre && suf < len(n)-pre && equal(o[len(o)-1-suf], n[len(n)-1-suf]) {
		suf++
	}
	removed := o[pre : len(o)-suf]
	added := n[pre : len(n)-suf]
	if len(removed) > 0 && len(added) > 0 {
		return false
	}
	flow := inFlow || p.json || old.isFlow()
	var edits []edit
	if len(removed) > 0 {
		e, ok := p.cutItems(old, pre, pre+len(removed)-1, flow)
		if !ok {
			return false
		}
		edits = append(edits, e)
	}
	for _, it := range added {
		e, ok := p.insertItem(old, pre-1, it, flow)
		if !ok {
			return false
		}
		edits = append(edits, e)
	}
	if len(removed) == len(o) {
		return false
	}
	p.edits = append(p.edits, edits...)
	return true
}

// dash returns the offset of the "- " that starts block sequence item i,
// when it is the first thing on its line.
func (p *patcher) dash(old *node, i int) (int, bool) {
	src := p.src.src
	q := old.items[i].start - 1
	for q >= 0 && (src[q] == ' ' || src[q] == '\t') {
		q--
	}
	if q < 0 || src[q] != '-' || !p.ownLine(q) {
		return 0, false
	}
	return q, true
}

// cutItems removes items a..b of a sequence.
func (p *patcher) cutItems(old *node, a, b int, flow bool) (edit, bool) {
	if flow {
		if a > 0 {
			return edit{old.items[a-1].end, old.items[b].end, ""}, true
		}
		if b+1 < len(old.items) {
			return edit{old.items[0].start, old.items[b+1].start, ""}, true
		}
		return edit{}, false
	}
	d, ok := p.dash(old, a)
	for i := a + 1; ok && i <= b; i++ {
		_, ok = p.dash(old, i)
	}
	if !ok {
		return edit{}, false
	}
	return edit{p.src.lineStart(d), p.nextLine(old.items[b].end), ""}, true
}

// insertItem adds v after item prev of a sequence (-1: before the first).
func (p *patcher) insertItem(old *node, prev int, v *asl.Value, flow bool) (edit, bool) {
	src := p.src.src
	anchor := 0
	if prev >= 0 {
		anchor = prev
	}
	if flow {
		prefix := leadingBlank(src[p.src.lineStart(old.items[anchor].start):])
		multiLine := bytes.IndexByte(src[old.start:old.end], '\n') >= 0 && !p.compact
		text := string(compactJSON(asl.PrintJSON(v)))
		sep := ", "
		if multiLine {
			text = string(indentJSON(asl.PrintJSON(v), prefix, p.unit))
			sep = ",\n" + prefix
		}
		if prev >= 0 {
			at := old.items[prev].end
			return edit{at, at, sep + text}, true
		}
		at := old.items[0].start
		return edit{at, at, text + sep}, true
	}
	d, ok := p.dash(old, anchor)
	if !ok {
		return edit{}, false
	}
	ls := p.src.lineStart(d)
	text := string(src[ls:d]) + string(yamlText(asl.NewArray(v), d-ls, p.yamlStyle()))
	if prev < 0 {
		return edit{ls, ls, text + "\n"}, true
	}
	at := p.nextLine(old.items[prev].end)
	if at == len(src) && (len(src) == 0 || src[len(src)-1] != '\n') {
		return edit{at, at, "\n" + text}, true
	}
	return edit{at, at, text + "\n"}, true
}
