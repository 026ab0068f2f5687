package asl

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/internal/corpus"
)

// TestSAMCorpusRoundTrip parses every YAML and JSON file of the SAM corpus
// (templates with !Ref/!Sub/!GetAtt tags, .asl.yaml and .asl.json
// definitions) and checks that it prints back, as YAML and as JSON, to the
// same value — tags included for YAML.
func TestSAMCorpusRoundTrip(t *testing.T) {
	dir, err := corpus.Dir("sam")
	if err != nil {
		t.Fatalf("conformance corpus: %v", err)
	}
	var files []string
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := filepath.Ext(path); !d.IsDir() && (ext == ".yaml" || ext == ".yml" || (ext == ".json" && filepath.Base(path) != "manifest.json")) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 100 {
		t.Fatalf("only %d files under %s", len(files), dir)
	}
	tagged := 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		v, err := Parse(src)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		checkKeyPositions(t, file, src, v)
		if bytes.Contains(PrintYAML(v), []byte(" !")) {
			tagged++
		}
		back, err := ParseYAML(PrintYAML(v))
		if err != nil {
			t.Errorf("%s: printed YAML does not parse: %v", file, err)
			continue
		}
		if !Equal(v, back) {
			t.Errorf("%s: YAML round trip changed the value", file)
		}
		j, err := ParseJSON(PrintJSON(v))
		if err != nil {
			t.Errorf("%s: printed JSON does not parse: %v", file, err)
			continue
		}
		if !Equal(stripTags(v.Clone()), j) {
			t.Errorf("%s: JSON round trip changed the value", file)
		}
		if strings.HasSuffix(file, ".asl.json") || strings.HasSuffix(file, ".asl.yaml") {
			if _, err := Decode(v); err != nil {
				t.Errorf("%s: %v", file, err)
			}
		}
	}
	if tagged == 0 {
		t.Error("no template kept a YAML tag")
	}
	t.Logf("%d files, %d with tags", len(files), tagged)
}

func stripTags(v *Value) *Value {
	v.Tag = ""
	for _, it := range v.Items {
		stripTags(it)
	}
	for _, f := range v.Fields {
		stripTags(f.Value)
	}
	return v
}

// checkKeyPositions checks that every key's offset points at the key in
// the source (plain or quoted) and agrees with its line and column.
func checkKeyPositions(t *testing.T, file string, src []byte, v *Value) {
	t.Helper()
	for _, f := range v.Fields {
		p := f.KeyPos
		rest := src[p.Offset:]
		escaped := strings.ContainsAny(f.Key, `"\\`)
		if !escaped && !bytes.HasPrefix(rest, []byte(f.Key)) && !bytes.HasPrefix(rest, []byte(`"`+f.Key)) && !bytes.HasPrefix(rest, []byte(`'`+f.Key)) && !bytes.HasPrefix(rest, []byte("<<")) {
			t.Errorf("%s: key %q at %d:%d points at %.20q", file, f.Key, p.Line, p.Col, rest)
			return
		}
		lineStart := bytes.LastIndexByte(src[:p.Offset], '\n') + 1
		if p.Col != p.Offset-lineStart+1 || p.Line != bytes.Count(src[:p.Offset], []byte("\n"))+1 {
			t.Errorf("%s: key %q: offset %d disagrees with %d:%d", file, f.Key, p.Offset, p.Line, p.Col)
			return
		}
		checkKeyPositions(t, file, src, f.Value)
	}
	for _, it := range v.Items {
		checkKeyPositions(t, file, src, it)
	}
}
