package sam

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// StateMachine is one state machine resource of a template.
type StateMachine struct {
	// ID is the resource's logical id.
	ID string
	// Type is the resource type (ServerlessStateMachine or StepFunctionsMachine).
	Type string
	// Line and Col locate the resource's logical id in the template.
	Line, Col int
	// WorkflowType is the STANDARD / EXPRESS property when written
	// (SAM's Type, CloudFormation's StateMachineType), else "".
	WorkflowType string
	// DefinitionVia is the property the definition comes from (ViaDefinition, …).
	DefinitionVia string
	// File is the DefinitionUri (or local DefinitionS3Location) as written.
	File string
	// FilePath is File joined to the template's folder.
	FilePath string
	// Format is "json" or "yaml": how the definition is written.
	Format string
	// Substitutions are the DefinitionSubstitutions (and Fn::Sub variables
	// of a DefinitionString), values rendered readably ("!Ref X").
	Substitutions []Substitution
	// Placeholders are the ${Name} references found in the definition's
	// strings, sorted and unique.
	Placeholders []string
	// Definition is the definition, or nil when Err is set. Intrinsic
	// functions written with !Tags are in their long JSON form ({"Ref": …}).
	Definition *asl.Value
	// Err says why the definition could not be read.
	Err error
	// ReadOnly, when not "", says why the definition cannot be written back.
	ReadOnly string
	// Span is where the definition's bytes are (the whole file for a
	// DefinitionUri).
	Span Span

	t *Template
	// defNode is the template node holding the definition (inline mapping
	// or the DefinitionString scalar).
	defNode *node
	// fileSrc is the DefinitionUri file's contents.
	fileSrc []byte
	// joinText is the text of a Fn::Join DefinitionString.
	joinText string
	// strBase maps the DefinitionString text back to the template.
	strLine, strIndent int
}

// Span is a byte range of a file.
type Span struct {
	Path       string
	Start, End int
}

// Substitution is one DefinitionSubstitutions entry (or Fn::Sub variable).
type Substitution struct {
	Name string `json:"name"`
	// Value is the value as written, intrinsics in short form: "!Ref Table",
	// "!GetAtt Fn.Arn", "!Sub arn:${AWS::Partition}:…", or a literal.
	Value string `json:"value"`
	Line  int    `json:"line"`
	Col   int    `json:"column"`
}

func (t *Template) stateMachine(key, res *node, typ string) *StateMachine {
	m := &StateMachine{ID: key.value, Type: typ, Line: key.line, Col: key.col, t: t}
	props := res.get("Properties")
	if props == nil || props.kind != mappingNode {
		m.Err = t.src.errorf(key.start, "state machine %s has no Properties", m.ID)
		return m
	}
	if typ == ServerlessStateMachine {
		m.WorkflowType, _ = props.get("Type").str()
	} else {
		m.WorkflowType, _ = props.get("StateMachineType").str()
	}
	if subs := props.get("DefinitionSubstitutions"); subs != nil && subs.kind == mappingNode {
		for i, k := range subs.keys {
			m.Substitutions = append(m.Substitutions, Substitution{Name: k.value, Value: render(subs.vals[i]), Line: k.line, Col: k.col})
		}
	}
	switch {
	case props.get(ViaDefinition) != nil:
		m.DefinitionVia = ViaDefinition
		m.inline(props.get(ViaDefinition))
	case props.get(ViaDefinitionString) != nil:
		m.DefinitionVia = ViaDefinitionString
		m.definitionString(props.get(ViaDefinitionString))
	case props.get(ViaDefinitionURI) != nil:
		m.DefinitionVia = ViaDefinitionURI
		m.fileRef(props.get(ViaDefinitionURI))
	case props.get(ViaDefinitionS3Location) != nil:
		m.DefinitionVia = ViaDefinitionS3Location
		m.fileRef(props.get(ViaDefinitionS3Location))
	default:
		m.Err = t.src.errorf(key.start, "state machine %s has no Definition, DefinitionUri, DefinitionString or DefinitionS3Location", m.ID)
	}
	if m.Definition != nil {
		m.Placeholders = placeholders(m.Definition)
		if m.Definition.Kind != asl.Object {
			m.Err = m.errAt(m.Definition, "the definition of %s is not an ASL object (it is %s)", m.ID, m.Definition.Kind)
			m.Definition = nil
		} else if !m.Definition.Has("States") && !m.Definition.Has("StartAt") {
			m.Err = m.errAt(m.Definition, "the definition of %s is not ASL: it has neither StartAt nor States", m.ID)
			m.Definition = nil
		}
	}
	return m
}

// errAt makes an error at a definition value's position.
func (m *StateMachine) errAt(v *asl.Value, format string, args ...any) error {
	file := m.t.Path
	if m.FilePath != "" {
		file = m.FilePath
	}
	return &Error{File: file, Line: v.Pos.Line, Col: v.Pos.Col, Msg: fmt.Sprintf(format, args...)}
}

// inline reads a Definition written in the template (a YAML mapping or a
// JSON-style flow mapping).
func (m *StateMachine) inline(n *node) {
	if n.kind != mappingNode {
		m.Err = m.t.src.errorf(n.start, "the Definition of %s is not a mapping", m.ID)
		return
	}
	m.defNode = n
	m.Format = "yaml"
	if n.isFlow() {
		m.Format = "json"
	}
	m.Span = Span{Path: m.t.Path, Start: n.body, End: n.end}
	m.Definition = toValue(n)
}

// fileRef reads a DefinitionUri (or DefinitionS3Location) given as a local
// path; the S3-object form is read-only.
func (m *StateMachine) fileRef(n *node) {
	t := m.t
	uri, isStr := n.str()
	if !isStr || strings.HasPrefix(uri, "s3://") {
		var what string
		switch {
		case isStr:
			what = "the S3 object " + uri
		case n.get("Bucket") != nil:
			bucket, key := render(n.get("Bucket")), render(n.get("Key"))
			what = fmt.Sprintf("the S3 object s3://%s/%s", bucket, key)
		default:
			what = "a value computed by " + render(n)
		}
		m.ReadOnly = fmt.Sprintf("%s points to %s, which ASL Studio cannot read or write; use a local file path", m.DefinitionVia, what)
		m.Err = t.src.errorf(n.start, "%s", m.ReadOnly)
		return
	}
	m.File = uri
	m.FilePath = filepath.Join(t.dir(), filepath.FromSlash(uri))
	m.Format = "json"
	lower := strings.ToLower(uri)
	if strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml") {
		m.Format = "yaml"
	}
	if t.read == nil {
		m.Err = t.src.errorf(n.start, "%s %s of %s cannot be read here", m.DefinitionVia, uri, m.ID)
		return
	}
	data, err := t.read(m.FilePath)
	if errors.Is(err, fs.ErrNotExist) {
		m.Err = t.src.errorf(n.start, "%s file %s of %s not found (looked for %s)", m.DefinitionVia, uri, m.ID, m.FilePath)
		return
	}
	if err != nil {
		m.Err = t.src.errorf(n.start, "%s file %s of %s cannot be read: %v", m.DefinitionVia, uri, m.ID, err)
		return
	}
	m.fileSrc = data
	m.Span = Span{Path: m.FilePath, Start: 0, End: len(data)}
	var v *asl.Value
	switch {
	case m.Format == "yaml":
		v, err = asl.ParseYAML(data)
	case strings.HasSuffix(lower, ".json"):
		v, err = asl.ParseJSON(data)
	default:
		v, err = asl.Parse(data)
	}
	if err != nil {
		m.Err = t.fileError(m.FilePath, err)
		return
	}
	m.Definition = v
}

// placeholderRE matches ${Name} references (not the ${!Literal} escape).
var placeholderRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{([^!}][^}]*)\}`) })

// placeholders lists the ${Name} references in a definition's strings.
func placeholders(v *asl.Value) []string {
	seen := map[string]bool{}
	var walk func(v *asl.Value)
	walk = func(v *asl.Value) {
		switch v.Kind {
		case asl.String:
			for _, m := range placeholderRE().FindAllStringSubmatch(v.Str, -1) {
				seen[strings.TrimSpace(m[1])] = true
			}
		case asl.Array:
			for _, it := range v.Items {
				walk(it)
			}
		case asl.Object:
			for _, f := range v.Fields {
				for _, m := range placeholderRE().FindAllStringSubmatch(f.Key, -1) {
					seen[strings.TrimSpace(m[1])] = true
				}
				walk(f.Value)
			}
		}
	}
	walk(v)
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Unsubstituted returns the placeholders of a definition that no
// DefinitionSubstitutions entry (or Fn::Sub variable) gives a value, other
// than AWS pseudo parameters (${AWS::Region}); for a DefinitionString under
// Fn::Sub these may name template parameters or resources instead.
func (m *StateMachine) Unsubstituted() []string {
	have := map[string]bool{}
	for _, s := range m.Substitutions {
		have[s.Name] = true
	}
	var out []string
	for _, p := range m.Placeholders {
		if !have[p] && !strings.HasPrefix(p, "AWS::") {
			out = append(out, p)
		}
	}
	return out
}
