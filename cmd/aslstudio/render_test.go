package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const renderDef = `{
  "StartAt": "Check",
  "States": {
    "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 1, "Next": "Work"}], "Default": "Done"},
    "Work": {"Type": "Parallel", "Branches": [
      {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
      {"StartAt": "B", "States": {"B": {"Type": "Wait", "Seconds": 1, "End": true}}}
    ], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}], "Next": "Done"},
    "Failed": {"Type": "Fail"},
    "Done": {"Type": "Succeed"}
  }
}`

func writeDef(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "wf.asl.json")
	if err := os.WriteFile(p, []byte(renderDef), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRenderSVG(t *testing.T) {
	in := writeDef(t)
	out := filepath.Join(t.TempDir(), "out.svg")
	var o, e bytes.Buffer
	if code := run([]string{"render", in, "-o", out}, &o, &e); code != exitOK {
		t.Fatalf("exit %d: %s", code, e.String())
	}
	svg, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
	}
	for _, want := range []string{`data-state="Check"`, `data-state="A"`, `data-edge="Work|Failed"`, `stroke-dasharray`, `<title>Work (Parallel)</title>`} {
		if !strings.Contains(string(svg), want) {
			t.Errorf("SVG lacks %s", want)
		}
	}
}

func TestRenderJSON(t *testing.T) {
	in := writeDef(t)
	var o, e bytes.Buffer
	if code := run([]string{"render", "--format", "json", in}, &o, &e); code != exitOK {
		t.Fatalf("exit %d: %s", code, e.String())
	}
	var g struct {
		Width, Height float64
		Nodes         []struct{ ID, State, Kind, Parent string }
		Edges         []struct {
			From, To, Kind string
			Points         [][2]float64
		}
	}
	if err := json.Unmarshal(o.Bytes(), &g); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, n := range g.Nodes {
		kinds[n.ID] = n.Kind + "/" + n.Parent
	}
	// 4 states + 2 branches + 2 branch states + Start/End at 3 levels
	if len(g.Nodes) != 14 || kinds["A"] != "pass/Work#0" || kinds["Work#1"] != "branch/Work" || kinds["start:"] != "start/" {
		t.Errorf("nodes: %v", kinds)
	}
	if len(g.Edges) != 11 || g.Width <= 0 || g.Height <= 0 {
		t.Errorf("%d edges, size %gx%g", len(g.Edges), g.Width, g.Height)
	}
	// collapsed: the branches are left out
	o.Reset()
	if code := run([]string{"render", "--format", "json", "--collapse", "Work", in}, &o, &e); code != exitOK {
		t.Fatalf("exit %d: %s", code, e.String())
	}
	if strings.Contains(o.String(), `"Work#0"`) || !strings.Contains(o.String(), `"collapsed": true`) {
		t.Errorf("collapse: %s", o.String())
	}
}

func TestRenderErrors(t *testing.T) {
	var o, e bytes.Buffer
	if code := run([]string{"render"}, &o, &e); code != exitUsage {
		t.Errorf("no file: exit %d", code)
	}
	if code := run([]string{"render", writeDef(t), "--format", "png"}, &o, &e); code != exitUsage {
		t.Errorf("bad format: exit %d", code)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"StartAt": `), 0o644)
	e.Reset()
	if code := run([]string{"render", bad}, &o, &e); code != exitUsage || !strings.Contains(e.String(), "bad.json") {
		t.Errorf("syntax error: exit %d, %q", code, e.String())
	}
}

func TestRenderSAMTemplate(t *testing.T) {
	p := filepath.Join(t.TempDir(), "template.yaml")
	tpl := "Transform: AWS::Serverless-2016-10-31\nResources:\n  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: Hello\n        States:\n          Hello: {Type: Pass, End: true}\n"
	if err := os.WriteFile(p, []byte(tpl), 0o644); err != nil {
		t.Fatal(err)
	}
	var o, e bytes.Buffer
	if code := run([]string{"render", p, "--state-machine", "Flow"}, &o, &e); code != exitOK {
		t.Fatalf("exit %d: %s", code, e.String())
	}
	if !strings.Contains(o.String(), `data-state="Hello"`) {
		t.Errorf("template state not drawn: %s", o.String())
	}
	e.Reset()
	if code := run([]string{"render", p, "--state-machine", "Other"}, &o, &e); code != exitUsage || !strings.Contains(e.String(), `"Other"`) {
		t.Errorf("unknown state machine: exit %d, %q", code, e.String())
	}
}
