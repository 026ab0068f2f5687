package web

import (
	"strconv"
	"strings"

	"github.com/aslstudio/aslstudio/engine/layout"
	"github.com/aslstudio/aslstudio/engine/validate"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// drawingHost is the canvas's drawing in the browser: an <svg> whose
// children go-app never sees. The studio writes the drawing on a render
// whose drawing inputs changed (drawKey) and patches the elements in
// place (drawPatcher), so an edit of a
// large workflow moves the elements of the states it shifted instead of
// the browser parsing and laying out the whole drawing again.
type drawingHost struct {
	app.Compo
	// Studio is the studio whose drawing this is; W and H its size.
	Studio *Studio
	W, H   string
}

// Render is the drawing's element; its children are patched (patchDrawing).
func (h *drawingHost) Render() app.UI {
	return svg("svg").Attr("data-part", "drawing").Attr("overflow", "visible").Attr("width", h.W).Attr("height", h.H)
}

// OnMount draws into the new element what was last written.
func (h *drawingHost) OnMount(ctx app.Context) {
	s := h.Studio
	s.drawEl = h.JSValue()
	s.drawer.reset()
	s.drawPage.clear()
	s.patchDrawing()
}

// OnDismount forgets the element.
func (h *drawingHost) OnDismount() {
	s := h.Studio
	if el := h.JSValue(); s.drawEl != nil && (el == nil || s.drawEl.Equal(el)) {
		s.drawEl = nil
		s.drawer.reset()
		s.drawPage.clear()
	}
}

// drawKey is what the drawing depends on outside a run: a render whose
// key is the last drawing's draws nothing (the renders that follow an
// edit, for its validation and its autosave, need no new drawing).
type drawKey struct {
	g            *layout.Geometry
	doc          *document
	diags        *validate.Diagnostic
	nDiags       int
	selected     string
	multi        string
	moving, over string
	dragging     bool
}

// drawingKey returns the key of the drawing of g, or nil when a run (or a
// breakpoint) is drawn: those change too often and in too many ways to key.
func (s *Studio) drawingKey(g *layout.Geometry) *drawKey {
	if s.runOnCanvas() {
		return nil
	}
	k := &drawKey{g: g, doc: s.doc, nDiags: len(s.doc.Diags), selected: s.selected}
	if len(s.doc.Diags) > 0 {
		k.diags = &s.doc.Diags[0]
	}
	if sel := s.selectedStates(); len(sel) > 1 {
		k.multi = strings.Join(sel, "\x00")
	}
	if m := s.cv.move; m != nil && m.moved {
		// The zones it is refused depend on the state and the document.
		k.moving, k.over = strings.Join(m.names, "\x00"), m.over
	}
	if s.drag != nil {
		k.dragging, k.over = true, s.drag.over
	}
	return k
}

// patchDrawing brings the mounted drawing element up to date with the
// drawing written last.
func (s *Studio) patchDrawing() {
	w := s.drawn
	if w == nil || s.drawEl == nil || !s.drawEl.Truthy() {
		return
	}
	s.drawer.dom = &s.drawPage
	s.drawer.patch(w.String(), w.pieces)
	s.drawPage.flush(s.drawEl)
}

// pageDrawing is drawDOM on the page's drawing element. Elements are
// numbered, and the operations of a patch are sent to the page in one
// call (drawScript) with the markup to parse: a call out of WebAssembly
// per element costs more than the change it makes.
type pageDrawing struct {
	ops    []byte
	markup []byte
	next   int
}

func (d *pageDrawing) parse(markup []string) []int {
	out := make([]int, len(markup))
	for i, m := range markup {
		out[i] = d.next + i
		d.markup = append(d.markup, m...)
	}
	d.op('p', d.next, len(markup), "")
	d.next += len(markup)
	return out
}

func (d *pageDrawing) setTransform(el int, t string) { d.op('t', el, -1, t) }

func (d *pageDrawing) insertBefore(el, ref int, last bool) {
	if last {
		ref = -1
	}
	d.op('i', el, ref, "")
}

func (d *pageDrawing) remove(el int) { d.op('r', el, -1, "") }

// op appends "<c> <a>[ <b>][ <text>]\n".
func (d *pageDrawing) op(c byte, a, b int, text string) {
	d.ops = append(d.ops, c, ' ')
	d.ops = strconv.AppendInt(d.ops, int64(a), 10)
	if b != -1 || c == 'i' {
		d.ops = append(d.ops, ' ')
		d.ops = strconv.AppendInt(d.ops, int64(b), 10)
	}
	if text != "" {
		d.ops = append(d.ops, ' ')
		d.ops = append(d.ops, text...)
	}
	d.ops = append(d.ops, '\n')
}

// clear forgets every element (the drawing element was replaced).
func (d *pageDrawing) clear() {
	d.ops = append(d.ops, "c 0\n"...)
}

// flush sends the operations noted to the page.
func (d *pageDrawing) flush(root app.Value) {
	if len(d.ops) == 0 {
		return
	}
	if drawFn == nil {
		drawFn = app.Window().Get("Function").New(drawScript).Invoke()
	}
	// Call, not Invoke: go-app's Invoke does not unwrap an app.Value.
	drawFn.Call("call", nil, root, string(d.ops), string(d.markup))
	d.ops, d.markup = d.ops[:0], d.markup[:0]
}

// drawFn is drawScript's patch function, made once per page.
var drawFn app.Value

// drawScript returns the function that applies a patch's operations to
// the drawing element: "p FIRST N" parses the markup (N elements numbered
// from FIRST), "t ID TRANSFORM" sets a transform, "r ID" removes, "i ID
// REF" moves ID before REF (or to the end when REF is -1), "c" forgets all.
const drawScript = `
const els = new Map();
const tmp = document.createElementNS("http://www.w3.org/2000/svg", "svg");
return function(root, ops, markup) {
  for (const line of ops.split("\n")) {
    if (!line) continue;
    const a = line.indexOf(" ", 2);
    const id = +line.slice(2, a < 0 ? line.length : a);
    switch (line[0]) {
    case "t": els.get(id).setAttribute("transform", line.slice(a + 1)); break;
    case "r": { const e = els.get(id); if (e) e.remove(); els.delete(id); break; }
    case "p": {
      tmp.innerHTML = markup;
      const kids = Array.from(tmp.children), n = +line.slice(a + 1);
      if (kids.length !== n) console.error("drawing: " + n + " pieces gave " + kids.length + " elements");
      for (let k = 0; k < kids.length; k++) els.set(id + k, kids[k]);
      break;
    }
    case "i": {
      const ref = +line.slice(a + 1);
      if (ref < 0) root.appendChild(els.get(id)); else root.insertBefore(els.get(id), els.get(ref));
      break;
    }
    case "c": els.clear(); break;
    }
  }
};`
