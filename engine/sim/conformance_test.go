package sim

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/aslstudio/aslstudio/engine/asl"
	"github.com/aslstudio/aslstudio/internal/corpus"
)

// Conformance thresholds: the share of scorable cases whose status, output,
// error and cause match what AWS recorded. The goals are 97% (flow only)
// and 90% (with mocks); the thresholds follow the achieved rates.
const (
	minFlowOnlyRate = 0.99
	minMocksRate    = 0.98
	minHistoryRate  = 0.97
)

type corpusMeta struct {
	FlowOnly           bool     `json:"flow_only"`
	Tags               []string `json:"tags"`
	StateMachineType   string   `json:"state_machine_type"`
	MaskedOutputPaths  []string `json:"masked_output_paths"`
	MaskedErrorOrCause bool     `json:"masked_error_or_cause"`
	Scorable           *bool    `json:"scorable"`
	RecordedVia        string   `json:"recorded_via"`
}

type caseResult struct {
	name     string
	flowOnly bool
	ok       bool
	diff     string
	histOK   bool
	// histStrict: the event types match in the recorded order (histOK
	// also accepts blocks the recorder reordered, as sets).
	histStrict bool
	hasHist    bool
	// idsOK: with equal event types, ids and previousEventIds are equal too.
	idsOK bool
}

func TestConformanceExec(t *testing.T) {
	dir, cases, err := corpus.Cases("exec")
	if err != nil {
		t.Fatalf("conformance corpus: %v", err)
	}
	if len(cases) == 0 {
		t.Fatalf("conformance corpus %s is empty", dir)
	}
	var results []caseResult
	unscorable := 0
	for _, c := range cases {
		res, scorable := runCorpusCase(t, filepath.Join(dir, c))
		if !scorable {
			unscorable++
			continue
		}
		res.name = c
		results = append(results, res)
	}
	var flowN, flowOK, mockN, mockOK, histN, histOK, histStrict, idsOK int
	var fails []string
	for _, r := range results {
		if r.flowOnly {
			flowN++
			if r.ok {
				flowOK++
			}
		} else {
			mockN++
			if r.ok {
				mockOK++
			}
		}
		if r.hasHist {
			histN++
			if r.histStrict {
				histStrict++
			}
			if r.histOK {
				histOK++
			}
			if r.idsOK {
				idsOK++
			}
		}
		if !r.ok {
			fails = append(fails, r.name+": "+r.diff)
		}
	}
	sort.Strings(fails)
	for _, f := range fails {
		t.Log("FAIL " + f)
	}
	rate := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	t.Logf("exec conformance: flow-only %d/%d (%.1f%%), with mocks %d/%d (%.1f%%), history event types %d/%d (%.1f%%; in the recorded order %d/%d, the rest with the recorder's reordered Parallel blocks compared as sets), history ids+previousEventIds %d/%d (%.1f%%), unscorable (skipped) %d",
		flowOK, flowN, 100*rate(flowOK, flowN), mockOK, mockN, 100*rate(mockOK, mockN), histOK, histN, 100*rate(histOK, histN), histStrict, histN, idsOK, histN, 100*rate(idsOK, histN), unscorable)
	if rate(flowOK, flowN) < minFlowOnlyRate {
		t.Errorf("flow-only rate %.3f below %.3f", rate(flowOK, flowN), minFlowOnlyRate)
	}
	if rate(mockOK, mockN) < minMocksRate {
		t.Errorf("with-mocks rate %.3f below %.3f", rate(mockOK, mockN), minMocksRate)
	}
	if rate(histOK, histN) < minHistoryRate {
		t.Errorf("history rate %.3f below %.3f", rate(histOK, histN), minHistoryRate)
	}
}

func runCorpusCase(t *testing.T, dir string) (res caseResult, scorable bool) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil && name != "mocks.json" && name != "history.json" {
			t.Fatalf("%s: %v", dir, err)
		}
		return b
	}
	var meta corpusMeta
	if err := jsonUnmarshal(read("meta.json"), &meta); err != nil {
		t.Fatalf("%s/meta.json: %v", dir, err)
	}
	if meta.Scorable != nil && !*meta.Scorable {
		return res, false
	}
	res.flowOnly = meta.FlowOnly
	opts := Options{Name: filepath.Base(dir), Type: meta.StateMachineType, MaxSteps: 20000, SyncExpress: meta.RecordedVia == "StartSyncExecution", InterleaveBranches: true}
	if m := read("mocks.json"); len(m) > 0 {
		mc, err := CorpusMocksToConfig(m, "corpus", "case")
		if err != nil {
			res.diff = "mocks: " + err.Error()
			return res, true
		}
		opts.Mocks, opts.MockStateMachine, opts.TestCase = mc, "corpus", "case"
	}
	ex, err := NewExecution(read("definition.json"), read("input.json"), opts)
	if err != nil {
		res.diff = "could not start: " + err.Error()
		return res, true
	}
	ex.Run()
	expRoot, err := asl.ParseJSON(read("expected.json"))
	if err != nil {
		t.Fatalf("%s/expected.json: %v", dir, err)
	}
	res.ok, res.diff = compareOutcome(ex, expRoot, &meta)
	if h := read("history.json"); len(h) > 0 {
		res.hasHist = true
		res.histOK, res.idsOK, res.histStrict = compareHistoryTypes(ex, h)
	}
	return res, true
}

func compareOutcome(ex *Execution, exp *asl.Value, meta *corpusMeta) (bool, string) {
	st, _ := exp.Get("status").StringValue()
	if ex.Status() != st {
		return false, fmt.Sprintf("status %s, want %s (error %q cause %.200q)", ex.Status(), st, ex.Error(), ex.Cause())
	}
	if st == StatusSucceeded {
		want := exp.Get("output")
		got := asl.FromAny(ex.Output())
		masks := parseMasks(meta.MaskedOutputPaths)
		if d := diffValues(got, want, nil, masks); d != "" {
			return false, "output " + d
		}
		return true, ""
	}
	if d := compareString("error", ex.Error(), ex.HasError(), exp.Get("error")); d != "" {
		return false, d
	}
	if d := compareString("cause", ex.Cause(), ex.HasCause(), exp.Get("cause")); d != "" {
		return false, d
	}
	return true, ""
}

// compareString compares an error or cause; placeholders such as
// <request_id> in the recording match anything, and a recorded JSON value
// is compared with ours decoded.
func compareString(what, got string, has bool, want *asl.Value) string {
	if want == nil || want.Kind == asl.Null {
		if has && got != "" {
			return fmt.Sprintf("%s %.200q, want none", what, got)
		}
		return ""
	}
	if want.Kind != asl.String {
		g, err := asl.DecodeJSON([]byte(got))
		if err != nil {
			return fmt.Sprintf("%s %.200q, want JSON %s", what, got, asl.EncodeJSON(asl.ToAny(want)))
		}
		if d := diffValues(asl.FromAny(g), want, nil, nil); d != "" {
			return what + " " + d
		}
		return ""
	}
	if !placeholderMatch(want.Str, got) {
		return fmt.Sprintf("%s %.300q, want %.300q", what, got, want.Str)
	}
	return ""
}

var placeholderRe = regexp.MustCompile(`<[^<>]*>`)

func placeholderMatch(want, got string) bool {
	if want == got {
		return true
	}
	if !strings.Contains(want, "<") {
		return false
	}
	parts := placeholderRe.Split(want, -1)
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	re, err := regexp.Compile("^(?s)" + strings.Join(parts, ".*") + "$")
	return err == nil && re.MatchString(got)
}

// parseMasks turns masked output paths ($.a.b, $[0].c, $.x["y"][1]) into
// segment lists.
func parseMasks(paths []string) [][]string {
	var out [][]string
	seg := regexp.MustCompile(`\.([^.\[]+)|\[(\d+)\]|\["([^"]*)"\]`)
	for _, p := range paths {
		var s []string
		for _, m := range seg.FindAllStringSubmatch(strings.TrimPrefix(p, "$"), -1) {
			switch {
			case m[1] != "":
				s = append(s, m[1])
			case m[2] != "":
				s = append(s, m[2])
			default:
				s = append(s, m[3])
			}
		}
		out = append(out, s)
	}
	return out
}

func masked(path []string, masks [][]string) bool {
	for _, m := range masks {
		if len(m) == len(path) {
			eq := true
			for i := range m {
				if m[i] != path[i] {
					eq = false
					break
				}
			}
			if eq {
				return true
			}
		}
	}
	return false
}

// diffValues compares two JSON trees; numbers compare as written (1 and
// 1.0 differ), masked paths match anything.
func diffValues(got, want *asl.Value, path []string, masks [][]string) string {
	if masked(path, masks) {
		return ""
	}
	where := "$"
	for _, p := range path {
		where += "/" + p
	}
	if got == nil || want == nil {
		if got == want {
			return ""
		}
		return fmt.Sprintf("at %s: missing value", where)
	}
	if got.Kind != want.Kind {
		return fmt.Sprintf("at %s: got %.200s, want %.200s", where, asl.EncodeJSON(asl.ToAny(got)), asl.EncodeJSON(asl.ToAny(want)))
	}
	switch got.Kind {
	case asl.Number:
		if !sameNumber(got.Str, want.Str) {
			return fmt.Sprintf("at %s: got %s, want %s", where, got.Str, want.Str)
		}
	case asl.String:
		if got.Str != want.Str {
			return fmt.Sprintf("at %s: got %.200q, want %.200q", where, got.Str, want.Str)
		}
	case asl.Bool:
		if got.Bool != want.Bool {
			return fmt.Sprintf("at %s: got %v, want %v", where, got.Bool, want.Bool)
		}
	case asl.Array:
		if len(got.Items) != len(want.Items) {
			return fmt.Sprintf("at %s: got %d items, want %d: %.200s", where, len(got.Items), len(want.Items), asl.EncodeJSON(asl.ToAny(got)))
		}
		for i := range got.Items {
			if d := diffValues(got.Items[i], want.Items[i], append(path, strconv.Itoa(i)), masks); d != "" {
				return d
			}
		}
	case asl.Object:
		if len(got.Fields) != len(want.Fields) {
			return fmt.Sprintf("at %s: got keys %v, want %v", where, got.Keys(), want.Keys())
		}
		for _, f := range want.Fields {
			g := got.Get(f.Key)
			if g == nil {
				return fmt.Sprintf("at %s: missing key %q (got keys %v)", where, f.Key, got.Keys())
			}
			if d := diffValues(g, f.Value, append(path, f.Key), masks); d != "" {
				return d
			}
		}
	}
	return ""
}

// sameNumber compares number literals: equal values, and both integral
// literals or both with a fraction/exponent.
func sameNumber(a, b string) bool {
	if a == b {
		return true
	}
	fa, err1 := strconv.ParseFloat(a, 64)
	fb, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil || fa != fb {
		return false
	}
	return isIntLiteral(a) == isIntLiteral(b)
}

func isIntLiteral(s string) bool { return !strings.ContainsAny(s, ".eE") }

// compareHistoryTypes compares the sequence of event types with the
// recorded history and, when they are equal, the ids and previousEventIds
// (ids the recorder masked are skipped).
//
// strict is false when the types matched only with the blocks of events
// the recorder reordered compared as sets (maskedBlocksMatch).
func compareHistoryTypes(ex *Execution, src []byte) (types, ids, strict bool) {
	v, err := asl.DecodeJSON(src)
	if err != nil {
		return false, false, false
	}
	arr, _ := v.([]any)
	var want []string
	for _, it := range arr {
		m, _ := it.(map[string]any)
		s, _ := m["type"].(string)
		want = append(want, s)
	}
	got := make([]string, 0, len(ex.Events()))
	for _, e := range ex.Events() {
		got = append(got, e.Type)
	}
	same := strings.Join(got, ",") == strings.Join(want, ",")
	if !same && maskedBlocksMatch(arr, ex.Events()) {
		return true, false, false
	}
	if !same && os.Getenv("SIM_HISTORY_DIFF") != "" {
		fmt.Printf("HISTORY %s\n  got  %s\n  want %s\n", ex.opts.Name, strings.Join(got, " "), strings.Join(want, " "))
	}
	if !same {
		return false, false, false
	}
	for i, it := range arr {
		m, _ := it.(map[string]any)
		id, isNum := m["id"].(int64)
		prev, _ := m["previousEventId"].(int64)
		ev := ex.Events()[i]
		if isNum && (id != ev.ID || prev != ev.PreviousEventID) {
			if os.Getenv("SIM_HISTORY_DIFF") != "" {
				fmt.Printf("IDS %s: event %d (%s) got #%d prev #%d, want #%d prev #%d\n", ex.opts.Name, i+1, ev.Type, ev.ID, ev.PreviousEventID, id, prev)
			}
			return true, false, true
		}
	}
	return true, true, true
}

// maskedBlocksMatch compares a history whose recorder masked the ids of
// some events (Parallel-branch events: the recorder reordered them and
// dropped one, see the corpus README) with ours: every event that kept its
// id must have our event of that id's type, and each masked block between
// ids M and N must be made of events of ours with ids M+1..N-1 — as many
// as the ids say AWS had, containing the recorded ones in any order.
func maskedBlocksMatch(rec []any, evs []*Event) bool {
	typeOf := func(id int64) string {
		if id < 1 || int(id) > len(evs) {
			return ""
		}
		return evs[id-1].Type
	}
	masked := false
	lastID := int64(0)
	var block []string
	closeBlock := func(next int64) bool {
		if len(block) == 0 {
			return true
		}
		ours := map[string]int{}
		n := 0
		for id := lastID + 1; id < next; id++ {
			ours[typeOf(id)]++
			n++
		}
		if n < len(block) {
			return false
		}
		for _, t := range block {
			if ours[t] == 0 {
				return false
			}
			ours[t]--
		}
		block = block[:0]
		return true
	}
	for _, it := range rec {
		m, _ := it.(map[string]any)
		typ, _ := m["type"].(string)
		id, isNum := m["id"].(int64)
		if !isNum {
			masked = true
			block = append(block, typ)
			continue
		}
		if !closeBlock(id) || typeOf(id) != typ {
			return false
		}
		lastID = id
	}
	if len(block) > 0 {
		return closeBlock(int64(len(evs)) + 1)
	}
	return masked && int(lastID) == len(evs)
}

func TestMaskedBlocksMatch(t *testing.T) {
	rec := []any{
		map[string]any{"id": int64(1), "type": "A"},
		map[string]any{"id": int64(2), "type": "B"},
		map[string]any{"id": []any{int64(0)}, "type": "X"},
		map[string]any{"id": []any{int64(0)}, "type": "Y"},
		map[string]any{"id": int64(6), "type": "Z"},
	}
	evs := func(types ...string) []*Event {
		var out []*Event
		for i, t := range types {
			out = append(out, &Event{ID: int64(i + 1), Type: t})
		}
		return out
	}
	for _, c := range []struct {
		ours []string
		want bool
	}{
		{[]string{"A", "B", "Y", "X", "W", "Z"}, true},  // reordered, one the recorder dropped
		{[]string{"A", "B", "X", "W", "Z"}, false},      // Z is not event #6
		{[]string{"A", "B", "Y", "Q", "W", "Z"}, false}, // X missing
		{[]string{"A", "B", "Y", "X", "W", "Z", "V"}, false},
		{[]string{"A", "C", "Y", "X", "W", "Z"}, false},
	} {
		if got := maskedBlocksMatch(rec, evs(c.ours...)); got != c.want {
			t.Errorf("%v: %v, want %v", c.ours, got, c.want)
		}
	}
	if maskedBlocksMatch(rec[:2], evs("A", "B")) {
		t.Errorf("a history without masked ids is not compared as sets")
	}
}
