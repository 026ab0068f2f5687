package web

import (
	"errors"
	"fmt"
	"path"
	"strconv"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/layout"
	"github.com/aslstudio/aslstudio/engine/sam"
	"github.com/aslstudio/aslstudio/engine/validate"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Code formats the code pane can show.
const (
	formatJSON = "json"
	formatYAML = "yaml"
)

// document is the open workflow: the code as the user last typed or as the
// last edit printed it, and the last version of it that parsed (the canvas
// and the inspector show that one, so a typo never empties the canvas).
type document struct {
	Name   string
	Format string
	// Text is the code pane's content; it may not parse.
	Text string

	// Root is the last version that parsed; SM, Geom and Diags derive from it.
	Root  *asl.Value
	SM    *asl.StateMachine
	Geom  *layout.Geometry
	Diags []validate.Diagnostic
	// ParseErr is why Text does not parse (nil when it does).
	ParseErr error

	// Sam is the SAM/CloudFormation template the definition came from (nil
	// for a plain ASL document). In the formatSAM format Text is the whole
	// template; in the others it is the definition alone.
	Sam *samFile
	// SamErr says why the last edit could not be written back into the
	// template (e.g. a DefinitionString built by Fn::Join); "" when it was.
	SamErr string
	// TemplateView is set while the code pane shows a template whose
	// definition is in a file of its own (DefinitionUri): the template is
	// shown read-only, and Format stays the definition's.
	TemplateView bool

	// ptrs maps every state (nested ones too) to its JSON pointer in Root,
	// and states lists them in document order.
	ptrs   map[string]string
	states []string
	// diagsStale is set when Root changed and Diags were not computed yet
	// (the studio validates right after the canvas and code are shown).
	diagsStale bool
}

// validate computes the diagnostics of Root if they are stale.
func (d *document) validate() {
	if !d.diagsStale || d.Root == nil {
		return
	}
	d.Diags = validate.Validate(d.Root, validate.Options{})
	d.diagsStale = false
}

// newDocument parses src (JSON or YAML) as a new document. A document that
// does not parse is still opened, with an empty canvas and the error.
func newDocument(name string, src []byte) *document {
	if looksLikeTemplate(src) {
		if d := newTemplateDocument(name, src); d != nil {
			return d
		}
	}
	d := &document{Name: name, Format: formatJSON}
	if len(src) > 0 && src[0] != '{' && src[0] != '[' && !isSpaceThenBrace(src) {
		d.Format = formatYAML
	}
	d.setText(string(src))
	if !app.IsClient {
		// In the browser, Studio.Render validates just after the canvas
		// and the code are drawn (a page opens that much sooner).
		d.validate()
	}
	return d
}

// newTemplateDocument opens a template with one state machine written in
// it (a recent document, a served file); nil when src is not such a template.
func newTemplateDocument(name string, src []byte) *document {
	file := name
	if path.Ext(file) == "" {
		file += ".yaml"
		if isSpaceThenBrace(src) {
			file = name + ".json"
		}
	}
	f, err := newSamFile(file, string(src), nil)
	if err != nil || len(f.machines()) != 1 || f.machines()[0].Err != nil {
		return nil
	}
	f.ID = f.machines()[0].ID
	text, format, err := f.definition(f.ID)
	if err != nil {
		return nil
	}
	d := &document{Name: f.ID, Format: format, Sam: f}
	d.setText(text)
	d.validate()
	return d
}

func isSpaceThenBrace(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		case '{', '[':
			return true
		}
		return false
	}
	return false
}

// setText replaces the code; when it parses, the model follows.
func (d *document) setText(text string) {
	d.Text = text
	if d.Format == formatSAM {
		d.setTemplateText(text, d.Root)
		return
	}
	root, err := parseAs(d.Format, []byte(text))
	if err != nil {
		d.ParseErr = err
		return
	}
	d.ParseErr = nil
	d.setRoot(root)
}

func parseAs(format string, src []byte) (*asl.Value, error) {
	var v *asl.Value
	var err error
	if format == formatYAML {
		v, err = asl.ParseYAML(src)
	} else {
		v, err = asl.ParseJSON(src)
	}
	if err != nil {
		return nil, err
	}
	if v.Kind != asl.Object {
		return nil, fmt.Errorf("line %d, column %d: a definition is a JSON object, not %s", v.Pos.Line, v.Pos.Col, v.Kind)
	}
	return v, nil
}

// setRoot makes root the model and derives the typed view, the layout and
// the diagnostics.
func (d *document) setRoot(root *asl.Value) {
	d.Root = root
	sm, err := asl.Decode(root)
	if err != nil || sm == nil {
		sm = &asl.StateMachine{Node: root}
	}
	d.SM = sm
	d.Geom = layout.Layout(sm, layout.Options{})
	d.diagsStale = true
	d.ptrs = map[string]string{}
	d.states = d.states[:0]
	indexStates(root, "", d.ptrs, &d.states)
}

// indexStates records the pointer of every state of the machine m (an
// object with States) found at pointer at, descending into Parallel
// branches and Map processors.
func indexStates(m *asl.Value, at string, ptrs map[string]string, order *[]string) {
	sts := m.Get("States")
	if sts == nil || sts.Kind != asl.Object {
		return
	}
	for _, f := range sts.Fields {
		p := asl.JoinPointer(at, "States", f.Key)
		if _, dup := ptrs[f.Key]; !dup {
			ptrs[f.Key] = p
			*order = append(*order, f.Key)
		}
		st := f.Value
		if br := st.Get("Branches"); br != nil && br.Kind == asl.Array {
			for i, b := range br.Items {
				indexStates(b, asl.JoinPointer(p, "Branches", strconv.Itoa(i)), ptrs, order)
			}
		}
		for _, key := range []string{"ItemProcessor", "Iterator"} {
			if proc := st.Get(key); proc != nil && proc.Kind == asl.Object {
				indexStates(proc, asl.JoinPointer(p, key), ptrs, order)
			}
		}
	}
}

// setTemplateText makes text the template (formatSAM): when it parses and
// still holds the state machine, its definition becomes the model. def is
// the current definition, which a definition file of the template holds.
func (d *document) setTemplateText(text string, def *asl.Value) {
	g, m, err := d.Sam.withText(text, d.Sam.filesWith(def))
	if err != nil {
		d.ParseErr = err
		return
	}
	d.ParseErr = nil
	d.Sam = g
	d.setRoot(m.Definition)
}

// apply makes an edited copy of the model the document: it is printed in the
// current format, and its positions are those of the printed code (set as
// JSON prints, else by parsing the printed YAML or template back).
func (d *document) apply(root *asl.Value) {
	switch d.Format {
	case formatSAM:
		d.applyTemplate(root)
		return
	case formatJSON:
		// The printer sets the positions a parse of its text would give:
		// root becomes the model without parsing our own output again
		// (a fifth of an edit of a large workflow).
		d.Text = string(asl.PrintJSONPositions(root))
		d.ParseErr = nil
		d.setRoot(root)
		return
	}
	d.setText(string(d.print(root)))
}

// applyTemplate writes root back into the template and shows the result.
// When it cannot be written back the model still changes (the canvas never
// refuses an edit for the template's sake) and SamErr says why.
func (d *document) applyTemplate(root *asl.Value) {
	out, err := d.Sam.render(root)
	if err != nil {
		d.SamErr = "The template cannot hold this change: " + err.Error()
		d.ParseErr = nil
		d.setRoot(root)
		return
	}
	d.SamErr = ""
	d.Text = out.Template
	d.setTemplateText(out.Template, root)
	if d.ParseErr != nil { // cannot happen with engine/sam's write-back; keep the edit anyway
		d.SamErr = "The template written back does not parse: " + d.ParseErr.Error()
		d.ParseErr = nil
		d.setRoot(root)
	}
}

func (d *document) print(root *asl.Value) []byte {
	if d.Format == formatSAM {
		out, err := d.Sam.render(root)
		if err == nil {
			return []byte(out.Template)
		}
		return []byte(d.Sam.Src)
	}
	if d.Format == formatYAML {
		return asl.PrintYAML(root)
	}
	return asl.PrintJSON(root)
}

// setFormat shows the model in another format (the code is re-printed from
// the last valid model; invalid text in the old format is dropped).
func (d *document) setFormat(format string) {
	if format == d.Format || format == formatSAM && d.Sam == nil {
		return
	}
	d.Format = format
	if d.Root == nil {
		return
	}
	if format == formatSAM {
		d.applyTemplate(d.Root)
		return
	}
	d.setText(string(d.print(d.Root)))
}

// language is the syntax the code editor highlights.
func (d *document) language() string {
	if d.Format == formatSAM && d.Sam != nil {
		return d.Sam.language()
	}
	return d.Format
}

// errorPos returns where the parse error is, when it has a position.
func (d *document) errorPos() (line, col int, ok bool) {
	var se *asl.SyntaxError
	if errors.As(d.ParseErr, &se) {
		return se.Line, se.Col, true
	}
	// A template's error is at a position of the template itself, unless
	// it is in a definition file of its own.
	var te *sam.Error
	if d.Format == formatSAM && errors.As(d.ParseErr, &te) && te.Line > 0 && (te.File == "" || d.Sam == nil || te.File == d.Sam.Name) {
		return te.Line, max(te.Col, 1), true
	}
	return 0, 0, false
}

// errorCount returns the number of ERROR and WARNING diagnostics.
func (d *document) errorCount() (errs, warns int) {
	for _, dg := range d.Diags {
		if dg.Severity == validate.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// state finds a state by name at any nesting level.
func (d *document) state(name string) asl.State {
	return findState(d.SM, name)
}

func findState(m *asl.StateMachine, name string) asl.State {
	if m == nil {
		return nil
	}
	for _, s := range m.States {
		if s.Common().Name == name {
			return s
		}
		switch t := s.(type) {
		case *asl.ParallelState:
			for _, b := range t.Branches {
				if f := findState(b, name); f != nil {
					return f
				}
			}
		case *asl.MapState:
			if f := findState(t.Processor, name); f != nil {
				return f
			}
		}
	}
	return nil
}

// stateNames lists every state name in source order, nested ones included.
func stateNames(m *asl.StateMachine) []string {
	var out []string
	var walk func(*asl.StateMachine)
	walk = func(m *asl.StateMachine) {
		if m == nil {
			return
		}
		for _, s := range m.States {
			out = append(out, s.Common().Name)
			switch t := s.(type) {
			case *asl.ParallelState:
				for _, b := range t.Branches {
					walk(b)
				}
			case *asl.MapState:
				walk(t.Processor)
			}
		}
	}
	walk(m)
	return out
}

// pointer returns the JSON pointer of a state ("" when there is none).
func (d *document) pointer(name string) string { return d.ptrs[name] }

// diagsFor returns the diagnostics whose pointer is inside state name.
func (d *document) diagsFor(name string) []validate.Diagnostic {
	ptr, ok := d.ptrs[name]
	if !ok {
		return nil
	}
	var out []validate.Diagnostic
	for _, dg := range d.Diags {
		if dg.Path == ptr || len(dg.Path) > len(ptr) && dg.Path[:len(ptr)+1] == ptr+"/" {
			out = append(out, dg)
		}
	}
	return out
}
