package sam

import (
	"fmt"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	yaml "go.yaml.in/yaml/v3"
)

// definitionString reads a DefinitionString: a plain string, a Fn::Sub
// string (short or long form, with or without a variables map), or a
// Fn::Join of strings and intrinsics.
func (m *StateMachine) definitionString(n *node) {
	t := m.t
	m.Format = "json"
	str := n
	// Unwrap Fn::Sub in its four spellings.
	if arg, ok := intrinsicArg(n, "Sub"); ok {
		str = arg
		if arg.kind == sequenceNode {
			if len(arg.items) == 0 {
				m.Err = t.src.errorf(arg.start, "Fn::Sub of %s has no string", m.ID)
				return
			}
			str = arg.items[0]
			if len(arg.items) > 1 && arg.items[1].kind == mappingNode {
				vars := arg.items[1]
				for i, k := range vars.keys {
					m.Substitutions = append(m.Substitutions, Substitution{Name: k.value, Value: render(vars.vals[i]), Line: k.line, Col: k.col})
				}
			}
		}
	} else if arg, ok := intrinsicArg(n, "Join"); ok {
		m.definitionJoin(n, arg)
		return
	}
	text, ok := str.str()
	if !ok {
		m.Err = t.src.errorf(str.start, "the DefinitionString of %s is %s, not a string", m.ID, render(str))
		return
	}
	m.defNode = str
	m.Span = Span{Path: t.Path, Start: str.body, End: str.end}
	if str.style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		m.strLine, m.strIndent = m.blockBase(str)
	}
	v, err := asl.ParseJSON([]byte(text))
	if err != nil {
		m.Err = m.stringError(str, err)
		return
	}
	if m.strLine > 0 {
		shiftPositions(v, m.strLine, m.strIndent)
	} else {
		setPositions(v, str)
	}
	m.Definition = v
}

// definitionJoin reads a DefinitionString built with Fn::Join: intrinsic
// parts become ${…} placeholders (!Ref X → ${X}, !GetAtt X.Arn → ${X.Arn}).
// It is read-only: rewriting would change how the template is written.
func (m *StateMachine) definitionJoin(n, arg *node) {
	t := m.t
	if arg.kind != sequenceNode || len(arg.items) != 2 || arg.items[1].kind != sequenceNode {
		m.Err = t.src.errorf(arg.start, "Fn::Join of %s must be [delimiter, [parts]]", m.ID)
		return
	}
	delim, _ := arg.items[0].str()
	var parts []string
	for _, p := range arg.items[1].items {
		if s, ok := p.str(); ok {
			parts = append(parts, s)
			continue
		}
		if sub, ok := intrinsicArg(p, "Sub"); ok {
			if s, ok := sub.str(); ok {
				parts = append(parts, s)
				continue
			}
		}
		r := render(p)
		switch {
		case strings.HasPrefix(r, "!Ref "):
			parts = append(parts, "${"+strings.TrimPrefix(r, "!Ref ")+"}")
		case strings.HasPrefix(r, "!GetAtt "):
			parts = append(parts, "${"+strings.TrimPrefix(r, "!GetAtt ")+"}")
		default:
			m.Err = t.src.errorf(p.start, "the Fn::Join of %s has a part ASL Studio cannot turn into text: %s", m.ID, r)
			return
		}
	}
	m.ReadOnly = "the DefinitionString of " + m.ID + " is built with Fn::Join; write it as a Fn::Sub string or use DefinitionUri to edit it here"
	m.defNode = n
	m.Span = Span{Path: t.Path, Start: n.start, End: n.end}
	m.joinText = strings.Join(parts, delim)
	v, err := asl.ParseJSON([]byte(m.joinText))
	if err != nil {
		m.Err = t.src.errorf(n.start, "the Fn::Join DefinitionString of %s is not JSON: %v", m.ID, err)
		return
	}
	setPositions(v, n)
	m.Definition = v
}

// intrinsicArg returns the argument of Fn::name written as !name X or as
// {"Fn::name": X}.
func intrinsicArg(n *node, name string) (*node, bool) {
	if n.tag == "!"+name {
		c := *n
		c.tag = ""
		c.start = c.body
		return &c, true
	}
	if n.kind == mappingNode && n.tag == "" && len(n.keys) == 1 && n.keys[0].value == "Fn::"+name {
		return n.vals[0], true
	}
	return nil, false
}

// blockBase returns the template line of a block scalar's first content
// line and its indentation.
func (m *StateMachine) blockBase(str *node) (line, indent int) {
	src := m.t.src.src
	p := str.body
	for p < len(src) && src[p] != '\n' {
		p++
	}
	p++
	for p < str.end {
		q := p
		for q < len(src) && src[q] == ' ' {
			q++
		}
		if q < len(src) && src[q] != '\n' && src[q] != '\r' {
			l, _ := m.t.src.position(p)
			return l, q - p
		}
		for q < len(src) && src[q] != '\n' {
			q++
		}
		p = q + 1
	}
	return 0, 0
}

// stringError places a JSON error inside a DefinitionString in the template.
func (m *StateMachine) stringError(str *node, err error) error {
	se, ok := err.(*asl.SyntaxError)
	if !ok {
		return m.t.src.errorf(str.start, "the DefinitionString of %s: %v", m.ID, err)
	}
	if m.strLine > 0 {
		return &Error{File: m.t.Path, Line: m.strLine + se.Line - 1, Col: m.strIndent + se.Col,
			Msg: fmt.Sprintf("the DefinitionString of %s is not JSON: %s", m.ID, se.Msg)}
	}
	return m.t.src.errorf(str.start, "the DefinitionString of %s is not JSON: %s (line %d, column %d of the string)", m.ID, se.Msg, se.Line, se.Col)
}

// shiftPositions moves positions parsed from a block scalar's text to the
// template lines they came from.
func shiftPositions(v *asl.Value, line, indent int) {
	walkValues(v, func(v *asl.Value) {
		if v.Pos.IsValid() {
			v.Pos.Line += line - 1
			v.Pos.Col += indent
			v.Pos.Offset = 0
		}
		v.End = asl.Pos{}
		for _, f := range v.Fields {
			if f.KeyPos.IsValid() {
				f.KeyPos.Line += line - 1
				f.KeyPos.Col += indent
				f.KeyPos.Offset = 0
			}
		}
	})
}

// setPositions gives every value the position of the string holding it
// (a one-line or quoted string cannot map inner positions exactly).
func setPositions(v *asl.Value, n *node) {
	p := asl.Pos{Line: n.line, Col: n.col, Offset: n.start}
	walkValues(v, func(v *asl.Value) {
		v.Pos, v.End = p, asl.Pos{}
		for _, f := range v.Fields {
			f.KeyPos = p
		}
	})
}

func walkValues(v *asl.Value, fn func(*asl.Value)) {
	if v == nil {
		return
	}
	fn(v)
	for _, it := range v.Items {
		walkValues(it, fn)
	}
	for _, f := range v.Fields {
		walkValues(f.Value, fn)
	}
}
