package asl

// PrintJSONPositions prints v as PrintJSON does and sets, on the way, the
// source positions of v and of every value and key inside it (Pos, End,
// KeyPos) to where they are in the printed text: the positions ParseJSON
// of that text would give. An editor that prints a changed model can keep
// the model as it is instead of parsing its own output again. No node may
// appear twice in v (the edit operations clone what they copy), nor belong
// to a tree whose positions matter elsewhere. A nil member or item becomes
// a null value, as a parse would make it.
func PrintJSONPositions(v *Value) []byte {
	n := 1024
	if v != nil && v.End.Offset > v.Pos.Offset {
		n = v.End.Offset - v.Pos.Offset + (v.End.Offset-v.Pos.Offset)/8 + 64
	}
	p := &posPrinter{b: make([]byte, 0, n), line: 1}
	p.value(v, 0)
	p.b = append(p.b, '\n')
	return p.b
}

// posPrinter is appendJSONIndent that knows the line it is on.
type posPrinter struct {
	b         []byte
	line      int
	lineStart int
}

func (p *posPrinter) here() Pos {
	return Pos{Line: p.line, Col: len(p.b) - p.lineStart + 1, Offset: len(p.b)}
}

// newline ends the line and indents the next one.
func (p *posPrinter) newline(depth int) {
	p.b = append(p.b, '\n')
	p.line++
	p.lineStart = len(p.b)
	p.b = appendIndent(p.b, depth)
}

func (p *posPrinter) value(v *Value, depth int) {
	if v == nil {
		p.b = append(p.b, "null"...)
		return
	}
	v.Pos = p.here()
	switch v.Kind {
	case Object:
		if len(v.Fields) == 0 {
			p.b = append(p.b, '{', '}')
			break
		}
		p.b = append(p.b, '{')
		for i, f := range v.Fields {
			if f.Value == nil { // a parse of the text gives a null value
				f.Value = &Value{Kind: Null}
			}
			p.newline(depth + 1)
			f.KeyPos = p.here()
			p.b = appendQuoted(p.b, f.Key)
			p.b = append(p.b, ':', ' ')
			p.value(f.Value, depth+1)
			if i < len(v.Fields)-1 {
				p.b = append(p.b, ',')
			}
		}
		p.newline(depth)
		p.b = append(p.b, '}')
	case Array:
		if len(v.Items) == 0 {
			p.b = append(p.b, '[', ']')
			break
		}
		p.b = append(p.b, '[')
		for i, it := range v.Items {
			if it == nil {
				it = &Value{Kind: Null}
				v.Items[i] = it
			}
			p.newline(depth + 1)
			p.value(it, depth+1)
			if i < len(v.Items)-1 {
				p.b = append(p.b, ',')
			}
		}
		p.newline(depth)
		p.b = append(p.b, ']')
	default:
		p.b = appendJSONScalar(p.b, v)
	}
	v.End = p.here()
}
