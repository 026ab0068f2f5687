package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
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
	// doc is the parsed definition (positions relative to the file), or nil
	// when src is to be parsed as a whole.
	doc *asl.Value
	src []byte
}

// definitionsIn returns the definitions a file holds. Templates are
// recognised here when engine/sam provides them; every other file is one
// ASL definition.
func definitionsIn(path string, src []byte) []definition {
	return []definition{{src: src}}
}

// fileDiagnostic is a diagnostic as the command prints it: with the
// definition it belongs to when the file holds several.
type fileDiagnostic struct {
	validate.Diagnostic
	Definition string `json:"definition,omitempty"`
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
		var diags []validate.Diagnostic
		if d.doc != nil {
			diags = validate.Validate(d.doc, opts)
		} else {
			diags, _ = validate.ValidateBytes(d.src, opts)
		}
		if validate.HasErrors(diags) {
			res.Valid = false
		}
		for _, x := range diags {
			res.Diagnostics = append(res.Diagnostics, fileDiagnostic{Diagnostic: x, Definition: d.name})
		}
	}
	return res
}

func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text or json")
	typ := fs.String("type", "STANDARD", "state machine type: STANDARD or EXPRESS")
	noWarnings := fs.Bool("no-warnings", false, "report errors only")
	strict := fs.Bool("no-placeholders", false, "report ${Placeholder} strings and CloudFormation intrinsics like any other value")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: aslstudio validate [--format text|json] [--type STANDARD|EXPRESS] [--no-warnings] FILE...")
		fmt.Fprintln(stderr, "\nChecks Amazon States Language definitions (JSON or YAML). Text output is")
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
	if t != "STANDARD" && t != "EXPRESS" {
		fmt.Fprintf(stderr, "aslstudio validate: --type must be STANDARD or EXPRESS, not %q\n", *typ)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	opts := validate.Options{Type: t, NoWarnings: *noWarnings, RejectPlaceholders: *strict}
	code := exitOK
	var results []fileResult
	for _, path := range fs.Args() {
		src, err := os.ReadFile(path)
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
			fmt.Fprintf(stdout, "%s:%d:%d: %s %s %s\n", r.Path, d.Line, d.Column, strings.ToLower(d.Severity), d.Code, msg)
		}
	}
	return code
}
