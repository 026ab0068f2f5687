package asl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/internal/corpus"
)

func TestYAMLEndPositions(t *testing.T) {
	src := "a: plain text # comment\n" +
		"b: \"dq \\\" x\"\n" +
		"c: 'it''s'\n" +
		"d: |\n  line1\n\n  line2\n" +
		"e: !Sub '${X}'\n" +
		"f: [1, {g: h}, 'i']\n" +
		"j:\n  - k\n  - l: m\n" +
		"n: multi\n  line plain\n" +
		"o: &anc {p: 1}\n" +
		"q: *anc\n" +
		"r: last"
	v, err := ParseYAML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"a": "plain text",
		"b": `"dq \" x"`,
		"c": `'it''s'`,
		"d": "|\n  line1\n\n  line2",
		"e": "!Sub '${X}'",
		"f": "[1, {g: h}, 'i']",
		"j": "- k\n  - l: m",
		"n": "multi\n  line plain",
		"o": "&anc {p: 1}",
		"q": "*anc",
		"r": "last",
	}
	for _, f := range v.Fields {
		got := src[f.Value.Pos.Offset:f.Value.End.Offset]
		if got != want[f.Key] {
			t.Errorf("%s: text %q, want %q", f.Key, got, want[f.Key])
		}
	}
	if v.End.Offset != len(src) {
		t.Errorf("root ends at %d, want %d", v.End.Offset, len(src))
	}
}

// TestYAMLEndCorpus: in every YAML file of the SAM corpus, most nodes get
// an End, ends never precede starts, and the text of every plain or
// quoted scalar reads back as the scalar.
func TestYAMLEndCorpus(t *testing.T) {
	dir, err := corpus.Dir("sam")
	if err != nil {
		t.Fatalf("conformance corpus: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "template.yaml"))
	more, _ := filepath.Glob(filepath.Join(dir, "*", "*", "*.asl.yaml"))
	files = append(files, more...)
	if len(files) < 50 {
		t.Fatalf("only %d YAML files", len(files))
	}
	total, known := 0, 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		v, err := ParseYAML(src)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		var walk func(v *Value)
		walk = func(v *Value) {
			total++
			if v.End.IsValid() {
				known++
				if v.End.Offset < v.Pos.Offset {
					t.Errorf("%s: node at %d:%d ends before it starts", file, v.Pos.Line, v.Pos.Col)
				}
				text := string(src[v.Pos.Offset:v.End.Offset])
				body := text
				for strings.HasPrefix(body, "!") || strings.HasPrefix(body, "&") {
					_, body, _ = strings.Cut(body, " ")
				}
				if (v.Kind == String || v.Kind == Number || v.Kind == Bool) && body != "" && !strings.ContainsAny(body[:1], "|>*") {
					back, err := ParseYAML([]byte("k: " + strings.ReplaceAll(text, "\n", "\n ")))
					if err != nil || back.Get("k") == nil || back.Get("k").Str != v.Str || back.Get("k").Kind != v.Kind {
						t.Errorf("%s:%d:%d: text %q does not read back as %q", file, v.Pos.Line, v.Pos.Col, text, v.Str)
					}
				}
			}
			for _, it := range v.Items {
				walk(it)
			}
			for _, f := range v.Fields {
				walk(f.Value)
			}
		}
		walk(v)
	}
	if known < total*95/100 {
		t.Errorf("only %d of %d YAML nodes have an End", known, total)
	}
	t.Logf("%d of %d YAML nodes have an End", known, total)
}
