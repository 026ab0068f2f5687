package sam

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// The resource types that hold a state machine.
const (
	ServerlessStateMachine = "AWS::Serverless::StateMachine"
	StepFunctionsMachine   = "AWS::StepFunctions::StateMachine"
)

// Where a state machine's definition comes from (StateMachine.DefinitionVia).
const (
	ViaDefinition           = "Definition"
	ViaDefinitionURI        = "DefinitionUri"
	ViaDefinitionString     = "DefinitionString"
	ViaDefinitionS3Location = "DefinitionS3Location"
)

// ReadFunc reads a file a template refers to (a DefinitionUri), given its
// path joined to the template's folder. os.ReadFile is one.
type ReadFunc func(path string) ([]byte, error)

// Template is a parsed SAM or CloudFormation template.
type Template struct {
	// Path names the template in messages and anchors relative DefinitionUri paths.
	Path string
	// Format is "yaml" or "json".
	Format string
	// Src is the template's text as read.
	Src []byte
	// StateMachines in the order they appear under Resources.
	StateMachines []*StateMachine

	src  *source
	root *node
	read ReadFunc
	// Warnings are problems that do not concern the state machines, such
	// as a key written twice in another resource (*Error, with position).
	Warnings []error
	// shortTags reports whether the template writes intrinsics as !Tags.
	shortTags bool
}

// Load reads and parses the template at path; DefinitionUri files are read
// from the file system.
func Load(path string) (*Template, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, src, os.ReadFile)
}

// Parse parses a template's text. name is its path (for messages and for
// resolving DefinitionUri); read reads the files it refers to and may be nil,
// in which case file-based definitions report that they cannot be read.
//
// A template that cannot be parsed, or that has no state machine, is an
// error (*Error, with line and column). A state machine whose definition
// cannot be read (a missing file, a definition that is not JSON) is listed
// with its Err set, so the others stay usable.
func Parse(name string, src []byte, read ReadFunc) (*Template, error) {
	t := &Template{Path: name, Src: src, read: read, src: newSource(name, src), Format: "yaml"}
	if trimmed := bytes.TrimLeft(src, " \t\r\n\ufeff"); len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		t.Format = "json"
		if _, err := asl.ParseJSON(src); err != nil {
			return nil, t.fileError(name, err)
		}
	}
	root, dups, err := parseTreeDups(t.src)
	if err != nil {
		return nil, err
	}
	t.root = root
	t.shortTags = bytes.Contains(src, []byte("!Ref")) || bytes.Contains(src, []byte("!GetAtt")) || bytes.Contains(src, []byte("!Sub"))
	if root.kind != mappingNode {
		return nil, t.src.errorf(root.start, "a template must be a mapping with Resources")
	}
	res := root.get("Resources")
	if res == nil {
		return nil, t.src.errorf(root.start, "template has no Resources")
	}
	if res.kind != mappingNode {
		return nil, t.src.errorf(res.start, "Resources must be a mapping")
	}
	for i, k := range res.keys {
		r := res.vals[i]
		typ, _ := r.get("Type").str()
		if typ != ServerlessStateMachine && typ != StepFunctionsMachine {
			continue
		}
		t.StateMachines = append(t.StateMachines, t.stateMachine(k, r, typ))
	}
	if len(t.StateMachines) == 0 {
		return nil, t.src.errorf(res.start, "no %s or %s in the template", ServerlessStateMachine, StepFunctionsMachine)
	}
	if err := t.judgeDuplicates(dups, root, res); err != nil {
		return nil, err
	}
	return t, nil
}

// Get returns the state machine with the logical id id, or when id is ""
// the only one; it is an error when there are several and id is "".
func (t *Template) Get(id string) (*StateMachine, error) {
	if id == "" {
		if len(t.StateMachines) == 1 {
			return t.StateMachines[0], nil
		}
		ids := make([]string, len(t.StateMachines))
		for i, m := range t.StateMachines {
			ids[i] = m.ID
		}
		return nil, fmt.Errorf("%s: %d state machines (%s): choose one with --id", t.Path, len(ids), strings.Join(ids, ", "))
	}
	for _, m := range t.StateMachines {
		if m.ID == id {
			return m, nil
		}
	}
	return nil, fmt.Errorf("%s: no state machine with id %q", t.Path, id)
}

// dir is the folder DefinitionUri paths are relative to.
func (t *Template) dir() string { return filepath.Dir(t.Path) }

// fileError turns a parse error of file (asl.SyntaxError or other) into an
// *Error naming the file.
func (t *Template) fileError(file string, err error) error {
	if se, ok := err.(*asl.SyntaxError); ok {
		return &Error{File: file, Line: se.Line, Col: se.Col, Msg: se.Msg}
	}
	if e, ok := err.(*Error); ok {
		return e
	}
	return &Error{File: file, Msg: err.Error()}
}

// judgeDuplicates makes a duplicate key an error when it concerns a state
// machine (inside its resource, its logical id, or Resources itself) and a
// warning elsewhere: CloudFormation's tools disagree on such templates, but
// the state machines are unambiguous and writing them back touches nothing
// else.
func (t *Template) judgeDuplicates(dups []duplicate, root, res *node) error {
	for _, d := range dups {
		fatal := d.parent == root && d.key.value == "Resources"
		for _, m := range t.StateMachines {
			r := res.get(m.ID)
			k := res.getKey(m.ID)
			if k != nil && d.key.start >= k.start && d.key.start < max(r.end, k.end) {
				fatal = true
			}
			if d.parent == res && d.key.value == m.ID {
				fatal = true
			}
		}
		if fatal {
			return d.error(t.src)
		}
		t.Warnings = append(t.Warnings, d.error(t.src))
	}
	return nil
}

// LooksLikeTemplate reports whether src reads as a SAM or CloudFormation
// template holding a state machine (rather than an ASL definition), so a
// tool given "a file" can pick Load or an ASL parser. It is a quick textual
// test; Parse gives the verdict with positions.
func LooksLikeTemplate(src []byte) bool {
	return bytes.Contains(src, []byte("Resources")) &&
		(bytes.Contains(src, []byte(ServerlessStateMachine)) || bytes.Contains(src, []byte(StepFunctionsMachine)))
}
