package sam

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	yaml "go.yaml.in/yaml/v3"
)

// Change is the new content of one file.
type Change struct {
	// Path is the file: the template or a DefinitionUri file.
	Path string
	// Data is its complete new content.
	Data []byte
}

// SetDefinition returns the file changes that replace the definition of the
// state machine id with def. Only the definition's bytes change: the
// DefinitionUri file, the inline Definition block, or the DefinitionString
// text. Inside them only what differs is rewritten (a renamed state touches
// its name and the references to it), each scalar in its own quoting style,
// and a part whose shape changed is printed in the indentation around it
// (as YAML, or as JSON where the definition is JSON or JSON-style flow).
// When def is the same document as the current definition there is no
// change, so reading and setting a definition leaves every byte alone.
func (t *Template) SetDefinition(id string, def *asl.Value) ([]Change, error) {
	m, err := t.Get(id)
	if err != nil {
		return nil, err
	}
	if m.Err != nil {
		return nil, m.Err
	}
	if def == nil || def.Kind != asl.Object {
		return nil, errors.New("the new definition is not a JSON object")
	}
	switch m.DefinitionVia {
	case ViaDefinitionURI, ViaDefinitionS3Location:
		data, err := m.patchFile(def)
		if err != nil || data == nil {
			return nil, err
		}
		return []Change{{Path: m.FilePath, Data: data}}, nil
	case ViaDefinition:
		p := &patcher{src: t.src, json: t.Format == "json", step: m.inlineStep(), shortTags: t.shortTags, compactSeq: compactSequences(t.Src),
			unit: jsonIndentUnit(t.Src[t.src.lineStart(m.Span.Start):m.Span.End])}
		oldV := toValue(m.defNode)
		if equal(oldV, def) {
			return nil, nil
		}
		if err := duplicateKeys(def, ""); err != nil {
			return nil, err
		}
		p.diff(m.defNode, oldV, def, false)
		return []Change{{Path: t.Path, Data: applyEdits(t.Src, lineEndings(t.Src, p.edits))}}, nil
	case ViaDefinitionString:
		text := []byte(m.defNode.value)
		if m.joinText != "" {
			text = []byte(m.joinText)
		}
		oldV, err := asl.ParseJSON(text)
		if err != nil {
			return nil, m.stringError(m.defNode, err)
		}
		if equal(oldV, def) {
			return nil, nil
		}
		if err := duplicateKeys(def, ""); err != nil {
			return nil, err
		}
		if m.ReadOnly != "" {
			return nil, fmt.Errorf("%s: %s", t.Path, m.ReadOnly)
		}
		p := &patcher{src: newSource("", text), json: true, unit: jsonIndentUnit(text), compact: !bytes.Contains(text, []byte("\n"))}
		p.diff(jsonNode(oldV, text), oldV, def, true)
		enc := m.encodeString(applyEdits(text, p.edits))
		if bytes.Contains(t.Src, []byte("\r\n")) {
			enc = bytes.ReplaceAll(enc, []byte("\n"), []byte("\r\n"))
		}
		return []Change{{Path: t.Path, Data: splice(t.Src, m.Span, enc)}}, nil
	}
	return nil, fmt.Errorf("%s: cannot write the definition of %s", t.Path, m.ID)
}

// lineEndings makes inserted text use CRLF when the file does.
func lineEndings(src []byte, edits []edit) []edit {
	if !bytes.Contains(src, []byte("\r\n")) {
		return edits
	}
	for i := range edits {
		edits[i].text = strings.ReplaceAll(strings.ReplaceAll(edits[i].text, "\r\n", "\n"), "\n", "\r\n")
	}
	return edits
}

func splice(src []byte, s Span, text []byte) []byte {
	out := make([]byte, 0, len(src)-(s.End-s.Start)+len(text))
	out = append(out, src[:s.Start]...)
	out = append(out, text...)
	return append(out, src[s.End:]...)
}

// patchFile returns the new content of a DefinitionUri file, or nil when
// def is the same document.
func (m *StateMachine) patchFile(def *asl.Value) ([]byte, error) {
	src := m.fileSrc
	trimmed := bytes.TrimLeft(src, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		oldV, err := asl.ParseJSON(src)
		if err != nil {
			return nil, m.t.fileError(m.FilePath, err)
		}
		if equal(oldV, def) {
			return nil, nil
		}
		if err := duplicateKeys(def, ""); err != nil {
			return nil, err
		}
		p := &patcher{src: newSource(m.FilePath, src), json: true, unit: jsonIndentUnit(src)}
		p.diff(jsonNode(oldV, src), oldV, def, true)
		return applyEdits(src, lineEndings(src, p.edits)), nil
	}
	s := newSource(m.FilePath, src)
	root, err := parseTree(s)
	if err != nil {
		return nil, err
	}
	oldV := toValue(root)
	if equal(oldV, def) {
		return nil, nil
	}
	if err := duplicateKeys(def, ""); err != nil {
		return nil, err
	}
	p := &patcher{src: s, step: detectIndent(src, 2), shortTags: true, compactSeq: compactSequences(src)}
	p.diff(root, oldV, def, false)
	return applyEdits(src, lineEndings(src, p.edits)), nil
}

// inlineStep is the indentation step of an inline YAML Definition: how far
// its first nested block is indented from it.
func (m *StateMachine) inlineStep() int {
	n := m.defNode
	_, base := m.t.src.position(n.body)
	for _, v := range n.vals {
		if (v.kind == mappingNode || v.kind == sequenceNode) && !v.isFlow() {
			if _, c := m.t.src.position(v.body); c > base {
				return c - base
			}
			break
		}
	}
	return 2
}

// encodeString writes DefinitionString text in the style of the old string:
// a block scalar keeps its header and indentation, a quoted string its quotes.
func (m *StateMachine) encodeString(text []byte) []byte {
	n := m.defNode
	old := m.t.Src[n.body:n.end]
	s := string(text)
	switch {
	case n.style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		header := string(old)
		if i := strings.IndexByte(header, '\n'); i >= 0 {
			header = strings.TrimRight(header[:i], "\r")
		}
		body := strings.TrimRight(s, "\n")
		if n.style&yaml.FoldedStyle != 0 && strings.Contains(body, "\n") {
			header = "|" + strings.TrimPrefix(header, ">")
		}
		indent := strings.Repeat(" ", m.strIndent)
		if m.strIndent == 0 {
			indent = strings.Repeat(" ", n.col+1)
		}
		var b strings.Builder
		b.WriteString(header)
		for _, line := range strings.Split(body, "\n") {
			b.WriteByte('\n')
			if line != "" {
				b.WriteString(indent + line)
			}
		}
		return []byte(b.String())
	case m.t.Format == "json" || n.style&yaml.DoubleQuotedStyle != 0:
		return []byte(jsonQuote(s))
	case strings.ContainsAny(s, "\n\r\t") || !printable(s):
		return []byte(jsonQuote(s))
	case n.style&yaml.SingleQuotedStyle == 0 && plainSafe(s, false):
		return text
	}
	return []byte("'" + strings.ReplaceAll(s, "'", "''") + "'")
}

// leadingBlank returns the spaces and tabs a line starts with.
func leadingBlank(line []byte) string {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return string(line[:i])
}

// jsonIndentUnit guesses the indentation unit of JSON text: the leading
// blanks of its first indented line relative to the line before.
func jsonIndentUnit(text []byte) string {
	lines := bytes.Split(text, []byte("\n"))
	for i := 1; i < len(lines); i++ {
		cur, prev := leadingBlank(lines[i]), leadingBlank(lines[i-1])
		if len(cur) > len(prev) && strings.HasPrefix(cur, prev) && len(bytes.TrimSpace(lines[i])) > 0 {
			return cur[len(prev):]
		}
	}
	return "  "
}

// detectIndent guesses a YAML document's indentation step.
func detectIndent(text []byte, def int) int {
	for _, line := range bytes.Split(text, []byte("\n")) {
		l := leadingBlank(line)
		t := bytes.TrimSpace(line)
		if len(l) > 0 && len(t) > 0 && t[0] != '#' && !strings.Contains(l, "\t") {
			return len(l)
		}
	}
	return def
}

// indentJSON re-indents JSON text: nested lines by unit, continuation lines
// after the first prefixed by prefix.
func indentJSON(js []byte, prefix, unit string) []byte {
	var b bytes.Buffer
	if err := json.Indent(&b, compactJSON(js), prefix, unit); err != nil {
		return js
	}
	return b.Bytes()
}

func compactJSON(js []byte) []byte {
	var b bytes.Buffer
	if err := json.Compact(&b, js); err != nil {
		return bytes.TrimSpace(js)
	}
	return b.Bytes()
}

// WriteChanges writes each change atomically: into a temporary file in the
// same folder, then renamed over the old file (keeping its permissions).
func WriteChanges(changes []Change) error {
	for _, c := range changes {
		if err := WriteFileAtomic(c.Path, c.Data); err != nil {
			return err
		}
	}
	return nil
}

// WriteFileAtomic replaces path with data through a temporary file and a
// rename, so a reader never sees a half-written file.
func WriteFileAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp, mode)
	}
	if werr == nil {
		werr = os.Rename(tmp, path)
	}
	if werr != nil {
		os.Remove(tmp)
		return werr
	}
	return nil
}

// duplicateKeys reports the first object of a definition with a key twice:
// a template could not hold it.
func duplicateKeys(v *asl.Value, ptr string) error {
	switch v.Kind {
	case asl.Object:
		seen := make(map[string]bool, len(v.Fields))
		for _, f := range v.Fields {
			if seen[f.Key] {
				return &Error{Line: f.KeyPos.Line, Col: f.KeyPos.Col,
					Msg: fmt.Sprintf("duplicate key %q in the new definition (at %s)", f.Key, asl.JoinPointer(ptr, f.Key))}
			}
			seen[f.Key] = true
			if err := duplicateKeys(f.Value, asl.JoinPointer(ptr, f.Key)); err != nil {
				return err
			}
		}
	case asl.Array:
		for i, it := range v.Items {
			if err := duplicateKeys(it, asl.JoinPointer(ptr, fmt.Sprint(i))); err != nil {
				return err
			}
		}
	}
	return nil
}
