package asl

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// consoleFormat reformats JSON the way JSON.stringify(x, null, 2) does.
func consoleFormat(t *testing.T, src []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Indent(&buf, bytes.TrimSpace(src), "", "  "); err != nil {
		t.Fatal(err)
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}

func TestPrintJSONConsoleFormat(t *testing.T) {
	src := []byte(`{"Comment":"x","StartAt":"A","States":{"A":{"Type":"Pass","Result":{"f":1.50,"e":[],"o":{},"l":[1,"<&>",null,true]},"End":true}}}`)
	v, err := ParseJSON(src)
	if err != nil {
		t.Fatal(err)
	}
	got := PrintJSON(v)
	want := consoleFormat(t, src)
	if !bytes.Equal(got, want) {
		t.Errorf("PrintJSON =\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(string(got), `"f": 1.50`) {
		t.Errorf("number literal not kept: %s", got)
	}
}

// TestPrintJSONRoundTripCorpus: a corpus definition already in console
// format prints back byte-identical; any other prints as its console form.
func TestPrintJSONRoundTripCorpus(t *testing.T) {
	identical := 0
	files := corpusDefinitions(t)
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		v, err := ParseJSON(src)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		got := PrintJSON(v)
		if bytes.Equal(got, src) {
			identical++
			continue
		}
		if want := consoleFormat(t, src); !bytes.Equal(got, want) && !hasEscapes(src) {
			t.Errorf("%s: PrintJSON differs from the console format", file)
		}
	}
	t.Logf("%d of %d corpus definitions print back byte-identical", identical, len(files))
}

// hasEscapes reports whether JSON text holds \u escapes (which PrintJSON
// writes as the characters themselves).
func hasEscapes(src []byte) bool { return bytes.Contains(src, []byte(`\u`)) }

func TestJSONYAMLJSONCorpus(t *testing.T) {
	for _, c := range corpusDocuments(t) {
		file, v := c.file, c.doc
		y := PrintYAML(v)
		back, err := ParseYAML(y)
		if err != nil {
			t.Errorf("%s: the printed YAML does not parse: %v\n%s", file, err, y)
			continue
		}
		if !Equal(v, back) {
			t.Errorf("%s: JSON → YAML → JSON changed the value:\n%s\n%s", file, PrintJSON(v), PrintJSON(back))
			continue
		}
		if got := PrintJSON(back); !bytes.Equal(got, PrintJSON(v)) {
			t.Errorf("%s: JSON → YAML → JSON printed differently", file)
		}
	}
}

func TestPrintYAML(t *testing.T) {
	src := `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B","Result":{"n":1,"f":2.0,"e":[],"o":{},"s":"{% $x %}"}},
	"B":{"Type":"Task","Resource":"arn","Catch":[{"ErrorEquals":["States.ALL"],"Next":"A"}],"Matrix":[[1,2],[]],"End":true}}}`
	v, err := ParseJSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := `StartAt: A
States:
  A:
    Type: Pass
    Next: B
    Result:
      'n': 1
      f: 2.0
      e: []
      o: {}
      s: '{% $x %}'
  B:
    Type: Task
    Resource: arn
    Catch:
      - ErrorEquals:
          - States.ALL
        Next: A
    Matrix:
      - - 1
        - 2
      - []
    End: true
`
	if got := string(PrintYAML(v)); got != want {
		t.Errorf("PrintYAML =\n%s\nwant\n%s", got, want)
	}
}

// TestPrintYAMLStrings: every string reads back as itself, and the ones a
// plain scalar would change are quoted.
func TestPrintYAMLStrings(t *testing.T) {
	cases := []struct {
		s      string
		quoted bool
	}{
		{"hello world", false},
		{"arn:aws:states:::lambda:invoke", false},
		{"$.a.b", false},
		{"States.ALL", false},
		{"", true}, {"yes", true}, {"No", true}, {"on", true}, {"OFF", true}, {"y", true},
		{"null", true}, {"Null", true}, {"~", true}, {"true", true}, {"False", true},
		{"123", true}, {"1.5", true}, {"-1", true}, {".inf", true}, {"0x1F", true}, {"1e3", true},
		{"2020-01-01T00:00:00Z", true}, {"{% $states.input %}", true}, {"[x]", true},
		{"a: b", true}, {"a #b", true}, {"trailing:", true}, {" lead", true}, {"trail ", true},
		{"*alias", true}, {"&anchor", true}, {"!tag", true}, {"|", true}, {">", true}, {"%x", true},
		{"@x", true}, {"`x", true}, {"'q'", true}, {`"q"`, true}, {"- item", true}, {"? k", true},
		{"#comment", true}, {"<<", true}, {"multi\nline", true}, {"tab\there", true}, {"bell\a", true},
		{"it's", false}, {"é中😀", false}, {"line\u2028sep", true}, {"del\x7f", true},
	}
	for _, c := range cases {
		v := &Value{Kind: Object, Fields: []*Field{{Key: c.s, Value: NewString(c.s)}}}
		y := PrintYAML(v)
		back, err := ParseYAML(y)
		if err != nil {
			t.Errorf("%q: printed %q does not parse: %v", c.s, y, err)
			continue
		}
		if !Equal(v, back) {
			t.Errorf("%q: printed %q reads back as %s", c.s, y, EncodeJSON(ToAny(back)))
		}
		if quoted := yamlQuoting(c.s) != plainStyle; quoted != c.quoted {
			t.Errorf("%q: quoted = %v, want %v", c.s, quoted, c.quoted)
		}
	}
}

func TestYAMLTagsRoundTrip(t *testing.T) {
	src := `Resource: !GetAtt Fn.Arn
Name: !Sub "${AWS::StackName}-x"
List: !Split
  - ","
  - a,b
Obj: !If
  Cond: x
`
	v, err := ParseYAML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Get("Resource"); got.Tag != "!GetAtt" || got.Str != "Fn.Arn" || got.Kind != String {
		t.Errorf("Resource = %+v", got)
	}
	if got := v.Get("List"); got.Tag != "!Split" || got.Kind != Array || len(got.Items) != 2 {
		t.Errorf("List = %+v", got)
	}
	y := PrintYAML(v)
	back, err := ParseYAML(y)
	if err != nil {
		t.Fatalf("%v\n%s", err, y)
	}
	if !Equal(v, back) {
		t.Errorf("tags lost:\n%s", y)
	}
	if !strings.Contains(string(y), "Resource: !GetAtt Fn.Arn\n") || !strings.Contains(string(y), "Obj: !If\n  Cond: x\n") {
		t.Errorf("PrintYAML =\n%s", y)
	}
}

// TestPrintYAMLDeep: deep documents switch to flow style past a few
// levels, so the output stays linear in size and reads back the same.
func TestPrintYAMLDeep(t *testing.T) {
	depth := maxDepth - 1
	src := strings.Repeat(`{"k": [`, depth/2) + `"x", 1E700` + strings.Repeat(`]}`, depth/2)
	v, err := ParseJSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	y := PrintYAML(v)
	if len(y) > 20*len(src) {
		t.Errorf("PrintYAML of a %d-byte document is %d bytes", len(src), len(y))
	}
	back, err := ParseYAML(y)
	if err != nil {
		t.Fatal(err)
	}
	if !Equal(v, back) {
		t.Error("deep document changed through YAML")
	}
	if _, err := ParseYAML([]byte(strings.Repeat("[", maxDepth+2) + strings.Repeat("]", maxDepth+2))); err == nil || !strings.Contains(err.Error(), "max depth") {
		t.Errorf("ParseYAML too deep: %v", err)
	}
}
