package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sam"
	"github.com/aslstudio/aslstudio/engine/sim"
	"github.com/aslstudio/aslstudio/engine/validate"
)

func init() {
	register(&command{
		name:    "run",
		summary: "run a workflow with mocked task results and print the outcome",
		run:     runRun,
	})
}

// parseInterspersed parses flags that may come before or after the
// positional arguments, and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
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

// readArg returns a flag value that may be inline JSON or @file.
func readArg(v string) ([]byte, error) {
	if strings.HasPrefix(v, "@") {
		return os.ReadFile(v[1:])
	}
	return []byte(v), nil
}

// runResult is the JSON output of `aslstudio run`.
type runResult struct {
	Status string       `json:"status"`
	Output any          `json:"output"`
	Error  *string      `json:"error"`
	Cause  *string      `json:"cause"`
	Events []*sim.Event `json:"events,omitempty"`
}

func runRun(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	input := fs.String("input", "{}", "execution input: JSON text, or @file")
	mocks := fs.String("mocks", "", "Step Functions Local MockConfigFile (JSON or YAML)")
	machine := fs.String("state-machine", "", "entry of the mock file (default: the file's base name, or the only entry)")
	testCase := fs.String("test-case", "", "test case of the mock file (default: the only one)")
	typ := fs.String("type", "STANDARD", "execution type: STANDARD or EXPRESS")
	syncExpress := fs.Bool("sync", false, "an EXPRESS execution started with StartSyncExecution (no RedriveCount in $$.Execution)")
	seed := fs.Int64("seed", 0, "seed for UUIDs, random numbers, jitter and the execution name")
	maxSteps := fs.Int("max-steps", sim.DefaultMaxSteps, "stop with an error after this many state transitions")
	history := fs.Bool("history", false, "include the execution history (AWS GetExecutionHistory events)")
	format := fs.String("format", "text", "output format: text or json")
	sequential := fs.Bool("sequential-branches", false, "run Parallel branches and concurrent Map iterations one after another instead of interleaved in virtual time as AWS does")
	passThrough := fs.Bool("pass-through", false, "a Task without a mock returns its input instead of failing")
	name := fs.String("name", "", "execution name (default: derived from the seed)")
	resource := fs.String("resource", "", "in a SAM/CloudFormation template: the state machine's logical id (default: the only one)")
	subs := map[string]string{}
	fs.Func("substitute", "replace ${KEY} in the definition with VALUE (KEY=VALUE, repeatable; SAM DefinitionSubstitutions)", func(v string) error {
		k, val, ok := strings.Cut(v, "=")
		if !ok || k == "" {
			return fmt.Errorf("want KEY=VALUE, got %q", v)
		}
		subs[k] = val
		return nil
	})
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: aslstudio run FILE [--input JSON|@file] [--mocks FILE] [--state-machine NAME] [--test-case NAME] [--type STANDARD|EXPRESS] [--seed N] [--max-steps N] [--history] [--format text|json]")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "aslstudio run: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	file := pos[0]
	def, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "aslstudio run: %v\n", err)
		return exitUsage
	}
	machineName := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	if sam.LooksLikeTemplate(def) {
		m, code := runSAMMachine(file, def, *resource, stderr)
		if code != exitOK {
			return code
		}
		vars := map[string]string{}
		for _, sub := range m.Substitutions {
			// Literal values only: an intrinsic (!Ref, !GetAtt, !Sub) has no
			// value before deployment, so its ${Name} stays a placeholder
			// (give it one with --substitute).
			if !strings.HasPrefix(sub.Value, "!") {
				vars[sub.Name] = sub.Value
			}
		}
		for k, v := range subs {
			vars[k] = v
		}
		text, _ := sam.Resolve(string(asl.PrintJSON(m.Definition)), vars)
		def = []byte(text)
		typeSet := false
		fs.Visit(func(f *flag.Flag) { typeSet = typeSet || f.Name == "type" })
		if !typeSet && m.WorkflowType != "" {
			*typ = m.WorkflowType
		}
		machineName = m.ID
	}
	diags, err := validate.ValidateBytes(def, validate.Options{NoWarnings: true, Type: strings.ToUpper(*typ)})
	if err != nil || validate.HasErrors(diags) {
		for _, d := range diags {
			fmt.Fprintf(stderr, "%s:%s\n", file, d.String())
		}
		fmt.Fprintf(stderr, "aslstudio run: %s: invalid definition, not started\n", file)
		return exitUsage
	}
	in, err := readArg(*input)
	if err != nil {
		fmt.Fprintf(stderr, "aslstudio run: --input: %v\n", err)
		return exitUsage
	}
	opts := sim.Options{
		Type:             strings.ToUpper(*typ),
		Seed:             *seed,
		MaxSteps:         *maxSteps,
		PassThrough:      *passThrough,
		Name:             *name,
		StateMachineName: machineName,
		MockStateMachine: *machine,
		TestCase:         *testCase,
		Substitutions:    subs,
		SyncExpress:      *syncExpress,
		// AWS starts every branch and interleaves their events; the
		// history printed here is meant to read like AWS's.
		InterleaveBranches: !*sequential,
	}
	if *mocks != "" {
		src, err := os.ReadFile(*mocks)
		if err != nil {
			fmt.Fprintf(stderr, "aslstudio run: %v\n", err)
			return exitUsage
		}
		var mc *sim.MockConfig
		if sim.LooksLikeCorpusMocks(src) {
			// The conformance corpus's mocks.json: one test case.
			mc, err = sim.CorpusMocksToConfig(src, opts.StateMachineName, "default")
			opts.MockStateMachine, opts.TestCase = opts.StateMachineName, "default"
		} else {
			mc, err = sim.ParseMockConfig(src)
		}
		if err != nil {
			fmt.Fprintf(stderr, "aslstudio run: %s: %v\n", *mocks, err)
			return exitUsage
		}
		opts.Mocks = mc
	}
	ex, err := sim.NewExecution(def, in, opts)
	if err != nil {
		fmt.Fprintf(stderr, "aslstudio run: %v\n", err)
		return exitUsage
	}
	ex.Run()
	if *format == "json" {
		res := runResult{Status: ex.Status()}
		if ex.Status() == sim.StatusSucceeded {
			res.Output = json.RawMessage(asl.EncodeJSON(ex.Output()))
		}
		if ex.HasError() {
			s := ex.Error()
			res.Error = &s
		}
		if ex.HasCause() {
			s := ex.Cause()
			res.Cause = &s
		}
		if *history {
			res.Events = ex.Events()
		}
		b, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			fmt.Fprintf(stderr, "aslstudio run: %v\n", err)
			return exitUsage
		}
		stdout.Write(append(b, '\n'))
		return exitOK
	}
	printRunText(stdout, ex, *history)
	return exitOK
}

// runSAMMachine picks a state machine of a SAM or CloudFormation template:
// the one named by logical id, or the only one.
func runSAMMachine(file string, src []byte, id string, stderr io.Writer) (*sam.StateMachine, int) {
	t, err := sam.Parse(file, src, os.ReadFile)
	if err != nil {
		fmt.Fprintf(stderr, "aslstudio run: %s: %v\n", file, err)
		return nil, exitUsage
	}
	var ids []string
	for _, m := range t.StateMachines {
		ids = append(ids, m.ID)
		if m.ID != id && (id != "" || len(t.StateMachines) != 1) {
			continue
		}
		if m.Err != nil || m.Definition == nil {
			fmt.Fprintf(stderr, "aslstudio run: %s: state machine %s: %v\n", file, m.ID, m.Err)
			return nil, exitUsage
		}
		return m, exitOK
	}
	if id == "" {
		fmt.Fprintf(stderr, "aslstudio run: %s holds %d state machines (%s): choose one with --resource\n", file, len(ids), strings.Join(ids, ", "))
	} else {
		fmt.Fprintf(stderr, "aslstudio run: %s: no state machine %q (found: %s)\n", file, id, strings.Join(ids, ", "))
	}
	return nil, exitUsage
}

// printRunText prints the path taken, each state's input and output, and
// the outcome.
func printRunText(w io.Writer, ex *sim.Execution, history bool) {
	for _, e := range ex.Events() {
		d := e.Details
		switch {
		case strings.HasSuffix(e.Type, "StateEntered"):
			fmt.Fprintf(w, "→ %s (%s)\n    input:  %s\n", d.Name, strings.TrimSuffix(e.Type, "StateEntered"), asl.EncodeJSON(d.Input))
		case strings.HasSuffix(e.Type, "StateExited"):
			fmt.Fprintf(w, "    output: %s\n", asl.EncodeJSON(d.Output))
			if len(d.AssignedVariables) > 0 {
				fmt.Fprintf(w, "    assign: %s\n", asl.EncodeJSON(d.AssignedVariables))
			}
		case strings.HasSuffix(e.Type, "Failed") && d != nil && !strings.HasPrefix(e.Type, "Execution"),
			strings.HasSuffix(e.Type, "TimedOut") && !strings.HasPrefix(e.Type, "Execution"):
			fmt.Fprintf(w, "    %s: %s %s\n", e.Type, d.Error, d.Cause)
		}
		if history {
			b, _ := json.Marshal(e)
			fmt.Fprintf(w, "    event %s\n", b)
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n", ex.Status())
	switch ex.Status() {
	case sim.StatusSucceeded:
		fmt.Fprintf(&b, "output: %s\n", asl.EncodeJSON(ex.Output()))
	case sim.StatusPaused:
		tok, st := ex.WaitingToken()
		fmt.Fprintf(&b, "waiting for task token %s in state %s\n", tok, st)
	default:
		if ex.HasError() {
			fmt.Fprintf(&b, "error: %s\n", ex.Error())
		}
		if ex.HasCause() {
			fmt.Fprintf(&b, "cause: %s\n", ex.Cause())
		}
	}
	w.Write(b.Bytes())
}
