package catalog

// A decoder for index.json of format version 2 as the generator writes it:
// one object with a version, a source and a list of services whose fields
// are all strings. It takes what is needed from the text directly, which in
// the browser is several times faster than encoding/json's reflection and
// validation passes; anything it does not expect (an escape sequence, an
// unknown field, another layout) makes it give up, and encoding/json
// decodes the file instead.

// indexScanner reads JSON text without copying strings.
type indexScanner struct {
	s string
	i int
}

func (p *indexScanner) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// byte consumes c (after white space).
func (p *indexScanner) byte(c byte) bool {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// str reads a string with no escape sequences.
func (p *indexScanner) str() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	start := p.i
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == '"':
			p.i++
			return p.s[start : p.i-1], true
		case c == '\\' || c < 0x20:
			return "", false
		}
		p.i++
	}
	return "", false
}

// int reads a small non-negative integer.
func (p *indexScanner) int() (int, bool) {
	p.space()
	n, start := 0, p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' && p.i-start < 9 {
		n = n*10 + int(p.s[p.i]-'0')
		p.i++
	}
	return n, p.i > start
}

// fields reads an object, calling f after each key's colon; f reads the value.
func (p *indexScanner) fields(f func(key string) bool) bool {
	if !p.byte('{') {
		return false
	}
	if p.byte('}') {
		return true
	}
	for {
		key, ok := p.str()
		if !ok || !p.byte(':') || !f(key) {
			return false
		}
		if p.byte('}') {
			return true
		}
		if !p.byte(',') {
			return false
		}
	}
}

// decodeIndexFast decodes a version 2 index; ok is false when the text is
// not laid out as the generator writes it.
func decodeIndexFast(text string) (idx *IndexFile, ok bool) {
	p := &indexScanner{s: text}
	idx = &IndexFile{}
	ok = p.fields(func(key string) bool {
		var ok bool
		switch key {
		case "version":
			idx.Version, ok = p.int()
		case "source":
			idx.Source, ok = p.str()
		case "services":
			ok = p.services(idx)
		}
		return ok
	})
	p.space()
	if !ok || p.i != len(p.s) || idx.Version != FormatVersion {
		return nil, false
	}
	return idx, true
}

func (p *indexScanner) services(idx *IndexFile) bool {
	if !p.byte('[') {
		return false
	}
	if p.byte(']') {
		return true
	}
	for {
		var w serviceWire
		ok := p.fields(func(key string) bool {
			v, ok := p.str()
			switch key {
			case "id":
				w.ID = v
			case "client":
				w.Client = v
			case "sdkId":
				w.SDKID = v
			case "name":
				w.Name = v
			case "errorPrefix":
				w.ErrorPrefix = v
			case "file":
				w.File = v
			case "unsupported":
				w.Unsupported = v
			case "actions":
				w.Actions = v
			case "unavailable":
				w.Unavailable = v
			default:
				return false
			}
			return ok
		})
		if !ok {
			return false
		}
		idx.Services = append(idx.Services, w.entry())
		if p.byte(']') {
			return true
		}
		if !p.byte(',') {
			return false
		}
	}
}
