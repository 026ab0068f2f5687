package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sam"
)

func init() {
	register(&command{
		name:    "sam",
		summary: "list, get, set or generate state machines in SAM/CloudFormation templates",
		run:     runSAM,
	})
}

const samUsage = `usage:
  aslstudio sam list TEMPLATE [--format text|json]
  aslstudio sam get TEMPLATE [--id ID] [--format json|yaml]
  aslstudio sam set TEMPLATE [--id ID] --definition FILE [-w]
  aslstudio sam new DEFINITION [--name NAME] [--type STANDARD|EXPRESS] [--substitute-arns] [-o DIR]`

func runSAM(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, samUsage)
		return exitUsage
	}
	switch args[0] {
	case "list":
		return samList(args[1:], stdout, stderr)
	case "get":
		return samGet(args[1:], stdout, stderr)
	case "set":
		return samSet(args[1:], stdout, stderr)
	case "new":
		return samNew(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprintln(stdout, samUsage)
		return exitOK
	}
	fmt.Fprintf(stderr, "aslstudio sam: unknown subcommand %q\n%s\n", args[0], samUsage)
	return exitUsage
}

// parseFlags parses flags that may come before or after the positional
// arguments, returning the positionals.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("sam "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// samMachine is one state machine in `sam list --format json`.
type samMachine struct {
	ID            string            `json:"id"`
	Type          string            `json:"type"`
	Line          int               `json:"line"`
	Column        int               `json:"column"`
	WorkflowType  string            `json:"workflowType,omitempty"`
	DefinitionVia string            `json:"definitionVia"`
	File          string            `json:"file,omitempty"`
	Format        string            `json:"format,omitempty"`
	Substitutions map[string]string `json:"substitutions"`
	Placeholders  []string          `json:"placeholders"`
	Unsubstituted []string          `json:"unsubstituted,omitempty"`
	ReadOnly      string            `json:"readOnly,omitempty"`
	Error         string            `json:"error,omitempty"`
}

func samList(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("list", stderr)
	format := fs.String("format", "text", "output format: text or json")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 || (*format != "text" && *format != "json") {
		fmt.Fprintln(stderr, samUsage)
		return exitUsage
	}
	t, err := sam.Load(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	for _, w := range t.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	if *format == "json" {
		out := struct {
			Template      string       `json:"template"`
			Format        string       `json:"format"`
			StateMachines []samMachine `json:"stateMachines"`
		}{Template: t.Path, Format: t.Format, StateMachines: []samMachine{}}
		for _, m := range t.StateMachines {
			j := samMachine{ID: m.ID, Type: m.Type, Line: m.Line, Column: m.Col, WorkflowType: m.WorkflowType,
				DefinitionVia: m.DefinitionVia, File: m.File, Format: m.Format, Substitutions: map[string]string{},
				Placeholders: m.Placeholders, Unsubstituted: m.Unsubstituted(), ReadOnly: m.ReadOnly}
			if j.Placeholders == nil {
				j.Placeholders = []string{}
			}
			for _, s := range m.Substitutions {
				j.Substitutions[s.Name] = s.Value
			}
			if m.Err != nil {
				j.Error = m.Err.Error()
			}
			out.StateMachines = append(out.StateMachines, j)
		}
		b, _ := json.MarshalIndent(out, "", "  ")
		fmt.Fprintf(stdout, "%s\n", b)
		return exitOK
	}
	for _, m := range t.StateMachines {
		where := m.DefinitionVia
		if m.File != "" {
			where += " " + m.File
		}
		wt := m.WorkflowType
		if wt == "" {
			wt = "STANDARD"
		}
		fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\n", m.ID, m.Type, wt, where)
		for _, s := range m.Substitutions {
			fmt.Fprintf(stdout, "  ${%s} = %s\n", s.Name, s.Value)
		}
		if m.Err != nil {
			fmt.Fprintf(stdout, "  error: %v\n", m.Err)
		}
	}
	return exitOK
}

// loadMachine loads a template and picks a state machine whose definition
// could be read.
func loadMachine(path, id string, stderr io.Writer) (*sam.Template, *sam.StateMachine, int) {
	t, err := sam.Load(path)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, nil, exitUsage
	}
	m, err := t.Get(id)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, nil, exitUsage
	}
	if m.Err != nil {
		fmt.Fprintln(stderr, m.Err)
		return nil, nil, exitFail
	}
	return t, m, exitOK
}

func samGet(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("get", stderr)
	id := fs.String("id", "", "logical id of the state machine (needed when there are several)")
	format := fs.String("format", "json", "output format: json or yaml")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 || (*format != "json" && *format != "yaml") {
		fmt.Fprintln(stderr, samUsage)
		return exitUsage
	}
	_, m, code := loadMachine(pos[0], *id, stderr)
	if m == nil {
		return code
	}
	b := asl.PrintJSON(m.Definition)
	if *format == "yaml" {
		b = asl.PrintYAML(m.Definition)
	}
	stdout.Write(b)
	if len(b) == 0 || b[len(b)-1] != '\n' {
		fmt.Fprintln(stdout)
	}
	return exitOK
}

func samSet(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("set", stderr)
	id := fs.String("id", "", "logical id of the state machine (needed when there are several)")
	defFile := fs.String("definition", "", "the new definition (ASL JSON or YAML)")
	write := fs.Bool("w", false, "write the changed file in place instead of printing it")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 || *defFile == "" {
		fmt.Fprintln(stderr, samUsage)
		return exitUsage
	}
	def, err := readDefinition(*defFile)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	t, m, code := loadMachine(pos[0], *id, stderr)
	if m == nil {
		return code
	}
	changes, err := t.SetDefinition(m.ID, def)
	if err != nil {
		var se *sam.Error
		if errors.As(err, &se) && se.File == "" {
			se.File = *defFile
		}
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	if *write {
		if err := sam.WriteChanges(changes); err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		for _, c := range changes {
			fmt.Fprintf(stderr, "wrote %s\n", c.Path)
		}
		if len(changes) == 0 {
			fmt.Fprintf(stderr, "%s: definition of %s unchanged\n", pos[0], m.ID)
		}
		return exitOK
	}
	if len(changes) == 0 {
		// Unchanged: print the file holding the definition as it is.
		if m.Span.Path == t.Path {
			stdout.Write(t.Src)
			return exitOK
		}
		b, err := os.ReadFile(m.Span.Path)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		stdout.Write(b)
		return exitOK
	}
	for _, c := range changes {
		stdout.Write(c.Data)
	}
	return exitOK
}

// readDefinition reads an ASL definition (JSON or YAML), errors as file:line:col.
func readDefinition(path string) (*asl.Value, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	v, err := asl.Parse(src)
	if err != nil {
		var se *asl.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%s:%d:%d: %s", path, se.Line, se.Col, se.Msg)
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if v.Kind != asl.Object || (v.Get("States") == nil && v.Get("StartAt") == nil) {
		return nil, fmt.Errorf("%s:%d:%d: not an ASL definition: an object with StartAt and States is expected", path, v.Pos.Line, v.Pos.Col)
	}
	return v, nil
}

var nonIDChars = regexp.MustCompile(`[^A-Za-z0-9]+`)

func samNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", stderr)
	name := fs.String("name", "", "logical id of the state machine (default: from the file name)")
	typ := fs.String("type", "STANDARD", "STANDARD or EXPRESS")
	subst := fs.Bool("substitute-arns", false, "replace literal ARNs by ${…} placeholders with DefinitionSubstitutions")
	outDir := fs.String("o", "", "write template.yaml and statemachine/NAME.asl.json into this folder")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, samUsage)
		return exitUsage
	}
	def, err := readDefinition(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if *name == "" {
		base := filepath.Base(pos[0])
		base = strings.SplitN(base, ".", 2)[0]
		for _, w := range nonIDChars.Split(base, -1) {
			if w != "" {
				*name += strings.ToUpper(w[:1]) + w[1:]
			}
		}
		if !strings.HasSuffix(*name, "StateMachine") {
			*name += "StateMachine"
		}
	}
	opt := sam.GenerateOptions{Name: *name, Type: *typ, SubstituteARNs: *subst}
	switch {
	case *outDir != "":
	case *subst:
		// The file on disk keeps its literal ARNs: put the substituted
		// definition into the template.
		opt.Inline = true
	default:
		opt.DefinitionURI = filepath.ToSlash(pos[0])
	}
	g, err := sam.Generate(def, opt)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if *outDir == "" {
		stdout.Write(g.Template)
		return exitOK
	}
	tpl := filepath.Join(*outDir, "template.yaml")
	if _, err := os.Stat(tpl); err == nil {
		fmt.Fprintf(stderr, "%s already exists; not overwriting it\n", tpl)
		return exitUsage
	}
	defPath := filepath.Join(*outDir, filepath.FromSlash(g.DefinitionURI))
	if err := os.MkdirAll(filepath.Dir(defPath), 0o755); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if err := sam.WriteFileAtomic(defPath, asl.PrintJSON(g.Definition)); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if err := sam.WriteFileAtomic(tpl, g.Template); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "wrote %s and %s\n", tpl, defPath)
	return exitOK
}
