package sam

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// forms are templates holding the same two-state machine in every way a
// definition can be written.
var forms = map[string]struct {
	template string
	files    map[string]string
	via      string
}{
	"yaml inline block": {via: ViaDefinition, template: `# top comment
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: EXPRESS
      Definition:
        Comment: >-
          folded
          comment
        StartAt: First
        States:
          # the first state
          First:
            Type: Task
            Resource: !GetAtt Fn.Arn   # short form
            Retry:
            - ErrorEquals: [States.ALL]
              MaxAttempts: 2
            Next: Second
          Second:
            Type: Choice
            Choices:
              - Variable: $.x
                NumericEquals: 1.50
                Next: First
            Default: Done
          Done: {Type: Succeed}
      DefinitionSubstitutions:
        Arn: !GetAtt Fn.Arn
    # after the definition
  Other: {Type: AWS::SQS::Queue}
`},
	"yaml inline flow": {via: ViaDefinition, template: `Resources:
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition: {
        "StartAt": "First",
        "States": {
          "First": {"Type": "Pass", "Next": "Second"},
          "Second": {"Type": "Succeed"}
        }
      }
      Policies: []
`},
	"json template": {via: ViaDefinition, template: "{\n\t\"Resources\": {\n\t\t\"Machine\": {\n\t\t\t\"Type\": \"AWS::StepFunctions::StateMachine\",\n\t\t\t\"Properties\": {\n\t\t\t\t\"Definition\": {\n\t\t\t\t\t\"StartAt\": \"First\",\n\t\t\t\t\t\"States\": {\n\t\t\t\t\t\t\"First\": {\"Type\": \"Pass\", \"Next\": \"Second\"},\n\t\t\t\t\t\t\"Second\": {\"Type\": \"Succeed\"}\n\t\t\t\t\t}\n\t\t\t\t},\n\t\t\t\t\"RoleArn\": {\"Fn::GetAtt\": [\"Role\", \"Arn\"]}\n\t\t\t}\n\t\t}\n\t}\n}\n"},
	"json template string": {via: ViaDefinitionString, template: `{"Resources": {"Machine": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
  "DefinitionString": {"Fn::Sub": ["{\"StartAt\": \"First\", \"States\": {\"First\": {\"Type\": \"Pass\", \"Resource\": \"${X}\", \"Next\": \"Second\"}, \"Second\": {\"Type\": \"Succeed\"}}}", {"X": {"Ref": "Y"}}]}
}}}}`},
	"string literal sub": {via: ViaDefinitionString, template: `Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: !Sub |
        {
            "StartAt": "First",
            "States": {
                "First": {"Type": "Pass", "Result": "${AWS::Region}", "Next": "Second"},
                "Second": {"Type": "Succeed"}
            }
        }
      RoleArn: !GetAtt Role.Arn
`},
	"string sub list": {via: ViaDefinitionString, template: `Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString:
        Fn::Sub:
          - |-
            {"StartAt": "First",
             "States": {"First": {"Type": "Pass", "Next": "Second"}, "Second": {"Type": "Succeed"}}}
          - {Fn: !Ref Fn}
`},
	"string single quoted": {via: ViaDefinitionString, template: `Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: '{"StartAt": "First", "States": {"First": {"Type": "Pass", "Comment": "it''s", "Next": "Second"}, "Second": {"Type": "Succeed"}}}'
`},
	"string double quoted": {via: ViaDefinitionString, template: `Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: "{\"StartAt\": \"First\", \"States\": {\"First\": {\"Type\": \"Pass\", \"Next\": \"Second\"}, \"Second\": {\"Type\": \"Succeed\"}}}"
`},
	"uri yaml file": {via: ViaDefinitionURI, template: `Resources:
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: sm/machine.asl.yaml
`, files: map[string]string{"sm/machine.asl.yaml": `# machine
StartAt: First
States:
    First:
        Type: Pass
        Next: Second   # go on
    Second:
        Type: Succeed
`}},
	"uri json file": {via: ViaDefinitionURI, template: `Resources:
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: ./sm/machine.asl.json
`, files: map[string]string{"sm/machine.asl.json": "{\n    \"StartAt\": \"First\",\n    \"States\": {\n        \"First\": {\n            \"Type\": \"Pass\",\n            \"Next\": \"Second\"\n        },\n        \"Second\": {\"Type\": \"Succeed\"}\n    }\n}\n"}},
	"cfn s3 location local path": {via: ViaDefinitionS3Location, template: `Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionS3Location: machine.json
`, files: map[string]string{"machine.json": `{"StartAt": "First", "States": {"First": {"Type": "Pass", "Next": "Second"}, "Second": {"Type": "Succeed"}}}`}},
}

func writeForm(t *testing.T, template string, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tpl := filepath.Join(dir, "template.yaml")
	if err := os.WriteFile(tpl, []byte(template), 0o644); err != nil {
		t.Fatal(err)
	}
	return tpl
}

// edits are changes a user makes; each must come back from get exactly,
// leave every byte outside the definition alone, and (for same-shape edits)
// restore the original bytes when the old definition is set back.
var edits = []struct {
	name      string
	sameShape bool
	do        func(d *asl.Value)
}{
	{"rename start", true, func(d *asl.Value) { renameState(d, "First", "Start: here #1") }},
	{"retarget", true, func(d *asl.Value) {
		d.Get("States").Fields[0].Value.Set("Next", asl.NewString("true"))
	}},
	{"add state", false, func(d *asl.Value) {
		s := asl.NewObject()
		s.Set("Type", asl.NewString("Pass"))
		s.Set("Result", asl.FromAny(map[string]any{"a": []any{int64(1), "x\ny", nil, true}}))
		s.Set("End", asl.NewBool(true))
		d.Get("States").Set("Extra: state", s)
	}},
	{"drop field", false, func(d *asl.Value) { d.Get("States").Fields[0].Value.Delete("Next") }},
	{"comment", false, func(d *asl.Value) { d.Set("Comment", asl.NewString("new 'comment' with \"quotes\"")) }},
}

func TestWriteBackForms(t *testing.T) {
	for name, f := range forms {
		for _, e := range edits {
			t.Run(name+"/"+e.name, func(t *testing.T) {
				tpl := writeForm(t, f.template, f.files)
				dir := filepath.Dir(tpl)
				orig := snapshot(t, dir)
				tp, err := Load(tpl)
				if err != nil {
					t.Fatal(err)
				}
				m := tp.StateMachines[0]
				if m.Err != nil || m.DefinitionVia != f.via {
					t.Fatalf("via %s, err %v", m.DefinitionVia, m.Err)
				}
				def, _ := asl.ParseJSON(asl.PrintJSON(m.Definition))
				if ch, err := tp.SetDefinition("", def); err != nil || len(ch) != 0 {
					t.Fatalf("same definition: %d changes, %v", len(ch), err)
				}
				nd, _ := asl.ParseJSON(asl.PrintJSON(m.Definition))
				e.do(nd)
				ch, err := tp.SetDefinition("", nd)
				if err != nil || len(ch) != 1 {
					t.Fatalf("set: %d changes, %v", len(ch), err)
				}
				old, nw := orig[m.Span.Path], ch[0].Data
				tail := len(old) - m.Span.End
				if !bytes.Equal(nw[:m.Span.Start], old[:m.Span.Start]) || !bytes.Equal(nw[len(nw)-tail:], old[m.Span.End:]) {
					t.Fatalf("bytes outside the definition changed:\n%s", nw)
				}
				if err := WriteChanges(ch); err != nil {
					t.Fatal(err)
				}
				tp2, err := Load(tpl)
				if err != nil {
					t.Fatalf("reload: %v\n%s", err, nw)
				}
				m2 := tp2.StateMachines[0]
				if m2.Err != nil || !equal(m2.Definition, nd) {
					t.Fatalf("get after set: %v\n%s\nwant\n%s\nfile:\n%s", m2.Err, asl.PrintJSON(m2.Definition), asl.PrintJSON(nd), nw)
				}
				ch, err = tp2.SetDefinition("", def)
				if err != nil || WriteChanges(ch) != nil {
					t.Fatalf("restore: %v", err)
				}
				now := snapshot(t, dir)
				for p, b := range orig {
					if !bytes.Equal(now[p], b) {
						if e.sameShape {
							t.Fatalf("%s not restored:\n%s", p, now[p])
						}
						tp3, err := Load(tpl)
						if err != nil || !equal(tp3.StateMachines[0].Definition, def) {
							t.Fatalf("restore is not the original definition: %v", err)
						}
					}
				}
			})
		}
	}
}

func TestShortTagsAndSubstitutions(t *testing.T) {
	tp, err := Parse("t.yaml", []byte(forms["yaml inline block"].template), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := tp.StateMachines[0]
	res := m.Definition.Get("States").Get("First").Get("Resource")
	if got := string(asl.PrintJSON(res)); !strings.Contains(got, `"Fn::GetAtt"`) || !strings.Contains(got, `"Fn"`) {
		t.Errorf("!GetAtt Fn.Arn became %s", got)
	}
	if len(m.Substitutions) != 1 || m.Substitutions[0].Value != "!GetAtt Fn.Arn" {
		t.Errorf("substitutions %+v", m.Substitutions)
	}
	if m.WorkflowType != "EXPRESS" {
		t.Errorf("workflow type %q", m.WorkflowType)
	}
	js, _ := Parse("t.json", []byte(forms["json template string"].template), nil)
	if js == nil || len(js.StateMachines[0].Substitutions) != 1 || js.StateMachines[0].Substitutions[0].Value != "!Ref Y" {
		t.Errorf("Fn::Sub variables not listed: %+v", js)
	}
}

func TestJoinIsReadOnly(t *testing.T) {
	src := `Resources:
  M:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: !Join ["", ['{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "', !GetAtt Fn.Arn, '", "Comment": "', !Sub "${AWS::Region}-${Env}", '", "End": true}}}']]
`
	tp, err := Parse("t.yaml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := tp.StateMachines[0]
	if m.Err != nil {
		t.Fatal(m.Err)
	}
	if r, _ := m.Definition.Get("States").Get("A").Get("Resource").StringValue(); r != "${Fn.Arn}" {
		t.Errorf("resource %q", r)
	}
	if c, _ := m.Definition.Get("States").Get("A").Get("Comment").StringValue(); c != "${AWS::Region}-${Env}" {
		t.Errorf("comment %q", c)
	}
	if u := m.Unsubstituted(); len(u) != 2 || u[0] != "Env" || u[1] != "Fn.Arn" {
		t.Errorf("unsubstituted %v", u)
	}
	same, _ := asl.ParseJSON(asl.PrintJSON(m.Definition))
	if ch, err := tp.SetDefinition("M", same); err != nil || ch != nil {
		t.Errorf("unchanged Join: %v %v", ch, err)
	}
	same.Set("Comment", asl.NewString("x"))
	if _, err := tp.SetDefinition("M", same); err == nil || !strings.Contains(err.Error(), "Fn::Join") {
		t.Errorf("changed Join: %v", err)
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"malformed", "Resources:\n  M: [\n", "t.yaml:"},
		{"bad json", `{"Resources": {"M": }`, "t.yaml:1:"},
		{"no machine", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n", "t.yaml:2:3: no AWS::Serverless::StateMachine"},
		{"duplicate in machine", "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition: {StartAt: A, States: {}}\n      Definition: {StartAt: B, States: {}}\n", `t.yaml:6:7: duplicate key "Definition" (first at line 5:7)`},
		{"duplicate machine id", "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n  M:\n    Type: AWS::SQS::Queue\n", `t.yaml:4:3: duplicate key "M"`},
		{"no resources", "Foo: 1\n", "t.yaml:1:1: template has no Resources"},
		{"empty", "", "t.yaml:1:1"},
	}
	for _, c := range cases {
		_, err := Parse("t.yaml", []byte(c.src), nil)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v, want prefix %q", c.name, err, c.want)
		}
	}
	// Problems with one definition are reported on the machine.
	machineErrs := []struct{ name, src, want string }{
		{"not asl", "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        Foo: 1\n", "t.yaml:6:9: the definition of M is not ASL"},
		{"missing file", "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: nope.json\n", "t.yaml:5:22: DefinitionUri file nope.json of M not found"},
		{"s3", "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: {Bucket: b, Key: k.json}\n", "t.yaml:5:22: DefinitionUri points to the S3 object s3://b/k.json"},
		{"bad string", "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: |\n        {\"StartAt\": \"A\",\n         \"States\": {,}}\n", "t.yaml:7:21: the DefinitionString of M is not JSON"},
	}
	for _, c := range machineErrs {
		tp, err := Parse("t.yaml", []byte(c.src), os.ReadFile)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		m := tp.StateMachines[0]
		if m.Err == nil || !strings.HasPrefix(m.Err.Error(), c.want) {
			t.Errorf("%s: error %v, want prefix %q", c.name, m.Err, c.want)
		}
		if _, err := tp.SetDefinition("M", asl.NewObject()); err == nil {
			t.Errorf("%s: set succeeded on a broken definition", c.name)
		}
	}
}

func TestResolve(t *testing.T) {
	out, missing := Resolve(`{"A": "${Fn}", "B": "x${Q}y", "C": "${!Lit}", "D": ${N}}`, map[string]string{"Fn": `arn:"q"`, "N": "3"})
	if out != `{"A": "arn:\"q\"", "B": "x${Q}y", "C": "${!Lit}", "D": 3}` {
		t.Errorf("Resolve = %s", out)
	}
	if strings.Join(missing, ",") != "Q" {
		t.Errorf("unresolved %v", missing)
	}
	v, _ := asl.ParseJSON([]byte(`{"${K}": "a ${Fn} b"}`))
	r := ResolveValue(v, map[string]string{"Fn": "F", "K": "key"})
	if got := string(asl.AppendCompactJSON(nil, r)); got != `{"key":"a F b"}` {
		t.Errorf("ResolveValue = %s", got)
	}
	if s, _ := v.Fields[0].Value.StringValue(); s != "a ${Fn} b" {
		t.Errorf("ResolveValue changed its input")
	}
}

func TestLooksLikeTemplate(t *testing.T) {
	for name, f := range forms {
		if !LooksLikeTemplate([]byte(f.template)) {
			t.Errorf("%s: not recognised as a template", name)
		}
	}
	if LooksLikeTemplate([]byte(`{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`)) {
		t.Error("an ASL definition taken for a template")
	}
}

func init() {
	for _, name := range []string{"yaml inline block", "string literal sub", "uri yaml file"} {
		f := forms[name]
		files := map[string]string{}
		for k, v := range f.files {
			files[k] = strings.ReplaceAll(v, "\n", "\r\n")
		}
		f.files = files
		f.template = strings.ReplaceAll(f.template, "\n", "\r\n")
		forms[name+" crlf"] = f
	}
}

// TestAddStateKeepsOthers checks that adding and removing states touches
// only their members: comments and layout of the other states stay.
func TestAddStateKeepsOthers(t *testing.T) {
	for _, name := range []string{"yaml inline block", "uri json file", "yaml inline flow", "string literal sub"} {
		f := forms[name]
		tpl := writeForm(t, f.template, f.files)
		tp, err := Load(tpl)
		if err != nil {
			t.Fatal(err)
		}
		m := tp.StateMachines[0]
		nd, _ := asl.ParseJSON(asl.PrintJSON(m.Definition))
		states := nd.Get("States")
		second := states.Fields[1]
		states.Delete(second.Key)
		states.Set("Added", asl.FromAny(map[string]any{"Type": "Succeed"}))
		states.Fields[0].Value.Set("Next", asl.NewString("Added"))
		ch, err := tp.SetDefinition("", nd)
		if err != nil || len(ch) != 1 {
			t.Fatalf("%s: %v", name, err)
		}
		oldText := string(tp.Src)
		if m.FilePath != "" {
			oldText = f.files[strings.TrimPrefix(m.File, "./")]
		}
		first := firstStateText(oldText)
		if first == "" || !strings.Contains(string(ch[0].Data), strings.Replace(first, "Second", "Added", 1)) {
			t.Errorf("%s: the first state's text changed beyond its Next:\n%s", name, ch[0].Data)
		}
		tp2, err := Parse(tpl, ch[0].Data, os.ReadFile)
		if m.FilePath != "" {
			os.WriteFile(m.FilePath, ch[0].Data, 0o644)
			tp2, err = Load(tpl)
		}
		if err != nil || !equal(tp2.StateMachines[0].Definition, nd) {
			t.Errorf("%s: reads back differently (%v):\n%s", name, err, ch[0].Data)
		}
	}
}

// firstStateText returns the text of the state named First, from its key to
// the line holding its Next.
func firstStateText(text string) string {
	i := strings.Index(text, "First\":")
	if i < 0 {
		i = strings.Index(text, "First:")
	}
	if i < 0 {
		return ""
	}
	j := strings.Index(text[i:], "Second")
	if j < 0 {
		return ""
	}
	return text[i : i+j+len("Second")]
}
