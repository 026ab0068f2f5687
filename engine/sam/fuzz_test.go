package sam

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aslstudio/aslstudio/engine/asl"
)

// FuzzTemplate parses arbitrary templates: no panic, no hang, and every
// state machine whose definition was read survives a same-value set and a
// rename with the template still parsing afterwards.
func FuzzTemplate(f *testing.F) {
	for _, form := range forms {
		f.Add([]byte(form.template))
	}
	f.Add([]byte("Resources: {M: {Type: AWS::Serverless::StateMachine, Properties: {Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}}}}"))
	f.Add([]byte("Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub\n        - '{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}'\n        - {}\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("Resources:\n  M: !Ref [\n"))
	if dir, err := filepathGlob("template.yaml"); err == nil {
		for i, p := range dir {
			if i >= 20 {
				break
			}
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 {
			return
		}
		start := time.Now()
		tp, err := Parse("f.yaml", src, nil)
		if err != nil {
			return
		}
		for _, m := range tp.StateMachines {
			if m.Err != nil || m.Definition == nil {
				continue
			}
			same, err := asl.ParseJSON(asl.PrintJSON(m.Definition))
			if err != nil {
				t.Fatalf("printed definition does not parse: %v", err)
			}
			ch, err := tp.SetDefinition(m.ID, same)
			if err != nil || len(ch) != 0 {
				t.Fatalf("same definition changed the template: %v", err)
			}
			if start, ok := same.Get("StartAt").StringValue(); ok {
				renameState(same, start, start+" x")
				ch, err := tp.SetDefinition(m.ID, same)
				if err == nil && len(ch) == 1 {
					if _, err := Parse("f.yaml", ch[0].Data, nil); err != nil {
						t.Fatalf("rename made the template unreadable: %v\n%s", err, ch[0].Data)
					}
				}
			}
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("took %v", d)
		}
	})
}

// filepathGlob lists corpus templates when the corpus is present (seeds only).
func filepathGlob(name string) ([]string, error) {
	for _, d := range []string{"../../../shared/conformance/sam"} {
		m, err := filepath.Glob(filepath.Join(d, "*", name))
		if err == nil && len(m) > 0 {
			return m, nil
		}
	}
	return nil, os.ErrNotExist
}

// TestHostileTemplates parses inputs built to be slow (deep nesting, an
// alias bomb, huge scalars): each must be rejected or read quickly.
func TestHostileTemplates(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	for i, prev := 0, "a"; i < 6; i++ {
		name := string(rune('b' + i))
		bomb += name + ": &" + name + " [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n"
		prev = name
	}
	bomb += "Resources:\n  M: {Type: AWS::Serverless::StateMachine, Properties: {Definition: {StartAt: A, States: *g}}}\n"
	inputs := map[string]string{
		"alias bomb": bomb,
		"deep flow":  strings.Repeat("[", 5000) + strings.Repeat("]", 5000),
		"deep block": strings.Repeat("- ", 3000) + "x",
		"long plain": "Resources: " + strings.Repeat("a ", 100000),
		"recursive":  "Resources: &r {M: {Type: AWS::Serverless::StateMachine, Properties: {Definition: *r}}}\n",
	}
	for name, src := range inputs {
		start := time.Now()
		tp, err := Parse("h.yaml", []byte(src), nil)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: took %v", name, d)
		}
		if name == "alias bomb" && (err == nil || !strings.Contains(err.Error(), "aliases")) {
			t.Errorf("alias bomb: %v", err)
		}
		_ = tp
	}
}

// FuzzSetDefinition sets arbitrary definitions into every form of template
// (inline YAML, flow, JSON, DefinitionString, YAML file): the result must
// read back as exactly that definition, bytes outside it unchanged.
func FuzzSetDefinition(f *testing.F) {
	f.Add([]byte(`{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`))
	f.Add([]byte(`{"StartAt": "First", "States": {"First": {"Type": "Pass", "Next": "Second"}, "Second": {"Type": "Succeed"}}}`))
	f.Add([]byte(`{"StartAt": "First: #x", "States": {"First: #x": {"Type": "Pass", "Result": {"a\nb": [1.50, null, "true", "- x", "'q'", "\"", "{% $x %}"]}, "Next": "Second"}, "Second": {"Type": "Succeed"}}}`))
	f.Add([]byte(`{"States": {"Second": {"Type": "Succeed"}, "First": {}}, "StartAt": "First"}`))
	f.Fuzz(func(t *testing.T, js []byte) {
		def, err := asl.ParseJSON(js)
		if err != nil || def.Kind != asl.Object || len(js) > 1<<12 {
			return
		}
		for name, form := range forms {
			files := map[string][]byte{}
			for k, v := range form.files {
				files[filepath.Join(".", filepath.FromSlash(k))] = []byte(v)
			}
			read := func(p string) ([]byte, error) {
				if b, ok := files[filepath.Clean(p)]; ok {
					return b, nil
				}
				return nil, os.ErrNotExist
			}
			tp, err := Parse("template.yaml", []byte(form.template), read)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			m := tp.StateMachines[0]
			ch, err := tp.SetDefinition("", def)
			if err != nil {
				continue
			}
			if len(ch) == 0 {
				if !equal(m.Definition, def) {
					t.Fatalf("%s: a different definition gave no change", name)
				}
				continue
			}
			old := []byte(form.template)
			if m.Span.Path != "template.yaml" {
				old = files[filepath.Clean(m.Span.Path)]
				files[filepath.Clean(m.Span.Path)] = ch[0].Data
			}
			nw := ch[0].Data
			tail := len(old) - m.Span.End
			if !bytes.Equal(nw[:m.Span.Start], old[:m.Span.Start]) || !bytes.Equal(nw[len(nw)-tail:], old[m.Span.End:]) {
				t.Fatalf("%s: bytes outside the definition changed:\n%s", name, nw)
			}
			src := []byte(form.template)
			if m.Span.Path == "template.yaml" {
				src = nw
			}
			tp2, err := Parse("template.yaml", src, read)
			if err != nil {
				t.Fatalf("%s: written template does not parse: %v\n%s", name, err, nw)
			}
			m2 := tp2.StateMachines[0]
			if m2.Definition == nil {
				// The definition may legitimately fail the ASL shape check.
				if def.Has("States") || def.Has("StartAt") {
					t.Fatalf("%s: %v\n%s", name, m2.Err, nw)
				}
				continue
			}
			if !equal(m2.Definition, def) {
				t.Fatalf("%s: reads back as\n%s\nwant\n%s\ntext:\n%s", name, asl.PrintJSON(m2.Definition), asl.PrintJSON(def), nw)
			}
		}
	})
}
