package web

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sam"
)

// formatSAM is the code pane's third format: the whole SAM/CloudFormation
// template, with the definition written back into it.
const formatSAM = "sam"

// samFile is a SAM or CloudFormation template opened in the editor. The
// canvas edits one of its state machines; everything else in it is kept
// byte for byte, and the definition is written back with engine/sam (only
// the bytes that changed).
type samFile struct {
	// Name is the template's file name as it was opened (Download keeps it).
	Name string `json:"name"`
	// Src is the template text the definition is written back into.
	Src string `json:"src"`
	// Files are the other files opened with the template — the definition
	// files its DefinitionUri properties name — by the path they came with.
	Files map[string]string `json:"files,omitempty"`
	// ID is the logical id of the state machine being edited.
	ID string `json:"id"`

	tmpl *sam.Template
}

// looksLikeTemplate reports whether a file reads as a SAM/CloudFormation
// template with a state machine rather than an ASL definition.
func looksLikeTemplate(src []byte) bool { return sam.LooksLikeTemplate(src) }

// newSamFile parses a template opened with the given other files. A
// template that does not parse, or has no state machine, is an error.
func newSamFile(name, src string, files map[string]string) (*samFile, error) {
	f := &samFile{Name: name, Src: src, Files: files}
	if err := f.parse(); err != nil {
		return nil, err
	}
	return f, nil
}

// parse (re)parses Src with Files.
func (f *samFile) parse() error {
	t, err := sam.Parse(f.Name, []byte(f.Src), readFrom(f.Files))
	if err != nil {
		return err
	}
	f.tmpl = t
	return nil
}

// machines lists the state machines of the template.
func (f *samFile) machines() []*sam.StateMachine {
	if f == nil || f.tmpl == nil {
		return nil
	}
	return f.tmpl.StateMachines
}

// machine returns the state machine being edited.
func (f *samFile) machine() (*sam.StateMachine, error) {
	if f == nil {
		return nil, errors.New("no template is open")
	}
	if f.tmpl == nil {
		if err := f.parse(); err != nil {
			return nil, err
		}
	}
	return f.tmpl.Get(f.ID)
}

// inFile reports whether the definition lives in a file of its own
// (DefinitionUri) rather than in the template's text.
func (f *samFile) inFile() bool {
	m, err := f.machine()
	return err == nil && (m.DefinitionVia == sam.ViaDefinitionURI || m.DefinitionVia == sam.ViaDefinitionS3Location)
}

// positionsInTemplate reports whether the definition's positions are the
// template's own (an inline Definition), so states and diagnostics can be
// marked in the template's text.
func (f *samFile) positionsInTemplate() bool {
	m, err := f.machine()
	return err == nil && m.DefinitionVia == sam.ViaDefinition
}

// language is the template's syntax, for the code editor.
func (f *samFile) language() string {
	if f.tmpl != nil && f.tmpl.Format == "json" {
		return formatJSON
	}
	return formatYAML
}

// definition returns the text to open on the canvas for the state machine
// id and its format: a DefinitionUri file as it is, an inline or string
// definition printed in the form it is written in (JSON or YAML).
func (f *samFile) definition(id string) (text, format string, err error) {
	m, err := f.tmpl.Get(id)
	if err != nil {
		return "", "", err
	}
	if m.Err != nil {
		return "", "", m.Err
	}
	format = formatJSON
	if m.Format == "yaml" {
		format = formatYAML
	}
	if m.FilePath != "" {
		data, err := readFrom(f.Files)(m.FilePath)
		if err != nil {
			return "", "", err
		}
		return string(data), format, nil
	}
	if format == formatYAML {
		return string(asl.PrintYAML(m.Definition)), format, nil
	}
	return string(asl.PrintJSON(m.Definition)), format, nil
}

// samOutput is a template with a definition written back: the template's
// text and, when the definition lives in a file of its own, that file.
type samOutput struct {
	Template string
	// DefPath is the definition file's path ("" for an inline definition)
	// and Def its new content.
	DefPath, Def string
}

// render writes def back into the template: only the definition's bytes
// change (engine/sam's SetDefinition), so a definition equal to the one
// in the template gives the template unchanged.
func (f *samFile) render(def *asl.Value) (samOutput, error) {
	m, err := f.machine()
	if err != nil {
		return samOutput{}, err
	}
	out := samOutput{Template: f.Src, DefPath: m.FilePath}
	if m.FilePath != "" {
		data, _ := readFrom(f.Files)(m.FilePath)
		out.Def = string(data)
	}
	changes, err := f.tmpl.SetDefinition(f.ID, def)
	if err != nil {
		return out, err
	}
	for _, c := range changes {
		switch c.Path {
		case f.tmpl.Path:
			out.Template = string(c.Data)
		case m.FilePath:
			out.Def = string(c.Data)
		}
	}
	return out, nil
}

// withText returns a copy of the template whose text is src, parsed; the
// state machine being edited must still be in it (when the template has
// only one, it is followed under a new logical id).
func (f *samFile) withText(src string, files map[string]string) (*samFile, *sam.StateMachine, error) {
	g := &samFile{Name: f.Name, Src: src, Files: files, ID: f.ID}
	if err := g.parse(); err != nil {
		return nil, nil, err
	}
	m, err := g.tmpl.Get(g.ID)
	if err != nil && len(g.tmpl.StateMachines) == 1 {
		m, err = g.tmpl.StateMachines[0], nil
		g.ID = m.ID
	}
	if err != nil {
		return nil, nil, fmt.Errorf("the template no longer has the state machine %s (it has %s)", f.ID, strings.Join(machineIDs(g.tmpl), ", "))
	}
	if m.Err != nil {
		return nil, nil, m.Err
	}
	return g, m, nil
}

// filesWith returns the template's files with the definition file (if the
// definition has one) holding def written back.
func (f *samFile) filesWith(def *asl.Value) map[string]string {
	if !f.inFile() || def == nil {
		return f.Files
	}
	out, err := f.render(def)
	if err != nil || out.DefPath == "" {
		return f.Files
	}
	files := make(map[string]string, len(f.Files))
	for k, v := range f.Files {
		files[k] = v
	}
	files[fileKey(f.Files, out.DefPath)] = out.Def
	return files
}

func machineIDs(t *sam.Template) []string {
	ids := make([]string, len(t.StateMachines))
	for i, m := range t.StateMachines {
		ids[i] = m.ID
	}
	return ids
}

// readFrom reads the files opened with a template. A browser gives files
// by name (or by their path below a dropped folder), not where the
// template's DefinitionUri says, so a path is matched exactly, then by its
// trailing components, then by its base name when only one file has it.
func readFrom(files map[string]string) sam.ReadFunc {
	return func(p string) ([]byte, error) {
		if k := fileKey(files, p); k != "" {
			if data, ok := files[k]; ok {
				return []byte(data), nil
			}
		}
		return nil, fmt.Errorf("%s was not opened with the template (open it together with the template): %w", path.Base(filepath.ToSlash(p)), fs.ErrNotExist)
	}
}

// fileKey returns the key of files that p names, or p cleaned when none does.
func fileKey(files map[string]string, p string) string {
	want := path.Clean(filepath.ToSlash(p))
	want = strings.TrimPrefix(want, "./")
	if _, ok := files[want]; ok {
		return want
	}
	keys := make([]string, 0, len(files))
	for k := range files {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// The longest common trailing path wins: a/b/sm.json over b2/sm.json for b/sm.json.
	best, bestParts, bases := "", 0, 0
	for _, k := range keys {
		kc := path.Clean(filepath.ToSlash(k))
		if path.Base(kc) != path.Base(want) {
			continue
		}
		bases++
		n := commonSuffixParts(kc, want)
		if n > bestParts {
			best, bestParts = k, n
		} else if n == bestParts {
			best = "" // ambiguous at this depth
		}
	}
	if best != "" && (bestParts > 1 || bases == 1) {
		return best
	}
	return want
}

// commonSuffixParts counts the trailing path components a and b share.
func commonSuffixParts(a, b string) int {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	n := 0
	for n < len(as) && n < len(bs) && as[len(as)-1-n] == bs[len(bs)-1-n] {
		n++
	}
	return n
}

// splitTemplate finds the template among files opened together: the first
// that reads as a template. The others are returned as its files, keyed by
// their path relative to the template's folder when they came from a
// dropped folder.
func splitTemplate(names []string, texts []string) (tmplName, tmplSrc string, others map[string]string, ok bool) {
	at := -1
	for i, t := range texts {
		if looksLikeTemplate([]byte(t)) {
			at = i
			break
		}
	}
	if at < 0 {
		return "", "", nil, false
	}
	dir := path.Dir(names[at])
	others = map[string]string{}
	for i, n := range names {
		if i == at {
			continue
		}
		if dir != "." && strings.HasPrefix(n, dir+"/") {
			n = strings.TrimPrefix(n, dir+"/")
		}
		others[n] = texts[i]
	}
	return path.Base(names[at]), texts[at], others, true
}

// restoreTemplate puts back the autosaved template (storage.go); a template
// that no longer parses is dropped and the definition stays.
func (d *document) restoreTemplate(f *samFile, view bool) {
	if f == nil || f.parse() != nil {
		return
	}
	if _, err := f.machine(); err != nil {
		return
	}
	d.Sam = f
	d.TemplateView = view && f.inFile()
}

// entryEnd returns where the mapping entry whose key starts at off ends in
// a template's text: after the closing bracket of a flow ({…} or […])
// value, else after the last line indented deeper than the key (a block
// value), trailing blank and comment lines left out.
func entryEnd(text string, off int) int {
	if off < 0 || off >= len(text) {
		return len(text)
	}
	// Skip the key (quoted or plain) and the colon.
	i := off
	if q := text[i]; q == '"' || q == '\'' {
		i++
		for i < len(text) && text[i] != q {
			if text[i] == '\\' && q == '"' {
				i++
			}
			i++
		}
		i++
	}
	for i < len(text) && text[i] != ':' && text[i] != '\n' {
		i++
	}
	if i < len(text) && text[i] == ':' {
		i++
	}
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i < len(text) && (text[i] == '{' || text[i] == '[') {
		return flowEnd(text, i)
	}
	lineStart := strings.LastIndexByte(text[:off], '\n') + 1
	indent := off - lineStart
	end := strings.IndexByte(text[off:], '\n')
	if end < 0 {
		return len(text)
	}
	end += off
	for p := end + 1; p < len(text); {
		nl := strings.IndexByte(text[p:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = p + nl
		}
		line := text[p:lineEnd]
		trimmed := strings.TrimLeft(line, " \t")
		if trimmed != "" && !strings.HasPrefix(trimmed, "#") {
			if len(line)-len(trimmed) <= indent {
				break
			}
			end = lineEnd
		}
		p = lineEnd + 1
	}
	return len(strings.TrimRight(text[:end], "\r"))
}

// flowEnd returns the offset after the bracket that closes the one at i,
// skipping quoted strings.
func flowEnd(text string, i int) int {
	depth := 0
	for ; i < len(text); i++ {
		switch c := text[i]; c {
		case '"', '\'':
			for i++; i < len(text) && text[i] != c; i++ {
				if text[i] == '\\' && c == '"' {
					i++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(text)
}

// recentTemplate returns what the recent list keeps of a document opened
// from a template whose definition is written in it: the template with the
// definition written back, under the template's name, so reopening it
// opens the template again. ok is false for other documents.
func (d *document) recentTemplate() (name, text string, ok bool) {
	if d.Sam == nil || d.Root == nil || d.Sam.inFile() || len(d.Sam.machines()) != 1 {
		return "", "", false
	}
	if d.Format == formatSAM {
		return d.Sam.Name, d.Text, d.ParseErr == nil
	}
	out, err := d.Sam.render(d.Root)
	if err != nil {
		return "", "", false
	}
	return d.Sam.Name, out.Template, true
}
