package expr

import (
	"strings"
	"testing"
)

// TestJaywayLeniency: path forms Jayway JsonPath (which AWS uses) accepts
// and deployed aws-samples templates rely on, evaluated as Jayway does.
func TestJaywayLeniency(t *testing.T) {
	translations := `[{"SourceLanguageCode":"en","TargetLanguageCode":"es","TranslatedText":"hola"},{"SourceLanguageCode":"en","TargetLanguageCode":"fr","TranslatedText":"salut"}]`
	tests := []struct{ path, input, want string }{
		// ".[" is the bracket step (ec2-instance-isolation-sam, s3-glacier-multi-file-restore-sam).
		{"$.Snapshots.[0].State", `{"Snapshots":[{"State":"completed"},{"State":"pending"}]}`, `"completed"`},
		{"$.[0]", `[5,6]`, `5`},
		{"$.[-1]", `[5,6]`, `6`},
		{"$.a.['b c']", `{"a":{"b c":1}}`, `1`},
		{"$.[*]", `{"b":2,"a":1}`, `[1,2]`},
		{"$..[0]", `{"a":[7],"b":{"c":[8,9]}}`, `[7,8]`},
		// A property union: merged into one object as the last step...
		{"$.[*].['bucket', 'key']", `[{"bucket":"b1","key":"k1","size":1},{"bucket":"b2","key":"k2"},{"bucket":"b3"},7]`,
			`[{"bucket":"b1","key":"k1"},{"bucket":"b2","key":"k2"},{"bucket":"b3"}]`},
		{`$["a","b"]`, `{"a":1,"b":[2],"c":3}`, `{"a":1,"b":[2]}`},
		{"$['a', 'zz']", `{"a":1,"c":3}`, `{"a":1}`},
		// ...and each property's value before another step.
		{"$['a','b'].x", `{"a":{"x":1},"b":{"x":2},"c":{"x":3}}`, `[1,2]`},
		// Unquoted words in a filter comparison are strings (parallel-translate).
		{"$[?(@.TargetLanguageCode==es)].TranslatedText", translations, `["hola"]`},
		{"$[?(@.TargetLanguageCode == fr)].TranslatedText", translations, `["salut"]`},
		{"$[?(es==@.TargetLanguageCode)].TranslatedText", translations, `["hola"]`},
		{"$[?(@.TargetLanguageCode!=es && @.SourceLanguageCode==en)].TranslatedText", translations, `["salut"]`},
		{"$[?(@.TargetLanguageCode=='es')].TranslatedText", translations, `["hola"]`},
		{"$[?(@.v == true)].n", `[{"v":true,"n":1},{"v":"true","n":2}]`, `[1]`},
		{"$[?(@.v == null)].n", `[{"v":null,"n":1},{"v":"null","n":2}]`, `[1]`},
		{"$[?(@.v == en-US)].n", `[{"v":"en-US","n":1},{"v":"en","n":2}]`, `[1]`},
		{"$[?(@.n > 1)].n", `[{"n":1},{"n":2}]`, `[2]`},
		// (@.length-N): an index counted from the end (asl-validator's fixture).
		{"$[(@.length-1)].bar", `[{"bar":1},{"bar":2}]`, `2`},
		{"$.a[(@.length - 2)]", `{"a":[1,2,3]}`, `2`},
		{"$.a[(@.length+0)]", `{"a":[1,2,3]}`, ``},
		{"$.a[*][(@.length-1)]", `{"a":[[1,2],[],[3]]}`, `[2,3]`},
	}
	for _, tc := range tests {
		if err := CheckPath(tc.path); err != nil {
			t.Errorf("CheckPath(%q) = %v, want nil", tc.path, err)
			continue
		}
		got, err := Select(tc.path, &Env{Input: js(t, tc.input)})
		if tc.want == "" {
			if err == nil || !strings.Contains(err.Error(), "No results for path") {
				t.Errorf("Select(%q) = %v, %v; want a No results error", tc.path, got, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Select(%q): %v", tc.path, err)
			continue
		}
		wantJSON(t, "Select("+tc.path+")", got, tc.want)
	}
}

// TestJaywayRejects: forms Jayway rejects stay invalid, and the forms that
// build or compute a node are not Reference Paths.
func TestJaywayRejects(t *testing.T) {
	for _, p := range []string{"$.[", "$.[0", "$..", "$...a", "$['a',]", "$['a',,'b']", "$['a' 'b']", "$[(@.foo)]", "$[(@.length*2)]", "$[(@.length-)]", "$.a.[", "$.a..", "$.[]"} {
		if err := CheckPath(p); err == nil {
			t.Errorf("CheckPath(%q) = nil, want an error", p)
		}
	}
	for _, p := range []string{"$['a','b']", "$[(@.length-1)]", "$.a['x','y']", "$[?(@.a==b)]"} {
		if err := CheckReferencePath(p); err == nil {
			t.Errorf("CheckReferencePath(%q) = nil, want an error", p)
		}
		if _, err := SetResult(map[string]any{}, p, 1); err == nil {
			t.Errorf("SetResult(%q) succeeded, want an error", p)
		}
	}
	for _, p := range []string{"$.Snapshots.[0].State", "$.[0]", "$.a.['b']"} {
		if err := CheckReferencePath(p); err != nil {
			t.Errorf("CheckReferencePath(%q) = %v, want nil", p, err)
		}
	}
	out, err := SetResult(map[string]any{"a": []any{int64(1)}}, "$.a.[0]", "x")
	if err != nil {
		t.Fatal(err)
	}
	wantJSON(t, "SetResult($.a.[0])", out, `{"a":["x"]}`)
	// A definite union on a non-object fails with Jayway's wording.
	_, err = Select("$.a['x','y']", &Env{Input: js(t, `{"a":[1]}`)})
	if err == nil || !strings.Contains(err.Error(), "Expected to find an object with property ['x','y'] in path $['a']") {
		t.Errorf("Select($.a['x','y']) on an array: %v", err)
	}
}

func TestQuoteBareWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"?(@.c==es)", "?(@.c=='es')"},
		{"?(@.c == es)", "?(@.c == 'es')"},
		{"?(es==@.c)", "?('es'==@.c)"},
		{"?(@.c=='es')", "?(@.c=='es')"},
		{`?(@.c=="a b")`, `?(@.c=="a b")`},
		{"?(@.c==true || @.d==null)", "?(@.c==true || @.d==null)"},
		{"?(@.c in ['a','b'])", "?(@.c in ['a','b'])"},
		{"?(@['x y']==v && @.n>=2)", "?(@['x y']=='v' && @.n>=2)"},
		{"?(@.c =~ /ab+c/)", "?(@.c =~ /ab+c/)"},
		{"?(@.c)", "?(@.c)"},
		{"?(!@.c)", "?(!@.c)"},
		{"?(@.c==en-US)", "?(@.c=='en-US')"},
		{"?(@.c==-1)", "?(@.c==-1)"},
	}
	for _, tc := range tests {
		if got := quoteBareWords(tc.in); got != tc.want {
			t.Errorf("quoteBareWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
