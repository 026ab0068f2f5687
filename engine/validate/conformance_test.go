package validate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/internal/corpus"
)

// expectedVerdict is the part of a validate case's expected.json we compare.
type expectedVerdict struct {
	Valid       bool   `json:"valid"`
	Type        string `json:"type"`
	WithOptions []struct {
		Option string `json:"option"`
		Valid  bool   `json:"valid"`
	} `json:"with_options"`
}

// Goals from the issue: agreement with AWS's verdicts (ls__), with
// asl-validator's (aslv__), and acceptance of every definition AWS ran.
const (
	goalLS   = 0.98
	goalASLV = 0.95
	goalExec = 0.995
)

// optionsFor maps asl-validator's option names to ours.
func optionsFor(t *testing.T, option string) Options {
	switch option {
	case "checkArn=false":
		return Options{SkipResourceChecks: true}
	case "checkPaths=false":
		return Options{SkipPathChecks: true}
	}
	t.Fatalf("unknown asl-validator option %q", option)
	return Options{}
}

// firstError summarises the errors of diags for a log line.
func firstErrors(diags []Diagnostic) string {
	var parts []string
	for _, d := range diags {
		if d.Severity == Error {
			parts = append(parts, fmt.Sprintf("%s %s at %s", d.Code, d.Message, d.Path))
		}
		if len(parts) == 3 {
			break
		}
	}
	return strings.Join(parts, "; ")
}

type tally struct {
	agree, total int
	misses       []string
}

func (t *tally) add(ok bool, miss string) {
	t.total++
	if ok {
		t.agree++
	} else {
		t.misses = append(t.misses, miss)
	}
}

func (t *tally) rate() float64 {
	if t.total == 0 {
		return 0
	}
	return float64(t.agree) / float64(t.total)
}

func TestConformanceValidate(t *testing.T) {
	dir, cases, err := corpus.Cases("validate")
	if err != nil {
		t.Fatalf("validate corpus: %v", err)
	}
	if len(cases) == 0 {
		t.Fatalf("validate corpus %s is empty", dir)
	}
	// aslv counts asl-validator's default verdicts and, as further entries,
	// its verdicts with the options of with_options (checkArn=false, …).
	var ls, aslv tally
	for _, name := range cases {
		src, err := os.ReadFile(filepath.Join(dir, name, "definition.json"))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		raw, err := os.ReadFile(filepath.Join(dir, name, "expected.json"))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var want expectedVerdict
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatalf("%s: expected.json: %v", name, err)
		}
		diags, _ := ValidateBytes(src, Options{Type: want.Type})
		got := !HasErrors(diags)
		miss := fmt.Sprintf("%s: want valid=%v, got valid=%v %s", name, want.Valid, got, firstErrors(diags))
		switch {
		case strings.HasPrefix(name, "ls__"):
			ls.add(got == want.Valid, miss)
		case strings.HasPrefix(name, "aslv__"):
			aslv.add(got == want.Valid, miss)
			for _, wo := range want.WithOptions {
				opts := optionsFor(t, wo.Option)
				d, _ := ValidateBytes(src, opts)
				g := !HasErrors(d)
				aslv.add(g == wo.Valid, fmt.Sprintf("%s [%s]: want valid=%v, got valid=%v %s", name, wo.Option, wo.Valid, g, firstErrors(d)))
			}
		default:
			t.Errorf("%s: unknown case family", name)
		}
	}
	report := func(label string, tl *tally, goal float64) {
		t.Logf("%s: %d/%d agree (%.1f%%, goal %.1f%%)", label, tl.agree, tl.total, 100*tl.rate(), 100*goal)
		for _, m := range tl.misses {
			t.Logf("  disagree %s", m)
		}
		if tl.total == 0 || tl.rate() < goal {
			t.Errorf("%s agreement %.1f%% is below the goal of %.1f%%", label, 100*tl.rate(), 100*goal)
		}
	}
	report("ls__ (AWS verdicts)", &ls, goalLS)
	report("aslv__ (asl-validator verdicts)", &aslv, goalASLV)
}

func TestConformanceExecAccepted(t *testing.T) {
	dir, cases, err := corpus.Cases("exec")
	if err != nil {
		t.Fatalf("exec corpus: %v", err)
	}
	if len(cases) == 0 {
		t.Fatalf("exec corpus %s is empty", dir)
	}
	var tl tally
	for _, name := range cases {
		src, err := os.ReadFile(filepath.Join(dir, name, "definition.json"))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		typ := ""
		if meta, err := os.ReadFile(filepath.Join(dir, name, "meta.json")); err == nil {
			var m struct {
				Type string `json:"state_machine_type"`
			}
			if json.Unmarshal(meta, &m) == nil {
				typ = m.Type
			}
		}
		diags, _ := ValidateBytes(src, Options{Type: typ})
		tl.add(!HasErrors(diags), name+": "+firstErrors(diags))
	}
	t.Logf("exec definitions accepted: %d/%d (%.2f%%, goal %.1f%%)", tl.agree, tl.total, 100*tl.rate(), 100*goalExec)
	for _, m := range tl.misses {
		t.Logf("  rejected %s", m)
	}
	if tl.rate() < goalExec {
		t.Errorf("exec acceptance %.2f%% is below the goal of %.1f%%", 100*tl.rate(), 100*goalExec)
	}
}
