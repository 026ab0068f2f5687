package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/catalog"
)

func init() {
	register(&command{
		name:    "catalog",
		summary: "search the AWS service catalog; print an action's Task skeleton, errors or a sample result",
		run:     runCatalog,
	})
}

const catalogUsage = `usage: aslstudio catalog search [--limit N] [--format text|json] QUERY...
       aslstudio catalog skeleton [--query-language JSONPath|JSONata] ACTION
       aslstudio catalog errors [--format text|json] ACTION
       aslstudio catalog sample ACTION

Every AWS SDK action Step Functions can call, and the optimized integrations,
from the generated catalog (make catalog; --catalog DIR or $ASLSTUDIO_CATALOG
for another). ACTION is an identifier as search prints it
(aws-sdk:dynamodb:putItem, lambda:invoke) or a whole Task Resource ARN, with
or without an integration pattern (.sync, .waitForTaskToken).

  search    actions matching words of their service and name, best first
  skeleton  a Task state calling ACTION with its required parameters
  errors    the error names a Task calling ACTION can be retried or caught on
  sample    a result of ACTION's output shape, to use as a mocked result
`

// catalogSubcommands are the subcommands of "aslstudio catalog".
var catalogSubcommands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"search":   catalogSearch,
	"skeleton": catalogSkeleton,
	"errors":   catalogErrors,
	"sample":   catalogSample,
}

func runCatalog(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, catalogUsage)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	sub, ok := catalogSubcommands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "aslstudio catalog: unknown subcommand %q\n\n%s", args[0], catalogUsage)
		return exitUsage
	}
	return sub(args[1:], stdout, stderr)
}

// catalogFlags is the flag set of a subcommand, with the --catalog flag
// every one has.
type catalogFlags struct {
	*flag.FlagSet
	dir    *string
	stderr io.Writer
}

func newCatalogFlags(name string, stderr io.Writer) *catalogFlags {
	fs := flag.NewFlagSet("catalog "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, catalogUsage)
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	dir := fs.String("catalog", "", "the generated catalog directory (default: $ASLSTUDIO_CATALOG, else engine/catalog/data)")
	return &catalogFlags{FlagSet: fs, dir: dir, stderr: stderr}
}

// parse parses flags that may come before or after the positional
// arguments and returns the positional ones; code is the exit code to
// return when ok is false.
func (f *catalogFlags) parse(args []string) (pos []string, code int, ok bool) {
	for {
		if err := f.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		args = f.Args()
		if len(args) == 0 {
			return pos, 0, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// load loads the catalog --catalog names, or the default one.
func (f *catalogFlags) load() (*catalog.Catalog, bool) {
	var cat *catalog.Catalog
	var err error
	if *f.dir != "" {
		cat, err = catalog.LoadDir(*f.dir)
	} else {
		cat, err = catalog.LoadDefault()
	}
	if err != nil {
		fmt.Fprintf(f.stderr, "aslstudio %v\n", err)
		return nil, false
	}
	return cat, true
}

// oneAction parses the flags of a subcommand taking one ACTION and loads
// the catalog.
func (f *catalogFlags) oneAction(args []string) (cat *catalog.Catalog, action string, code int, ok bool) {
	pos, code, ok := f.parse(args)
	if !ok {
		return nil, "", code, false
	}
	if len(pos) != 1 {
		fmt.Fprintf(f.stderr, "aslstudio %s: want one ACTION, got %d arguments\n", f.Name(), len(pos))
		return nil, "", exitUsage, false
	}
	if cat, ok = f.load(); !ok {
		return nil, "", exitUsage, false
	}
	return cat, pos[0], 0, true
}

func wantFormat(f *catalogFlags, format string) bool {
	if format != "text" && format != "json" {
		fmt.Fprintf(f.stderr, "aslstudio %s: --format must be text or json, not %q\n", f.Name(), format)
		return false
	}
	return true
}

// searchResult is one result of "catalog search --format json".
type searchResult struct {
	ID          string  `json:"id"`
	Resource    string  `json:"resource"`
	Service     string  `json:"service"`
	ServiceName string  `json:"serviceName"`
	Action      string  `json:"action"`
	Optimized   bool    `json:"optimized"`
	Score       float64 `json:"score"`
}

func catalogSearch(args []string, stdout, stderr io.Writer) int {
	f := newCatalogFlags("search", stderr)
	limit := f.Int("limit", 10, "the most results to print")
	format := f.String("format", "text", "output format: text or json")
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if !wantFormat(f, *format) {
		return exitUsage
	}
	query := strings.TrimSpace(strings.Join(pos, " "))
	if query == "" || *limit < 1 {
		fmt.Fprintln(stderr, "aslstudio catalog search: want a QUERY and a --limit of at least 1")
		return exitUsage
	}
	cat, ok := f.load()
	if !ok {
		return exitUsage
	}
	results := cat.Search(query, *limit)
	if *format == "json" {
		out := make([]searchResult, len(results))
		for i, r := range results {
			out[i] = searchResult{r.ID, r.Resource, r.Service, r.ServiceName, r.Action, r.Optimized, r.Score}
		}
		return writeJSON(stdout, stderr, struct {
			Query   string         `json:"query"`
			Results []searchResult `json:"results"`
		}{query, out})
	}
	if len(results) == 0 {
		fmt.Fprintf(stderr, "aslstudio catalog search: nothing matches %q\n", query)
		return exitFail
	}
	width := 0
	for _, r := range results {
		width = max(width, len(r.ID))
	}
	for _, r := range results {
		kind := ""
		if r.Optimized {
			kind = " (optimized)"
		}
		fmt.Fprintf(stdout, "%-*s  %s%s\n", width, r.ID, r.ServiceName, kind)
	}
	return exitOK
}

func catalogSkeleton(args []string, stdout, stderr io.Writer) int {
	f := newCatalogFlags("skeleton", stderr)
	ql := f.String("query-language", "JSONPath", "JSONPath (Parameters) or JSONata (Arguments)")
	cat, action, code, ok := f.oneAction(args)
	if !ok {
		return code
	}
	key := "Parameters"
	switch strings.ToLower(*ql) {
	case "jsonpath":
	case "jsonata":
		key = "Arguments"
	default:
		fmt.Fprintf(stderr, "aslstudio catalog skeleton: --query-language must be JSONPath or JSONata, not %q\n", *ql)
		return exitUsage
	}
	info, err := cat.Lookup(action)
	if err != nil {
		fmt.Fprintf(stderr, "aslstudio catalog skeleton: %v\n", err)
		return exitFail
	}
	if info.Unavailable != "" {
		fmt.Fprintf(stderr, "aslstudio catalog skeleton: %s: %s\n", info.ID, info.Unavailable)
		return exitFail
	}
	if o := info.Optimized; o != nil && !o.Supports(info.Pattern) || o == nil && strings.HasPrefix(info.Pattern, catalog.RunJob) {
		fmt.Fprintf(stderr, "aslstudio catalog skeleton: %s does not offer the %s integration pattern\n", info.ID, info.Pattern)
		return exitFail
	}
	params, err := cat.Skeleton(action)
	if err != nil {
		fmt.Fprintf(stderr, "aslstudio catalog skeleton: %v\n", err)
		return exitFail
	}
	state := asl.NewObject()
	state.Set("Type", asl.NewString("Task"))
	if key == "Arguments" {
		state.Set("QueryLanguage", asl.NewString("JSONata"))
	}
	state.Set("Resource", asl.NewString(info.Resource+info.Pattern))
	state.Set(key, asl.FromAny(params))
	state.Set("End", asl.NewBool(true))
	printValue(stdout, state)
	return exitOK
}

func catalogErrors(args []string, stdout, stderr io.Writer) int {
	f := newCatalogFlags("errors", stderr)
	format := f.String("format", "text", "output format: text or json")
	cat, action, code, ok := f.oneAction(args)
	if !ok {
		return code
	}
	if !wantFormat(f, *format) {
		return exitUsage
	}
	names, err := cat.Errors(action)
	if err != nil {
		fmt.Fprintf(stderr, "aslstudio catalog errors: %v\n", err)
		return exitFail
	}
	if *format == "json" {
		return writeJSON(stdout, stderr, struct {
			Action string   `json:"action"`
			Errors []string `json:"errors"`
		}{action, names})
	}
	for _, n := range names {
		fmt.Fprintln(stdout, n)
	}
	return exitOK
}

func catalogSample(args []string, stdout, stderr io.Writer) int {
	f := newCatalogFlags("sample", stderr)
	cat, action, code, ok := f.oneAction(args)
	if !ok {
		return code
	}
	v, err := cat.SampleOutput(action)
	if err != nil {
		fmt.Fprintf(stderr, "aslstudio catalog sample: %v\n", err)
		return exitFail
	}
	printValue(stdout, asl.FromAny(v))
	return exitOK
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(stderr, "aslstudio catalog: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// printValue prints v as two-space JSON, like the AWS console, on its own
// lines.
func printValue(w io.Writer, v *asl.Value) {
	b := asl.PrintJSON(v)
	w.Write(b)
	if len(b) == 0 || b[len(b)-1] != '\n' {
		fmt.Fprintln(w)
	}
}
