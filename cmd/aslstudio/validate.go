package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/catalog"
	"github.com/aslstudio/aslstudio/engine/sam"
	"github.com/aslstudio/aslstudio/engine/validate"
)

func init() {
	register(&command{
		name:    "validate",
		summary: "check ASL definitions (JSON or YAML) and print diagnostics",
		run:     runValidate,
	})
}

// definition is one state machine definition found in a file. A plain ASL
// file holds one, unnamed; a SAM or CloudFormation template can hold
// several, named by their logical ids.
type definition struct {
	name string
	// file is where the definition's text is when it is not the file
	// given (a template's DefinitionUri).
	file string
	// doc is the parsed definition (positions relative to its file), or nil
	// when src is to be parsed as a whole.
	doc *asl.Value
	src []byte
	// typ is the workflow type the template gives (STANDARD or EXPRESS).
	typ string
	// problem is a diagnostic that replaces validation (the template or the
	// definition could not be read).
	problem *validate.Diagnostic
}

// definitionsIn returns the definitions a file holds: every state machine
// of a SAM or CloudFormation template, or the file itself as one ASL
// definition.
func definitionsIn(path string, src []byte) []definition {
	if !sam.LooksLikeTemplate(src) {
		return []definition{{src: src}}
	}
	t, err := sam.Parse(path, src, os.ReadFile)
	if err != nil {
		d := validate.Diagnostic{Severity: validate.Error, Code: codeInvalidTemplate, Message: err.Error()}
		if se, ok := err.(*sam.Error); ok {
			d.Line, d.Column, d.Message = se.Line, se.Col, se.Msg
		}
		return []definition{{problem: &d}}
	}
	defs := make([]definition, 0, len(t.StateMachines))
	for _, m := range t.StateMachines {
		d := definition{name: m.ID, doc: m.Definition, typ: m.WorkflowType}
		if m.DefinitionVia == sam.ViaDefinitionURI && m.FilePath != "" {
			d.file = m.FilePath
		}
		if m.Err != nil {
			p := validate.Diagnostic{Severity: validate.Error, Code: codeInvalidTemplate, Message: m.Err.Error(), Line: m.Line, Column: m.Col}
			if strings.HasPrefix(m.File, "s3://") || ((m.DefinitionVia == sam.ViaDefinitionURI || m.DefinitionVia == sam.ViaDefinitionS3Location) && m.FilePath == "") {
				// Stored in S3: not invalid, only out of reach.
				p.Severity = validate.Warning
			}
			if se, ok := m.Err.(*sam.Error); ok && se.Line > 0 {
				p.Line, p.Column, p.Message = se.Line, se.Col, se.Msg
				if se.File != "" && se.File != path && fileExists(se.File) {
					d.file = se.File
				} else {
					d.file = ""
				}
			}
			d.problem = &p
		}
		defs = append(defs, d)
	}
	return defs
}

// readInput reads a file, or standard input for "-".
func readInput(path string) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(os.Stdin)
	}
	return os.ReadFile(path)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// codeInvalidTemplate reports a template, or a definition it refers to,
// that cannot be read.
const codeInvalidTemplate = "INVALID_TEMPLATE"

// fileDiagnostic is a diagnostic as the command prints it: with the
// definition it belongs to when the file holds several, and the file it is
// in when that is not the file given.
type fileDiagnostic struct {
	validate.Diagnostic
	Definition string `json:"definition,omitempty"`
	File       string `json:"file,omitempty"`
}

// fileResult is one file of the JSON output.
type fileResult struct {
	Path        string           `json:"path"`
	Valid       bool             `json:"valid"`
	Error       string           `json:"error,omitempty"`
	Diagnostics []fileDiagnostic `json:"diagnostics"`
}

// validateFile validates every definition of one file.
func validateFile(path string, src []byte, opts validate.Options) fileResult {
	res := fileResult{Path: path, Valid: true, Diagnostics: []fileDiagnostic{}}
	for _, d := range definitionsIn(path, src) {
		o := opts
		if d.typ != "" && opts.Type == "" {
			o.Type = d.typ
		}
		var diags []validate.Diagnostic
		switch {
		case d.problem != nil:
			diags = []validate.Diagnostic{*d.problem}
		case d.doc != nil:
			diags = validate.Validate(d.doc, o)
		default:
			diags, _ = validate.ValidateBytes(d.src, o)
		}
		if validate.HasErrors(diags) {
			res.Valid = false
		}
		for _, x := range diags {
			res.Diagnostics = append(res.Diagnostics, fileDiagnostic{Diagnostic: x, Definition: d.name, File: d.file})
		}
	}
	return res
}

func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text or json")
	typ := fs.String("type", "", "state machine type: STANDARD or EXPRESS (default: the template's, else STANDARD)")
	noWarnings := fs.Bool("no-warnings", false, "report errors only")
	strict := fs.Bool("no-placeholders", false, "report ${Placeholder} strings and CloudFormation intrinsics like any other value")
	noCatalog := fs.Bool("no-catalog", false, "skip the checks of service integrations against the AWS service catalog (run when a generated catalog is found: make catalog, or $ASLSTUDIO_CATALOG)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: aslstudio validate [--format text|json] [--type STANDARD|EXPRESS] [--no-warnings] [--no-catalog] FILE... (- for standard input)")
		fmt.Fprintln(stderr, "\nChecks Amazon States Language definitions (JSON or YAML), and every state")
		fmt.Fprintln(stderr, "machine of a SAM or CloudFormation template. Text output is")
		fmt.Fprintln(stderr, "file:line:col: severity code message. Exit 0 when every file is valid, 1 when")
		fmt.Fprintln(stderr, "any has an error, 2 on usage errors or unreadable files.")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "aslstudio validate: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	t := strings.ToUpper(*typ)
	if t != "" && t != "STANDARD" && t != "EXPRESS" {
		fmt.Fprintf(stderr, "aslstudio validate: --type must be STANDARD or EXPRESS, not %q\n", *typ)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	opts := validate.Options{Type: t, NoWarnings: *noWarnings, RejectPlaceholders: *strict}
	if !*noCatalog {
		// Without a generated catalog the catalog checks are skipped; say
		// so only when one was asked for explicitly.
		cat, err := catalog.LoadDefault()
		if err == nil {
			opts.Catalog = cat
		} else if os.Getenv("ASLSTUDIO_CATALOG") != "" {
			fmt.Fprintf(stderr, "aslstudio validate: service catalog checks skipped: %v\n", err)
		}
	}
	code := exitOK
	var results []fileResult
	for _, path := range fs.Args() {
		src, err := readInput(path)
		if err != nil {
			fmt.Fprintf(stderr, "aslstudio validate: %v\n", err)
			results = append(results, fileResult{Path: path, Error: err.Error(), Diagnostics: []fileDiagnostic{}})
			code = exitUsage
			continue
		}
		res := validateFile(path, src, opts)
		if !res.Valid && code == exitOK {
			code = exitFail
		}
		results = append(results, res)
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Files []fileResult `json:"files"`
		}{results}); err != nil {
			fmt.Fprintf(stderr, "aslstudio validate: %v\n", err)
			return exitUsage
		}
		return code
	}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			msg := d.Message
			if d.Definition != "" {
				msg += " [" + d.Definition + "]"
			}
			file := r.Path
			if d.File != "" {
				file = d.File
			}
			fmt.Fprintf(stdout, "%s:%d:%d: %s %s %s\n", file, d.Line, d.Column, strings.ToLower(d.Severity), d.Code, msg)
		}
	}
	return code
}
