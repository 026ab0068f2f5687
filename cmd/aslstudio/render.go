package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/layout"
	"github.com/aslstudio/aslstudio/engine/sam"
)

func init() {
	register(&command{
		name:    "render",
		summary: "draw a workflow as SVG, or print its layout geometry as JSON",
		run:     runRender,
	})
}

// collapseFlag collects --collapse NAME (repeatable, or comma-separated).
type collapseFlag map[string]bool

func (c collapseFlag) String() string { return "" }

func (c collapseFlag) Set(v string) error {
	for _, name := range strings.Split(v, ",") {
		if name = strings.TrimSpace(name); name != "" {
			c[name] = true
		}
	}
	return nil
}

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write to this file instead of standard output")
	format := fs.String("format", "svg", "svg, or json for the layout geometry")
	machine := fs.String("state-machine", "", "in a SAM/CloudFormation template: the logical id of the state machine (default: the first)")
	collapsed := collapseFlag{}
	fs.Var(collapsed, "collapse", "draw this Parallel or Map state as a single node (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: aslstudio render FILE [-o out.svg] [--format svg|json] [--collapse STATE] [--state-machine ID]")
		fmt.Fprintln(stderr, "FILE is an ASL definition (JSON or YAML) or a SAM/CloudFormation template.")
		fs.PrintDefaults()
	}
	// flags may follow the file name
	var files []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return exitUsage
		}
		args = fs.Args()
		if len(args) > 0 {
			files = append(files, args[0])
			args = args[1:]
		}
	}
	if len(files) != 1 {
		fs.Usage()
		return exitUsage
	}
	if *format != "svg" && *format != "json" {
		fmt.Fprintf(stderr, "aslstudio render: unknown format %q (want svg or json)\n", *format)
		return exitUsage
	}
	src, err := os.ReadFile(files[0])
	if err != nil {
		fmt.Fprintf(stderr, "aslstudio render: %v\n", err)
		return exitUsage
	}
	v, err := renderSource(files[0], src, *machine)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	def, err := asl.Decode(v)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", files[0], err)
		return exitUsage
	}
	g := layout.Layout(def, layout.Options{Collapsed: collapsed})
	var data []byte
	if *format == "json" {
		data, _ = json.MarshalIndent(g, "", " ")
		data = append(data, '\n')
	} else {
		data = layout.SVG(g)
	}
	if *out == "" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintf(stderr, "aslstudio render: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintf(stderr, "aslstudio render: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// renderSource returns the definition in src: the file itself, or a state
// machine of a SAM/CloudFormation template (the one named id, or the first).
func renderSource(name string, src []byte, id string) (*asl.Value, error) {
	if sam.LooksLikeTemplate(src) {
		t, err := sam.Parse(name, src, os.ReadFile)
		if err != nil {
			return nil, err
		}
		for _, sm := range t.StateMachines {
			if id != "" && sm.ID != id {
				continue
			}
			if sm.Err != nil {
				return nil, fmt.Errorf("%s:%d:%d: state machine %s: %v", name, sm.Line, sm.Col, sm.ID, sm.Err)
			}
			return sm.Definition, nil
		}
		return nil, fmt.Errorf("%s: no state machine %q in the template", name, id)
	}
	v, err := asl.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if v.Get("States") == nil {
		return nil, fmt.Errorf("%s: not an ASL definition (no States object)", name)
	}
	return v, nil
}
