package web

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/engine/sam"
	"github.com/aslstudio/aslstudio/internal/corpus"
)

// inlineTemplate is a SAM template with its definition written in it, and
// comments, tags and odd quoting elsewhere that a write-back must keep.
const inlineTemplate = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31   # keep this comment
Description: >
  Orders.
Resources:
  Table:
    Type: AWS::DynamoDB::Table
  OrderMachine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: STANDARD
      Definition:
        Comment: Orders
        StartAt: Check
        States:
          Check:
            Type: Pass
            Next: Store
          Store:
            Type: Task
            Resource: arn:aws:states:::dynamodb:putItem
            Parameters:
              TableName: !Ref Table
            End: true
      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref Table   # trailing
Outputs:
  Arn:
    Value: !GetAtt OrderMachine.Arn
`

// uriTemplate has two state machines whose definitions are files.
const uriTemplate = `Resources:
  First:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/first.asl.json
  Second:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionUri: statemachine/second.asl.yaml
`

const firstDef = `{
    "StartAt": "A",
    "States": {
        "A": { "Type": "Pass", "End": true }
    }
}
`

const secondDef = `# the second one
StartAt: B
States:
  B:
    Type: Succeed
`

func mustTemplate(t *testing.T, name, src string, files map[string]string) *samFile {
	t.Helper()
	f, err := newSamFile(name, src, files)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

// openMachineDoc opens a template's state machine as the editor does.
func openMachineDoc(t *testing.T, f *samFile, id string) *document {
	t.Helper()
	text, _, err := f.definition(id)
	if err != nil {
		t.Fatalf("definition of %s: %v", id, err)
	}
	g := *f
	g.ID = id
	d := newDocument(id, []byte(text))
	if d.ParseErr != nil {
		t.Fatalf("the definition of %s does not parse: %v", id, d.ParseErr)
	}
	d.Sam = &g
	return d
}

func renamed(t *testing.T, root *asl.Value, old, new string) *asl.Value {
	t.Helper()
	c := root.Clone()
	if err := asl.Rename(c, old, new); err != nil {
		t.Fatal(err)
	}
	return c
}

// sameOutside checks that b differs from a only inside a[start:end].
func sameOutside(t *testing.T, a, b string, start, end int) {
	t.Helper()
	tail := len(a) - end
	if len(b) < start+tail || b[:start] != a[:start] || b[len(b)-tail:] != a[end:] {
		t.Errorf("bytes outside the definition [%d:%d] changed:\n%s", start, end, b)
	}
}

func TestTemplateInlineDefinitionRoundTrip(t *testing.T) {
	f := mustTemplate(t, "template.yaml", inlineTemplate, nil)
	if got := len(f.machines()); got != 1 {
		t.Fatalf("%d state machines, want 1", got)
	}
	d := openMachineDoc(t, f, "OrderMachine")
	if d.Format != formatYAML {
		t.Errorf("an inline YAML definition opens as %s", d.Format)
	}
	if d.state("Check") == nil || d.state("Store") == nil {
		t.Fatalf("the canvas does not have the template's states: %v", d.states)
	}

	// Nothing changed: the download is the template, byte for byte.
	name, _, text, note, err := d.templateDownload()
	if err != nil || name != "template.yaml" || text != inlineTemplate || note != "" {
		t.Fatalf("unchanged download = %q, %v, note %q; equal to the template: %v", name, err, note, text == inlineTemplate)
	}

	// A canvas edit (rename) changes only the definition's bytes.
	d.apply(renamed(t, d.Root, "Check", "Validate"))
	_, _, text, _, err = d.templateDownload()
	if err != nil {
		t.Fatal(err)
	}
	m, _ := f.tmpl.Get("OrderMachine")
	sameOutside(t, inlineTemplate, text, m.Span.Start, m.Span.End)
	if strings.Contains(text, "Check") || strings.Count(text, "Validate") != 2 {
		t.Errorf("the rename is not in the template (StartAt and the state key):\n%s", text)
	}
	back, err := sam.Parse("template.yaml", []byte(text), nil)
	if err != nil {
		t.Fatalf("the written template does not parse: %v", err)
	}
	if back.StateMachines[0].Definition.Get("States").Get("Validate") == nil {
		t.Error("the written template's definition has no state Validate")
	}
}

func TestTemplateTabEditing(t *testing.T) {
	f := mustTemplate(t, "template.yaml", inlineTemplate, nil)
	d := openMachineDoc(t, f, "OrderMachine")
	d.setFormat(formatSAM)
	if d.Text != inlineTemplate || d.ParseErr != nil {
		t.Fatalf("the template tab shows %q (err %v), want the template unchanged", d.Text, d.ParseErr)
	}
	// States are found in the template's text (code ↔ canvas selection).
	st, en, ok := d.stateSpan("Store")
	if !ok || !strings.HasPrefix(d.Text[st:en], "Store:") || !strings.Contains(d.Text[st:en], "End: true") {
		t.Errorf("state span of Store = %q (%v)", d.Text[st:en], ok)
	}
	if got := d.stateAtOffset(strings.Index(d.Text, "putItem")); got != "Store" {
		t.Errorf("the caret on putItem selects %q, want Store", got)
	}

	// A canvas edit re-prints the template tab with the definition written back.
	d.apply(renamed(t, d.Root, "Store", "Save"))
	if !strings.Contains(d.Text, "          Save:\n") || !strings.Contains(d.Text, "Next: Save") || !strings.Contains(d.Text, "# keep this comment") {
		t.Fatalf("after a rename the template tab shows:\n%s", d.Text)
	}
	if d.state("Save") == nil {
		t.Error("the model does not follow the rename")
	}

	// Typing a broken template keeps the last good definition, with the error's line.
	good := d.Text
	broken := strings.Replace(good, "      Definition:\n", "      Definition: [\n", 1)
	d.setText(broken)
	if d.ParseErr == nil {
		t.Fatal("a broken template parses")
	}
	if line, _, ok := d.errorPos(); !ok || line < 10 {
		t.Errorf("the error has no useful position: %d %v (%v)", line, ok, d.ParseErr)
	}
	if d.state("Save") == nil {
		t.Error("the canvas lost the definition on a template syntax error")
	}
	// Typing a valid change in the definition moves the canvas.
	d.setText(strings.Replace(good, "Type: Pass", "Type: Succeed\n            Comment: done", 1))
	if d.ParseErr != nil {
		t.Fatalf("a valid template edit: %v", d.ParseErr)
	}
	if st := d.state("Check"); st == nil || st.Common().Type != "Succeed" {
		t.Errorf("the canvas does not follow the template edit: %v", st)
	}
	// A change outside the definition is kept in the template.
	withOutput := strings.Replace(d.Text, "Outputs:\n", "Outputs:\n  Name:\n    Value: !Ref OrderMachine\n", 1)
	d.setText(withOutput)
	d.setFormat(formatJSON)
	if !strings.Contains(d.Text, `"Check"`) {
		t.Fatalf("the JSON tab shows %q", d.Text)
	}
	_, _, text, _, _ := d.templateDownload()
	if !strings.Contains(text, "Value: !Ref OrderMachine") {
		t.Error("an edit outside the definition made in the template tab was lost")
	}
}

func TestTemplateDefinitionFiles(t *testing.T) {
	files := map[string]string{"first.asl.json": firstDef, "second.asl.yaml": secondDef}
	f := mustTemplate(t, "template.yaml", uriTemplate, files)
	ms := f.machines()
	if len(ms) != 2 || ms[0].Err != nil || ms[1].Err != nil {
		t.Fatalf("machines: %d; errors %v", len(ms), []error{ms[0].Err, ms[1].Err})
	}
	d := openMachineDoc(t, f, "Second")
	if d.Format != formatYAML || d.Text != secondDef {
		t.Errorf("the Second definition opens as %s: %q, want its file as it is", d.Format, d.Text)
	}
	if !d.Sam.inFile() || d.Sam.positionsInTemplate() {
		t.Error("a DefinitionUri definition is not reported as in a file")
	}
	d.apply(renamed(t, d.Root, "B", "Done"))
	name, mime, text, _, err := d.templateDownload()
	if err != nil {
		t.Fatal(err)
	}
	if name != "second.asl.yaml" || mime != "application/yaml" {
		t.Errorf("download name %q (%s), want the definition file", name, mime)
	}
	if !strings.HasPrefix(text, "# the second one\n") || !strings.Contains(text, "StartAt: Done") || strings.Contains(text, "B:") {
		t.Errorf("downloaded definition file:\n%s", text)
	}
	out, err := d.Sam.render(d.Root)
	if err != nil || out.Template != uriTemplate {
		t.Errorf("the template changed although its definition is in a file (%v)", err)
	}

	// A definition file that was not opened is reported, naming the file.
	g := mustTemplate(t, "template.yaml", uriTemplate, map[string]string{"first.asl.json": firstDef})
	if m := g.machines()[1]; m.Err == nil || !strings.Contains(m.Err.Error(), "second.asl.yaml") {
		t.Errorf("missing file error: %v", m.Err)
	}
	if m := g.machines()[0]; m.Err != nil {
		t.Errorf("the first machine's file was opened: %v", m.Err)
	}
}

func TestTemplateDefinitionString(t *testing.T) {
	src := `{
  "Resources": {
    "Machine": {
      "Type": "AWS::StepFunctions::StateMachine",
      "Properties": {
        "DefinitionString": "{\"StartAt\":\"One\",\"States\":{\"One\":{\"Type\":\"Pass\",\"End\":true}}}",
        "RoleArn": "arn:aws:iam::123456789012:role/x"
      }
    }
  }
}
`
	f := mustTemplate(t, "stack.json", src, nil)
	d := openMachineDoc(t, f, "Machine")
	if d.Format != formatJSON || d.state("One") == nil {
		t.Fatalf("DefinitionString opens as %s with states %v", d.Format, d.states)
	}
	d.apply(renamed(t, d.Root, "One", "Uno"))
	name, mime, text, _, err := d.templateDownload()
	if err != nil || name != "stack.json" || mime != "application/json" {
		t.Fatalf("download %q %s %v", name, mime, err)
	}
	m, _ := f.tmpl.Get("Machine")
	sameOutside(t, src, text, m.Span.Start, m.Span.End)
	if !strings.Contains(text, `\"Uno\"`) {
		t.Errorf("the string definition does not hold the rename:\n%s", text)
	}
	// The template tab of a string definition cannot mark states in it.
	d.setFormat(formatSAM)
	if _, _, ok := d.stateSpan("Uno"); ok {
		t.Error("a state span is claimed inside a DefinitionString")
	}
	if d.language() != formatJSON {
		t.Errorf("a JSON template is highlighted as %s", d.language())
	}
}

func TestEntryEnd(t *testing.T) {
	text := "A:\n  B:\n    C: 1\n\n    # note\n    D: [1, {\"x\": \"]\"}]\n  # trailing\n  E: 2\nF: {a: {b: 1}, c: 2} # after\n"
	for _, c := range []struct{ key, want string }{
		{"B:", "B:\n    C: 1\n\n    # note\n    D: [1, {\"x\": \"]\"}]"},
		{"C:", "C: 1"},
		{"D:", `D: [1, {"x": "]"}]`},
		{"E:", "E: 2"},
		{"F:", "F: {a: {b: 1}, c: 2}"},
	} {
		off := strings.Index(text, c.key)
		if got := text[off:entryEnd(text, off)]; got != c.want {
			t.Errorf("entry %s = %q, want %q", c.key, got, c.want)
		}
	}
}

func TestFileKeyMatchesBrowserPaths(t *testing.T) {
	files := map[string]string{"statemachine/a.json": "1", "other/a.json": "2", "b.json": "3", "x/y/c.json": "4"}
	for _, c := range []struct{ path, want string }{
		{"statemachine/a.json", "statemachine/a.json"},
		{"./statemachine/a.json", "statemachine/a.json"},
		{"deep/statemachine/a.json", "statemachine/a.json"},
		{"a.json", "a.json"}, // two files named a.json: ambiguous, not guessed
		{"sm/b.json", "b.json"},
		{"y/c.json", "x/y/c.json"},
	} {
		if got := fileKey(files, c.path); got != c.want {
			t.Errorf("fileKey(%q) = %q, want %q", c.path, got, c.want)
		}
	}
	if _, err := readFrom(files)("a.json"); err == nil {
		t.Error("an ambiguous base name was read")
	}
}

func TestSplitTemplate(t *testing.T) {
	names := []string{"proj/statemachine/first.asl.json", "proj/template.yaml", "proj/statemachine/second.asl.yaml"}
	texts := []string{firstDef, uriTemplate, secondDef}
	name, src, others, ok := splitTemplate(names, texts)
	if !ok || name != "template.yaml" || src != uriTemplate {
		t.Fatalf("splitTemplate = %q, %v", name, ok)
	}
	if others["statemachine/first.asl.json"] != firstDef || others["statemachine/second.asl.yaml"] != secondDef {
		t.Errorf("other files keyed %v", keys(others))
	}
	if _, _, _, ok := splitTemplate([]string{"a.json"}, []string{firstDef}); ok {
		t.Error("a definition was taken for a template")
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestLogicalID(t *testing.T) {
	for in, want := range map[string]string{
		"Order processing":     "OrderProcessingStateMachine",
		"choice-routing v2":    "ChoiceRoutingV2StateMachine",
		"":                     "WorkflowStateMachine",
		"3 steps":              "Workflow3StepsStateMachine",
		"PaymentStateMachine":  "PaymentStateMachine",
		"Ünïcode only ✓ words": "NcodeOnlyWordsStateMachine",
	} {
		if got := logicalID(in); got != want {
			t.Errorf("logicalID(%q) = %q, want %q", in, got, want)
		}
	}
}

// The autosaved template (JSON in localStorage) restores the same document.
func TestTemplateAutosaveRoundTrip(t *testing.T) {
	f := mustTemplate(t, "template.yaml", uriTemplate, map[string]string{"statemachine/first.asl.json": firstDef, "statemachine/second.asl.yaml": secondDef})
	d := openMachineDoc(t, f, "First")
	d.apply(renamed(t, d.Root, "A", "Alpha"))
	data, err := json.Marshal(session{Version: 1, Name: d.Name, Format: d.Format, Text: d.Text, Sam: d.Sam, TemplateView: true})
	if err != nil {
		t.Fatal(err)
	}
	var ss session
	if err := json.Unmarshal(data, &ss); err != nil {
		t.Fatal(err)
	}
	r := &document{Name: ss.Name, Format: ss.Format}
	r.restoreTemplate(ss.Sam, ss.TemplateView)
	r.setText(ss.Text)
	if r.Sam == nil || r.Sam.ID != "First" || !r.TemplateView {
		t.Fatalf("restored template: %+v", r.Sam)
	}
	_, _, want, _, _ := d.templateDownload()
	_, _, got, _, err := r.templateDownload()
	if err != nil || got != want || !strings.Contains(got, `"Alpha"`) {
		t.Errorf("restored download = %q (%v), want %q", got, err, want)
	}
}

func TestGenerateTemplateForPlainDefinition(t *testing.T) {
	s, _, html := mount(t)
	html()
	s.doc = newDocument("Order flow", []byte(firstDef))
	s.generateTemplate(nil)
	s.Update()
	d := s.doc
	if d.Sam == nil || d.Format != formatSAM || d.ParseErr != nil {
		t.Fatalf("generated: sam %v, format %s, err %v", d.Sam != nil, d.Format, d.ParseErr)
	}
	if !strings.Contains(d.Text, "AWS::Serverless::StateMachine") || !strings.Contains(d.Text, "OrderFlowStateMachine") {
		t.Errorf("generated template:\n%s", d.Text)
	}
	if d.state("A") == nil {
		t.Error("the generated template's definition is not the document's")
	}
	page := html()
	if !strings.Contains(page, `data-tab="sam"`) || !strings.Contains(page, `data-sam-template="template.yaml"`) {
		t.Error("the template tab is not shown after generating")
	}
}

// The studio opens a template with several state machines through the
// picker, and one with a single machine at once.
func TestStudioOpensTemplateFiles(t *testing.T) {
	s, _, html := mount(t)
	html()
	s.openFiles(nil, []string{"template.yaml", "first.asl.json", "second.asl.yaml"}, []string{uriTemplate, firstDef, secondDef})
	if s.samPick == nil {
		t.Fatal("no picker for a template with two state machines")
	}
	s.Update()
	page := html()
	for _, want := range []string{`aria-label="Choose a state machine"`, `data-sam-machine="First"`, `data-sam-machine="Second"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the picker lacks %s", want)
		}
	}
	s.openMachine(nil, s.samPick.f, "Second")
	if s.samPick != nil || s.doc.Sam == nil || s.doc.Sam.ID != "Second" || s.doc.state("B") == nil {
		t.Fatalf("after choosing Second: pick %v, doc %+v", s.samPick != nil, s.doc.states)
	}
	s.Update()
	page = html()
	if !strings.Contains(page, `data-sam-machine="Second"`) || !strings.Contains(page, `data-state="B"`) {
		t.Error("the canvas and the template bar do not show Second")
	}

	// Without its definition files the picker says which file is missing,
	// and adding it opens the machine.
	s.openFiles(nil, []string{"template.yaml"}, []string{strings.Replace(uriTemplate, "  Second:", "  Second_:", 1)})
	s.openFiles(nil, []string{"template.yaml"}, []string{uriTemplate[:strings.Index(uriTemplate, "  Second:")]})
	s.Update()
	if s.samPick == nil || !strings.Contains(html(), "first.asl.json") {
		t.Fatal("a template whose definition file is missing is not held in the picker with the file's name")
	}
	s.openFiles(nil, []string{"first.asl.json"}, []string{firstDef})
	if s.samPick != nil || s.doc.Sam == nil || s.doc.Sam.ID != "First" || s.doc.state("A") == nil {
		t.Fatalf("adding the definition file did not open the machine")
	}
}

// TestCorpusTemplatesRoundTrip opens every state machine of the shared SAM
// corpus as the editor does (files matched by the names a browser gives),
// checks an unchanged download equals the original file, and that a rename
// on the canvas changes only the definition's bytes.
func TestCorpusTemplatesRoundTrip(t *testing.T) {
	dir, cases, err := corpus.Cases("sam")
	if err != nil {
		t.Fatalf("corpus: %v", err)
	}
	opened, edited := 0, 0
	for _, c := range cases {
		root := filepath.Join(dir, c)
		src, err := os.ReadFile(filepath.Join(root, "template.yaml"))
		if err != nil {
			t.Errorf("%s: %v", c, err)
			continue
		}
		files := map[string]string{}
		filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() && p != filepath.Join(root, "template.yaml") && !strings.HasSuffix(p, ".txt") && filepath.Base(p) != "manifest.json" {
				data, _ := os.ReadFile(p)
				files[filepath.Base(p)] = string(data) // a picker gives base names
			}
			return nil
		})
		f, err := newSamFile("template.yaml", string(src), files)
		if err != nil {
			t.Errorf("%s: %v", c, err)
			continue
		}
		for _, m := range f.machines() {
			if m.Err != nil {
				continue // the corpus lacks some definition files
			}
			d := openMachineDoc(t, f, m.ID)
			opened++
			_, _, text, _, err := d.templateDownload()
			want := string(src)
			if m.FilePath != "" {
				want = files[filepath.Base(m.FilePath)]
			}
			if err != nil || text != want {
				t.Errorf("%s/%s: an unchanged download differs from the file (%v)", c, m.ID, err)
				continue
			}
			if m.ReadOnly != "" || len(d.states) == 0 {
				continue
			}
			// The first state that is a state (a few corpus definitions put
			// other members in States).
			first, edit := "", (*asl.Value)(nil)
			for _, name := range d.states {
				c := d.Root.Clone()
				if asl.Rename(c, name, name+" renamed") == nil {
					first, edit = name, c
					break
				}
			}
			if edit == nil {
				t.Errorf("%s/%s: no state can be renamed", c, m.ID)
				continue
			}
			d.apply(edit)
			_, _, text, _, err = d.templateDownload()
			if err != nil {
				t.Errorf("%s/%s: %v", c, m.ID, err)
				continue
			}
			if m.FilePath == "" {
				sameOutside(t, want, text, m.Span.Start, m.Span.End)
			} else if out, err := d.Sam.render(d.Root); err != nil || out.Template != string(src) {
				t.Errorf("%s/%s: the template changed although the definition is in %s (%v)", c, m.ID, m.File, err)
			}
			if !strings.Contains(text, first+" renamed") {
				t.Errorf("%s/%s: the rename of %q is not in the download", c, m.ID, first)
			}
			edited++
		}
	}
	t.Logf("%d state machines opened, %d edited and written back", opened, edited)
	if opened < 80 || edited < 80 {
		t.Errorf("only %d opened and %d edited; the corpus has more", opened, edited)
	}
}

// Switching to another state machine of the template keeps the edits made
// to the one open: they are written back into the template's files first.
func TestSwitchMachineKeepsEdits(t *testing.T) {
	s, _, html := mount(t)
	html()
	s.openFiles(nil, []string{"template.yaml", "first.asl.json", "second.asl.yaml"}, []string{uriTemplate, firstDef, secondDef})
	s.openMachine(nil, s.samPick.f, "First")
	s.doc.apply(renamed(t, s.doc.Root, "A", "Alpha"))
	s.switchMachine(nil)
	if s.samPick == nil {
		t.Fatal("Switch… shows no picker")
	}
	s.openMachine(nil, s.samPick.f, "Second")
	if s.doc.state("B") == nil {
		t.Fatal("Second did not open")
	}
	s.switchMachine(nil)
	s.openMachine(nil, s.samPick.f, "First")
	if s.doc.state("Alpha") == nil || s.doc.state("A") != nil {
		t.Errorf("the edit to First was lost on switching: states %v", s.doc.states)
	}
}

// A template document goes to the recent list as its template, and comes
// back from it as the template with the edit.
func TestRecentTemplateReopens(t *testing.T) {
	f := mustTemplate(t, "template.yaml", inlineTemplate, nil)
	d := openMachineDoc(t, f, "OrderMachine")
	d.apply(renamed(t, d.Root, "Store", "Save"))
	name, text, ok := d.recentTemplate()
	if !ok || name != "template.yaml" {
		t.Fatalf("recentTemplate = %q, %v", name, ok)
	}
	r := newDocument(name, []byte(text))
	if r.Sam == nil || r.Sam.ID != "OrderMachine" || r.state("Save") == nil || r.Sam.Src != text {
		t.Fatalf("reopened: sam %v, states %v", r.Sam != nil, r.states)
	}
	// A definition in a file of its own cannot come back from text alone.
	g := mustTemplate(t, "template.yaml", uriTemplate, map[string]string{"first.asl.json": firstDef, "second.asl.yaml": secondDef})
	if _, _, ok := openMachineDoc(t, g, "First").recentTemplate(); ok {
		t.Error("a DefinitionUri template is kept in the recent list as its template")
	}
}
